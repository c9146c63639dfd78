//! Full-text search over stored articles (tantivy).
//!
//! The index lives in `search/` inside the store directory and is derived
//! data: the store is the truth. Each commit records, as its payload, the
//! arrival number of the last article it holds and the number of the last
//! correction (`ingest --replace`) it has read; [`SearchIndex::sync`]
//! indexes whatever the store has beyond them, corrected articles again as
//! they now read. So a process killed between
//! a store commit and an index commit loses nothing: the next sync catches
//! up, and the index can always be deleted and rebuilt.
//!
//! Every article is indexed twice. The title and body fields take one
//! tokenizer for every language with word spaces: Unicode word boundaries,
//! lowercase, accents folded (so "Cavusoglu" finds "Çavuşoğlu"). A
//! stemmed field of the article's own language, where tantivy has a
//! stemmer for it, holds the same text stemmed and without stopwords, so
//! that "quakes" finds "quake" and "tipos" finds "tipo". A query says no
//! language: it is read by every field's tokenizer, and a word matches
//! where any of them finds it. Chinese and Japanese, written without
//! spaces, are indexed as character pairs ([`super::cjk`]).

use super::cjk::CjkBigrams;
use crate::store::{Store, StoreError, StoredArticle};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED,
    STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument};

const TOKENIZER: &str = "storyline";

/// Languages (ISO 639-1) with a stemmed field of their own.
const STEMMED: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("tr", Language::Turkish),
];
const SEARCH_DIR: &str = "search";
/// Articles read from the store per step of a sync.
const SYNC_STEP: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index {path}: {message} (delete that directory to rebuild it)")]
    Index { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub type Result<T> = std::result::Result<T, SearchError>;

struct Fields {
    seq: Field,
    id: Field,
    title: Field,
    body: Field,
    lang: Field,
    story: Field,
    /// The original's id, for a near copy.
    copy_of: Field,
    /// One per [`STEMMED`] language, in that order.
    stemmed: Vec<Field>,
}

pub struct SearchIndex {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    f: Fields,
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub lang: String,
    pub story: Option<i64>,
    pub score: f32,
    /// For a near copy listed on its own (its original did not match):
    /// the original's id.
    pub copy_of: Option<String>,
    /// Near copies of this article that matched too, folded under it.
    pub copies: Vec<String>,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        seq: b.add_u64_field("seq", INDEXED | STORED | FAST),
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone() | STORED),
        body: b.add_text_field("body", text),
        lang: b.add_text_field("lang", STRING | STORED),
        story: b.add_i64_field("story", STORED),
        copy_of: b.add_text_field("copy_of", STRING | STORED),
        stemmed: STEMMED
            .iter()
            .map(|(code, _)| {
                let options = TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(&stemmed_tokenizer(code))
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                );
                b.add_text_field(&format!("stemmed_{code}"), options)
            })
            .collect(),
    };
    (b.build(), f)
}

fn stemmed_tokenizer(code: &str) -> String {
    format!("{TOKENIZER}_{code}")
}

/// Version of the analyzers below, kept in the index directory: an index
/// built by other analyzers reads its terms otherwise, so it is rebuilt.
/// 2: combining marks dropped after lowercasing (Turkish "İzmir").
/// 3: Chinese and Japanese as character pairs ([`super::cjk`]).
const ANALYZERS_VERSION: &str = "3";
const ANALYZERS_FILE: &str = "analyzers-version";
/// Tantivy's file that says an index exists in a directory.
const META_FILE: &str = "meta.json";

/// Drops combining marks (U+0300 to U+036F) from lowercased tokens. The
/// Turkish capital "İ" lowercases to "i" and a combining dot above, which
/// ASCII folding keeps: "İzmir'de" must be found by "Izmir" and "izmir".
#[derive(Clone)]
struct DropCombiningMarks;

impl TokenFilter for DropCombiningMarks {
    type Tokenizer<T: Tokenizer> = DropCombiningMarksFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        DropCombiningMarksFilter(tokenizer)
    }
}

