//! `storyline analyze FILE`: what Storyline extracted from one article.

use crate::analyse::time::EventTime;
use crate::analyse::{analyse, Analysis};
use crate::ingest::load::load_article;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article file (plain text, .json or .html); `-` reads stdin.
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let article = load_article(&args.file)?;
    let an = analyse(&article);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &an)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render(&args.file.display().to_string(), &an))?;
    }
    Ok(0)
}

fn render(label: &str, an: &Analysis) -> String {
    let mut s = String::new();
    writeln!(s, "{label}").unwrap();
    let lang = &an.language;
    let how = if lang.supplied {
        "supplied".to_owned()
    } else {
        format!("detected, confidence {:.2}", lang.confidence)
    };
    writeln!(s, "  language:   {} ({how})", lang.code).unwrap();
    writeln!(s, "  title:      {}", an.title).unwrap();
    match (an.published, an.date_source) {
        (Some(d), Some(src)) => writeln!(s, "  published:  {d} (from {src})").unwrap(),
        _ => writeln!(s, "  published:  unknown").unwrap(),
    }
    writeln!(
        s,
        "  sentences:  {}  words: {}",
        an.sentences.len(),
        an.style.words
    )
    .unwrap();
    writeln!(s, "Entities").unwrap();
    if an.entities.is_empty() {
        writeln!(s, "  none found").unwrap();
    }
    for e in &an.entities {
        write!(
            s,
            "  {:<13} {}",
            format!("{:?}", e.kind).to_lowercase(),
            e.name
        )
        .unwrap();
        if let Some(r) = &e.role {
            write!(s, " ({r})").unwrap();
        }
        if !e.aliases.is_empty() {
            write!(s, " also \"{}\"", e.aliases.join("\", \"")).unwrap();
        }
        writeln!(s, "  x{}", e.mentions).unwrap();
    }
    writeln!(s, "Places").unwrap();
    if an.places.is_empty() {
        writeln!(s, "  none found").unwrap();
    }
    for p in &an.places {
        let adj = if p.adjective_only {
            ", adjective only"
        } else {
            ""
        };
        writeln!(
            s,
            "  {:<13} {} [{}] as \"{}\"  x{}{adj}",
            format!("{:?}", p.kind).to_lowercase(),
            p.name,
            p.country,
            p.surfaces.join("\", \""),
            p.mentions
        )
        .unwrap();
    }
    writeln!(s, "Time expressions").unwrap();
    if an.times.is_empty() {
        writeln!(s, "  none found").unwrap();
    }
    for t in &an.times {
        let value = serde_json::to_value(&t.value).unwrap_or_default();
        let heading = if t.in_heading {
            " (in title/caption)"
        } else {
            ""
        };
        writeln!(s, "  \"{}\" -> {value}{heading}", t.text).unwrap();
    }
    match &an.event_time {
        EventTime::Fixed { date, basis } => writeln!(s, "Event time: {date} ({basis})").unwrap(),
        EventTime::Unfixed { reason } => {
            writeln!(s, "Event time: cannot be fixed: {reason}").unwrap()
        }
    }
    if !an.figures.is_empty() {
        // The numbers `compare` matches as figures of the events; years and
        // the numbers of dates are under "Time expressions".
        writeln!(s, "Figures: {}", an.figures.join(", ")).unwrap();
    }
    s
}
