//! What the clusterer knows of an article and of a story, and how alike
//! they are. Shared by the in-memory clusterer (batch mode) and the
//! store-backed one, so both run the same algorithm.

use crate::analyse::entities::EntityKind;
use crate::analyse::gazetteer::PlaceKind;
use crate::analyse::Analysis;
use crate::relate::evidence::{match_keys, KeyMatch};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Tuning of the clusterer; see docs/benchmarks.md for how the defaults
/// were chosen.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Join the best candidate when its similarity reaches this.
    pub threshold: f64,
    /// The same for articles without embeddings (term and name similarity
    /// run lower than embedding cosines).
    pub lexical_threshold: f64,
    /// Content terms per article used as index keys.
    pub key_terms: usize,
    /// Candidates scored per article (those sharing the most keys).
    pub max_candidates: usize,
    /// Weights of embedding cosine, term cosine and name overlap (used as
    /// given when vectors exist; without vectors terms and names are
    /// rescaled to sum to 1).
    pub weights: [f64; 3],
    /// Days an article may lie outside a story's date span before its
    /// similarity decays (halving every `time_half_life` days beyond).
    pub time_grace_days: i64,
    pub time_half_life: f64,
    /// An article whose event day lies this many days or more from every
    /// recent article of a story starts a story of its own (linked as the
    /// same thread), however alike the two read.
    pub new_story_after_days: i64,
    /// A new story is linked to an earlier one (same thread) when their
    /// similarity, ignoring time, reaches this share of the threshold.
    pub link_ratio: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.37,
            lexical_threshold: 0.2,
            key_terms: 12,
            max_candidates: 32,
            weights: [0.4, 0.2, 0.4],
            // Time only separates look-alike events far apart (this year's
            // Oscars host, a trial two years after the shooting): content
            // decides within a month. Swept on ECB+ dev, docs/benchmarks.md.
            time_grace_days: 30,
            time_half_life: 90.0,
            // What `compare` calls different events: event days a week or
            // more apart (fitted on SemEval train, relate::evidence). ECB+
            // dev, whose gold events include reports weeks apart (a trial,
            // a sentencing), pays 0.007 of F1 for it (docs/benchmarks.md).
            new_story_after_days: crate::relate::evidence::DIFFERENT_EVENT_DAYS,
            link_ratio: 0.75,
        }
    }
}

impl Params {
    pub fn threshold_for(&self, p: &Profile) -> f64 {
        if p.vector.is_some() {
            self.threshold
        } else {
            self.lexical_threshold
        }
    }
}

/// Most terms a story profile keeps (the heaviest); bounds its size.
const MAX_STORY_TERMS: usize = 300;
/// Most entity and place keys a story profile keeps.
const MAX_STORY_NAMES: usize = 120;

/// An article's features for clustering.
#[derive(Debug, Clone)]
pub struct Profile {
    /// L2-normalised tf-idf-like term vector.
    pub terms: HashMap<String, f64>,
    pub vector: Option<Vec<f32>>,
    /// Entity (`e:`) and place (`p:`) keys.
    pub names: Vec<String>,
    /// Index keys: top terms (`t:`) and the names.
    pub keys: Vec<String>,
    /// Kind and display label of each name key (countries included).
    pub labels: HashMap<String, (String, String)>,
    pub date: Option<NaiveDate>,
    /// Country keys (`p:`): shown and filtered on, never compared (a
    /// country is too broad to tell two stories apart).
    pub countries: Vec<String>,
    /// Times each name and country is mentioned, to rank a story's names.
    pub mentions: HashMap<String, usize>,
    /// ISO country code of each place and country key.
    pub place_cc: HashMap<String, String>,
    /// The article's language.
    pub lang: String,
    /// [`name_sound`] of each entity name, for stories in other languages.
    pub sounds: Vec<String>,
}

/// How an entity name key sounds across languages and scripts: its last
/// word (the surname, mostly) as [`fold::across_languages`] reads it, so
/// that "Alexei Navalny", "Aleksiej Nawalny" and "Алексей Навальный" meet.
/// None for places (their keys are the gazetteer's, the same in every
/// language) and for words too short to tell names apart.
fn name_sound(key: &str) -> Option<String> {
    let name = key.strip_prefix("e:")?;
    let last = name.split_whitespace().last()?;
    let sound = crate::lexicon::fold::across_languages(last);
    (sound.chars().count() >= 4).then_some(sound)
}

