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

/// Whether a folded word ("mevlut", "yvonne") is a given name.
pub fn is_first_name(folded: &str) -> bool {
    names().contains(folded)
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
        for word in ["internet", "academy", "endangered", "hunger"] {
            assert!(!is_first_name(word), "{word}");
        }
    }
}