#[derive(Clone)]
struct DropCombiningMarksFilter<T>(T);

impl<T: Tokenizer> Tokenizer for DropCombiningMarksFilter<T> {
    type TokenStream<'a> = DropCombiningMarksStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DropCombiningMarksStream(self.0.token_stream(text))
    }
}

struct DropCombiningMarksStream<S>(S);

impl<S: TokenStream> TokenStream for DropCombiningMarksStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        if !text.is_ascii() {
            text.retain(|c| !('\u{300}'..='\u{36f}').contains(&c));
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

fn register_tokenizers(index: &Index) {
    let plain = || {
        // Pairs first: a clause without spaces is one long token, which
        // the length limit would drop whole.
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CjkBigrams)
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(DropCombiningMarks)
    };
    index
        .tokenizers()
        .register(TOKENIZER, plain().filter(AsciiFoldingFilter).build());
    for &(code, language) in STEMMED {
        // Stopwords and stems are read before accents are folded: the
        // stemmers know "interés", not "interes".
        let stop = StopWordFilter::new(language)
            .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new()));
        let analyzer = plain()
            .filter(stop)
            .filter(Stemmer::new(language))
            .filter(AsciiFoldingFilter)
            .build();
        index
            .tokenizers()
            .register(&stemmed_tokenizer(code), analyzer);
    }
}

impl SearchIndex {
    /// Open (or create) the index of the store in `store_dir`.
    pub fn open(store_dir: &Path) -> Result<SearchIndex> {
        let path = store_dir.join(SEARCH_DIR);
        let fail = |e: &dyn std::fmt::Display| SearchError::Index {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(&path).map_err(|e| fail(&e))?;
        // An index built by other analyzers is derived data like any: it
        // is built again from the store by the next sync.
        // The marker is written before the index is created, and whole
        // (renamed into place), so that another process never finds an
        // index of these analyzers without it and wipes it.
        let marker = path.join(ANALYZERS_FILE);
        let write_marker = || -> std::io::Result<()> {
            let tmp = path.join(format!("{ANALYZERS_FILE}.tmp"));
            std::fs::write(&tmp, ANALYZERS_VERSION)?;
            std::fs::rename(&tmp, &marker)
        };
        let version = std::fs::read_to_string(&marker).ok();
        if version.as_deref() != Some(ANALYZERS_VERSION) {
            if path.join(META_FILE).exists() {
                tracing::info!(
                    "{}: built by other analyzers; rebuilding the search index",
                    path.display()
                );
                std::fs::remove_dir_all(&path).map_err(|e| fail(&e))?;
                std::fs::create_dir_all(&path).map_err(|e| fail(&e))?;
            }
            write_marker().map_err(|e| fail(&e))?;
        }
        let (schema, f) = schema();
        let open = || -> tantivy::Result<Index> {
            let dir = tantivy::directory::MmapDirectory::open(&path)?;
            Index::open_or_create(dir, schema.clone())
        };
        let index = match open() {
            Ok(index) => index,
            // An index of an earlier version of this schema: it is derived
            // data, so it is built again from the store by the next sync.
            Err(tantivy::TantivyError::SchemaError(why)) => {
                tracing::info!("{}: {why}; rebuilding the search index", path.display());
                std::fs::remove_dir_all(&path).map_err(|e| fail(&e))?;
                std::fs::create_dir_all(&path).map_err(|e| fail(&e))?;
                write_marker().map_err(|e| fail(&e))?;
                open().map_err(|e| fail(&e))?
            }
            Err(e) => return Err(fail(&e)),
        };
        register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| fail(&e))?;
        Ok(SearchIndex {
            path,
            index,
            reader,
            f,
        })
    }

