//! The ingest pipeline: articles in, stored, deduplicated and assigned to
//! stories out.
//!
//! Two steps per batch. [`prepare`] is pure and runs on all cores:
//! analysis, document embedding, fingerprints. [`store_batch`] is
//! sequential and runs in one store transaction: id check, exact and near
//! duplicate lookup, story assignment, insert. A batch is all or nothing, so
//! whatever a caller reports after `store_batch` returns is durable, and a
//! killed run leaves only whole batches behind.
//!
//! Rules, in order, for each article:
//! 1. Its id is already stored: with the same text (and no other date) it
//!    is *already stored* (nothing written); with other text or another
//!    date it is a *conflict*: the first version stays (ids are stable
//!    references; silently replacing what readers saw would be worse), and
//!    the new one is reported, not stored. Unless the caller asked for
//!    corrections ([`OnChange::Replace`]): then the new version *replaces*
//!    the stored one in place, in the same story, and the replaced version
//!    is kept whole as an earlier version.
//! 2. Its normalised text is stored under another id: an *exact duplicate*,
//!    recorded without its text and counted in the original's story.
//! 3. A stored article shares enough word 5-grams: a *near duplicate*,
//!    stored with its text, linked to the original, counted in its story.
//! 4. Otherwise it is new, and joins or starts a story.

use crate::analyse::{analyse, Analysis, ArticleEmbedding};
use crate::cluster::profile::{profile, Params, Profile};
use crate::cluster::stored;
use crate::embed::encoders::Encoders;
use crate::embed::SentenceEncoder;
use crate::index::fingerprint;
use crate::ingest::article::{Article, DateSource};
use crate::store::{self, Duplicate, DuplicateKind, NewArticle, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;

/// Near-duplicate candidates verified per article (those sharing the most
/// LSH bands).
const NEAR_CANDIDATES: usize = 8;

/// An article ready to store.
pub struct Prepared {
    pub id: String,
    /// Where it came from (file, file:line, stdin:line), for reports.
    pub origin: String,
    pub article: Article,
    pub analysis: Analysis,
    pub content_hash: String,
    paragraphs: Vec<i64>,
}

/// What to do with an article whose id is stored with other content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnChange {
    /// Keep the stored version; report a conflict.
    #[default]
    Keep,
    /// Store the new version as a correction of the stored one.
    Replace,
}

impl OnChange {
    /// `Replace` when the caller asked for corrections (`--replace`,
    /// `?replace=true`), else `Keep`.
    pub fn replacing(replace: bool) -> OnChange {
        if replace {
            OnChange::Replace
        } else {
            OnChange::Keep
        }
    }
}

/// What happened to one article.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    Stored {
        id: String,
        story: i64,
        new_story: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        linked_story: Option<i64>,
    },
    Duplicate {
        id: String,
        duplicate_of: String,
        kind: DuplicateKind,
        similarity: f64,
        story: Option<i64>,
    },
    AlreadyStored {
        id: String,
        story: Option<i64>,
    },
    /// A correction replaced the stored version (kept as revision
    /// `revision`); the article stays in its story.
    Replaced {
        id: String,
        story: Option<i64>,
        revision: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<String>,
    },
    Conflict {
        id: String,
        message: String,
    },
}

impl Outcome {
    pub fn id(&self) -> &str {
        match self {
            Outcome::Stored { id, .. }
            | Outcome::Duplicate { id, .. }
            | Outcome::AlreadyStored { id, .. }
            | Outcome::Replaced { id, .. }
            | Outcome::Conflict { id, .. } => id,
        }
    }
}

/// Embed the whole text with the multilingual encoder. Clustering compares
/// document vectors; the sentence vectors the event check needs across
/// languages are made only when a story asks for them (`cluster::stored`).
fn embed_document(article: &Article, an: &mut Analysis, encoders: &Encoders) {
    let Some(enc) = &encoders.usem3 else { return };
    let text = article.full_text();
    if !enc.covers(&text) {
        tracing::warn!(
            "{}: written mostly in a script usem3 does not read; clustered by its words and names alone",
            article.label()
        );
        return;
    }
    match enc.embed(&[text.as_str()]) {
        Ok(mut v) if !v.is_empty() => {
            an.embedding = Some(ArticleEmbedding {
                encoder: enc.name().to_owned(),
                document: v.swap_remove(0),
                sentences: Vec::new(),
            })
        }
        Ok(_) => {}
        Err(e) => tracing::warn!("{}: not embedded: {e}", article.label()),
    }
}

