//! Pair features: numbers the scorer learns from. Each is documented with
//! what it measures; names are stable because the fitted model refers to
//! features by name.

use super::evidence::{cosine, Evidence};
use crate::analyse::gazetteer::Gazetteer;
use crate::analyse::Analysis;
use std::collections::{HashMap, HashSet};

/// Names of the features, in vector order.
pub const FEATURE_NAMES: &[&str] = &[
    "term_cosine",        // tf-idf cosine of content stems, idf from general word frequency
    "term_cosine_local",  // the same with idf from the sentences of the pair
    "term_cosine_both",   // both idfs multiplied
    "bigram_dice",        // Dice overlap of adjacent content-stem pairs (shared phrasing)
    "entity_cosine",      // cosine of entity and place mention counts
    "term_jaccard",       // Jaccard of content stem sets
    "char4_cosine",       // cosine of character 4-grams of folded text
    "heading_similarity", // similarity of the first sentences (titles)
    "sentence_best",      // best matching sentence pair
    "sentence_aligned",   // mean best-match similarity, both directions
    "entity_dice",        // Dice overlap of entities
    "entity_shared_log",  // ln(1 + shared entities)
    "place_dice",         // Dice overlap of gazetteer places
    "country_dice",       // Dice overlap of countries (places mapped to their country)
    "place_shared_log",   // ln(1 + shared places)
    "number_dice",        // Dice overlap of numbers
    "year_dice",          // Dice overlap of years named
    "date_gap_log",       // ln(1 + months between closest absolute dates), 0 if unknown
    "date_gap_unknown",   // 1 when either side names no absolute date
    "same_language",      // 1 for same-language pairs
    "crosslingual_anchor", // entity/place/number overlap, for cross-language pairs only
    "length_ratio",       // shorter / longer, in words
    "length_log_min",     // ln(words of the shorter)
    "function_word_cosine", // cosine of stopword profiles (style)
    "sentence_length_gap", // |mean sentence length difference| / 20
    "quote_gap",          // |quotes per 100 words difference|
    "digit_gap",          // |share of number tokens difference|
    "entity_count_log_min", // ln(1 + entities of the poorer side)
    "person_dice",        // Dice overlap of people: who acts tells events apart
    "figures_shared_log", // ln(1 + numbers in both, years excluded)
    // Square roots of the first SQRT_OF features: similarity measures relate
    // to the human scale non-linearly (small overlaps already matter much).
    "term_cosine_sqrt",
    "term_cosine_local_sqrt",
    "term_cosine_both_sqrt",
    "bigram_dice_sqrt",
    "entity_cosine_sqrt",
    "term_jaccard_sqrt",
    "char4_cosine_sqrt",
    "heading_similarity_sqrt",
    "sentence_best_sqrt",
    "sentence_aligned_sqrt",
    "entity_dice_sqrt",
    "entity_shared_log_sqrt",
];

/// How many leading features get a square-root companion.
const SQRT_OF: usize = 12;

