//! Datelines: "MOSCOW, March 5, 2020 (Reuters) - ..." (or "IZMIR, Turkey,
//! March 12, 2024 ...", "SPRINGFIELD, Ill., ...") at the start of a body
//! gives the publication date of wire copy; a line that holds nothing but a
//! date ("Published : Dec . 19 , 2005 at 9 : 44 PM", "Sunday, 21 July 2013")
//! near the title gives the publication date of a saved web page.

use crate::analyse::time::{self, TimeValue};
use crate::analyse::tokens::tokenize;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\s*(?:(?:\p{Lu}[\p{L}\p{M} .'’/-]{1,40}(?:\s*\([^)\n]{1,30}\))?|\p{Arabic}[\p{Arabic}\p{M} ]{1,40})[,،]\s*(?:\p{Lu}[\p{L}\p{M} .'’-]{1,30},\s*)?)?(?P<date>[^()\n–—]{6,32}?)\s*(?:\([^)\n]{1,40}\)\s*)?\.?(?:[–—]|--?\s)",
        )
        .expect("valid regex")
    })
}

/// A dateline closed by a full stop, as Russian and some European agencies
/// write them ("МОСКВА, 29 декабря 2022 года. Министр ..."): only after a
/// place in capitals, where a date then a full stop can be nothing else.
fn stop_dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*\p{Lu}[\p{Lu}\p{M} '’/-]{1,40},\s*(?:\p{Lu}[\p{L}\p{M} .'’-]{1,30},\s*)?(?P<date>[^()\n]{6,32}?)\.\s")
            .expect("valid regex")
    })
}

/// The full date of a dateline opening `body`, if there is one.
pub fn find_dateline_date(body: &str) -> Option<NaiveDate> {
    match dateline_value(body)? {
        // "NEW YORK, March 3, 2099": a typo or a story set in the future,
        // never when the report was filed.
        TimeValue::Date { date } if !super::load::is_future(date) => Some(date),
        _ => None,
    }
}

/// Whether `text` opens with a dateline, with a full date or a day and
/// month only ("LONDON, Jan 15 (Reuters) -"): the lead of a report, never
/// a photo caption.
pub fn opens_with_dateline(text: &str) -> bool {
    matches!(
        dateline_value(text),
        Some(TimeValue::Date { .. } | TimeValue::MonthDay { .. })
    )
}

/// Month and day of a dateline opening `body` that names no year
/// ("LONDON, Jan 15 (Reuters) -").
pub fn dateline_month_day(body: &str) -> Option<(u32, u32)> {
    match dateline_value(body)? {
        TimeValue::MonthDay { month, day } => Some((month, day)),
        _ => None,
    }
}

/// The date a dateline opening `body` holds, as a time expression that
/// takes (nearly) all of its date part.
fn dateline_value(body: &str) -> Option<TimeValue> {
    let head: String = body.chars().take(120).collect();
    let caps = dateline_re()
        .captures(&head)
        .or_else(|| stop_dateline_re().captures(&head))?;
    let date_text = caps.name("date")?.as_str().trim().trim_end_matches(',');
    // "29 декабря 2022 года", "5 marca 2020 roku": the word for "year"
    // after the date belongs to it.
    let date_text = match date_text.rsplit_once(' ') {
        Some((date, "года" | "г" | "г." | "roku" | "r" | "r." | "yılı")) => date.trim_end(),
        _ => date_text,
    };
    let whole = [(0, date_text.len())];
    let tokens = tokenize(date_text, &whole);
    // Language "und": accept month names of any language, any case.
    let found = time::extract(date_text, &tokens, &whole, 0, "und");
    match found.as_slice() {
        [one] if one.text.chars().count() + 3 >= date_text.chars().count() => {
            Some(one.value.clone())
        }
        _ => None,
    }
}

/// Words a publication-date line may hold besides the date, the weekday and
/// the time of day (folded).
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "pt",
    "ist",
    "aest",
    "veroffentlicht",
    "aktualisiert",
    "um",
    "uhr",
    "stand",
    "publicado",
    "actualizado",
    "publie",
    "le",
    "mis",
    "a",
    "jour",
    "yayinlanma",
    "tarihi",
    "guncelleme",
    "opublikowano",
    "입력",
    "수정",
    "업데이트",
];

/// Longest line read as a publication-date line.
const MAX_DATE_LINE: usize = 90;

/// The date of a line that holds only a publication date (with words such
/// as "Published", a weekday, a time of day). `None` for any other line, and
/// for a numeric date whose day and month could be read either way.
pub fn find_date_line(line: &str) -> Option<NaiveDate> {
    read_date_line(line).flatten()
}

