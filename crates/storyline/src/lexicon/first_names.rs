//! Given names of many countries (gender-guesser's name dictionary, GNU FDL
//! 1.2; see `data/names/README.md`): the first word of a person's name is
//! usually one of them, the first word of "Internet Explorer" is not.

use std::collections::HashSet;
use std::sync::OnceLock;

const FIRST_NAMES: &str = include_str!("../../data/names/first_names.txt");

fn names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(super::fold::fold)
            .collect()
    })
}

/// Whether a folded word ("mevlut", "yvonne") is a given name. A word in
/// Cyrillic or Greek is looked up by its Latin transliteration ("сергей"
/// as "sergei", then "sergey"), the list being in Latin letters.
pub fn is_first_name(folded: &str) -> bool {
    if names().contains(folded) {
        return true;
    }
    let cyrillic_or_greek =
        |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}');
    if !folded.chars().all(cyrillic_or_greek) {
        return false;
    }
    let latin = any_ascii::any_ascii(folded).to_lowercase();
    names().contains(&latin)
        || latin
            .strip_suffix("ei")
            .is_some_and(|stem| names().contains(&format!("{stem}ey")))
        || latin.strip_suffix("ii").is_some_and(|stem| {
            names().contains(&format!("{stem}iy")) || names().contains(&format!("{stem}y"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fold::fold;

    #[test]
    fn given_names_of_many_countries_and_no_common_words() {
        for name in ["Yvonne", "Mevlüt", "Sergey", "Bashar", "Andrzej", "Jens"] {
            assert!(is_first_name(&fold(name)), "{name}");
        }
        // Cyrillic and Greek by their transliteration.
        for name in ["Сергей", "Владимир", "Мария", "Μαρία"] {
            assert!(is_first_name(&fold(name)), "{name}");
        }
        assert!(!is_first_name(&fold("Министр")));
        for word in ["internet", "academy", "endangered", "hunger"] {
            assert!(!is_first_name(word), "{word}");
        }
    }
}
