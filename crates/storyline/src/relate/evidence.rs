//! Evidence: what two analyses share and where they differ. Both the scorer's
//! features and the human-readable explanation are built from this, so a
//! report never shows a reason the score did not use.

use crate::analyse::entities::{is_acronym_of, is_plural_of, Entity, EntityKind, PlaceMention};
use crate::analyse::gazetteer::Gazetteer;
use crate::analyse::time::EventTime;
use crate::analyse::Analysis;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Serialize)]
pub struct EntityMatch {
    pub a: String,
    pub b: String,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceEvidence {
    /// Places named in both (same gazetteer entry).
    pub shared: Vec<String>,
    /// Countries both articles are about, directly or through their places.
    pub shared_countries: Vec<String>,
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityEvidence {
    pub shared: Vec<EntityMatch>,
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimeEvidence {
    pub a: EventTime,
    pub b: EventTime,
    /// Years named in both articles.
    pub shared_years: Vec<i32>,
    /// Days between the two event times, when both are fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_apart: Option<i64>,
    /// Days between two datelines that name a month and day but no year,
    /// read in one year (the shorter way round the calendar), when neither
    /// event time is fixed: wire copy of two matches a week apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datelines_days_apart: Option<i64>,
    /// Smallest distance in months between absolute dates of the two, when both name any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest_dates_months_apart: Option<f64>,
    /// A plain sentence on what can and cannot be said.
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentencePair {
    pub a: String,
    pub b: String,
    /// Lexical similarity (shared words, names, places, numbers), 0..1.
    pub similarity: f64,
    /// Cosine of the sentences' embeddings, when both articles have them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning_similarity: Option<f64>,
    /// What they share: words, names, places, numbers.
    pub shared: Vec<String>,
}

/// Signs that two articles report the same event rather than the same
/// setting: the people acting, the figures, sentences retold.
#[derive(Debug, Clone, Serialize)]
pub struct EventEvidence {
    /// People named in both.
    pub shared_people: Vec<String>,
    pub people_only_a: Vec<String>,
    pub people_only_b: Vec<String>,
    /// Numbers in both, years excluded.
    pub shared_figures: Vec<String>,
    /// Similarity of the closest sentence pair (0..1).
    pub closest_sentences: f64,
    /// For articles in two languages, where words cannot be compared: the
    /// embedding cosine of their closest sentence pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest_meaning: Option<f64>,
    /// Neither article names the people the other is most about.
    pub protagonists_differ: bool,
    pub verdict: EventVerdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventVerdict {
    /// Sentences retold or figures repeated: the same event.
    SameEvent,
    /// Same setting, but neither figures nor retold sentences in common.
    DifferentEvents,
    /// Too little evidence either way.
    Undecided,
}

/// Days between two fixed event days from which they are different events.
pub const DIFFERENT_EVENT_DAYS: i64 = 7;
/// A sentence pair this close is a retelling of the same fact.
pub(crate) const RETOLD_SENTENCE: f64 = 0.5;
/// Words besides names, titles and numbers a retold sentence pair shares.
const RETOLD_MIN_WORDS: usize = 3;
/// Below this, no sentence of one article retells one of the other.
const UNRELATED_SENTENCES: f64 = 0.4;
/// The same two bounds on the embedding cosine, for sentences in two
/// languages: a translated sentence lands near 0.8, two sentences on one
/// topic near 0.55 (the example pair's closest, different events).
pub(crate) const RETOLD_MEANING: f64 = 0.75;
const UNRELATED_MEANING: f64 = 0.6;

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Set when the two texts are copies of one another, exact or lightly
    /// edited, as deduplication reads them: the share of their five-word
    /// runs in common.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<f64>,
    /// Set when the two texts are in two languages and one translates the
    /// other: the share of their sentences with a counterpart of the same
    /// meaning in the other (see [`translations`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<f64>,
    /// For copies: the figures and time expressions one has and the other
    /// lacks, the edits a reader of two copies must not miss (a death toll
    /// raised, "Tuesday" made "Wednesday").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_edits: Option<CopyEdits>,
    pub events: EventEvidence,
    pub places: PlaceEvidence,
    pub entities: EntityEvidence,
    pub shared_numbers: Vec<String>,
    pub time: TimeEvidence,
    pub sentence_pairs: Vec<SentencePair>,
    #[serde(skip)]
    pub sentence_similarity: SentenceSimilarity,
}

/// Sentence-level alignment figures, used as features.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceSimilarity {
    /// Highest similarity of any sentence pair.
    pub best: f64,
    /// Highest similarity of a pair that shares [`RETOLD_MIN_WORDS`] words
    /// besides names, titles and numbers (what a retelling shares), from
    /// [`RETOLD_SENTENCE`] up; 0 when no such pair is that close.
    pub best_with_words: f64,
    /// Mean over the sentences of each side of its best match, averaged over both sides.
    pub aligned_mean: f64,
    /// Similarity of the two headings (title, or first sentence).
    pub heading: f64,
}

/// The items of `a` that `b` holds too, in `a`'s order.
fn in_both(a: &[String], b: &[String]) -> Vec<String> {
    let b: HashSet<&String> = b.iter().collect();
    a.iter().filter(|n| b.contains(n)).cloned().collect()
}

pub fn gather(a: &Analysis, b: &Analysis) -> Evidence {
    let places = compare_places(a, b);
    let entities = compare_entities(a, b);
    let shared_numbers = in_both(&a.numbers, &b.numbers);
    let time = compare_time(a, b);
    // The embedding cosines of every sentence pair, computed once: the
    // sentence pairs shown, translations and the event evidence read them.
    let meaning = meaning_similarities(a, b);
    let meaning = meaning.as_deref();
    let (sentence_pairs, sentence_similarity) = align_sentences(a, b, meaning);
    let shared_figures = in_both(&a.figures, &b.figures);
    // The same short text under two different headlines is how one site's
    // cookie wall or paywall reads when two of its pages are scraped, not
    // a copy of a story: short copies must share their headline too. A
    // long text syndicated under a new headline is a copy all the same.
    let long = |an: &Analysis| an.style.words >= COPY_WORDS_ANY_HEADLINE;
    let copies =
        copies(a, b).filter(|_| sentence_similarity.heading >= COPY_HEADLINE || long(a) && long(b));
    let translated = copies
        .is_none()
        .then(|| translations(a, b, meaning?))
        .flatten();
    let translations = translated.as_ref().map(|t| t.0);
    // A copy republished a week later reports the same event.
    let events = compare_events(
        a,
        b,
        &entities,
        shared_figures,
        sentence_similarity,
        meaning,
        time.days_apart
            .or(time.datelines_days_apart)
            .filter(|_| copies.is_none() && translations.is_none()),
    );
    let copy_edits = if copies.is_some() {
        copy_edits(a, b)
    } else if let Some((_, pairs)) = &translated {
        translation_edits(a, b, pairs)
    } else {
        None
    };
    Evidence {
        copies,
        translations,
        copy_edits,
        events,
        places,
        entities,
        shared_numbers,
        time,
        sentence_pairs,
        sentence_similarity,
    }
}

/// What one copy says that the other does not, in figures and times.
#[derive(Debug, Clone, Serialize)]
pub struct CopyEdits {
    pub figures_only_a: Vec<String>,
    pub figures_only_b: Vec<String>,
    pub times_only_a: Vec<String>,
    pub times_only_b: Vec<String>,
}

fn copy_edits(a: &Analysis, b: &Analysis) -> Option<CopyEdits> {
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|n| !y.contains(n)).cloned().collect()
    };
    let times =
        |an: &Analysis| -> Vec<String> { an.times.iter().map(|t| t.text.clone()).collect() };
    let (ta, tb) = (times(a), times(b));
    let edits = CopyEdits {
        figures_only_a: only(&a.figures, &b.figures),
        figures_only_b: only(&b.figures, &a.figures),
        times_only_a: only(&ta, &tb),
        times_only_b: only(&tb, &ta),
    };
    let any = [
        &edits.figures_only_a,
        &edits.figures_only_b,
        &edits.times_only_a,
        &edits.times_only_b,
    ]
    .iter()
    .any(|v| !v.is_empty());
    any.then_some(edits)
}

/// What a translation changed: the figures of each sentence that its
/// counterpart (`pairs`, sentence indexes of `a` and `b`) lacks. Sentence
/// by sentence, so that what one text has and the other never translated
/// (a partial translation) is no edit; times are left out, as two
/// languages' time expressions are not found alike ("one day after" has
/// no German reading here).
fn translation_edits(a: &Analysis, b: &Analysis, pairs: &[(usize, usize)]) -> Option<CopyEdits> {
    let figures = |an: &Analysis, i: usize| -> Vec<String> {
        an.sentences[i]
            .anchors
            .iter()
            .filter_map(|x| x.strip_prefix("n:"))
            .filter(|n| an.figures.iter().any(|f| f == n))
            .map(str::to_owned)
            .collect()
    };
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    for &(i, j) in pairs {
        let (fa, fb) = (figures(a, i), figures(b, j));
        only_a.extend(fa.iter().filter(|n| !fb.contains(n)).cloned());
        only_b.extend(fb.iter().filter(|n| !fa.contains(n)).cloned());
    }
    for v in [&mut only_a, &mut only_b] {
        v.sort();
        v.dedup();
    }
    (!only_a.is_empty() || !only_b.is_empty()).then_some(CopyEdits {
        figures_only_a: only_a,
        figures_only_b: only_b,
        times_only_a: Vec::new(),
        times_only_b: Vec::new(),
    })
}

/// Embedding cosine from which a sentence in another language says the
/// same: the sentences of a German translation of the first example
/// article land at 0.64 to 0.98 from their English originals (12 of 14 at
/// 0.65 or more), two sentences on one topic near 0.55 ([`RETOLD_MEANING`]
/// is the bar for one retold fact).
const TRANSLATED_SENTENCE: f64 = 0.65;
/// Share of the sentences of both texts that must have such a counterpart.
/// In the 96 German-English SemEval train pairs the share never passes
/// 0.2; the translation above reaches 0.86.
const TRANSLATED_SHARE: f64 = 0.6;
/// Share of the shorter text's sentences that makes it a translated excerpt
/// of the longer one, and the sentences it needs for that: a short summary
/// in another language retells most of its few sentences too.
const TRANSLATED_EXCERPT_SHARE: f64 = 0.8;
const TRANSLATED_EXCERPT_MIN_SENTENCES: usize = 5;
/// Sentences each text needs before it is judged a translation: with fewer,
/// one shared quotation or headline would decide it.
const TRANSLATED_MIN_SENTENCES: usize = 3;

/// The embedding cosines of every sentence pair of two articles (rows: the
/// sentences of `a`), when both were embedded by one encoder.
fn meaning_similarities(a: &Analysis, b: &Analysis) -> Option<Vec<Vec<f64>>> {
    let (ea, eb) = (a.embedding.as_ref()?, b.embedding.as_ref()?);
    (ea.encoder == eb.encoder)
        .then(|| super::features::sentence_similarities(&ea.sentences, &eb.sentences))
}

/// The share of the sentences of two texts in two languages that pair off
/// one to one with a sentence of the same meaning in the other (`meaning`:
/// their embedding cosines), and those pairs, when one translates the
/// other (as a whole, or the shorter as an excerpt of the longer), else
/// `None`.
fn translations(
    a: &Analysis,
    b: &Analysis,
    meaning: &[Vec<f64>],
) -> Option<(f64, Vec<(usize, usize)>)> {
    let (na, nb) = (meaning.len(), meaning.first().map_or(0, Vec::len));
    if a.language.code == b.language.code
        || na < TRANSLATED_MIN_SENTENCES
        || nb < TRANSLATED_MIN_SENTENCES
    {
        return None;
    }
    // Each sentence pairs once, closest pairs first: one sentence of a
    // summary close to many of the article is one match, not many.
    let mut cells: Vec<(usize, usize, f64)> = meaning
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().enumerate().map(move |(j, &m)| (i, j, m)))
        .filter(|&(_, _, m)| m >= TRANSLATED_SENTENCE)
        .collect();
    cells.sort_by(|x, y| y.2.total_cmp(&x.2));
    let (mut used_a, mut used_b) = (vec![false; na], vec![false; nb]);
    let mut pairs = Vec::new();
    for (i, j, _) in cells {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    let n = pairs.len() as f64;
    let (share_a, share_b) = (n / na as f64, n / nb as f64);
    let whole = share_a.min(share_b) >= TRANSLATED_SHARE;
    let excerpt = na.min(nb) >= TRANSLATED_EXCERPT_MIN_SENTENCES
        && share_a.max(share_b) >= TRANSLATED_EXCERPT_SHARE;
    (whole || excerpt).then(|| {
        let share = crate::relate::scores::round2(2.0 * n / (na + nb) as f64);
        (share, pairs)
    })
}

/// Lexical similarity of two headlines at or above which two texts that
/// resemble each other as copies do are taken for copies of one story.
const COPY_HEADLINE: f64 = 0.5;
/// Words from which two texts that are copies are copies of one story
/// whatever their headlines. The scraped cookie walls and paywalls of the
/// SemEval files run 40 to 161 words; syndicated news reports are longer.
const COPY_WORDS_ANY_HEADLINE: usize = 200;

/// The resemblance of two texts that are copies of one another (the
/// measure and thresholds of near-duplicate detection), else `None`.
pub fn copies(a: &Analysis, b: &Analysis) -> Option<f64> {
    use crate::index::fingerprint::{near_duplicate, shingles, words, MIN_WORDS};
    let shingled = |an: &Analysis| {
        let text: Vec<&str> = an.sentences.iter().map(|s| s.text.as_str()).collect();
        let w = words(&text.join("\n"));
        (w.len() >= MIN_WORDS).then(|| shingles(&w))
    };
    near_duplicate(&shingled(a)?, &shingled(b)?)
}

/// Display name of a place in the (English) report: the way an English
/// text wrote it when that was a name rather than an adjective ("Turkey",
/// not the gazetteer's "Türkiye"), else the gazetteer's name ("Warsaw",
/// not the Polish "Warszawie" or the Russian "Варшава").
fn place_label(p: &PlaceMention, lang: &str) -> String {
    // "Iran (Iranian)"; "the Philippines", read as an adjective by the
    // gazetteer, is just "Philippines".
    if p.adjective_only && p.surfaces.iter().any(|s| !s.eq_ignore_ascii_case(&p.name)) {
        format!("{} ({})", p.name, p.surfaces.join(", "))
    } else if lang == "en" {
        p.display.clone()
    } else {
        p.name.clone()
    }
}

fn compare_places(a: &Analysis, b: &Analysis) -> PlaceEvidence {
    let (lang_a, lang_b) = (a.language.code.as_str(), b.language.code.as_str());
    let (a, b) = (a.places.as_slice(), b.places.as_slice());
    let gaz = Gazetteer::get();
    let ids_b: HashSet<u32> = b.iter().map(|p| p.place).collect();
    let ids_a: HashSet<u32> = a.iter().map(|p| p.place).collect();
    let countries = |ps: &[PlaceMention]| -> HashSet<u32> {
        ps.iter().filter_map(|p| gaz.country_of(p.place)).collect()
    };
    let (ca, cb) = (countries(a), countries(b));
    let both: HashSet<u32> = ca.intersection(&cb).copied().collect();
    // A country is shown as either text wrote it ("Turkey", not the
    // gazetteer's "Türkiye"), so one country never reads as two.
    let country_label = |c: u32| {
        let named = |side: &[PlaceMention], lang: &str| {
            side.iter()
                .find(|p| p.place == c && !p.adjective_only)
                .map(|p| place_label(p, lang))
        };
        let (in_a, in_b) = (named(a, lang_a), named(b, lang_b));
        let english_b = if lang_b == "en" { in_b.clone() } else { None };
        english_b
            .or(in_a)
            .or(in_b)
            .unwrap_or_else(|| gaz.place(c).name.clone())
    };
    // A place both name is shown as the English article wrote it, if one
    // is English.
    let shared_label = |p: &PlaceMention| {
        let in_b = b.iter().find(|q| q.place == p.place && !q.adjective_only);
        match in_b {
            Some(q) if lang_b == "en" && lang_a != "en" => place_label(q, lang_b),
            _ => place_label(p, lang_a),
        }
    };
    let mut shared_countries: Vec<String> = both.iter().map(|&c| country_label(c)).collect();
    shared_countries.sort();
    // A country that both articles are in is shared, even when one names
    // only its towns: it is not "only in" the other.
    let only = |side: &[PlaceMention], lang: &str, other: &HashSet<u32>| -> Vec<String> {
        side.iter()
            .filter(|p| !other.contains(&p.place) && !both.contains(&p.place))
            .map(|p| place_label(p, lang))
            .collect()
    };
    PlaceEvidence {
        shared: a
            .iter()
            .filter(|p| ids_b.contains(&p.place))
            .map(shared_label)
            .collect(),
        shared_countries,
        only_a: only(a, lang_a, &ids_b),
        only_b: only(b, lang_b, &ids_a),
    }
}

/// How two folded name keys may refer to one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMatch {
    /// The same key.
    Same,
    /// One is a single word, the other's last word ("assad" / "bashar assad").
    Surname,
    /// One is a single word of four letters or more inside the other
    /// ("lohan" / "lindsay lohan reid"), or the other's words without some
    /// before the last ("tayyip erdogan" / "recep tayyip erdogan").
    Contained,
    /// Nothing in the keys ties them.
    Unrelated,
}

