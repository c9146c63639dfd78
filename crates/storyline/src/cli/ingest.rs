//! `storyline ingest PATH...`: read, deduplicate, assign to stories, store.

use super::errln;

use super::StoreArgs;
use crate::cli::outln;
use crate::cluster::profile::Params;
use crate::embed::encoders::Encoders;
use crate::index::search::SearchIndex;
use crate::ingest::sources::{read_all, Item};
use crate::pipeline::{prepare, store_batch, OnChange, Outcome, Summary};
use crate::store::OpenMode;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories (read recursively), JSONL files (`id`,
    /// `title`, `text`, optional `url`, `date`, `lang`, `source`); `-` reads
    /// JSONL from stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    /// No embeddings: cluster on terms, entities and places only (faster).
    #[arg(long)]
    lexical: bool,
    /// Print one JSON line per article (what happened to it) on stdout.
    #[arg(long)]
    json: bool,
    /// Store an article whose id is already stored with other text or
    /// another date as a correction: it replaces the stored version, in the
    /// same story, and the stored version is kept as an earlier version.
    /// Without it such an article is a conflict, reported and not stored.
    #[arg(long)]
    replace: bool,
    /// Articles per transaction: a killed run loses at most the batch in
    /// flight, which was not yet reported.
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    batch: u64,
}

fn spinner() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos} articles ({per_sec})")
            .expect("valid template"),
    );
    bar.set_message("ingesting");
    bar
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let dir = args.store.dir();
    let mut store = crate::store::open(&dir, OpenMode::Create)?;
    let encoders = Encoders::for_clustering(args.lexical);
    let params = Params::default();
    let mut summary = Summary::default();
    let bar = spinner();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut skipped: Vec<String> = Vec::new();
    let mut items = read_all(args.paths).peekable();
    while items.peek().is_some() {
        let mut chunk = Vec::with_capacity(args.batch as usize);
        for item in items.by_ref().take(args.batch as usize) {
            match item {
                Item::Article { article, origin } => chunk.push((article, origin)),
                Item::Rejected { message, origin } => {
                    summary.rejected += 1;
                    bar.suspend(|| errln!("storyline: not ingested: {message}"));
                    if args.json {
                        let line = serde_json::json!({
                            "status": "rejected", "origin": origin, "error": message,
                        });
                        serde_json::to_writer(&mut out, &line)?;
                        writeln!(out)?;
                    }
                }
                Item::Skipped { origin } => skipped.push(origin),
            }
        }
        let prepared: Vec<_> = chunk
            .into_par_iter()
            .map(|(a, origin)| prepare(a, origin, &encoders))
            .collect();
        if prepared.is_empty() {
            continue;
        }
        let outcomes = store_batch(
            store.as_mut(),
            &params,
            &prepared,
            &encoders,
            OnChange::replacing(args.replace),
        )?;
        summary.add(&outcomes);
        bar.inc(outcomes.len() as u64);
        for o in &outcomes {
            if let Outcome::Conflict { message, .. } = o {
                bar.suspend(|| errln!("storyline: conflict: {message}"));
            }
            if args.json {
                serde_json::to_writer(&mut out, o)?;
                writeln!(out)?;
            }
        }
        // Reported only once committed.
        out.flush()?;
    }
    bar.finish_and_clear();
    if !skipped.is_empty() {
        const SHOWN: usize = 5;
        let more = skipped.len().saturating_sub(SHOWN);
        let mut names = skipped[..skipped.len().min(SHOWN)].join(", ");
        if more > 0 {
            names.push_str(&format!(" and {more} more"));
        }
        errln!(
            "storyline: {} not read: only .{} files are taken from directories: {names}",
            if skipped.len() == 1 {
                "1 file".to_owned()
            } else {
                format!("{} files", skipped.len())
            },
            crate::ingest::sources::ARTICLE_EXTENSIONS.join(", ."),
        );
    }
    // The search index is derived: a failure here loses nothing stored,
    // and the next run (or `storyline search`) catches up.
    match SearchIndex::open(&dir).and_then(|mut ix| ix.sync(store.as_ref())) {
        Ok(n) => tracing::info!("search index: {n} articles added"),
        Err(e) => errln!("storyline: warning: {e}"),
    }
    let processed = summary.new
        + summary.exact_duplicates
        + summary.near_duplicates
        + summary.already_stored
        + summary.replaced
        + summary.conflicts;
    out.flush()?;
    drop(out);
    let line = format!(
        "{}: {} new, {} exact duplicates, {} near duplicates, {} already stored, {} replaced, {} conflicts, {} rejected; stories: {} created, {} earlier ones updated",
        dir.display(),
        summary.new,
        summary.exact_duplicates,
        summary.near_duplicates,
        summary.already_stored,
        summary.replaced,
        summary.conflicts,
        summary.rejected,
        summary.stories_created,
        summary.stories_updated
    );
    // With --json, stdout holds the outcomes alone.
    if args.json {
        errln!("{line}");
    } else {
        outln!("{line}");
    }
    Ok(if processed == 0 && summary.rejected > 0 {
        1
    } else {
        0
    })
}