pub fn profile(an: &Analysis, key_terms: usize) -> Profile {
    let mut terms: HashMap<String, f64> = an
        .terms
        .iter()
        .map(|(t, s)| (t.clone(), (1.0 + (s.count as f64).ln()) * s.weight as f64))
        .collect();
    let norm = terms.values().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
    terms.values_mut().for_each(|v| *v /= norm);
    let mut ranked: Vec<(&String, &f64)> = terms.iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
    let mut keys: Vec<String> = ranked
        .iter()
        .take(key_terms)
        .map(|(t, _)| format!("t:{t}"))
        .collect();
    let mut labels = HashMap::new();
    let mut names = Vec::new();
    let mut mentions: HashMap<String, usize> = HashMap::new();
    for e in &an.entities {
        let key = format!("e:{}", e.key);
        let kind = match e.kind {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        };
        // "North Atlantic Treaty Organization (NATO)": readers, and the
        // entity filter, know many names by their acronym.
        let acronym = e
            .aliases
            .iter()
            .find(|a| (2..=8).contains(&a.chars().count()) && a.chars().all(|c| c.is_uppercase()));
        let label = match acronym {
            Some(a) => format!("{} ({a})", e.name),
            None => e.name.clone(),
        };
        labels.insert(key.clone(), (kind.to_owned(), label));
        *mentions.entry(key.clone()).or_default() += e.mentions;
        names.push(key);
    }
    let mut countries = Vec::new();
    let mut place_cc = HashMap::new();
    for p in an.places.iter().filter(|p| p.kind != PlaceKind::Continent) {
        // Keyed by the gazetteer name, not its row number, so stored keys
        // survive a rebuilt gazetteer.
        let key = format!("p:{}", crate::lexicon::fold::fold(&p.name));
        // Shown as an English article writes it ("Turkey"), else by the
        // gazetteer's name: a story's key places read "Warsaw", not
        // "Варшава" because its latest article was Russian.
        let label = if an.language.code == "en" && !p.adjective_only {
            p.display.clone()
        } else {
            p.name.clone()
        };
        labels.insert(key.clone(), ("place".to_owned(), label));
        *mentions.entry(key.clone()).or_default() += p.mentions;
        place_cc.insert(key.clone(), p.country.clone());
        // Countries and continents are too broad to tell stories apart.
        if p.kind == PlaceKind::Country {
            countries.push(key);
        } else {
            names.push(key);
        }
    }
    names.sort();
    names.dedup();
    countries.sort();
    countries.dedup();
    keys.extend(names.iter().cloned());
    let mut sounds: Vec<String> = names.iter().filter_map(|n| name_sound(n)).collect();
    sounds.sort();
    sounds.dedup();
    if let Some(e) = &an.embedding {
        keys.extend(embedding_keys(&e.document));
    }
    Profile {
        terms,
        vector: an.embedding.as_ref().map(|e| e.document.clone()),
        names,
        keys,
        labels,
        date: an.published,
        countries,
        mentions,
        place_cc,
        lang: an.language.code.clone(),
        sounds,
    }
}

/// Embedding keys per article (hash tables), and random hyperplanes per
/// key. With 8 planes two vectors at cosine 0.6 share a key of one table
/// with probability 0.71^8 ≈ 0.06, and one of 16 with 0.63; at cosine 0.2
/// (unrelated news), 0.57^8 ≈ 0.01 per table. Chosen on the multilingual
/// streams (docs/benchmarks.md); ECB+ is unchanged by them.
const EMBEDDING_TABLES: usize = 16;
const EMBEDDING_PLANES: usize = 8;

/// Longest embedding the projections cover.
const MAX_EMBEDDING_DIM: usize = 1024;

/// Index keys (`v:`) from the document embedding, by random projection:
/// each key is the side of a few fixed random hyperplanes the vector lies
/// on, and two vectors at angle θ fall on the same side of one with
/// probability 1 − θ/π. So articles whose embeddings are close share keys
/// whatever their words, and a report in Korean finds the story English
/// reports started, which share no term or spelling of a name with it.
/// The planes are ±1 vectors drawn once from a fixed seed: the keys of an
/// article never change between runs.
fn embedding_keys(v: &[f32]) -> Vec<String> {
    static PLANES: std::sync::OnceLock<Vec<Vec<f32>>> = std::sync::OnceLock::new();
    let (tables, bits) = (EMBEDDING_TABLES, EMBEDDING_PLANES);
    let planes = PLANES.get_or_init(|| {
        let mut rng = fastrand::Rng::with_seed(0x5354_4f52_594c_494e);
        (0..tables * bits)
            .map(|_| {
                (0..MAX_EMBEDDING_DIM)
                    .map(|_| if rng.bool() { 1.0 } else { -1.0 })
                    .collect()
            })
            .collect()
    });
    if v.is_empty() || v.len() > MAX_EMBEDDING_DIM {
        return Vec::new();
    }
    (0..tables)
        .map(|t| {
            let code = (0..bits).fold(0u64, |code, b| {
                let plane = &planes[t * bits + b];
                let side: f32 = v.iter().zip(plane).map(|(x, p)| x * p).sum();
                (code << 1) | u64::from(side >= 0.0)
            });
            format!("v:{t}:{code:x}")
        })
        .collect()
}