/// Compare two folded name keys (words separated by single spaces).
pub fn match_keys(a: &str, b: &str) -> KeyMatch {
    use crate::lexicon::fold::is_cyrillic_key;
    if a == b {
        return KeyMatch::Same;
    }
    // Folded Latin keys are ASCII; a key in another script (Cyrillic,
    // Greek, Arabic) meets a Latin one through its romanised form.
    if a.is_ascii() != b.is_ascii() {
        use crate::lexicon::fold::romanised;
        let (ra, rb) = (romanised(a), romanised(b));
        // Short romanised keys collide by chance ("li", "ali").
        let long_enough = |k: &str| k.chars().filter(char::is_ascii_alphabetic).count() >= 4;
        if !(long_enough(&ra) && long_enough(&rb)) {
            return KeyMatch::Unrelated;
        }
        return match match_keys(&ra, &rb) {
            KeyMatch::Unrelated if is_cyrillic_key(a) || is_cyrillic_key(b) => {
                undeclined_match(&ra, &rb)
            }
            m => m,
        };
    }
    if is_cyrillic_key(a) && is_cyrillic_key(b) {
        use crate::lexicon::fold::romanised;
        return match match_keys(&romanised(a), &romanised(b)) {
            KeyMatch::Unrelated => undeclined_match(&romanised(a), &romanised(b)),
            m => m,
        };
    }
    if same_name_transliterated(a, b) {
        return KeyMatch::Same;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.contains(' ') {
        // "tayyip erdogan" in "recep tayyip erdogan": the same last word,
        // the other words in order (a middle name left out).
        let (sw, lw): (Vec<&str>, Vec<&str>) =
            (short.split(' ').collect(), long.split(' ').collect());
        let mut rest = lw.iter();
        let in_order = sw.iter().all(|w| rest.any(|l| l == w));
        return if sw.last() == lw.last() && sw.len() < lw.len() && in_order {
            KeyMatch::Contained
        } else {
            KeyMatch::Unrelated
        };
    }
    if !long.contains(' ') {
        return KeyMatch::Unrelated;
    }
    if long.rsplit(' ').next() == Some(short) {
        KeyMatch::Surname
    } else if short.len() >= 4 && long.split(' ').any(|w| w == short) {
        KeyMatch::Contained
    } else {
        KeyMatch::Unrelated
    }
}

/// Two romanised keys, one of them written in Cyrillic, compared without
/// their case endings: "Елену Сорокину" is "Yelena Sorokina" and
/// "Сорокиной" her surname. Words of four letters or more only keep their
/// stems apart enough.
fn undeclined_match(ra: &str, rb: &str) -> KeyMatch {
    use crate::lexicon::fold::{without_case_endings, without_initial_iotation};
    let stems = |k: &str| without_case_endings(&without_initial_iotation(k));
    let long_words = |k: &str| k.split(' ').all(|w| w.len() >= 4);
    if !(long_words(ra) && long_words(rb)) {
        return KeyMatch::Unrelated;
    }
    match match_keys(&stems(ra), &stems(rb)) {
        KeyMatch::Contained => KeyMatch::Unrelated,
        m => m,
    }
}

/// One surname after given names transliterated two ways from another
/// script: "Yelena Sorokina" / "Elena Sorokina", "Sergei Lavrov" / "Sergey
/// Lavrov", "Dmitri" / "Dmitry". The surname must be written alike; each
/// given name may differ only as transliterations do: "y" for "i", an
/// initial "Ye" for "E". Nothing looser: within one language "Jan" and
/// "Ian", "Hanna" and "Anna" are different people.
fn same_name_transliterated(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let skeleton = |w: &str| {
        // "ie" is the romanised form of "ye" (Cyrillic "Е" as some write it).
        let w = match w.strip_prefix("ye").or_else(|| w.strip_prefix("ie")) {
            Some(rest) if rest.len() >= 2 => format!("e{rest}"),
            _ => w.to_owned(),
        };
        w.replace('y', "i")
    };
    wa.len() >= 2
        && wa.len() == wb.len()
        && wa.last() == wb.last()
        && wa
            .iter()
            .zip(&wb)
            .all(|(x, y)| x == y || skeleton(x) == skeleton(y))
}

/// Two names refer to the same entity: same key, or one is the other's
/// surname or a shorter form contained in it ("Assad" / "Bashar Assad").
pub fn same_entity(a: &Entity, b: &Entity) -> bool {
    // Containment ("Assad" in "Bashar Assad") only for people and unknown
    // kinds: "Foreign Ministry" is not "Russian Foreign Ministry".
    let personal = |e: &Entity| matches!(e.kind, EntityKind::Person | EntityKind::Other);
    match match_keys(&a.key, &b.key) {
        KeyMatch::Same => true,
        KeyMatch::Surname | KeyMatch::Contained if personal(a) && personal(b) => true,
        // "the Oscars" and "an Oscar": one-word names of things.
        _ if a.kind != EntityKind::Person
            && b.kind != EntityKind::Person
            && (is_plural_of(&a.key, &b.key) || is_plural_of(&b.key, &a.key)) =>
        {
            true
        }
        // An acronym for what the other spells out ("NATO", "North Atlantic
        // Treaty Organization").
        _ if b.kind != EntityKind::Person && is_acronym_of(&a.name, &b.key)
            || a.kind != EntityKind::Person && is_acronym_of(&b.name, &a.key) =>
        {
            true
        }
        // Aliases seen in either text count too.
        _ => {
            a.aliases
                .iter()
                .any(|x| crate::lexicon::fold::fold(x) == b.key)
                || b.aliases
                    .iter()
                    .any(|x| crate::lexicon::fold::fold(x) == a.key)
        }
    }
}

/// Two names in two languages (`a` in `lang_a`) refer to one person or
/// thing: as [`same_entity`], or by their keys read across languages
/// ("Sergey Lavrov" / "Sergej Lawrow"), allowing a German genitive "s" on
/// the German side ("Assads").
fn same_entity_across_languages(a: &Entity, b: &Entity, lang_a: &str, lang_b: &str) -> bool {
    use crate::lexicon::fold::{across_languages, german_s};
    if same_entity(a, b) {
        return true;
    }
    let organisation = |e: &Entity| e.kind == EntityKind::Organisation;
    let (mut ka, mut kb) = (across_languages(&a.key), across_languages(&b.key));
    if lang_a == "de" || lang_b == "de" {
        (ka, kb) = (german_s(&ka), german_s(&kb));
    }
    let long_enough = |k: &str| k.chars().filter(char::is_ascii_alphabetic).count() >= 4;
    if organisation(a) || organisation(b) || !long_enough(&ka) || !long_enough(&kb) {
        return false;
    }
    let genitive = |x: &str, lang: &str, y: &str| lang == "de" && x.strip_suffix('s') == Some(y);
    if genitive(&ka, lang_a, &kb) || genitive(&kb, lang_b, &ka) {
        return true;
    }
    matches!(
        match_keys(&ka, &kb),
        KeyMatch::Same | KeyMatch::Surname | KeyMatch::Contained
    )
}

/// Two names, `x` in `lang_x` and `y` in `lang_y`, refer to one person or
/// thing: within one language as [`same_entity`] reads them (spellings
/// stay apart), across two also by their keys read across languages.
pub fn same_entity_in(x: &Entity, lang_x: &str, y: &Entity, lang_y: &str) -> bool {
    if lang_x == lang_y {
        same_entity(x, y)
    } else {
        same_entity_across_languages(x, y, lang_x, lang_y)
    }
}

fn compare_entities(an_a: &Analysis, an_b: &Analysis) -> EntityEvidence {
    let (a, b) = (&an_a.entities, &an_b.entities);
    let (lang_a, lang_b) = (an_a.language.code.as_str(), an_b.language.code.as_str());
    let same = |x: &Entity, y: &Entity| same_entity_in(x, lang_a, y, lang_b);
    let mut used_b = vec![false; b.len()];
    let mut shared = Vec::new();
    let mut only_a = Vec::new();
    for ea in a {
        match b
            .iter()
            .enumerate()
            .find(|(j, eb)| !used_b[*j] && same(ea, eb))
        {
            Some((j, eb)) => {
                used_b[j] = true;
                let kind = if ea.kind == EntityKind::Other {
                    eb.kind
                } else {
                    ea.kind
                };
                shared.push(EntityMatch {
                    a: ea.name.clone(),
                    b: eb.name.clone(),
                    kind,
                });
            }
            None => only_a.push(ea.name.clone()),
        }
    }
    let only_b = b
        .iter()
        .zip(&used_b)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| e.name.clone())
        .collect();
    EntityEvidence {
        shared,
        only_a,
        only_b,
    }
}

