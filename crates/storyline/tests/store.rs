//! The store as a user meets it: `storyline ingest`, `stories`, `story`,
//! `dups`, `search`, `related`, on real articles and real bad inputs, and a
//! real ingest process killed mid-run.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("storyline").expect("binary built");
    // Never touch the user's own store or models.
    c.env(
        "STORYLINE_HOME",
        std::env::temp_dir().join("storyline-test-home-unused"),
    );
    c
}

struct Out {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(store: &Path, args: &[&str]) -> Out {
    let mut c = bin();
    c.args(args).arg("--store").arg(store);
    let o = c.output().expect("runs");
    Out {
        ok: o.status.success(),
        stdout: String::from_utf8_lossy(&o.stdout).into(),
        stderr: String::from_utf8_lossy(&o.stderr).into(),
    }
}

fn ingest(store: &Path, paths: &[&Path]) -> Out {
    let mut args: Vec<String> = vec!["ingest".into(), "--lexical".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run(store, &refs)
}

/// "N new, ..." figures of an ingest summary line.
fn figure(summary: &str, what: &str) -> usize {
    summary
        .split([',', ';', ':'])
        .find_map(|part| part.trim().strip_suffix(what)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {what:?} in {summary:?}"))
}

/// One string field of each item a `--json` listing command prints.
fn listed(store: &Path, args: &[&str], field: &str) -> Vec<String> {
    let out = run(store, args);
    assert!(out.ok, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|item| item[field].as_str().unwrap().to_owned())
        .collect()
}

/// Headlines of the stories a `--json` listing command prints.
fn headlines(store: &Path, args: &[&str]) -> Vec<String> {
    listed(store, args, "headline")
}

/// Write `articles` as a JSONL file `name` in `dir`.
fn write_jsonl(dir: &Path, name: &str, articles: &[Value]) -> PathBuf {
    let path = dir.join(name);
    let lines: String = articles.iter().map(|a| format!("{a}\n")).collect();
    std::fs::write(&path, lines).unwrap();
    path
}

fn ecb_topics() -> PathBuf {
    fixtures().join("ecbplus/topics_1_3.jsonl")
}

#[test]
fn ingest_is_idempotent_and_stories_dups_search_and_related_work() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let first = ingest(s, &[&ecb_topics(), &fixtures().join("examples")]);
    assert!(first.ok, "{}", first.stderr);
    assert_eq!(figure(&first.stdout, "new"), 26, "{}", first.stdout);
    let created = figure(&first.stdout, "created");
    // Four real events (two per ECB+ topic) and the examples' setting.
    assert!((4..=9).contains(&created), "{}", first.stdout);

    let again = ingest(s, &[&ecb_topics(), &fixtures().join("examples")]);
    assert!(again.ok, "{}", again.stderr);
    assert_eq!(figure(&again.stdout, "new"), 0, "{}", again.stdout);
    assert_eq!(
        figure(&again.stdout, "already stored"),
        26,
        "{}",
        again.stdout
    );

    // An exact copy under another name is recognised and linked.
    let copies = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(fixtures().join("examples/000_17f2bfa074d01afa.txt")).unwrap();
    let copy = serde_json::json!({"id": "syndicated-1", "text": original.to_uppercase()});
    std::fs::write(copies.path().join("copy.jsonl"), format!("{copy}\n")).unwrap();
    let dup = ingest(s, &[copies.path()]);
    assert_eq!(figure(&dup.stdout, "exact duplicates"), 1, "{}", dup.stdout);
    let dups = run(s, &["dups", "--json"]);
    let groups: Value = serde_json::from_str(&dups.stdout).unwrap();
    assert_eq!(groups.as_array().unwrap().len(), 1, "{}", dups.stdout);
    assert!(groups[0]["original"]["title"]
        .as_str()
        .unwrap()
        .contains("Lavrov"));
    assert_eq!(groups[0]["copies"][0]["id"], "syndicated-1");

    // Stories: the Tara Reid rehab story holds its reports, by entity filter.
    let listed = run(s, &["stories", "--json", "--entity", "Tara Reid"]);
    assert!(listed.ok, "{}", listed.stderr);
    let stories: Value = serde_json::from_str(&listed.stdout).unwrap();
    let first_story = &stories[0];
    assert!(
        first_story["articles"].as_i64().unwrap() >= 3,
        "{}",
        listed.stdout
    );
    let id = first_story["id"].as_i64().unwrap().to_string();
    let shown = run(s, &["story", &id]);
    assert!(shown.ok, "{}", shown.stderr);
    assert!(shown.stdout.contains("Timeline:"), "{}", shown.stdout);
    assert!(shown.stdout.contains("Tara Reid"), "{}", shown.stdout);
    // Saved pages (ECB+): the address line is not the headline, and the
    // "Published May 03 , 2013" line dates the story.
    let lohan = run(s, &["stories", "--json", "--entity", "Lindsay Lohan"]);
    let lohan: Value = serde_json::from_str(&lohan.stdout).unwrap();
    let headline = lohan[0]["headline"].as_str().unwrap();
    assert!(headline.contains("Lohan"), "{lohan}");
    assert!(
        !headline.contains("http") && !headline.contains("Published"),
        "{lohan}"
    );
    let first_date = lohan[0]["first_date"].as_str().unwrap_or_default();
    assert!(first_date.starts_with("2013-05"), "{lohan}");
    // Many people in the story do not crowd its places out.
    let places: Vec<&str> = lohan[0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["label"].as_str())
        .collect();
    assert!(places.contains(&"Rancho Mirage"), "{lohan}");
    let none = run(s, &["stories", "--place", "Atlantis"]);
    assert!(none.stdout.contains("no stories match"), "{}", none.stdout);
    // A language code that is none is an error, not an empty list.
    let bad = run(s, &["stories", "--lang", "xx"]);
    assert!(
        !bad.ok && bad.stderr.contains("unknown language code"),
        "{}",
        bad.stderr
    );
    // A country stands for its towns (stories keep Idlib, not Syria), in
    // any language the gazetteer knows; a surname finds the full name.
    let headlines = |args: &[&str]| headlines(s, args);
    for place in ["Syria", "Syrien", "Idlib"] {
        let found = headlines(&["stories", "--json", "--place", place]);
        assert!(
            found.iter().any(|h| h.contains("Lavrov")),
            "{place}: {found:?}"
        );
        assert!(
            !found.iter().any(|h| h.contains("Reid")),
            "{place}: {found:?}"
        );
    }
    let assad = headlines(&["stories", "--json", "--entity", "Assad"]);
    assert!(assad.iter().any(|h| h.contains("Lavrov")), "{assad:?}");
    // A name in another script finds the story that writes it in Latin.
    let lavrov = headlines(&["stories", "--json", "--entity", "Лавров"]);
    assert!(lavrov.iter().any(|h| h.contains("Lavrov")), "{lavrov:?}");
    assert!(!lavrov.iter().any(|h| h.contains("Reid")), "{lavrov:?}");
    // So does another language's spelling of it (German "Lawrow",
    // "Baschar al-Assad").
    for name in ["Lawrow", "Sergej Lawrow", "Baschar al-Assad"] {
        let found = headlines(&["stories", "--json", "--entity", name]);
        assert!(
            found.iter().any(|h| h.contains("Lavrov")),
            "{name}: {found:?}"
        );
        assert!(
            !found.iter().any(|h| h.contains("Reid")),
            "{name}: {found:?}"
        );
    }
    // The second example writes NATO out once, then as NATO.
    let nato = headlines(&["stories", "--json", "--entity", "NATO"]);
    assert!(
        nato.iter().any(|h| h.contains("Moscow and Ankara")),
        "{nato:?}"
    );
    // Every key entity a story lists finds that story when copied into the
    // filter as shown ("Bashar al-Assad", "... Organization (NATO)").
    let all: Value = serde_json::from_str(&run(s, &["stories", "--json"]).stdout).unwrap();
    let mut checked = 0;
    for story in all.as_array().unwrap() {
        for label in story["entities"].as_array().unwrap() {
            let label = label["label"].as_str().unwrap();
            let found: Value =
                serde_json::from_str(&run(s, &["stories", "--json", "--entity", label]).stdout)
                    .unwrap();
            assert!(
                found
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["id"] == story["id"]),
                "{label:?} does not find story {}",
                story["id"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "{all}");

    // Search folds accents and case; related compares in full.
    let hits = run(s, &["search", "--json", "idlib CAVUSOGLU"]);
    assert!(hits.ok, "{}", hits.stderr);
    let hits: Value = serde_json::from_str(&hits.stdout).unwrap();
    let top = hits[0]["id"].as_str().unwrap().to_owned();
    assert!(
        hits[0]["title"].as_str().unwrap().contains("Lavrov"),
        "{hits}"
    );
    let rel = run(s, &["related", &top, "--lexical", "--json"]);
    assert!(rel.ok, "{}", rel.stderr);
    let rel: Value = serde_json::from_str(&rel.stdout).unwrap();
    let ids: Vec<&str> = rel
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&top.as_str()), "not related to itself");
    assert!(rel[0]["comparison"]["overall"].as_f64().is_some(), "{rel}");
}

/// Place filters read places as places, not as names: a country finds the
/// stories in it or about it (named as a country only, it is still a key
/// place), and a town that shares its name with a town elsewhere
/// (Moscow, Russia; Moscow, Idaho) is only in its own country.
#[test]
fn place_filters_and_key_names_follow_the_places_and_people_of_the_text() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let input = tempfile::tempdir().unwrap();
    let articles = [
        serde_json::json!({"id": "snow", "title": "Snow closes schools in Moscow",
            "text": "Heavy snow closed schools across Moscow on Tuesday, the city hall of the Russian capital said. Mayor Sergei Sobyanin urged drivers to stay at home. Sobyanin said ploughs worked through the night."}),
        serde_json::json!({"id": "talks", "title": "Libya talks resume in Geneva",
            "text": "Delegates of the rival Libyan governments resumed talks in Geneva on Monday. United Nations envoy Stephanie Williams said elections in Libya could be held next year. Williams called the talks constructive."}),
    ];
    let file = write_jsonl(input.path(), "news.jsonl", &articles);
    let out = ingest(s, &[&file]);
    assert!(out.ok, "{}", out.stderr);
    let headlines = |args: &[&str]| headlines(s, args);
    let found = |place: &str| headlines(&["stories", "--json", "--place", place]);
    assert_eq!(found("Russia"), ["Snow closes schools in Moscow"]);
    assert_eq!(found("Libya"), ["Libya talks resume in Geneva"]);
    assert_eq!(found("Switzerland"), ["Libya talks resume in Geneva"]);
    assert!(
        found("United States").is_empty(),
        "Moscow, Idaho is not this Moscow"
    );
    // A country named only as a country is a key place of its story, and
    // the person the story is about leads its key entities.
    let listed = run(s, &["stories", "--json", "--place", "Libya"]);
    let story: Value = serde_json::from_str(&listed.stdout).unwrap();
    let labels = |what: &str| -> Vec<String> {
        story[0][what]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["label"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(labels("places").contains(&"Libya".to_owned()), "{story}");
    assert_eq!(labels("entities")[0], "Stephanie Williams", "{story}");
}

/// The two examples share places and actors but report different events
/// (a phone call; an agreement after talks, months later): two stories,
/// linked as one thread, not one story.
#[test]
fn examples_are_two_stories_of_one_thread() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let out = ingest(s, &[&fixtures().join("examples")]);
    assert!(out.ok, "{}", out.stderr);
    assert_eq!(figure(&out.stdout, "created"), 2, "{}", out.stdout);
    let listed: Value = serde_json::from_str(&run(s, &["stories", "--json"]).stdout).unwrap();
    let ids: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|st| st["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{listed}");
    let later = run(s, &["story", &ids[0].to_string(), "--json"]);
    let later: Value = serde_json::from_str(&later.stdout).unwrap();
    assert_eq!(
        later["related_stories"][0]["id"].as_i64(),
        Some(ids[1]),
        "the same thread: {later}"
    );
}

#[test]
fn same_id_with_other_text_is_a_reported_conflict_and_the_first_text_stays() {
    let store = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let a = inputs.path().join("a.jsonl");
    std::fs::write(&a, "{\"id\": \"x1\", \"title\": \"Quake hits Sonoma\", \"text\": \"A magnitude 4.4 earthquake struck near Healdsburg early Monday.\"}\n").unwrap();
    let b = inputs.path().join("b.jsonl");
    std::fs::write(&b, "{\"id\": \"x1\", \"title\": \"Other\", \"text\": \"Something else entirely happened in Lyon on Friday.\"}\n").unwrap();
    assert!(ingest(store.path(), &[&a]).ok);
    let second = ingest(store.path(), &[&b]);
    assert_eq!(figure(&second.stdout, "conflicts"), 1, "{}", second.stdout);
    assert!(
        second.stderr.contains("x1")
            && second.stderr.contains("the stored version is kept")
            && second.stderr.contains("--replace"),
        "{}",
        second.stderr
    );
    let hits = run(store.path(), &["search", "--json", "earthquake"]);
    let hits: Value = serde_json::from_str(&hits.stdout).unwrap();
    assert_eq!(hits[0]["title"], "Quake hits Sonoma");
}

#[test]
fn a_correction_replaces_the_stored_version_in_its_story_and_keeps_the_earlier_one() {
    let store = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let wire = |dead: &str, region: &str, date: &str| {
        json!({"id": "wire-1", "date": date, "title": format!("Bus plunges into ravine in Peru, killing {dead}"), "text": format!(
            "A bus carrying 34 passengers plunged about 200 metres into a ravine in the central Andes of Peru on Friday, killing {dead} people, police said.\n\n\
             The bus, operated by Transportes Molina, left the road on a bend in the {region} region, the regional governor said. \
             Rescue teams from Lima recovered the bodies overnight, and the injured were taken to hospital in {region}.")})
    };
    let first = write_jsonl(
        inputs.path(),
        "first.jsonl",
        &[
            wire("12", "Junin", "2024-04-12"),
            json!({"id": "paper-1", "date": "2024-04-12", "title": "Twelve dead as bus falls into Peruvian ravine",
                "text": "Twelve people were killed when a Transportes Molina coach left a mountain road in Peru's Junin region and fell into a ravine, the police said on Friday.\n\nFirefighters worked through the night in the Andes to reach the wreck, and survivors were flown to Lima."}),
        ],
    );
    let out = ingest(store.path(), &[&first]);
    assert!(out.ok, "{}", out.stderr);
    let story = |store: &Path| -> Value {
        let out = run(store, &["story", "--json", "1"]);
        assert!(out.ok, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    };
    let before = story(store.path());
    assert_eq!(before["articles"], 2, "{before}");
    let corrected = write_jsonl(
        inputs.path(),
        "corrected.jsonl",
        &[wire("25", "Ayacucho", "2024-04-12")],
    );
    // Without --replace it is a conflict, and nothing changes.
    let refused = ingest(store.path(), &[&corrected]);
    assert_eq!(
        figure(&refused.stdout, "conflicts"),
        1,
        "{}",
        refused.stdout
    );
    let out = run(
        store.path(),
        &[
            "ingest",
            "--lexical",
            "--replace",
            "--json",
            corrected.to_str().unwrap(),
        ],
    );
    assert!(out.ok, "{}", out.stderr);
    let outcome: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(outcome["status"], "replaced", "{outcome}");
    assert_eq!(outcome["story"], 1, "the correction stays in its story");
    let after = story(store.path());
    assert_eq!(after["articles"], 2, "{after}");
    let places: Vec<&str> = after["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    // One report still says Junin; the corrected one says Ayacucho.
    assert!(
        places.contains(&"Ayacucho") && places.contains(&"Junin"),
        "{places:?}"
    );
    // Search reads the corrected text.
    let hits = |q: &str| listed(store.path(), &["search", "--json", q], "id");
    assert_eq!(hits("Ayacucho"), ["wire-1"]);
    assert_eq!(hits("Junin"), ["paper-1"]);
    // The same again is already stored; a new date alone is a change.
    let again = run(
        store.path(),
        &[
            "ingest",
            "--lexical",
            "--replace",
            corrected.to_str().unwrap(),
        ],
    );
    assert_eq!(
        figure(&again.stdout, "already stored"),
        1,
        "{}",
        again.stdout
    );
    let redated = write_jsonl(
        inputs.path(),
        "redated.jsonl",
        &[wire("25", "Ayacucho", "2024-04-13")],
    );
    let refused = ingest(store.path(), &[&redated]);
    assert_eq!(
        figure(&refused.stdout, "conflicts"),
        1,
        "{}",
        refused.stdout
    );
    assert!(
        refused
            .stderr
            .contains("another date (stored 2024-04-12, this one 2024-04-13)"),
        "{}",
        refused.stderr
    );
}

#[test]
fn bad_inputs_are_named_skipped_and_lose_nothing_stored() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    assert!(ingest(s, &[&fixtures().join("examples")]).ok);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 owners protest\n\nOwners of caf\xe9s in Lyon protested on Monday against new rules on terraces, the prefecture said.").unwrap();
    std::fs::write(d.join("nav.html"), "<!doctype html><html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>").unwrap();
    std::fs::write(d.join("broken.jsonl"), "{\"id\": \"ok1\", \"title\": \"Fine\", \"text\": \"Firefighters contained a blaze in Porto overnight, officials said.\"}\n{\"id\": \"bad\", \"text\": \"trunc").unwrap();
    std::fs::write(
        d.join("lang.jsonl"),
        "{\"id\": \"l1\", \"text\": \"Text here.\", \"lang\": \"klingon\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("huge.txt"), "word ".repeat(600_000)).unwrap();
    // An image beside saved pages is no article: listed as not read.
    std::fs::write(d.join("picture.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    let out = ingest(s, &[d]);
    assert!(out.ok, "some inputs were good: {}", out.stderr);
    for needle in [
        "empty.txt",
        "binary.txt",
        "nav.html",
        "broken.jsonl:2",
        "lang.jsonl:1",
        "huge.txt",
        "1 file not read: only .txt, .json, .jsonl, .ndjson, .html, .htm files are taken from directories",
        "picture.png",
    ] {
        assert!(
            out.stderr.contains(needle),
            "{needle} not reported: {}",
            out.stderr
        );
    }
    #[cfg(unix)]
    assert!(out.stderr.to_lowercase().contains("loop"), "{}", out.stderr);
    assert_eq!(
        figure(&out.stdout, "new"),
        2,
        "latin1 and ok1 stored: {}",
        out.stdout
    );
    assert!(out.stdout.contains("rejected"));
    // Nothing stored before was lost.
    let again = ingest(s, &[&fixtures().join("examples")]);
    assert_eq!(
        figure(&again.stdout, "already stored"),
        2,
        "{}",
        again.stdout
    );
    let latin = run(s, &["search", "--json", "Café"]);
    assert!(latin.stdout.contains("owners protest"), "{}", latin.stdout);

    // Permission denied. Root reads everything, so as root (as in CI) the
    // ingest runs as user `nobody` through `setpriv`.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path, m: u32| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
        };
        let inputs = tempfile::tempdir().unwrap();
        let locked = inputs.path().join("locked.txt");
        std::fs::write(
            &locked,
            "Locked away\n\nNobody can read this article text at all.",
        )
        .unwrap();
        std::fs::write(
            inputs.path().join("open.txt"),
            "Harbour reopens\n\nThe harbour of Gdansk reopened on Monday after a week of storms, the port authority said.",
        )
        .unwrap();
        mode(&locked, 0o000);
        mode(inputs.path(), 0o755);
        let store = tempfile::tempdir().unwrap();
        mode(store.path(), 0o777);
        let as_root = std::fs::read(&locked).is_ok();
        let mut cmd = if as_root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(assert_cmd::cargo::cargo_bin("storyline"));
            c
        } else {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
        };
        cmd.env("STORYLINE_HOME", store.path().join("home"))
            .args(["ingest", "--lexical", "--store"])
            .arg(store.path().join("s"))
            .arg(inputs.path());
        match cmd.output() {
            Err(e) if as_root => eprintln!("skipping the permission-denied case: setpriv: {e}"),
            Err(e) => panic!("storyline did not run: {e}"),
            Ok(out) if as_root && String::from_utf8_lossy(&out.stderr).starts_with("setpriv") => {
                eprintln!(
                    "skipping the permission-denied case: nobody cannot run the binary: {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            }
            Ok(out) => {
                let stderr = String::from_utf8_lossy(&out.stderr);
                let stdout = String::from_utf8_lossy(&out.stdout);
                assert!(
                    stderr.contains("locked.txt") && stderr.contains("ermission denied"),
                    "{stderr}"
                );
                assert_eq!(
                    figure(&stdout, "new"),
                    1,
                    "the readable article is stored: {stdout}"
                );
            }
        }
    }

    // A directory that is not a store, and reading commands on no store.
    let missing = dir.path().join("no-store");
    let r = run(&missing, &["stories"]);
    assert!(
        !r.ok && r.stderr.contains("storyline ingest"),
        "{}",
        r.stderr
    );
    assert!(!missing.exists(), "reading commands create nothing");
}

#[test]
fn ten_thousand_copies_are_one_article() {
    let store = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let file = inputs.path().join("copies.jsonl");
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&format!(
            "{{\"id\": \"c{i}\", \"title\": \"Quake hits Sonoma\", \"text\": \"A magnitude 4.4 earthquake struck near Healdsburg in Sonoma County early Monday, the US Geological Survey said. No damage was reported.\"}}\n"
        ));
    }
    std::fs::write(&file, text).unwrap();
    let out = ingest(store.path(), &[&file]);
    assert!(out.ok, "{}", out.stderr);
    assert_eq!(figure(&out.stdout, "new"), 1, "{}", out.stdout);
    assert_eq!(
        figure(&out.stdout, "exact duplicates"),
        9_999,
        "{}",
        out.stdout
    );
    assert_eq!(figure(&out.stdout, "created"), 1, "{}", out.stdout);
    let stories: Value =
        serde_json::from_str(&run(store.path(), &["stories", "--json"]).stdout).unwrap();
    assert_eq!(stories[0]["articles"], 10_000);
}

#[test]
fn a_killed_ingest_keeps_what_it_reported_and_the_next_run_resumes() {
    let inputs = tempfile::tempdir().unwrap();
    let stream = inputs.path().join("stream.jsonl");
    let out = bin()
        .args(["bench", "synth", "--articles", "3000", "--from"])
        .arg(fixtures().join("ecbplus/dev.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(&stream, &out.stdout).unwrap();
    let total = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .count();

    let store = tempfile::tempdir().unwrap();
    let reported = inputs.path().join("reported.jsonl");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
        .args(["ingest", "--lexical", "--json", "--batch", "16", "--store"])
        .arg(store.path())
        .arg(&stream)
        .stdout(std::fs::File::create(&reported).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it mid-run, once it has reported some articles as stored.
    let start = Instant::now();
    loop {
        let lines = std::fs::read_to_string(&reported)
            .unwrap_or_default()
            .lines()
            .count();
        if lines >= 200 || start.elapsed() > Duration::from_secs(120) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let text = std::fs::read_to_string(&reported).unwrap();
    // Only whole lines count: the process may die mid-line.
    let ids: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        ids.len() >= 200 && ids.len() < total,
        "killed mid-run: {} of {total}",
        ids.len()
    );

    let db = storyline::store::open(store.path(), storyline::store::OpenMode::Existing).unwrap();
    for id in &ids {
        assert!(
            db.article(id).unwrap().is_some(),
            "{id} was reported stored but is lost"
        );
    }
    let after_kill = db.counts().unwrap().articles as usize;
    drop(db);

    let resumed = ingest(store.path(), &[&stream]);
    assert!(resumed.ok, "{}", resumed.stderr);
    assert_eq!(
        figure(&resumed.stdout, "already stored"),
        after_kill,
        "{}",
        resumed.stdout
    );
    let db = storyline::store::open(store.path(), storyline::store::OpenMode::Existing).unwrap();
    let c = db.counts().unwrap();
    assert_eq!(c.articles as usize, total, "every article stored once");
    // Story article counts add up to the stored articles.
    let stories = db
        .stories(&storyline::store::StoryFilter {
            limit: 100_000,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(stories.iter().map(|s| s.articles).sum::<i64>(), c.articles);
}

#[test]
fn standard_input_takes_a_plain_article_as_well_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    let article = std::fs::read(fixtures().join("examples/004_32c51e6b98054cc8.txt")).unwrap();
    let plain = bin()
        .args(["ingest", "--lexical", "--json", "--store"])
        .arg(s)
        .arg("-")
        .write_stdin(article)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&plain.stdout);
    assert!(
        plain.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    assert_eq!(stdout.lines().count(), 1, "one article: {stdout}");
    assert!(stdout.contains("\"stored\""), "{stdout}");
    let jsonl = "{\"id\": \"x1\", \"title\": \"Quake hits Sonoma\", \"text\": \"A magnitude 4.4 earthquake struck near Healdsburg early Monday.\"}\n{\"id\": \"x2\", \"title\": \"Truncated";
    let lines = bin()
        .args(["ingest", "--lexical", "--json", "--store"])
        .arg(s)
        .arg("-")
        .write_stdin(jsonl)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&lines.stdout);
    let stderr = String::from_utf8_lossy(&lines.stderr);
    assert!(stdout.contains("x1"), "{stdout}");
    assert!(
        format!("{stdout}{stderr}").contains("stdin:2: truncated JSON"),
        "{stdout}{stderr}"
    );
    // Queries that cannot match are refused, not answered "nothing".
    let blank = run(s, &["search", "  "]);
    assert!(
        !blank.ok && blank.stderr.contains("no word to look for"),
        "{}",
        blank.stderr
    );
    let backwards = run(
        s,
        &["stories", "--from", "2013-05-03", "--to", "2013-05-02"],
    );
    assert!(
        !backwards.ok && backwards.stderr.contains("is after"),
        "{}",
        backwards.stderr
    );
    let zero = run(s, &["stories", "--limit", "0"]);
    assert!(
        !zero.ok && zero.stderr.contains("at least 1"),
        "{}",
        zero.stderr
    );
}

/// `related` finds coverage whatever punctuation the article's opening
/// holds: "year-on-year" or "(Reuters) -" read as query syntax had excluded
/// every English article containing "on" or "The".
#[test]
fn related_finds_coverage_whatever_the_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("store");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).unwrap();
    let write = |name: &str, text: &str| std::fs::write(files.join(name), text).unwrap();
    write(
        "fed.txt",
        "Fed holds rates steady as inflation cools\n\nWASHINGTON, June 12, 2024 (Reuters) - The Federal Reserve held interest rates steady on Wednesday as year-on-year inflation cooled to 3.3%, and officials signalled one cut later this year.",
    );
    write(
        "boe.txt",
        "Bank of England keeps interest rates on hold\n\nLONDON, June 20, 2024 - The Bank of England kept interest rates on hold on Thursday, saying inflation had cooled to its target but services prices stayed high.",
    );
    write(
        "quake.txt",
        "Terremoto in Marocco\n\nUn forte terremoto ha colpito il Marocco, causando centinaia di vittime nella regione di Al Haouz.",
    );
    let out = ingest(&s, &[&files]);
    assert!(out.ok, "{}", out.stderr);
    let fed_id = {
        let hits = run(&s, &["search", "--json", "Fed holds rates steady"]);
        let hits: Value = serde_json::from_str(&hits.stdout).unwrap();
        hits[0]["id"].as_str().unwrap().to_owned()
    };
    let rel = run(&s, &["related", &fed_id, "--lexical", "--json"]);
    assert!(rel.ok, "{}", rel.stderr);
    let rel: Value = serde_json::from_str(&rel.stdout).unwrap();
    let titles: Vec<&str> = rel
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert_eq!(
        titles.first(),
        Some(&"Bank of England keeps interest rates on hold"),
        "{rel}"
    );
}

#[test]
fn a_date_range_lists_only_stories_with_coverage_inside_it() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let quake = "A magnitude 7.2 earthquake struck the coast of southern Peru near Camaná, killing dozens of people, destroying homes in Arequipa and cutting the Pan-American Highway, the Peruvian civil defence institute said.";
    let lines = [
        serde_json::json!({"id": "quake-1", "date": "2025-03-01", "title": "Earthquake kills dozens in southern Peru", "text": quake}),
        serde_json::json!({"id": "quake-2", "date": "2025-03-06", "title": "Peru earthquake: aid reaches Camaná", "text": "Five days after the magnitude 7.2 earthquake that struck southern Peru near Camaná and killed dozens of people, aid reached destroyed homes in Arequipa on Wednesday, the Peruvian civil defence institute said."}),
        serde_json::json!({"id": "quake-3", "date": "2025-03-12", "title": "Peru earthquake: rebuilding begins in Camaná", "text": "Rebuilding of homes destroyed by the magnitude 7.2 earthquake that struck southern Peru near Camaná and killed dozens of people began in Arequipa on Tuesday, the Peruvian civil defence institute said. Engineers reopened the Pan-American Highway."}),
        serde_json::json!({"id": "bank", "date": "2025-03-09", "title": "Bank of Canada cuts its key rate to 2.75%", "text": "The Bank of Canada lowered its policy interest rate by a quarter point to 2.75 per cent on Sunday, citing trade tensions with the United States and weaker consumer spending, Governor Tiff Macklem said in Ottawa."}),
    ];
    let path = write_jsonl(s, "in.jsonl", &lines);
    let out = ingest(s, &[&path]);
    assert!(out.ok, "{}", out.stderr);
    // Each quake report lies within a week of the one before: one story.
    assert_eq!(figure(&out.stdout, "created"), 2, "{}", out.stdout);
    // The quake story spans 1 to 12 March but has nothing dated 7 to 10 March.
    let listed = headlines(
        s,
        &[
            "stories",
            "--json",
            "--from",
            "2025-03-07",
            "--to",
            "2025-03-10",
        ],
    );
    assert_eq!(listed, ["Bank of Canada cuts its key rate to 2.75%"]);
    let listed = headlines(s, &["stories", "--json", "--from", "2025-03-11"]);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].contains("Peru"), "{listed:?}");
}

#[test]
fn search_finds_other_forms_of_a_word_and_needs_every_word() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let lines = [
        serde_json::json!({"id": "quake", "lang": "en", "title": "Earthquake kills dozens in southern Peru", "text": "A strong quake struck the coast of southern Peru near Camaná on Monday, killing dozens of people and destroying homes, officials said."}),
        serde_json::json!({"id": "bce", "lang": "es", "title": "El BCE baja los tipos", "text": "El Banco Central Europeo rebajó este jueves su tipo de interés de referencia en un cuarto de punto, hasta el 2,5 %, ante la debilidad de la economía de la eurozona."}),
        serde_json::json!({"id": "vote", "lang": "fr", "title": "Portugal : la droite remporte les législatives", "text": "L'Alliance démocratique de Luís Montenegro est arrivée en tête des élections législatives de dimanche au Portugal, sans obtenir la majorité absolue."}),
    ];
    let path = write_jsonl(s, "in.jsonl", &lines);
    assert!(ingest(s, &[&path]).ok);
    let ids = |query: &str| listed(s, &["search", "--json", query], "id");
    // Other forms of a word, in the article's language.
    assert_eq!(ids("quakes"), ["quake"]);
    assert_eq!(ids("élection"), ["vote"]);
    // Every word must match: "de" alone is in the French article too.
    assert_eq!(ids("tipos de interés"), ["bce"]);
    assert_eq!(ids("quake Portugal"), Vec::<String>::new());
    // An excluded word, even as the whole query (no `--` needed).
    assert_eq!(ids("Peru -Portugal"), ["quake"]);
    let mut not_portugal = ids("-Portugal");
    not_portugal.sort();
    assert_eq!(not_portugal, ["bce", "quake"]);
    // A Turkish case suffix after an apostrophe is not a word of its own.
    let tr = serde_json::json!({"id": "deprem", "lang": "tr", "title": "Malatya'da deprem", "text": "Cumhurbaşkanı Erdoğan deprem bölgesini ziyaret etti ve yardım sözü verdi."});
    assert!(ingest(s, &[&write_jsonl(s, "tr.jsonl", &[tr])]).ok);
    assert_eq!(ids("Erdoğan'ın"), ["deprem"]);
    assert_eq!(ids("Malatya'nın depremi"), ["deprem"]);
    // The Turkish capital "İ" is an "I" to search: "İzmir'de" and "Izmir"
    // find each other in either spelling and case.
    let izmir = [
        serde_json::json!({"id": "izmir-tr", "lang": "tr", "title": "İzmir'de sel", "text": "İZMİR'de şiddetli yağış sonrası sel meydana geldi."}),
        serde_json::json!({"id": "izmir-en", "lang": "en", "title": "Floods in Izmir", "text": "Heavy rain flooded streets in Izmir on Tuesday."}),
    ];
    assert!(ingest(s, &[&write_jsonl(s, "izmir.jsonl", &izmir)]).ok);
    for query in ["Izmir", "İzmir", "izmir", "İZMİR"] {
        let mut found = ids(query);
        found.sort();
        assert_eq!(found, ["izmir-en", "izmir-tr"], "{query}");
    }
    // Chinese and Japanese words are found inside text written without spaces.
    let cjk = [
        serde_json::json!({"id": "shenzhen", "lang": "zh", "title": "深圳市遭遇特大暴雨", "text": "深圳市气象台周二发布暴雨红色预警，全市停课。"}),
        serde_json::json!({"id": "tokyo", "lang": "ja", "title": "東京都で大雨", "text": "東京都内では記録的な大雨となり、電車が止まりました。"}),
    ];
    assert!(ingest(s, &[&write_jsonl(s, "cjk.jsonl", &cjk)]).ok);
    assert_eq!(ids("深圳"), ["shenzhen"]);
    assert_eq!(ids("暴雨"), ["shenzhen"]);
    assert_eq!(ids("深圳市 预警"), ["shenzhen"]);
    assert_eq!(ids("東京"), ["tokyo"]);
    assert_eq!(ids("上海"), Vec::<String>::new());
    // A longer word is its characters in a row, not each pair anywhere.
    assert_eq!(ids("深圳暴雨"), Vec::<String>::new());
    // An index built by other analyzers is rebuilt from the store.
    std::fs::write(s.join("search/analyzers-version"), "1").unwrap();
    std::fs::write(s.join("search/stale-segment"), "old terms").unwrap();
    let mut found = ids("İzmir");
    assert!(!s.join("search/stale-segment").exists());
    found.sort();
    assert_eq!(found, ["izmir-en", "izmir-tr"]);
    assert_eq!(ids("quakes"), ["quake"]);
}

