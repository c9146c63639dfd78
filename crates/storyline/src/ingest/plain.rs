//! The plain-text article format: a title line, an optional caption (lines
//! directly under the title, before the first blank line), then the body.
//!
//! ```text
//! Turkish FM Çavuşoğlu, Russian counterpart Lavrov discuss ... in phone call
//! Foreign Minister Mevlüt Çavuşoğlu and ... in Moscow, Dec. 30, 2018. (AA Photo)
//!
//! Turkey's Foreign Minister Mevlüt Çavuşoğlu in a phone call ...
//! ```
//!
//! A text with no line structure at all (as in the SemEval JSONL files, where
//! title and body are run together) becomes a body with an empty title.

use super::article::{Article, DateSource};
use super::dateline::{find_date_line, find_dateline_date, is_date_line, opens_with_dateline};

/// Lines under the title searched for a publication-date line.
const DATE_LINE_SEARCH: usize = 3;

pub fn parse_plain(text: &str) -> Article {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).peekable();

    let mut first = lines.next().unwrap_or_default().trim().to_owned();
    // Scraped text often opens with the page address: keep it as the
    // source, not as the title.
    let mut url = None;
    if is_bare_url(&first) {
        // A tokenised address ("http : / / www . cnn . com / ...") is
        // written back as the address it was: addresses hold no spaces.
        url = Some(first.split_whitespace().collect::<String>());
        first = next_nonblank(&mut lines);
    }
    // Saved pages may put the publication date above the headline.
    let mut date = None;
    if lines.peek().is_some() && is_date_line(&first) {
        date = find_date_line(&first);
        first = next_nonblank(&mut lines);
    }
    let rest: Vec<&str> = lines.collect();
    if rest.iter().all(|l| l.trim().is_empty()) {
        // One line only: no title/body split can be trusted.
        return with_dateline(Article {
            body: first,
            source: url,
            date,
            date_source: date.map(|_| DateSource::Dateline),
            ..Article::default()
        });
    }
    let caption_len = rest.iter().take_while(|l| !l.trim().is_empty()).count();
    let caption = rest[..caption_len]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let body = rest[caption_len..].join("\n").trim().to_owned();
    let (caption, body) = if body.is_empty() {
        // "title\nbody" with no blank line: the second block is the body,
        // its line breaks kept (one sentence a line, in some corpora).
        (None, rest.join("\n").trim().to_owned())
    } else if opens_with_dateline(&caption) {
        // "title\nLONDON, Jan 15 (Reuters) - ...\n\nmore": a block that
        // opens with a dateline is the report's lead, not a caption.
        (None, rest.join("\n").trim().to_owned())
    } else {
        ((!caption.is_empty()).then_some(caption), body)
    };
    with_dateline(Article {
        title: first,
        caption,
        body,
        source: url,
        date,
        date_source: date.map(|_| DateSource::Dateline),
        ..Article::default()
    })
}

