//! What a capital says in German, which capitalises every noun: whether a
//! word reads as a common noun, and whether a compound names an
//! institution. Built on the German word frequencies of [`super::wordfreq`].

use super::wordfreq;

/// Frequency (Zipf) from which a word is taken for a common noun: "Umfrage"
/// (4.4), "Grenzwerte" (3.5), "Sommerurlaub" (3.0).
const COMMON_ZIPF: f32 = 3.0;

/// Frequency (Zipf) of the last part that makes a compound a common noun.
const COMPOUND_TAIL_ZIPF: f32 = 3.5;

/// Endings of nouns made from verbs and adjectives; names rarely carry them.
const NOUN_SUFFIXES: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "itat", "itaten", "nis", "nisse", "ismus",
];

/// Last parts of compounds that name an institution ("Bundes|amt",
/// "Verfassungs|gericht", "Landes|regierung", "Börsen|verein"). Matched as
/// endings only: alone, "Gesellschaft" or "Konzern" names nothing in
/// particular, so they are no head words in [`super::cues`].
const INSTITUTION_ENDINGS: &[&str] = &[
    "amt",
    "gericht",
    "partei",
    "ministerium",
    "behorde",
    "verband",
    "institut",
    "polizei",
    "kommission",
    "agentur",
    "regierung",
    "stiftung",
    "zeitung",
    "gesellschaft",
    "bank",
    "konzern",
    "gewerkschaft",
    "universitat",
    "verein",
];

/// A German word (folded key) that reads as a common noun: frequent in
/// general text, or ending in a noun suffix ("Grenzöffnungen",
/// "Reisewarnung"), or a compound ending in a frequent word of five letters
/// or more ("Reise|zielen"). Frequent surnames ("Müller", "Merkel") pass
/// too: callers ask about words before a connector or a given name, where
/// names rarely stand.
pub fn is_common_noun(key: &str) -> bool {
    let zipf = |w: &str| wordfreq::zipf("de", w).unwrap_or(0.0);
    if zipf(key) >= COMMON_ZIPF {
        return true;
    }
    let chars: Vec<(usize, char)> = key.char_indices().collect();
    if chars.len() >= 6 && NOUN_SUFFIXES.iter().any(|s| key.ends_with(s)) {
        return true;
    }
    // Split points leaving a head of 3+ letters and a tail of 5+.
    (3..chars.len().saturating_sub(4)).any(|i| zipf(&key[chars[i].0..]) >= COMPOUND_TAIL_ZIPF)
}

/// Words for a kind of place, which a place's name follows ("Stadt
/// Passau", "Landkreis Rosenheim", "Provinz Idlib").
const PLACE_NOUNS: &[&str] = &[
    "stadt",
    "hauptstadt",
    "grossstadt",
    "kleinstadt",
    "hafenstadt",
    "grenzstadt",
    "metropole",
    "gemeinde",
    "dorf",
    "ort",
    "kreis",
    "landkreis",
    "bezirk",
    "region",
    "provinz",
    "bundesland",
    "bundesstaat",
    "kanton",
];

/// A word (folded key) for a kind of place.
pub fn is_place_noun(key: &str) -> bool {
    PLACE_NOUNS.contains(&key)
}

/// A compound (folded key) whose last part names an institution.
pub fn is_institution(key: &str) -> bool {
    INSTITUTION_ENDINGS
        .iter()
        .any(|h| key.len() > h.len() + 2 && key.ends_with(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_and_compounds_are_common_names_are_not() {
        for noun in ["umfrage", "reisewarnung", "grenzoffnungen", "reisezielen"] {
            assert!(is_common_noun(noun), "{noun}");
        }
        for name in ["yogov", "neher", "breggen"] {
            assert!(!is_common_noun(name), "{name}");
        }
        assert!(is_institution("bundesamt") && is_institution("borsenverein"));
        assert!(!is_institution("amt") && !is_institution("reisewarnung"));
    }
}
