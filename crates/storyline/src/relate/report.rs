//! Human-readable comparison reports.

use super::evidence::{
    EventVerdict, Evidence, DIFFERENT_EVENT_DAYS, RETOLD_MEANING, RETOLD_SENTENCE,
};
use super::scores::{Dimension, Scores};
use super::Comparison;
use crate::analyse::time::{EventTime, TimeExpression};
use std::fmt::Write;

/// Narrative score at or below which two articles tell the same story.
const SAME_STORY: f64 = 2.0;
/// Narrative score at or above which they describe different events.
const DIFFERENT_EVENTS: f64 = 2.75;

/// One paragraph that says what the evidence supports, and no more.
pub fn summarise(scores: &Scores, ev: &Evidence) -> String {
    let mut parts = Vec::new();
    let copied = if let Some(resemblance) = ev.copies {
        parts.push(format!(
            "The two texts are copies of one another ({:.0}% of their five-word runs in common): every score is 1 (very similar).",
            resemblance * 100.0
        ));
        Some("copies")
    } else if let Some(share) = ev.translations {
        parts.push(format!(
            "One text translates the other ({:.0}% of their sentences say the same in the other language): every score is 1 (very similar).",
            share * 100.0
        ));
        Some("translations")
    } else {
        None
    };
    if let Some(copied) = copied {
        if let Some(edits) = &ev.copy_edits {
            let mut changed = Vec::new();
            for (what, a, b) in [
                ("figures", &edits.figures_only_a, &edits.figures_only_b),
                ("times", &edits.times_only_a, &edits.times_only_b),
            ] {
                let side = |v: &[String]| {
                    if v.is_empty() {
                        "none".to_owned()
                    } else if what == "times" {
                        let quoted: Vec<String> = v.iter().map(|t| format!("\"{t}\"")).collect();
                        list(&quoted, 4)
                    } else {
                        list(v, 4)
                    }
                };
                if !a.is_empty() || !b.is_empty() {
                    changed.push(format!(
                        "{what} ({} in the first, {} in the second)",
                        side(a),
                        side(b)
                    ));
                }
            }
            parts.push(format!(
                "But the {copied} differ in their {}.",
                changed.join(" and ")
            ));
        }
    }
    let places: Vec<String> = if ev.places.shared.is_empty() {
        ev.places.shared_countries.clone()
    } else {
        ev.places.shared.clone()
    };
    let actors: Vec<&str> = ev.entities.shared.iter().map(|m| m.a.as_str()).collect();
    match (places.is_empty(), actors.is_empty()) {
        (false, false) => parts.push(format!(
            "Both articles name the same places ({}) and actors ({}).",
            list(&places, 6),
            list(&actors, 6)
        )),
        (false, true) => parts.push(format!(
            "Both articles name the same places ({}) but no common actors.",
            list(&places, 6)
        )),
        (true, false) => parts.push(format!(
            "Both articles name the same actors ({}) but no common places.",
            list(&actors, 6)
        )),
        (true, true) => parts.push("The articles share no places and no actors.".to_owned()),
    }
    let narrative = scores.get(Dimension::Narrative);
    let e = &ev.events;
    parts.push(match e.verdict {
        EventVerdict::SameEvent => {
            let mut why = Vec::new();
            if !e.shared_figures.is_empty() {
                why.push(format!("the same figures ({})", list(&e.shared_figures, 5)));
            }
            if e.closest_sentences >= RETOLD_SENTENCE {
                why.push(format!("sentences that retell each other (similarity {:.2})", e.closest_sentences));
            } else if let Some(m) = e.closest_meaning.filter(|m| *m >= RETOLD_MEANING) {
                why.push(format!("sentences that say the same in the two languages (meaning {m:.2})"));
            }
            format!("They report the same event: {}; narrative score {narrative:.1}.", why.join(" and "))
        }
        EventVerdict::DifferentEvents => {
            let mut s = String::from("They describe different events");
            // A setting is a place: shared actors alone are said as such.
            if !places.is_empty() {
                s.push_str(" in the same setting");
            } else if !actors.is_empty() {
                s.push_str(" involving the same actors");
            }
            match ev
                .time
                .days_apart
                .or(ev.time.datelines_days_apart)
                .filter(|d| *d >= DIFFERENT_EVENT_DAYS)
            {
                // Dates decide: what the two share is background.
                Some(_) => {
                    s.push_str(", on days a week or more apart");
                    let mut shared = Vec::new();
                    if e.closest_sentences >= RETOLD_SENTENCE
                        || e.closest_meaning.is_some_and(|m| m >= RETOLD_MEANING) {
                        shared.push("the sentences they share".to_owned());
                    }
                    if !e.shared_figures.is_empty() {
                        shared.push(format!("the figures they share ({})", list(&e.shared_figures, 3)));
                    }
                    if !shared.is_empty() {
                        write!(s, ", so {} can only be background", shared.join(" and ")).unwrap();
                    }
                }
                None => {
                    s.push_str(": no sentence of one retells a sentence of the other");
                    write!(s, " ({})", closest_pair(e)).unwrap();
                    if e.shared_figures.is_empty() {
                        s.push_str(" and they share no figures");
                    } else {
                        write!(
                            s,
                            " and the only figures they share ({}) are small numbers common to any report of the kind",
                            list(&e.shared_figures, 3)
                        )
                        .unwrap();
                    }
                }
            }
            if e.protagonists_differ && !e.people_only_a.is_empty() && !e.people_only_b.is_empty() {
                write!(
                    s,
                    "; the people acting differ ({} in the first, {} in the second)",
                    list(&e.people_only_a, 3),
                    list(&e.people_only_b, 3)
                )
                .unwrap();
            }
            if places.is_empty() && actors.is_empty() {
                write!(s, " (narrative {narrative:.1}).").unwrap();
            } else {
                write!(s, ". The narrative score ({narrative:.1}) reflects their shared setting.").unwrap();
            }
            s
        }
        EventVerdict::Undecided => {
            if narrative <= SAME_STORY {
                // Say what falls short, not that nothing is there: the
                // figures and the closest sentences are listed below.
                let figures = if e.shared_figures.is_empty() {
                    "they share no figures".to_owned()
                } else {
                    format!(
                        "the figures they share ({}) are too few or too common to tell",
                        list(&e.shared_figures, 4)
                    )
                };
                let closest = closest_pair(e);
                format!("Their narratives are close (narrative {narrative:.1}), but the text does not prove the same event: no sentence pair is close enough to be a retelling ({closest}) and {figures}.")
            } else if narrative >= DIFFERENT_EVENTS {
                format!("Their narratives differ (narrative {narrative:.1}).")
            } else {
                format!("Their narratives overlap in part (narrative {narrative:.1}).")
            }
        }
    });
    parts.push(ev.time.summary.clone());
    parts.join(" ")
}

