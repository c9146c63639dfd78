//! Content terms: words minus stopwords, stemmed per language (Snowball via
//! `rust-stemmers`); languages without a stemmer are cut to a prefix, which
//! groups inflections well enough for overlap measures (Polish, for one).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Prefix length used as a crude stem where Snowball has no algorithm.
const PREFIX_STEM_CHARS: usize = 6;

fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Stems a folded word in a language.
pub fn stem(lang: &str, word: &str) -> String {
    static STEMMERS: OnceLock<HashMap<&'static str, Stemmer>> = OnceLock::new();
    let stemmers = STEMMERS.get_or_init(|| {
        crate::analyse::language::SUPPORTED
            .iter()
            .filter_map(|&l| algorithm(l).map(|a| (l, Stemmer::create(a))))
            .collect()
    });
    match stemmers.get(lang) {
        Some(s) => s.stem(word).into_owned(),
        None => word.chars().take(PREFIX_STEM_CHARS).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("en", "strikes"), stem("en", "strike"));
        assert_eq!(stem("de", "verhandlungen"), stem("de", "verhandlung"));
        assert_eq!(stem("pl", "ministerstwa"), stem("pl", "ministerstwo"));
    }
}
