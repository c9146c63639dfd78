//! Function words per language, from the `stop-words` crate (stopwords-iso).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The folded stopword set of a language (ISO 639-1); empty when unknown.
pub fn stopwords(lang: &str) -> &'static HashSet<String> {
    static SETS: OnceLock<HashMap<&'static str, HashSet<String>>> = OnceLock::new();
    static EMPTY: OnceLock<HashSet<String>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        crate::analyse::language::SUPPORTED
            .iter()
            .filter_map(|&code| {
                let words = stop_words::lookup(code)?;
                Some((code, words.iter().map(|w| super::fold::fold(w)).collect()))
            })
            .collect()
    });
    sets.get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(HashSet::new))
}