pub fn features(a: &Analysis, b: &Analysis, ev: &Evidence) -> Vec<f64> {
    let gaz = Gazetteer::get();
    let dice = |shared: usize, na: usize, nb: usize| {
        if na + nb == 0 {
            0.0
        } else {
            2.0 * shared as f64 / (na + nb) as f64
        }
    };
    let entity_dice = dice(ev.entities.shared.len(), a.entities.len(), b.entities.len());
    let place_dice = dice(ev.places.shared.len(), a.places.len(), b.places.len());
    let countries = |x: &Analysis| -> HashSet<u32> {
        x.places
            .iter()
            .filter_map(|p| gaz.country_of(p.place))
            .collect()
    };
    let (ca, cb) = (countries(a), countries(b));
    let country_dice = dice(ca.intersection(&cb).count(), ca.len(), cb.len());
    let number_dice = dice(ev.shared_numbers.len(), a.numbers.len(), b.numbers.len());
    let years =
        |x: &Analysis| -> HashSet<i32> { x.times.iter().filter_map(|t| t.value.year()).collect() };
    let (ya, yb) = (years(a), years(b));
    let year_dice = dice(ev.time.shared_years.len(), ya.len(), yb.len());
    let same_language = same_language(a, b) as u8 as f64;
    let (wa, wb) = (a.style.words.max(1) as f64, b.style.words.max(1) as f64);
    let quotes = |x: &Analysis| 100.0 * x.style.quotes as f64 / x.style.words.max(1) as f64;

    let mut x = vec![
        term_cosine(a, b),
        in_pair_tfidf_cosine(a, b, false),
        in_pair_tfidf_cosine(a, b, true),
        bigram_dice(a, b),
        entity_cosine(a, b),
        term_jaccard(a, b),
        char_ngram_cosine(a, b),
        ev.sentence_similarity.heading,
        ev.sentence_similarity.best,
        ev.sentence_similarity.aligned_mean,
        entity_dice,
        (1.0 + ev.entities.shared.len() as f64).ln(),
        place_dice,
        country_dice,
        (1.0 + ev.places.shared.len() as f64).ln(),
        number_dice,
        year_dice,
        ev.time
            .closest_dates_months_apart
            .map_or(0.0, |m| (1.0 + m).ln()),
        ev.time.closest_dates_months_apart.is_none() as u8 as f64,
        same_language,
        (1.0 - same_language) * (entity_dice + place_dice + number_dice) / 3.0,
        wa.min(wb) / wa.max(wb),
        wa.min(wb).ln(),
        cosine(&to_f64(&a.function_words), &to_f64(&b.function_words)),
        (a.style.mean_sentence_words - b.style.mean_sentence_words).abs() / 20.0,
        (quotes(a) - quotes(b)).abs(),
        (a.style.digit_ratio - b.style.digit_ratio).abs(),
        (1.0 + a.entities.len().min(b.entities.len()) as f64).ln(),
        {
            let ev = &ev.events;
            let shared = ev.shared_people.len();
            dice(
                shared,
                shared + ev.people_only_a.len(),
                shared + ev.people_only_b.len(),
            )
        },
        (1.0 + ev.events.shared_figures.len() as f64).ln(),
    ];
    for i in 0..SQRT_OF {
        x.push(x[i].max(0.0).sqrt());
    }
    debug_assert_eq!(x.len(), FEATURE_NAMES.len());
    x
}

fn to_f64(m: &HashMap<String, u32>) -> HashMap<&str, f64> {
    m.iter().map(|(k, v)| (k.as_str(), *v as f64)).collect()
}

/// tf-idf cosine with general-language rarity as idf.
fn term_cosine(a: &Analysis, b: &Analysis) -> f64 {
    fn weigh(x: &Analysis) -> HashMap<&str, f64> {
        x.terms
            .iter()
            .map(|(t, s)| (t.as_str(), (1.0 + (s.count as f64).ln()) * s.weight as f64))
            .collect()
    }
    cosine(&weigh(a), &weigh(b))
}

/// tf-idf cosine with idf from how many sentences of the pair use a stem,
/// which discounts words the two articles repeat everywhere; optionally
/// times general rarity.
fn in_pair_tfidf_cosine(a: &Analysis, b: &Analysis, with_rarity: bool) -> f64 {
    let mut df: HashMap<&str, f64> = HashMap::new();
    for s in a.sentences.iter().chain(&b.sentences) {
        let uniq: HashSet<&str> = s.terms.iter().map(String::as_str).collect();
        for t in uniq {
            *df.entry(t).or_default() += 1.0;
        }
    }
    let n = (a.sentences.len() + b.sentences.len()) as f64;
    let weigh = |x: &Analysis| -> HashMap<String, f64> {
        x.terms
            .iter()
            .map(|(t, s)| {
                let idf = (1.0 + n / df.get(t.as_str()).copied().unwrap_or(1.0)).ln();
                let rarity = if with_rarity { s.weight as f64 } else { 1.0 };
                (t.clone(), (1.0 + (s.count as f64).ln()) * idf * rarity)
            })
            .collect()
    };
    cosine(&weigh(a), &weigh(b))
}

