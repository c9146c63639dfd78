//! Time expressions: the dates and periods an article is about.
//!
//! Finds absolute dates ("Dec. 30, 2018", "30 Aralık 2018", "2018-12-30"),
//! months and years ("April 2018", "late 2015", "In March"), weekdays ("on
//! Tuesday") and relative words ("today", "earlier this year"), then decides
//! whether the time of the reported events can be fixed. It can when the
//! publication date is known (relative words resolve against it) or when the
//! lead sentence carries a full date; background dates elsewhere, and dates
//! in a photo caption, do not fix it.

use super::tokens::{Shape, Token};
use crate::lexicon::calendar::{Calendar, YEAR_PARTS};
use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TimeValue {
    Date {
        date: NaiveDate,
    },
    MonthDay {
        month: u32,
        day: u32,
    },
    MonthYear {
        year: i32,
        month: u32,
    },
    Year {
        year: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        part: Option<&'static str>,
    },
    /// A decade, by its first year ("the late 1980s": 1980, "late").
    Decade {
        decade: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        part: Option<&'static str>,
    },
    Month {
        month: u32,
    },
    Weekday {
        weekday: u32,
        /// "next": the weekday of the coming week ("next Friday", "vendredi
        /// prochain"); "coming": said of what will happen ("will vote on
        /// Monday"). Absent: the latest such day, as reports tell the past.
        #[serde(skip_serializing_if = "Option::is_none")]
        ahead: Option<&'static str>,
    },
    Relative {
        #[serde(skip_serializing_if = "Option::is_none")]
        days: Option<i32>,
    },
}

impl TimeValue {
    /// True for values that pin a point or period on the calendar by
    /// themselves, without knowing when the article was written.
    pub fn is_absolute(&self) -> bool {
        matches!(
            self,
            TimeValue::Date { .. }
                | TimeValue::MonthYear { .. }
                | TimeValue::Year { .. }
                | TimeValue::Decade { .. }
        )
    }

    /// The year, when the value names one.
    pub fn year(&self) -> Option<i32> {
        match self {
            TimeValue::Date { date } => Some(date.year()),
            TimeValue::MonthYear { year, .. } | TimeValue::Year { year, .. } => Some(*year),
            _ => None,
        }
    }

    /// Months since year 0 at the middle of the period, for distances.
    pub fn month_index(&self) -> Option<f64> {
        match *self {
            TimeValue::Date { date } => {
                Some(date.year() as f64 * 12.0 + date.month0() as f64 + date.day() as f64 / 31.0)
            }
            TimeValue::MonthYear { year, month } => Some(year as f64 * 12.0 + month as f64 - 0.5),
            TimeValue::Year { year, part } => Some(
                year as f64 * 12.0
                    + match part {
                        Some("early") => 2.0,
                        Some("mid") => 6.0,
                        Some("late") | Some("end") => 10.0,
                        _ => 6.0,
                    },
            ),
            TimeValue::Decade { decade, part } => Some(
                decade as f64 * 12.0
                    + match part {
                        Some("early") => 24.0,
                        Some("late") | Some("end") => 96.0,
                        _ => 60.0,
                    },
            ),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TimeExpression {
    /// The words as written ("Dec. 30, 2018", "on Tuesday").
    pub text: String,
    #[serde(flatten)]
    pub value: TimeValue,
    /// Resolved against the publication date, when that is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<NaiveDate>,
    pub sentence: usize,
    /// Found in the title or caption rather than the body.
    pub in_heading: bool,
    /// Byte range in the article's full text, so that the numbers of a
    /// date ("Dec 23") are not taken for figures of the event.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// Its clause tells of what will happen ("EU leaders will meet on Dec.
    /// 14"): a day announced, not the day of the events reported.
    #[serde(skip)]
    pub ahead: bool,
}

/// What the article says about when its events happened.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum EventTime {
    /// Fixed to a date, with the basis ("publication date", "lead sentence").
    Fixed { date: NaiveDate, basis: String },
    /// Cannot be fixed from the text; the reason says why.
    Unfixed { reason: String },
}

fn numeric_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./](\d{4}))\b")
            .expect("valid regex")
    })
}

/// Byte ranges of numeric dates ("2020-03-05", "05.03.2020", "3/4/2024"),
/// read or not.
pub(crate) fn numeric_date_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    numeric_date_re()
        .find_iter(text)
        .map(|m| m.range())
        .collect()
}

/// Find time expressions. `heading_sentences` is the number of leading
/// sentences that belong to the title and caption.
pub fn extract(
    text: &str,
    tokens: &[Token],
    sentences: &[(usize, usize)],
    heading_sentences: usize,
    lang: &str,
) -> Vec<TimeExpression> {
    let cal = Calendar::get();
    let mut out = Vec::new();
    let sentence_of = |pos: usize| sentences.partition_point(|&(_, e)| e <= pos);
    let mut covered: Vec<(usize, usize)> = Vec::new();

    for cap in numeric_date_re().captures_iter(text) {
        let m = cap.get(0).expect("whole match");
        let date = if let Some(y) = cap.get(1) {
            ymd(y.as_str(), &cap[2], &cap[3])
        } else if lang == "en" && m.as_str().contains('/') {
            // "3/4/2024" is 4 March in London and 3 April in New York: an
            // English slashed date is read only where one order fails.
            // Dotted dates are day first everywhere.
            let us = ymd(&cap[6], &cap[4], &cap[5]);
            let uk = ymd(&cap[6], &cap[5], &cap[4]);
            match (us, uk) {
                (Some(a), Some(b)) if a != b => None,
                (a, b) => a.or(b),
            }
        } else {
            ymd(&cap[6], &cap[5], &cap[4])
        };
        if let Some(date) = date {
            let s = sentence_of(m.start());
            out.push(TimeExpression {
                text: m.as_str().to_owned(),
                value: TimeValue::Date { date },
                resolved: None,
                sentence: s,
                in_heading: s < heading_sentences,
                span: m.start()..m.end(),
                ahead: false,
            });
            covered.push((m.start(), m.end()));
        }
    }

    if matches!(lang, "zh" | "ja" | "ko") {
        for (span, value) in east_asian(text) {
            if covered.iter().any(|&(s, e)| span.start < e && s < span.end) {
                continue;
            }
            let s = sentence_of(span.start);
            out.push(TimeExpression {
                text: text[span.clone()].to_owned(),
                value,
                resolved: None,
                sentence: s,
                in_heading: s < heading_sentences,
                span: span.clone(),
                ahead: false,
            });
            covered.push((span.start, span.end));
        }
    }

    let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
    let mut i = 0;
    while i < tokens.len() {
        if covered
            .iter()
            .any(|&(s, e)| tokens[i].start >= s && tokens[i].start < e)
        {
            i += 1;
            continue;
        }
        let Some((len, value, cue_start)) = match_at(text, tokens, &keys, i, cal, lang) else {
            i += 1;
            continue;
        };
        let first = cue_start.unwrap_or(i);
        let last = &tokens[i + len - 1];
        let s = tokens[i].sentence;
        out.push(TimeExpression {
            text: text[tokens[first].start..last.end].to_owned(),
            value,
            resolved: None,
            sentence: s,
            in_heading: s < heading_sentences,
            span: tokens[first].start..last.end,
            ahead: false,
        });
        i += len;
    }
    for e in &mut out {
        let at = tokens.partition_point(|t| t.start < e.span.start);
        e.ahead = at < tokens.len() && told_as_future(tokens, &keys, at);
    }
    out.sort_by_key(|e| e.sentence);
    out
}

