//! Online story clustering in memory: each article, as it arrives, joins
//! the most similar existing story or starts a new one.
//!
//! Candidate stories come from an inverted index over the article's keys
//! (its rarest content terms, named entities and places), never from a scan
//! of all stories, so assigning one article costs the same with a thousand
//! stories or a million. Similarity to a candidate combines the embedding
//! cosine with the story centroid (when vectors exist), the tf-idf cosine
//! with the story's term profile, and the overlap of named entities.

use super::event_check::{may_join, RECENT_MEMBERS};
use super::profile::{choose, profile, Params, Profile, StoryProfile};
use crate::analyse::Analysis;
use std::collections::{HashMap, VecDeque};

/// The clusterer held in memory (batch mode: `storyline cluster`).
#[derive(Default)]
pub struct OnlineClusterer {
    params: Params,
    stories: Vec<StoryProfile>,
    /// The latest articles of each story, newest first, for the event check.
    recent: Vec<VecDeque<Analysis>>,
    index: HashMap<String, Vec<usize>>,
    links: Vec<(usize, usize, f64)>,
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

    /// Stories linked as one thread: (earlier story, later story, similarity).
    pub fn links(&self) -> &[(usize, usize, f64)] {
        &self.links
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
        let recent = &self.recent;
        let (stories, params) = (&self.stories, &self.params);
        let choice = choose(
            &self.params,
            &p,
            candidates.iter().map(|&(s, _)| (s, &self.stories[s])),
            |s| {
                may_join(
                    an,
                    &recent[s],
                    stories[s].new_story_after_days(params, p.date),
                )
            },
        );
        let story = match choice.join {
            Some((s, _)) => s,
            None => {
                self.stories.push(StoryProfile::default());
                self.recent.push(VecDeque::with_capacity(RECENT_MEMBERS));
                let new = self.stories.len() - 1;
                if let Some((s, sim)) = choice.nearest {
                    self.links.push((s, new, sim));
                }
                new
            }
        };
        self.add(story, p);
        let recent = &mut self.recent[story];
        recent.truncate(RECENT_MEMBERS - 1);
        recent.push_front(an.clone());
        story
    }

    fn add(&mut self, story: usize, p: Profile) {
        self.stories[story].add(&p);
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
