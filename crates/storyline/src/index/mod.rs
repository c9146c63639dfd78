//! Index: what lets Storyline find related articles without scanning them
//! all: duplicate fingerprints (content hash, MinHash LSH bands) and the
//! full-text search index. Story candidates are indexed by the store's
//! key table (see [`crate::cluster::stored`]).

pub mod cjk;
pub mod fingerprint;
pub mod search;