/// Analyse, embed and fingerprint one article. Its id is the one given,
/// else its URL, else derived from its content (so the same text ingested
/// twice gets the same id).
pub fn prepare(article: Article, origin: String, encoders: &Encoders) -> Prepared {
    let text = article.full_text();
    let words = fingerprint::words(&text);
    let content_hash = fingerprint::content_hash(&words);
    let paragraphs = fingerprint::paragraph_hashes(&text);
    let mut analysis = analyse(&article);
    embed_document(&article, &mut analysis, encoders);
    let id = article
        .id
        .clone()
        .filter(|i| !i.trim().is_empty())
        .or_else(|| article.url.clone())
        .unwrap_or_else(|| format!("sha-{}", &content_hash[..16]));
    Prepared {
        id,
        origin,
        article,
        analysis,
        content_hash,
        paragraphs,
    }
}

fn new_article(p: &Prepared, body: bool) -> NewArticle {
    NewArticle {
        id: p.id.clone(),
        title: p.article.title.clone(),
        caption: p.article.caption.clone().filter(|_| body),
        body: body.then(|| p.article.body.clone()),
        url: p.article.url.clone(),
        source: p.article.source.clone(),
        lang: p.analysis.language.code.clone(),
        date: p.article.date.or(p.analysis.published),
        date_source: p
            .article
            .date_source
            .or(p.analysis.date_source)
            .map(|d| match d {
                DateSource::Field => "field",
                DateSource::HtmlMeta => "html-meta",
                DateSource::Dateline => "dateline",
                DateSource::Url => "url",
            })
            .map(str::to_owned),
        content_hash: p.content_hash.clone(),
        duplicate: None,
        story: None,
    }
}

/// Store a batch in one transaction; outcomes in input order. `encoders`
/// are those the batch was prepared with: the event check may embed a
/// story's articles to read them across languages.
pub fn store_batch(
    store: &mut dyn Store,
    params: &Params,
    batch: &[Prepared],
    encoders: &Encoders,
    on_change: OnChange,
) -> store::Result<Vec<Outcome>> {
    let mut tx = store.begin()?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for p in batch {
        outcomes.push(store_one(tx.as_mut(), params, p, encoders, on_change)?);
    }
    tx.commit()?;
    Ok(outcomes)
}

/// The publication date an article is stored with.
fn date_of(p: &Prepared) -> Option<chrono::NaiveDate> {
    p.article.date.or(p.analysis.published)
}

/// An article as the near-duplicate check reads it.
struct Fingerprint {
    text: String,
    /// Its paragraphs the store has seen in other originals (boilerplate).
    common: HashSet<i64>,
    /// Its title's paragraph hash.
    title: Vec<i64>,
    /// MinHash bands of its shingles without the boilerplate.
    bands: Vec<i64>,
}

/// Of these paragraph hashes, those seen in enough other originals to be
/// boilerplate.
fn boilerplate(tx: &mut dyn store::Txn, hashes: &[i64]) -> store::Result<HashSet<i64>> {
    tx.paragraphs_seen(hashes, fingerprint::BOILERPLATE_ORIGINALS)
        .map(|v| v.into_iter().collect())
}

/// Shingles without the paragraphs the store has seen in other originals
/// (boilerplate), so shared footers neither make nor hide a copy.
fn fingerprint_of(tx: &mut dyn store::Txn, p: &Prepared) -> store::Result<Fingerprint> {
    let text = p.article.full_text();
    let common = boilerplate(tx, &p.paragraphs)?;
    let words = fingerprint::words_excluding(&text, &common);
    let bands = fingerprint::bands(&fingerprint::shingles(&words), words.len());
    Ok(Fingerprint {
        title: fingerprint::paragraph_hashes(&p.article.title),
        text,
        common,
        bands,
    })
}

