//! End-to-end tests of the `storyline` command line: they run the built
//! binary on the example articles and on generated bad inputs, and check what
//! a user sees (exit status, stdout, stderr).

use assert_cmd::Command;
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn storyline() -> Command {
    Command::cargo_bin("storyline").expect("the storyline binary is built")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> (PathBuf, PathBuf) {
    let dir = manifest_dir().join("tests/fixtures/examples");
    (
        dir.join("000_17f2bfa074d01afa.txt"),
        dir.join("004_32c51e6b98054cc8.txt"),
    )
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = storyline().args(args).output().expect("storyline runs");
    let r = Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !r.stderr.contains("panicked"),
        "storyline panicked:\n{}",
        r.stderr
    );
    r
}

/// Run and require success; returns stdout.
fn run_ok<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let r = run(args);
    assert_eq!(
        r.code,
        Some(0),
        "expected success\nstdout:\n{}\nstderr:\n{}",
        r.stdout,
        r.stderr
    );
    r.stdout
}

/// Run and require a clean failure (non-zero exit, no panic); returns stderr.
fn run_fail<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let r = run(args);
    assert!(
        matches!(r.code, Some(c) if c != 0),
        "expected a non-zero exit, got {:?}\nstdout:\n{}\nstderr:\n{}",
        r.code,
        r.stdout,
        r.stderr
    );
    assert!(
        !r.stderr.trim().is_empty(),
        "a failure must say why on stderr"
    );
    r.stderr
}

fn parse_json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{s}"))
}

/// Lines of a report section: those after the unindented `header` line up
/// to the next unindented line.
fn section<'a>(report: &'a str, header: &str) -> Vec<&'a str> {
    report
        .lines()
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .collect()
}