/// What a story remembers of its articles (stored as JSON by the store).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct StoryProfile {
    pub articles: usize,
    /// Sum of article term vectors (each L2-normalised), heaviest kept.
    pub terms: HashMap<String, f64>,
    /// Sum of article embeddings (each L2-normalised).
    pub centroid: Option<Vec<f32>>,
    /// Entity and place keys with how many articles named them.
    pub names: HashMap<String, usize>,
    /// Kind and display label of each name key.
    #[serde(default)]
    pub labels: HashMap<String, (String, String)>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Country keys with how many articles named them: shown and filtered
    /// on, not compared. (Stories stored before they were kept have none.)
    #[serde(default)]
    pub countries: HashMap<String, usize>,
    /// Mentions of each name and country over the story's articles: among
    /// names carried by as many articles, the most mentioned leads.
    #[serde(default)]
    pub mentions: HashMap<String, usize>,
    /// ISO country code of each place and country key.
    #[serde(default)]
    pub place_cc: HashMap<String, String>,
    /// Articles per language. (Stories stored before they were counted
    /// are seeded from their headline's language when it can be told.)
    #[serde(default)]
    pub languages: HashMap<String, usize>,
    /// The language of the story's headline, once a headline was chosen
    /// with it known.
    #[serde(default)]
    pub headline_lang: Option<String>,
    /// The title that matched the story best in each language: the
    /// headline when that language leads the story.
    #[serde(default)]
    pub best_titles: HashMap<String, LanguageTitle>,
    /// Entity names by how they sound across languages ([`name_sound`]),
    /// with how many articles named them. (Stories stored before they were
    /// kept have none until their next article.)
    #[serde(default)]
    pub sounds: HashMap<String, usize>,
}

/// The best title a story has seen in one language.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LanguageTitle {
    pub title: String,
    pub article: String,
    /// Similarity of its article to the story when it joined.
    pub score: f64,
}

fn cosine_sparse(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small
        .iter()
        .filter_map(|(k, v)| large.get(k).map(|w| v * w))
        .sum();
    let nb = b.values().map(|v| v * v).sum::<f64>().sqrt();
    let na = a.values().map(|v| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

fn cosine_dense(a: &[f32], b: &[f32]) -> f64 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        (dot / (na * nb)) as f64
    }
}

impl StoryProfile {
    /// Similarity of an article to this story, 0..1, ignoring time.
    pub fn content_similarity(&self, params: &Params, p: &Profile) -> f64 {
        let terms = cosine_sparse(&p.terms, &self.terms);
        let names = self.name_overlap(p);
        let [we, wt, wn] = params.weights;
        match (&p.vector, &self.centroid) {
            (Some(v), Some(c)) => {
                // Words are compared within a language: a Chinese report
                // shares no term with an English story of the same quake,
                // and that zero is no evidence against it. Against a story
                // with no article in the article's language, the embedding
                // (made to compare across languages) and the names carry
                // the whole weight.
                if self.told_in(&p.lang) {
                    we * cosine_dense(v, c) + wt * terms + wn * names
                } else {
                    (we * cosine_dense(v, c) + wn * names) / (we + wn).max(1e-9) * (we + wt + wn)
                }
            }
            _ => (wt * terms + wn * names) / (wt + wn).max(1e-9),
        }
    }

    /// Whether the story has an article in `lang` (yes when the story
    /// predates counting its languages, and when the language of the
    /// article or of one of the story's was not told: nothing says they
    /// differ).
    fn told_in(&self, lang: &str) -> bool {
        let und = crate::analyse::language::UNDETERMINED;
        lang == und
            || self.languages.is_empty()
            || [lang, und]
                .iter()
                .any(|l| self.languages.get(*l).is_some_and(|&n| n > 0))
    }

    /// Overlap of the article's names with the story's, 0..1: a Dice
    /// coefficient in which each story name weighs the share of the story's
    /// articles that name it. Symmetric on purpose: a name most of the story
    /// carries and the article lacks (the other boxer, the other town)
    /// counts against the article as much as a name of the article the story
    /// lacks. The sum of the weights is the story's mean number of names per
    /// article, so a large story is not favoured for having many names.
    ///
    /// Against a story with no article in the article's language, a name
    /// the story spells otherwise is shared when it sounds the same
    /// ([`name_sound`]): "Navalny" in an English report, "Навальный" in the
    /// Russian story.
    fn name_overlap(&self, p: &Profile) -> f64 {
        if p.names.is_empty() || self.articles == 0 {
            return 0.0;
        }
        let weight = |count: &usize| (*count).min(self.articles) as f64 / self.articles as f64;
        let across = !self.told_in(&p.lang);
        let shared: f64 = p
            .names
            .iter()
            .filter_map(|n| {
                self.names.get(n).map(weight).or_else(|| {
                    let sound = name_sound(n).filter(|_| across)?;
                    self.sounds.get(&sound).map(weight)
                })
            })
            .sum();
        let story_total: f64 = self.names.values().map(weight).sum();
        2.0 * shared / (p.names.len() as f64 + story_total)
    }

