//! Story assignment against the store: the same choice as the in-memory
//! clusterer, with candidates from the store's key index (bounded per key
//! to the most recently updated stories, so cost does not grow with the
//! store) and profiles read and written inside the caller's transaction.

use super::event_check::{may_join, may_join_across, RECENT_MEMBERS};
use super::profile::{choose, LanguageTitle, Params, Profile, StoryProfile};
use crate::analyse::{analyse, embed_sentences, Analysis};
use crate::embed::encoders::Encoders;
use crate::store::{self, PlaceFilter, Store, StoryName, StoryState, Txn};
use std::collections::HashMap;

/// Stories read per index key: the most recently updated ones. A story
/// silent for longer than this many newer stories sharing its keys is
/// treated as over; a new article on it starts a story linked to it.
pub const CANDIDATES_PER_KEY: usize = 64;
/// Key entities and places kept per story for listings and filters.
const STORY_NAMES: usize = 40;

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    pub story: i64,
    pub created: bool,
    /// Similarity to the story joined (0 for a new story).
    pub similarity: f64,
    /// The earlier story a new one was linked to as the same thread.
    pub linked: Option<(i64, f64)>,
}

fn decode(bytes: &[u8], id: i64) -> StoryProfile {
    serde_json::from_slice(bytes).unwrap_or_else(|e| {
        tracing::warn!("story {id}: unreadable profile ({e}); starting it afresh");
        StoryProfile::default()
    })
}

fn encode(p: &StoryProfile) -> Vec<u8> {
    serde_json::to_vec(p).expect("story profiles serialise")
}

/// The key an entity filter looks for: the name as the analyser keys it,
/// so that a label copied from a listing finds its story ("Abdel Fattah
/// al-Burhan" is keyed "abdel fattah al burhan"; "Rapid Support Forces
/// (RSF)" is the name before its short form).
pub fn entity_filter_key(query: &str) -> String {
    let query = query.trim();
    let name = match query.strip_suffix(')').and_then(|q| q.rsplit_once('(')) {
        Some((name, _)) if !name.trim().is_empty() => name,
        _ => query,
    };
    let words = crate::analyse::tokens::tokenize(name, &[(0, name.len())]);
    crate::analyse::entities::entity_key(&words)
}

/// What a user's place filter stands for. A place the gazetteer knows, in
/// any of its names ("Köln", "Cologne", "Syrien"), is its key; a country
/// also stands for every place in it ("Syria" finds a story in Idlib). An
/// unknown name is taken as written.
pub fn place_filter(store: &dyn Store, query: &str) -> crate::store::Result<PlaceFilter> {
    use crate::analyse::gazetteer::{name_key, Gazetteer, PlaceKind};
    use crate::lexicon::fold::fold;
    use unicode_segmentation::UnicodeSegmentation;
    let gaz = Gazetteer::get();
    let senses = gaz.senses(&name_key(query.unicode_words()));
    if senses.is_empty() {
        return Ok(PlaceFilter {
            keys: vec![fold(query.trim())],
            countries: Vec::new(),
        });
    }
    let mut filter = PlaceFilter::default();
    for s in senses {
        let p = gaz.place(s.place);
        filter.keys.push(fold(&p.name));
        if p.kind == PlaceKind::Country {
            filter.countries.push(p.cc.clone());
        }
    }
    // Stories stored before places kept their country code: their places
    // are read again in the gazetteer (until their next update refreshes
    // them).
    if !filter.countries.is_empty() {
        for key in store.story_place_keys_without_country()? {
            let in_country = gaz.senses(&key).iter().any(|s| {
                let p = gaz.place(s.place);
                !s.adjective && fold(&p.name) == key && filter.countries.contains(&p.cc)
            });
            if in_country {
                filter.keys.push(key);
            }
        }
    }
    filter.keys.sort();
    filter.keys.dedup();
    filter.countries.sort();
    filter.countries.dedup();
    Ok(filter)
}