/// How much of the stored text `other` (title first, then a blank line, as
/// `article_text` gives it) this article shares, when it is a near copy.
fn resemblance(
    tx: &mut dyn store::Txn,
    print: &Fingerprint,
    other: &str,
) -> store::Result<Option<f64>> {
    let mut common = boilerplate(tx, &fingerprint::paragraph_hashes(other))?;
    common.extend(print.common.iter().copied());
    // Headlines are compared apart: a syndicated copy often gets a new
    // one, which in a short article alone can sink the resemblance.
    let their_title = other.split("\n\n").next().unwrap_or_default();
    let mut untitled = common.clone();
    untitled.extend(print.title.iter().copied());
    untitled.extend(fingerprint::paragraph_hashes(their_title));
    // Both sides' words without the paragraphs `excluded`.
    let both = |excluded: &HashSet<i64>| {
        let mine = fingerprint::words_excluding(&print.text, excluded);
        let theirs = fingerprint::words_excluding(other, excluded);
        (mine, theirs)
    };
    let (mine, theirs) = match both(&untitled) {
        // Bodies too short to compare alone keep their headlines.
        (m, t) if m.len() < fingerprint::MIN_WORDS || t.len() < fingerprint::MIN_WORDS => {
            both(&common)
        }
        bodies => bodies,
    };
    let (mine, theirs) = (fingerprint::shingles(&mine), fingerprint::shingles(&theirs));
    Ok(fingerprint::near_duplicate(&mine, &theirs))
}

/// Replace the stored version `head` of an article with the corrected one
/// `p`. The article keeps its arrival number and its story. A copy stays a
/// copy while it still copies its original; otherwise it counts as one of
/// its story's own reports, and the story is made again from its reports
/// as they now read (words, names, places, dates, headline).
fn replace(
    tx: &mut dyn store::Txn,
    params: &Params,
    p: &Prepared,
    head: store::ArticleHead,
    encoders: &Encoders,
) -> store::Result<Outcome> {
    let print = fingerprint_of(tx, p)?;
    let mut row = new_article(p, true);
    if let Some(of) = &head.duplicate_of {
        if let Some(original) = tx.article_head(of)? {
            if original.content_hash == p.content_hash {
                row = new_article(p, false);
                row.duplicate = Some(Duplicate {
                    of: of.clone(),
                    kind: DuplicateKind::Exact,
                    similarity: 1.0,
                });
            } else if let Some((_, other)) = tx.article_text(original.seq)? {
                if let Some(sim) = resemblance(tx, &print, &other)? {
                    row.duplicate = Some(Duplicate {
                        of: of.clone(),
                        kind: DuplicateKind::Near,
                        similarity: (sim * 1000.0).round() / 1000.0,
                    });
                }
            }
        }
    }
    row.story = head.story;
    let revision = tx.replace_article(head.seq, &row)?;
    if row.body.is_some() {
        tx.insert_bands(head.seq, &print.bands)?;
    }
    if let (Some(story), None) = (head.story, &row.duplicate) {
        let members = tx.story_recent_originals(story, i64::MAX as usize)?;
        let own = profile(&p.analysis, params.key_terms);
        let profiles: Vec<Profile> = members
            .par_iter()
            .rev()
            .map(|a| {
                if a.id == p.id {
                    return own.clone();
                }
                let article = a.to_article();
                let mut an = analyse(&article);
                embed_document(&article, &mut an, encoders);
                profile(&an, params.key_terms)
            })
            .collect();
        stored::rebuild(
            tx,
            story,
            &profiles,
            &p.id,
            &headline_of(p),
            &own.keys,
            encoders.usem3.is_some(),
        )?;
    }
    Ok(Outcome::Replaced {
        id: p.id.clone(),
        story: head.story,
        revision,
        duplicate_of: row.duplicate.map(|d| d.of),
    })
}