fn bigram_dice(a: &Analysis, b: &Analysis) -> f64 {
    let bigrams = |x: &Analysis| -> HashSet<(String, String)> {
        x.sentences
            .iter()
            .flat_map(|s| s.terms.windows(2).map(|w| (w[0].clone(), w[1].clone())))
            .collect()
    };
    let (ba, bb) = (bigrams(a), bigrams(b));
    if ba.is_empty() && bb.is_empty() {
        return 0.0;
    }
    2.0 * ba.intersection(&bb).count() as f64 / (ba.len() + bb.len()) as f64
}

fn entity_cosine(a: &Analysis, b: &Analysis) -> f64 {
    let counts = |x: &Analysis| -> HashMap<String, f64> {
        let mut m: HashMap<String, f64> = HashMap::new();
        for e in &x.entities {
            // Surnames carry across full and short forms.
            let last = e.key.rsplit(' ').next().unwrap_or(&e.key).to_owned();
            *m.entry(last).or_default() += e.mentions as f64;
        }
        for p in &x.places {
            *m.entry(format!("p:{}", p.place)).or_default() += p.mentions as f64;
        }
        m
    };
    cosine(&counts(a), &counts(b))
}

fn term_jaccard(a: &Analysis, b: &Analysis) -> f64 {
    let inter = a.terms.keys().filter(|k| b.terms.contains_key(*k)).count();
    let union = a.terms.len() + b.terms.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Character 4-grams of the folded text: robust to inflection, compounding
/// and spelling variants, and shared names across languages.
fn char_ngram_cosine(a: &Analysis, b: &Analysis) -> f64 {
    fn grams(x: &Analysis) -> HashMap<[char; 4], f64> {
        let mut m = HashMap::new();
        for s in &x.sentences {
            let folded: Vec<char> = crate::lexicon::fold::fold(&s.text)
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            for w in folded.windows(4) {
                if w.iter().filter(|c| **c == ' ').count() <= 1 {
                    *m.entry([w[0], w[1], w[2], w[3]]).or_insert(0.0) += 1.0;
                }
            }
        }
        for v in m.values_mut() {
            *v = 1.0 + f64::ln(*v);
        }
        m
    }
    cosine(&grams(a), &grams(b))
}

/// Features from sentence embeddings, appended to [`FEATURE_NAMES`] when
/// both articles were embedded by the same encoder.
pub const EMBEDDING_FEATURE_NAMES: &[&str] = &[
    "emb_document_cosine",    // cosine of the whole-text vectors
    "emb_centroid_cosine",    // cosine of the mean sentence vectors
    "emb_sentence_best",      // most similar sentence pair
    "emb_sentence_aligned",   // mean best match of each sentence, both directions
    "emb_heading_cosine",     // first sentences (titles)
    "emb_document_cosine_sq", // squared: high similarities matter most for "same story"
    // The whole-text cosine again, for cross-language pairs only (0 for
    // same-language ones): its own slope there. Across languages the words,
    // bigrams and letter n-grams share nothing, and the encoder places a
    // text and its counterpart less close than two texts in one language,
    // so one slope fitted mostly on same-language pairs under-reads them.
    "emb_document_cosine_crosslingual",
    "english_pair",        // 1 when both articles have English-model (MiniLM) vectors
    "en_document_cosine",  // MiniLM cosine of the whole texts (0 unless english_pair)
    "en_sentence_aligned", // MiniLM mean best sentence match (0 unless english_pair)
    "en_heading_cosine",   // MiniLM cosine of the first sentences (0 unless english_pair)
];

/// Feature groups, by name prefix (ending in `_`) or name: what the
/// ablation leaves out together, and what an explanation adds up (one
/// feature's weight means little beside its correlated neighbours').
pub const FEATURE_GROUPS: &[(&str, &[&str])] = &[
    (
        "lexical overlap (terms, bigrams, char 4-grams)",
        &["term_", "bigram_", "char4_"],
    ),
    (
        "sentence alignment (lexical)",
        &["heading_similarity", "sentence_best", "sentence_aligned"],
    ),
    ("entities and people", &["entity_", "person_"]),
    ("places and countries", &["place_", "country_"]),
    (
        "numbers and dates",
        &["number_", "figures_", "year_", "date_"],
    ),
    (
        "language and length",
        &["same_language", "crosslingual_", "length_"],
    ),
    (
        "style",
        &[
            "function_word_",
            "sentence_length_gap",
            "quote_gap",
            "digit_gap",
        ],
    ),
    ("USE multilingual embeddings", &["emb_"]),
    ("MiniLM English embeddings", &["english_pair", "en_"]),
];

/// The feature `name` is one of `patterns` (a name, or a prefix ending
/// in `_`; a name also covers its `_sqrt` companion).
pub fn in_group(name: &str, patterns: &[&str]) -> bool {
    patterns.iter().any(|p| name.starts_with(p))
}

/// The group a feature belongs to (see [`FEATURE_GROUPS`]).
pub fn group_of(name: &str) -> &'static str {
    FEATURE_GROUPS
        .iter()
        .find(|(_, patterns)| in_group(name, patterns))
        .map_or("other", |(group, _)| group)
}

