//! JSON Lines, as every command that reads one record a line takes them
//! (pair files, `ingest`, `cluster`).
//!
//! The file is judged as a whole first: a directory or a binary file is one
//! error, not one error per "line". Then each line is decoded as an article
//! file is (UTF-8 with or without a byte-order mark, Latin-1, mojibake
//! repaired, a binary line refused), blank lines are skipped, and a line
//! that does not parse says whether it was cut short.

use super::decode::{decode_article, sniff_binary, MAX_ARTICLE_BYTES};
use serde::de::DeserializeOwned;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Longest line read: a pair line holds two articles, and JSON escapes
/// can double their size.
const MAX_LINE_BYTES: usize = 4 * MAX_ARTICLE_BYTES;

/// Open a JSONL file, or standard input for `-`, refusing what cannot be
/// one. The error names the path and the problem.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, String> {
    let mut reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let name = path.display();
        let meta = std::fs::metadata(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
        if meta.is_dir() {
            return Err(format!("{name}: is a directory, not a JSONL file"));
        }
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
        Box::new(BufReader::new(file))
    };
    check_head(reader.as_mut()).map_err(|m| format!("{}: {m}", display(path)))?;
    Ok(reader)
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Refuse a binary stream from its first bytes (without consuming them).
pub fn check_head(reader: &mut dyn BufRead) -> Result<(), String> {
    let head = reader.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
    match sniff_binary(head) {
        Some(kind) => Err(format!("not JSON lines: a binary file ({kind})")),
        None => Ok(()),
    }
}

/// The non-blank lines of a JSONL stream, decoded: `(line number, text)`,
/// numbered from 1 as an editor shows them. A read error ends the stream
/// after being reported once.
pub fn lines(reader: impl BufRead) -> impl Iterator<Item = (usize, Result<String, String>)> {
    let mut reader = reader;
    let mut number = 0usize;
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        buf.clear();
        number += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                done = true;
                return Some((number, Err(format!("cannot read: {e}"))));
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let decoded = decode_article(&buf, MAX_LINE_BYTES)
            .map(|d| d.text.trim().to_owned())
            .map_err(|e| e.to_string());
        return Some((number, decoded));
    })
}

/// Parse one line's JSON. The message says whether the line was cut short
/// (it ends inside a value) or is not JSON at all, and where, by column.
pub fn parse<T: DeserializeOwned>(line: &str) -> Result<T, String> {
    serde_json::from_str(line).map_err(|e| {
        // serde_json counts lines inside the text; a JSON line has one, so
        // an error "at line 2" is the line's own end inside a string.
        let cut_short = e.is_eof() || e.line() > line.trim_end().lines().count();
        let what = e.to_string();
        let what = what
            .rsplit_once(" at line ")
            .map_or(what.as_str(), |(m, _)| m);
        let not_an_object = e
            .is_data()
            .then(|| serde_json::from_str::<serde_json::Value>(line).ok())
            .flatten()
            .and_then(|v| not_an_object(&v));
        if cut_short {
            format!("truncated JSON (the line ends inside a value): {what}")
        } else if let Some(message) = not_an_object {
            message
        } else if e.is_data() {
            format!("{what} (column {})", e.column())
        } else {
            format!("invalid JSON: {what} at column {}", e.column())
        }
    })
}

/// Every line holds one object; what else it holds, said plainly.
pub fn not_an_object(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let found = match value {
        Value::Object(_) => return None,
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "true or false",
        Value::Null => "null",
    };
    Some(format!("expected a JSON object, found {found}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_holds_no_object_says_what_it_holds() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Record {
            id: String,
        }
        assert_eq!(
            parse::<Record>("[1,2,3]").unwrap_err(),
            "expected a JSON object, found an array"
        );
        assert_eq!(
            parse::<Record>("\"text\"").unwrap_err(),
            "expected a JSON object, found a string"
        );
        assert!(parse::<Record>("{\"id\": 3}")
            .unwrap_err()
            .contains("expected a string"));
    }

    fn read(input: &[u8]) -> Vec<(usize, Result<String, String>)> {
        lines(input).collect()
    }

    #[test]
    fn a_byte_order_mark_blank_lines_and_latin1_are_read() {
        let mut input = b"\xEF\xBB\xBF{\"a\": 1}\n\n   \n".to_vec();
        input.extend_from_slice(b"{\"a\": \"caf\xE9\"}\n");
        let rows = read(&input);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], (1, Ok("{\"a\": 1}".to_owned())));
        assert_eq!(rows[1], (4, Ok("{\"a\": \"café\"}".to_owned())));
        let v: serde_json::Value = parse(rows[0].1.as_ref().unwrap()).unwrap();
        assert_eq!(v["a"], 1);
    }

    #[test]
    fn a_cut_line_is_called_truncated_and_garbage_invalid() {
        let cut = parse::<serde_json::Value>(r#"{"pair_id": "7_8", "text1": "Trunc"#).unwrap_err();
        assert!(cut.starts_with("truncated JSON"), "{cut}");
        let bad = parse::<serde_json::Value>("{pair_id: 1}").unwrap_err();
        assert!(bad.starts_with("invalid JSON"), "{bad}");
        assert!(bad.ends_with("at column 2"), "{bad}");
        assert!(!bad.contains("line 1"), "{bad}");
    }

    #[test]
    fn a_binary_file_or_a_directory_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = open(dir.path()).err().unwrap();
        assert!(err.contains("is a directory"), "{err}");
        let png = dir.path().join("picture.jsonl");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        let err = open(&png).err().unwrap();
        assert!(err.starts_with(&png.display().to_string()), "{err}");
        assert!(err.contains("binary file (PNG image)"), "{err}");
        let missing = open(&dir.path().join("missing.jsonl")).err().unwrap();
        assert!(missing.contains("cannot open"), "{missing}");
    }
}