fn line_starting<'a>(lines: &[&'a str], prefix: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.trim_start().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in {lines:#?}"))
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

const SCORE_KEYS: [&str; 7] = [
    "overall",
    "geography",
    "entities",
    "time",
    "narrative",
    "style",
    "tone",
];

fn assert_scores_in_range(v: &Value) {
    for key in SCORE_KEYS {
        let s = v[key]
            .as_f64()
            .unwrap_or_else(|| panic!("`{key}` is not a number in {v}"));
        assert!((1.0..=4.0).contains(&s), "`{key}` = {s} is outside [1, 4]");
    }
}

// 1. The text report on the two example articles.
#[test]
fn compare_examples_text_report() {
    let (a, b) = examples();
    let report = run_ok([OsStr::new("compare"), a.as_os_str(), b.as_os_str()]);

    let geography = section(&report, "Geography");
    let shared_places = line_starting(&geography, "shared places:");
    for place in ["Syria", "Russia", "Turkey", "Idlib", "Moscow", "Ankara"] {
        assert!(
            shared_places.contains(place),
            "{place} missing from {shared_places:?}"
        );
    }

    let entities = section(&report, "Entities");
    let shared = line_starting(&entities, "shared:");
    assert!(shared.contains("Assad"), "Assad not shared: {shared:?}");

    let time = section(&report, "Time");
    let time_a = line_starting(&time, "A:");
    for expr in [
        "Dec. 30, 2018",
        "on Tuesday",
        "In March",
        "Since April 2018",
        "earlier this year",
    ] {
        assert!(
            time_a.contains(&format!("\"{expr}\"")),
            "{expr:?} not listed for A: {time_a:?}"
        );
    }
    let time_b = line_starting(&time, "B:");
    for expr in ["today", "Thursday"] {
        assert!(
            time_b.contains(&format!("\"{expr}\"")),
            "{expr:?} not listed for B: {time_b:?}"
        );
    }
    assert!(
        report.contains("cannot be fixed"),
        "report does not say the event time cannot be fixed:\n{report}"
    );
    assert!(
        report.contains("different events"),
        "report does not say the articles describe different events:\n{report}"
    );
    // With the time unfixed, the Time score gets no verdict in words: the
    // two events are months apart, and neither text says how far.
    let time_score = report
        .lines()
        .find(|l| l.trim_start().starts_with("Time ") && l.contains('.'))
        .expect("a Time score line");
    assert!(
        time_score.contains("unknown") && !time_score.contains("similar"),
        "{time_score:?}"
    );
}

// 2. The same comparison as JSON.
#[test]
fn compare_examples_json() {
    let (a, b) = examples();
    let v = parse_json(&run_ok([
        OsStr::new("compare"),
        a.as_os_str(),
        b.as_os_str(),
        OsStr::new("--json"),
    ]));
    assert_scores_in_range(&v);
    let ex = &v["explanation"];
    assert_eq!(ex["events"]["verdict"], "different-events");
    assert!(
        names(&ex["places"]["shared"]).contains(&"Idlib"),
        "Idlib not shared: {}",
        ex["places"]
    );
    assert_eq!(ex["time_is_estimate"], true);
    let times = ex["a"]["time_expressions"]
        .as_array()
        .expect("a.time_expressions is an array");
    let dec30 = times
        .iter()
        .find(|t| t["text"] == "Dec. 30, 2018")
        .unwrap_or_else(|| panic!("no \"Dec. 30, 2018\" in {times:#?}"));
    assert_eq!(dec30["kind"], "date");
    assert_eq!(dec30["date"], "2018-12-30");
}

#[test]
fn one_side_of_a_comparison_may_come_from_stdin() {
    let (a, b) = examples();
    let out = storyline()
        .args([
            OsStr::new("compare"),
            OsStr::new("--json"),
            a.as_os_str(),
            OsStr::new("-"),
        ])
        .write_stdin(std::fs::read(&b).unwrap())
        .output()
        .expect("storyline runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(v["explanation"]["b"]["label"], "-");
    assert_eq!(v["explanation"]["events"]["verdict"], "different-events");
    let both = run_fail(["compare", "-", "-"]);
    assert!(both.contains("not both"), "{both}");
}

// 3. `analyze --json` on example A.
#[test]
fn analyze_example_json() {
    let (a, _) = examples();
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        a.as_os_str(),
        OsStr::new("--json"),
    ]));
    assert_eq!(v["language"]["code"], "en");
    let entities = v["entities"].as_array().expect("entities array");
    let person = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name && e["kind"] == "person")
            .unwrap_or_else(|| panic!("no person {name:?} in {entities:#?}"))
    };
    let cavusoglu = person("Mevlüt Çavuşoğlu");
    assert!(
        names(&cavusoglu["aliases"]).contains(&"Çavuşoğlu"),
        "alias missing: {cavusoglu}"
    );
    person("Sergey Lavrov");
    let places: Vec<&str> = v["places"]
        .as_array()
        .expect("places array")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for place in ["Idlib", "Moscow"] {
        assert!(places.contains(&place), "{place} missing from {places:?}");
    }
    assert_eq!(v["event_time"]["status"], "unfixed");
}