fn compare_events(
    a: &Analysis,
    b: &Analysis,
    entities: &EntityEvidence,
    shared_figures: Vec<String>,
    sentences: SentenceSimilarity,
    meaning: Option<&[Vec<f64>]>,
    days_apart: Option<i64>,
) -> EventEvidence {
    let people = |x: &Analysis| -> Vec<String> {
        x.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.clone())
            .collect()
    };
    let shared_people: Vec<String> = entities
        .shared
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.a.clone())
        .collect();
    let shared_b: Vec<&String> = entities
        .shared
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| &m.b)
        .collect();
    let people_only_a = people(a)
        .into_iter()
        .filter(|p| !shared_people.contains(p))
        .collect();
    let people_only_b = people(b)
        .into_iter()
        .filter(|p| !shared_b.contains(&p))
        .collect();
    let figure_weight: f64 = shared_figures.iter().map(|n| figure_specificity(n)).sum();
    // The embedding cosine of the closest sentence pair.
    let closest_meaning = meaning
        .filter(|_| a.language.code != b.language.code)
        .and_then(|m| m.iter().flatten().copied().reduce(f64::max));
    // Across languages the words differ, and two sentences meet only in
    // their names, places and numbers: the same actors in another event
    // meet as well. There only the sentence embeddings can tell a retold
    // sentence, and without them nothing says the sentences are unrelated.
    let same_language = a.language.code == b.language.code;
    let closest = sentences.best;
    // A sentence retold shares its words, not only its names and the
    // titles before them: "El presidente de la Generalitat Valenciana,
    // Carlos Mazón, pidió ..." opens reports of a flood and of a strike.
    let retold = same_language && sentences.best_with_words >= RETOLD_SENTENCE
        || closest_meaning.is_some_and(|m| m >= RETOLD_MEANING);
    let unrelated = (same_language || closest_meaning.is_some())
        && closest < UNRELATED_SENTENCES
        && closest_meaning.is_none_or(|m| m < UNRELATED_MEANING);
    // Two reports about the same person may be one event told in other
    // words ("Tara Reid checks into rehab" twice): no verdict of difference.
    let protagonist_shared =
        !protagonists_unknown_to(a, b, false) || !protagonists_unknown_to(b, a, false);
    // Events whose days are fixed a week or more apart are two events,
    // whatever background sentences and figures their reports repeat.
    let verdict = if days_apart.is_some_and(|d| d >= DIFFERENT_EVENT_DAYS) {
        EventVerdict::DifferentEvents
    } else if retold || figure_weight >= SAME_EVENT_FIGURES {
        EventVerdict::SameEvent
    } else if unrelated && figure_weight < TELLING_FIGURE && !protagonist_shared {
        EventVerdict::DifferentEvents
    } else {
        EventVerdict::Undecided
    };
    EventEvidence {
        shared_people,
        people_only_a,
        people_only_b,
        shared_figures,
        closest_sentences: crate::relate::scores::round2(closest),
        closest_meaning: closest_meaning.map(crate::relate::scores::round2),
        protagonists_differ: people_differ(a, b),
        verdict,
    }
}

