//! Rows the store reads and writes, independent of any backend.

use chrono::NaiveDate;
use serde::Serialize;

/// How a stored article copies an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateKind {
    /// Same normalised text: its text is not stored again.
    Exact,
    /// A syndicated or lightly edited copy (MinHash-verified word overlap).
    Near,
}

impl DuplicateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
        }
    }
    pub fn parse(s: &str) -> Option<DuplicateKind> {
        match s {
            "exact" => Some(DuplicateKind::Exact),
            "near" => Some(DuplicateKind::Near),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    /// Id of the article copied (always an original, never a copy).
    pub of: String,
    pub kind: DuplicateKind,
    /// Word-shingle resemblance to the original, 0..1.
    pub similarity: f64,
}

/// An article to insert.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub id: String,
    pub title: String,
    pub caption: Option<String>,
    /// `None` for exact copies, whose text is the original's.
    pub body: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub lang: String,
    pub date: Option<NaiveDate>,
    pub date_source: Option<String>,
    pub content_hash: String,
    pub duplicate: Option<Duplicate>,
    pub story: Option<i64>,
}

/// What writes need to know of a stored article.
#[derive(Debug, Clone)]
pub struct ArticleHead {
    pub seq: i64,
    pub id: String,
    pub content_hash: String,
    pub story: Option<i64>,
    /// The original, when this is a copy.
    pub duplicate_of: Option<String>,
    /// The publication date stored.
    pub date: Option<NaiveDate>,
}

/// A stored article, as reads return it. For an exact copy `body` holds the
/// original's text.
#[derive(Debug, Clone, Serialize)]
pub struct StoredArticle {
    pub seq: i64,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub lang: String,
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    pub duplicate: Option<Duplicate>,
    pub story: Option<i64>,
    pub ingested_at: String,
}

/// `text` if it has at most `max` characters, else its first words within
/// `max` and "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

impl StoredArticle {
    /// What lists show as the article's title: its title, or for a text
    /// that has none (one paragraph, no title line) its opening words; a
    /// title of runaway length (a scrape that glued the page into it) is
    /// cut at a word, as a list line must be. The stored title is whole.
    pub fn heading(&self) -> String {
        const MAX_TITLE_CHARS: usize = 200;
        const MAX_OPENING_CHARS: usize = 100;
        if !self.title.trim().is_empty() {
            return shorten(self.title.trim(), MAX_TITLE_CHARS);
        }
        let body = self.body.trim();
        shorten(body.lines().next().unwrap_or_default(), MAX_OPENING_CHARS)
    }

    /// The article as ingest made it, for analysing it again.
    pub fn to_article(&self) -> crate::ingest::article::Article {
        crate::ingest::article::Article {
            id: Some(self.id.clone()),
            title: self.title.clone(),
            caption: self.caption.clone(),
            body: self.body.clone(),
            date: self.date,
            date_source: None,
            lang: Some(self.lang.clone()).filter(|l| l != "und"),
            source: self.source.clone(),
            url: self.url.clone(),
        }
    }
}

/// A version of an article that a correction replaced (`ingest
/// --replace`, `PUT /v1/articles/{id}`), kept whole.
#[derive(Debug, Clone, Serialize)]
pub struct EarlierVersion {
    /// Store-wide number of the replacement, in the order they happened.
    pub revision: i64,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub body: String,
    pub date: Option<NaiveDate>,
    /// When this version was stored, and when it was replaced (RFC 3339).
    pub stored_at: String,
    pub replaced_at: String,
}

/// A story's mutable state: the summary columns and the clusterer's profile
/// (opaque bytes owned by [`crate::cluster`]).
#[derive(Debug, Clone, Default)]
pub struct StoryState {
    pub headline: String,
    pub headline_article: String,
    pub headline_score: f64,
    pub articles: i64,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub created_seq: i64,
    pub updated_seq: i64,
    pub profile: Vec<u8>,
}

/// A key entity or place of a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryName {
    /// Folded key, what filters match ("recep tayyip erdogan").
    pub key: String,
    /// `person`, `organisation`, `place`, `other`.
    pub kind: String,
    /// As written ("Recep Tayyip Erdoğan").
    pub label: String,
    pub articles: i64,
    /// ISO country code of a place or country (`None` for other names,
    /// and for places of stories not updated since codes were kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    pub id: i64,
    pub headline: String,
    pub headline_article: String,
    pub articles: i64,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Arrival number of the story's first and latest article.
    pub created_seq: i64,
    pub updated_seq: i64,
    /// Languages of its articles, most frequent first.
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryOrder {
    /// Latest update first.
    #[default]
    Newest,
    /// Most articles first.
    Largest,
}

/// Filters of a story listing; all optional, all must hold.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Folded entity key (see [`crate::lexicon::fold::fold`]): the full
    /// name, or its last word ("assad" finds "bashar assad").
    pub entity: Option<String>,
    /// Places, any of which will do (see
    /// [`crate::cluster::stored::place_filter`]).
    pub places: Option<PlaceFilter>,
    pub language: Option<String>,
    /// Stories with an article dated on or after.
    pub from: Option<NaiveDate>,
    /// Stories with an article dated on or before.
    pub to: Option<NaiveDate>,
    pub order: StoryOrder,
    /// Paging: only stories after this one in the chosen order.
    pub after: Option<i64>,
    pub limit: usize,
}

/// What a user's place filter stands for: stories holding any of these
/// place keys, or any place in one of these countries (the country itself
/// included). Matches nothing when both are empty.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlaceFilter {
    /// Folded place names.
    pub keys: Vec<String>,
    /// ISO country codes.
    pub countries: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DuplicateGroup {
    pub original: StoredArticle,
    pub copies: Vec<StoredArticle>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub articles: i64,
    pub exact_duplicates: i64,
    pub near_duplicates: i64,
    pub stories: i64,
    pub bytes_on_disk: u64,
}

#[cfg(test)]
mod tests {
    use super::StoredArticle;

    fn article(title: &str, body: &str) -> StoredArticle {
        StoredArticle {
            seq: 1,
            id: "a".into(),
            title: title.into(),
            caption: None,
            body: body.into(),
            url: None,
            source: None,
            lang: "en".into(),
            date: None,
            date_source: None,
            duplicate: None,
            story: None,
            ingested_at: String::new(),
        }
    }

    #[test]
    fn list_headings_are_cut_at_a_word_when_runaway_long() {
        let runaway = "Gdansk ".repeat(300);
        let h = article(&runaway, "Body.").heading();
        assert!(h.chars().count() <= 201 && h.ends_with("Gdansk…"), "{h}");
        let title = "Shelling in El Fasher tests week-old Sudan truce";
        assert_eq!(article(title, "Body.").heading(), title);
        let opening = "word ".repeat(50);
        let h = article("", &opening).heading();
        assert!(h.chars().count() <= 101 && h.ends_with('…'), "{h}");
    }
}