/// What a feature measures, in words a reader of the report knows (the
/// JSON keeps the stable names).
pub fn describe(name: &str) -> String {
    if let Some(base) = name.strip_suffix("_sqrt") {
        return format!("{} (square root)", describe(base));
    }
    match name {
        "term_cosine" => "shared words, rare ones weighing most",
        "term_cosine_local" => "shared words, weighed within the pair",
        "term_cosine_both" => "shared words, both weightings",
        "bigram_dice" => "shared two-word phrases",
        "entity_cosine" => "names and places mentioned as often",
        "term_jaccard" => "share of words in common",
        "char4_cosine" => "shared spelling (letter 4-grams)",
        "heading_similarity" => "titles alike in words",
        "sentence_best" => "closest sentence pair, in words",
        "sentence_aligned" => "sentences matched across the texts, in words",
        "entity_dice" => "names in common",
        "entity_shared_log" => "number of names in common",
        "place_dice" => "places in common",
        "country_dice" => "countries in common",
        "place_shared_log" => "number of places in common",
        "number_dice" => "numbers in common",
        "year_dice" => "years in common",
        "date_gap_log" => "months between the closest dates",
        "date_gap_unknown" => "no absolute date on one side",
        "same_language" => "same language",
        "crosslingual_anchor" => "names, places, numbers in common across languages",
        "length_ratio" => "lengths alike",
        "length_log_min" => "length of the shorter",
        "function_word_cosine" => "style: function words alike",
        "sentence_length_gap" => "style: sentence lengths differ",
        "quote_gap" => "style: quotation differs",
        "digit_gap" => "style: share of numbers differs",
        "entity_count_log_min" => "names on the poorer side",
        "person_dice" => "people in common",
        "figures_shared_log" => "figures in common",
        "emb_document_cosine" => "whole texts alike in meaning (USE)",
        "emb_centroid_cosine" => "sentences alike in meaning on average (USE)",
        "emb_sentence_best" => "closest sentence pair in meaning (USE)",
        "emb_sentence_aligned" => "sentences matched in meaning (USE)",
        "emb_heading_cosine" => "titles alike in meaning (USE)",
        "emb_document_cosine_sq" => "whole texts very alike in meaning (USE, squared)",
        "emb_document_cosine_crosslingual" => "whole texts alike in meaning across languages (USE)",
        "english_pair" => "both English",
        "en_document_cosine" => "whole texts alike in meaning (MiniLM)",
        "en_sentence_aligned" => "sentences matched in meaning (MiniLM)",
        "en_heading_cosine" => "titles alike in meaning (MiniLM)",
        other => other,
    }
    .to_owned()
}

/// Which features a pair has: lexical only, or lexical plus embeddings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureSet {
    Lexical,
    Neural,
}

impl FeatureSet {
    pub fn names(self) -> Vec<&'static str> {
        match self {
            FeatureSet::Lexical => FEATURE_NAMES.to_vec(),
            FeatureSet::Neural => FEATURE_NAMES
                .iter()
                .chain(EMBEDDING_FEATURE_NAMES)
                .copied()
                .collect(),
        }
    }

    pub fn of_names(names: &[String]) -> Option<FeatureSet> {
        [FeatureSet::Lexical, FeatureSet::Neural]
            .into_iter()
            .find(|set| {
                set.names()
                    .iter()
                    .copied()
                    .eq(names.iter().map(String::as_str))
            })
    }
}