    /// Discount for an article dated away from the story's span: 1 inside
    /// it or within the grace days, halving every half-life beyond. Undated
    /// articles and stories are not discounted (nothing says they differ).
    /// The date lies within the story's span of dates: an article that
    /// arrives late (a backfill, files in no order of date) into a period
    /// the story covers.
    pub fn spans(&self, date: Option<NaiveDate>) -> bool {
        matches!((date, self.first, self.last), (Some(d), Some(f), Some(l)) if f <= d && d <= l)
    }

    /// Days between event days from which the article starts a story of
    /// its own rather than join this one: none inside the story's span.
    pub fn new_story_after_days(&self, params: &Params, date: Option<NaiveDate>) -> i64 {
        if self.spans(date) {
            i64::MAX
        } else {
            params.new_story_after_days
        }
    }

    pub fn time_factor(&self, params: &Params, date: Option<NaiveDate>) -> f64 {
        let (Some(d), Some(first), Some(last)) = (date, self.first, self.last) else {
            return 1.0;
        };
        let gap = if d < first {
            (first - d).num_days()
        } else if d > last {
            (d - last).num_days()
        } else {
            0
        };
        let beyond = (gap - params.time_grace_days).max(0) as f64;
        0.5f64.powf(beyond / params.time_half_life)
    }

    /// Whether the article names a person or organisation the story has
    /// named: a thread follows the same actors over time, so two shootings
    /// in two cities are not one thread however alike their words.
    pub fn shares_actor(&self, p: &Profile) -> bool {
        let actor = |labels: &HashMap<String, (String, String)>, key: &str| {
            labels
                .get(key)
                .is_some_and(|(kind, _)| kind == "person" || kind == "organisation")
        };
        // "Assad" in one article is "Bashar Assad" in another. A lone name
        // of unknown kind counts when the other side knows it as a person or
        // organisation.
        fn entity(name: &String) -> Option<(&String, &str)> {
            name.strip_prefix("e:").map(|key| (name, key))
        }
        // "Police", "Polizei", "Government": every local story has one;
        // such a head word alone names no actor of this thread.
        let cues = crate::lexicon::cues::Cues::get();
        // A court is where a case is heard: two cases at "Southwark Crown
        // Court" share a venue, not an actor.
        let court = |key: &str| {
            let last = key.rsplit(' ').next().unwrap_or(key);
            matches!(
                last,
                "court" | "tribunal" | "tribunale" | "cour" | "corte" | "суд" | "sad" | "mahkemesi"
            ) || last.ends_with("gericht")
        };
        let generic = |key: &str| cues.is_standalone_head(key) || court(key);
        p.names.iter().filter_map(entity).any(|(n, nk)| {
            !generic(nk)
                && self.names.keys().filter_map(entity).any(|(m, mk)| {
                    matches!(match_keys(nk, mk), KeyMatch::Same | KeyMatch::Surname)
                        && !generic(mk)
                        && (actor(&p.labels, n) || actor(&self.labels, m))
                })
        })
    }

    /// Take an article's label for a name. A place's label that differs
    /// from its gazetteer name was written by an English article ("Turkey"
    /// for "Türkiye"): it stays, and replaces the gazetteer's.
    fn set_label(&mut self, key: &str, label: &(String, String)) {
        let written = |l: &(String, String)| {
            key.strip_prefix("p:")
                .is_some_and(|gazetteer| crate::lexicon::fold::fold(&l.1) != gazetteer)
        };
        match self.labels.get(key) {
            Some(old) if written(old) && !written(label) => {}
            _ => {
                self.labels.insert(key.to_owned(), label.clone());
            }
        }
    }

    /// Fold an article into the story.
    pub fn add(&mut self, p: &Profile) {
        self.articles += 1;
        *self.languages.entry(p.lang.clone()).or_default() += 1;
        for (t, w) in &p.terms {
            *self.terms.entry(t.clone()).or_default() += w;
        }
        if self.terms.len() > 2 * MAX_STORY_TERMS {
            keep_heaviest(&mut self.terms, MAX_STORY_TERMS, |v| *v);
        }
        if let Some(v) = &p.vector {
            match &mut self.centroid {
                Some(c) => c.iter_mut().zip(v).for_each(|(a, b)| *a += b),
                None => self.centroid = Some(v.clone()),
            }
        }
        for n in &p.names {
            *self.names.entry(n.clone()).or_default() += 1;
            if let Some(l) = p.labels.get(n) {
                self.set_label(n, l);
            }
        }
        for c in &p.countries {
            *self.countries.entry(c.clone()).or_default() += 1;
            if let Some(l) = p.labels.get(c) {
                self.set_label(c, l);
            }
        }
        for (k, n) in &p.mentions {
            *self.mentions.entry(k.clone()).or_default() += n;
        }
        for s in &p.sounds {
            *self.sounds.entry(s.clone()).or_default() += 1;
        }
        if self.sounds.len() > 2 * MAX_STORY_NAMES {
            keep_heaviest(&mut self.sounds, MAX_STORY_NAMES, |c| *c as f64);
        }
        for (k, cc) in &p.place_cc {
            self.place_cc.insert(k.clone(), cc.clone());
        }
        if self.names.len() > 2 * MAX_STORY_NAMES || self.countries.len() > 2 * MAX_STORY_NAMES {
            keep_heaviest(&mut self.names, MAX_STORY_NAMES, |c| *c as f64);
            keep_heaviest(&mut self.countries, MAX_STORY_NAMES, |c| *c as f64);
            let (names, countries) = (&self.names, &self.countries);
            let kept = |k: &String| names.contains_key(k) || countries.contains_key(k);
            self.labels.retain(|k, _| kept(k));
            self.mentions.retain(|k, _| kept(k));
            self.place_cc.retain(|k, _| kept(k));
        }
        if let Some(d) = p.date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }

    /// Key entities and places, countries included, most important first:
    /// named by the most articles, then mentioned most often, then people
    /// before organisations, places and names of unknown kind ("AA Photo").
    pub fn top_names(&self, limit: usize) -> Vec<TopName> {
        let rank = |k: &String| match self.labels.get(k).map(|(kind, _)| kind.as_str()) {
            Some("person") => 0,
            Some("organisation") => 1,
            Some("place") => 2,
            _ => 3,
        };
        let mentions = |k: &String| self.mentions.get(k).copied().unwrap_or(0);
        // One person named in full by some articles and without a given
        // name by others ("Recep Tayyip Erdogan", "Tayyip Erdogan") is
        // listed once, under the fuller name, with the articles of both.
        let is_person = |k: &String| self.labels.get(k).is_some_and(|(kind, _)| kind == "person");
        let fuller = |k: &String| -> Option<&String> {
            if !is_person(k) || !k.contains(' ') {
                return None;
            }
            self.names
                .keys()
                .filter(|f| {
                    is_person(f)
                        && f.len() > k.len()
                        && crate::relate::evidence::match_keys(&k[2..], &f[2..])
                            == crate::relate::evidence::KeyMatch::Contained
                })
                .max_by_key(|f| (f.len(), *f))
        };
        // One person spelt two ways by articles in two languages ("Sergey
        // Lavrov", "Sergej Lawrow"), or transliterated two ways ("Yelena
        // Sorokina", "Elena Sorokina"), is listed once, under the spelling
        // named most. Each key's reading across languages is made once:
        // this runs at every join.
        let mut across: HashMap<&String, String> = self
            .names
            .keys()
            .filter(|k| is_person(k))
            .map(|k| {
                let across = crate::lexicon::fold::across_languages(&k[2..]);
                (k, crate::lexicon::fold::without_initial_iotation(&across))
            })
            .collect();
        undecline_cyrillic_names(&mut across);
        let mut spelling: HashMap<&str, &String> = HashMap::new();
        for (k, a) in &across {
            let best = spelling.entry(a.as_str()).or_insert(k);
            if (mentions(k), std::cmp::Reverse(*k)) > (mentions(best), std::cmp::Reverse(*best)) {
                *best = k;
            }
        }
        let mut counts: HashMap<&String, usize> = HashMap::new();
        for (k, c) in self.names.iter().chain(&self.countries) {
            let k = fuller(k).unwrap_or(k);
            let k = across
                .get(k)
                .and_then(|a| spelling.get(a.as_str()).copied())
                .unwrap_or(k);
            *counts.entry(k).or_default() += c;
        }
        // An article that names both forms counts for each.
        if self.articles > 0 {
            counts
                .values_mut()
                .for_each(|c| *c = (*c).min(self.articles));
        }
        let mut v: Vec<(&String, &usize)> = counts.iter().map(|(k, c)| (*k, c)).collect();
        v.sort_by(|a, b| {
            b.1.cmp(a.1)
                .then(mentions(b.0).cmp(&mentions(a.0)))
                .then(rank(a.0).cmp(&rank(b.0)))
                .then(a.0.cmp(b.0))
        });
        v.into_iter()
            .filter_map(|(k, c)| {
                let (kind, label) = self.labels.get(k)?;
                Some(TopName {
                    key: k[2..].to_owned(),
                    kind: kind.clone(),
                    label: label.clone(),
                    articles: *c,
                    country: self.place_cc.get(k).cloned(),
                })
            })
            .take(limit)
            .collect()
    }
}

/// One of a story's key names, as [`StoryProfile::top_names`] ranks them.
#[derive(Debug, Clone, PartialEq)]
pub struct TopName {
    /// The key without its prefix.
    pub key: String,
    pub kind: String,
    pub label: String,
    pub articles: usize,
    /// ISO country code, for places and countries.
    pub country: Option<String>,
}

fn keep_heaviest<V>(map: &mut HashMap<String, V>, keep: usize, weight: impl Fn(&V) -> f64) {
    let mut w: Vec<f64> = map.values().map(&weight).collect();
    w.sort_by(|a, b| b.total_cmp(a));
    let cut = w[keep.min(w.len()) - 1];
    map.retain(|_, v| weight(v) >= cut);
}

