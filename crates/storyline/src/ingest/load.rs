//! Loading one article from a file: plain text, a JSON object, or HTML.

use super::article::{Article, DateSource};
use super::decode::{decode_article, DecodeError, MAX_ARTICLE_BYTES};
use super::plain::parse_plain;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A problem with an input, naming where it is.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not an article")]
    Decode {
        path: PathBuf,
        #[source]
        source: DecodeError,
    },
    #[error("{path}: invalid JSON: {message}")]
    Json { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// Article fields accepted in JSON, JSONL and the HTTP API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ArticleRecord {
    #[serde(default, alias = "doc_id", deserialize_with = "id_as_string")]
    pub id: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub text: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

fn id_as_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

impl ArticleRecord {
    /// Build an article; errors are plain messages for the caller to locate.
    pub fn into_article(self) -> Result<Article, String> {
        let text = self.text.ok_or("missing field `text`")?;
        if text.trim().is_empty() {
            return Err("field `text` is empty".into());
        }
        // The same bound as an article file, wherever the record came from
        // (a JSONL line, a JSON file, the HTTP API).
        if text.len() > super::decode::MAX_ARTICLE_BYTES {
            return Err(format!(
                "field `text` holds {} bytes, over the limit of {} bytes for one article",
                text.len(),
                super::decode::MAX_ARTICLE_BYTES
            ));
        }
        let mut article = match self.title.filter(|t| !t.trim().is_empty()) {
            Some(title) => {
                let mut a = parse_plain(&format!("{title}\n\n{text}"));
                if a.body.is_empty() {
                    a.body = text;
                }
                a
            }
            None => parse_plain(&text),
        };
        if let Some(d) = self.date.as_deref().filter(|d| !d.trim().is_empty()) {
            let date = parse_date(d).ok_or_else(|| {
                format!("field `date`: cannot read {d:?} as a date (use YYYY-MM-DD or RFC 3339)")
            })?;
            if is_future(date) {
                return Err(format!(
                    "field `date`: {date} is in the future (today is {}); an article cannot be published more than a day after today (UTC)",
                    chrono::Utc::now().date_naive()
                ));
            }
            article.date = Some(date);
            article.date_source = Some(DateSource::Field);
        }
        if let Some(lang) = self.lang.as_deref().filter(|l| !l.trim().is_empty()) {
            article.lang = Some(crate::analyse::language::validate_code(lang)?);
        }
        article.id = self.id;
        article.url = self.url.filter(|u| !u.trim().is_empty());
        if let Some(src) = self.source.or_else(|| article.url.clone()) {
            article.source = Some(src);
        }
        article.date_from_address();
        Ok(article)
    }
}

/// A publication date after tomorrow (UTC): no report is published then;
/// a day of slack for time zones ahead of UTC.
pub fn is_future(date: NaiveDate) -> bool {
    date > chrono::Utc::now().date_naive() + chrono::Days::new(1)
}

/// Dates as news metadata writes them: `2020-03-05`, RFC 3339, RFC 2822.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    None
}

