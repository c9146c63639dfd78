//! What the server holds: store handles, the search index, models, metrics.

use super::metrics::Metrics;
use crate::cli::Loaded;
use crate::cluster::profile::Params;
use crate::embed::encoders::Encoders;
use crate::index::search::SearchIndex;
use crate::store::{OpenMode, Store};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Read handles in the pool.
const READERS: usize = 4;

#[derive(Debug, Clone)]
pub struct Config {
    pub store: PathBuf,
    /// Largest request body accepted, bytes.
    pub max_body: usize,
}

pub struct AppState {
    pub config: Config,
    writer: Mutex<Box<dyn Store>>,
    readers: Vec<Mutex<Box<dyn Store>>>,
    next_reader: AtomicUsize,
    search: Mutex<SearchIndex>,
    /// Document-vector encoder for clustering new articles.
    pub cluster_encoders: Encoders,
    pub params: Params,
    models: Loaded,
    pub metrics: Metrics,
}

fn lock<T: ?Sized>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a store handle leaves SQLite consistent (the
    // transaction rolls back on drop): keep serving.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn open(config: Config, models: Loaded) -> anyhow::Result<AppState> {
        let writer = crate::store::open(&config.store, OpenMode::Create)?;
        let readers = (0..READERS)
            .map(|_| crate::store::open(&config.store, OpenMode::Existing).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        let mut search = SearchIndex::open(&config.store)?;
        search.sync(writer.as_ref())?;
        let cluster_encoders = Encoders::for_clustering(models.lexical_only);
        Ok(AppState {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
            search: Mutex::new(search),
            cluster_encoders,
            params: Params::default(),
            models,
            metrics: Metrics::new(),
            config,
        })
    }

    pub fn writer(&self) -> MutexGuard<'_, Box<dyn Store>> {
        lock(&self.writer)
    }

    /// A read handle: a free one if any, else wait for the next in turn.
    pub fn reader(&self) -> MutexGuard<'_, Box<dyn Store>> {
        for r in &self.readers {
            if let Ok(g) = r.try_lock() {
                return g;
            }
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        lock(&self.readers[i])
    }

    /// The search index, caught up with the store.
    pub fn search(&self) -> anyhow::Result<MutexGuard<'_, SearchIndex>> {
        let mut ix = lock(&self.search);
        let reader = self.reader();
        ix.sync(reader.as_ref())?;
        Ok(ix)
    }

    pub fn scorers(&self) -> anyhow::Result<crate::relate::model::Scorers<'_>> {
        self.models.scorers()
    }

    /// Encoders for comparisons (all installed ones, unless lexical).
    pub fn compare_encoders(&self) -> &'static Encoders {
        self.models.encoders()
    }
}
