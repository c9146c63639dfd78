//! Storyline: tells which news articles tell the same story.
//!
//! The crate follows the data: [`ingest`] turns bytes into articles,
//! [`analyse`] extracts what one article says (language, entities, places,
//! time), [`index`] fingerprints and indexes them, [`relate`] compares two
//! analyses into SemEval-style scores with their evidence, [`cluster`]
//! groups articles into stories, [`pipeline`] runs a stream of articles
//! through all of these into the [`store`], and [`eval`] measures quality
//! against gold labels.
//! See ARCHITECTURE.md for the map.

pub mod analyse;
pub mod cli;
pub mod cluster;
pub mod embed;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod pipeline;
pub mod relate;
pub mod related;
pub mod serve;
pub mod store;
pub mod views;
