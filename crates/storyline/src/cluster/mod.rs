//! Cluster: group articles into stories (one real-world event each).

pub mod online;