fn list<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let mut out: Vec<&str> = items.iter().take(max).map(AsRef::as_ref).collect();
    let more = items.len().saturating_sub(max);
    let more_text = format!("{more} more");
    if more > 0 {
        out.push(&more_text);
    }
    out.join(", ")
}

/// Items joined for a sentence, at most 12 and a count of the rest;
/// "none" when there are none.
pub(crate) fn or_none<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        list(items, 12)
    }
}

fn time_line(
    label: &str,
    t: &EventTime,
    exprs: &[TimeExpression],
    published: Option<chrono::NaiveDate>,
) -> String {
    let mut s = format!("  {label}: ");
    match published {
        Some(d) => write!(s, "published {d}; ").unwrap(),
        None => s.push_str("publication date unknown; "),
    }
    if exprs.is_empty() {
        s.push_str("no time expressions.");
    } else {
        let shown: Vec<String> = exprs
            .iter()
            .map(|e| {
                let mut x = format!("\"{}\"", e.text);
                if let Some(r) = e.resolved {
                    write!(x, " = {r}").unwrap();
                }
                if e.in_heading {
                    x.push_str(" (caption/title)");
                }
                x
            })
            .collect();
        write!(s, "mentions {}.", shown.join(", ")).unwrap();
    }
    match t {
        EventTime::Fixed { date, basis } => write!(s, " Events dated {date} ({basis}).").unwrap(),
        EventTime::Unfixed { reason } => write!(s, " Event time not fixed: {reason}.").unwrap(),
    }
    s
}