// 4. Publication dates from a JSON `date` field and from a dateline.
#[test]
fn publication_date_from_field_and_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let article = json!({
        "id": "truce-1",
        "title": "Turkey and Russia agree on Idlib truce",
        "text": "Turkey and Russia agreed on Thursday to a cease-fire in Idlib, \
                 the two presidents said in Moscow. The truce takes effect at midnight.",
        "date": "2020-03-05",
    });
    let json_file = write(dir.path(), "article.json", article.to_string());
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        OsStr::new("--json"),
        json_file.as_os_str(),
    ]));
    assert_eq!(v["published"], "2020-03-05");
    assert_eq!(v["date_source"], "field");
    assert_eq!(v["event_time"]["status"], "fixed", "{}", v["event_time"]);

    let text_file = write(
        dir.path(),
        "dateline.txt",
        "Turkey says truce holds\n\n\
         ANKARA, March 5, 2020 (AA) - Turkey said the cease-fire in Idlib was holding. \
         Russian officials agreed.\n",
    );
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        OsStr::new("--json"),
        text_file.as_os_str(),
    ]));
    assert_eq!(v["published"], "2020-03-05");
    assert_eq!(v["date_source"], "dateline");
    assert_eq!(v["event_time"]["status"], "fixed", "{}", v["event_time"]);

    let html_file = write(
        dir.path(),
        "page.html",
        r#"<!doctype html><html lang="en"><head><title>Idlib truce holds</title>
        <meta property="article:published_time" content="2020-03-05T10:00:00Z"></head>
        <body><nav>Home | World</nav><article><h1>Idlib truce holds</h1>
        <p>Turkey and Russia agreed on a truce in Idlib after talks in Moscow on Thursday.</p>
        <p>Officials in Ankara said the cease-fire holds and joint patrols will begin next week.</p>
        </article></body></html>"#,
    );
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        OsStr::new("--json"),
        html_file.as_os_str(),
    ]));
    assert_eq!(v["published"], "2020-03-05");
    assert_eq!(v["date_source"], "html-meta");
    let text = v["sentences"].to_string();
    assert!(text.contains("joint patrols"), "{text}");
    assert!(
        !text.contains("<p>") && !text.contains("Home | World"),
        "{text}"
    );
}

// 5. Pair files: bad lines become error objects in place.
#[test]
fn compare_pairs_keeps_going_past_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let good = json!({
        "pair_id": "p1",
        "text1": "Turkey and Russia agreed on a truce in Idlib. Moscow and Ankara said the cease-fire holds.",
        "text2": "Moscow and Ankara agreed to reduce tension in Idlib, the Russian foreign ministry said.",
    });
    let one_sided = json!({"pair_id": "p2", "text1": "Only one side of the pair is here."});
    let file = write(
        dir.path(),
        "pairs.jsonl",
        // Saved by an editor that opens files with a byte-order mark.
        format!("\u{feff}{good}\n{one_sided}\n{{\"pair_id\": \"p3\", \"text1\": \"Trunc"),
    );
    let r = run([
        OsStr::new("compare"),
        OsStr::new("--pairs"),
        file.as_os_str(),
    ]);
    assert_eq!(r.code, Some(0), "stderr:\n{}", r.stderr);

    let lines: Vec<Value> = r.stdout.lines().map(parse_json).collect();
    assert_eq!(lines.len(), 3, "stdout:\n{}", r.stdout);

    assert_eq!(lines[0]["pair_id"], "p1");
    assert_scores_in_range(&lines[0]);
    assert!(
        lines[0]["explanation"].is_object(),
        "no explanation: {}",
        lines[0]
    );
    assert!(lines[0].get("error").is_none());

    assert_eq!(lines[1]["pair_id"], "p2");
    assert_eq!(lines[1]["line"], 2);
    let err = lines[1]["error"].as_str().expect("line 2 has an error");
    assert!(err.contains("text2"), "{err}");
    assert!(lines[1].get("overall").is_none());

    assert_eq!(lines[2]["line"], 3);
    let err = lines[2]["error"].as_str().expect("line 3 has an error");
    assert!(err.contains("truncated JSON"), "{err}");

    let path = file.display().to_string();
    assert!(
        r.stderr.contains(&format!("{path}: line 2")),
        "stderr:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("{path}: line 3")),
        "stderr:\n{}",
        r.stderr
    );

    // `-` reads the same pairs from stdin, with the same result.
    let out = storyline()
        .args(["compare", "--pairs", "-"])
        .write_stdin(std::fs::read(&file).unwrap())
        .output()
        .expect("storyline runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), r.stdout);
}

