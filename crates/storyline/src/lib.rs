//! Storyline: tells which news articles tell the same story.
//!
//! The crate follows the data: [`ingest`] turns bytes into articles,
//! [`analyse`] extracts what one article says (language, entities, places,
//! time), [`relate`] compares two analyses into SemEval-style scores with
//! their evidence, and [`eval`] measures those scores against gold labels.
//! See ARCHITECTURE.md for the map.

pub mod analyse;
pub mod cli;
pub mod cluster;
pub mod embed;
pub mod eval;
pub mod ingest;
pub mod lexicon;
pub mod relate;
