//! The check a story's best candidate must pass before an article joins
//! it: that the article does not plainly report another event than the
//! story's recent articles.
//!
//! Similarity alone merges two events of one kind in one setting (two
//! rounds of talks on Idlib, two celebrities checking into rehab): they
//! share places, vocabulary and often actors. What tells them apart is
//! the relate stage's event evidence: no sentence of one retells a
//! sentence of the other, no figure in common, and different people
//! acting. On ECB+ dev pairs within one topic, that combination holds for
//! 45% of pairs of different events and 5% of pairs of the same event
//! (docs/benchmarks.md), so it vetoes a join only when it holds against
//! every recent article of the story.

use crate::analyse::Analysis;
use crate::relate::evidence::{gather, EventEvidence, EventVerdict};

/// Recent articles of a story the check compares against.
pub const RECENT_MEMBERS: usize = 5;

/// `a` and `b` plainly report different events. Only said of articles in
/// one language: across languages no sentence retells another word for
/// word, so the evidence would say "different" of the same event.
pub fn different_events(a: &Analysis, b: &Analysis) -> bool {
    if a.language.code != b.language.code {
        return false;
    }
    let ev = gather(a, b);
    ev.events.verdict == EventVerdict::DifferentEvents && people_differ(&ev.events)
}

/// Both articles name people, and those they share are fewer than half of
/// either side's (a head of state named in the background of both does
/// not make the same actors).
fn people_differ(e: &EventEvidence) -> bool {
    let shared = e.shared_people.len();
    let a = shared + e.people_only_a.len();
    let b = shared + e.people_only_b.len();
    !e.people_only_a.is_empty() && !e.people_only_b.is_empty() && 2 * shared < a.min(b)
}

/// An article may join a story unless it reports a different event than
/// each of the story's recent articles given (an empty list passes).
pub fn may_join<'a>(article: &Analysis, recent: impl IntoIterator<Item = &'a Analysis>) -> bool {
    let mut checked = 0;
    for m in recent.into_iter().take(RECENT_MEMBERS) {
        checked += 1;
        if !different_events(article, m) {
            return true;
        }
    }
    checked == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse;
    use crate::ingest::plain::parse_plain;

    fn example(name: &str) -> Analysis {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/examples")
            .join(name);
        analyse(&parse_plain(&std::fs::read_to_string(path).unwrap()))
    }

    #[test]
    fn the_examples_report_different_events() {
        let call = example("000_17f2bfa074d01afa.txt");
        let talks = example("004_32c51e6b98054cc8.txt");
        assert!(different_events(&call, &talks));
        assert!(!may_join(&talks, [&call]));
    }

    #[test]
    fn a_rewrite_of_the_same_event_may_join() {
        let a = analyse(&parse_plain("Tara Reid checks into Promises rehab\n\nActress Tara Reid checked herself into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan told People magazine on Tuesday."));
        let b = analyse(&parse_plain("Tara Reid enters rehab\n\nTara Reid has entered the Promises Treatment Center in Malibu, publicist Jack Ketsoyan confirmed to People on Tuesday."));
        let other = analyse(&parse_plain("Lindsay Lohan checks into Betty Ford\n\nLindsay Lohan arrived at the Betty Ford Center in Rancho Mirage late Thursday, her lawyer Shawn Holley said, to begin a 90-day stay ordered by a judge."));
        assert!(may_join(&b, [&a]));
        assert!(!may_join(&other, [&a, &b]));
        // A story with nothing to compare against takes the article.
        assert!(may_join(&other, []));
    }
}
