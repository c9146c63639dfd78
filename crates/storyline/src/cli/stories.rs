//! `storyline stories`, `storyline story ID` and `storyline dups`: reading
//! the store.

use super::StoreArgs;
use crate::ingest::load::parse_date;
use crate::store::{OpenMode, StoredArticle, StoryFilter, StoryOrder, StorySummary};
use anyhow::Context;
use chrono::NaiveDate;
use std::io::Write;

#[derive(clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Order: newest (latest update first) or largest (most articles first).
    #[arg(long, value_enum, default_value_t = StoryOrder::Newest)]
    order: StoryOrder,
    /// Only stories naming this person or organisation ("Erdogan" finds "Erdoğan").
    #[arg(long)]
    entity: Option<String>,
    /// Only stories naming this city or region.
    #[arg(long)]
    place: Option<String>,
    /// Only stories with an article in this language (ISO 639-1).
    #[arg(long)]
    lang: Option<String>,
    /// Only stories with an article dated on or after (YYYY-MM-DD); with --to, one dated within the range.
    #[arg(long, value_parser = date_arg)]
    from: Option<NaiveDate>,
    /// Only stories with an article dated on or before (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    to: Option<NaiveDate>,
    #[arg(long, default_value_t = 20, value_parser = super::count_arg)]
    limit: usize,
    /// Continue a listing after this story id (the previous page's last).
    #[arg(long, value_name = "STORY")]
    after: Option<i64>,
    #[arg(long)]
    json: bool,
}

fn story_id_arg(s: &str) -> Result<i64, String> {
    s.strip_prefix('#')
        .unwrap_or(s)
        .parse()
        .map_err(|_| format!("{s:?} is no story id (a number, as `storyline stories` lists it)"))
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("cannot read {s:?} as a date (use YYYY-MM-DD)"))
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// Story id (as `storyline stories` lists it, with or without its `#`).
    #[arg(value_parser = story_id_arg)]
    id: i64,
    #[command(flatten)]
    store: StoreArgs,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct DupsArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Most groups shown (largest first).
    #[arg(long, default_value_t = 50, value_parser = super::count_arg)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

fn span(s: &StorySummary) -> String {
    match (s.first_date, s.last_date) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "undated".into(),
    }
}

pub fn list(args: ListArgs) -> anyhow::Result<i32> {
    if let (Some(from), Some(to)) = (args.from, args.to) {
        anyhow::ensure!(
            from <= to,
            "--from {from} is after --to {to}: no date can be both"
        );
    }
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let filter = StoryFilter {
        entity: args
            .entity
            .as_deref()
            .map(crate::cluster::stored::entity_filter_key),
        places: args
            .place
            .as_deref()
            .map(|p| crate::cluster::stored::place_filter(store.as_ref(), p))
            .transpose()?,
        language: args
            .lang
            .as_deref()
            .map(crate::analyse::language::validate_code)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        from: args.from,
        to: args.to,
        order: args.order,
        after: args.after,
        limit: args.limit,
    };
    let stories = store.stories(&filter)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let list: Vec<_> = stories
            .iter()
            .map(|s| crate::views::story(store.as_ref(), s))
            .collect::<crate::store::Result<_>>()?;
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
        return Ok(0);
    }
    if stories.is_empty() {
        writeln!(out, "no stories match")?;
    }
    for s in &stories {
        // Who and where at a glance: the leading names of each.
        let (entities, places) = crate::views::key_names(store.as_ref(), s.id, 3)?;
        let names: Vec<_> = entities.into_iter().chain(places).collect();
        writeln!(
            out,
            "#{:<6} {:>13}  {:<23} {:<8} {}",
            s.id,
            crate::views::article_count(s.articles),
            span(s),
            s.languages.join(","),
            s.headline
        )?;
        if !names.is_empty() {
            let labels: Vec<&str> = names.iter().map(|n| n.label.as_str()).collect();
            writeln!(out, "        {}", labels.join(", "))?;
        }
    }
    Ok(0)
}

fn article_line(a: &StoredArticle) -> String {
    let date = a.date.map_or("undated   ".to_string(), |d| d.to_string());
    let from = a.source.as_deref().or(a.url.as_deref()).unwrap_or(&a.id);
    format!("{date}  [{}] {}  ({from})", a.lang, a.heading())
}

pub fn show(args: ShowArgs) -> anyhow::Result<i32> {
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let story = store
        .story(args.id)?
        .with_context(|| format!("no story {} in {}", args.id, store.dir().display()))?;
    let articles = store.story_articles(args.id, usize::MAX >> 1)?;
    let linked = store.linked_stories(args.id)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = crate::views::story_detail(store.as_ref(), &story)?;
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "Story #{}: {}", story.id, story.headline)?;
    writeln!(
        out,
        "{}, {}, languages {}",
        crate::views::article_count(story.articles),
        span(&story),
        story.languages.join(", ")
    )?;
    let (entities, places) = crate::views::key_names(store.as_ref(), story.id, 8)?;
    let labels = |v: &[crate::store::StoryName]| {
        if v.is_empty() {
            return "none found".to_owned();
        }
        v.iter()
            .map(|n| format!("{} ({})", n.label, n.articles))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "Key entities: {}", labels(&entities))?;
    writeln!(out, "Key places:   {}", labels(&places))?;
    writeln!(out, "\nTimeline:")?;
    // Copies are folded under their original.
    for a in articles.iter().filter(|a| a.duplicate.is_none()) {
        writeln!(out, "  {}", article_line(a))?;
        let copies: Vec<&StoredArticle> = articles
            .iter()
            .filter(|c| c.duplicate.as_ref().is_some_and(|d| d.of == a.id))
            .collect();
        for c in copies {
            let d = c.duplicate.as_ref().expect("filtered");
            writeln!(
                out,
                "      {} copy: {} ({})",
                d.kind.as_str(),
                c.source.as_deref().or(c.url.as_deref()).unwrap_or(&c.id),
                c.date.map_or("undated".into(), |x| x.to_string())
            )?;
        }
    }
    // Copies whose original lies in another story (it was stored first).
    for a in articles.iter().filter(|a| {
        a.duplicate
            .as_ref()
            .is_some_and(|d| !articles.iter().any(|o| o.id == d.of))
    }) {
        writeln!(out, "  {}", article_line(a))?;
    }
    if !linked.is_empty() {
        writeln!(out, "\nSame thread:")?;
        for (s, sim) in &linked {
            writeln!(out, "  #{} ({:.2}) {}  {}", s.id, sim, span(s), s.headline)?;
        }
    }
    Ok(0)
}

pub fn dups(args: DupsArgs) -> anyhow::Result<i32> {
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let groups = store.duplicate_groups(args.limit)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = crate::views::duplicate_groups(&groups);
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
        return Ok(0);
    }
    if groups.is_empty() {
        writeln!(out, "no duplicates stored")?;
    }
    for g in &groups {
        writeln!(
            out,
            "{}  {}  ({})",
            g.original.id,
            g.original.heading(),
            match g.copies.len() {
                1 => "1 copy".to_owned(),
                n => format!("{n} copies"),
            }
        )?;
        for c in &g.copies {
            let d = c.duplicate.as_ref().expect("copies have a duplicate link");
            writeln!(
                out,
                "    {:<5} {:.2}  {}  {}",
                d.kind.as_str(),
                d.similarity,
                c.id,
                c.heading()
            )?;
        }
    }
    Ok(0)
}
