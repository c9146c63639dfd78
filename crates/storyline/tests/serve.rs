//! `storyline serve` over HTTP, as a client uses it: a real server process
//! on a free port and a temporary store.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Server {
    child: Child,
    base: String,
    _store: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(extra: &[&str]) -> Server {
    let store = tempfile::tempdir().unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("storyline"))
        .args(["serve", "--port", "0", "--lexical", "--store"])
        .arg(store.path())
        .args(extra)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let base = loop {
        let line = lines.next().expect("server prints its address").unwrap();
        if let Some(url) = line.split("listening on ").nth(1) {
            break url.trim().to_owned();
        }
    };
    // Keep draining stderr so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        base,
        _store: store,
    }
}

/// A page's HTML, which must come with status 200.
fn html(a: &ureq::Agent, url: &str) -> String {
    a.get(url).call().unwrap().into_string().unwrap()
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new().build()
}

/// Status and JSON body, whatever the status.
fn call(req: ureq::Request, body: Option<&str>) -> (u16, Value) {
    let r = match body {
        Some(b) => req.set("content-type", "application/json").send_string(b),
        None => req.call(),
    };
    let resp = match r {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = resp.status();
    let text = resp.into_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// POST /v1/articles announcing `length` bytes; returns status and body.
fn oversized_post(base: &str, length: usize) -> (u16, String) {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /v1/articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n[{{\"id\": \"big\", \"text\": \""
    )
    .unwrap();
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut raw = String::new();
    let _ = stream.read_to_string(&mut raw);
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = raw.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    (status, body)
}

fn ecb_articles() -> Vec<Value> {
    std::fs::read_to_string(fixtures().join("ecbplus/topics_1_3.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            json!({"id": v["doc_id"], "text": v["text"]})
        })
        .collect()
}

#[test]
fn api_stores_groups_compares_and_explains_its_errors() {
    let s = start(&["--max-body", "200000"]);
    let a = agent();
    let post = |body: &str| call(a.post(&format!("{}/v1/articles", s.base)), Some(body));

    let (st, v) = post(&Value::Array(ecb_articles()).to_string());
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["summary"]["new"], 24, "{v}");
    let first = &v["articles"][0];
    assert_eq!(first["status"], "stored");
    // Idempotent: the same article again is already stored.
    let (_, again) = post(&ecb_articles()[0].to_string());
    assert_eq!(again["articles"][0]["status"], "already-stored", "{again}");

    // Errors are JSON and name the problem; nothing is half-stored.
    let (st, e) = post("{\"id\": \"x\", \"text\": \"trunc");
    assert_eq!(st, 400);
    assert!(e["error"].as_str().unwrap().contains("invalid JSON"), "{e}");
    let (st, e) = post(
        r#"[{"id": "ok", "text": "A fine article about a fire in Porto on Monday."}, {"id": "bad"}]"#,
    );
    assert_eq!(st, 422, "{e}");
    assert_eq!(e["items"][0]["index"], 1, "{e}");
    assert!(
        e["items"][0]["error"].as_str().unwrap().contains("text"),
        "{e}"
    );
    let (st, _) = call(a.get(&format!("{}/v1/articles/ok", s.base)), None);
    assert_eq!(st, 404, "the valid item of a rejected batch is not stored");
    // A body over the limit is refused from its declared length, before it
    // is read: a raw client announces 10 MB and sends only a start (a
    // client streaming all of it would race the server's early answer).
    let (status, answer) = oversized_post(&s.base, 10_000_000);
    assert_eq!(status, 413, "{answer}");
    let e: Value = serde_json::from_str(&answer).unwrap();
    assert!(e["error"].as_str().unwrap().contains("body"), "{e}");

    // Stories, filters and pagination.
    let (st, page) = call(a.get(&format!("{}/v1/stories?limit=2", s.base)), None);
    assert_eq!(st, 200);
    assert_eq!(page["stories"].as_array().unwrap().len(), 2);
    let cursor = page["next_cursor"].as_i64().expect("more pages");
    let (_, page2) = call(
        a.get(&format!("{}/v1/stories?limit=2&cursor={cursor}", s.base)),
        None,
    );
    assert_ne!(page2["stories"][0]["id"], page["stories"][0]["id"]);
    let (_, reid) = call(
        a.get(&format!("{}/v1/stories?entity=tara%20reid", s.base)),
        None,
    );
    let story_id = reid["stories"][0]["id"]
        .as_i64()
        .expect("a Tara Reid story");
    let (st, story) = call(a.get(&format!("{}/v1/stories/{story_id}", s.base)), None);
    assert_eq!(st, 200);
    assert!(story["timeline"].as_array().unwrap().len() >= 3, "{story}");
    let (st, bad) = call(
        a.get(&format!("{}/v1/stories?from=yesterday", s.base)),
        None,
    );
    assert_eq!(st, 400, "{bad}");
    // Every client error is JSON with its reason, with the status it means.
    for (req, status) in [
        (
            a.get(&format!("{}/v1/articles/1_10ecb/related?limit=abc", s.base)),
            400,
        ),
        (a.get(&format!("{}/v1/stories?limit=0", s.base)), 400),
        (a.get(&format!("{}/v1/stories?lang=xx", s.base)), 400),
        (a.get(&format!("{}/v1/search?q=rehab&limit=0", s.base)), 400),
        (a.get(&format!("{}/v1/stories/abc", s.base)), 400),
        (a.get(&format!("{}/v1/compare", s.base)), 405),
        (a.delete(&format!("{}/v1/articles/1_10ecb", s.base)), 405),
    ] {
        let url = req.url().to_owned();
        let (st, e) = call(req, None);
        assert_eq!(st, status, "{url}: {e}");
        assert!(e["error"].is_string(), "{url}: {e}");
    }

    // Compare: stored by id against inline; same shape as `compare --json`.
    let (st, c) = call(
        a.post(&format!("{}/v1/compare", s.base)),
        Some(&json!({"a": {"id": "1_10ecb"}, "b": {"text": "Tara Reid checked into rehab at Promises in Malibu, her publicist said on Tuesday."}}).to_string()),
    );
    assert_eq!(st, 200, "{c}");
    for d in [
        "overall",
        "geography",
        "entities",
        "time",
        "narrative",
        "style",
        "tone",
    ] {
        let x = c[d].as_f64().unwrap();
        assert!((1.0..=4.0).contains(&x), "{d} {x}");
    }
    assert!(c["explanation"]["summary"].is_string());
    let (st, _) = call(
        a.post(&format!("{}/v1/compare", s.base)),
        Some(r#"{"a": {"id": "nope"}, "b": {"id": "1_10ecb"}}"#),
    );
    assert_eq!(st, 404);
    let (st, e) = call(
        a.post(&format!("{}/v1/compare", s.base)),
        Some(r#"{"a": {"id": "1_10ecb", "text": "Something else."}, "b": {"id": "1_11ecb"}}"#),
    );
    assert_eq!(st, 422, "id and text at once is ambiguous: {e}");

    // A syndicated copy under another id is stored as a copy and listed
    // with its original.
    let mut copy = ecb_articles()[0].clone();
    copy["id"] = json!("syndicated-copy");
    copy["text"] = json!(format!(
        "{}\nSign up for our daily newsletter.",
        copy["text"].as_str().unwrap()
    ));
    let (_, stored) = post(&copy.to_string());
    assert_eq!(stored["articles"][0]["status"], "duplicate", "{stored}");
    let (st, dups) = call(a.get(&format!("{}/v1/duplicates", s.base)), None);
    assert_eq!(st, 200, "{dups}");
    let group = &dups["groups"][0];
    assert_eq!(group["original"]["id"], ecb_articles()[0]["id"], "{dups}");
    assert_eq!(group["copies"][0]["id"], "syndicated-copy", "{dups}");
    assert_eq!(group["copies"][0]["kind"], "near", "{dups}");
    let (st, _) = call(a.get(&format!("{}/v1/duplicates?limit=0", s.base)), None);
    assert_eq!(st, 400);
    let dups_page = html(&a, &format!("{}/duplicates", s.base));
    assert!(
        dups_page.contains("near copy") && dups_page.contains("/articles/syndicated-copy"),
        "{dups_page}"
    );

    // Search, related, health, metrics, OpenAPI.
    let (_, hits) = call(a.get(&format!("{}/v1/search?q=rehab", s.base)), None);
    assert!(!hits["hits"].as_array().unwrap().is_empty(), "{hits}");
    let (st, rel) = call(
        a.get(&format!("{}/v1/articles/1_10ecb/related?limit=3", s.base)),
        None,
    );
    assert_eq!(st, 200, "{rel}");
    assert!(rel["related"].as_array().unwrap().len() <= 3);
    let (_, h) = call(a.get(&format!("{}/healthz", s.base)), None);
    assert_eq!(h["status"], "ok");
    let (_, m) = call(a.get(&format!("{}/metrics", s.base)), None);
    let m = m.as_str().unwrap().to_owned();
    assert!(m.contains("storyline_http_requests_total"), "{m}");
    assert!(m.contains("storyline_store_articles 25"), "{m}");
    let (_, doc) = call(a.get(&format!("{}/v1/openapi.json", s.base)), None);
    assert!(doc["paths"]["/v1/stories"]["get"].is_object(), "{doc}");

    // A hand-edited page address gets an error page, not raw text.
    let (st, page) = call(a.get(&format!("{}/?limit=abc", s.base)), None);
    assert_eq!(st, 400);
    assert!(
        page.as_str().is_some_and(|p| p.contains("</html>")),
        "{page}"
    );

    // Pages render what the API holds.
    let page = html(&a, &format!("{}/", s.base));
    assert!(page.contains("<h1>Stories</h1>"), "{page}");
    // The next page keeps every filter of this one, the date range too.
    let filtered = html(&a, &format!("{}/?limit=1&from=2000-01-01&lang=en", s.base));
    let next = filtered
        .split("href=\"")
        .find(|h| h.starts_with("/?cursor="))
        .and_then(|h| h.split('"').next())
        .unwrap_or_else(|| panic!("a next page: {filtered}"));
    for param in ["limit=1", "from=2000-01-01", "lang=en"] {
        assert!(next.contains(param), "{next}");
    }
    assert!(
        filtered.contains("name=\"from\" value=\"2000-01-01\""),
        "{filtered}"
    );
    let story_page = html(&a, &format!("{}/stories/{story_id}", s.base));
    assert!(
        story_page.contains("Timeline") && story_page.contains("Tara Reid"),
        "{story_page}"
    );
    let cmp = html(&a, &format!("{}/compare?a=1_10ecb&b=1_11ecb", s.base));
    assert!(
        cmp.contains("Best-matching sentences") && cmp.contains("<mark>"),
        "{cmp}"
    );
}

#[test]
fn a_correction_is_put_under_its_id_and_the_earlier_version_is_kept() {
    let s = start(&[]);
    let a = agent();
    let url = format!("{}/v1/articles/wire-1", s.base);
    let v1 = json!({"title": "Bus plunges into ravine in Peru, killing 12",
        "text": "A bus plunged into a ravine in the Junin region of Peru on Friday, killing 12 people, police said. Rescue teams from Lima reached the wreck overnight."});
    let (st, v) = call(a.put(&url), Some(&v1.to_string()));
    assert_eq!(
        (st, &v["articles"][0]["status"]),
        (200, &json!("stored")),
        "{v}"
    );
    // POSTed again with other text: a conflict, not stored.
    let mut v2 = json!({"id": "wire-1", "title": "Bus plunges into ravine in Peru, killing 25",
        "text": "A bus plunged into a ravine in the Ayacucho region of Peru on Friday, killing 25 people, police said. Rescue teams from Lima reached the wreck overnight."});
    let (_, v) = call(
        a.post(&format!("{}/v1/articles", s.base)),
        Some(&v2.to_string()),
    );
    assert_eq!(v["articles"][0]["status"], "conflict", "{v}");
    // PUT: the correction replaces it, in the same story.
    let (st, v) = call(a.put(&url), Some(&v2.to_string()));
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["articles"][0]["status"], "replaced", "{v}");
    assert_eq!(v["articles"][0]["story"], 1, "{v}");
    let (_, stored) = call(a.get(&url), None);
    assert!(
        stored["title"].as_str().unwrap().ends_with("killing 25"),
        "{stored}"
    );
    let earlier = &stored["earlier_versions"];
    assert_eq!(earlier.as_array().map(Vec::len), Some(1), "{stored}");
    assert!(
        earlier[0]["body"].as_str().unwrap().contains("Junin"),
        "{stored}"
    );
    let (_, hits) = call(a.get(&format!("{}/v1/search?q=Ayacucho", s.base)), None);
    assert_eq!(hits["hits"][0]["id"], "wire-1", "{hits}");
    // A body opening with a UTF-8 byte-order mark is JSON all the same.
    let (st, v) = call(a.put(&url), Some(&format!("\u{feff}{v2}")));
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["articles"][0]["status"], "already-stored", "{v}");
    // An id in the body must be the path's.
    v2["id"] = json!("wire-2");
    let (st, e) = call(a.put(&url), Some(&v2.to_string()));
    assert_eq!(st, 422, "{e}");
    // A body not sent as JSON (curl -d sends a form) is refused.
    let r = a
        .post(&format!("{}/v1/articles", s.base))
        .set("content-type", "application/x-www-form-urlencoded")
        .send_string(&v1.to_string());
    match r {
        Err(ureq::Error::Status(415, resp)) => {
            let body = resp.into_string().unwrap();
            assert!(body.contains("Content-Type: application/json"), "{body}");
        }
        other => panic!("expected 415, got {other:?}"),
    }
}

#[test]
fn concurrent_writers_and_readers_lose_and_duplicate_nothing() {
    let s = start(&[]);
    let base = s.base.clone();
    let articles = ecb_articles();
    let mut handles = Vec::new();
    // Four writers post overlapping halves of the same 24 articles, one by one.
    for w in 0..4 {
        let base = base.clone();
        let mine: Vec<Value> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + w) % 2 == 0)
            .map(|(_, a)| a.clone())
            .collect();
        handles.push(std::thread::spawn(move || {
            let a = agent();
            for art in mine {
                let (st, v) = call(
                    a.post(&format!("{base}/v1/articles")),
                    Some(&art.to_string()),
                );
                assert_eq!(st, 200, "{v}");
            }
        }));
    }
    for _ in 0..2 {
        let base = base.clone();
        handles.push(std::thread::spawn(move || {
            let a = agent();
            for _ in 0..20 {
                let (st, _) = call(a.get(&format!("{base}/v1/stories?limit=5")), None);
                assert_eq!(st, 200);
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let a = agent();
    let (_, h) = call(a.get(&format!("{base}/healthz")), None);
    assert_eq!(h["articles"], 24, "each article stored once: {h}");
    let (_, all) = call(a.get(&format!("{base}/v1/stories?limit=100")), None);
    let total: i64 = all["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 24, "story counts add up");
}
