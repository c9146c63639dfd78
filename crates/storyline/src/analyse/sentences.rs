//! Sentence segmentation: Unicode sentence boundaries (UAX #29), with line
//! breaks as hard boundaries and no break after common abbreviations.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a period does not end a sentence (folded,
/// without the period). Month abbreviations matter most: "Dec. 30, 2018".
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "bzw",
    "vgl", "nr", "ca", "dr", "sr", "sra", "hr", "fr", "ul", "al", "ks", "prof",
];

/// Byte ranges of the sentences of `text`, whitespace trimmed, empty ones dropped.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut pending: Option<(usize, usize)> = None;
        for (off, seg) in line.split_sentence_bound_indices() {
            let start = line_start + off;
            let Some((s, e)) = trim(text, start, start + seg.len()) else {
                continue;
            };
            pending = match pending {
                Some((ps, pe))
                    if ends_with_abbreviation(&text[ps..pe])
                        || ends_with_ordinal(&text[ps..pe], &text[s..e]) =>
                {
                    Some((ps, e))
                }
                Some(prev) => {
                    out.push(prev);
                    Some((s, e))
                }
                None => Some((s, e)),
            };
        }
        out.extend(pending);
        line_start += line.len();
    }
    out.into_iter().flat_map(|r| split_glued(text, r)).collect()
}

/// Scraped text often glues sentences together: "steigt.Dünya". Split after
/// a lowercase letter and a full stop directly followed by a capital.
fn split_glued(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let chars: Vec<(usize, char)> = text[start..end].char_indices().collect();
    for w in chars.windows(3) {
        let [(_, a), (i, p), (j, c)] = [w[0], w[1], w[2]];
        if a.is_lowercase() && matches!(p, '.' | '!' | '?') && c.is_uppercase() {
            let cut = start + i + p.len_utf8();
            out.push((from, cut));
            from = start + j;
        }
    }
    out.push((from, end));
    out
}

fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let seg = &text[start..end];
    let lead = seg.len() - seg.trim_start().len();
    let tail = seg.len() - seg.trim_end().len();
    (lead + tail < seg.len()).then_some((start + lead, end - tail))
}

/// Words that follow an ordinal written as a number and a full stop, as
/// German, Polish or Turkish write them: "2. Bundesliga", "1. FC Köln",
/// "im 19. Jahrhundert". A month after one is a date: "am 17. April".
const AFTER_ORDINALS: &[&str] = &[
    "fc",
    "bundesliga",
    "liga",
    "weltkrieg",
    "jahrhundert",
    "spieltag",
    "runde",
    "klasse",
];

/// "... für den 17." + "April geplant.": a day or ordinal of one or two
/// digits before a month or one of [`AFTER_ORDINALS`] ends no sentence.
fn ends_with_ordinal(sentence: &str, next: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or("");
    if !((1..=2).contains(&last.len()) && last.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .map(crate::lexicon::fold::fold)
        .unwrap_or_default();
    crate::lexicon::calendar::Calendar::get()
        .month(&word)
        .is_some()
        || AFTER_ORDINALS.contains(&word.as_str())
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = last.to_lowercase();
    // A single capital letter is an initial ("Jens S. Stoltenberg").
    (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&word.as_str())
}

/// Words that open a credit line, the note that names who reported,
/// wrote and edited a wire story: "(Reporting by Giulia Segreti; Editing by
/// Alex Richardson)", "(Bericht von Andreas Rinke, redigiert von ...)".
const CREDIT_CUES: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "edited by",
    "bericht von",
    "berichterstattung von",
    "redigiert von",
    "redaktion:",
    "mitarbeit:",
    "reportage de",
    "rédigé par",
    "édité par",
    "information de",
    "con información de",
    "redacción de",
    "editado por",
];