    fn fail(&self, e: impl std::fmt::Display) -> SearchError {
        SearchError::Index {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// How far the index has read the store: the arrival number of the
    /// last article it holds and the number of the last correction it has
    /// read (the payload "SEQ REVISION"; indexes written before corrections
    /// existed hold "SEQ").
    fn position(&self) -> Result<(i64, i64)> {
        let metas = self.index.load_metas().map_err(|e| self.fail(e))?;
        let payload = metas.payload.unwrap_or_default();
        let mut numbers = payload.split_whitespace().map(|n| n.parse::<i64>().ok());
        let seq = numbers.next().flatten().unwrap_or(0);
        let revision = numbers.next().flatten().unwrap_or(0);
        Ok((seq, revision))
    }

    /// Index every stored article the index does not hold yet; returns how
    /// many were added. Exact copies are left out: their text is the
    /// original's, which is indexed.
    pub fn sync(&mut self, store: &dyn Store) -> Result<usize> {
        let (mut last, mut last_revision) = self.position()?;
        let mut batch = store.articles_after(last, SYNC_STEP)?;
        let mut revised = store.revised_after(last_revision, SYNC_STEP)?;
        if batch.is_empty() && revised.is_empty() {
            // Another process (a CLI ingest beside the server) may have
            // indexed the new articles itself: read its commit.
            self.reader.reload().map_err(|e| self.fail(e))?;
            return Ok(0);
        }
        let mut writer: tantivy::IndexWriter<TantivyDocument> =
            self.index.writer(50_000_000).map_err(|e| self.fail(e))?;
        // A killed sync may have left documents past the recorded payload.
        writer
            .delete_query(Box::new(tantivy::query::RangeQuery::new(
                std::ops::Bound::Excluded(tantivy::Term::from_field_u64(self.f.seq, last as u64)),
                std::ops::Bound::Unbounded,
            )))
            .map_err(|e| self.fail(e))?;
        let mut added = 0;
        // Corrections: an article indexed before is indexed again as it now
        // reads; one stored after the last indexed is indexed below, with
        // its corrected text.
        while !revised.is_empty() {
            for (revision, a) in &revised {
                last_revision = *revision;
                if a.seq > last {
                    continue;
                }
                writer.delete_term(tantivy::Term::from_field_u64(self.f.seq, a.seq as u64));
                if !is_exact_copy(a) {
                    writer
                        .add_document(self.document(a))
                        .map_err(|e| self.fail(e))?;
                    added += 1;
                }
            }
            revised = store.revised_after(last_revision, SYNC_STEP)?;
        }
        while !batch.is_empty() {
            for a in &batch {
                last = a.seq;
                if is_exact_copy(a) {
                    continue;
                }
                writer
                    .add_document(self.document(a))
                    .map_err(|e| self.fail(e))?;
                added += 1;
            }
            batch = store.articles_after(last, SYNC_STEP)?;
        }
        let mut commit = writer.prepare_commit().map_err(|e| self.fail(e))?;
        commit.set_payload(&format!("{last} {last_revision}"));
        commit.commit().map_err(|e| self.fail(e))?;
        writer.wait_merging_threads().map_err(|e| self.fail(e))?;
        self.reader.reload().map_err(|e| self.fail(e))?;
        Ok(added)
    }

    fn document(&self, a: &StoredArticle) -> TantivyDocument {
        let body = body_of(a);
        let mut d = doc!(
            self.f.seq => a.seq as u64,
            self.f.id => a.id.clone(),
            self.f.title => a.title.clone(),
            self.f.body => body.as_str(),
            self.f.lang => a.lang.clone(),
        );
        if let Some(s) = a.story {
            d.add_i64(self.f.story, s);
        }
        if let Some(dup) = &a.duplicate {
            d.add_text(self.f.copy_of, &dup.of);
        }
        // whatlang says "nb" for Norwegian Bokmål.
        let lang = if a.lang == "nb" {
            "no"
        } else {
            a.lang.as_str()
        };
        if let Some(i) = STEMMED.iter().position(|(code, _)| *code == lang) {
            d.add_text(self.f.stemmed[i], &a.title);
            d.add_text(self.f.stemmed[i], &body);
        }
        d
    }

    /// Best matches for a user's query: every word must match, as written
    /// or by its stem, in the title or the text (titles count double).
    /// Query syntax ("quoted phrases", -excluded, OR) works; its errors
    /// are forgiven, not reported. Near copies that match with their
    /// original are folded under it, which takes the better rank of the
    /// two: a reader wants the story once, not the syndicated version
    /// first because it is shorter.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        // Read past the limit so that folding still fills it.
        let query = cut_suffixes(query);
        let hits = self.run(&query, limit.saturating_mul(3).max(30), true)?;
        Ok(fold_copies(hits, limit))
    }

    /// Best matches for a list of words of which any may match (the title
    /// and opening of an article, in `related`).
    pub fn search_any(&self, words: &str, limit: usize) -> Result<Vec<Hit>> {
        self.run(words, limit, false)
    }

    fn run(&self, query: &str, limit: usize, all_words: bool) -> Result<Vec<Hit>> {
        let mut fields = vec![self.f.title, self.f.body];
        fields.extend(&self.f.stemmed);
        let mut parser = QueryParser::for_index(&self.index, fields);
        parser.set_field_boost(self.f.title, 2.0);
        if all_words {
            parser.set_conjunction_by_default();
        }
        let (q, _) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit.max(1)))
            .map_err(|e| self.fail(e))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr).map_err(|e| self.fail(e))?;
            let text = |f: Field| {
                d.get_first(f)
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            };
            hits.push(Hit {
                id: text(self.f.id),
                title: text(self.f.title),
                lang: text(self.f.lang),
                story: d.get_first(self.f.story).and_then(|v| v.as_i64()),
                score,
                copy_of: Some(text(self.f.copy_of)).filter(|s| !s.is_empty()),
                copies: Vec::new(),
            });
        }
        Ok(hits)
    }
}