fn next_nonblank<'a>(lines: &mut impl Iterator<Item = &'a str>) -> String {
    lines
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn is_bare_url(line: &str) -> bool {
    let head = line.get(..12).unwrap_or(line).to_ascii_lowercase();
    let plain = (head.starts_with("http://") || head.starts_with("https://"))
        && !line.contains(char::is_whitespace);
    // Tokenised corpora space every symbol out: "http : / / www . cnn . com / ...".
    let spaced = head.starts_with("http : / / ") || head.starts_with("https : / /");
    plain || spaced
}

/// Date the article by a dateline or date line in its text, else by its
/// address.
fn with_dateline(mut article: Article) -> Article {
    if article.date.is_none() {
        let date_line = || {
            let caption = article.caption.as_deref().unwrap_or_default().lines();
            caption
                .chain(article.body.lines())
                .filter(|l| !l.trim().is_empty())
                .take(DATE_LINE_SEARCH)
                .find_map(find_date_line)
        };
        if let Some(date) = find_dateline_date(&article.body).or_else(date_line) {
            article.date = Some(date);
            article.date_source = Some(DateSource::Dateline);
        }
    }
    article.date_from_address();
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn title_caption_body_are_separated() {
        let a = parse_plain(
            "Turkish FM discuss Syria in phone call\nFM Çavuşoğlu in Moscow, Dec. 30, 2018. (AA Photo)\n\n\nTurkey's Foreign Minister discussed Syria.\n\nSecond paragraph.",
        );
        assert_eq!(a.title, "Turkish FM discuss Syria in phone call");
        assert_eq!(
            a.caption.as_deref(),
            Some("FM Çavuşoğlu in Moscow, Dec. 30, 2018. (AA Photo)")
        );
        assert!(a.body.starts_with("Turkey's Foreign Minister"));
        assert!(a.body.ends_with("Second paragraph."));
        assert_eq!(a.date, None, "a caption date is background, not a dateline");
    }

    #[test]
    fn a_block_under_the_title_that_opens_with_a_dateline_is_the_lead() {
        let a = parse_plain(
            "Zurich profit rises\nZURICH, Feb 15, 2024 (Reuters) - Zurich Insurance said profit rose.\n\nShares gained 2%.",
        );
        assert_eq!(a.caption, None);
        assert!(a.body.starts_with("ZURICH, Feb 15"), "{}", a.body);
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 2, 15));
        let yearless = parse_plain(
            "Villa win\nLONDON, March 14 (Reuters) - Aston Villa won 3-1.\n\nMore to come.",
        );
        assert_eq!(yearless.caption, None);
        assert!(yearless.body.starts_with("LONDON, March 14"));
    }

    #[test]
    fn title_then_blank_then_body_has_no_caption() {
        let a = parse_plain(
            "The Russian Foreign Ministry said today.\n\nThe agreement came after talks.",
        );
        assert_eq!(a.title, "The Russian Foreign Ministry said today.");
        assert_eq!(a.caption, None);
        assert_eq!(a.body, "The agreement came after talks.");
    }

    #[test]
    fn single_line_text_is_all_body() {
        let a = parse_plain("Bir ölü İspanya Çin'i geçti: günde 738 ölü");
        assert_eq!(a.title, "");
        assert_eq!(a.body, "Bir ölü İspanya Çin'i geçti: günde 738 ölü");
    }

    #[test]
    fn a_leading_url_line_is_the_source_not_the_title() {
        let a = parse_plain("http://www.example.com/news/story-1.html\nTara Reid checks into rehab\nShe was admitted on Tuesday .");
        assert_eq!(
            a.source.as_deref(),
            Some("http://www.example.com/news/story-1.html")
        );
        assert_eq!(a.title, "Tara Reid checks into rehab");
    }

    #[test]
    fn a_one_sentence_per_line_page_keeps_its_title_date_and_lines() {
        // As in ECB+: tokenised address, headline, date line, one sentence a
        // line, no blank lines.
        let a = parse_plain(
            "http : / / www . foxnews . com / entertainment / 2013 / 05 / 02 / lohan /\nLindsay Lohan rehires longtime lawyer Shawn Holley , heads to rehab\nPublished May 03 , 2013\nIt seems Lindsay Lohan has had enough of her attorney .\nThe actress re - hired Shawn Holley .",
        );
        assert!(a
            .source
            .as_deref()
            .unwrap_or_default()
            .starts_with("http://www.foxnews.com/entertainment/2013/05/02/lohan/"));
        assert_eq!(
            a.title,
            "Lindsay Lohan rehires longtime lawyer Shawn Holley , heads to rehab"
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2013, 5, 3));
        assert_eq!(a.body.lines().count(), 3, "lines stay apart: {:?}", a.body);
    }

    #[test]
    fn a_date_line_above_the_headline_is_not_the_title() {
        let a = parse_plain(
            "Posted 12 / 19 / 2005 3 : 36 PM\nVincent 'The Chin' Gigante dies\nMob boss Vincent Gigante died Monday in prison .",
        );
        assert_eq!(a.title, "Vincent 'The Chin' Gigante dies");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2005, 12, 19));
    }

    #[test]
    fn a_dateline_gives_the_publication_date() {
        let a = parse_plain(
            "Title\n\nMOSCOW, March 5, 2020 (Reuters) - Russia and Turkey agreed a ceasefire.",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(a.date_source, Some(DateSource::Dateline));
    }
}