/// Read and parse one article file. The format is chosen by extension
/// (`.json`, `.html`/`.htm`) or by content (a leading `{` or `<html`).
pub fn load_article(path: &Path) -> Result<Article, InputError> {
    if path == Path::new("-") {
        return read_stdin_article();
    }
    let meta = std::fs::metadata(path).map_err(|source| InputError::Read {
        path: path.to_owned(),
        source,
    })?;
    if meta.is_dir() {
        return Err(InputError::Invalid {
            path: path.to_owned(),
            message: "is a directory, not an article file".into(),
        });
    }
    // Refuse before reading: a 50 MB "article" is a wrong file.
    if meta.len() as usize > MAX_ARTICLE_BYTES {
        return Err(InputError::Decode {
            path: path.to_owned(),
            source: DecodeError::TooLarge {
                size: meta.len() as usize,
                limit: MAX_ARTICLE_BYTES,
            },
        });
    }
    let bytes = std::fs::read(path).map_err(|source| InputError::Read {
        path: path.to_owned(),
        source,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    parse_article(&bytes, path, &ext)
}

/// One article (plain text, JSON or HTML) from standard input, within the
/// size bound of an article file.
fn read_stdin_article() -> Result<Article, InputError> {
    use std::io::Read;
    let path = Path::new("stdin");
    let mut bytes = Vec::new();
    // One byte over the limit is enough to say the input is too large.
    std::io::stdin()
        .lock()
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Read {
            path: path.to_owned(),
            source,
        })?;
    parse_article(&bytes, path, "")
}

/// Parse the bytes of one article, named `path` in errors; `ext` (lower
/// case, may be empty) chooses the format, else the content does.
pub fn parse_article(bytes: &[u8], path: &Path, ext: &str) -> Result<Article, InputError> {
    let decoded =
        decode_article(bytes, MAX_ARTICLE_BYTES).map_err(|source| InputError::Decode {
            path: path.to_owned(),
            source,
        })?;
    let text = decoded.text;
    let head = text.trim_start();
    let mut article = if ext == "json" || (ext != "txt" && head.starts_with('{')) {
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| InputError::Json {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
        if !value.is_object() {
            return Err(InputError::Invalid {
                path: path.to_owned(),
                message: "expected one JSON object (an article); for many pairs use JSONL with `compare --pairs`".into(),
            });
        }
        let record: ArticleRecord =
            serde_json::from_value(value).map_err(|e| InputError::Json {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
        record
            .into_article()
            .map_err(|message| InputError::Invalid {
                path: path.to_owned(),
                message,
            })?
    } else if matches!(ext, "html" | "htm") || looks_like_html(head) {
        super::html::parse_html(&text).map_err(|message| InputError::Invalid {
            path: path.to_owned(),
            message,
        })?
    } else {
        parse_plain(&text)
    };
    if article.body.trim().is_empty() && article.title.trim().is_empty() {
        return Err(InputError::Decode {
            path: path.to_owned(),
            source: DecodeError::Blank,
        });
    }
    article
        .source
        .get_or_insert_with(|| path.display().to_string());
    Ok(article)
}

fn looks_like_html(head: &str) -> bool {
    let start: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::ArticleRecord;
    use crate::ingest::article::DateSource;
    use chrono::NaiveDate;

    #[test]
    fn a_record_over_the_article_limit_is_refused_wherever_it_comes_from() {
        let record = ArticleRecord {
            text: Some("word ".repeat(450_000)),
            ..Default::default()
        };
        let err = record.into_article().unwrap_err();
        assert!(err.contains("over the limit"), "{err}");
    }

    fn record(date: Option<&str>, url: Option<&str>) -> ArticleRecord {
        ArticleRecord {
            id: Some("a1".into()),
            title: Some("Talks in Ankara".into()),
            text: Some("Turkey and Russia met in Ankara on Tuesday.".into()),
            date: date.map(str::to_owned),
            lang: None,
            url: url.map(str::to_owned),
            source: None,
        }
    }

    #[test]
    fn an_undated_article_takes_the_date_in_its_address_but_a_date_field_wins() {
        let url = Some("https://news.example/world/2020/03/05/talks-in-ankara");
        let a = record(None, url).into_article().unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(a.date_source, Some(DateSource::Url));
        let b = record(Some("2020-03-07"), url).into_article().unwrap();
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2020, 3, 7));
        assert_eq!(b.date_source, Some(DateSource::Field));
        let c = record(None, Some("https://news.example/world/talks"))
            .into_article()
            .unwrap();
        assert_eq!(c.date, None);
    }

    #[test]
    fn a_publication_date_in_the_future_is_refused_and_a_future_dateline_ignored() {
        let err = record(Some("2099-01-01"), None).into_article().unwrap_err();
        assert!(err.contains("2099-01-01 is in the future"), "{err}");
        let today = chrono::Utc::now().date_naive().to_string();
        assert!(record(Some(&today), None).into_article().is_ok());
        let wire = crate::ingest::plain::parse_plain(
            "Settlers land\n\nNEW YORK, March 3, 2099 (Reuters) - Settlers landed on Mars.",
        );
        assert_eq!(wire.date, None);
    }
}
