//! Cluster: group articles into stories (one real-world event each), and
//! stories into threads.
//!
//! [`profile`] holds the algorithm (article and story profiles, similarity,
//! the join-or-create choice); [`online`] runs it in memory for batch mode,
//! [`stored`] runs it against the store, inside the ingest transaction.

pub mod event_check;
pub mod online;
pub mod profile;
pub mod stored;