/// True for a line that holds only a date, even one whose day and month
/// cannot be told apart: it is page furniture, not a headline.
pub fn is_date_line(line: &str) -> bool {
    read_date_line(line).is_some()
}

/// `Some(Some(date))` for a date line, `Some(None)` for a date line with an
/// ambiguous numeric date, `None` for any other line.
#[allow(clippy::option_option)]
fn read_date_line(line: &str) -> Option<Option<NaiveDate>> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_DATE_LINE || !line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let line = respace(line);
    let (date, matched) = match numeric_date(&line) {
        Some(Ok(found)) => found,
        Some(Err(matched)) => (None, matched),
        None => {
            let whole = [(0, line.len())];
            let tokens = tokenize(&line, &whole);
            let found = time::extract(&line, &tokens, &whole, 0, "und");
            let mut dates = found.iter().filter_map(|e| match e.value {
                TimeValue::Date { date } => Some((date, e.text.clone())),
                _ => None,
            });
            let (date, text) = dates.next()?;
            if dates.next().is_some() {
                return None;
            }
            (Some(date), text)
        }
    };
    let rest = line.replacen(&matched, " ", 1);
    let calendar = crate::lexicon::calendar::Calendar::get();
    let only_date = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(crate::lexicon::fold::fold)
        .all(|w| DATE_LINE_WORDS.contains(&w.as_str()) || calendar.weekday(&w).is_some());
    if !only_date {
        return None;
    }
    // A numeric text that is no date at all ("13/13/2013") makes no date line.
    if date.is_none() && numeric_date(&line).is_some_and(|r| r.is_ok()) {
        return None;
    }
    Some(date)
}

/// Undo word-per-token spacing ("Dec . 19 , 2005 , 9 : 44", "12 / 19 / 2005")
/// and ordinal suffixes ("15th") so the date reads as written.
fn respace(line: &str) -> String {
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static ORDINAL: OnceLock<Regex> = OnceLock::new();
    // No space before , . : /; none after / or : when a digit follows.
    let before = BEFORE.get_or_init(|| Regex::new(r"\s+([,.:/])").expect("valid regex"));
    let after = AFTER.get_or_init(|| Regex::new(r"([/:])\s+(\d)").expect("valid regex"));
    let ordinal =
        ORDINAL.get_or_init(|| Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)\b").expect("valid regex"));
    let text = before.replace_all(line, "$1");
    let text = after.replace_all(&text, "$1$2");
    ordinal.replace_all(&text, "$1").into_owned()
}

