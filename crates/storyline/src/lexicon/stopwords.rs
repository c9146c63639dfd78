//! Function words per language, from the `stop-words` crate (stopwords-iso).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Function words the stopwords-iso lists lack, which open sentences in
/// news and would otherwise start names there: German prepositions of
/// attribution and cause ("Laut Innenministerium", "Angesichts der Lage")
/// and quantifiers ("Zahlreiche Straßen", "Mehrere Flüsse").
const SUPPLEMENT: &[(&str, &[&str])] = &[(
    "de",
    &[
        "laut",
        "gemäß",
        "zufolge",
        "angesichts",
        "infolge",
        "anlässlich",
        "mittels",
        "seitens",
        "bezüglich",
        "hinsichtlich",
        "inmitten",
        "zwecks",
        "trotz",
        "mehrere",
        "mehreren",
        "zahlreiche",
        "zahlreichen",
        "etliche",
        "etlichen",
        "sämtliche",
        "sämtlichen",
    ],
)];

/// The folded stopword set of a language (ISO 639-1); empty when unknown.
pub fn stopwords(lang: &str) -> &'static HashSet<String> {
    static SETS: OnceLock<HashMap<&'static str, HashSet<String>>> = OnceLock::new();
    static EMPTY: OnceLock<HashSet<String>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        crate::analyse::language::SUPPORTED
            .iter()
            .filter_map(|&code| {
                let words = stop_words::lookup(code)?;
                let supplement = SUPPLEMENT
                    .iter()
                    .filter(|(lang, _)| *lang == code)
                    .flat_map(|(_, words)| words.iter());
                Some((
                    code,
                    words
                        .iter()
                        .copied()
                        .chain(supplement.copied())
                        .map(super::fold::fold)
                        .collect(),
                ))
            })
            .collect()
    });
    sets.get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(HashSet::new))
}
