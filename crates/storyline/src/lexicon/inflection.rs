//! Case endings of languages that decline place names.
//!
//! Polish and Russian news write "w Warszawie", "z Polski", "в Москве",
//! "России": the gazetteer knows the nominative ("Warszawa", "Polska",
//! "Москва", "Россия") only; German adds a genitive "-s" ("Deutschlands").
//! These tables undo the common noun endings so
//! that the analyser can look a declined name up by its dictionary form.
//! The rules are deliberately coarse (each yields a guess, not a parse):
//! a guess counts only when the gazetteer knows it as a place of note,
//! which is what keeps "Polski" from turning into a village.

/// (ending of the declined form, ending of the dictionary form), on folded
/// keys (Polish letters folded to ASCII, Cyrillic lowercased). Longer
/// endings first: the first guess the gazetteer knows wins.
const POLISH: &[(&str, &str)] = &[
    ("czech", "cy"), // Niemczech -> Niemcy
    ("owie", "ow"),  // Krakowie -> Kraków
    ("iec", "cy"),   // Niemiec -> Niemcy
    ("ach", "y"),    // Chinach -> Chiny
    ("dze", "ga"),   // Pradze -> Praga
    ("rze", "ra"),   // Ankarze -> Ankara
    ("ce", "ka"),    // Polsce -> Polska
    ("ii", "ia"),    // Syrii -> Syria
    ("ji", "ja"),    // Francji -> Francja
    ("ie", "a"),     // Warszawie -> Warszawa
    ("ie", ""),      // Berlinie -> Berlin
    ("em", ""),      // Berlinem -> Berlin
    ("i", "a"),      // Polski -> Polska
    ("y", "a"),      // Warszawy -> Warszawa
    ("e", "a"),      // Polskę -> Polska
    ("a", ""),       // Berlina -> Berlin
    ("iu", ""),      // Wrocławiu -> Wrocław
    ("u", ""),       // Paryżu -> Paryż
];

const RUSSIAN: &[(&str, &str)] = &[
    ("ией", "ия"), // Россией -> Россия
    ("ии", "ия"),  // России -> Россия
    ("ию", "ия"),  // Россию -> Россия
    ("ае", "ай"),  // Китае -> Китай
    ("ем", "й"),   // Китаем -> Китай
    ("ем", "ь"),   // Тайванем -> Тайвань
    ("ой", "а"),   // Москвой -> Москва
    ("ом", ""),    // Идлибом -> Идлиб
    ("е", "а"),    // Москве -> Москва
    ("е", ""),     // Идлибе -> Идлиб
    ("е", "ь"),    // Тайване -> Тайвань
    ("ы", "а"),    // Москвы -> Москва
    ("и", "а"),    // Праги -> Прага
    ("и", "ь"),    // Казани -> Казань
    ("ью", "ь"),   // Казанью -> Казань
    ("у", "а"),    // Москву -> Москва
    ("у", ""),     // Идлибу -> Идлиб
    ("а", ""),     // Идлиба -> Идлиб
    ("я", "й"),    // Китая -> Китай
    ("я", "ь"),    // Тайваня -> Тайвань
    ("ю", "ь"),    // Тайваню -> Тайвань
];

/// Ukrainian: "в Україні", "України", "до Женеви", "у Кенії", "у Києві".
const UKRAINIAN: &[(&str, &str)] = &[
    ("єві", "їв"), // Києві -> Київ
    ("єва", "їв"), // Києва -> Київ
    ("ові", "ів"), // Львові -> Львів
    ("ова", "ів"), // Львова -> Львів
    ("ією", "ія"), // Кенією -> Кенія
    ("ії", "ія"),  // Кенії -> Кенія
    ("ію", "ія"),  // Кенію -> Кенія
    ("ці", "ка"),  // Африці -> Африка
    ("ою", "а"),   // Україною -> Україна
    ("ом", ""),    // Берліном -> Берлін
    ("і", "а"),    // Україні -> Україна
    ("і", ""),     // Берліні -> Берлін
    ("и", "а"),    // України -> Україна
    ("у", "а"),    // Україну -> Україна
    ("у", ""),     // Берліну -> Берлін
    ("а", ""),     // Берліна -> Берлін
    ("ю", "я"),    // Азію -> Азія
];

/// German declines names in the genitive only: "Deutschlands", "des Irans".
const GERMAN: &[(&str, &str)] = &[("es", ""), ("s", "")];

/// The ending table of a language that declines place names, if any.
pub fn case_endings(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "pl" => POLISH,
        "ru" => RUSSIAN,
        "uk" => UKRAINIAN,
        "de" => GERMAN,
        _ => &[],
    }
}

/// Dictionary forms a declined folded word may stand for, most specific
/// ending first. Only words of at least four letters are guessed at, and a
/// guess keeps two of them and is four long ("Києві" is "Київ"): shorter
/// ones are mostly function words.
pub fn dictionary_forms<'a>(
    key: &'a str,
    endings: &'static [(&'static str, &'static str)],
) -> impl Iterator<Item = String> + 'a {
    let long_enough = key.chars().count() >= 4;
    endings
        .iter()
        .filter(move |_| long_enough)
        .filter_map(move |(declined, base)| {
            let stem = key.strip_suffix(declined)?;
            let kept = stem.chars().count();
            (kept >= 2 && kept + base.chars().count() >= 4).then(|| format!("{stem}{base}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fold::fold;

    fn forms(word: &str, lang: &str) -> Vec<String> {
        dictionary_forms(&fold(word), case_endings(lang)).collect()
    }

    #[test]
    fn polish_locatives_and_genitives_lead_back_to_the_nominative() {
        assert!(forms("Warszawie", "pl").contains(&"warszawa".to_owned()));
        assert!(forms("Polsce", "pl").contains(&"polska".to_owned()));
        assert!(forms("Niemczech", "pl").contains(&"niemcy".to_owned()));
        assert!(forms("Francji", "pl").contains(&"francja".to_owned()));
        assert!(forms("Krakowie", "pl").contains(&"krakow".to_owned()));
        assert!(forms("Wrocławiu", "pl").contains(&"wroclaw".to_owned()));
    }

    #[test]
    fn russian_cases_lead_back_to_the_nominative() {
        assert!(forms("Москве", "ru").contains(&"москва".to_owned()));
        assert!(forms("России", "ru").contains(&"россия".to_owned()));
        assert!(forms("Идлибе", "ru").contains(&"идлиб".to_owned()));
        assert!(forms("Китае", "ru").contains(&"китай".to_owned()));
        assert!(forms("Казани", "ru").contains(&"казань".to_owned()));
        for taiwan in ["Тайваня", "Тайване", "Тайваню", "Тайванем"] {
            assert!(
                forms(taiwan, "ru").contains(&"тайвань".to_owned()),
                "{taiwan}"
            );
        }
    }

    #[test]
    fn short_words_and_undeclined_languages_get_no_guesses() {
        assert!(forms("Nie", "pl").is_empty());
        assert!(forms("Warszawie", "en").is_empty());
        assert!(forms("Ufa", "ru").is_empty());
    }

    #[test]
    fn ukrainian_locatives_and_genitives_lead_back_to_the_nominative() {
        for (declined, nominative) in [
            ("Україні", "україна"),
            ("Києві", "київ"),
            ("Кенії", "кенія"),
            ("Африці", "африка"),
        ] {
            assert!(
                forms(declined, "uk").contains(&nominative.to_owned()),
                "{declined}"
            );
        }
        assert_eq!(forms("Deutschlands", "de"), ["deutschland"]);
    }
}