#[test]
fn compare_pairs_with_no_usable_line_fails() {
    let dir = tempfile::tempdir().unwrap();
    let truncated = write(
        dir.path(),
        "truncated.jsonl",
        "{\"pair_id\": \"p1\", \"text1\": \"Trunc",
    );
    let stderr = run_fail([
        OsStr::new("compare"),
        OsStr::new("--pairs"),
        truncated.as_os_str(),
    ]);
    assert!(
        stderr.contains(&truncated.display().to_string()),
        "{stderr}"
    );
    assert!(stderr.contains("truncated JSON"), "{stderr}");
    assert!(stderr.contains("could be scored"), "{stderr}");

    let empty = write(dir.path(), "empty.jsonl", "");
    let stderr = run_fail([
        OsStr::new("compare"),
        OsStr::new("--pairs"),
        empty.as_os_str(),
    ]);
    assert!(stderr.contains(&empty.display().to_string()), "{stderr}");
    assert!(stderr.contains("empty"), "{stderr}");

    // A file that cannot be a pair file is one error, not one per "line".
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(b"\n\n\n\n\n\n".repeat(20));
    let picture = write(dir.path(), "picture.png", png);
    for bad in [picture.as_path(), dir.path()] {
        let r = run([
            OsStr::new("compare"),
            OsStr::new("--pairs"),
            bad.as_os_str(),
        ]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "no error objects: {}", r.stdout);
        assert_eq!(r.stderr.lines().count(), 1, "one error: {}", r.stderr);
        assert!(
            r.stderr.contains(&bad.display().to_string()),
            "{}",
            r.stderr
        );
    }
    let r = run([
        OsStr::new("compare"),
        OsStr::new("--pairs"),
        picture.as_os_str(),
    ]);
    assert!(r.stderr.contains("binary file (PNG image)"), "{}", r.stderr);
    let r = run([
        OsStr::new("compare"),
        OsStr::new("--pairs"),
        dir.path().as_os_str(),
    ]);
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
}

// 6. Bad article files are refused with the path and the reason.
fn bad_inputs(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    let big = dir.join("huge.txt");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(50 * 1024 * 1024))
        .expect("create a sparse 50 MB file");
    vec![
        (write(dir, "empty.txt", ""), "empty"),
        (write(dir, "blank.txt", " \n\t\n"), "whitespace"),
        (write(dir, "picture.png", png), "PNG"),
        (
            write(dir, "paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
            "PDF",
        ),
        (big, "over the limit"),
        (dir.join("no-such-article.txt"), "cannot read"),
        (dir.join("a-directory"), "directory"),
        (
            write(
                dir,
                "truncated.json",
                r#"{"title": "Idlib", "text": "Turkey and Rus"#,
            ),
            "invalid JSON",
        ),
        (
            write(
                dir,
                "lang.json",
                r#"{"title": "Idlib", "text": "Turkey and Russia agreed a truce.", "lang": "xx"}"#,
            ),
            "unknown language code",
        ),
        (
            write(dir, "notext.json", r#"{"title": "Idlib truce"}"#),
            "missing field `text`",
        ),
    ]
}

#[test]
fn bad_article_files_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a-directory")).unwrap();
    let (good, _) = examples();
    for (path, problem) in bad_inputs(dir.path()) {
        let shown = path.display().to_string();
        let invocations: [Vec<&OsStr>; 3] = [
            vec![OsStr::new("analyze"), path.as_os_str()],
            vec![OsStr::new("compare"), path.as_os_str(), good.as_os_str()],
            vec![OsStr::new("compare"), good.as_os_str(), path.as_os_str()],
        ];
        for args in invocations {
            let started = Instant::now();
            let stderr = run_fail(&args);
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "{args:?} took {:?}",
                started.elapsed()
            );
            assert!(
                stderr.contains(&shown),
                "{args:?}: stderr does not name {shown}: {stderr}"
            );
            assert!(
                stderr.contains(problem),
                "{args:?}: stderr does not say {problem:?}: {stderr}"
            );
        }
    }
}

