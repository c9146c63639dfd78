//! Online story clustering: each article, as it arrives, joins the most
//! similar existing story or starts a new one.
//!
//! Candidate stories come from an inverted index over the article's keys
//! (its rarest content terms, named entities and places), never from a scan
//! of all stories, so assigning one article costs the same with a thousand
//! stories or a million. Similarity to a candidate combines the embedding
//! cosine with the story centroid (when vectors exist), the tf-idf cosine
//! with the story's term profile, and the overlap of named entities.

use crate::analyse::gazetteer::PlaceKind;
use crate::analyse::Analysis;
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
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.4,
            lexical_threshold: 0.2,
            key_terms: 12,
            max_candidates: 32,
            weights: [0.4, 0.2, 0.4],
        }
    }
}

/// What a story remembers of its articles.
#[derive(Debug, Default, Clone)]
struct Story {
    articles: usize,
    /// Sum of article term vectors (each L2-normalised).
    terms: HashMap<String, f64>,
    /// Sum of article embeddings (each L2-normalised).
    centroid: Option<Vec<f32>>,
    /// Entity and place keys with how many articles named them.
    names: HashMap<String, usize>,
}

#[derive(Default)]
pub struct OnlineClusterer {
    params: Params,
    stories: Vec<Story>,
    index: HashMap<String, Vec<usize>>,
}

/// The article's features for clustering.
struct Profile {
    terms: HashMap<String, f64>,
    vector: Option<Vec<f32>>,
    names: Vec<String>,
    keys: Vec<String>,
}

fn profile(an: &Analysis, key_terms: usize) -> Profile {
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
    let mut names: Vec<String> = an.entities.iter().map(|e| format!("e:{}", e.key)).collect();
    // Countries and continents are too broad to tell stories apart.
    names.extend(
        an.places
            .iter()
            .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Admin1))
            .map(|p| format!("p:{}", p.place)),
    );
    keys.extend(names.iter().cloned());
    Profile {
        terms,
        vector: an.embedding.as_ref().map(|e| e.document.clone()),
        names,
        keys,
    }
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

impl OnlineClusterer {
    pub fn new(params: Params) -> OnlineClusterer {
        OnlineClusterer {
            params,
            ..Default::default()
        }
    }

    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    /// Similarity of an article to a story, 0..1.
    fn similarity(&self, p: &Profile, s: &Story) -> f64 {
        let terms = cosine_sparse(&p.terms, &s.terms);
        let names = if p.names.is_empty() {
            0.0
        } else {
            let hits: f64 = p
                .names
                .iter()
                .map(|n| {
                    s.names
                        .get(n)
                        .map_or(0.0, |c| *c as f64 / s.articles as f64)
                })
                .sum();
            hits / p.names.len() as f64
        };
        let [we, wt, wn] = self.params.weights;
        match (&p.vector, &s.centroid) {
            (Some(v), Some(c)) => we * cosine_dense(v, c) + wt * terms + wn * names,
            _ => (wt * terms + wn * names) / (wt + wn).max(1e-9),
        }
    }

    /// Assign an analysed article; returns its story number (0-based, in
    /// order of creation).
    pub fn assign(&mut self, an: &Analysis) -> usize {
        let p = profile(an, self.params.key_terms);
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for k in &p.keys {
            for &s in self.index.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                *hits.entry(s).or_default() += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = hits.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(self.params.max_candidates);
        let best = candidates
            .iter()
            .map(|&(s, _)| (s, self.similarity(&p, &self.stories[s])))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let threshold = if p.vector.is_some() {
            self.params.threshold
        } else {
            self.params.lexical_threshold
        };
        let story = match best {
            Some((s, sim)) if sim >= threshold => s,
            _ => {
                self.stories.push(Story::default());
                self.stories.len() - 1
            }
        };
        self.add(story, p);
        story
    }

    fn add(&mut self, story: usize, p: Profile) {
        let s = &mut self.stories[story];
        s.articles += 1;
        for (t, w) in p.terms {
            *s.terms.entry(t).or_default() += w;
        }
        if let Some(v) = p.vector {
            match &mut s.centroid {
                Some(c) => c.iter_mut().zip(&v).for_each(|(a, b)| *a += b),
                None => s.centroid = Some(v),
            }
        }
        for n in &p.names {
            *s.names.entry(n.clone()).or_default() += 1;
        }
        for k in p.keys {
            let list = self.index.entry(k).or_default();
            if list.last() != Some(&story) && !list.contains(&story) {
                list.push(story);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse;
    use crate::ingest::plain::parse_plain;

    fn article(text: &str) -> Analysis {
        analyse(&parse_plain(text))
    }

    #[test]
    fn copies_join_their_story_and_unrelated_news_starts_a_new_one() {
        let rehab = "Tara Reid checks into Promises rehab\n\nActress Tara Reid checked herself into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan told People magazine on Tuesday.";
        let rehab2 = "Tara Reid enters Promises rehab center\n\nTara Reid has entered the Promises Treatment Center in Malibu, publicist Jack Ketsoyan confirmed to People on Tuesday.";
        let quake = "Earthquake hits northern California\n\nA magnitude 4.4 earthquake struck near Healdsburg in Sonoma County early Monday, the US Geological Survey said.";
        let mut c = OnlineClusterer::new(Params::default());
        let a = c.assign(&article(rehab));
        let b = c.assign(&article(quake));
        let d = c.assign(&article(rehab2));
        assert_ne!(a, b, "unrelated stories stay apart");
        assert_eq!(a, d, "a rewrite of the same event joins its story");
        assert_eq!(c.stories(), 2);
    }
}
