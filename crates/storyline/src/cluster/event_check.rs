//! The check a story's best candidate must pass before an article joins
//! it: that the article does not plainly report another event than the
//! story's recent articles.
//!
//! Similarity alone merges two events of one kind in one setting (two
//! rounds of talks on Idlib, two celebrities checking into rehab): they
//! share places, vocabulary and often actors. Two signs tell them apart:
//! the leads are about people the other article never names (two
//! obituaries of Watergate figures), or the relate stage's event evidence
//! (no sentence of one retells a sentence of the other, no figure in
//! common) together with different protagonists. Within one ECB+ topic
//! either holds for 48% of pairs of different events and 4.5% of pairs of
//! the same event (`examples/event_check_pairs.rs`, docs/benchmarks.md),
//! so the check vetoes a join only when it holds against every recent
//! article of the story.

use crate::analyse::entities::{Entity, EntityKind};
use crate::analyse::Analysis;
use crate::relate::evidence::{gather, people_differ, same_entity, EventVerdict};
use std::borrow::Borrow;

/// Recent articles of a story the check compares against.
pub const RECENT_MEMBERS: usize = 5;

/// `a` and `b` plainly report different events. In one language the
/// words tell. Across two no sentence retells another word for word, and
/// names are spelt apart ("Putin", "Poutine"), so only the sentence
/// embeddings can say that no sentence of one retells one of the other:
/// without them (on both sides, from one encoder) nothing is said.
pub fn different_events(a: &Analysis, b: &Analysis) -> bool {
    if a.language.code != b.language.code {
        return meaning_comparable(a, b)
            && people_differ(a, b)
            && gather(a, b).events.verdict == EventVerdict::DifferentEvents;
    }
    lead_protagonists_differ(a, b)
        || (people_differ(a, b) && gather(a, b).events.verdict == EventVerdict::DifferentEvents)
}

/// Both articles carry sentence embeddings of one encoder.
fn meaning_comparable(a: &Analysis, b: &Analysis) -> bool {
    match (&a.embedding, &b.embedding) {
        (Some(x), Some(y)) => {
            x.encoder == y.encoder && !x.sentences.is_empty() && !y.sentences.is_empty()
        }
        _ => false,
    }
}

/// Sentence indexes of an article's lead: its headings and first body
/// sentence, where a news report names whom the event is about.
fn lead_sentences(a: &Analysis) -> Vec<usize> {
    let mut lead = Vec::new();
    for (i, s) in a.sentences.iter().enumerate() {
        lead.push(i);
        if !s.heading {
            break;
        }
    }
    lead
}

/// The people an article's lead is about: those named in the lead that the
/// article mentions most ("Mark Felt" over "Deep Throat" in "Mark Felt,
/// 'Deep Throat', died").
fn lead_protagonists(side: &Analysis) -> Vec<&Entity> {
    let lead = lead_sentences(side);
    let people: Vec<&Entity> = side
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| e.sentences.iter().any(|i| lead.contains(i)))
        .collect();
    let top = people.iter().map(|e| e.mentions).max().unwrap_or(0);
    people.into_iter().filter(|e| e.mentions == top).collect()
}

/// Both leads are about people, and neither article names anywhere the
/// people the other's lead is about: "Mark Felt dies" and "Fred LaRue
/// dies", two Watergate obituaries that share their whole background
/// cast and retell each other's background sentences.
fn lead_protagonists_differ(a: &Analysis, b: &Analysis) -> bool {
    let strangers = |side: &Analysis, other: &Analysis| {
        let people = lead_protagonists(side);
        !people.is_empty()
            && people
                .iter()
                .all(|e| !other.entities.iter().any(|o| same_entity(e, o)))
    };
    strangers(a, b) && strangers(b, a)
}

/// The events of two articles whose event days are both fixed lie
/// `grace_days` or more apart: a development after a story went quiet is
/// a story of its own, linked to the earlier one as its thread rather than
/// merged into it, whatever setting and actors the two share (the same
/// city's second fire, with the same fire chief and mayor).
///
/// A dateline that names no year ("LONDON, March 14 (Reuters) -") is read
/// in the year of the other side (the shorter way round the calendar):
/// wire copy of a first leg and a return leg a week later are two events.
fn beyond_grace(a: &Analysis, b: &Analysis, grace_days: i64) -> bool {
    use crate::analyse::time::EventTime;
    match (&a.event_time, &b.event_time) {
        (EventTime::Fixed { date: x, .. }, EventTime::Fixed { date: y, .. }) => {
            (*x - *y).num_days().abs() >= grace_days
        }
        _ => crate::relate::evidence::days_apart_in_one_year(a, b).is_some_and(|d| d >= grace_days),
    }
}

