//! Where `storyline ingest` reads from: files, directories (recursively),
//! JSONL files and stdin, as one stream of articles or located errors.
//!
//! A bad input never stops the stream: unreadable files, symlink loops,
//! binary files, blank pages and bad JSONL lines become [`Item::Rejected`]
//! naming the input, and the caller reports them and goes on.

use super::article::Article;
use super::decode::MAX_ARTICLE_BYTES;
use super::load::{load_article, parse_article, ArticleRecord};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One thing read from the inputs.
pub enum Item {
    Article {
        article: Article,
        origin: String,
    },
    Rejected {
        origin: String,
        message: String,
    },
    /// A file in a directory whose extension is no article format (an
    /// image beside a saved page): not read, listed once at the end.
    Skipped {
        origin: String,
    },
}

/// Extensions taken from directories; other files there are skipped and
/// listed (a named file is always read, whatever its name).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "json", "jsonl", "ndjson", "html", "htm"];

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl" | "ndjson")
    )
}

/// All items of the given paths, lazily, in a stable order (directory
/// entries sorted by name).
pub fn read_all(paths: Vec<PathBuf>) -> impl Iterator<Item = Item> {
    paths
        .into_iter()
        .flat_map(|p| -> Box<dyn Iterator<Item = Item>> {
            if p == Path::new("-") {
                stdin()
            } else if p.is_dir() {
                Box::new(directory(p))
            } else {
                Box::new(file(p))
            }
        })
}

/// Standard input: JSONL when it opens with `{`, read line by line as it
/// streams; else one article (plain text or HTML), as a file would be.
fn stdin() -> Box<dyn Iterator<Item = Item>> {
    use std::io::Read;
    let mut reader = std::io::stdin().lock();
    let origin = "stdin".to_owned();
    let first = loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) => {
                return Box::new(std::iter::once(Item::Rejected {
                    message: format!("{origin}: cannot read: {e}"),
                    origin,
                }))
            }
        };
        if buf.is_empty() {
            break None;
        }
        if let Some(b) = buf.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(*b);
        }
        let n = buf.len();
        reader.consume(n);
    };
    if first == Some(b'{') {
        return Box::new(jsonl(Box::new(reader), origin));
    }
    // One byte over the limit is enough to say the input is too large.
    let mut bytes = Vec::new();
    let read = reader
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    let item = match read
        .map_err(|e| e.to_string())
        .and_then(|_| parse_article(&bytes, Path::new("stdin"), "").map_err(|e| error_chain(&e)))
    {
        Ok(article) => Item::Article { article, origin },
        Err(message) => Item::Rejected { origin, message },
    };
    Box::new(std::iter::once(item))
}

fn directory(dir: PathBuf) -> impl Iterator<Item = Item> {
    walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .flat_map(|entry| -> Box<dyn Iterator<Item = Item>> {
            match entry {
                // Permission denied, symlink loops, vanished files: walkdir
                // names the path and the cause.
                Err(e) => Box::new(std::iter::once(Item::Rejected {
                    origin: e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "?".into()),
                    message: e.to_string(),
                })),
                Ok(e) if e.file_type().is_file() => {
                    let ext = e
                        .path()
                        .extension()
                        .and_then(|x| x.to_str())
                        .map(str::to_ascii_lowercase)
                        .unwrap_or_default();
                    if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                        Box::new(file(e.into_path()))
                    } else {
                        Box::new(std::iter::once(Item::Skipped {
                            origin: e.path().display().to_string(),
                        }))
                    }
                }
                Ok(_) => Box::new(std::iter::empty()),
            }
        })
}

fn file(path: PathBuf) -> Box<dyn Iterator<Item = Item>> {
    let origin = path.display().to_string();
    if is_jsonl(&path) {
        return match super::jsonl::open(&path) {
            Ok(reader) => Box::new(jsonl(reader, origin)),
            Err(message) => Box::new(std::iter::once(Item::Rejected { message, origin })),
        };
    }
    Box::new(std::iter::once(match load_article(&path) {
        Ok(article) => Item::Article { article, origin },
        Err(e) => Item::Rejected {
            origin,
            message: error_chain(&e),
        },
    }))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// One article per line: `id`, `title`, `text`, optional `url`, `date`,
/// `lang`, `source`, read as [`super::jsonl`] reads every JSONL input.
fn jsonl(reader: Box<dyn BufRead>, name: String) -> impl Iterator<Item = Item> {
    super::jsonl::lines(reader).map(move |(line_no, text)| {
        let origin = format!("{name}:{line_no}");
        match text
            .and_then(|t| super::jsonl::parse::<ArticleRecord>(&t))
            .and_then(ArticleRecord::into_article)
        {
            Ok(article) => Item::Article { article, origin },
            Err(message) => Item::Rejected {
                message: format!("{origin}: {message}"),
                origin,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> Vec<Result<String, String>> {
        jsonl(
            Box::new(std::io::Cursor::new(input.as_bytes().to_vec())),
            "t".into(),
        )
        .map(|i| match i {
            Item::Article { article, origin } => Ok(format!("{origin} {}", article.title)),
            Item::Rejected { message, .. } => Err(message),
            Item::Skipped { origin } => Err(format!("{origin}: skipped")),
        })
        .collect()
    }

    #[test]
    fn bad_jsonl_lines_are_named_and_the_rest_is_read() {
        let out = run(concat!(
            "{\"id\": \"a\", \"title\": \"First\", \"text\": \"Body one.\"}\n",
            "{\"id\": \"b\", \"title\": \"Trunc\n",
            "\n",
            "{\"id\": \"c\", \"title\": \"No text\"}\n",
            "{\"id\": \"d\", \"title\": \"Last\", \"text\": \"Body four.\", \"lang\": \"xx\"}\n",
            "{\"id\": \"e\", \"title\": \"Fine\", \"text\": \"Body five.\"}",
        ));
        assert_eq!(out[0], Ok("t:1 First".into()));
        assert!(
            out[1]
                .as_ref()
                .unwrap_err()
                .starts_with("t:2: truncated JSON"),
            "{:?}",
            out[1]
        );
        assert!(
            out[2]
                .as_ref()
                .unwrap_err()
                .contains("t:4: missing field `text`"),
            "{:?}",
            out[2]
        );
        assert!(out[3].as_ref().unwrap_err().contains("t:5"), "{:?}", out[3]);
        assert_eq!(out[4], Ok("t:6 Fine".into()));
    }
}
