//! The neural path end to end: models found in the cache, the documented
//! fallback to lexical scoring when they are missing or broken, and inputs
//! the models do not cover. Tests that need the installed models skip with
//! a printed reason when `storyline models fetch` has not been run.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/examples")
        .join(name)
}

fn translation(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/translations")
        .join(name)
}

fn installed_models() -> Option<PathBuf> {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .args(["models", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    if text.matches(": installed").count() < 2 {
        println!("skipped: neural models not installed (run `storyline models fetch`)");
        return None;
    }
    let root = text
        .lines()
        .next()?
        .strip_prefix("model cache: ")?
        .split(" (")
        .next()?
        .to_owned();
    Some(PathBuf::from(root))
}

fn compare_json(home: Option<&Path>, a: &Path, b: &Path) -> (serde_json::Value, String) {
    let mut cmd = Command::cargo_bin("storyline").unwrap();
    if let Some(h) = home {
        cmd.env("STORYLINE_HOME", h);
    }
    let out = cmd
        .arg("compare")
        .arg("--json")
        .arg(a)
        .arg(b)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "compare failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

#[test]
fn installed_models_are_used_without_flags() {
    if installed_models().is_none() {
        return;
    }
    let (v, _) = compare_json(
        None,
        &example("000_17f2bfa074d01afa.txt"),
        &example("004_32c51e6b98054cc8.txt"),
    );
    assert_eq!(v["explanation"]["scorer"], "usem3");
    assert_eq!(v["explanation"]["events"]["verdict"], "different-events");
}

#[test]
fn a_translation_is_one_text_in_two_languages_and_scores_one() {
    if installed_models().is_none() {
        return;
    }
    let english = example("000_17f2bfa074d01afa.txt");
    let (v, _) = compare_json(None, &english, &translation("000_17f2bfa074d01afa.de.txt"));
    let share = v["explanation"]["translations"].as_f64().unwrap();
    assert!(share >= 0.6, "most sentences have a counterpart: {share}");
    for dim in ["overall", "narrative", "entities", "geography"] {
        assert_eq!(v[dim].as_f64(), Some(1.0), "{dim}");
    }
    let summary = v["explanation"]["summary"].as_str().unwrap();
    assert!(summary.contains("translates the other"), "{summary}");
    // The German article names Moscow as "Moskau": one place in both.
    let shared = v["explanation"]["places"]["shared"].to_string();
    assert!(shared.contains("Moscow"), "{shared}");

    // A figure changed in translation is reported; the untranslated half
    // of a partial translation is no change.
    let german = std::fs::read_to_string(translation("000_17f2bfa074d01afa.de.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let changed = dir.path().join("changed.txt");
    std::fs::write(&changed, german.replace("mindestens 78", "mindestens 87")).unwrap();
    let (v, _) = compare_json(None, &english, &changed);
    let summary = v["explanation"]["summary"].as_str().unwrap();
    assert!(
        summary.contains("translations differ in their figures") && summary.contains("87"),
        "{summary}"
    );
    let half = dir.path().join("half.txt");
    let lines: Vec<&str> = german.lines().take(9).collect();
    std::fs::write(&half, lines.join("\n")).unwrap();
    let (v, _) = compare_json(None, &english, &half);
    assert!(v["explanation"]["translations"].is_number(), "{v}");
    assert!(v["explanation"].get("copy_edits").is_none(), "{v}");

    // The same German text against the other example, an article on
    // another event with the same places and actors: no translation.
    let (v, _) = compare_json(
        None,
        &translation("000_17f2bfa074d01afa.de.txt"),
        &example("004_32c51e6b98054cc8.txt"),
    );
    assert!(v["explanation"].get("translations").is_none(), "{v}");
    assert!(v["overall"].as_f64().unwrap() > 1.5, "{v}");
}

/// A story told in English and in German translation keeps its English
/// headline, and its translation lets no other event in: the second
/// example (the same places and actors, months later) is a story of its own.
#[test]
fn a_translated_report_joins_its_story_under_the_original_headline() {
    if installed_models().is_none() {
        return;
    }
    let store = tempfile::tempdir().unwrap();
    ingest(store.path(), &example("000_17f2bfa074d01afa.txt"));
    ingest(store.path(), &translation("000_17f2bfa074d01afa.de.txt"));
    ingest(store.path(), &example("004_32c51e6b98054cc8.txt"));
    let stories = stored_stories(store.path());
    assert_eq!(stories.len(), 2, "{stories:?}");
    let call = stories
        .iter()
        .find(|s| s["articles"].as_i64() == Some(2))
        .unwrap_or_else(|| panic!("the call and its translation are one story: {stories:?}"));
    assert!(
        call["headline"].as_str().unwrap().starts_with("Turkish FM"),
        "{call}"
    );
}

#[test]
fn missing_models_fall_back_to_lexical_scoring_with_a_warning() {
    let empty = tempfile::tempdir().unwrap();
    let (v, stderr) = compare_json(
        Some(empty.path()),
        &example("000_17f2bfa074d01afa.txt"),
        &example("004_32c51e6b98054cc8.txt"),
    );
    assert_eq!(v["explanation"]["scorer"], "lexical");
    assert!(
        stderr.contains("models fetch"),
        "the warning says how to get the models: {stderr}"
    );
    let overall = v["overall"].as_f64().unwrap();
    assert!((1.0..=4.0).contains(&overall));
}

#[test]
fn corrupt_weights_are_reported_by_name_and_scoring_falls_back() {
    let Some(root) = installed_models() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("models/usem3");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root.join("usem3/sp.model"), dir.join("sp.model")).unwrap();
    let weights = std::fs::read(root.join("usem3/weights.npz")).unwrap();
    std::fs::write(dir.join("weights.npz"), &weights[..weights.len() / 3]).unwrap();
    let (v, stderr) = compare_json(
        Some(home.path()),
        &example("000_17f2bfa074d01afa.txt"),
        &example("004_32c51e6b98054cc8.txt"),
    );
    assert!(
        stderr.contains("weights.npz"),
        "names the broken file: {stderr}"
    );
    assert_eq!(v["explanation"]["scorer"], "lexical");
}

#[test]
fn uncovered_scripts_huge_and_one_word_articles_are_scored() {
    if installed_models().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Georgian and Amharic are outside the encoder's 16 languages.
    let georgian = dir.path().join("ka.txt");
    std::fs::write(&georgian, "საქართველოს მთავრობამ განაცხადა\n\nთბილისში დღეს შეხვედრა გაიმართა. მინისტრმა ისაუბრა ეკონომიკაზე.").unwrap();
    let amharic = dir.path().join("am.txt");
    std::fs::write(&amharic, "የኢትዮጵያ መንግሥት መግለጫ\n\nበአዲስ አበባ ዛሬ ስብሰባ ተካሄደ።").unwrap();
    let one_word = dir.path().join("one.txt");
    std::fs::write(&one_word, "Idlib").unwrap();
    // About 1 MB of real text: the example article repeated.
    let base = std::fs::read_to_string(example("000_17f2bfa074d01afa.txt")).unwrap();
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, base.repeat(1_000_000 / base.len() + 1)).unwrap();
    let a = example("004_32c51e6b98054cc8.txt");
    for f in [&georgian, &amharic, &one_word, &huge] {
        let start = std::time::Instant::now();
        let (v, _) = compare_json(None, f, &a);
        for dim in [
            "overall",
            "geography",
            "entities",
            "time",
            "narrative",
            "style",
            "tone",
        ] {
            let s = v[dim].as_f64().unwrap();
            assert!((1.0..=4.0).contains(&s), "{}: {dim} = {s}", f.display());
        }
        assert!(
            start.elapsed().as_secs() < 120,
            "{} took {:?}",
            f.display(),
            start.elapsed()
        );
    }
}

#[test]
fn texts_in_a_script_the_encoder_cannot_read_are_compared_by_words_alone() {
    if installed_models().is_none() {
        return;
    }
    // Hindi is outside the encoder's vocabulary: half of its pieces are
    // unknown, and any two Hindi texts used to come out "very similar"
    // (a cricket final and a health emergency, Overall 1.3).
    let dir = tempfile::tempdir().unwrap();
    let cricket = dir.path().join("cricket.txt");
    std::fs::write(&cricket, "भारत ने दक्षिण अफ्रीका को हराकर टी20 विश्व कप जीता\n\nभारत ने शनिवार को बारबडोस के ब्रिजटाउन में खेले गए टी20 विश्व कप के फाइनल में दक्षिण अफ्रीका को सात रन से हराकर खिताब अपने नाम कर लिया। भारत ने पहले बल्लेबाजी करते हुए सात विकेट पर 176 रन बनाए, जिसमें विराट कोहली ने 76 रन की पारी खेली। जवाब में दक्षिण अफ्रीका की टीम आठ विकेट पर 169 रन ही बना सकी।").unwrap();
    let mpox = dir.path().join("mpox.txt");
    std::fs::write(&mpox, "डब्ल्यूएचओ ने एमपॉक्स को अंतरराष्ट्रीय स्वास्थ्य आपातकाल घोषित किया\n\nविश्व स्वास्थ्य संगठन ने बुधवार को अफ्रीका में फैल रहे एमपॉक्स के प्रकोप को अंतरराष्ट्रीय चिंता का सार्वजनिक स्वास्थ्य आपातकाल घोषित कर दिया। जिनेवा में संगठन के महानिदेशक ने कहा कि वायरस का नया स्ट्रेन पड़ोसी देशों तक फैल चुका है। इस साल 15,600 से अधिक मामले सामने आए हैं।").unwrap();
    let (v, stderr) = compare_json(None, &cricket, &mpox);
    assert_eq!(v["explanation"]["scorer"], "lexical", "{stderr}");
    assert!(stderr.contains("script usem3 does not read"), "{stderr}");
    assert!(v["overall"].as_f64().unwrap() >= 2.0, "{v}");
    // An article the encoder reads is still embedded.
    let (v, _) = compare_json(
        None,
        &example("000_17f2bfa074d01afa.txt"),
        &example("004_32c51e6b98054cc8.txt"),
    );
    assert_eq!(v["explanation"]["scorer"], "usem3");
}

#[test]
fn a_translation_reports_the_same_event_across_languages() {
    if installed_models().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    std::fs::write(&en, "Floods in western Germany\n\nAfter heavy rainfall, large parts of Germany are flooded. Chancellor Angela Merkel visited the affected areas in Cologne on Sunday and promised quick help. Rescue teams are still searching for the missing.").unwrap();
    let de = dir.path().join("de.txt");
    std::fs::write(&de, "Hochwasser im Westen Deutschlands\n\nNach heftigen Regenfällen sind große Teile Deutschlands überschwemmt. Bundeskanzlerin Angela Merkel besuchte am Sonntag die betroffenen Gebiete in Köln und sagte schnelle Hilfe zu. Rettungskräfte suchen weiter nach den Vermissten.").unwrap();
    let (v, _) = compare_json(None, &en, &de);
    let events = &v["explanation"]["events"];
    assert_eq!(events["verdict"], "same-event", "{events}");
    assert!(
        events["closest_meaning"].as_f64().unwrap() >= 0.75,
        "{events}"
    );
    let shared = v["explanation"]["places"]["shared"].to_string();
    assert!(
        shared.contains("Germany"),
        "Deutschlands is Germany: {shared}"
    );
}

fn across_languages(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stories_across_languages")
        .join(name)
}

/// Ingest one file into a store, which must succeed.
fn ingest(store: &Path, path: &Path) {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .arg("ingest")
        .arg("--store")
        .arg(store)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The stories of a store, as `storyline stories --json` lists them.
fn stored_stories(store: &Path) -> Vec<serde_json::Value> {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .args(["stories", "--json", "--store"])
        .arg(store)
        .output()
        .unwrap();
    let stories: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    stories.as_array().unwrap().clone()
}

/// A story told only in English still turns away a French report of
/// another fire next door, read across languages by sentence meaning, and
/// takes the French report of its own fire; in either arrival order, in
/// the store and in batch clustering.
#[test]
fn a_report_of_another_event_in_another_language_starts_its_own_story() {
    if installed_models().is_none() {
        return;
    }
    let church_en = across_languages("lyon_church_fire.en.txt");
    let church_fr = across_languages("lyon_church_fire.fr.txt");
    let school_fr = across_languages("villeurbanne_school_fire.fr.txt");
    for order in [
        [&church_en, &school_fr, &church_fr],
        [&school_fr, &church_en, &church_fr],
    ] {
        let store = tempfile::tempdir().unwrap();
        for path in order {
            ingest(store.path(), path);
        }
        let stories = stored_stories(store.path());
        let listed = format!("{order:?}: {stories:#?}");
        assert_eq!(stories.len(), 2, "{listed}");
        let church = stories
            .iter()
            .find(|s| s["headline"].as_str().unwrap().contains("church in Lyon"))
            .unwrap_or_else(|| panic!("{listed}"));
        assert_eq!(church["articles"], 2, "{listed}");
    }

    let docs = tempfile::NamedTempFile::new().unwrap();
    let mut lines = String::new();
    for (id, path) in [
        ("church-en", &church_en),
        ("school-fr", &school_fr),
        ("church-fr", &church_fr),
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        lines += &serde_json::json!({"id": id, "text": text}).to_string();
        lines.push('\n');
    }
    std::fs::write(docs.path(), lines).unwrap();
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .arg("cluster")
        .arg(docs.path())
        .output()
        .unwrap();
    let story: std::collections::HashMap<String, u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_owned(),
                v["story"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(story["church-en"], story["church-fr"], "{story:?}");
    assert_ne!(story["church-en"], story["school-fr"], "{story:?}");
}

/// A story's headline is in the language most of its articles are in,
/// whichever came first: a French report starts the story, two English
/// reports follow, and the headline turns English.
#[test]
fn a_story_is_headed_in_the_language_most_of_its_articles_are_in() {
    if installed_models().is_none() {
        return;
    }
    let store = tempfile::tempdir().unwrap();
    let headline = |name: &str| {
        ingest(store.path(), &across_languages(name));
        let stories = stored_stories(store.path());
        assert_eq!(stories.len(), 1, "{stories:#?}");
        stories[0]["headline"].as_str().unwrap().to_owned()
    };
    let french = headline("lyon_church_fire.fr.txt");
    assert!(french.starts_with("Un incendie"), "{french}");
    // One each: the first keeps the headline.
    assert_eq!(headline("lyon_church_fire.en.txt"), french);
    let english = headline("lyon_church_fire.en2.txt");
    assert!(
        english == "Fire destroys historic church in Lyon"
            || english.starts_with("Bell tower collapses"),
        "{english}"
    );
}

#[test]
fn a_multilingual_stream_groups_reports_of_one_event_across_scripts() {
    if installed_models().is_none() {
        return;
    }
    // 29 reports of 13 events in 9 languages (`gold` is the event).
    let stream = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/streams/multilingual_2024.jsonl");
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .arg("cluster")
        .arg(&stream)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let story = field_by_id(&String::from_utf8_lossy(&out.stdout), "story");
    let gold = field_by_id(&std::fs::read_to_string(&stream).unwrap(), "gold");
    // No story mixes two events: not the Rotterdam fire with the match in
    // Rotterdam that day, not a Hindi report with another.
    for (a, sa) in &story {
        for (b, sb) in &story {
            if sa == sb {
                assert_eq!(gold[a], gold[b], "{a} and {b} share story {sa}");
            }
        }
    }
    // The Japanese report of the landfall joins the English story, the
    // Dutch report of the fire the English one, and the French report of
    // mpox the English wire copy.
    assert_eq!(story["typhoon-ja-0829"], story["typhoon-en-0829"]);
    assert_eq!(story["rdam-fire-nl"], story["rdam-fire-en"]);
    assert_eq!(story["mpox-fr"], story["mpox-outlet-a"]);
}

/// Each JSONL line's `field`, by its `id`.
fn field_by_id(jsonl: &str, field: &str) -> std::collections::HashMap<String, serde_json::Value> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["id"].as_str().unwrap().to_owned(), v[field].clone())
        })
        .collect()
}