/// The protagonists differ: on each side, none of the most-mentioned
/// people is named by the other article. The protagonist decides, not the
/// whole cast: a head of state named in the background of both does not
/// make two events one, and a misread name ("Pacific Coast Highway" taken
/// for a person) in one report does not make two reports of one event
/// different. A name the analyser left untyped ("Lohan" alone) counts as a
/// person when the other article names that person.
pub fn people_differ(a: &Analysis, b: &Analysis) -> bool {
    protagonists_unknown_to(a, b, true) && protagonists_unknown_to(b, a, true)
}

/// None of the people `side` mentions most is named by `other`. With
/// `needs_people`, a side that names no people is no evidence (false);
/// without, it has no protagonist to share (true).
fn protagonists_unknown_to(side: &Analysis, other: &Analysis, needs_people: bool) -> bool {
    let (lang, other_lang) = (side.language.code.as_str(), other.language.code.as_str());
    let named_by_other = |e: &Entity| {
        other
            .entities
            .iter()
            .find(|o| same_entity_in(e, lang, o, other_lang))
    };
    let people: Vec<(&Entity, bool)> = side
        .entities
        .iter()
        .filter_map(|e| {
            let match_kind = named_by_other(e).map(|o| o.kind);
            let person = e.kind == EntityKind::Person
                || (e.kind == EntityKind::Other && match_kind == Some(EntityKind::Person));
            person.then_some((e, match_kind.is_some()))
        })
        .collect();
    let Some(top) = people.iter().map(|(e, _)| e.mentions).max() else {
        return !needs_people;
    };
    people
        .iter()
        .filter(|(e, _)| e.mentions == top)
        .all(|(_, known)| !known)
}