/// All features of a pair, with the set they form.
pub fn feature_vector(a: &Analysis, b: &Analysis, ev: &Evidence) -> (Vec<f64>, FeatureSet) {
    let mut x = features(a, b, ev);
    match embedding_features(a, b) {
        Some(e) => {
            x.extend(e);
            (x, FeatureSet::Neural)
        }
        None => (x, FeatureSet::Lexical),
    }
}

/// Both articles were read as one language (the `same_language` feature).
fn same_language(a: &Analysis, b: &Analysis) -> bool {
    a.language.code == b.language.code
}

pub fn embedding_features(a: &Analysis, b: &Analysis) -> Option<Vec<f64>> {
    let (ea, eb) = (a.embedding.as_ref()?, b.embedding.as_ref()?);
    if ea.encoder != eb.encoder {
        return None;
    }
    let m = vector_measures(ea, eb);
    let mut x = vec![
        m.document,
        m.centroid,
        m.best,
        m.aligned,
        m.heading,
        m.document.max(0.0).powi(2),
        if same_language(a, b) { 0.0 } else { m.document },
    ];
    match (&a.english_embedding, &b.english_embedding) {
        (Some(ea), Some(eb)) => {
            let m = vector_measures(ea, eb);
            x.extend([1.0, m.document, m.aligned, m.heading]);
        }
        _ => x.extend([0.0; 4]),
    }
    Some(x)
}

/// Similarities of two articles' vectors from one encoder.
struct VectorMeasures {
    document: f64,
    centroid: f64,
    best: f64,
    aligned: f64,
    heading: f64,
}

fn vector_measures(
    ea: &crate::analyse::ArticleEmbedding,
    eb: &crate::analyse::ArticleEmbedding,
) -> VectorMeasures {
    use crate::embed::dot;
    let document = dot(&ea.document, &eb.document) as f64;
    let centroid = |vs: &[Vec<f32>]| -> Vec<f32> {
        let mut c = vec![0.0f32; vs.first().map_or(0, Vec::len)];
        for v in vs {
            for (ci, vi) in c.iter_mut().zip(v) {
                *ci += vi;
            }
        }
        let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        c.iter().map(|x| x / norm).collect()
    };
    let centroid_cos = if ea.sentences.is_empty() || eb.sentences.is_empty() {
        document
    } else {
        dot(&centroid(&ea.sentences), &centroid(&eb.sentences)) as f64
    };
    let sims = sentence_similarities(&ea.sentences, &eb.sentences);
    let best = sims.iter().flatten().copied().fold(0.0f64, f64::max);
    VectorMeasures {
        document,
        centroid: centroid_cos,
        best,
        aligned: aligned_mean(&sims, eb.sentences.len()),
        heading: sims
            .first()
            .and_then(|r| r.first())
            .copied()
            .unwrap_or(document),
    }
}

/// Mean over the sentences of each side of its best match on the other,
/// averaged over both sides; `cols` is the other side's sentence count.
pub fn aligned_mean(sims: &[Vec<f64>], cols: usize) -> f64 {
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let row_best: Vec<f64> = sims
        .iter()
        .map(|r| r.iter().copied().fold(0.0, f64::max))
        .collect();
    let col_best: Vec<f64> = (0..cols)
        .map(|j| sims.iter().map(|r| r[j]).fold(0.0, f64::max))
        .collect();
    (mean(&row_best) + mean(&col_best)) / 2.0
}

/// Cosine of every sentence of one article with every sentence of the other.
pub fn sentence_similarities(a: &[Vec<f32>], b: &[Vec<f32>]) -> Vec<Vec<f64>> {
    a.iter()
        .map(|x| b.iter().map(|y| crate::embed::dot(x, y) as f64).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_is_described_in_words() {
        for name in FEATURE_NAMES.iter().chain(EMBEDDING_FEATURE_NAMES) {
            let words = describe(name);
            assert!(!words.contains('_'), "{name} reads as {words:?}");
        }
    }
}
