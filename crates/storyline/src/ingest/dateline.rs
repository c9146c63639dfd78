//! Datelines: "MOSCOW, March 5, 2020 (Reuters) - ..." at the start of a body
//! gives the publication date of wire copy.

use crate::analyse::time::{self, TimeValue};
use crate::analyse::tokens::tokenize;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\s*(?:\p{Lu}[\p{Lu}\p{M} .'’/-]{1,40},\s*)?(?P<date>[^()\n–—]{6,32}?)\s*(?:\([^)\n]{1,40}\)\s*)?(?:[–—]|--?\s)",
        )
        .expect("valid regex")
    })
}

/// The full date of a dateline opening `body`, if there is one.
pub fn find_dateline_date(body: &str) -> Option<NaiveDate> {
    let head: String = body.chars().take(120).collect();
    let caps = dateline_re().captures(&head)?;
    let date_text = caps.name("date")?.as_str().trim().trim_end_matches(',');
    let whole = [(0, date_text.len())];
    let tokens = tokenize(date_text, &whole);
    // Language "und": accept month names of any language, any case.
    let found = time::extract(date_text, &tokens, &whole, 0, "und");
    match found.as_slice() {
        [one] => match one.value {
            TimeValue::Date { date } if one.text.len() + 3 >= date_text.len() => Some(date),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            find_dateline_date("MOSCOW, March 5, 2020 (Reuters) - Russia said"),
            d(2020, 3, 5)
        );
        assert_eq!(
            find_dateline_date("BERLIN, 5. März 2020 (dpa) – Die Regierung"),
            d(2020, 3, 5)
        );
        assert_eq!(find_dateline_date("2020-03-05 — Ankara"), d(2020, 3, 5));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(
            find_dateline_date("Turkey's Foreign Minister Mevlüt Çavuşoğlu - in a call"),
            None
        );
        assert_eq!(find_dateline_date("In March 2020 - a truce"), None);
    }
}