fn store_one(
    tx: &mut dyn store::Txn,
    params: &Params,
    p: &Prepared,
    encoders: &Encoders,
    on_change: OnChange,
) -> store::Result<Outcome> {
    if let Some(head) = tx.article_head(&p.id)? {
        let date = date_of(p);
        let change = if head.content_hash != p.content_hash {
            "different text".to_owned()
        } else if date.is_some() && date != head.date {
            let shown =
                |d: Option<chrono::NaiveDate>| d.map_or("none".to_owned(), |d| d.to_string());
            format!(
                "another date (stored {}, this one {})",
                shown(head.date),
                shown(date)
            )
        } else {
            return Ok(Outcome::AlreadyStored {
                id: p.id.clone(),
                story: head.story,
            });
        };
        if on_change == OnChange::Replace {
            return replace(tx, params, p, head, encoders);
        }
        return Ok(Outcome::Conflict {
            id: p.id.clone(),
            message: format!(
                "{}: id {:?} is already stored with {change}; the stored version is kept and this one was not stored (to store it as a correction: `storyline ingest --replace`, or PUT /v1/articles/{{id}})",
                p.origin, p.id
            ),
        });
    }
    if let Some(original) = tx.article_with_hash(&p.content_hash)? {
        let mut row = new_article(p, false);
        row.duplicate = Some(Duplicate {
            of: original.id.clone(),
            kind: DuplicateKind::Exact,
            similarity: 1.0,
        });
        row.story = original.story;
        let seq = tx.insert_article(&row)?;
        if let Some(s) = original.story {
            stored::count_copy(tx, s, seq)?;
        }
        return Ok(Outcome::Duplicate {
            id: p.id.clone(),
            duplicate_of: original.id,
            kind: DuplicateKind::Exact,
            similarity: 1.0,
            story: original.story,
        });
    }
    let print = fingerprint_of(tx, p)?;
    let mut near: Option<(store::ArticleHead, f64)> = None;
    if !print.bands.is_empty() {
        let matches = tx.band_matches(&print.bands)?;
        for (seq, _) in matches.into_iter().take(NEAR_CANDIDATES) {
            let Some((head, other)) = tx.article_text(seq)? else {
                continue;
            };
            if let Some(sim) = resemblance(tx, &print, &other)? {
                if near.as_ref().is_none_or(|(_, s)| sim > *s) {
                    near = Some((head, sim));
                }
            }
        }
    }
    let mut row = new_article(p, true);
    if let Some((head, sim)) = near {
        // Three decimals say all a resemblance can ("0.971", not 33/34).
        let sim = (sim * 1000.0).round() / 1000.0;
        // Link to the first of the family, so copies of copies group together.
        let of = head.duplicate_of.clone().unwrap_or(head.id.clone());
        row.duplicate = Some(Duplicate {
            of: of.clone(),
            kind: DuplicateKind::Near,
            similarity: sim,
        });
        row.story = head.story;
        let seq = tx.insert_article(&row)?;
        tx.insert_bands(seq, &print.bands)?;
        if let Some(s) = head.story {
            stored::count_copy(tx, s, seq)?;
        }
        return Ok(Outcome::Duplicate {
            id: p.id.clone(),
            duplicate_of: of,
            kind: DuplicateKind::Near,
            similarity: sim,
            story: head.story,
        });
    }
    let seq = tx.insert_article(&row)?;
    tx.insert_bands(seq, &print.bands)?;
    tx.count_paragraphs(&p.paragraphs)?;
    let prof = profile(&p.analysis, params.key_terms);
    let a = stored::assign(
        tx,
        params,
        &p.analysis,
        &prof,
        &p.id,
        &headline_of(p),
        seq,
        encoders,
    )?;
    tx.set_article_story(seq, a.story)?;
    Ok(Outcome::Stored {
        id: p.id.clone(),
        story: a.story,
        new_story: a.created,
        linked_story: a.linked.map(|(s, _)| s),
    })
}

/// Opening sentences considered for an article's headline.
const HEADLINE_SENTENCES: usize = 6;