#[test]
fn search_lists_a_story_once_with_its_near_copies_folded_under_the_original() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let original =
        std::fs::read_to_string(fixtures().join("examples/000_17f2bfa074d01afa.txt")).unwrap();
    // A syndicated copy: last paragraph cut, a newsletter line added. It is
    // shorter, so on its own it would rank above the original.
    let paragraphs: Vec<&str> = original.trim_end().split("\n\n").collect();
    let copy = format!(
        "{}\n\nSign up for our morning newsletter.",
        paragraphs[..paragraphs.len() - 1].join("\n\n")
    );
    let lines = [
        serde_json::json!({"id": "original", "text": original}),
        serde_json::json!({"id": "wire-copy", "text": copy}),
    ];
    let path = write_jsonl(s, "in.jsonl", &lines);
    let stored = ingest(s, &[&path]);
    assert_eq!(
        figure(&stored.stdout, "near duplicates"),
        1,
        "{}",
        stored.stdout
    );
    let hits = run(s, &["search", "--json", "Cavusoglu Idlib"]);
    let hits: Value = serde_json::from_str(&hits.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits[0]["id"], "original", "{hits}");
    assert_eq!(hits[0]["copies"][0], "wire-copy", "{hits}");
}

#[test]
fn a_short_copy_under_a_new_headline_with_a_few_edits_is_a_near_copy() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let original = serde_json::json!({"id": "quake", "title": "Magnitude 5.8 earthquake shakes Turkey's Izmir", "text": "A magnitude 5.8 earthquake struck off the coast of Seferihisar in Turkey's western Izmir province early on Wednesday, damaging buildings and sending frightened residents into the streets, the country's disaster agency AFAD said.\n\nThe quake hit at 03:17 local time (00:17 GMT) and was felt in Manisa, Aydin and Mugla as well as on the Greek island of Samos. Interior Minister Ali Yerlikaya said three buildings were heavily damaged and 27 people suffered minor injuries, mostly while fleeing in panic. No deaths were reported.\n\nSchools in Seferihisar and Urla were closed for the day while engineers inspected damaged structures, Izmir Governor Suleyman Elban said.\n\nIzmir, Turkey's third-largest city, was hit by a magnitude 6.6 earthquake on October 30, 2020, which killed 117 people. In February 2023, twin quakes in the southeast killed more than 50,000 people in Turkey."});
    // A new headline, three phrases reworded, a sentence cut, a footer added.
    let copy = serde_json::json!({"id": "quake-edit", "title": "5.8 quake rattles Izmir, no casualties reported", "text": "A magnitude 5.8 earthquake struck off the coast of Seferihisar in Türkiye's western Izmir province early Wednesday, damaging buildings and sending frightened residents into the streets, the Disaster and Emergency Management Authority (AFAD) said.\n\nThe quake hit at 03:17 local time and was felt in Manisa, Aydin and Mugla as well as on the Greek island of Samos. Interior Minister Ali Yerlikaya said three buildings were heavily damaged and 27 people suffered minor injuries, mostly while fleeing in panic. No deaths were reported.\n\nSchools in Seferihisar and Urla were closed for the day while engineers inspected damaged structures, Izmir Governor Suleyman Elban said.\n\nIzmir was hit by a magnitude 6.6 earthquake on October 30, 2020, which killed 117 people.\n\nFollow Daily Sabah on social media for the latest news from Türkiye."});
    // Another report of the same quake, no copy.
    let report = serde_json::json!({"id": "quake-report", "title": "Earthquake of magnitude 5.8 hits Izmir province, 27 hurt", "text": "An earthquake of magnitude 5.8 hit Seferihisar in Izmir province early on Wednesday. Interior Minister Ali Yerlikaya said 27 people suffered minor injuries and three buildings were heavily damaged; schools in Seferihisar and Urla stayed closed while engineers inspected buildings. The tremor was felt on the Greek island of Samos."});
    let path = write_jsonl(s, "in.jsonl", &[original, copy, report]);
    let stored = ingest(s, &[&path]);
    assert!(stored.ok, "{}", stored.stderr);
    assert_eq!(
        figure(&stored.stdout, "near duplicates"),
        1,
        "{}",
        stored.stdout
    );
    // Seen from the copy, the original is its copy and the other report
    // of the story is no copy.
    let related = run(s, &["related", "quake-edit", "--lexical", "--json"]);
    assert!(related.ok, "{}", related.stderr);
    let related: Value = serde_json::from_str(&related.stdout).unwrap();
    let found_by = |id: &str| {
        related
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["found_by"].as_str().unwrap().to_owned())
    };
    assert_eq!(found_by("quake").as_deref(), Some("duplicate"), "{related}");
    assert_eq!(
        found_by("quake-report").as_deref(),
        Some("same-story"),
        "{related}"
    );
}

