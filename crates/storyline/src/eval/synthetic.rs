//! A synthetic but realistic article stream for scale benchmarks and
//! crash tests: real sentences recombined into new articles of known
//! stories, with exact and near copies at a known rate.
//!
//! Each story takes the sentences of one real seed article and gets its
//! own actor and place, so stories built on the same seed differ only in
//! who and where, like two events of one kind. Stories arrive interleaved,
//! roughly in date order, a few dozen a day.

use serde::Serialize;

const FIRST: &[&str] = &[
    "Amira", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ingrid", "Jonas",
    "Keiko", "Luis", "Marta", "Nikolai", "Olga", "Pavel", "Rania", "Stefan", "Tomas", "Yusuf",
];
const LAST: &[&str] = &[
    "Abbas",
    "Becker",
    "Castillo",
    "Dimitrov",
    "Erdem",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Rossi",
    "Santos",
    "Tanaka",
    "Weber",
];
const CITIES: &[&str] = &[
    "Lyon",
    "Porto",
    "Gdansk",
    "Izmir",
    "Leipzig",
    "Bologna",
    "Seville",
    "Kharkiv",
    "Tbilisi",
    "Alexandria",
    "Mombasa",
    "Osaka",
    "Pune",
    "Cordoba",
    "Valparaiso",
    "Winnipeg",
    "Adelaide",
    "Bergen",
    "Graz",
    "Brno",
];
const ROLES: &[&str] = &["Mayor", "Minister", "Governor", "spokesperson", "General"];
const OUTLETS: &[&str] = &[
    "wire-a",
    "daily-b",
    "tribune-c",
    "herald-d",
    "post-e",
    "times-f",
];

/// One generated article; `story` is the gold label.
#[derive(Debug, Clone, Serialize)]
pub struct SynthArticle {
    pub id: String,
    pub title: String,
    pub text: String,
    pub date: String,
    pub source: String,
    pub story: usize,
    /// `exact` or `near` for copies, absent for originals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<&'static str>,
}

/// Mean articles per story.
pub const STORY_SIZE: usize = 8;
/// Share of articles that are copies of earlier ones (half exact, half near).
pub const COPY_RATE: f64 = 0.1;

const SYLLABLES: &[&str] = &[
    "var", "ken", "dor", "lis", "mar", "tov", "quin", "bel", "ros", "zan", "hal", "pet",
];

/// A made-up proper noun, so each story has vocabulary of its own.
fn codename(rng: &mut fastrand::Rng) -> String {
    let mut w: String = (0..3)
        .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
        .collect();
    w[..1].make_ascii_uppercase();
    w
}

/// Generate `n` articles from groups of seed texts (each group: reports of
/// one real event, one sentence per line, as ECB+ ships them). A story
/// draws its sentences from one group, so two reports of it share some
/// sentences but are not copies of each other.
pub fn generate(groups: &[Vec<String>], n: usize, seed: u64) -> Vec<SynthArticle> {
    let pools: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| {
            g.iter()
                .flat_map(|t| t.lines())
                .map(str::trim)
                .filter(|l| l.split_whitespace().count() >= 5)
                .collect::<Vec<_>>()
        })
        .filter(|p| p.len() >= 4)
        .collect();
    assert!(!pools.is_empty(), "seed articles need 4+ sentences");
    let mut rng = fastrand::Rng::with_seed(seed);
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date");
    let mut out: Vec<SynthArticle> = Vec::with_capacity(n);
    let stories = n.div_ceil(STORY_SIZE).max(1);
    for k in 0..n {
        if !out.is_empty() && rng.f64() < COPY_RATE {
            let orig = out[rng.usize(out.len().saturating_sub(200)..out.len())].clone();
            let exact = rng.bool();
            let mut copy = orig.clone();
            copy.id = format!("s{k}");
            copy.source = OUTLETS[rng.usize(..OUTLETS.len())].to_owned();
            copy.copy = Some(if exact { "exact" } else { "near" });
            if !exact {
                let mut lines: Vec<&str> = orig.text.lines().collect();
                if lines.len() > 3 {
                    lines.remove(1 + rng.usize(..lines.len() - 1));
                }
                copy.text = format!(
                    "{}\nThis article was first published by {}.",
                    lines.join("\n"),
                    orig.source
                );
            }
            out.push(copy);
            continue;
        }
        // Stories overlap in time: pick among the next few to start.
        let story = ((k / STORY_SIZE) + rng.usize(..12)).min(stories - 1);
        let pool = &pools[story % pools.len()];
        let mut srng = fastrand::Rng::with_seed(seed ^ (story as u64).wrapping_mul(0x9e37_79b9));
        let person = format!(
            "{} {}",
            FIRST[srng.usize(..FIRST.len())],
            LAST[srng.usize(..LAST.len())]
        );
        let role = ROLES[srng.usize(..ROLES.len())];
        let city = CITIES[srng.usize(..CITIES.len())];
        let name = codename(&mut srng);
        let day = start + chrono::Days::new((story / 40) as u64 + rng.u64(..3));
        let mut body = vec![format!(
            "{role} {person} spoke to reporters in {city} about the {name} affair on {}.",
            day.format("%A")
        )];
        let take = 4 + rng.usize(..6);
        for _ in 0..take {
            body.push(pool[rng.usize(..pool.len())].to_owned());
        }
        // A sentence of background from elsewhere, as reports carry.
        let other = &pools[rng.usize(..pools.len())];
        body.push(other[rng.usize(..other.len())].to_owned());
        body.push(format!(
            "{person} said the {name} situation in {city} was being watched closely."
        ));
        let lead = pool[rng.usize(..pool.len())];
        let title = format!("{name}: {}", lead.chars().take(80).collect::<String>());
        out.push(SynthArticle {
            id: format!("s{k}"),
            title,
            text: body.join("\n"),
            date: day.to_string(),
            source: OUTLETS[rng.usize(..OUTLETS.len())].to_owned(),
            story,
            copy: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_hold_copies_at_the_stated_rate() {
        let seeds: Vec<Vec<String>> = (0..5)
            .map(|i| {
                vec![(0..8)
                    .map(|j| format!("Seed {i} sentence {j} says something about the matter."))
                    .collect::<Vec<_>>()
                    .join("\n")]
            })
            .collect();
        let a = generate(&seeds, 2000, 7);
        let b = generate(&seeds, 2000, 7);
        assert_eq!(a.len(), 2000);
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.text == y.text && x.id == y.id));
        let copies = a.iter().filter(|x| x.copy.is_some()).count() as f64 / 2000.0;
        assert!((copies - COPY_RATE).abs() < 0.03, "copy rate {copies}");
        let ids: std::collections::HashSet<_> = a.iter().map(|x| &x.id).collect();
        assert_eq!(ids.len(), 2000, "ids are unique");
    }
}
