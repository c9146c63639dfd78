//! Ingest: bytes from files, JSON and JSONL become [`Article`]s.
//!
//! Everything that can be wrong with input is caught here and reported with
//! the file (and line) it came from, so later stages only see valid text.

pub mod article;
pub mod dateline;
pub mod decode;
pub mod html;
pub mod jsonl;
pub mod load;
pub mod pairs;
pub mod plain;
pub mod sources;
pub mod url_date;

pub use article::Article;