/// Weight of shared figures that makes two reports one event: two specific
/// ones, or six small ones.
const SAME_EVENT_FIGURES: f64 = 2.0;

/// Weight of one specific figure: reports that share less (at most two
/// small figures) may be of different events.
const TELLING_FIGURE: f64 = 1.0;

/// How much one shared figure says that two reports tell the same event:
/// a two-digit number ("10-yard", "12 minutes") turns up in most reports of
/// a kind, a longer or decimal one ("364 yards", "7.8") rarely by chance.
fn figure_specificity(n: &str) -> f64 {
    if n.len() >= 3 {
        1.0
    } else {
        1.0 / 3.0
    }
}

fn absolute_years(a: &Analysis) -> HashSet<i32> {
    a.times.iter().filter_map(|t| t.value.year()).collect()
}

fn compare_time(a: &Analysis, b: &Analysis) -> TimeEvidence {
    let (ya, yb) = (absolute_years(a), absolute_years(b));
    let mut shared_years: Vec<i32> = ya.intersection(&yb).copied().collect();
    shared_years.sort();
    let fixed = |t: &EventTime| match t {
        EventTime::Fixed { date, .. } => Some(*date),
        EventTime::Unfixed { .. } => None,
    };
    let days_apart = match (fixed(&a.event_time), fixed(&b.event_time)) {
        (Some(x), Some(y)) => Some((x - y).num_days().abs()),
        _ => None,
    };
    let idx = |an: &Analysis| -> Vec<f64> {
        an.times
            .iter()
            .filter_map(|t| t.value.month_index())
            .collect()
    };
    let (ia, ib) = (idx(a), idx(b));
    let closest = ia
        .iter()
        .flat_map(|x| ib.iter().map(move |y| (x - y).abs()))
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.min(d))));
    let datelines_days_apart = match days_apart {
        None => days_apart_in_one_year(a, b),
        Some(_) => None,
    };
    let day = |m: u32, d: u32| {
        let month = chrono::Month::try_from(m as u8).map_or("?", |m| m.name());
        format!("{month} {d}")
    };
    let summary = match (days_apart, &a.event_time, &b.event_time) {
        (Some(0), _, _) => "Both articles report events of the same day.".to_owned(),
        (Some(d), _, _) => format!("The events reported are {} apart.", days_words(d)),
        (None, _, _) if datelines_days_apart.is_some() => {
            let ((ma, da), (mb, db)) = (
                month_and_day(a).unwrap_or_default(),
                month_and_day(b).unwrap_or_default(),
            );
            format!(
                "A dateline names no year ({}, {}): read in one year, the reports are {} apart.",
                day(ma, da),
                day(mb, db),
                days_words(datelines_days_apart.unwrap_or_default())
            )
        }
        (None, EventTime::Unfixed { .. }, EventTime::Unfixed { .. }) => {
            "The time of the events cannot be fixed for either article (no publication date, no dated lead); only the expressions listed are known.".to_owned()
        }
        (None, EventTime::Unfixed { .. }, _) => {
            "The time of the events in the first article cannot be fixed, so the distance in time is unknown.".to_owned()
        }
        _ => "The time of the events in the second article cannot be fixed, so the distance in time is unknown.".to_owned(),
    };
    TimeEvidence {
        a: a.event_time.clone(),
        b: b.event_time.clone(),
        shared_years,
        days_apart,
        datelines_days_apart,
        closest_dates_months_apart: closest,
        summary,
    }
}

/// "1 day", "7 days".
pub fn days_words(d: i64) -> String {
    if d == 1 {
        "1 day".to_owned()
    } else {
        format!("{d} days")
    }
}

/// Month and day of an article's event: of its fixed event day, else of a
/// dateline that names no year.
fn month_and_day(a: &Analysis) -> Option<(u32, u32)> {
    use chrono::Datelike;
    match &a.event_time {
        EventTime::Fixed { date, .. } => Some((date.month(), date.day())),
        EventTime::Unfixed { .. } => a.dateline_day,
    }
}

/// Days between the events of two articles when one or both are known only
/// by a dateline that names no year, read in one year (the shorter way
/// round the calendar); `None` when either has neither, or when both event
/// days are fixed (then their difference says it).
pub fn days_apart_in_one_year(a: &Analysis, b: &Analysis) -> Option<i64> {
    let fixed = |x: &Analysis| matches!(x.event_time, EventTime::Fixed { .. });
    if fixed(a) && fixed(b) {
        return None;
    }
    yearless_days_apart(month_and_day(a)?, month_and_day(b)?)
}

/// Days between two (month, day) pairs read in one common year, the
/// shorter way round the calendar ("Dec 30" and "Jan 2" are 3 days apart).
fn yearless_days_apart((ma, da): (u32, u32), (mb, db): (u32, u32)) -> Option<i64> {
    // A leap year holds every day a dateline may name (Feb 29).
    use chrono::Datelike;
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d).map(|x| i64::from(x.ordinal()));
    let gap = (day(ma, da)? - day(mb, db)?).abs();
    Some(gap.min(366 - gap))
}

