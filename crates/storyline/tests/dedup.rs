//! Near-duplicate detection on real articles with real edits: the ECB+
//! dev articles (shipped under tests/fixtures, CC BY 3.0), each copied with
//! paragraphs cut, wire boilerplate added, words changed, a new headline,
//! and verbatim. Issue target: precision and recall both >= 0.95.

use storyline::eval::dups::{build_cases, distinct, evaluate};

fn ecb_articles() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ecbplus/dev.jsonl"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["doc_id"].as_str().unwrap().to_owned(),
                v["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn edited_copies_are_found_and_different_reports_of_one_event_are_not() {
    let originals = distinct(&ecb_articles());
    assert!(originals.len() > 600, "{}", originals.len());
    let cases = build_cases(&originals, 1);
    let dir = tempfile::tempdir().unwrap();
    let r = evaluate(&cases, dir.path()).unwrap();
    for (kind, n, linked) in &r.recall_by_edit {
        eprintln!("{kind}: {linked}/{n}");
    }
    assert!(r.precision() >= 0.95, "precision {:.3}", r.precision());
    assert!(r.recall() >= 0.95, "recall {:.3}", r.recall());
    let exact = r
        .recall_by_edit
        .iter()
        .find(|e| e.0 == "exact-copy")
        .unwrap();
    assert_eq!(exact.1, exact.2, "every exact copy is linked");
}
