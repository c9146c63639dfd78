//! `storyline search QUERY` and `storyline related ID`.

use super::{ModelArgs, StoreArgs};
use crate::relate::scores::Dimension;
use crate::store::OpenMode;
use std::io::Write;

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to look for, all of which must match (any language; accents
    /// and case do not matter; "quakes" finds "quake" in an English
    /// article, "tipos" finds "tipo" in a Spanish one). Query syntax works:
    /// "a phrase", -excluded, a OR b. Quote a query of several words:
    /// `storyline search "flood -Valencia"`; `-Valencia` alone lists what
    /// does not name Valencia.
    #[arg(allow_hyphen_values = true)]
    query: String,
    #[command(flatten)]
    store: StoreArgs,
    #[arg(long, default_value_t = 10, value_parser = super::count_arg)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct RelatedArgs {
    /// Id of a stored article.
    id: String,
    #[command(flatten)]
    store: StoreArgs,
    #[arg(long, default_value_t = 10, value_parser = super::count_arg)]
    limit: usize,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    model: ModelArgs,
}

pub fn search(args: SearchArgs) -> anyhow::Result<i32> {
    let query = args.query;
    anyhow::ensure!(
        query.chars().any(char::is_alphanumeric),
        "the search query {query:?} has no word to look for"
    );
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let ix = crate::related::synced_index(store.as_ref())?;
    let hits = ix.search(&query, args.limit)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(0);
    }
    if hits.is_empty() {
        writeln!(out, "no articles match {query:?}")?;
    }
    for h in hits {
        let story = h.story.map_or(String::new(), |s| format!("story #{s}"));
        writeln!(
            out,
            "{:6.2}  {}  [{}] {}  {story}",
            h.score, h.id, h.lang, h.title
        )?;
        match (&h.copy_of, h.copies.as_slice()) {
            (Some(of), _) => writeln!(out, "        near copy of {of}")?,
            (None, []) => {}
            (None, [one]) => writeln!(out, "        + near copy {one}")?,
            (None, many) => writeln!(
                out,
                "        + {} near copies: {}",
                many.len(),
                many.join(", ")
            )?,
        }
    }
    Ok(0)
}

pub fn run_related(args: RelatedArgs) -> anyhow::Result<i32> {
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let models = args.model.load()?;
    let scorers = models.scorers()?;
    let (target, related) = crate::related::related(
        store.as_ref(),
        &args.id,
        args.limit,
        &scorers,
        models.encoders(),
    )?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &related)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "Related to {}: {}", target.id, target.heading())?;
    if related.is_empty() {
        writeln!(out, "  nothing related stored")?;
    }
    for r in &related {
        let how = match r.found_by {
            "duplicate" => "a copy",
            "same-story" => "same story",
            _ => "found by search",
        };
        let story = r.story.map_or(String::new(), |s| format!(", story #{s}"));
        writeln!(
            out,
            "\n{:.2}  {}  {}  ({how}{story})\n      {}",
            r.comparison.scores.get(Dimension::Overall),
            r.id,
            r.title,
            r.comparison.explanation.summary
        )?;
    }
    Ok(0)
}