/// The clusterer's choice for one article among candidate stories.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Choice<K> {
    /// The story to join, with its similarity (time included).
    pub join: Option<(K, f64)>,
    /// Best candidate on content alone, for linking a new story to its
    /// thread, when it names one of the article's people or organisations.
    pub nearest: Option<(K, f64)>,
}

/// Pick the story an article joins, if any, among candidates: the most
/// similar one at or above the threshold that `same_event` does not
/// reject (it is asked about candidates in order of similarity, and only
/// about those above the threshold).
pub fn choose<'a, K: Copy + Ord + std::fmt::Debug + 'a>(
    params: &Params,
    p: &Profile,
    candidates: impl IntoIterator<Item = (K, &'a StoryProfile)>,
    mut same_event: impl FnMut(K) -> bool,
) -> Choice<K> {
    let threshold = params.threshold_for(p);
    let mut scored: Vec<(K, f64, f64, &StoryProfile)> = candidates
        .into_iter()
        .map(|(k, story)| {
            let content = story.content_similarity(params, p);
            (
                k,
                content * story.time_factor(params, p.date),
                content,
                story,
            )
        })
        .collect();
    // Highest first; equal scores go to the lower key (the older story),
    // so the choice does not depend on candidate order.
    let nearest = scored
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
        .filter(|(_, _, c, story)| *c >= threshold * params.link_ratio && story.shares_actor(p))
        .map(|&(k, _, c, _)| (k, c));
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let join = scored
        .iter()
        .take_while(|(_, s, _, _)| *s >= threshold)
        .find(|(k, _, _, _)| {
            let ok = same_event(*k);
            if !ok {
                tracing::debug!(story = ?k, "join vetoed: another event");
            }
            ok
        })
        .map(|&(k, s, _, _)| (k, s));
    if tracing::enabled!(tracing::Level::DEBUG) {
        // (story, similarity with time, similarity on content) of the best
        // three: why an article joined a story or started its own.
        let best: Vec<(K, f32, f32)> = scored
            .iter()
            .take(3)
            .map(|&(k, s, c, _)| (k, s as f32, c as f32))
            .collect();
        tracing::debug!(threshold, ?best, join = ?join.map(|j| j.0), "story choice");
    }
    Choice { join, nearest }
}

/// A person named in Russian in another case than the nominative
/// ("Елену Сорокину") is listed with the same person named in the
/// nominative or in Latin letters ("Yelena Sorokina"): each Cyrillic key's
/// reading (`across`, keyed by profile key) takes the reading of a name
/// whose stems are the same, a Latin one first, else the Cyrillic one
/// that sorts first. Sorted, so that every join lists alike.
fn undecline_cyrillic_names(across: &mut HashMap<&String, String>) {
    use crate::lexicon::fold::{is_cyrillic_key, without_case_endings};
    let long_words = |a: &str| a.split(' ').all(|w| w.len() >= 4);
    let stems = |a: &str| without_case_endings(a);
    let mut latin: HashMap<String, String> = HashMap::new();
    let mut keys: Vec<&String> = across.keys().copied().collect();
    keys.sort();
    for k in &keys {
        let a = &across[k];
        if !is_cyrillic_key(k) && long_words(a) {
            latin.entry(stems(a)).or_insert_with(|| a.clone());
        }
    }
    let mut cyrillic: HashMap<String, String> = HashMap::new();
    for k in keys {
        if !is_cyrillic_key(k) || !long_words(&across[k]) {
            continue;
        }
        let stem = stems(&across[k]);
        let reading = match latin.get(&stem) {
            Some(l) => l.clone(),
            None => cyrillic
                .entry(stem)
                .or_insert_with(|| across[k].clone())
                .clone(),
        };
        across.insert(k, reading);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse;
    use crate::ingest::plain::parse_plain;

    #[test]
    fn a_person_spelt_two_ways_in_two_languages_is_listed_once() {
        let mut s = StoryProfile::default();
        for text in [
            "Lavrov calls Ankara\n\nRussian Foreign Minister Sergey Lavrov spoke with Ankara on Tuesday. Lavrov discussed Idlib.",
            "Lavrov on Idlib\n\nSergey Lavrov said the truce in Idlib holds.",
            "Lawrow telefoniert\n\nDer russische Außenminister Sergej Lawrow sprach am Dienstag mit Ankara über Idlib.",
        ] {
            s.add(&profile(&analyse(&parse_plain(text)), 12));
        }
        let top = s.top_names(10);
        let lavrov: Vec<_> = top
            .iter()
            .filter(|n| n.label.contains("Lavrov") || n.label.contains("Lawrow"))
            .collect();
        assert_eq!(lavrov.len(), 1, "{top:?}");
        assert_eq!(lavrov[0].label, "Sergey Lavrov");
        assert_eq!(lavrov[0].articles, 3);
    }

    #[test]
    fn a_person_named_in_a_russian_case_is_listed_with_her_nominative() {
        let mut s = StoryProfile::default();
        for text in [
            "Journalist sentenced in Moscow\n\nA Moscow court sentenced journalist Yelena Sorokina to six years on Monday.",
            "Журналиста приговорили в Москве\n\nСуд в Москве приговорил журналистку Елену Сорокину к шести годам.",
        ] {
            s.add(&profile(&analyse(&parse_plain(text)), 12));
        }
        let top = s.top_names(10);
        let sorokina: Vec<_> = top
            .iter()
            .filter(|n| n.label.contains("Sorokin") || n.label.contains("Сорокин"))
            .collect();
        assert_eq!(sorokina.len(), 1, "{top:?}");
        assert_eq!(sorokina[0].label, "Yelena Sorokina");
        assert_eq!(sorokina[0].articles, 2);
    }

    #[test]
    fn a_person_named_with_and_without_a_given_name_is_listed_once() {
        let mut s = StoryProfile::default();
        for text in [
            "Erdogan visits Malatya\n\nPresident Recep Tayyip Erdogan visited Malatya on Monday.",
            "Erdogan in quake zone\n\nPresident Tayyip Erdogan promised new homes in Malatya.",
            "Erdogan promises homes\n\nPresident Tayyip Erdogan spoke in Malatya again.",
        ] {
            s.add(&profile(&analyse(&parse_plain(text)), 12));
        }
        let top = s.top_names(10);
        let erdogan: Vec<_> = top.iter().filter(|n| n.label.contains("Erdogan")).collect();
        assert_eq!(erdogan.len(), 1, "{top:?}");
        assert_eq!(erdogan[0].label, "Recep Tayyip Erdogan");
        assert_eq!(erdogan[0].articles, 3);
    }

    #[test]
    fn key_places_read_as_an_english_report_writes_them() {
        let mut s = StoryProfile::default();
        for text in [
            "Farmers block the border\n\nFarmers blocked the road from Warsaw to Kyiv in Turkey's style, officials in Warsaw said.",
            "Фермеры блокируют границу\n\nФермеры в Варшаве перекрыли дорогу на Киев, сообщили в Варшаве.",
        ] {
            s.add(&profile(&analyse(&parse_plain(text)), 12));
        }
        let labels: Vec<String> = s.top_names(10).into_iter().map(|n| n.label).collect();
        assert!(labels.contains(&"Warsaw".to_owned()), "{labels:?}");
        assert!(
            !labels.iter().any(|l| l.starts_with("Варшав")),
            "{labels:?}"
        );
    }

    /// An article profile whose embedding is `v`, so content similarity can
    /// be set regardless of wording.
    fn article(text: &str, v: &[f32]) -> Profile {
        let mut p = profile(&analyse(&parse_plain(text)), 12);
        p.vector = Some(v.to_vec());
        p
    }

    fn story_of(p: &Profile) -> StoryProfile {
        let mut s = StoryProfile::default();
        s.add(p);
        s
    }

    #[test]
    fn names_the_story_always_carries_count_against_an_article_without_them() {
        let v = [1.0, 0.0, 0.0];
        let fight = "Klitschko stops Rahman\n\nWladimir Klitschko stopped Hasim Rahman in Mannheim on Saturday.";
        let mut story = story_of(&article(fight, &v));
        story.add(&article(fight, &v));
        let same = article(fight, &v);
        let rematch = article(
            "Klitschko wins again\n\nWladimir Klitschko retained his titles on Saturday.",
            &v,
        );
        let overlap = |p: &Profile| story.name_overlap(p);
        assert!((overlap(&same) - 1.0).abs() < 1e-9, "{}", overlap(&same));
        // All its names are the story's (the old measure, the share of the
        // article's names the story has, says 1), but the story's opponent
        // and town are missing: not the same fight.
        assert!(overlap(&rematch) < 0.6, "{}", overlap(&rematch));
    }

    #[test]
    fn a_name_in_another_script_is_shared_with_a_story_told_in_another_language() {
        let v = [1.0, 0.0, 0.0];
        let russian = article("Умер Алексей Навальный\n\nАлексей Навальный умер в колонии в поселке Харп, сообщила ФСИН в пятницу.", &v);
        let english = article("Alexei Navalny dies in prison\n\nKremlin critic Alexei Navalny has died in an Arctic penal colony, the prison service said on Friday.", &v);
        let story = story_of(&russian);
        assert!(
            story.name_overlap(&english) > 0.3,
            "{}",
            story.name_overlap(&english)
        );
        // Within one language names are compared as written: sounding alike
        // is no evidence there ("Jan" and "Ian" are two people).
        let story = story_of(&english);
        let other = article("Ian Navalni speaks\n\nIan Navalni, a dentist from Leeds, spoke to reporters on Friday.", &v);
        assert_eq!(story.name_overlap(&other), 0.0);
    }

    #[test]
    fn close_embeddings_share_index_keys_and_the_keys_never_change() {
        let a: Vec<f32> = (0..512)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 50.0)
            .collect();
        let near: Vec<f32> = a
            .iter()
            .enumerate()
            .map(|(i, x)| x + if i % 9 == 0 { 0.3 } else { 0.0 })
            .collect();
        let far: Vec<f32> = a
            .iter()
            .enumerate()
            .map(|(i, x)| if i % 2 == 0 { -x } else { *x })
            .collect();
        let keys = embedding_keys(&a);
        assert_eq!(keys.len(), EMBEDDING_TABLES);
        assert_eq!(keys, embedding_keys(&a));
        let shared = |b: &[f32]| {
            embedding_keys(b)
                .iter()
                .filter(|k| keys.contains(k))
                .count()
        };
        assert!(shared(&near) >= EMBEDDING_TABLES / 2, "{}", shared(&near));
        assert!(shared(&far) <= 2, "{}", shared(&far));
    }

    #[test]
    fn words_count_only_against_a_story_told_in_the_article_language() {
        let v = [1.0, 0.0, 0.0];
        let w = [0.6, 0.8, 0.0];
        let params = Params::default();
        let english = article("Quake hits Taiwan\n\nA strong earthquake struck Hualien in Taiwan on Wednesday, killing nine people.", &v);
        let french = article("Un séisme frappe Taïwan\n\nUn violent séisme a frappé mercredi la région de Hualien, à Taïwan, faisant neuf morts.", &w);
        let story = story_of(&english);
        // Words of the French report are no evidence against the English
        // story: its similarity is that of the embedding and names alone,
        // not dragged down by a term cosine near zero.
        let across = story.content_similarity(&params, &french);
        let [we, _, wn] = params.weights;
        let embedding_and_names = (we * 0.6 + wn * story.name_overlap(&french)) / (we + wn);
        assert!(
            (across - embedding_and_names).abs() < 1e-6,
            "{across} {embedding_and_names}"
        );
        // Once the story has an article in French, words count again.
        let mut mixed = story.clone();
        mixed.add(&french);
        let again = article("Séisme à Taïwan\n\nLe séisme de mercredi à Hualien a fait neuf morts, selon les pompiers.", &w);
        let terms = cosine_sparse(&again.terms, &mixed.terms);
        assert!(terms > 0.0);
        let expected = we * cosine_dense(&w, mixed.centroid.as_ref().unwrap())
            + params.weights[1] * terms
            + wn * mixed.name_overlap(&again);
        assert!((mixed.content_similarity(&params, &again) - expected).abs() < 1e-6);
    }

    #[test]
    fn an_article_dated_inside_a_story_joins_whatever_its_recent_articles() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day);
        let params = Params::default();
        let story = StoryProfile {
            first: d(3, 1),
            last: d(3, 14),
            ..StoryProfile::default()
        };
        assert_eq!(story.new_story_after_days(&params, d(3, 2)), i64::MAX);
        assert_eq!(
            story.new_story_after_days(&params, d(3, 30)),
            params.new_story_after_days
        );
        assert_eq!(
            story.new_story_after_days(&params, None),
            params.new_story_after_days
        );
    }

    #[test]
    fn a_thread_link_needs_an_actor_in_common() {
        let v = [1.0, 0.0, 0.0];
        let kraft = article("Worker kills two at Kraft plant\n\nYvonne Hiller shot two co-workers at the Kraft Foods plant, police said.", &v);
        let verdict = article("Hiller convicted of Kraft murders\n\nA jury convicted Hiller of the 2010 shooting at the plant, prosecutors said.", &v);
        let lookalike = article("Fired worker kills two in office\n\nAnthony LaCalamita shot two co-workers at an office in Troy, police said.", &v);
        let story = story_of(&kraft);
        // Joining is ruled out, to look at the thread link alone.
        let nearest =
            |p: &Profile| choose(&Params::default(), p, [(0u32, &story)], |_| false).nearest;
        assert!(
            nearest(&verdict).is_some(),
            "same actor (Hiller = Yvonne Hiller): same thread"
        );
        assert_eq!(
            nearest(&lookalike),
            None,
            "alike in content, no actor in common"
        );
        // "Police" in both is no actor in common.
        let fire = article("Fire destroys mill in Lodz\n\nA fire destroyed an old mill in Lodz on Sunday, Police said, and nobody was hurt.", &v);
        let other_fire = article("Fire destroys warehouse in Lodz\n\nA fire destroyed a warehouse in Lodz on Monday, Police said, and two firefighters were hurt.", &v);
        let nearest_to = |p: &Profile, to: &Profile| {
            choose(&Params::default(), p, [(0u32, &story_of(to))], |_| false).nearest
        };
        assert_eq!(nearest_to(&other_fire, &fire), None);
        // Nor the court two different cases are heard at.
        let fraud = article("Fraud trial opens\n\nJordan Lincoln went on trial at Southwark Crown Court on Monday over a Ponzi scheme, the Serious Fraud Office said.", &v);
        let woodford = article("Fund manager cleared\n\nNeil Woodford was cleared at Southwark Crown Court on Friday of misleading investors, the Financial Conduct Authority said.", &v);
        assert_eq!(nearest_to(&woodford, &fraud), None);
    }
}