/// The full text report printed by `storyline compare`.
pub fn render(c: &Comparison) -> String {
    let ex = &c.explanation;
    let ev = &ex.evidence;
    let mut out = String::new();
    writeln!(out, "A: {} [{}]", ex.a.label, ex.a.language).unwrap();
    writeln!(out, "B: {} [{}]", ex.b.label, ex.b.language).unwrap();
    writeln!(out).unwrap();
    writeln!(out, "{}", ex.summary).unwrap();
    writeln!(out).unwrap();
    writeln!(
        out,
        "Scores ({} scorer; 1 = very similar ... 4 = very dissimilar)",
        ex.scorer
    )
    .unwrap();
    for d in Dimension::ALL {
        let v = c.scores.get(d);
        // Time is measured only when both event times are fixed; else it
        // gets no verdict in words: "very similar" would claim what neither
        // text says (the examples are months apart).
        let one_text = ev.copies.is_some() || ev.translations.is_some();
        let words = match (d, ev.time.days_apart) {
            (Dimension::Time, _) if one_text => {
                "very similar (one text: whenever it tells of, both do)".to_owned()
            }
            (Dimension::Time, Some(days)) => {
                format!(
                    "{} (the events are {} apart)",
                    Scores::describe(v),
                    crate::relate::evidence::days_words(days)
                )
            }
            (Dimension::Time, None) => "unknown: the event time is not fixed for both; the score is an estimate from content only".to_owned(),
            _ => Scores::describe(v).to_owned(),
        };
        writeln!(out, "  {:<10} {:.2}  {words}", d.gold_field(), v).unwrap();
    }
    writeln!(out).unwrap();
    writeln!(out, "Geography").unwrap();
    writeln!(out, "  shared places:    {}", or_none(&ev.places.shared)).unwrap();
    writeln!(
        out,
        "  shared countries: {}",
        or_none(&ev.places.shared_countries)
    )
    .unwrap();
    writeln!(out, "  only in A:        {}", or_none(&ev.places.only_a)).unwrap();
    writeln!(out, "  only in B:        {}", or_none(&ev.places.only_b)).unwrap();
    writeln!(out, "Entities").unwrap();
    let shared: Vec<String> = ev
        .entities
        .shared
        .iter()
        .map(|m| {
            if m.a == m.b {
                m.a.clone()
            } else {
                format!("{} = {}", m.a, m.b)
            }
        })
        .collect();
    writeln!(out, "  shared:    {}", or_none(&shared)).unwrap();
    writeln!(out, "  only in A: {}", or_none(&ev.entities.only_a)).unwrap();
    writeln!(out, "  only in B: {}", or_none(&ev.entities.only_b)).unwrap();
    writeln!(out, "Events").unwrap();
    writeln!(
        out,
        "  people in both:     {}",
        or_none(&ev.events.shared_people)
    )
    .unwrap();
    writeln!(
        out,
        "  people only in A:   {}",
        or_none(&ev.events.people_only_a)
    )
    .unwrap();
    writeln!(
        out,
        "  people only in B:   {}",
        or_none(&ev.events.people_only_b)
    )
    .unwrap();
    writeln!(
        out,
        "  figures in both:    {}",
        or_none(&ev.events.shared_figures)
    )
    .unwrap();
    write!(
        out,
        "  closest sentences:  {:.2}",
        ev.events.closest_sentences
    )
    .unwrap();
    match ev.events.closest_meaning {
        Some(m) => writeln!(out, " (in meaning, across the two languages: {m:.2})").unwrap(),
        None => writeln!(out).unwrap(),
    }
    writeln!(out, "Time").unwrap();
    writeln!(
        out,
        "{}",
        time_line("A", &ev.time.a, &ex.a.time_expressions, ex.a.published)
    )
    .unwrap();
    writeln!(
        out,
        "{}",
        time_line("B", &ev.time.b, &ex.b.time_expressions, ex.b.published)
    )
    .unwrap();
    if !ev.time.shared_years.is_empty() {
        let years: Vec<String> = ev.time.shared_years.iter().map(i32::to_string).collect();
        writeln!(out, "  years named in both: {}", years.join(", ")).unwrap();
    }
    writeln!(out, "  {}", ev.time.summary).unwrap();
    writeln!(out, "Narrative: most similar sentence pairs").unwrap();
    if ev.sentence_pairs.is_empty() {
        writeln!(
            out,
            "  none: no two sentences are close in words or meaning"
        )
        .unwrap();
    }
    for (i, p) in ev.sentence_pairs.iter().enumerate() {
        let meaning = p
            .meaning_similarity
            .map(|m| format!("meaning {m:.2}, "))
            .unwrap_or_default();
        writeln!(
            out,
            "  {}. {meaning}words {:.2}, sharing {}",
            i + 1,
            p.similarity,
            or_none(&p.shared)
        )
        .unwrap();
        writeln!(out, "     A: {}", clip(&p.a, 220)).unwrap();
        writeln!(out, "     B: {}", clip(&p.b, 220)).unwrap();
    }
    // Copies and translations are scored without the model: nothing to show.
    if !ex.overall_drivers.is_empty() {
        writeln!(
            out,
            "What moved the Overall score from that of an average training pair, by kind of evidence (+ towards dissimilar, - towards similar)"
        )
        .unwrap();
    }
    for (name, c) in &ex.overall_drivers {
        let what = super::features::describe(name);
        writeln!(out, "  {c:+.2}  {what}").unwrap();
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// How close the closest sentence pair came, for a verdict that found no
/// retelling: a pair close in words that shares little but names, titles
/// and numbers ("Villarreal beat Aston Villa 2-1" / "Aston Villa beat
/// Villarreal 3-1") is said to be such, not left as a bare figure that
/// reads like a retelling.
fn closest_pair(e: &crate::relate::evidence::EventEvidence) -> String {
    let words = e.closest_sentences;
    let names_only = words >= RETOLD_SENTENCE;
    match (e.closest_meaning, names_only) {
        (Some(m), false) => format!("closest pair in meaning {m:.2}"),
        (Some(m), true) => format!(
            "closest pair in meaning {m:.2}; the pair closest in words ({words:.2}) shares little but names, titles and numbers"
        ),
        (None, false) => format!("closest pair in words {words:.2}"),
        (None, true) => format!(
            "the pair closest in words ({words:.2}) shares little but names, titles and numbers"
        ),
    }
}