/// The reason for a refusal is printed once, not repeated.
#[test]
fn refusal_reason_is_not_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    let stderr = run_fail([OsStr::new("analyze"), empty.as_os_str()]);
    assert_eq!(stderr.matches("it is empty").count(), 1, "{stderr}");
    let missing = dir.path().join("missing.txt");
    let stderr = run_fail([OsStr::new("analyze"), missing.as_os_str()]);
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

// 7. Latin-1 input and mojibake.
#[test]
fn latin1_input_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "latin1.txt",
        b"M\xfcnchen und K\xf6ln: Die Regierung plant neue Regeln\n\n\
          Die Regierung in Berlin hat am Dienstag neue Regeln f\xfcr die St\xe4dte \
          M\xfcnchen und K\xf6ln beschlossen. Der B\xfcrgermeister von M\xfcnchen sagte, \
          die Ma\xdfnahmen seien notwendig. In K\xf6ln gab es Kritik von der Opposition.\n",
    );
    let text = run_ok([OsStr::new("analyze"), file.as_os_str()]);
    assert!(text.contains("München"), "{text}");
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        OsStr::new("--json"),
        file.as_os_str(),
    ]));
    assert_eq!(
        v["title"],
        "München und Köln: Die Regierung plant neue Regeln"
    );
    assert_eq!(v["language"]["code"], "de");
}

#[test]
fn mojibake_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = "Horoz d\u{c3}\u{b6}v\u{c3}\u{bc}\u{c5}\u{9f}\u{c3}\u{bc} yapt\u{c4}\u{b1}ran \
                   zanl\u{c4}\u{b1}lar yakaland\u{c4}\u{b1}\n\n\
                   Polis, Adana'da horoz d\u{c3}\u{b6}v\u{c3}\u{bc}\u{c5}\u{9f}\u{c3}\u{bc} \
                   d\u{c3}\u{bc}zenleyen 12 ki\u{c5}\u{9f}iyi g\u{c3}\u{b6}zalt\u{c4}\u{b1}na \
                   ald\u{c4}\u{b1}. Zanl\u{c4}\u{b1}lar emniyete g\u{c3}\u{b6}t\u{c3}\u{bc}r\u{c3}\u{bc}ld\u{c3}\u{bc}.\n";
    let file = write(dir.path(), "mojibake.txt", damaged);
    let v = parse_json(&run_ok([
        OsStr::new("analyze"),
        OsStr::new("--json"),
        file.as_os_str(),
    ]));
    assert_eq!(v["title"], "Horoz dövüşü yaptıran zanlılar yakalandı");
    let sentences: Vec<&str> = v["sentences"]
        .as_array()
        .expect("sentences array")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("horoz dövüşü düzenleyen")),
        "{sentences:#?}"
    );
    assert!(
        !sentences.iter().any(|s| s.contains('\u{c3}')),
        "mojibake left in {sentences:#?}"
    );
}

// 8. eval and train on a small generated labelled file.
fn paragraphs(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| l.len() > 40)
        .map(str::to_owned)
        .collect()
}