/// The sentence is a credit line or a byline ("By Jane Doe"): it names the
/// journalists, who are not actors of the story.
pub fn is_credit_line(sentence: &str) -> bool {
    let s = sentence.trim_start_matches(['(', '[', ' ']).to_lowercase();
    if CREDIT_CUES.iter().any(|cue| s.starts_with(cue)) {
        return true;
    }
    // A web page's byline with its fields ("By Laura Kayali | June 28,
    // 2024 12:41 am CET | 4 min read"), and the credit of its photo as
    // the page sets it ("| John Thys/AFP via Getty Images").
    if let Some((first, _)) = sentence.split_once(" | ") {
        if is_credit_line(first) {
            return true;
        }
    }
    let trimmed = sentence.trim();
    let short = trimmed.split_whitespace().count() <= 12;
    if short && (trimmed.starts_with('|') || s.contains("via getty images")) {
        return true;
    }
    // A byline: "By" and two to eight words, all capitalised but for
    // "and", "in" and "the" ("By Jane Doe and John Roe in Rome"), and no
    // day or month ("By Tuesday Night").
    // A headline ("By The Numbers: Trump's Tax Plan") has a colon or ends
    // a sentence; a byline does neither.
    let words: Vec<&str> = sentence.split_whitespace().collect();
    !sentence.contains([':', '?', '!'])
        && words.first() == Some(&"By")
        && (3..=9).contains(&words.len())
        && words[1..].iter().all(|w| {
            matches!(*w, "and" | "in" | "the" | "|")
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && !words[1..].iter().any(|w| {
            let cal = crate::lexicon::calendar::Calendar::get();
            let key = crate::lexicon::fold::fold(w.trim_end_matches([',', '.']));
            cal.month(&key).is_some() || cal.weekday(&key).is_some()
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn credit_lines_and_bylines_are_told_from_sentences() {
        use super::is_credit_line;
        assert!(is_credit_line(
            "(Reporting by Giulia Segreti; Editing by Alex Richardson)"
        ));
        assert!(is_credit_line(
            "(Additional reporting by Ece Toksabay in Ankara; Writing by Dominic Evans)"
        ));
        assert!(is_credit_line(
            "(Bericht von Andreas Rinke, redigiert von Sabine Ehrhardt)"
        ));
        assert!(is_credit_line("By Jane Doe and John Roe in Rome"));
        assert!(is_credit_line(
            "By Laura Kayali | June 28, 2024 12:41 am CET | 4 min read"
        ));
        assert!(is_credit_line("| John Thys/AFP via Getty Images"));
        assert!(!is_credit_line(
            "Leaders met on Thursday | the summit ran late into the night, officials said."
        ));
        assert!(!is_credit_line("By Tuesday Night the toll had risen."));
        assert!(!is_credit_line("By Tuesday Night"));
        assert!(!is_credit_line("By The Numbers: Trump's Tax Plan"));
        assert!(!is_credit_line("By Monday, rescuers had found 40 people."));
        assert!(!is_credit_line(
            "Reporting from Idlib, Reuters saw burnt-out vehicles on the road."
        ));
        assert!(!is_credit_line(
            "Mevlut Cavusoglu said the talks were edited by nobody."
        ));
    }
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn month_abbreviation_does_not_end_a_sentence() {
        let text = "Lavrov during a press conference in Moscow, Dec. 30, 2018. (AA Photo)";
        assert_eq!(
            sentences(text),
            [
                "Lavrov during a press conference in Moscow, Dec. 30, 2018.",
                "(AA Photo)"
            ]
        );
    }

    #[test]
    fn an_ordinal_before_a_month_or_a_league_ends_no_sentence() {
        assert_eq!(
            sentences("Die nächste Sitzung ist für den 17. April geplant. Lagarde schwieg."),
            [
                "Die nächste Sitzung ist für den 17. April geplant.",
                "Lagarde schwieg."
            ]
        );
        assert_eq!(
            sentences("Er spielte in der Jugend des 1. FC Köln. Dann kam Leverkusen."),
            [
                "Er spielte in der Jugend des 1. FC Köln.",
                "Dann kam Leverkusen."
            ]
        );
        // A small number ending a sentence still ends it.
        assert_eq!(
            sentences("The striker is 21. He joined in 2020."),
            ["The striker is 21.", "He joined in 2020."]
        );
    }

    #[test]
    fn lines_are_hard_boundaries_and_run_together_sentences_split() {
        let text = "Title without period\nFirst one. Second one!\nDie Zahl steigt.Dünya Sağlık Örgütü uyardı.";
        assert_eq!(
            sentences(text),
            [
                "Title without period",
                "First one.",
                "Second one!",
                "Die Zahl steigt.",
                "Dünya Sağlık Örgütü uyardı."
            ]
        );
    }
}