/// An article may join a story unless it reports a different event than
/// each of the story's recent articles given (up to [`RECENT_MEMBERS`];
/// none given passes): one told as a different event, or one whose event
/// day is `grace_days` or more away.
///
/// Articles in the article's language are the evidence when any is given.
/// Only when none is are the others read, across languages: there
/// [`different_events`] needs sentence embeddings, so a story told only in
/// other languages can still turn away a report of another fire in the
/// same city. Other-language articles never outvote one's own language: a
/// story's German translation must not let an English report of another
/// event in because the English articles said no. The articles are taken
/// one at a time, so a lazy iterator analyses only those the answer needs;
/// callers that can tell an article's language before analysing it give
/// only the articles that will be read.
pub fn may_join<A: Borrow<Analysis>>(
    article: &Analysis,
    recent: impl IntoIterator<Item = A>,
    grace_days: i64,
) -> bool {
    let passes =
        |m: &Analysis| !beyond_grace(article, m, grace_days) && !different_events(article, m);
    let mut checked = 0;
    let mut others = Vec::new();
    for m in recent {
        if m.borrow().language.code == article.language.code {
            checked += 1;
            if passes(m.borrow()) {
                return true;
            }
            if checked == RECENT_MEMBERS {
                return false;
            }
        } else if checked == 0 && others.len() < RECENT_MEMBERS {
            others.push(m);
        }
    }
    checked == 0 && (others.is_empty() || others.iter().any(|m| passes(m.borrow())))
}

