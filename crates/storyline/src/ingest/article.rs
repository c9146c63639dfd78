//! The article as Storyline sees it after ingest, before any analysis.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an article's publication date came from. Reports show it, because a
/// date from a dateline is weaker evidence than one from structured metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// A `date` field supplied with the article (JSON, JSONL, API).
    Field,
    /// An HTML `<meta>` publication date.
    HtmlMeta,
    /// A dateline at the start of the body, e.g. `MOSCOW, Dec. 30, 2018 (AP) -`,
    /// or a line holding only the date near the title (`Published May 3, 2013`).
    Dateline,
    /// A full date in the article's address (`/2020/04/23/`), used only when
    /// nothing else dates the article.
    Url,
}

impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateSource::Field => "the date field",
            DateSource::HtmlMeta => "the page's metadata",
            DateSource::Dateline => "a dateline in the text",
            DateSource::Url => "the page address",
        })
    }
}

/// One news article: a title, an optional caption, a body and what is known
/// about it. Text is always valid UTF-8 after [`crate::ingest::decode`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Article {
    pub id: Option<String>,
    pub title: String,
    /// A photo caption or standfirst between title and body, when present.
    /// Captions often carry background dates ("... in Moscow, Dec. 30, 2018")
    /// that say nothing about when the story happened; keeping them apart lets
    /// the time analysis discount them.
    pub caption: Option<String>,
    pub body: String,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// Language given by the user (ISO 639-1), overriding detection.
    pub lang: Option<String>,
    /// File path or URL the article came from.
    pub source: Option<String>,
    /// The article's own URL (a `url` field, or an HTML page's canonical
    /// link), when known.
    pub url: Option<String>,
}

impl Article {
    /// Date an undated article by a date in its address (`url`, else a
    /// `source` that is an address).
    pub fn date_from_address(&mut self) {
        if self.date.is_some() {
            return;
        }
        let address = [self.url.as_deref(), self.source.as_deref()]
            .into_iter()
            .flatten()
            .find_map(super::url_date::date_in_url);
        if let Some(date) = address {
            self.date = Some(date);
            self.date_source = Some(DateSource::Url);
        }
    }

    /// All text in reading order: title, caption, body, one block each.
    pub fn full_text(&self) -> String {
        let mut out = String::with_capacity(self.title.len() + self.body.len() + 64);
        for part in [
            Some(self.title.as_str()),
            self.caption.as_deref(),
            Some(self.body.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(part.trim());
        }
        out
    }

    /// A short label for reports: id, else source, else the title's start.
    pub fn label(&self) -> String {
        if let Some(id) = &self.id {
            return id.clone();
        }
        if let Some(src) = &self.source {
            return src.clone();
        }
        self.title.chars().take(60).collect()
    }
}
