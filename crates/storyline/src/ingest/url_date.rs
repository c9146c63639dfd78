//! Publication dates written into a page's address.
//!
//! News sites put the day of publication in their URLs more often than in
//! the text: `/2020/04/23/`, `/2009/apr/28/`, `/2009-04-28-091.asp`,
//! `/20200423/`. When an article comes with no date of its own, its address
//! still says when it appeared. Only a full date counts: a year and a month
//! alone (`/2008/12/`) would put the story on a day it may not be about.

use chrono::{Datelike, NaiveDate};

/// Years a news address can carry; anything else is an identifier.
const FIRST_YEAR: i32 = 1990;

/// The publication date in `url`, if it spells one out. Tokenised corpora
/// space every symbol (`http : / / www . x . com / 2009 / 02 / 04 / ...`):
/// spaces are ignored.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let compact: String = url.chars().filter(|c| !c.is_whitespace()).collect();
    // The host and the query say nothing of the date.
    let after_scheme = compact.split_once("://")?.1;
    let path = after_scheme.split_once('/')?.1;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let last_year = chrono::Utc::now().year() + 1;
    let year_of = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
            .filter(|y| (FIRST_YEAR..=last_year).contains(y))
    };
    // Runs of letters and runs of digits, in order: "2009-04-28-091.asp"
    // gives 2009, 04, 28, 091, asp.
    let parts = split_runs(path);
    for (i, part) in parts.iter().enumerate() {
        if let Some(year) = year_of(part) {
            let month = parts.get(i + 1).and_then(|m| month_of(m));
            let day = parts
                .get(i + 2)
                .filter(|d| d.len() <= 2)
                .and_then(|d| d.parse::<u32>().ok());
            if let (Some(month), Some(day)) = (month, day) {
                if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                    return Some(date);
                }
            }
        }
        // "20200423" as one run of eight digits.
        if part.len() == 8 && part.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(year) = year_of(&part[..4]) {
                let month = part[4..6].parse().ok();
                let day = part[6..].parse().ok();
                if let Some(date) =
                    month.and_then(|m| day.and_then(|d| NaiveDate::from_ymd_opt(year, m, d)))
                {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Split into maximal runs of ASCII digits and of letters; everything else
/// separates.
fn split_runs(path: &str) -> Vec<&str> {
    let class = |c: char| {
        if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        }
    };
    let mut out = Vec::new();
    // Start and class (digits or letters) of the run being read.
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in path.char_indices() {
        let here = class(c);
        if let Some((start, digits)) = run {
            if here == Some(digits) {
                continue;
            }
            out.push(&path[start..i]);
        }
        run = here.map(|d| (i, d));
    }
    if let Some((start, _)) = run {
        out.push(&path[start..]);
    }
    out
}

/// A month as an address writes it: `04`, `4`, or a name or abbreviation
/// the time analysis knows (`apr`, `april`, `mai`).
fn month_of(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return (s.len() <= 2)
            .then(|| s.parse().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m));
    }
    crate::lexicon::calendar::Calendar::get().month(&crate::lexicon::fold::fold(s))
}

#[cfg(test)]
mod tests {
    use super::date_in_url;
    use chrono::NaiveDate;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_news_sites_write_them() {
        let cases = [
            (
                "https://www.example.com/world/2020/04/23/idlib-talks/",
                ymd(2020, 4, 23),
            ),
            (
                "http://www.theguardian.com/environment/2009/apr/28/obama-species",
                ymd(2009, 4, 28),
            ),
            (
                "http://www.ens-newswire.com/ens/apr2009/2009-04-28-091.asp",
                ymd(2009, 4, 28),
            ),
            (
                "https://www.aa.com.tr/en/20200423/turkey-russia",
                ymd(2020, 4, 23),
            ),
            // A tokenised corpus spaces every symbol out.
            (
                "http : / / tucsoncitizen . com / morgue / 2009 / 02 / 04 / 109301 - san - diego /",
                ymd(2009, 2, 4),
            ),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url), want, "{url}");
        }
    }

    #[test]
    fn identifiers_hosts_and_partial_dates_are_no_dates() {
        for url in [
            // Year and month only: no day to put the story on.
            "http://joyofsox.blogspot.nl/2008/12/herald-sox-make-8-year-offer-to.html",
            // Article numbers that merely start like a year.
            "https://news.example/story/2020999123",
            "https://news.example/a/1234/56/78",
            // The date is in the host or the query, not the path.
            "https://2020-04-23.example.com/story",
            "https://news.example/story?from=2020/04/23",
            // No month called "market".
            "https://news.example/2020/market/12/",
            "not a url",
            // A file path is no address.
            "archive/2020/04/23/story.txt",
        ] {
            assert_eq!(date_in_url(url), None, "{url}");
        }
    }
}