fn east_asian_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Year, month and day markers of Chinese, Japanese and Korean
        // ("2020年3月5日", "3月5日", "2020년 3월"), weekdays ("星期二", "周六",
        // "火曜日") and the commonest relative words. Each character is a
        // token of its own there, so these are read from the text.
        Regex::new(
            r"(?x)
            (?P<y>[0-9]{4})\s*[年년]\s*(?:(?P<ym>[0-9]{1,2})\s*[月월]\s*(?:(?P<yd>[0-9]{1,2})\s*[日号號일])?)?
            | (?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[月월]\s*(?:(?P<d>[0-9]{1,2})\s*[日号號일])?
            | (?:星期|礼拜|禮拜|周|週)(?P<wd>[一二三四五六日天])
            | (?P<jwd>[月火水木金土日])曜日
            | (?P<rel>今天|今日|昨天|昨日|前天|明天|明日|今年|去年|本周|上周|本月|上个月|上個月)",
        )
        .expect("valid regex")
    })
}

/// Time expressions of Chinese, Japanese and Korean text: (byte range, value).
fn east_asian(text: &str) -> Vec<(std::ops::Range<usize>, TimeValue)> {
    let number = |s: &str| -> Option<u32> {
        if let Ok(n) = s.parse() {
            return Some(n);
        }
        // Chinese numerals up to twelve: "三", "十", "十二".
        let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
        let chars: Vec<char> = s.chars().collect();
        match chars.as_slice() {
            [c] if *c == '十' => Some(10),
            [c] => digit(*c),
            ['十', c] => digit(*c).map(|d| 10 + d),
            _ => None,
        }
    };
    let weekday = |c: &str, order: &str| order.find(c).map(|i| i as u32 / 3 + 1);
    let mut out = Vec::new();
    for cap in east_asian_re().captures_iter(text) {
        let m = cap.get(0).expect("whole match");
        let value = if let Some(y) = cap.name("y") {
            let Some(year) = year_in(y.as_str()) else {
                continue;
            };
            let month = cap.name("ym").and_then(|m| number(m.as_str()));
            let day = cap.name("yd").and_then(|d| number(d.as_str()));
            match (month, day) {
                (Some(month), Some(day)) => match NaiveDate::from_ymd_opt(year, month, day) {
                    Some(date) => TimeValue::Date { date },
                    None => continue,
                },
                (Some(month), None) if (1..=12).contains(&month) => {
                    TimeValue::MonthYear { year, month }
                }
                (Some(_), None) => continue,
                _ => TimeValue::Year { year, part: None },
            }
        } else if let Some(m) = cap.name("m") {
            let Some(month) = number(m.as_str()).filter(|m| (1..=12).contains(m)) else {
                continue;
            };
            match cap.name("d").and_then(|d| number(d.as_str())) {
                Some(day) if (1..=31).contains(&day) => TimeValue::MonthDay { month, day },
                Some(_) => continue,
                None => TimeValue::Month { month },
            }
        } else if let Some(w) = cap.name("wd") {
            // Sunday is 日 or 天, the seventh day.
            let w = if w.as_str() == "天" {
                "日"
            } else {
                w.as_str()
            };
            match weekday(w, "一二三四五六日") {
                Some(weekday) => TimeValue::Weekday {
                    weekday,
                    ahead: None,
                },
                None => continue,
            }
        } else if let Some(w) = cap.name("jwd") {
            match weekday(w.as_str(), "月火水木金土日") {
                Some(weekday) => TimeValue::Weekday {
                    weekday,
                    ahead: None,
                },
                None => continue,
            }
        } else {
            let days = match m.as_str() {
                "今天" | "今日" => Some(0),
                "昨天" | "昨日" => Some(-1),
                "前天" => Some(-2),
                "明天" | "明日" => Some(1),
                _ => None,
            };
            TimeValue::Relative { days }
        };
        out.push((m.start()..m.end(), value));
    }
    out
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn year_of(t: &Token) -> Option<i32> {
    if t.shape != Shape::Number {
        return None;
    }
    year_in(t.text)
}

/// The year four digits stand for, if they read as one of the modern era.
pub(crate) fn year_in(digits: &str) -> Option<i32> {
    if digits.len() != 4 {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn day_of(t: &Token) -> Option<u32> {
    // "20.", "20th", "1st", "1er", "1º".
    let digits = t.text.trim_end_matches('.');
    let digits = ["st", "nd", "rd", "th", "er", "º", "ª"]
        .iter()
        .find_map(|s| digits.strip_suffix(s))
        .unwrap_or(digits);
    let d: u32 = digits.parse().ok()?;
    (t.shape == Shape::Number && (1..=31).contains(&d)).then_some(d)
}

/// Match one expression at token `i`: (tokens used, value, index of a cue
/// word to include in the text).
fn match_at(
    text: &str,
    tokens: &[Token],
    keys: &[&str],
    i: usize,
    cal: &Calendar,
    lang: &str,
) -> Option<(usize, TimeValue, Option<usize>)> {
    let t = &tokens[i];
    let next = tokens.get(i + 1);
    let next2 = tokens.get(i + 2);
    let prev_key = i.checked_sub(1).map(|p| keys[p]);
    let cue = prev_key.is_some_and(|k| cal.is_time_cue(k)).then(|| i - 1);

    if let Some((len, days)) = cal.count_back_at(&keys[i..keys.len().min(i + 6)]) {
        return Some((len, TimeValue::Relative { days }, None));
    }
    if let Some((len, days)) = cal.relative_at(&keys[i..keys.len().min(i + 4)]) {
        return Some((len, TimeValue::Relative { days }, None));
    }
    if let Some(month) = month_at(t, cal, lang) {
        let ambiguous = t.key.len() <= 3 || t.key == "may" || t.key == "mar";
        // Month Day, Year / Month Day / Month Year
        if let Some(day) = next.and_then(day_of) {
            if let Some(year) = next2.and_then(year_of) {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((3, TimeValue::Date { date }, None));
            }
            return Some((2, TimeValue::MonthDay { month, day }, None));
        }
        if let Some(year) = next.and_then(year_of) {
            return Some((2, TimeValue::MonthYear { year, month }, cue));
        }
        if !ambiguous
            && (cue.is_some()
                || t.shape == Shape::Capitalised && !t.sentence_initial
                || lang != "en")
        {
            return Some((1, TimeValue::Month { month }, cue));
        }
        // "in May", "since May", not "by May" (a person, as often) nor
        // "May's" (Theresa May's).
        if ambiguous
            && t.shape == Shape::Capitalised
            && !t.sentence_initial
            && t.text.len() == t.key.len()
            && prev_key.is_some_and(|k| MONTH_CUES.contains(&k))
        {
            return Some((1, TimeValue::Month { month }, cue));
        }
        return None;
    }
    // Day [de] Month [[de] Year]: "30 December 2018", "5 de marzo de 2020".
    if let Some(day) = day_of(t) {
        let de = |k: usize| tokens.get(k).is_some_and(|n| n.key == "de");
        let m_at = if de(i + 1) { i + 2 } else { i + 1 };
        if let Some(month) = tokens.get(m_at).and_then(|n| month_at(n, cal, lang)) {
            let y_at = if de(m_at + 1) { m_at + 2 } else { m_at + 1 };
            if let Some(year) = tokens.get(y_at).and_then(year_of) {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((y_at + 1 - i, TimeValue::Date { date }, None));
            }
            return Some((m_at + 1 - i, TimeValue::MonthDay { month, day }, None));
        }
    }
    if let Some((len, decade)) = decade_at(text, tokens, keys, i) {
        let part = prev_key.and_then(year_part);
        let first = part.map(|_| i - 1);
        return Some((len, TimeValue::Decade { decade, part }, first.or(cue)));
    }
    if let Some(year) = year_of(t) {
        let part = prev_key.and_then(year_part);
        let year_word_after = next.is_some_and(|n| {
            matches!(
                n.key.as_str(),
                "yilinda" | "yili" | "yilinin" | "roku" | "rok" | "عام" | "году" | "года" | "г"
            )
        });
        if cue.is_some() || year_word_after || part.is_some() {
            return Some((1, TimeValue::Year { year, part }, cue));
        }
        return None;
    }
    // Weekdays in the article's own language only: "Plácido Domingo" is no
    // Sunday in English. (Months are read in every language: a page's
    // template often dates it in another language than its text.)
    // Portuguese working days are ordinals with "feira": "segunda-feira"
    // is Monday, "segunda" alone may be "second".
    let feira = (lang == "pt" && keys.get(i + 1) == Some(&"feira"))
        .then(|| PT_FEIRA.iter().position(|w| *w == t.key))
        .flatten()
        .map(|d| d as u32 + 1);
    // "zondagmiddag", "Sonntagabend": a weekday and a part of it, one word.
    let with_part = || {
        let parts: &[&str] = match lang {
            "nl" => &["middag", "ochtend", "avond", "nacht", "morgen"],
            "de" => &[
                "nachmittag",
                "vormittag",
                "mittag",
                "abend",
                "morgen",
                "nacht",
            ],
            _ => &[],
        };
        parts
            .iter()
            .find_map(|p| t.key.strip_suffix(p))
            .and_then(|day| cal.weekday_in(lang, day))
    };
    // "every Thursday", "jeden Donnerstag": a habit, no day of the story.
    let habit = prev_key.is_some_and(|k| {
        matches!(
            k,
            "every" | "each" | "jeden" | "chaque" | "cada" | "ogni" | "elke" | "iedere"
        )
    });
    if habit {
        return None;
    }
    if let Some(weekday) = feira
        .or_else(|| cal.weekday_in(lang, &t.key))
        .or_else(with_part)
    {
        let words = if feira.is_some() { 2 } else { 1 };
        // English weekdays are capitalised; a lowercase "sunday" is rarer
        // than the name, but other languages write them lowercase.
        if lang != "en" || t.shape == Shape::Capitalised {
            let cue = prev_key
                .filter(|k| {
                    matches!(
                        *k,
                        "on" | "am" | "el" | "le" | "w" | "we" | "il" | "lo" | "в" | "во" | "na"
                    )
                })
                .map(|_| i - 1);
            let next_before = prev_key.is_some_and(|k| NEXT_BEFORE.contains(&k));
            let next_after = keys.get(i + words).is_some_and(|k| NEXT_AFTER.contains(k));
            let ahead = if next_before || next_after {
                Some("next")
            } else if told_as_future(tokens, keys, i) {
                Some("coming")
            } else {
                None
            };
            let (len, cue) = match (next_before, next_after) {
                (true, _) => (words, Some(i - 1)),
                (_, true) => (words + 1, cue),
                _ => (words, cue),
            };
            return Some((len, TimeValue::Weekday { weekday, ahead }, cue));
        }
    }
    None
}

/// Portuguese Monday to Friday, each before "feira" (folded).
const PT_FEIRA: &[&str] = &["segunda", "terca", "quarta", "quinta", "sexta"];

/// Words before a month name that may also be a word or a name ("May",
/// "Mar"): only after them is it the month.
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "during", "early", "late", "mid", "last", "next", "this",
];

/// The part of a year or decade a folded word names ("late", "Anfang").
fn year_part(key: &str) -> Option<&'static str> {
    YEAR_PARTS.iter().find(|(w, _)| *w == key).map(|(_, p)| *p)
}

/// Words before a year that make it a decade ("années 1990", "años 90",
/// "anni '90", "lata 90."), folded.
const DECADE_WORDS: &[&str] = &["annees", "anos", "anni", "lata", "latach", "latami"];

/// A decade at token `i`: (tokens taken, its first year). Written with a
/// plural or adjective ending ("1990s", "'90s", "1990er", "1990'lar",
/// "90-х"), or after a word for decades ("années 1990"). Two digits alone
/// are an age as often as a decade ("in her 30s"): they count only written
/// with an apostrophe, after "the", or after a word for decades, and "20s"
/// (the 1920s or the 2020s) never does.
fn decade_at(text: &str, tokens: &[Token], keys: &[&str], i: usize) -> Option<(usize, i32)> {
    let t = &tokens[i];
    let digits_end = t
        .text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(t.text.len());
    let (digits, ending) = t.text.split_at(digits_end);
    let after_decade_word = i > 0 && DECADE_WORDS.contains(&keys[i - 1]);
    // An ending the word breaker splits off: "1990-х", "1990'larda",
    // "90'lı", "1990's".
    let split_ending = tokens.get(i + 1).is_some_and(|n| {
        matches!(&text[t.end..n.start], "-" | "'" | "’")
            && ["х", "s", "lar", "ler", "li", "lu"]
                .iter()
                .any(|e| n.key.starts_with(e))
    });
    let ending_ok = matches!(ending.trim_start_matches(['\'', '’']), "s" | "er");
    let split_ending = split_ending && ending.is_empty();
    if !(ending_ok || split_ending || (after_decade_word && ending.is_empty())) {
        return None;
    }
    let len = if split_ending { 2 } else { 1 };
    let n: i32 = digits.parse().ok()?;
    if n % 10 != 0 {
        return None;
    }
    match digits.len() {
        4 => (1800..=2090).contains(&n).then_some((len, n)),
        2 if n != 20 => {
            let apostrophe = text[..t.start].ends_with(['\'', '’']);
            let after_the = i > 0
                && (keys[i - 1] == "the"
                    || i > 1 && keys[i - 2] == "the" && year_part(keys[i - 1]).is_some());
            let century = if n <= 10 { 2000 } else { 1900 };
            (apostrophe || after_the || after_decade_word).then_some((len, century + n))
        }
        _ => None,
    }
}

/// Words before a weekday that make it the coming week's (folded).
const NEXT_BEFORE: &[&str] = &[
    "next",
    "nachsten",
    "kommenden",
    "proximo",
    "proxima",
    "gelecek",
    "onumuzdeki",
    "следующую",
    "следующий",
    "следующее",
    "przyszly",
    "przyszla",
    "przyszlym",
];

/// The same after the weekday ("vendredi prochain", "venerdì prossimo",
/// "el viernes próximo").
const NEXT_AFTER: &[&str] = &["prochain", "prossimo", "proximo", "proxima"];

/// Words that tell of what will happen, in English and German (folded). Not "due" ("due to rain"), "set" ("police
/// set up roadblocks") or "planned", which as often tell the past.
const FUTURE_CUES: &[&str] = &[
    "will",
    // "the storm would cross Shikoku by Saturday"
    "would",
    "wird",
    "werden",
    "soll",
    "sollen",
    "scheduled",
    "expected",
    "plans",
];

/// The same in French, Spanish and Italian, counted only in lowercase:
/// "sara" is also Sara, "sera" Sera.
const FUTURE_CUES_ROMANCE: &[&str] = &[
    // "doit recevoir les chefs de parti à partir de mardi"
    "doit",
    "doivent",
    "devrait",
    "devraient",
    "sera",
    "seront",
    "partir",
    // "será", "serán", "deberá"; "sarà", "dovrà"
    "seran",
    "debera",
    "sara",
    "dovra",
];

/// The clause before the weekday at `i` tells of what will happen ("The
/// House will vote on Monday"): a future cue among the eight words before
/// it, in its sentence, with no full stop between.
fn told_as_future(tokens: &[Token], keys: &[&str], i: usize) -> bool {
    let sentence = tokens[i].sentence;
    (i.saturating_sub(8)..i)
        .filter(|&j| tokens[j].sentence == sentence)
        .any(|j| {
            FUTURE_CUES.contains(&keys[j])
                || tokens[j].shape == Shape::Lower && FUTURE_CUES_ROMANCE.contains(&keys[j])
        })
}

fn month_at(t: &Token, cal: &Calendar, lang: &str) -> Option<u32> {
    let month = cal.month(&t.key)?;
    // English and German capitalise months: a lowercase "may"/"march" is a verb.
    if matches!(lang, "en" | "de") && t.shape != Shape::Capitalised {
        return None;
    }
    // Dutch "mei" is a name elsewhere ("Mei Ling"); a dateline read in no
    // language ("und") takes it.
    if t.key == "mei" && !matches!(lang, "nl" | "und") {
        return None;
    }
    Some(month)
}

/// Days from publication within which a day named in the lead is the
/// event's day rather than background. A report tells its event within
/// the week; a date further back in the lead is what it follows up ("12
/// contractors detained over the quake of 10 April", published on 2 May),
/// and the story of that date is another (`compare` and the clusterer
/// count a week's gap as another event).
const LEAD_DAY_REACH: i64 = 7;

/// Resolve expressions against the publication date and decide the event time.
pub fn resolve(
    expressions: &mut [TimeExpression],
    published: Option<NaiveDate>,
    lead_sentence: usize,
) -> EventTime {
    if let Some(pub_date) = published {
        for e in expressions.iter_mut() {
            e.resolved = resolve_one(&e.value, pub_date);
        }
        // A report often comes out a day or more after the event, and its
        // lead says when ("The Senate on Tuesday passed ..."): that day,
        // not the publication date, is when the event happened. A lead date
        // far from publication is background ("since Dec. 30, 2018").
        let lead_day = expressions.iter().find_map(|e| {
            let day = e
                .resolved
                .filter(|_| e.sentence == lead_sentence && !e.in_heading)?;
            let precise = matches!(
                e.value,
                TimeValue::Date { .. }
                    | TimeValue::MonthDay { .. }
                    | TimeValue::Weekday { .. }
                    | TimeValue::Relative { days: Some(_) }
            );
            // A day still to come is what the report announces, not when
            // its events happened.
            let near = (day - pub_date).num_days().abs() <= LEAD_DAY_REACH && day <= pub_date;
            // A date of publication day in the lead is its dateline
            // ("WASHINGTON, March 5, 2020 (Reuters) -"), not a day it tells.
            let dateline = day == pub_date
                && matches!(e.value, TimeValue::Date { .. } | TimeValue::MonthDay { .. });
            (precise && near && !dateline).then(|| (day, e.text.clone()))
        });
        // The first day the lead names decides, even when it is the day of
        // publication: in "hit the camp on Monday ..., the truce signed a
        // week ago" the event is Monday's, the truce background.
        return match lead_day {
            Some((date, text)) if date != pub_date => EventTime::Fixed {
                date,
                basis: format!(
                    "\"{text}\" in the lead sentence, read against the publication date {pub_date}"
                ),
            },
            _ => EventTime::Fixed {
                date: pub_date,
                basis: "publication date".to_owned(),
            },
        };
    }
    let lead_date = expressions.iter().find_map(|e| match e.value {
        TimeValue::Date { date } if e.sentence == lead_sentence && !e.in_heading && !e.ahead => {
            Some(date)
        }
        _ => None,
    });
    if let Some(date) = lead_date {
        return EventTime::Fixed {
            date,
            basis: "a full date in the lead sentence".to_owned(),
        };
    }
    let relative: Vec<&str> = expressions
        .iter()
        .filter(|e| !e.value.is_absolute())
        .map(|e| e.text.as_str())
        .collect();
    let absolute: Vec<&str> = expressions
        .iter()
        .filter(|e| e.value.is_absolute())
        .map(|e| e.text.as_str())
        .collect();
    let reason = match (relative.is_empty(), absolute.is_empty()) {
        (true, true) => "no publication date and no time expressions".to_owned(),
        (false, true) => format!(
            "no publication date; only relative expressions ({}), which cannot be placed on the calendar",
            quote_list(&relative)
        ),
        (true, false) => format!(
            "no publication date; the absolute dates ({}) are not in the lead sentence and may be background",
            quote_list(&absolute)
        ),
        (false, false) => format!(
            "no publication date; the events are told with relative expressions ({}) while the absolute dates ({}) are background",
            quote_list(&relative),
            quote_list(&absolute)
        ),
    };
    EventTime::Unfixed { reason }
}

fn quote_list(items: &[&str]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for i in items {
        if !seen.contains(i) {
            seen.push(i);
        }
    }
    seen.iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn resolve_one(value: &TimeValue, pub_date: NaiveDate) -> Option<NaiveDate> {
    match *value {
        TimeValue::Date { date } => Some(date),
        TimeValue::Relative { days: Some(d) } => {
            if d >= 0 {
                pub_date.checked_add_days(Days::new(d as u64))
            } else {
                pub_date.checked_sub_days(Days::new((-d) as u64))
            }
        }
        TimeValue::Weekday { weekday, ahead } => {
            let today = pub_date.weekday().number_from_monday();
            match ahead {
                // The first such weekday after publication ("next Friday"
                // on a Friday is a week later); what "will" happen on a
                // weekday happens on the first one from publication on.
                Some(kind) => {
                    let mut forward = (weekday + 7 - today) % 7;
                    if forward == 0 && kind == "next" {
                        forward = 7;
                    }
                    pub_date.checked_add_days(Days::new(forward as u64))
                }
                // The most recent such weekday on or before publication.
                None => {
                    let back = (today + 7 - weekday) % 7;
                    pub_date.checked_sub_days(Days::new(back as u64))
                }
            }
        }
        // The nearest such day: "Oct. 30" in November is last month's,
        // "Dec. 15" in November ("the deal closes on Dec. 15") next month's,
        // "Dec. 30" in January last year's.
        TimeValue::MonthDay { month, day } => (pub_date.year() - 1..=pub_date.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| (*d - pub_date).num_days().abs()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::sentences::split_sentences;
    use crate::analyse::tokens::tokenize;

    /// The time expressions of a text in `lang`, none of it a heading.
    fn expressions(text: &str, lang: &str) -> Vec<TimeExpression> {
        let sents = split_sentences(text);
        let toks = tokenize(text, &sents);
        extract(text, &toks, &sents, 0, lang)
    }

    fn find(text: &str, lang: &str) -> Vec<(String, TimeValue)> {
        expressions(text, lang)
            .into_iter()
            .map(|e| (e.text, e.value))
            .collect()
    }

    #[test]
    fn a_weekday_of_another_language_is_no_day() {
        let found = find("Plácido Domingo sang in Vienna on Sunday.", "en");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["on Sunday"], "{found:?}");
        let found = find("El concierto será el domingo en Madrid.", "es");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn portuguese_working_days_are_ordinals_with_feira() {
        let found = find(
            "Os estivadores pararam na segunda-feira. A segunda reunião será na próxima quarta-feira, e o ministro falou no sábado.",
            "pt",
        );
        let weekday =
            |w: u32, ahead: Option<&'static str>| TimeValue::Weekday { weekday: w, ahead };
        assert_eq!(
            found,
            [
                ("na segunda-feira".to_string(), weekday(1, None)),
                ("próxima quarta-feira".to_string(), weekday(3, Some("next"))),
                ("sábado".to_string(), weekday(6, None)),
            ],
        );
    }

    fn date(y: i32, m: u32, d: u32) -> TimeValue {
        TimeValue::Date {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        }
    }

    #[test]
    fn decades_are_read_and_ages_are_not() {
        let decades = |text: &str, lang: &str| -> Vec<(i32, Option<&'static str>)> {
            expressions(text, lang)
                .into_iter()
                .filter_map(|e| match e.value {
                    TimeValue::Decade { decade, part } => Some((decade, part)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            decades("Rents rose in the 1990s and fell in the late 1980s. Back in the '90s it was cheap. She is in her 30s; he is in his mid-40s.", "en"),
            [(1990, None), (1980, Some("late")), (1990, None)]
        );
        assert_eq!(
            decades("In den 1990er Jahren wuchs die Stadt.", "de"),
            [(1990, None)]
        );
        assert_eq!(
            decades("Prices doubled in the 1990's.", "en"),
            [(1990, None)]
        );
        assert_eq!(
            decades("Dans les années 1990, la ville a grandi.", "fr"),
            [(1990, None)]
        );
        assert_eq!(
            decades("En los años 90 la ciudad creció.", "es"),
            [(1990, None)]
        );
        assert_eq!(
            decades("Negli anni '80 la città è cresciuta.", "it"),
            [(1980, None)]
        );
        assert_eq!(decades("W latach 90. miasto rosło.", "pl"), [(1990, None)]);
        assert_eq!(decades("1990'larda şehir büyüdü.", "tr"), [(1990, None)]);
        assert_eq!(decades("В 1990-х годах город рос.", "ru"), [(1990, None)]);
        // A decade is no year of the events, and no figure.
        let e = expressions("In the 1990s the city grew.", "en");
        assert!(e.iter().all(|e| e.value.year().is_none()), "{e:?}");
    }

    #[test]
    fn russian_dates_weekdays_and_relative_words() {
        let found = find(
            "Министерство заявило в субботу, что переговоры прошли 5 марта 2020 года. \
             В 2019 году перемирие нарушалось, а вчера обстрелы возобновились.",
            "ru",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["в субботу", "5 марта 2020", "В 2019", "вчера"],
            "{found:?}"
        );
        assert_eq!(
            found[0].1,
            TimeValue::Weekday {
                weekday: 6,
                ahead: None
            }
        );
        assert_eq!(found[1].1, date(2020, 3, 5));
        assert_eq!(found[3].1, TimeValue::Relative { days: Some(-1) });
    }

    #[test]
    fn periods_next_to_the_news_are_listed_in_each_language() {
        let cases = [
            (
                "en",
                "The talks had opened the day before, and more follow over the weekend.",
                vec!["the day before", "over the weekend"],
            ),
            (
                "de",
                "Am Vortag hatte die Polizei gewarnt; nächste Woche wird verhandelt.",
                vec!["Am Vortag", "nächste Woche"],
            ),
            (
                "ru",
                "Переговоры продолжатся на следующей неделе, сообщили накануне.",
                vec!["на следующей неделе", "накануне"],
            ),
            (
                "fr",
                "Le ministre arrive demain; la semaine prochaine, le sommet.",
                vec!["demain", "la semaine prochaine"],
            ),
            (
                "es",
                "Anoche hubo disturbios y la próxima semana habrá elecciones.",
                vec!["Anoche", "la próxima semana"],
            ),
        ];
        for (lang, text, want) in cases {
            let found = find(text, lang);
            let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(texts, want, "{lang}: {found:?}");
        }
    }

    #[test]
    fn chinese_and_japanese_dates_are_read_from_the_characters() {
        let found = find(
            "土耳其外长周二与俄罗斯外长通电话。两国于2020年3月5日在莫斯科达成协议，三月以来停火。今天双方再次会谈。",
            "zh",
        );
        let values: Vec<&TimeValue> = found.iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            [
                &TimeValue::Weekday {
                    weekday: 2,
                    ahead: None
                },
                &date(2020, 3, 5),
                &TimeValue::Month { month: 3 },
                &TimeValue::Relative { days: Some(0) },
            ],
            "{found:?}"
        );
        assert_eq!(found[1].0, "2020年3月5日");
        let japanese = find("会談は12月30日の日曜日に行われた。", "ja");
        let values: Vec<&TimeValue> = japanese.iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            [
                &TimeValue::MonthDay { month: 12, day: 30 },
                &TimeValue::Weekday {
                    weekday: 7,
                    ahead: None
                },
            ]
        );
        assert!(
            find("三个月来谈判没有进展。", "zh").is_empty(),
            "three months is a duration, not March"
        );
    }

    #[test]
    fn expressions_of_the_first_example_article() {
        let found = find(
            "Lavrov discussed Syria on Tuesday. Talks in Moscow, Dec. 30, 2018. In March, a truce was brokered. \
             Since April 2018, attacks intensified. Russia intervened in late 2015. \
             A cease-fire was put into effect earlier this year.",
            "en",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "on Tuesday",
                "Dec. 30, 2018",
                "In March",
                "Since April 2018",
                "late 2015",
                "earlier this year"
            ]
        );
        assert_eq!(found[1].1, date(2018, 12, 30));
        assert_eq!(
            found[3].1,
            TimeValue::MonthYear {
                year: 2018,
                month: 4
            }
        );
        assert_eq!(
            found[4].1,
            TimeValue::Year {
                year: 2015,
                part: Some("late")
            }
        );
    }

    #[test]
    fn dates_in_other_languages_and_numeric_forms() {
        assert_eq!(
            find("Am 30. Dezember 2018 traf er Lavrov.", "de")[0].1,
            date(2018, 12, 30)
        );
        assert_eq!(
            find("El 5 de marzo de 2020 se firmó.", "es")[0].1,
            date(2020, 3, 5)
        );
        assert_eq!(
            find("30 Aralık 2018 tarihinde görüştüler.", "tr")[0].1,
            date(2018, 12, 30)
        );
        assert_eq!(
            find("Spotkanie 5 marca 2020 w Moskwie.", "pl")[0].1,
            date(2020, 3, 5)
        );
        assert_eq!(
            find("Published 2020-03-05 in print.", "en")[0].1,
            date(2020, 3, 5)
        );
        assert_eq!(
            find("Stand: 05.03.2020 um 10 Uhr.", "de")[0].1,
            date(2020, 3, 5)
        );
    }

    #[test]
    fn ordinal_days_make_dates() {
        for text in [
            "ABU DHABI, 20th March, 2024 (WAM) -- Masdar signed a deal.",
            "The deal was signed on March 20th, 2024 in Abu Dhabi.",
        ] {
            assert_eq!(find(text, "en")[0].1, date(2024, 3, 20), "{text}");
        }
        assert_eq!(
            find("L'accord a été signé le 1er mars 2024.", "fr")[0].1,
            date(2024, 3, 1)
        );
    }

    #[test]
    fn an_english_numeric_date_that_reads_both_ways_is_not_guessed() {
        assert!(find("The quake struck on 3/4/2024 at dawn.", "en").is_empty());
        assert_eq!(
            find("The quake struck on 4/23/2024 at dawn.", "en")[0].1,
            date(2024, 4, 23)
        );
        assert_eq!(
            find("The quake struck on 23/4/2024 at dawn.", "en")[0].1,
            date(2024, 4, 23)
        );
        // Dotted, day first in any language.
        assert_eq!(
            find("Updated 03.04.2024 at noon.", "en")[0].1,
            date(2024, 4, 3)
        );
    }

    #[test]
    fn modal_may_and_bare_numbers_are_not_dates() {
        assert!(find("He may resign. About 2000 people came.", "en").is_empty());
    }

    #[test]
    fn relative_days_resolve_against_the_publication_date() {
        let text = "Officials met on Tuesday. The ministry said today it agreed.";
        let mut ex = expressions(text, "en");
        let published = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap(); // a Thursday
        let t = resolve(&mut ex, Some(published), 0);
        assert!(matches!(t, EventTime::Fixed { .. }));
        assert_eq!(ex[0].resolved, NaiveDate::from_ymd_opt(2020, 9, 29));
        assert_eq!(ex[1].resolved, Some(published));
    }

    #[test]
    fn a_day_of_the_month_is_the_nearest_and_may_is_a_month_after_in() {
        let published = NaiveDate::from_ymd_opt(2023, 11, 3).unwrap();
        let mut ex = expressions("The deal closes on Dec. 15. Talks began on Oct. 30. Inflation slowed in May; Theresa May spoke, and May's party lost.", "en");
        resolve(&mut ex, Some(published), 0);
        let got: Vec<(&str, Option<NaiveDate>)> =
            ex.iter().map(|e| (e.text.as_str(), e.resolved)).collect();
        assert_eq!(
            got,
            [
                ("Dec. 15", NaiveDate::from_ymd_opt(2023, 12, 15)),
                ("Oct. 30", NaiveDate::from_ymd_opt(2023, 10, 30)),
                ("in May", None),
            ]
        );
        // A date announced in the lead fixes no event time.
        let mut ex = expressions(
            "EU leaders will meet on Dec. 14, 2023 to decide on talks, officials said on Friday.",
            "en",
        );
        assert!(matches!(
            resolve(&mut ex, None, 0),
            EventTime::Unfixed { .. }
        ));
        let mut ex = expressions("EU leaders met on Dec. 14, 2023 to decide on talks.", "en");
        assert!(matches!(resolve(&mut ex, None, 0), EventTime::Fixed { .. }));
        // Spanish abbreviations that are no English words.
        let found: Vec<TimeValue> = expressions("El 21 abr, el 3 dic y el 5 ene.", "es")
            .into_iter()
            .map(|e| e.value)
            .collect();
        assert_eq!(
            found,
            [(4, 21), (12, 3), (1, 5)].map(|(month, day)| TimeValue::MonthDay { month, day })
        );
    }

    #[test]
    fn days_to_come_and_counts_back_resolve_each_their_way() {
        let published = NaiveDate::from_ymd_opt(2024, 5, 10).unwrap(); // a Friday
        let on = |d| NaiveDate::from_ymd_opt(2024, 5, d);
        let resolved = |text: &str, lang: &str| -> Vec<(String, Option<NaiveDate>)> {
            let mut ex = expressions(text, lang);
            resolve(&mut ex, Some(published), 0);
            ex.into_iter().map(|e| (e.text, e.resolved)).collect()
        };
        let got = resolved("The Senate passed it on Friday. The House will vote on Monday. Talks resume next Friday, the day after tomorrow at the latest. Two weeks ago a tremor hit; he resigned three days ago. Five years ago it began, and two days later it ended.", "en");
        let want: Vec<(String, Option<NaiveDate>)> = [
            ("on Friday", on(10)),
            ("on Monday", on(13)),
            ("next Friday", on(17)),
            ("the day after tomorrow", on(12)),
            ("Two weeks ago", NaiveDate::from_ymd_opt(2024, 4, 26)),
            ("three days ago", on(7)),
            // Years back and days after another event are not placed.
            ("Five years ago", None),
            ("two days later", None),
        ]
        .into_iter()
        .map(|(t, d)| (t.to_owned(), d))
        .collect();
        assert_eq!(got, want);
        for (text, lang) in [
            ("Die Gespräche gehen am nächsten Freitag weiter, vor zwei Wochen bebte die Erde.", "de"),
            ("Las charlas seguirán el próximo viernes; hace dos semanas tembló la tierra.", "es"),
            ("Les pourparlers reprendront vendredi prochain; il y a deux semaines, la terre a tremblé.", "fr"),
            ("Görüşmeler gelecek cuma sürecek; iki hafta önce deprem oldu.", "tr"),
            ("Переговоры продолжатся в следующую пятницу; две недели назад было землетрясение.", "ru"),
        ] {
            let dates: Vec<Option<NaiveDate>> =
                resolved(text, lang).into_iter().map(|(_, d)| d).collect();
            assert_eq!(dates, [on(17), NaiveDate::from_ymd_opt(2024, 4, 26)], "{text}");
        }
        // Words that only sometimes look ahead do not move a weekday.
        let got = resolved(
            "Due to rain, the game on Sunday was called off. Police set up roadblocks on Tuesday.",
            "en",
        );
        assert_eq!(
            got.iter().map(|(_, d)| *d).collect::<Vec<_>>(),
            [on(5), on(7)]
        );
        // A forecast looks ahead; a habit names no day; a weekday and a
        // part of it in one word is the weekday.
        let got = resolved(
            "The storm would cross Shikoku by Saturday. The newsletter comes every Thursday.",
            "en",
        );
        assert_eq!(got, [("Saturday".to_owned(), on(11))]);
        let got = resolved("De brand brak zondagmiddag uit.", "nl");
        assert_eq!(got.iter().map(|(_, d)| *d).collect::<Vec<_>>(), [on(5)]);
        let got = resolved("Das Feuer brach am Sonntagabend aus.", "de");
        assert_eq!(got.iter().map(|(_, d)| *d).collect::<Vec<_>>(), [on(5)]);
        // An announced day in the lead is no event day.
        let mut ex = expressions("The House will vote on Monday.", "en");
        assert!(matches!(
            resolve(&mut ex, Some(published), 0),
            EventTime::Fixed { date, .. } if date == published
        ));
    }

    #[test]
    fn dutch_and_portuguese_dates_and_days() {
        let nl = find(
            "De staking begon op maandag 9 februari 2026 en gisteren was de haven dicht.",
            "nl",
        );
        assert!(nl.iter().any(|(_, v)| *v == date(2026, 2, 9)), "{nl:?}");
        assert!(nl.iter().any(|(t, _)| t.contains("gisteren")), "{nl:?}");
        let pt = find(
            "O acordo foi assinado em 3 de março de 2026; ontem houve protestos.",
            "pt",
        );
        assert!(pt.iter().any(|(_, v)| *v == date(2026, 3, 3)), "{pt:?}");
        assert!(pt.iter().any(|(t, _)| t.contains("ontem")), "{pt:?}");
        // "Mei" outside Dutch is a name, not May.
        let en = find("The singer Mei Ling spoke on 5 Mei.", "en");
        assert!(en.is_empty(), "{en:?}");
        let nl = find("De haven ging op 5 mei 2026 dicht.", "nl");
        assert!(nl.iter().any(|(_, v)| *v == date(2026, 5, 5)), "{nl:?}");
    }

    #[test]
    fn romance_future_cues_count_in_lowercase_only() {
        let ahead = |text: &str, lang: &str| {
            find(text, lang)
                .into_iter()
                .find_map(|(_, v)| match v {
                    TimeValue::Weekday { ahead, .. } => Some(ahead.is_some()),
                    _ => None,
                })
                .unwrap()
        };
        assert!(ahead(
            "Le président doit recevoir les chefs de parti à partir de mardi.",
            "fr"
        ));
        assert!(!ahead("Sara Jones dijo el lunes que no.", "es"));
    }

    #[test]
    fn the_day_the_lead_names_is_the_event_day_not_the_publication_date() {
        let text = "WASHINGTON, March 5, 2020 (Reuters) - The U.S. Senate on Tuesday passed the bill. It goes to the House on Friday.";
        let mut ex = expressions(text, "en");
        let published = NaiveDate::from_ymd_opt(2020, 3, 5).unwrap(); // a Thursday
        match resolve(&mut ex, Some(published), 0) {
            EventTime::Fixed { date, basis } => {
                assert_eq!(date, NaiveDate::from_ymd_opt(2020, 3, 3).unwrap());
                assert!(basis.contains("\"on Tuesday\""), "{basis}");
            }
            t => panic!("fixed by the publication date: {t:?}"),
        }
        // The first day the lead names decides even when it is the day of
        // publication: what happened "a week ago" is background.
        let text = "Artillery fire hit the Abu Shouk camp on Monday, the worst breach of the truce signed in Jeddah a week ago.";
        let mut ex = expressions(text, "en");
        let monday = NaiveDate::from_ymd_opt(2026, 2, 23).unwrap();
        assert!(matches!(
            resolve(&mut ex, Some(monday), 0),
            EventTime::Fixed { date, .. } if date == monday
        ));
        // A date weeks back in the lead is what the report follows up.
        let text = "Twelve contractors were detained over buildings damaged in the earthquake of April 10, prosecutors said.";
        let mut ex = expressions(text, "en");
        let may2 = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap();
        assert!(matches!(
            resolve(&mut ex, Some(may2), 0),
            EventTime::Fixed { date, .. } if date == may2
        ));
        // A lead with no day of its own keeps the publication date.
        let text = "The Senate passed the bill, ending a fight that began in 2018.";
        let mut ex = expressions(text, "en");
        assert!(matches!(
            resolve(&mut ex, Some(published), 0),
            EventTime::Fixed { date, .. } if date == published
        ));
    }

    #[test]
    fn without_a_publication_date_relative_time_is_unfixed() {
        let text = "The calls come one day after strikes on Monday. Since April 2018, attacks intensified.";
        let mut ex = expressions(text, "en");
        match resolve(&mut ex, None, 0) {
            EventTime::Unfixed { reason } => {
                assert!(reason.contains("\"on Monday\""), "{reason}");
                assert!(reason.contains("background"), "{reason}");
            }
            fixed => panic!("time must not be invented: {fixed:?}"),
        }
    }
}