/// Match sentences by weighted overlap of stems and anchors (names, places,
/// numbers), so sentence pairs are found across languages too.
/// Words a sentence needs to be shown as one of the most similar pairs.
const SHOWN_PAIR_MIN_WORDS: usize = 4;

fn words_in(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A date line ("Published: 12 May 2024", "Updated Tuesday, 14:05"): at
/// most one word besides numbers and month and weekday names.
fn only_a_date(text: &str) -> bool {
    let cal = crate::lexicon::calendar::Calendar::get();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(crate::lexicon::fold::fold)
        .filter(|w| cal.month(w).is_none() && cal.weekday(w).is_none())
        .count()
        <= 1
}

fn align_sentences(
    a: &Analysis,
    b: &Analysis,
    meaning: Option<&[Vec<f64>]>,
) -> (Vec<SentencePair>, SentenceSimilarity) {
    let total = (a.sentences.len() + b.sentences.len()) as f64;
    let mut df: HashMap<&str, f64> = HashMap::new();
    for s in a.sentences.iter().chain(&b.sentences) {
        let uniq: HashSet<&str> = s
            .terms
            .iter()
            .chain(&s.anchors)
            .map(String::as_str)
            .collect();
        for t in uniq {
            *df.entry(t).or_default() += 1.0;
        }
    }
    let idf = |t: &str| (1.0 + total / df.get(t).copied().unwrap_or(1.0)).ln();
    // Terms weigh by general rarity times in-pair idf; anchors (names,
    // places, numbers) hold across languages and paraphrase, so they weigh
    // as the rarest words.
    fn vector<'s>(
        s: &'s crate::analyse::Sentence,
        doc: &Analysis,
        idf: &dyn Fn(&str) -> f64,
    ) -> HashMap<&'s str, f64> {
        let mut v: HashMap<&str, f64> = HashMap::new();
        for t in &s.terms {
            let rarity = doc.terms.get(t).map_or(3.0, |x| x.weight as f64);
            *v.entry(t.as_str()).or_default() += rarity * idf(t);
        }
        for t in &s.anchors {
            *v.entry(t.as_str()).or_default() += 6.0 * idf(t);
        }
        v
    }
    let va: Vec<_> = a.sentences.iter().map(|s| vector(s, a, &idf)).collect();
    let vb: Vec<_> = b.sentences.iter().map(|s| vector(s, b, &idf)).collect();
    let mut sims = vec![vec![0.0; vb.len()]; va.len()];
    for (i, x) in va.iter().enumerate() {
        for (j, y) in vb.iter().enumerate() {
            sims[i][j] = cosine(x, y);
        }
    }
    let heading = match (va.first(), vb.first()) {
        (Some(x), Some(y)) => cosine(x, y),
        _ => 0.0,
    };
    let name_words = |an: &Analysis| -> HashSet<String> {
        let lang = an.language.code.as_str();
        // Names, and the roles the analyser read before them ("el
        // presidente de la Generalitat"): terms are stems, which the title
        // lists do not hold.
        an.entities
            .iter()
            .map(|e| e.key.as_str())
            .chain(an.entities.iter().filter_map(|e| e.role.as_deref()))
            .chain(
                an.places
                    .iter()
                    .flat_map(|p| p.surfaces.iter().map(String::as_str)),
            )
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(|w| crate::analyse::terms::stem(lang, &crate::lexicon::fold::fold(w)))
            .collect()
    };
    let (names_a, names_b) = (name_words(a), name_words(b));
    let cues = crate::lexicon::cues::Cues::get();
    let words_in_both = |i: usize, j: usize| -> usize {
        let theirs: HashSet<&String> = b.sentences[j].terms.iter().collect();
        let mut shared: Vec<&String> = a.sentences[i]
            .terms
            .iter()
            .filter(|t| theirs.contains(t))
            .filter(|t| !names_a.contains(*t) && !names_b.contains(*t))
            .filter(|t| !cues.is_person_title(t))
            .collect();
        shared.sort();
        shared.dedup();
        shared.len()
    };
    // Only pairs close enough to be retold are looked into: the words of
    // the rest do not matter.
    let mut best_with_words: f64 = 0.0;
    for (i, row) in sims.iter().enumerate() {
        for (j, &sim) in row.iter().enumerate() {
            if sim >= RETOLD_SENTENCE
                && sim > best_with_words
                && words_in_both(i, j) >= RETOLD_MIN_WORDS
            {
                best_with_words = sim;
            }
        }
    }
    let stats = SentenceSimilarity {
        best_with_words,
        best: sims.iter().flatten().copied().fold(0.0, f64::max),
        aligned_mean: crate::relate::features::aligned_mean(&sims, vb.len()),
        heading,
    };

    // The top pairs, each sentence used once. With sentence embeddings the
    // ranking is by meaning (it works across languages and paraphrase);
    // otherwise by the lexical similarity.
    let meaning_at = |i: usize, j: usize| -> Option<f64> {
        meaning
            .and_then(|m| m.get(i).and_then(|r| r.get(j)))
            .copied()
    };
    let mut cells: Vec<(usize, usize, f64)> = sims
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.iter().enumerate().map(move |(j, &s)| (i, j, s)))
        .map(|(i, j, s)| {
            (
                i,
                j,
                if meaning.is_some() {
                    meaning_at(i, j).unwrap_or(0.0)
                } else {
                    s
                },
            )
        })
        .filter(|&(_, _, s)| {
            s >= if meaning.is_some() {
                MEANING_SHOWN
            } else {
                0.2
            }
        })
        .collect();
    cells.sort_by(|x, y| y.2.total_cmp(&x.2));
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (i, j, _) in cells {
        if pairs.len() == 3 {
            break;
        }
        if used_a.contains(&i) || used_b.contains(&j) {
            continue;
        }
        let (sa, sb) = (&a.sentences[i], &b.sentences[j]);
        // A picture credit, "(AA Photo)" / "(AA Foto)", is no shared
        // narrative, however close in meaning.
        // Nor are two date lines ("Published: 12 May 2024").
        if words_in(&sa.text) < SHOWN_PAIR_MIN_WORDS
            || words_in(&sb.text) < SHOWN_PAIR_MIN_WORDS
            || only_a_date(&sa.text)
            || only_a_date(&sb.text)
        {
            continue;
        }
        used_a.insert(i);
        used_b.insert(j);
        pairs.push(SentencePair {
            a: sa.text.clone(),
            b: sb.text.clone(),
            similarity: crate::relate::scores::round2(sims[i][j]),
            meaning_similarity: meaning_at(i, j).map(crate::relate::scores::round2),
            shared: shared_labels(a, b, sa, sb),
        });
    }
    (pairs, stats)
}

/// Sentence pairs whose embedding cosine is below this are not shown: USE
/// gives unrelated news sentences cosines around 0.3.
const MEANING_SHOWN: f64 = 0.5;

