//! The store: where ingested articles, duplicates and stories live.
//!
//! Everything outside this module talks to the store through [`Store`]
//! (reads) and [`Txn`] (one atomic unit of writes), and never learns which
//! backend runs. The embedded default is SQLite ([`sqlite`]), one file in a
//! store directory; a shared server backend would implement the same two
//! interfaces. ARCHITECTURE.md says why SQLite.
//!
//! Invariants the backends keep:
//! - a [`Txn`] is all or nothing: a process killed mid-write leaves the
//!   store as it was before the transaction began;
//! - article ids are unique; an article row is rewritten with other text
//!   only by a correction asked for (`ingest --replace`), and the text it
//!   replaces is kept whole as an [`EarlierVersion`] (see
//!   [`crate::pipeline`] for the rule on conflicting ids);
//! - the schema carries a version, and a store written by a newer Storyline
//!   is refused without being touched.

mod sqlite;
pub mod types;

use std::path::{Path, PathBuf};
pub use types::*;

/// A problem with the store, naming the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: no store here (run `storyline ingest` first, or pass --store)")]
    Missing { path: PathBuf },
    #[error("store {path}: written by a newer Storyline (schema version {found}; this build reads up to {supported}); upgrade Storyline, the store was left untouched")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("store {path}: {message}")]
    Backend { path: PathBuf, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Default store directory: `$STORYLINE_HOME/store`, else the platform
/// data directory (`~/.local/share/storyline/store` on Linux).
pub fn default_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("STORYLINE_HOME") {
        return PathBuf::from(home).join("store");
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("storyline")
        .join("store")
}

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the store when missing; migrate an older schema.
    Create,
    /// The store must exist already (reading commands).
    Existing,
}

/// Reads, and the door to writes.
pub trait Store: Send {
    /// The store directory.
    fn dir(&self) -> &Path;
    /// Begin one atomic unit of writes.
    fn begin(&mut self) -> Result<Box<dyn Txn + '_>>;
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;
    fn article_by_seq(&self, seq: i64) -> Result<Option<StoredArticle>>;
    /// Articles stored after `seq`, in arrival order, at most `limit`.
    fn articles_after(&self, seq: i64, limit: usize) -> Result<Vec<StoredArticle>>;
    /// Articles replaced by a correction after revision `rev`, as they now
    /// stand, with the revision number, at most `limit`.
    fn revised_after(&self, rev: i64, limit: usize) -> Result<Vec<(i64, StoredArticle)>>;
    /// The versions of an article that corrections replaced, oldest first.
    fn earlier_versions(&self, id: &str) -> Result<Vec<EarlierVersion>>;
    fn story(&self, id: i64) -> Result<Option<StorySummary>>;
    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>>;
    /// A story's articles, by date then arrival, at most `limit`.
    fn story_articles(&self, id: i64, limit: usize) -> Result<Vec<StoredArticle>>;
    /// Stories linked to this one as the same thread, most similar first.
    fn linked_stories(&self, id: i64) -> Result<Vec<(StorySummary, f64)>>;
    /// The distinct keys of key places stored without a country code (by
    /// a Storyline that did not keep them).
    fn story_place_keys_without_country(&self) -> Result<Vec<String>>;
    /// Key entities and places of a story, most important first.
    fn story_names(&self, id: i64, limit: usize) -> Result<Vec<StoryName>>;
    /// Groups of copies: each original with its exact and near duplicates.
    fn duplicate_groups(&self, limit: usize) -> Result<Vec<DuplicateGroup>>;
    fn counts(&self) -> Result<Counts>;
}

/// One atomic unit of writes (and the reads they depend on).
pub trait Txn {
    fn article_head(&mut self, id: &str) -> Result<Option<ArticleHead>>;
    /// The first stored article with this content hash.
    fn article_with_hash(&mut self, hash: &str) -> Result<Option<ArticleHead>>;
    /// Articles sharing MinHash bands with these, with the number shared.
    fn band_matches(&mut self, bands: &[i64]) -> Result<Vec<(i64, usize)>>;
    /// Head and full text of an article, to verify a near-duplicate.
    fn article_text(&mut self, seq: i64) -> Result<Option<(ArticleHead, String)>>;
    /// Insert an article; returns its arrival number.
    fn insert_article(&mut self, article: &NewArticle) -> Result<i64>;
    /// Replace the article `seq` with a corrected version (same id, same
    /// story), keeping the version it replaces as an earlier version and
    /// dropping its MinHash bands; returns the revision number.
    fn replace_article(&mut self, seq: i64, article: &NewArticle) -> Result<i64>;
    fn insert_bands(&mut self, seq: i64, bands: &[i64]) -> Result<()>;
    fn set_article_story(&mut self, seq: i64, story: i64) -> Result<()>;
    /// Of these paragraph hashes, those seen in at least `min` originals.
    fn paragraphs_seen(&mut self, hashes: &[i64], min: i64) -> Result<Vec<i64>>;
    /// Count an original article's paragraphs (boilerplate detection).
    fn count_paragraphs(&mut self, hashes: &[i64]) -> Result<()>;
    /// Stories indexed under any of `keys`, with how many keys each shares;
    /// per key only the `per_key` most recently updated stories count.
    fn story_candidates(&mut self, keys: &[String], per_key: usize) -> Result<Vec<(i64, usize)>>;
    fn story_state(&mut self, id: i64) -> Result<Option<StoryState>>;
    /// The story's latest articles that are not copies, newest first.
    fn story_recent_originals(&mut self, id: i64, limit: usize) -> Result<Vec<StoredArticle>>;
    fn create_story(&mut self, state: &StoryState) -> Result<i64>;
    fn update_story(&mut self, id: i64, state: &StoryState) -> Result<()>;
    /// Index a story under keys, stamped with the arrival number `seq`.
    fn index_story(&mut self, id: i64, keys: &[String], seq: i64) -> Result<()>;
    /// Replace the story's key entities and places.
    fn set_story_names(&mut self, id: i64, names: &[StoryName]) -> Result<()>;
    fn link_stories(&mut self, a: i64, b: i64, similarity: f64) -> Result<()>;
    fn commit(self: Box<Self>) -> Result<()>;
}

/// Open the embedded default store in `dir`.
pub fn open(dir: &Path, mode: OpenMode) -> Result<Box<dyn Store>> {
    Ok(Box::new(sqlite::SqliteStore::open(dir, mode)?))
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    sqlite::SCHEMA_VERSION
}