/// 30 labelled pairs: pairs within example A get low (similar) gold scores,
/// pairs across A and B high ones, with some variation per pair and dimension.
fn labelled_pairs() -> String {
    let (a, b) = examples();
    let (pa, pb) = (paragraphs(&a), paragraphs(&b));
    assert!(pa.len() >= 5 && pb.len() >= 5, "fixtures changed?");
    let mut out = String::new();
    for i in 0..30 {
        let same = i % 2 == 0;
        let text1 = &pa[i % pa.len()];
        let text2 = if same {
            &pa[(i + 1) % pa.len()]
        } else {
            &pb[i % pb.len()]
        };
        let base = if same { 1.0 } else { 2.5 } + (i % 4) as f64 * 0.5;
        let g = |shift: f64| (base + shift).clamp(1.0, 4.0);
        let row = json!({
            "pair_id": format!("{}_{}", 1000 + i, 2000 + i),
            "lang1": "en",
            "lang2": "en",
            "text1": text1,
            "text2": text2,
            "Overall": g(0.0),
            "Geography": g(-0.5),
            "Entities": g(0.25),
            "Time": g((i % 3) as f64 * 0.5 - 0.5),
            "Narrative": g(0.5),
            "Style": g(-((i % 2) as f64)),
            "Tone": g((i % 5) as f64 * 0.25 - 0.5),
        });
        out.push_str(&row.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn eval_and_train_on_labelled_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "labelled.jsonl", labelled_pairs());

    let table = run_ok([OsStr::new("eval"), OsStr::new("semeval"), data.as_os_str()]);
    assert!(table.contains("Overall"), "{table}");
    let all = table
        .lines()
        .find(|l| l.split_whitespace().next() == Some("all"))
        .unwrap_or_else(|| panic!("no row \"all\" in\n{table}"));
    assert_eq!(
        all.split_whitespace().nth(1),
        Some("30"),
        "pair count in {all:?}"
    );

    let model = dir.path().join("model.json");
    let r = run([
        OsStr::new("train"),
        OsStr::new("semeval"),
        data.as_os_str(),
        OsStr::new("--out"),
        model.as_os_str(),
    ]);
    assert_eq!(r.code, Some(0), "stderr:\n{}", r.stderr);
    assert!(r.stderr.contains("fitted on 30 pairs"), "{}", r.stderr);
    let m = parse_json(&std::fs::read_to_string(&model).expect("model written"));
    let heads = m["heads"].as_array().expect("heads array");
    assert_eq!(heads.len(), 7, "{m}");
    let mut dims: Vec<&str> = heads
        .iter()
        .map(|h| h["dimension"].as_str().expect("dimension name"))
        .collect();
    dims.sort_unstable();
    dims.dedup();
    assert_eq!(dims.len(), 7, "heads repeat a dimension: {dims:?}");
    assert_eq!(m["trained_on"]["pairs"], 30);

    let (a, b) = examples();
    let v = parse_json(&run_ok([
        OsStr::new("compare"),
        OsStr::new("--model"),
        model.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
        OsStr::new("--json"),
    ]));
    assert_scores_in_range(&v);

    // The --model file is really read: a broken one is refused.
    let broken = write(dir.path(), "broken.json", r#"{"format": 1, "features": ["#);
    let stderr = run_fail([
        OsStr::new("compare"),
        OsStr::new("--model"),
        broken.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
    ]);
    assert!(stderr.contains(&broken.display().to_string()), "{stderr}");
    assert!(stderr.contains("invalid scorer model"), "{stderr}");
}

// 9. Quality on the SemEval-2022 Task 8 dev split, when the data is present.
#[test]
fn semeval_dev_overall_pearson() {
    let path = manifest_dir().join("../../../shared/data/semeval2022-task8/dev.jsonl");
    if !path.exists() {
        println!("skipped: SemEval data not found at {}", path.display());
        return;
    }
    let rows = parse_json(&run_ok([
        OsStr::new("eval"),
        OsStr::new("semeval"),
        OsStr::new("--json"),
        path.as_os_str(),
    ]));
    let all = rows
        .as_array()
        .expect("rows array")
        .iter()
        .find(|r| r["group"] == "all")
        .expect("row \"all\"");
    // Columns follow the SemEval order: Overall first.
    let overall = all["pearson"][0].as_f64().expect("Overall Pearson");
    assert!(
        overall >= 0.62,
        "Pearson Overall {overall:.3} over {} pairs is below 0.62",
        all["pairs"]
    );
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    // `storyline analyze FILE | head -1`: the reader is gone before the
    // report is written. Closing our end before the binary writes makes the
    // write fail every time; the command must stop with success and say
    // nothing, not panic.
    let (a, _) = examples();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
        .arg("analyze")
        .arg(&a)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("storyline runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("storyline ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}