/// Readable names for what two sentences share.
fn shared_labels(
    a: &Analysis,
    b: &Analysis,
    sa: &crate::analyse::Sentence,
    sb: &crate::analyse::Sentence,
) -> Vec<String> {
    let gaz = Gazetteer::get();
    let anchors_b: HashSet<&String> = sb.anchors.iter().collect();
    let mut out: Vec<String> = Vec::new();
    for anchor in sa.anchors.iter().filter(|x| anchors_b.contains(x)) {
        let label = if let Some(id) = anchor.strip_prefix("p:") {
            id.parse::<u32>().ok().map(|id| gaz.place(id).name.clone())
        } else if let Some(key) = anchor.strip_prefix("e:") {
            a.entities
                .iter()
                .chain(&b.entities)
                .find(|e| e.key == key)
                .map(|e| e.name.clone())
        } else {
            anchor.strip_prefix("n:").map(str::to_owned)
        };
        if let Some(l) = label {
            if !out.contains(&l) {
                out.push(l);
            }
        }
    }
    let tb: HashSet<&String> = sb.terms.iter().collect();
    for t in sa.terms.iter().filter(|t| tb.contains(t)) {
        if out.len() >= 8 {
            break;
        }
        // Stems of names already listed ("syria" for "Syria") add nothing.
        let named = out.iter().any(|l| {
            crate::lexicon::fold::fold(l)
                .split(' ')
                .any(|w| w.starts_with(t.as_str()))
        });
        // Shown as the first sentence writes it ("regime", not the stem
        // "regim").
        let word = surface_of(&sa.text, t, &a.language.code).unwrap_or_else(|| t.clone());
        if !named && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// The word of `text` whose stem is `stem`, lower-cased, if any.
fn surface_of(text: &str, stem: &str, lang: &str) -> Option<String> {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().find_map(|w| {
        let folded = crate::lexicon::fold::fold(crate::lexicon::fold::strip_apostrophe_suffix(w));
        (crate::analyse::terms::stem(lang, &folded) == stem).then(|| w.to_lowercase())
    })
}

pub fn cosine<K: std::hash::Hash + Eq>(x: &HashMap<K, f64>, y: &HashMap<K, f64>) -> f64 {
    let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let dot = ordered_sum(
        small
            .iter()
            .filter_map(|(k, v)| large.get(k).map(|w| v * w)),
    );
    let nx = ordered_sum(x.values().map(|v| v * v)).sqrt();
    let ny = ordered_sum(y.values().map(|v| v * v)).sqrt();
    if nx == 0.0 || ny == 0.0 {
        0.0
    } else {
        dot / (nx * ny)
    }
}

/// The sum of `terms` in ascending order, whatever order they come in: a
/// hash map's order changes from run to run, and floating-point sums in
/// another order differ in their last bits, which made two fits of the
/// scorer on the same data differ in the last digits of their weights.
fn ordered_sum(terms: impl Iterator<Item = f64>) -> f64 {
    let mut terms: Vec<f64> = terms.collect();
    terms.sort_unstable_by(f64::total_cmp);
    terms.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::{gather, match_keys, EventVerdict, KeyMatch};
    use crate::analyse::analyse;
    use crate::ingest::plain::parse_plain;

    fn report(text: &str) -> crate::analyse::Analysis {
        analyse(&parse_plain(text))
    }

    #[test]
    fn small_numbers_and_dates_do_not_make_two_games_one_event() {
        let a = report(
            "Colts beat Jaguars to clinch a playoff berth\n\n\
             Keiwan Ratliff returned an interception for a touchdown on Dec 23, 2012 \
             with 12 minutes left, and Peyton Manning threw a 10-yard pass to Dallas Clark \
             as Indianapolis won in Jacksonville.",
        );
        let b = report(
            "Colts top Chiefs and reach the playoffs\n\n\
             On Dec 23, 2012 Andrew Luck found Reggie Wayne in the end zone after a \
             10-yard run by Vick Ballard, and the defense held Kansas City scoreless for the \
             last 12 minutes at Arrowhead.",
        );
        let ev = gather(&a, &b).events;
        assert!(
            !ev.shared_figures.contains(&"23".to_owned()),
            "the day of a date is no figure: {:?}",
            ev.shared_figures
        );
        assert_eq!(ev.shared_figures, ["10", "12"]);
        assert_eq!(ev.verdict, EventVerdict::DifferentEvents);
    }

    #[test]
    fn two_yearless_datelines_a_week_apart_make_two_events() {
        let a = report(
            "Villarreal edge Villa\n\nVILLARREAL, Spain, March 7 (Reuters) - Villarreal beat Aston Villa 2-1 \
             in the first leg, with Gerard Moreno scoring twice before 21,000 fans.",
        );
        let b = report(
            "Villa through after comeback\n\nBIRMINGHAM, England, March 14 (Reuters) - Aston Villa beat \
             Villarreal 3-1 in the return leg, Gerard Moreno's early goal not enough.",
        );
        let ev = gather(&a, &b);
        assert_eq!(ev.time.days_apart, None, "no year, no fixed day");
        assert_eq!(ev.time.datelines_days_apart, Some(7));
        assert_eq!(ev.events.verdict, EventVerdict::DifferentEvents);
        assert!(
            ev.time.summary.contains("7 days apart"),
            "{}",
            ev.time.summary
        );
        // Across the new year, the short way round.
        assert_eq!(super::yearless_days_apart((12, 30), (1, 2)), Some(3));
    }

    #[test]
    fn specific_figures_in_common_make_the_same_event() {
        let a = report(
            "Quake hits the island\n\n\
             The earthquake of magnitude 5.9 destroyed 340 homes, officials said.",
        );
        let b = report(
            "Villages counted their losses\n\n\
             Rescuers said 340 houses were flattened when the 5.9 tremor struck before dawn.",
        );
        let ev = gather(&a, &b).events;
        assert_eq!(ev.verdict, EventVerdict::SameEvent, "{ev:?}");
    }

    #[test]
    fn two_reports_about_one_person_are_never_called_different_events() {
        // ECB+ 1_12ecb and 1_14ecb, one event told in other words: no
        // sentence retells another word for word, but Tara Reid is whom
        // both are about.
        let a = report(
            "Tara Reid checks into rehab\n\n\
             Actress Tara Reid has checked into Promises Treatment Center, her publicist said. \
             Reid, star of American Pie, thanked her fans on her website.",
        );
        let b = report(
            "Reid heads to Malibu facility\n\n\
             Tara Reid has finally entered the Malibu clinic, a spokesman told People. \
             Friends of Reid had urged the move for months.",
        );
        let ev = gather(&a, &b).events;
        assert_ne!(ev.verdict, EventVerdict::DifferentEvents, "{ev:?}");
        assert!(!ev.protagonists_differ);
    }

    #[test]
    fn a_country_both_are_in_is_shared_and_shown_as_written() {
        let a = report("Talks in Ankara\n\nDiplomats met in Ankara on Monday.");
        let b = report("Turkey hosts talks\n\nTurkey hosted diplomats on Monday.");
        let places = gather(&a, &b).places;
        assert_eq!(places.shared_countries, ["Turkey"]);
        assert!(places.only_b.is_empty(), "{places:?}");
        assert_eq!(places.only_a, ["Ankara"]);
    }

    #[test]
    fn the_oscars_and_an_oscar_are_one_thing_but_williams_is_not_william() {
        let a = report("Stars at the Oscars\n\nThe Oscars drew stars to Hollywood on Sunday, and Serena Williams came.");
        let b = report("Stone wins\n\nEmma Stone won an Oscar in Hollywood on Sunday, and Prince William cheered.");
        let e = gather(&a, &b).entities;
        let shared: Vec<(&str, &str)> = e
            .shared
            .iter()
            .map(|m| (m.a.as_str(), m.b.as_str()))
            .collect();
        assert!(shared.contains(&("Oscars", "Oscar")), "{e:?}");
        assert!(!shared.iter().any(|(x, _)| x.contains("Williams")), "{e:?}");
    }

    #[test]
    fn across_languages_shared_names_alone_retell_nothing() {
        // Without embeddings, sentences in two languages meet only in their
        // names, places and numbers: Putin receiving Erdogan in Moscow and
        // Putin sacking a minister in Moscow share them as much as two
        // tellings of one meeting would.
        let ru = report("Путин в Москве\n\nПрезидент России Владимир Путин провёл встречу с Эрдоганом в Москве. Стороны обсудили Сирию.");
        let en = report("Putin sacks minister\n\nRussian President Vladimir Putin dismissed his defence minister in Moscow. The move surprised Syria.");
        let ev = gather(&ru, &en).events;
        assert_eq!(ev.verdict, EventVerdict::Undecided, "{ev:?}");
    }

    #[test]
    fn a_sentence_retold_shares_words_not_only_names_and_titles() {
        // One attribution opens two reports of two events: the names and
        // the title are the same, what was asked is not.
        let flood = report("Inundaciones en Valencia\n\nEl presidente de la Generalitat Valenciana, Carlos Mazón, pidió a la población que no salga de casa. Las lluvias dejaron 62 muertos.");
        let strike = report("Huelga en el puerto de Valencia\n\nEl presidente de la Generalitat Valenciana, Carlos Mazón, pidió a los estibadores que vuelvan al trabajo. Los barcos esperan en la bahía.");
        let ev = gather(&flood, &strike).events;
        assert_ne!(ev.verdict, EventVerdict::SameEvent, "{ev:?}");
        // A retelling in other words of the same fact still is one.
        let other = report("Temporal en Valencia\n\nCarlos Mazón pidió este martes a toda la población valenciana que no salga de casa.");
        let ev = gather(&flood, &other).events;
        assert_eq!(ev.verdict, EventVerdict::SameEvent, "{ev:?}");
    }

    #[test]
    fn a_name_spelt_the_german_way_is_the_same_person_across_languages() {
        let en = report("Lavrov calls\n\nRussian Foreign Minister Sergey Lavrov spoke about Syria. Bashar Assad's forces advanced. Jan Kowalski said nothing.");
        let de = report("Lawrow telefoniert\n\nDer russische Außenminister Sergej Lawrow sprach über Syrien. Die Truppen Baschar al-Assads rückten vor. Auch Ian Kowalski schwieg.");
        let e = gather(&en, &de).entities;
        let shared: Vec<(&str, &str)> = e
            .shared
            .iter()
            .map(|m| (m.a.as_str(), m.b.as_str()))
            .collect();
        assert!(
            shared.contains(&("Sergey Lavrov", "Sergej Lawrow")),
            "{e:?}"
        );
        assert!(
            shared
                .iter()
                .any(|(a, b)| a.contains("Assad") && b.contains("Assads")),
            "{e:?}"
        );
        // Within one language, spellings stay apart: two English articles
        // naming Jan and Ian Kowalski name two people.
        let en2 = report("Ian Kowalski speaks\n\nIan Kowalski said nothing about Syria either.");
        let e = gather(&en, &en2).entities;
        assert!(e.shared.iter().all(|m| m.a != "Jan Kowalski"), "{e:?}");
    }

    #[test]
    fn a_date_line_is_no_sentence_to_show() {
        use super::only_a_date;
        assert!(only_a_date("Published: 12 May 2024"));
        assert!(only_a_date("Updated Tuesday, 14:05"));
        assert!(!only_a_date("The quake struck on 12 May 2024."));
    }

    #[test]
    fn name_keys_match_by_surname_or_a_contained_word_only() {
        assert_eq!(match_keys("bashar assad", "bashar assad"), KeyMatch::Same);
        assert_eq!(match_keys("assad", "bashar assad"), KeyMatch::Surname);
        // Across scripts, through the romanised keys.
        assert_eq!(match_keys("сергей лавров", "sergey lavrov"), KeyMatch::Same);
        assert_eq!(
            match_keys("чавушоглу", "mevlut cavusoglu"),
            KeyMatch::Surname
        );
        assert_eq!(match_keys("лавров", "sergey lavrov"), KeyMatch::Surname);
        assert_eq!(match_keys("bashar assad", "assad"), KeyMatch::Surname);
        // Given names transliterated two ways, one surname.
        assert_eq!(
            match_keys("yelena sorokina", "elena sorokina"),
            KeyMatch::Same
        );
        assert_eq!(match_keys("sergei lavrov", "sergey lavrov"), KeyMatch::Same);
        assert_eq!(
            match_keys("елена сорокина", "yelena sorokina"),
            KeyMatch::Same
        );
        assert_eq!(
            match_keys("elena sorokina", "anna sorokina"),
            KeyMatch::Unrelated
        );
        assert_eq!(match_keys("ivan petrov", "van petrov"), KeyMatch::Unrelated);
        // A Russian name in any case meets its nominative, in either script.
        for (x, y) in [
            ("елену сорокину", "yelena sorokina"),
            ("елену сорокину", "елена сорокина"),
            ("сергеем лавровым", "sergey lavrov"),
            ("дмитрия пескова", "дмитрий песков"),
            ("максима", "максим"),
            ("путиным", "путин"),
        ] {
            assert_eq!(match_keys(x, y), KeyMatch::Same, "{x} / {y}");
        }
        assert_eq!(
            match_keys("сорокиной", "yelena sorokina"),
            KeyMatch::Surname
        );
        // Only where Cyrillic declines it: in Latin letters "Maria" is not "Mario".
        assert_eq!(
            match_keys("maria rossi", "mario rossi"),
            KeyMatch::Unrelated
        );
        assert_eq!(
            match_keys("анну сорокину", "yelena sorokina"),
            KeyMatch::Unrelated
        );
        for (x, y) in [
            ("jan kowalski", "ian kowalski"),
            ("hanna kowalska", "anna kowalska"),
            ("ioana popescu", "oana popescu"),
            ("helen smith", "ellen smith"),
        ] {
            assert_eq!(match_keys(x, y), KeyMatch::Unrelated, "{x} / {y}");
        }
        assert_eq!(
            match_keys("lohan", "lindsay lohan reid"),
            KeyMatch::Contained
        );
        // A middle name left out.
        assert_eq!(
            match_keys("tayyip erdogan", "recep tayyip erdogan"),
            KeyMatch::Contained
        );
        assert_eq!(
            match_keys("bashar al assad", "bashar assad"),
            KeyMatch::Contained
        );
        assert_eq!(
            match_keys("foreign ministry", "russian foreign ministry"),
            KeyMatch::Contained
        );
        // Short words inside a name and two full names never match.
        assert_eq!(match_keys("al", "bashar al assad"), KeyMatch::Unrelated);
        assert_eq!(
            match_keys("bashar assad", "hafez assad"),
            KeyMatch::Unrelated
        );
        assert_eq!(match_keys("assad", "lavrov"), KeyMatch::Unrelated);
    }
}
