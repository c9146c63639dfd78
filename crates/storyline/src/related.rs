//! Related coverage of a stored article: its story, its copies and its
//! full-text neighbours, each compared in full and ranked.

use crate::analyse::{analyse, analyse_with};
use crate::embed::encoders::Encoders;
use crate::index::search::SearchIndex;
use crate::relate::model::Scorers;
use crate::relate::scores::Dimension;
use crate::relate::{compare, Comparison};
use crate::store::{Store, StoredArticle};
use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;

/// The search index of a store, caught up with it.
pub fn synced_index(store: &dyn Store) -> anyhow::Result<SearchIndex> {
    let mut ix = SearchIndex::open(store.dir())?;
    ix.sync(store)?;
    Ok(ix)
}

/// One related article with its comparison.
#[derive(Serialize)]
pub struct Related {
    pub id: String,
    pub title: String,
    pub story: Option<i64>,
    /// Why it was considered: `same-story`, `duplicate`, `search`.
    pub found_by: &'static str,
    pub comparison: Comparison,
}

/// Articles most related to a stored one, most similar first: its story's
/// articles, its copies and full-text neighbours; with neural models, the
/// `limit` lexically closest of them compared in full.
pub fn related(
    store: &dyn Store,
    id: &str,
    limit: usize,
    scorers: &Scorers,
    encoders: &Encoders,
) -> anyhow::Result<(StoredArticle, Vec<Related>)> {
    let target = store
        .article(id)?
        .with_context(|| format!("no article {id:?} in {}", store.dir().display()))?;
    let mut candidates: Vec<(StoredArticle, &'static str)> = Vec::new();
    let mut seen = std::collections::HashSet::from([target.id.clone()]);
    if let Some(s) = target.story {
        for a in store.story_articles(s, limit * 3)? {
            if seen.insert(a.id.clone()) {
                // One family of copies: either is the other's original, or
                // both copy one original. Other articles of the story are
                // its other reports, whether or not the target is a copy.
                let original =
                    |x: &StoredArticle| x.duplicate.as_ref().map_or(x.id.clone(), |d| d.of.clone());
                let how = if original(&a) == original(&target) {
                    "duplicate"
                } else {
                    "same-story"
                };
                candidates.push((a, how));
            }
        }
    }
    let ix = synced_index(store)?;
    // The title and opening say what the article is about. Read as words
    // only: in query syntax "year-on-year" excludes every article with
    // "on", and "(Reuters) -" or a colon mean other things again.
    let query: String = format!(
        "{} {}",
        target.title,
        target.body.chars().take(400).collect::<String>()
    )
    .chars()
    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
    .collect();
    for hit in ix.search_any(&query, limit * 2)? {
        if seen.insert(hit.id.clone()) {
            if let Some(a) = store.article(&hit.id)? {
                candidates.push((a, "search"));
            }
        }
    }
    candidates.truncate(limit * 3);
    // Embedding every candidate's sentences is most of the cost (MiniLM
    // reads about 20 articles a second): rank them lexically first, which
    // costs a fraction of a millisecond each, and compare in full only
    // the `limit` best.
    if encoders.usem3.is_some() || encoders.minilm.is_some() {
        let lexical = Scorers {
            lexical: scorers.lexical,
            neural: None,
        };
        let target_an = analyse(&target.to_article());
        let mut ranked: Vec<(f64, (StoredArticle, &'static str))> = candidates
            .into_par_iter()
            .map(|(a, how)| {
                let an = analyse(&a.to_article());
                let c = compare(&target_an, &an, (&target.id, &a.id), &lexical);
                (c.scores.get(Dimension::Overall), (a, how))
            })
            .collect();
        ranked.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1 .0.id.cmp(&y.1 .0.id)));
        candidates = ranked.into_iter().take(limit).map(|(_, c)| c).collect();
    }
    let target_an = analyse_with(&target.to_article(), encoders);
    let mut out: Vec<Related> = candidates
        .into_par_iter()
        .map(|(a, how)| {
            let an = analyse_with(&a.to_article(), encoders);
            Related {
                comparison: compare(&target_an, &an, (&target.id, &a.id), scorers),
                title: a.heading(),
                id: a.id,
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