fn names(p: &StoryProfile) -> Vec<StoryName> {
    p.top_names(STORY_NAMES)
        .into_iter()
        .map(|n| StoryName {
            key: n.key,
            kind: n.kind,
            label: n.label,
            articles: n.articles as i64,
            country: n.country,
        })
        .collect()
}

/// Whether a title can stand as a story's headline: not a URL (some
/// corpora put the address on the first line), not a fragment, not a
/// paragraph.
pub fn headline_worthy(title: &str) -> bool {
    let t = title.trim();
    // Words with a letter: "8 : 24am :" (a time line) is no headline.
    let words = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let lower = t.to_ascii_lowercase();
    (3..=40).contains(&words) && !lower.starts_with("http") && !lower.contains("www .")
}

/// Whether an article's title may lead its story: worthy of a headline,
/// not set in capitals ("COLTS BEAT CHIEFS 20 - 13") and not two sentences
/// (a machine translation's "Fire of the warehouse hall in Lodz. On the
/// place more than 30 units of fire brigade"), which a story keeps only
/// until another title comes.
fn leads_a_story(title: &str) -> bool {
    headline_worthy(title)
        && !crate::analyse::tokens::in_capitals(title)
        && crate::analyse::sentences::split_sentences(title).len() == 1
        && !comment_or_live(title)
}

/// Labels of an opinion column, an analysis or a live blog: such a piece
/// tells what one writer makes of the event, or everything as it comes, and
/// heads a story of reports only until a report's title comes (folded,
/// before ':', '|' or a dash, or anywhere for the live ones).
const COMMENT_LABELS: &[&str] = &[
    "opinion",
    "comment",
    "commentary",
    "analysis",
    "editorial",
    "column",
    "op-ed",
    "letters",
    "explainer",
    "opinión",
    "tribune",
    "kommentar",
    "meinung",
    "analyse",
    "leitartikel",
    "opinione",
    "commento",
    "editoriale",
    "analisi",
    "мнение",
    "комментарий",
    "görüş",
    "yorum",
    "analiz",
    "opinia",
    "komentarz",
    "opinião",
    "análise",
    "análisis",
];
const LIVE_MARKS: &[&str] = &[
    "live:",
    "live updates",
    "live blog",
    "- live",
    "– live",
    "as it happened",
    "en direct",
    "en vivo",
    "en directo",
    "in diretta",
    "ao vivo",
    "liveticker",
    "live-ticker",
    "newsblog",
    "в режиме онлайн",
];

