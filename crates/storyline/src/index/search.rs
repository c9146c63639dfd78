//! Full-text search over stored articles (tantivy).
//!
//! The index lives in `search/` inside the store directory and is derived
//! data: the store is the truth. Each commit records, as its payload, the
//! arrival number of the last article it holds; [`SearchIndex::sync`]
//! indexes whatever the store has beyond that. So a process killed between
//! a store commit and an index commit loses nothing: the next sync catches
//! up, and the index can always be deleted and rebuilt.
//!
//! One tokenizer serves every language with word spaces: Unicode word
//! boundaries, lowercase, accents folded (so "Cavusoglu" finds
//! "Çavuşoğlu"). Stemming is left out on purpose: it is per language, and
//! a query rarely says which.

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
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument};

const TOKENIZER: &str = "storyline";
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
    };
    (b.build(), f)
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
        let (schema, f) = schema();
        let dir = tantivy::directory::MmapDirectory::open(&path).map_err(|e| fail(&e))?;
        let index = Index::open_or_create(dir, schema).map_err(|e| fail(&e))?;
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        );
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

    /// Arrival number of the last article the index holds.
    pub fn indexed_through(&self) -> Result<i64> {
        let metas = self.index.load_metas().map_err(|e| self.fail(e))?;
        Ok(metas
            .payload
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(0))
    }

    /// Index every stored article the index does not hold yet; returns how
    /// many were added. Exact copies are left out: their text is the
    /// original's, which is indexed.
    pub fn sync(&mut self, store: &dyn Store) -> Result<usize> {
        let mut last = self.indexed_through()?;
        let mut batch = store.articles_after(last, SYNC_STEP)?;
        if batch.is_empty() {
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
        while !batch.is_empty() {
            for a in &batch {
                last = a.seq;
                if a.duplicate
                    .as_ref()
                    .is_some_and(|d| d.kind == crate::store::DuplicateKind::Exact)
                {
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
        commit.set_payload(&last.to_string());
        commit.commit().map_err(|e| self.fail(e))?;
        writer.wait_merging_threads().map_err(|e| self.fail(e))?;
        self.reader.reload().map_err(|e| self.fail(e))?;
        Ok(added)
    }

    fn document(&self, a: &StoredArticle) -> TantivyDocument {
        let mut body = String::with_capacity(a.body.len() + 200);
        if let Some(c) = &a.caption {
            body.push_str(c);
            body.push('\n');
        }
        body.push_str(&a.body);
        let mut d = doc!(
            self.f.seq => a.seq as u64,
            self.f.id => a.id.clone(),
            self.f.title => a.title.clone(),
            self.f.body => body,
            self.f.lang => a.lang.clone(),
        );
        if let Some(s) = a.story {
            d.add_i64(self.f.story, s);
        }
        d
    }

    /// Best matches for a free-text query (any word may match; titles
    /// count double). Query syntax errors are forgiven, not reported.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut parser = QueryParser::for_index(&self.index, vec![self.f.title, self.f.body]);
        parser.set_field_boost(self.f.title, 2.0);
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
            });
        }
        Ok(hits)
    }
}