/// What the article offers as a story headline: its title, unless the
/// title is no headline (a URL line, a fragment) or reads as an opening
/// sentence that names no one and nowhere (corpora without titles put the
/// first sentence there: "Well, here's something we all knew would
/// happen"). Then the first opening sentence that can stand as a headline
/// and names someone or somewhere ("Tara Reid has checked into rehab"),
/// else the first that can stand as one.
fn headline_of(p: &Prepared) -> String {
    let title = p.article.title.trim();
    let an = &p.analysis;
    let names_something = |text: &str| {
        an.entities
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .chain(an.places.iter().flat_map(|p| &p.surfaces))
            .any(|name| text.contains(name.as_str()))
    };
    if stored::headline_worthy(title) && (!title.ends_with('.') || names_something(title)) {
        return title.to_owned();
    }
    let opening: Vec<&str> = an
        .sentences
        .iter()
        .map(|s| s.text.trim())
        .filter(|s| stored::headline_worthy(s))
        .take(HEADLINE_SENTENCES)
        .collect();
    if let Some(s) = opening
        .iter()
        .find(|s| names_something(s))
        .or(opening.first())
    {
        return (*s).to_owned();
    }
    if !title.is_empty() {
        return title.to_owned();
    }
    // No title and no sentence fit for one ("Some text"): the opening
    // words, so that the story is never listed without a name.
    // Twelve words, or 60 characters where words are not spaced (Chinese).
    let words: Vec<&str> = p.article.body.split_whitespace().take(12).collect();
    let opening = words.join(" ");
    let mut headline: String = opening.chars().take(60).collect();
    if headline.len() < p.article.body.trim().len() {
        headline.push('…');
    }
    headline
}

/// Totals of an ingest run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub new: usize,
    pub exact_duplicates: usize,
    pub near_duplicates: usize,
    pub already_stored: usize,
    pub replaced: usize,
    pub conflicts: usize,
    pub rejected: usize,
    pub stories_created: usize,
    pub stories_updated: usize,
    #[serde(skip)]
    created: HashSet<i64>,
    #[serde(skip)]
    touched: HashSet<i64>,
}

impl Summary {
    pub fn add(&mut self, outcomes: &[Outcome]) {
        for o in outcomes {
            match o {
                Outcome::Stored {
                    new_story, story, ..
                } => {
                    self.new += 1;
                    if *new_story {
                        self.created.insert(*story);
                    }
                    self.touched.insert(*story);
                }
                Outcome::Duplicate { kind, story, .. } => {
                    match kind {
                        DuplicateKind::Exact => self.exact_duplicates += 1,
                        DuplicateKind::Near => self.near_duplicates += 1,
                    }
                    if let Some(s) = story {
                        self.touched.insert(*s);
                    }
                }
                Outcome::AlreadyStored { .. } => self.already_stored += 1,
                Outcome::Replaced { story, .. } => {
                    self.replaced += 1;
                    if let Some(s) = story {
                        self.touched.insert(*s);
                    }
                }
                Outcome::Conflict { .. } => self.conflicts += 1,
            }
        }
        self.stories_created = self.created.len();
        self.stories_updated = self.touched.difference(&self.created).count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::plain::parse_plain;

    fn headline(text: &str) -> String {
        let p = prepare(parse_plain(text), "test".into(), &Encoders::none());
        headline_of(&p)
    }

    #[test]
    fn headlines_prefer_titles_then_sentences_that_name_someone() {
        // A real title stays, full stop or not, when it names someone.
        assert_eq!(
            headline("Lohan checks into Betty Ford\n\nThe actress arrived late on Thursday."),
            "Lohan checks into Betty Ford"
        );
        assert_eq!(
            headline("Moscow and Ankara agree to reduce tension in Idlib.\n\nThe ministry said so on Saturday."),
            "Moscow and Ankara agree to reduce tension in Idlib."
        );
        // A nameless opening sentence in the title slot gives way to the
        // first sentence that names someone.
        assert_eq!(
            headline("Well , here 's something that we all knew would happen eventually .\n\nIt was only a matter of time for the actress . Tara Reid has checked into Promises Treatment Center in Malibu ."),
            "Tara Reid has checked into Promises Treatment Center in Malibu ."
        );
        // A URL line is never a headline.
        assert_eq!(
            headline("http : / / www . example . com / news / 2013\n\nTara Reid has checked into a rehab clinic in Malibu on Tuesday ."),
            "Tara Reid has checked into a rehab clinic in Malibu on Tuesday ."
        );
        // Text too short for a headline still names its story.
        assert_eq!(headline("Some text"), "Some text");
    }
}
