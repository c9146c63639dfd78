//! Near-duplicate detection measured on real articles with real edits.
//!
//! From a set of distinct articles, each gets copies the way syndication
//! and aggregators make them: a paragraph or two cut, wire boilerplate
//! added, a few words changed, a new headline with the last paragraph
//! cut, and an exact copy under another id. All go through the real
//! ingest pipeline (a temporary store) in a shuffled order; then every
//! pair of articles is judged: it should be linked as duplicates exactly
//! when both come from one original. Different articles about the same
//! event (ECB+ topics hold several) are the hard negatives.

use crate::cluster::profile::Params;
use crate::embed::encoders::Encoders;
use crate::ingest::plain::parse_plain;
use crate::pipeline::{prepare, store_batch, OnChange, Outcome};
use std::collections::HashMap;

/// Kinds of copy made from each original.
pub const EDITS: &[&str] = &[
    "paragraphs-cut",
    "boilerplate-added",
    "words-changed",
    "new-headline-tail-cut",
    "exact-copy",
];

const BOILERPLATE_HEAD: &str = "(Reuters) - ";
const BOILERPLATE_TAIL: &str = "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.\nSign up for our daily newsletter to get the top stories delivered to your inbox every morning. Follow us on Twitter and Facebook for breaking news.";
const REPLACEMENTS: &[&str] = &[
    "reportedly",
    "officials",
    "several",
    "later",
    "local",
    "major",
    "new",
    "also",
];

/// One article of the test set.
pub struct Case {
    pub id: String,
    pub text: String,
    /// Index of the original it derives from (itself for originals).
    pub family: usize,
    /// `original` or one of [`EDITS`].
    pub edit: &'static str,
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Apply one edit; `None` when the article is too short for it.
fn edit(text: &str, kind: &str, rng: &mut fastrand::Rng) -> Option<String> {
    let paras = paragraphs(text);
    match kind {
        "paragraphs-cut" => {
            if paras.len() < 4 {
                return None;
            }
            // Cut about a sixth of the body, never the headline.
            let cut = (paras.len() / 6).max(1);
            let start = 1 + rng.usize(..paras.len() - cut);
            let start = start.min(paras.len() - cut);
            let kept: Vec<&str> = paras
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < start || *i >= start + cut)
                .map(|(_, p)| *p)
                .collect();
            Some(kept.join("\n"))
        }
        "boilerplate-added" => {
            let mut out = String::new();
            out.push_str(paras.first()?);
            out.push('\n');
            out.push_str(BOILERPLATE_HEAD);
            out.push_str(&paras[1..].join("\n"));
            out.push('\n');
            out.push_str(BOILERPLATE_TAIL);
            Some(out)
        }
        "words-changed" => {
            let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
            if words.len() < 40 {
                return None;
            }
            for _ in 0..3 {
                let i = rng.usize(..words.len());
                if !words[i].contains('\n') {
                    words[i] = REPLACEMENTS[rng.usize(..REPLACEMENTS.len())].to_owned();
                }
            }
            Some(words.join(" "))
        }
        "new-headline-tail-cut" => {
            if paras.len() < 4 {
                return None;
            }
            let mut out = vec!["UPDATE: latest on this developing story"];
            out.extend(&paras[1..paras.len() - 1]);
            Some(out.join("\n"))
        }
        "exact-copy" => Some(text.replace('\n', "\n\n").to_uppercase()),
        _ => None,
    }
}

/// Share of its word 5-grams an original may share with an earlier one.
/// Corpora hold real copies too (ECB+ has wire stories printed by several
/// outlets); such an original is a duplicate itself, not a negative, so it
/// is left out of the test set.
const MAX_ORIGINAL_OVERLAP: f64 = 0.3;

/// The originals that share little text with each other.
pub fn distinct(originals: &[(String, String)]) -> Vec<(String, String)> {
    use crate::index::fingerprint::{resemblance, shingles, words};
    let mut kept: Vec<(&(String, String), std::collections::HashSet<u64>)> = Vec::new();
    for o in originals {
        let s = shingles(&words(&o.1));
        if kept
            .iter()
            .all(|(_, k)| resemblance(&s, k).1 < MAX_ORIGINAL_OVERLAP)
        {
            kept.push((o, s));
        }
    }
    kept.into_iter().map(|(o, _)| o.clone()).collect()
}

