//! Language identification (whatlang) and the languages Storyline supports.

use whatlang::{Detector, Lang};

/// Languages with full support: stemming, stopwords, calendar words, and
/// the multilingual embedding model's coverage. Other languages are still
/// analysed, with language-independent features only.
pub const SUPPORTED: &[&str] = &[
    "en", "de", "es", "fr", "it", "pt", "nl", "pl", "tr", "ar", "ru", "zh", "ja", "ko", "th",
];

/// Code used when the language cannot be told (too little text, or a
/// language whatlang does not know).
pub const UNDETERMINED: &str = "und";

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LanguageGuess {
    /// ISO 639-1 where one exists, else ISO 639-3; `und` when unknown.
    pub code: String,
    /// 0..1; 1.0 when the user supplied the language.
    pub confidence: f64,
    pub supplied: bool,
}

/// Check a user-supplied language code.
pub fn validate_code(code: &str) -> Result<String, String> {
    let lower = code.trim().to_ascii_lowercase();
    let primary = lower.split(['-', '_']).next().unwrap_or("");
    if primary.len() == 2 && Lang::all().iter().any(|l| iso639_1(*l) == primary) {
        return Ok(primary.to_owned());
    }
    if let Some(lang) = Lang::from_code(primary) {
        return Ok(iso639_1(lang).to_owned());
    }
    Err(format!(
        "unknown language code {code:?}: use an ISO 639-1 code such as en, de, ar"
    ))
}

/// Below this many letters a guess is noise.
const MIN_LETTERS: usize = 20;

pub fn detect(text: &str) -> LanguageGuess {
    // A sample keeps detection cheap on long articles.
    let sample: String = text.chars().take(2000).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    match Detector::new().detect(&sample) {
        Some(info) if letters >= MIN_LETTERS || info.is_reliable() => LanguageGuess {
            code: iso639_1(info.lang()).to_owned(),
            confidence: info.confidence(),
            supplied: false,
        },
        _ => LanguageGuess {
            code: UNDETERMINED.to_owned(),
            confidence: 0.0,
            supplied: false,
        },
    }
}

/// ISO 639-1 code for a whatlang language, ISO 639-3 where there is none.
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Tha => "th",
        Lang::Ukr => "uk",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Fin => "fi",
        Lang::Hun => "hu",
        Lang::Ron => "ro",
        Lang::Bul => "bg",
        Lang::Ell => "el",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Slv => "sl",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Ind => "id",
        Lang::Vie => "vi",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_of_the_data() {
        assert_eq!(detect("The Russian Foreign Ministry said today that Moscow and Ankara agreed to reduce tension.").code, "en");
        assert_eq!(detect("Diese Raupe ist Plastik und pinkelt Alkohol. Die Raupen der großen Wachsmotte verbringen normalerweise ihre Zeit, sich mit Wachs und Honig zu ernähren.").code, "de");
        assert_eq!(
            detect("Dünya Sağlık Örgütü salgının hızlandığını söyledi ve ülkelere çağrı yaptı.")
                .code,
            "tr"
        );
        assert_eq!(
            detect("قالت وزارة الخارجية الروسية اليوم إن موسكو وأنقرة اتفقتا على خفض التوتر").code,
            "ar"
        );
    }

    #[test]
    fn too_little_text_is_undetermined() {
        assert_eq!(detect("12345 !!!").code, UNDETERMINED);
    }

    #[test]
    fn supplied_codes_are_checked() {
        assert_eq!(validate_code("EN").unwrap(), "en");
        assert_eq!(validate_code("de-DE").unwrap(), "de");
        assert_eq!(validate_code("deu").unwrap(), "de");
        assert!(validate_code("xx")
            .unwrap_err()
            .contains("unknown language code"));
    }
}
