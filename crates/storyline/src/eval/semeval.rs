//! `storyline eval semeval`: Pearson of predicted vs gold per dimension,
//! over all pairs and per language pair.

use super::pearson;
use crate::relate::scores::{Dimension, Scores};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// "all" or a language pair such as "de-en".
    pub group: String,
    pub pairs: usize,
    /// Pearson per dimension, in [`Dimension::ALL`] order; `None` when undefined.
    pub pearson: Vec<Option<f64>>,
}

/// One scored pair with its gold labels.
pub struct Scored {
    pub language_pair: String,
    pub predicted: Scores,
    pub gold: Scores,
}

pub fn evaluate(items: &[Scored]) -> Vec<Row> {
    let mut groups: BTreeMap<String, Vec<&Scored>> = BTreeMap::new();
    for s in items {
        groups.entry(s.language_pair.clone()).or_default().push(s);
    }
    let row = |group: String, members: &[&Scored]| Row {
        group,
        pairs: members.len(),
        pearson: Dimension::ALL
            .iter()
            .map(|&d| {
                let p: Vec<f64> = members.iter().map(|s| s.predicted.get(d)).collect();
                let g: Vec<f64> = members.iter().map(|s| s.gold.get(d)).collect();
                pearson(&p, &g)
            })
            .collect(),
    };
    let all: Vec<&Scored> = items.iter().collect();
    let mut rows = vec![row("all".to_owned(), &all)];
    rows.extend(groups.into_iter().map(|(g, m)| row(g, &m)));
    rows
}

pub fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    write!(out, "{:<8} {:>5}", "pairs", "n").unwrap();
    for d in Dimension::ALL {
        write!(out, " {:>9}", d.gold_field()).unwrap();
    }
    out.push('\n');
    for r in rows {
        write!(out, "{:<8} {:>5}", r.group, r.pairs).unwrap();
        for p in &r.pearson {
            match p {
                Some(v) => write!(out, " {v:>9.3}").unwrap(),
                None => write!(out, " {:>9}", "-").unwrap(),
            }
        }
        out.push('\n');
    }
    out
}