/// A numeric date "12/19/2005", "19.12.2005", "2005-12-19" or "2005.12.19"
/// with its text: `Ok` with the date when only one reading of day and month
/// is a date (or none is), `Err` when both are and differ; `None` when the
/// line has no such date. Dots put the day first: that is how the countries
/// that write them (Germany, Turkey, Russia, Poland...) date; the United
/// States writes slashes.
fn numeric_date(line: &str) -> Option<Result<(Option<NaiveDate>, String), String>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b|\b(\d{4})[-.](\d{2})[-.](\d{2})\b")
            .expect("valid regex")
    });
    let cap = re.captures(line)?;
    let text = cap[0].to_owned();
    let num = |i: usize| cap.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(y), Some(m), Some(d)) = (num(5), num(6), num(7)) {
        return Some(Ok((NaiveDate::from_ymd_opt(y as i32, m, d), text)));
    }
    let (a, b, y) = (num(1)?, num(3)?, num(4)? as i32);
    let day_first = NaiveDate::from_ymd_opt(y, b, a);
    if &cap[2] == "." {
        return Some(Ok((day_first, text)));
    }
    let month_first = NaiveDate::from_ymd_opt(y, a, b);
    Some(match (month_first, day_first) {
        (Some(x), Some(z)) if x != z => Err(text),
        (Some(date), _) | (None, Some(date)) => Ok((Some(date), text)),
        (None, None) => Ok((None, text)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        for (text, date) in [
            (
                "MOSCOW, March 5, 2020 (Reuters) - Russia said",
                d(2020, 3, 5),
            ),
            ("BERLIN, 5. März 2020 (dpa) – Die Regierung", d(2020, 3, 5)),
            ("2020-03-05 — Ankara", d(2020, 3, 5)),
            // Closed by a full stop after a place in capitals.
            (
                "МОСКВА, 29 декабря 2022 года. Министр иностранных дел заявил",
                d(2022, 12, 29),
            ),
            ("WASHINGTON, Dec. 5, 2020. The Senate voted", d(2020, 12, 5)),
            ("PARIS, the capital. It rained", None),
            ("LONDON, 5 December 2020. The queen spoke", d(2020, 12, 5)),
            (
                "ROTTERDAM, 12 februari 2026 - De haven lag stil",
                d(2026, 2, 12),
            ),
            ("ROTTERDAM, 12 mei 2026 - De haven lag stil", d(2026, 5, 12)),
            ("LISBOA, 3 de março de 2026 - O governo", d(2026, 3, 3)),
            // The place's country, state or province between.
            (
                "IZMIR, Turkey, March 12, 2024 (Reuters) - A quake",
                d(2024, 3, 12),
            ),
            (
                "SPRINGFIELD, Ill., March 12, 2024 (AP) — A tram",
                d(2024, 3, 12),
            ),
            (
                "VICTORIA, British Columbia, May 2, 2023 (CP) - Rain",
                d(2023, 5, 2),
            ),
            (
                "ISTANBUL, Tuesday, March 12, 2024 (Reuters) - Police",
                d(2024, 3, 12),
            ),
            // The place as a name, not in capitals; agencies' own endings.
            (
                "London, Nov 3, 2023 (Reuters) - Shares fell.",
                d(2023, 11, 3),
            ),
            ("Francoforte, 6 giugno 2024 (ANSA) - La Bce", d(2024, 6, 6)),
            // EFE names the province after the town; Arabic writes its own
            // comma.
            (
                "Paiporta (Valencia), 3 de noviembre de 2024 (EFE).- Los Reyes",
                d(2024, 11, 3),
            ),
            ("القاهرة، 14 مارس 2024 (رويترز) - قال وزير", d(2024, 3, 14)),
            (
                "Warszawa, 17 października 2023 r. (PAP) - Sejm",
                d(2023, 10, 17),
            ),
            (
                "Madrid, 21 de abril de 2024 (EFE).- El Gobierno",
                d(2024, 4, 21),
            ),
        ] {
            assert_eq!(find_dateline_date(text), date, "{text}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(
            find_dateline_date("Turkey's Foreign Minister Mevlüt Çavuşoğlu - in a call"),
            None
        );
        assert_eq!(find_dateline_date("In March 2020 - a truce"), None);
    }

    #[test]
    fn publication_date_lines_of_saved_pages() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // As ECB+ and scraped pages write them, tokenised spacing included.
        assert_eq!(find_date_line("Published May 03 , 2013"), d(2013, 5, 3));
        assert_eq!(find_date_line("Sunday , 21 July 2013"), d(2013, 7, 21));
        assert_eq!(
            find_date_line("Published : Dec . 19 , 2005 at 9 : 44 PM"),
            d(2005, 12, 19)
        );
        assert_eq!(
            find_date_line("PUBLISHED : THURSDAY , MAY 2 , 2013 , 1 : 32 PM"),
            d(2013, 5, 2)
        );
        assert_eq!(
            find_date_line("Last Updated : Tuesday , 20 December 2005 , 10 : 39 GMT"),
            d(2005, 12, 20)
        );
        assert_eq!(
            find_date_line("December 15th , 2008 , 7 : 35 am"),
            d(2008, 12, 15)
        );
        assert_eq!(
            find_date_line("Posted 12 / 19 / 2005 3 : 36 PM"),
            d(2005, 12, 19)
        );
        assert_eq!(find_date_line("2013-07-21"), d(2013, 7, 21));
        // Dots put the day first (Anadolu, Hürriyet); Korean pages say
        // "posted" before a dotted year-first date.
        assert_eq!(find_date_line("06.02.2023 11:42"), d(2023, 2, 6));
        assert_eq!(
            find_date_line("Güncelleme: 06.02.2023 11:42"),
            d(2023, 2, 6)
        );
        assert_eq!(find_date_line("입력 2024.12.04 05:12"), d(2024, 12, 4));
        // Slashes stay ambiguous when both readings are dates.
        assert_eq!(find_date_line("06/02/2023"), None);
    }

    #[test]
    fn lines_that_say_more_than_a_date_are_not_date_lines() {
        // A sentence that mentions a date is news, not a publication date.
        assert_eq!(
            find_date_line("He was arrested on Feb. 4, 2009 in San Diego."),
            None
        );
        assert_eq!(find_date_line("Fire at Waitrose in Wellington"), None);
        // 05/06/2013 is May 6 or 5 June: not guessed.
        assert_eq!(find_date_line("Posted 05/06/2013"), None);
        assert!(is_date_line("Posted at 3 : 21 PM ET , 01 / 5 / 2011"));
        assert!(!is_date_line("Fire at Waitrose in Wellington"));
        assert_eq!(
            find_date_line("Edited on Mon Dec - 19 - 05 03 : 49 PM"),
            None
        );
    }
}
