//! Batch story clustering on real ECB+ articles (topics 1 and 3, two events
//! each; CC BY 3.0, see tests/fixtures/ecbplus/LICENSEDATA.TXT).

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ecbplus/topics_1_3.jsonl")
}

#[test]
fn cluster_writes_one_story_per_document_in_input_order_and_keeps_events_apart() {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .args(["cluster", "--lexical"])
        .arg(fixture())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let input: Vec<serde_json::Value> = std::fs::read_to_string(fixture())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), input.len());
    let mut story_events: HashMap<u64, Vec<String>> = HashMap::new();
    for (doc, line) in input.iter().zip(&lines) {
        assert_eq!(doc["doc_id"], line["id"], "output follows input order");
        let story = line["story"].as_u64().expect("story number");
        story_events
            .entry(story)
            .or_default()
            .push(doc["subtopic"].as_str().unwrap().to_owned());
    }
    // Each topic holds two events of the same kind: no story may mix events.
    for (story, events) in &story_events {
        assert!(
            events.iter().all(|e| e == &events[0]),
            "story {story} mixes events: {events:?}"
        );
    }
    // And the documents of an event are mostly found together.
    assert!(
        story_events.len() <= 8,
        "too fragmented: {} stories for 4 events",
        story_events.len()
    );
}

#[test]
fn eval_clusters_reports_bcubed_and_rejects_a_missing_gold_field() {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .args([
            "eval",
            "clusters",
            "--lexical",
            "--shuffles",
            "1",
            "--gold",
            "subtopic",
        ])
        .arg(fixture())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("file order") && text.contains("shuffle seed 1"),
        "{text}"
    );
    let f1: f64 = text
        .lines()
        .find(|l| l.starts_with("file order"))
        .and_then(|l| l.split("F1 ").nth(1))
        .and_then(|x| x.split_whitespace().next())
        .and_then(|x| x.parse().ok())
        .expect("F1 printed");
    assert!(f1 >= 0.8, "F1 {f1} on two easy topics");

    let bad = Command::cargo_bin("storyline")
        .unwrap()
        .args(["eval", "clusters", "--lexical", "--gold", "no_such_field"])
        .arg(fixture())
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no field `no_such_field`"));
}
