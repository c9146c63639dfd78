//! JSON views of stored things, shared by the CLI (`--json`) and the HTTP
//! API, so both print the same shapes.

use crate::store::{Store, StorySummary};
use serde_json::{json, Value};

/// Names read per story to pick its key entities and places from.
const NAMES_READ: usize = 60;

/// Key entities and key places of a story, at most `each` of both: a story
/// with many people still shows its places.
pub fn key_names(
    store: &dyn Store,
    story: i64,
    each: usize,
) -> crate::store::Result<(Vec<crate::store::StoryName>, Vec<crate::store::StoryName>)> {
    let names = store.story_names(story, NAMES_READ)?;
    let (mut places, mut entities): (Vec<_>, Vec<_>) =
        names.into_iter().partition(|n| n.kind == "place");
    entities.truncate(each);
    places.truncate(each);
    Ok((entities, places))
}

/// A story as listed: summary, key entities and places.
pub fn story(store: &dyn Store, s: &StorySummary) -> crate::store::Result<Value> {
    let (entities, places) = key_names(store, s.id, 8)?;
    Ok(json!({
        "id": s.id,
        "headline": s.headline,
        "articles": s.articles,
        "first_date": s.first_date,
        "last_date": s.last_date,
        "languages": s.languages,
        "entities": entities,
        "places": places,
    }))
}

/// Articles a story's timeline shows (a story of thousands of copies would
/// otherwise answer megabytes); `timeline_complete` says when cut.
pub const TIMELINE_LIMIT: usize = 500;

/// A story in full: [`story`] plus its timeline and same-thread stories.
pub fn story_detail(store: &dyn Store, s: &StorySummary) -> crate::store::Result<Value> {
    let mut v = story(store, s)?;
    let articles = store.story_articles(s.id, TIMELINE_LIMIT)?;
    let linked = store.linked_stories(s.id)?;
    v["timeline"] = json!(articles
        .iter()
        .map(|a| json!({
            "id": a.id, "title": a.heading(), "date": a.date, "lang": a.lang,
            "source": a.source, "url": a.url, "duplicate": a.duplicate,
        }))
        .collect::<Vec<_>>());
    v["timeline_complete"] =
        json!((articles.len() as i64) >= s.articles || articles.len() < TIMELINE_LIMIT);
    v["related_stories"] = json!(linked
        .iter()
        .map(|(s, sim)| json!({"id": s.id, "headline": s.headline, "similarity": crate::relate::scores::round2(*sim)}))
        .collect::<Vec<_>>());
    Ok(v)
}

/// Duplicate groups as listed by `storyline dups --json` and
/// `GET /v1/duplicates`: each original with its copies, largest group first.
pub fn duplicate_groups(groups: &[crate::store::DuplicateGroup]) -> Value {
    json!(groups
        .iter()
        .map(|g| json!({
            "original": {
                "id": g.original.id, "title": g.original.heading(), "story": g.original.story,
                "date": g.original.date, "source": g.original.source, "url": g.original.url,
            },
            "copies": g.copies.iter().map(|c| json!({
                "id": c.id, "title": c.heading(),
                "date": c.date, "source": c.source, "url": c.url,
                "kind": c.duplicate.as_ref().map(|d| d.kind),
                "similarity": c.duplicate.as_ref().map(|d| d.similarity),
            })).collect::<Vec<_>>(),
        }))
        .collect::<Vec<_>>())
}

/// "1 article", "6 articles": counts as people read them.
pub fn article_count(n: i64) -> String {
    if n == 1 {
        "1 article".to_owned()
    } else {
        format!("{n} articles")
    }
}