/// Whether a title labels an opinion piece, an analysis or a live blog
/// ("Opinion: Erdogan's defeat shows ...", "Taiwan earthquake live: ...").
fn comment_or_live(title: &str) -> bool {
    let lower = title.trim().to_lowercase().replace(" - ", " | ");
    let label = lower
        .split([':', '|', '–', '—'])
        .next()
        .filter(|head| head.len() < lower.len())
        .map(|head| head.trim().trim_end_matches(" -").trim());
    label.is_some_and(|l| COMMENT_LABELS.contains(&l))
        || LIVE_MARKS.iter().any(|m| {
            // At a word's start: "alive:" is no live blog.
            lower.match_indices(m).any(|(i, _)| {
                !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
        })
        || lower.ends_with(" live")
}

/// Assign an article (already inserted as `seq`, id `article_id`, analysed
/// as `an`, profiled as `p`; `encoders` embed what the event check reads
/// across languages) to a story: join the best candidate that does
/// not plainly report another event, or start a new story.
#[allow(clippy::too_many_arguments)]
pub fn assign(
    tx: &mut dyn Txn,
    params: &Params,
    an: &Analysis,
    p: &Profile,
    article_id: &str,
    title: &str,
    seq: i64,
    encoders: &Encoders,
) -> store::Result<Assignment> {
    let mut ids = tx.story_candidates(&p.keys, CANDIDATES_PER_KEY)?;
    ids.truncate(params.max_candidates);
    let mut candidates: Vec<(i64, StoryState, StoryProfile)> = Vec::with_capacity(ids.len());
    for (id, _) in ids {
        if let Some(state) = tx.story_state(id)? {
            let profile = decode(&state.profile, id);
            candidates.push((id, state, profile));
        }
    }
    // The event check reads the recent articles of the candidates above
    // the threshold, best first, and analyses them (without models) one at
    // a time until one passes: usually one story and one article. Only a
    // story with none in the article's language has its articles embedded
    // too, one at a time ([`may_join_across`]).
    let mut failed = None;
    // The article with sentence embeddings, made once if a story needs it.
    let mut across: Option<Analysis> = None;
    let choice = choose(
        params,
        p,
        candidates.iter().map(|(id, _, pr)| (*id, pr)),
        // Articles in the article's language are the evidence; a story's
        // latest may all be translations, so a few more are read, and
        // chosen by their stored language before any is analysed. A story
        // told only in other languages is read across languages, by
        // sentence embeddings, which the stored path computes only then.
        |story| match tx.story_recent_originals(story, RECENT_MEMBERS * 2) {
            Ok(recent) => {
                let grace = candidates
                    .iter()
                    .find(|(id, _, _)| *id == story)
                    .map_or(params.new_story_after_days, |(_, _, pr)| {
                        pr.new_story_after_days(params, p.date)
                    });
                let lang = an.language.code.as_str();
                if recent.iter().any(|a| a.lang == lang) {
                    may_join(
                        an,
                        recent
                            .iter()
                            .filter(|a| a.lang == lang)
                            .map(|a| analyse(&a.to_article())),
                        grace,
                    )
                } else {
                    let embed = |m: &mut Analysis| {
                        if let Some(enc) = &encoders.usem3 {
                            embed_sentences(m, enc);
                        }
                    };
                    may_join_across(
                        an,
                        &mut across,
                        recent.iter().map(|a| analyse(&a.to_article())),
                        grace,
                        embed,
                    )
                }
            }
            Err(e) => {
                failed.get_or_insert(e);
                false
            }
        },
    );
    if let Some(e) = failed {
        return Err(e);
    }
    let assignment = match choice.join {
        Some((id, sim)) => {
            let (_, mut state, mut profile) = candidates
                .into_iter()
                .find(|(c, _, _)| *c == id)
                .expect("chosen among candidates");
            // A story stored before languages were counted: its articles
            // count in its headline's language, when that can be told.
            if profile.languages.is_empty()
                && profile.articles > 0
                && leads_a_story(&state.headline)
            {
                let lang = crate::analyse::language::detect(&state.headline).code;
                if lang != UNDETERMINED {
                    profile.languages.insert(lang.clone(), profile.articles);
                    profile.headline_lang = Some(lang);
                }
            }
            profile.add(p);
            let lang = an.language.code.clone();
            if leads_a_story(title) && profile.best_titles.get(&lang).is_none_or(|b| sim > b.score)
            {
                profile.best_titles.insert(
                    lang.clone(),
                    LanguageTitle {
                        title: title.to_owned(),
                        article: article_id.to_owned(),
                        score: sim,
                    },
                );
            }
            let headline_lang = profile.headline_lang.as_deref().unwrap_or(UNDETERMINED);
            let change = headline_changes(
                &profile.languages,
                headline_lang,
                leads_a_story(&state.headline),
                state.headline_score,
                &lang,
                sim,
            );
            if let Some(best) = profile.best_titles.get(&lang).filter(|_| change) {
                state.headline = best.title.clone();
                state.headline_article = best.article.clone();
                state.headline_score = best.score;
                profile.headline_lang = Some(lang.clone());
            }
            state.articles += 1;
            state.first_date = profile.first;
            state.last_date = profile.last;
            state.updated_seq = seq;
            state.profile = encode(&profile);
            tx.update_story(id, &state)?;
            tx.set_story_names(id, &names(&profile))?;
            Assignment {
                story: id,
                created: false,
                similarity: sim,
                linked: None,
            }
        }
        None => {
            let mut profile = StoryProfile::default();
            profile.add(p);
            profile.headline_lang = Some(an.language.code.clone());
            if leads_a_story(title) {
                profile.best_titles.insert(
                    an.language.code.clone(),
                    LanguageTitle {
                        title: title.to_owned(),
                        article: article_id.to_owned(),
                        score: params.threshold_for(p),
                    },
                );
            }
            let state = StoryState {
                headline: title.to_owned(),
                headline_article: article_id.to_owned(),
                // A later article must match better than the bar to take
                // over the headline; any will do when this title is no
                // headline (a bare URL, a fragment, a title in capitals).
                headline_score: if leads_a_story(title) {
                    params.threshold_for(p)
                } else {
                    f64::NEG_INFINITY
                },
                articles: 1,
                first_date: profile.first,
                last_date: profile.last,
                created_seq: seq,
                updated_seq: seq,
                profile: encode(&profile),
            };
            let id = tx.create_story(&state)?;
            tx.set_story_names(id, &names(&profile))?;
            if let Some((other, sim)) = choice.nearest {
                tx.link_stories(other, id, sim)?;
            }
            Assignment {
                story: id,
                created: true,
                similarity: 0.0,
                linked: choice.nearest,
            }
        }
    };
    tx.index_story(assignment.story, &p.keys, seq)?;
    Ok(assignment)
}

/// What language detection says of text too short to tell.
const UNDETERMINED: &str = "und";

/// Whether the best title in an arriving article's language (`lang`, the
/// article matching the story at `sim`) now heads the story. The headline
/// is the title that matched the story best so far, in the language most
/// of its articles are in (`counts`, this article included): a translation
/// matches its original best of all and must not put an English story
/// under a German headline, while a story a French report started takes
/// an English headline once English reports outnumber French ones. On a
/// tie the headline stays. A headline that is no headline (a URL line, a
/// fragment) gives way to any title; an undetermined language matches any.
fn headline_changes(
    counts: &HashMap<String, usize>,
    headline_lang: &str,
    headline_stands: bool,
    headline_score: f64,
    lang: &str,
    sim: f64,
) -> bool {
    if !headline_stands {
        return true;
    }
    let same = lang == headline_lang || lang == UNDETERMINED || headline_lang == UNDETERMINED;
    if same {
        return sim > headline_score;
    }
    let count = |l: &str| counts.get(l).copied().unwrap_or(0);
    count(lang) > count(headline_lang)
}

/// Make a story what its articles say now that one of them (`replaced`,
/// now profiled as `keys` and titled `title`) was replaced by a corrected
/// version: its words, names, places and dates are summed again over
/// `members`, the profiles of its original articles in arrival order. The
/// story keeps its id, its articles and its thread links; a headline taken
/// from the replaced article takes the corrected one. `embedded` says
/// whether the members carry embeddings: when they do not (no model
/// loaded), the story keeps the centroid it had.
pub fn rebuild(
    tx: &mut dyn Txn,
    story: i64,
    members: &[Profile],
    replaced: &str,
    title: &str,
    keys: &[String],
    embedded: bool,
) -> store::Result<()> {
    let Some(mut state) = tx.story_state(story)? else {
        return Ok(());
    };
    let old = decode(&state.profile, story);
    let mut profile = StoryProfile::default();
    for m in members {
        profile.add(m);
    }
    if !embedded {
        profile.centroid = old.centroid;
    }
    profile.headline_lang = old.headline_lang;
    profile.best_titles = old.best_titles;
    profile
        .best_titles
        .retain(|_, best| best.article != replaced || leads_a_story(title));
    for best in profile.best_titles.values_mut() {
        if best.article == replaced {
            best.title = title.to_owned();
        }
    }
    if state.headline_article == replaced {
        state.headline = title.to_owned();
    }
    state.first_date = profile.first;
    state.last_date = profile.last;
    state.profile = encode(&profile);
    tx.update_story(story, &state)?;
    tx.set_story_names(story, &names(&profile))?;
    tx.index_story(story, keys, state.updated_seq)
}

/// Count a duplicate in its original's story without changing what the
/// story is about (copies must not outweigh independent reports).
pub fn count_copy(tx: &mut dyn Txn, story: i64, seq: i64) -> store::Result<()> {
    if let Some(mut state) = tx.story_state(story)? {
        state.articles += 1;
        state.updated_seq = seq;
        tx.update_story(story, &state)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::headline_worthy;

    #[test]
    fn the_headline_follows_the_language_most_articles_are_in() {
        use super::headline_changes;
        let counts = |pairs: &[(&str, usize)]| {
            pairs
                .iter()
                .map(|(l, n)| (l.to_string(), *n))
                .collect::<std::collections::HashMap<_, _>>()
        };
        // Same language: a better match takes over, a worse one does not.
        assert!(headline_changes(
            &counts(&[("en", 2)]),
            "en",
            true,
            0.5,
            "en",
            0.6
        ));
        assert!(!headline_changes(
            &counts(&[("en", 2)]),
            "en",
            true,
            0.5,
            "en",
            0.4
        ));
        // Another language: only once it outnumbers the headline's, however
        // well it matches (a translation matches best of all).
        let tie = counts(&[("fr", 1), ("en", 1)]);
        assert!(!headline_changes(&tie, "fr", true, 0.4, "en", 0.99));
        let more = counts(&[("fr", 1), ("en", 2)]);
        assert!(headline_changes(&more, "fr", true, 0.9, "en", 0.1));
        // A French majority regained turns it back.
        let back = counts(&[("fr", 3), ("en", 2)]);
        assert!(headline_changes(&back, "en", true, 0.9, "fr", 0.1));
        // Text too short to tell matches any language.
        assert!(headline_changes(&tie, "und", true, 0.4, "en", 0.5));
        assert!(headline_changes(&tie, "en", true, 0.4, "und", 0.5));
        // A URL line or fragment gives way to any title.
        assert!(headline_changes(&tie, "fr", false, 0.9, "en", 0.1));
    }

    #[test]
    fn a_profile_stored_before_languages_were_counted_still_reads() {
        let old =
            r#"{"articles":3,"terms":{},"centroid":null,"names":{},"first":null,"last":null}"#;
        let p: super::StoryProfile = serde_json::from_str(old).unwrap();
        assert!(p.languages.is_empty() && p.headline_lang.is_none() && p.best_titles.is_empty());
    }

    #[test]
    fn urls_fragments_and_paragraphs_are_no_headlines() {
        assert!(headline_worthy("Tara Reid checks into Promises rehab"));
        assert!(!headline_worthy(
            "http : / / www . nowpublic . com / world / texas"
        ));
        assert!(!headline_worthy("Breaking"));
        assert!(!headline_worthy("8 : 24am :"), "a time line");
        assert!(!headline_worthy(&"word ".repeat(60)));
        assert!(super::leads_a_story(
            "Colts beat Chiefs to clinch playoff berth"
        ));
        assert!(!super::leads_a_story(
            "COLTS BEAT CHIEFS 20 - 13 TO CLINCH PLAYOFF BERTH"
        ));
        assert!(!super::leads_a_story(
            "Fire of the warehouse hall in Lodz. On the place more than 30 units of fire brigade"
        ));
        assert!(super::leads_a_story("U.S. Senate passes budget bill"));
        for label in [
            "Opinion: Erdogan's defeat shows Turkish democracy still has a pulse",
            "Taiwan earthquake live: rescuers search for missing hikers",
            "Kommentar | Die Bahn braucht einen neuen Fahrplan",
            "Séisme à Taïwan : en direct, les secours s'organisent",
        ] {
            assert!(!super::leads_a_story(label), "{label}");
        }
        assert!(super::leads_a_story(
            "Analysts expect rate cut as inflation eases"
        ));
        assert!(super::leads_a_story(
            "Villa live up to billing in 3-1 win over Villarreal"
        ));
    }
}
