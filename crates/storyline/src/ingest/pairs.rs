//! Pair files: one JSON object a line with `pair_id`, `text1`, `text2`,
//! optional `lang1`, `lang2` (and `date1`, `date2`, `title1`, `title2`), and
//! gold scores when the file is labelled (SemEval-2022 Task 8 format).

use super::article::Article;
use super::load::ArticleRecord;
use crate::relate::scores::{Dimension, Scores};
use serde_json::{Map, Value};
use std::io::BufRead;

#[derive(Debug, Clone)]
pub struct PairInput {
    pub pair_id: String,
    pub a: Article,
    pub b: Article,
    /// Gold scores, present in labelled files.
    pub gold: Option<Scores>,
}

/// A line that could not be used, with its 1-based number.
#[derive(Debug, Clone)]
pub struct LineError {
    pub line: usize,
    pub pair_id: Option<String>,
    pub message: String,
}

/// Read all lines. Blank lines are skipped; bad lines become errors in place,
/// so one broken line never stops the rest.
pub fn read_pairs(reader: impl BufRead) -> Vec<Result<PairInput, LineError>> {
    super::jsonl::lines(reader)
        .map(|(line, text)| {
            text.map_err(|message| (None, message))
                .and_then(|text| parse_pair_line(&text))
                .map_err(|(pair_id, message)| LineError {
                    line,
                    pair_id,
                    message,
                })
        })
        .collect()
}

fn parse_pair_line(line: &str) -> Result<PairInput, (Option<String>, String)> {
    let value: Value = super::jsonl::parse(line).map_err(|m| (None, m))?;
    let obj = match value {
        Value::Object(obj) => obj,
        other => {
            let message = super::jsonl::not_an_object(&other).unwrap_or_default();
            return Err((None, message));
        }
    };
    let pair_id = match obj.get("pair_id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err((None, "missing field `pair_id`".into())),
    };
    let side = |n: u8| -> Result<Article, String> {
        let field = |name: &str| {
            obj.get(&format!("{name}{n}"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let text = field("text").ok_or_else(|| format!("missing field `text{n}`"))?;
        let record = ArticleRecord {
            id: Some(format!("{pair_id}#{n}")),
            title: field("title"),
            text: Some(text),
            date: field("date"),
            lang: field("lang"),
            url: field("link"),
            source: None,
        };
        record.into_article().map_err(|m| {
            m.replace("field `text`", &format!("field `text{n}`"))
                .replace("field `date`", &format!("field `date{n}`"))
                .replace("field `lang`", &format!("field `lang{n}`"))
        })
    };
    let a = side(1).map_err(|m| (Some(pair_id.clone()), m))?;
    let b = side(2).map_err(|m| (Some(pair_id.clone()), m))?;
    Ok(PairInput {
        gold: gold_scores(&obj),
        pair_id,
        a,
        b,
    })
}

fn gold_scores(obj: &Map<String, Value>) -> Option<Scores> {
    let mut values = [0.0; 7];
    for (slot, dim) in values.iter_mut().zip(Dimension::ALL) {
        *slot = obj.get(dim.gold_field())?.as_f64()?;
    }
    Some(Scores::from_array(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_and_the_rest_read() {
        let input = concat!(
            r#"{"pair_id": "1_2", "lang1": "en", "lang2": "en", "text1": "Turkey and Russia agreed.", "text2": "Moscow and Ankara agreed.", "Overall": 1.5, "Geography": 1, "Entities": 2, "Time": 1, "Narrative": 1.5, "Style": 2, "Tone": 1}"#,
            "\n\n",
            r#"{"pair_id": "3_4", "text1": "Only one side."}"#,
            "\n",
            r#"{"pair_id": "5_6", "lang1": "xx", "text1": "a", "text2": "b"}"#,
            "\n",
            r#"{"pair_id": "7_8", "text1": "Truncated"#,
        );
        let rows = read_pairs(input.as_bytes());
        assert_eq!(rows.len(), 4);
        let ok = rows[0].as_ref().unwrap();
        assert_eq!(ok.pair_id, "1_2");
        assert_eq!(ok.gold.as_ref().unwrap().get(Dimension::Overall), 1.5);
        let e = rows[1].as_ref().unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (3, "missing field `text2`"));
        let e = rows[2].as_ref().unwrap_err();
        assert!(
            e.message.contains("unknown language code \"xx\""),
            "{}",
            e.message
        );
        let e = rows[3].as_ref().unwrap_err();
        assert_eq!(e.line, 5);
        assert!(e.message.starts_with("truncated JSON"), "{}", e.message);
    }
}