#[test]
fn a_name_transliterated_with_or_without_its_iotation_finds_the_story() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let article = serde_json::json!({"id": "sorokina", "lang": "en", "title": "Russian journalist Yelena Sorokina jailed for six years", "text": "A Moscow court sentenced journalist Yelena Sorokina to six years in a penal colony on Monday for spreading what it called false information about the army. Yelena Sorokina denied the charges, her lawyer Sergei Badamshin said."});
    assert!(ingest(s, &[&write_jsonl(s, "in.jsonl", &[article])]).ok);
    for name in ["Yelena Sorokina", "Elena Sorokina", "Елена Сорокина"] {
        let found = headlines(s, &["stories", "--json", "--entity", name]);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
    }
    let other = headlines(s, &["stories", "--json", "--entity", "Elena Petrova"]);
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn a_name_used_alone_or_a_family_name_written_first_finds_the_story() {
    let store = tempfile::tempdir().unwrap();
    let s = store.path();
    let articles = [
        serde_json::json!({"id": "who", "lang": "en", "title": "WHO declares mpox a global health emergency", "text": "The World Health Organization declared mpox a public health emergency of international concern on Wednesday. Director-General Tedros Adhanom Ghebreyesus said the spread of a new strain in Africa was alarming. Tedros urged wealthy nations to share vaccines."}),
        serde_json::json!({"id": "yoon", "lang": "en", "title": "South Korean parliament impeaches President Yoon Suk Yeol", "text": "South Korea's National Assembly voted on Saturday to impeach President Yoon Suk Yeol over his short-lived declaration of martial law. Opposition leader Lee Jae-myung called the vote a victory for the people."}),
    ];
    assert!(ingest(s, &[&write_jsonl(s, "in.jsonl", &articles)]).ok);
    for (name, headline) in [
        ("Tedros", "WHO"),
        ("Yoon", "South Korean"),
        ("Lee", "South Korean"),
    ] {
        let found = headlines(s, &["stories", "--json", "--entity", name]);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].starts_with(headline), "{name}: {found:?}");
    }
    let none = headlines(s, &["stories", "--json", "--entity", "Suk Lee"]);
    assert!(none.is_empty(), "{none:?}");
}