/// [`may_join`] for a story with no recent article in the article's
/// language, for callers that read the story's articles from a store: up
/// to [`RECENT_MEMBERS`] of them are analysed one at a time, and each, and
/// the article, is given its sentence embeddings by `embed` only when its
/// event day does not already turn the article away. The embedded article
/// is kept in `embedded` for the next story's check. None given passes.
pub fn may_join_across(
    article: &Analysis,
    embedded: &mut Option<Analysis>,
    recent: impl IntoIterator<Item = Analysis>,
    grace_days: i64,
    mut embed: impl FnMut(&mut Analysis),
) -> bool {
    let mut seen = false;
    for mut m in recent.into_iter().take(RECENT_MEMBERS) {
        seen = true;
        if beyond_grace(article, &m, grace_days) {
            continue;
        }
        embed(&mut m);
        let article = embedded.get_or_insert_with(|| {
            let mut a = article.clone();
            embed(&mut a);
            a
        });
        if !different_events(article, &m) {
            return true;
        }
    }
    !seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse;
    use crate::ingest::plain::parse_plain;

    fn example(name: &str) -> Analysis {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let path = [fixtures.join("examples"), fixtures.join("translations")]
            .into_iter()
            .map(|dir| dir.join(name))
            .find(|p| p.exists())
            .unwrap();
        analyse(&parse_plain(&std::fs::read_to_string(path).unwrap()))
    }

    #[test]
    fn the_examples_report_different_events() {
        let call = example("000_17f2bfa074d01afa.txt");
        let talks = example("004_32c51e6b98054cc8.txt");
        assert!(different_events(&call, &talks));
        assert!(!may_join(&talks, [&call], 30));
    }

    #[test]
    fn a_translation_in_the_story_lets_no_other_event_in() {
        let call = example("000_17f2bfa074d01afa.txt");
        let call_de = example("000_17f2bfa074d01afa.de.txt");
        let talks = example("004_32c51e6b98054cc8.txt");
        assert!(!may_join(&talks, [&call_de, &call], 30));
        // A story in another language only: nothing to judge by.
        assert!(may_join(&talks, [&call_de], 30));
    }

    #[test]
    fn a_development_past_the_grace_days_is_a_story_of_its_own() {
        let report = |dateline: &str| {
            analyse(&parse_plain(&format!(
                "Sudan truce talks\n\nJEDDAH, {dateline} (Reuters) - Sudan's army and the Rapid Support Forces met in Jeddah under Saudi and U.S. mediation, delegates said."
            )))
        };
        let first = report("Nov. 12, 2025");
        let after = crate::cluster::profile::Params::default().new_story_after_days;
        // Within the week: one event; a week or more later: another.
        assert!(may_join(&report("Nov. 18, 2025"), [&first], after));
        assert!(!may_join(&report("Nov. 19, 2025"), [&first], after));
        assert!(!may_join(&report("Feb. 16, 2026"), [&first], after));
        assert!(may_join(&report("Feb. 16, 2026"), [&first], 120));
        // Wire datelines without a year: read in one year.
        let first_leg = report("March 7");
        assert!(!may_join(&report("March 14"), [&first_leg], after));
        assert!(may_join(&report("March 9"), [&first_leg], after));
        assert!(!may_join(&report("March 14, 2024"), [&first_leg], after));
        // Any recent article within the week lets a running story go on.
        assert!(may_join(
            &report("Nov. 24, 2025"),
            [&first, &report("Nov. 20, 2025")],
            after
        ));
    }

    #[test]
    fn across_languages_without_models_only_the_event_day_can_say_no() {
        let report = |lang: &str, dateline: &str| {
            let mut a = parse_plain(&format!(
                "Sudan truce talks\n\nJEDDAH, {dateline} (Reuters) - Sudan's army and the Rapid Support Forces met in Jeddah under Saudi and U.S. mediation, delegates said."
            ));
            a.lang = Some(lang.to_owned());
            analyse(&a)
        };
        let first_de = report("de", "Nov. 12, 2025");
        let embedded = std::cell::Cell::new(0);
        let count = |_: &mut Analysis| embedded.set(embedded.get() + 1);
        // The member and the article are embedded, the article once.
        let mut article = None;
        let near = report("en", "Nov. 13, 2025");
        assert!(may_join_across(
            &near,
            &mut article,
            [first_de.clone()],
            90,
            count
        ));
        assert_eq!(embedded.get(), 2);
        assert!(may_join_across(
            &near,
            &mut article,
            [first_de.clone()],
            90,
            count
        ));
        assert_eq!(embedded.get(), 3);
        // Months later: turned away before anything is embedded.
        let later = report("en", "Jun. 16, 2026");
        let mut article = None;
        assert!(!may_join_across(
            &later,
            &mut article,
            [first_de.clone()],
            90,
            count
        ));
        assert_eq!(embedded.get(), 3);
        assert!(article.is_none());
        assert!(may_join_across(&later, &mut article, Vec::new(), 90, count));
    }

    #[test]
    fn a_rewrite_of_the_same_event_may_join() {
        let a = analyse(&parse_plain("Tara Reid checks into Promises rehab\n\nActress Tara Reid checked herself into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan told People magazine on Tuesday."));
        let b = analyse(&parse_plain("Tara Reid enters rehab\n\nTara Reid has entered the Promises Treatment Center in Malibu, publicist Jack Ketsoyan confirmed to People on Tuesday."));
        let other = analyse(&parse_plain("Lindsay Lohan checks into Betty Ford\n\nLindsay Lohan arrived at the Betty Ford Center in Rancho Mirage late Thursday, her lawyer Shawn Holley said, to begin a 90-day stay ordered by a judge."));
        assert!(may_join(&b, [&a], 30));
        assert!(!may_join(&other, [&a, &b], 30));
        // A story with nothing to compare against takes the article.
        assert!(may_join(&other, Vec::<Analysis>::new(), 30));
    }

    #[test]
    fn leads_about_different_people_are_different_events() {
        // Two obituaries with one background, told in the same words: only
        // the leads say who died.
        let background = "The Watergate break-in of 1972 led to the resignation of President Richard M. Nixon in 1974.";
        let felt = analyse(&parse_plain(&format!("Mark Felt, Watergate's 'Deep Throat', dies at 95\n\nMark Felt, the FBI official known as Deep Throat, died on Thursday in Santa Rosa. {background} Felt guided Bob Woodward of the Washington Post. Felt was 95.")));
        let larue = analyse(&parse_plain(&format!("Fred LaRue, Nixon aide, dies\n\nFred LaRue, a Watergate figure once rumoured to be Deep Throat, died on Tuesday in Biloxi. {background} LaRue delivered hush money. LaRue was 75.")));
        let felt2 = analyse(&parse_plain("'Deep Throat' Mark Felt dead\n\nW. Mark Felt, who guided the Washington Post's Watergate reporting, has died, his family said. Felt was 95."));
        assert!(lead_protagonists_differ(&felt, &larue));
        assert!(!may_join(&larue, [&felt], 30));
        assert!(!lead_protagonists_differ(&felt, &felt2));
        assert!(may_join(&felt2, [&felt], 30));
    }

    #[test]
    fn the_protagonist_decides_not_the_whole_cast() {
        // The same event told with other side characters, one of them a
        // road misread as a person: the protagonist is shared.
        let a = analyse(&parse_plain("Lohan checks into rehab\n\nLindsay Lohan checked into the Betty Ford Center on Thursday, lawyer Shawn Holley said. Lindsay Lohan must stay 90 days. Lohan was driven along the Pacific Coast Highway."));
        let b = analyse(&parse_plain("Lohan skips rehab\n\nA spokesman, Terry White, said on Friday that Lindsay Lohan left Morningside Recovery in Newport Beach within minutes. Her lawyer Mark Heller said Lohan would return."));
        assert!(!people_differ(&a, &b));
        // A head of state in the background of both does not make the
        // same actors (the examples share Assad).
        let call = example("000_17f2bfa074d01afa.txt");
        let talks = example("004_32c51e6b98054cc8.txt");
        assert!(people_differ(&call, &talks));
    }
}
