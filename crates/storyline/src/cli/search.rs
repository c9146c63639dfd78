//! `storyline search QUERY` and `storyline related ID`.

use super::{ModelArgs, StoreArgs};
use crate::analyse::analyse_with;
use crate::index::search::SearchIndex;
use crate::ingest::article::Article;
use crate::relate::compare;
use crate::relate::scores::Dimension;
use crate::store::{OpenMode, Store, StoredArticle};
use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to look for (any language; accents and case do not matter).
    query: String,
    #[command(flatten)]
    store: StoreArgs,
    #[arg(long, default_value_t = 10)]
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
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    model: ModelArgs,
}

/// The search index of a store, caught up with it.
pub fn synced_index(store: &dyn Store) -> anyhow::Result<SearchIndex> {
    let mut ix = SearchIndex::open(store.dir())?;
    ix.sync(store)?;
    Ok(ix)
}

pub fn search(args: SearchArgs) -> anyhow::Result<i32> {
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let ix = synced_index(store.as_ref())?;
    let hits = ix.search(&args.query, args.limit)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(0);
    }
    if hits.is_empty() {
        writeln!(out, "no articles match {:?}", args.query)?;
    }
    for h in hits {
        let story = h.story.map_or(String::new(), |s| format!("story #{s}"));
        writeln!(
            out,
            "{:6.2}  {}  [{}] {}  {story}",
            h.score, h.id, h.lang, h.title
        )?;
    }
    Ok(0)
}

pub fn to_article(a: &StoredArticle) -> Article {
    Article {
        id: Some(a.id.clone()),
        title: a.title.clone(),
        caption: a.caption.clone(),
        body: a.body.clone(),
        date: a.date,
        date_source: None,
        lang: Some(a.lang.clone()).filter(|l| l != "und"),
        source: a.source.clone(),
        url: a.url.clone(),
    }
}

/// One related article with its comparison.
#[derive(Serialize)]
pub struct Related {
    pub id: String,
    pub title: String,
    pub story: Option<i64>,
    /// Why it was considered: `same-story`, `duplicate`, `search`.
    pub found_by: &'static str,
    pub comparison: crate::relate::Comparison,
}

/// Articles most related to a stored one, most similar first: its story's
/// articles, its copies and full-text neighbours, each compared in full.
pub fn related(
    store: &dyn Store,
    id: &str,
    limit: usize,
    models: &super::Loaded,
) -> anyhow::Result<(StoredArticle, Vec<Related>)> {
    let target = store
        .article(id)?
        .with_context(|| format!("no article {id:?} in {}", store.dir().display()))?;
    let mut candidates: Vec<(StoredArticle, &'static str)> = Vec::new();
    let mut seen = std::collections::HashSet::from([target.id.clone()]);
    if let Some(s) = target.story {
        for a in store.story_articles(s)? {
            if seen.insert(a.id.clone()) {
                let how = if a.duplicate.is_some() || target.duplicate.is_some() {
                    "duplicate"
                } else {
                    "same-story"
                };
                candidates.push((a, how));
            }
        }
    }
    let ix = synced_index(store)?;
    // The title and opening say what the article is about.
    let query: String = format!(
        "{} {}",
        target.title,
        target.body.chars().take(400).collect::<String>()
    );
    for hit in ix.search(&query, limit * 2)? {
        if seen.insert(hit.id.clone()) {
            if let Some(a) = store.article(&hit.id)? {
                candidates.push((a, "search"));
            }
        }
    }
    candidates.truncate(limit * 3);
    let scorers = models.scorers()?;
    let encoders = models.encoders();
    let target_an = analyse_with(&to_article(&target), encoders);
    let mut out: Vec<Related> = candidates
        .into_par_iter()
        .map(|(a, how)| {
            let an = analyse_with(&to_article(&a), encoders);
            Related {
                comparison: compare(&target_an, &an, (&target.id, &a.id), &scorers),
                id: a.id,
                title: a.title,
                story: a.story,
                found_by: how,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.comparison
            .scores
            .get(Dimension::Overall)
            .total_cmp(&b.comparison.scores.get(Dimension::Overall))
            .then(a.id.cmp(&b.id))
    });
    out.truncate(limit);
    Ok((target, out))
}

pub fn run_related(args: RelatedArgs) -> anyhow::Result<i32> {
    let store = crate::store::open(&args.store.dir(), OpenMode::Existing)?;
    let models = args.model.load()?;
    let (target, related) = related(store.as_ref(), &args.id, args.limit, &models)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &related)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "Related to {}: {}", target.id, target.title)?;
    if related.is_empty() {
        writeln!(out, "  nothing related stored")?;
    }
    for r in &related {
        let story = r.story.map_or(String::new(), |s| format!(" story #{s}"));
        writeln!(
            out,
            "\n{:.2}  {}  {}  ({}{story})\n      {}",
            r.comparison.scores.get(Dimension::Overall),
            r.id,
            r.title,
            r.found_by,
            r.comparison.explanation.summary
        )?;
    }
    Ok(0)
}
