//! Reading a pair file and scoring it on all cores, in input order.

use crate::analyse::analyse_with;
use crate::ingest::pairs::{read_pairs, LineError, PairInput};
use crate::relate::{compare, Comparison};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::Path;

/// Read pairs from a file, or stdin for `-`. A file that cannot be a pair
/// file at all (a directory, a binary) is one error, not one per line.
pub fn read(path: &Path) -> anyhow::Result<Vec<Result<PairInput, LineError>>> {
    let reader = crate::ingest::jsonl::open(path).map_err(anyhow::Error::msg)?;
    Ok(read_pairs(reader))
}

pub fn progress(len: usize, what: &str) -> ProgressBar {
    // indicatif draws nothing when stderr is not a terminal.
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar.set_message(what.to_owned());
    bar
}

/// Score every valid pair in parallel; errors stay in place.
pub fn score_all(
    rows: Vec<Result<PairInput, LineError>>,
    models: &super::Loaded,
) -> anyhow::Result<Vec<Result<(PairInput, Comparison), LineError>>> {
    let scorers = models.scorers()?;
    let encoders = models.encoders();
    let bar = progress(rows.len(), "comparing");
    let out = rows
        .into_par_iter()
        .map(|row| {
            let r = row.map(|p| {
                let (a, b) = (analyse_with(&p.a, encoders), analyse_with(&p.b, encoders));
                let c = compare(&a, &b, ("text1", "text2"), &scorers);
                (p, c)
            });
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    Ok(out)
}

/// Language pair label of a pair, e.g. "de-en", from supplied or detected languages.
pub fn language_pair(c: &Comparison) -> String {
    format!("{}-{}", c.explanation.a.language, c.explanation.b.language)
}