/// Originals plus their edited copies, shuffled with `seed`. Pass
/// [`distinct`] originals.
pub fn build_cases(originals: &[(String, String)], seed: u64) -> Vec<Case> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut cases = Vec::new();
    for (family, (id, text)) in originals.iter().enumerate() {
        cases.push(Case {
            id: id.clone(),
            text: text.clone(),
            family,
            edit: "original",
        });
        for kind in EDITS {
            if let Some(t) = edit(text, kind, &mut rng) {
                cases.push(Case {
                    id: format!("{id}~{kind}"),
                    text: t,
                    family,
                    edit: kind,
                });
            }
        }
    }
    rng.shuffle(&mut cases);
    cases
}

#[derive(Debug, Clone, Default)]
pub struct DupReport {
    pub articles: usize,
    pub true_pairs: usize,
    pub found_pairs: usize,
    pub correct_pairs: usize,
    /// Per edit kind: (copies, copies linked to their family).
    pub recall_by_edit: Vec<(&'static str, usize, usize)>,
}

impl DupReport {
    pub fn precision(&self) -> f64 {
        if self.found_pairs == 0 {
            1.0
        } else {
            self.correct_pairs as f64 / self.found_pairs as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.true_pairs == 0 {
            1.0
        } else {
            self.correct_pairs as f64 / self.true_pairs as f64
        }
    }
}

fn pairs(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Ingest the cases into a fresh store in `dir` and judge every pair.
pub fn evaluate(cases: &[Case], dir: &std::path::Path) -> anyhow::Result<DupReport> {
    let mut store = crate::store::open(dir, crate::store::OpenMode::Create)?;
    let encoders = Encoders::none();
    let params = Params::default();
    let index: HashMap<&str, usize> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    // Union-find over reported duplicate links.
    let mut parent: Vec<usize> = (0..cases.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for chunk in cases.chunks(64) {
        let prepared: Vec<_> = chunk
            .iter()
            .map(|c| {
                let mut a = parse_plain(&c.text);
                a.id = Some(c.id.clone());
                prepare(a, c.id.clone(), &encoders)
            })
            .collect();
        for o in store_batch(
            store.as_mut(),
            &params,
            &prepared,
            &encoders,
            OnChange::Keep,
        )? {
            if let Outcome::Duplicate {
                id, duplicate_of, ..
            } = o
            {
                let (a, b) = (index[id.as_str()], index[duplicate_of.as_str()]);
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut group_sizes: HashMap<usize, usize> = HashMap::new();
    let mut cell: HashMap<(usize, usize), usize> = HashMap::new();
    let mut family_sizes: HashMap<usize, usize> = HashMap::new();
    let roots: Vec<usize> = (0..cases.len()).map(|i| root(&mut parent, i)).collect();
    for (i, c) in cases.iter().enumerate() {
        *group_sizes.entry(roots[i]).or_default() += 1;
        *cell.entry((roots[i], c.family)).or_default() += 1;
        *family_sizes.entry(c.family).or_default() += 1;
    }
    // The original of each family, to judge each copy on its own.
    let original_root: HashMap<usize, usize> = cases
        .iter()
        .enumerate()
        .filter(|(_, c)| c.edit == "original")
        .map(|(i, c)| (c.family, roots[i]))
        .collect();
    let recall_by_edit = EDITS
        .iter()
        .map(|kind| {
            let copies: Vec<usize> = (0..cases.len())
                .filter(|&i| cases[i].edit == *kind)
                .collect();
            let linked = copies
                .iter()
                .filter(|&&i| original_root.get(&cases[i].family) == Some(&roots[i]))
                .count();
            (*kind, copies.len(), linked)
        })
        .collect();
    Ok(DupReport {
        articles: cases.len(),
        true_pairs: family_sizes.values().map(|&n| pairs(n)).sum(),
        found_pairs: group_sizes.values().map(|&n| pairs(n)).sum(),
        correct_pairs: cell.values().map(|&n| pairs(n)).sum(),
        recall_by_edit,
    })
}