/// A query's words without their apostrophe suffixes ("Erdoğan'ın" is
/// "Erdoğan"): the tokenizer splits a word at its apostrophe, and the
/// query parser would then ask for the phrase "erdogan ın", which only an
/// English "Erdogan in" matches. Quoted phrases are left as written.
fn cut_suffixes(query: &str) -> String {
    let mut quoted = false;
    query
        .split(' ')
        .map(|word| {
            let opens_or_closes = word.matches('"').count() % 2 == 1;
            let keep = quoted || word.contains('"');
            if opens_or_closes {
                quoted = !quoted;
            }
            if keep {
                word.to_owned()
            } else {
                crate::lexicon::fold::strip_apostrophe_suffix(word).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fold each near copy into its original when both matched, keeping the
/// best score for the pair; hits stay in score order, at most `limit`.
fn fold_copies(hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut folded: Vec<Hit> = Vec::with_capacity(hits.len());
    let position = |folded: &[Hit], id: &str| folded.iter().position(|h| h.id == id);
    // Originals first, so that a copy ranked above its original finds it.
    let (copies, originals): (Vec<Hit>, Vec<Hit>) =
        hits.into_iter().partition(|h| h.copy_of.is_some());
    folded.extend(originals);
    for copy in copies {
        let of = copy.copy_of.as_deref().unwrap_or_default();
        match position(&folded, of) {
            Some(i) => {
                let original = &mut folded[i];
                original.score = original.score.max(copy.score);
                original.copies.push(copy.id);
            }
            None => folded.push(copy),
        }
    }
    folded.sort_by(|a, b| b.score.total_cmp(&a.score));
    folded.truncate(limit);
    folded
}

/// Exact copies are not indexed: their text is the original's, which is.
fn is_exact_copy(a: &StoredArticle) -> bool {
    a.duplicate
        .as_ref()
        .is_some_and(|d| d.kind == crate::store::DuplicateKind::Exact)
}

/// The text indexed as an article's body: its caption, then its body.
fn body_of(a: &StoredArticle) -> String {
    let mut body = String::with_capacity(a.body.len() + 200);
    if let Some(c) = &a.caption {
        body.push_str(c);
        body.push('\n');
    }
    body.push_str(&a.body);
    body
}
