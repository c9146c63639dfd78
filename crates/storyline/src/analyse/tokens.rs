//! Words of a text with their positions and the forms the analysers need.

use crate::lexicon::fold::{fold, strip_apostrophe_suffix};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// The word as written, apostrophe suffix included ("Syria's").
    pub text: &'a str,
    /// Byte range in the analysed text.
    pub start: usize,
    pub end: usize,
    /// Folded form of the word without its apostrophe suffix ("syria").
    pub key: String,
    pub shape: Shape,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// First word of its sentence: capitalisation says nothing there.
    pub sentence_initial: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an uppercase letter, then lowercase ("Lavrov").
    Capitalised,
    /// All uppercase letters, at least two ("NATO", "AA").
    Upper,
    Lower,
    Number,
    /// A letter of a script without case (Arabic, CJK, Thai).
    Uncased,
    Other,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Shape::Other;
        };
        if first.is_numeric() {
            return Shape::Number;
        }
        if first.is_uppercase() {
            let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                return Shape::Upper;
            }
            return Shape::Capitalised;
        }
        if first.is_lowercase() {
            return Shape::Lower;
        }
        if first.is_alphabetic() {
            return Shape::Uncased;
        }
        Shape::Other
    }

    pub fn is_name_like(self) -> bool {
        matches!(self, Shape::Capitalised | Shape::Upper)
    }
}

/// Text written in capitals only, as some headlines and bylines are
/// ("COLTS BEAT CHIEFS"); text without cased letters is not.
pub fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Split `text` into word tokens, given sentence byte ranges (sorted).
pub fn tokenize<'a>(text: &'a str, sentences: &[(usize, usize)]) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut sentence = 0;
    let mut last_sentence = usize::MAX;
    for (start, word) in text.unicode_word_indices() {
        while sentence + 1 < sentences.len() && start >= sentences[sentence].1 {
            sentence += 1;
        }
        let core = strip_apostrophe_suffix(word);
        let sentence_start = sentences.get(sentence).map_or(0, |s| s.0);
        let sentence_initial = last_sentence != sentence
            || opens_a_quote(&text[..start])
            || closes_a_dateline(&text[sentence_start.min(start)..start]);
        last_sentence = sentence;
        tokens.push(Token {
            text: word,
            start,
            end: start + word.len(),
            key: fold(core),
            shape: Shape::of(word),
            sentence,
            sentence_initial,
        });
    }
    tokens
}

/// The sentence so far is a dateline closed by a dash ("EL FASHER, Sudan,
/// Feb 23, 2026 (Reuters) - Artillery fire ...", "ROTTERDAM - De haven"):
/// the report's own first sentence starts after it, so the capital of its
/// first word says nothing ("Artillery" is no name).
fn closes_a_dateline(sentence_so_far: &str) -> bool {
    const DATELINE_CHARS: usize = 160;
    let Some(before) = ["-", "–", "—"]
        .iter()
        .find_map(|d| sentence_so_far.trim_end().strip_suffix(d))
    else {
        return false;
    };
    if sentence_so_far.len() > DATELINE_CHARS || !before.ends_with(char::is_whitespace) {
        return false;
    }
    // Closed by the agency's name in brackets, or opened by a place in
    // capitals ("LISBON, March 3 -"); not a score ("won 2 - Leverkusen").
    let first_word = sentence_so_far
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    before.trim_end().ends_with(')')
        || first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && first_word.chars().all(|c| !c.is_lowercase())
}

/// The text before a word ends with an opening quotation mark: a quoted
/// sentence starts there (`..., "Since he fled ...`), so its capital says
/// nothing. A closing mark follows a word directly (`fled."`), an opening
/// one a space, a colon or a comma, or nothing.
fn opens_a_quote(before: &str) -> bool {
    let mut rev = before.trim_end().chars().rev();
    match rev.next() {
        Some('“' | '„' | '«' | '»' | '‘' | '‚') => true,
        Some('"' | '\'') => match rev.next() {
            None => true,
            Some(c) => c.is_whitespace() || matches!(c, ':' | ',' | '(' | '[' | '—' | '–'),
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_keys() {
        let text = "Turkey's NATO ally İdlib 738 people إدلب";
        let toks = tokenize(text, &[(0, text.len())]);
        let shapes: Vec<Shape> = toks.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Capitalised,
                Shape::Upper,
                Shape::Lower,
                Shape::Capitalised,
                Shape::Number,
                Shape::Lower,
                Shape::Uncased
            ]
        );
        assert_eq!(toks[0].key, "turkey");
        assert_eq!(toks[3].key, "idlib");
        assert!(toks[0].sentence_initial && !toks[1].sentence_initial);
    }

    #[test]
    fn the_report_starts_after_its_dateline_dash() {
        let first_after_dash = |text: &str, word: &str| {
            tokenize(text, &[(0, text.len())])
                .into_iter()
                .find(|t| t.text == word)
                .unwrap()
                .sentence_initial
        };
        assert!(first_after_dash(
            "EL FASHER, Sudan, Feb 23, 2026 (Reuters) - Artillery fire hit the camp.",
            "Artillery"
        ));
        assert!(first_after_dash(
            "ROTTERDAM – Honderden havenarbeiders staakten.",
            "Honderden"
        ));
        assert!(first_after_dash(
            "LISBON, March 3 - Talks resumed.",
            "Talks"
        ));
        // A dash inside a sentence opens nothing.
        assert!(!first_after_dash(
            "The talks went on for hours and then - Lavrov said - they failed.",
            "Lavrov"
        ));
        assert!(!first_after_dash(
            "Bayern won 2 - Leverkusen lost.",
            "Leverkusen"
        ));
    }

    #[test]
    fn a_quoted_sentence_starts_after_its_opening_mark() {
        for text in [
            "He added, \"Since he fled on foot, that is in question.\"",
            "He added , \" Since he fled on foot , that is in question . \"",
            "Er sagte: „Seit er floh, ist das fraglich.“",
        ] {
            let toks = tokenize(text, &[(0, text.len())]);
            let since = toks
                .iter()
                .find(|t| t.text == "Since" || t.text == "Seit")
                .unwrap();
            assert!(since.sentence_initial, "{text}");
            assert!(!toks[1].sentence_initial, "{text}");
        }
        // After a closing mark the sentence goes on.
        let text = "He said \"no\" Paris replied.";
        let toks = tokenize(text, &[(0, text.len())]);
        assert!(
            !toks
                .iter()
                .find(|t| t.text == "Paris")
                .unwrap()
                .sentence_initial
        );
    }
}
