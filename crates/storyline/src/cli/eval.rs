//! `storyline eval semeval FILE`.

use super::errln;

use super::pairs;
use super::ModelArgs;
use crate::cli::outln;
use crate::eval::semeval::{evaluate, render, Scored};
use crate::relate::features::{in_group, FEATURE_GROUPS};
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// BCubed precision, recall and F1 of `storyline cluster` against a gold
    /// label field, in file order and in shuffled orders.
    Clusters {
        file: PathBuf,
        /// Field holding the gold story label (e.g. `subtopic` in ECB+).
        #[arg(long)]
        gold: String,
        /// Shuffled orders to evaluate (seeds 1..=N).
        #[arg(long, default_value_t = 3)]
        shuffles: u64,
        #[command(flatten)]
        opts: super::cluster::ClusterOpts,
    },
    /// Near-duplicate detection: precision and recall on edited copies
    /// (paragraphs cut, boilerplate added, words changed, ...) of the
    /// articles in a JSONL file (`id`/`doc_id`, `text`, optional `title`).
    Dups {
        file: PathBuf,
        /// Seed of the edits and of the arrival order.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Ablation: refit the neural scorer on TRAIN without each feature group
    /// and report the Overall Pearson on DEV it costs.
    Ablation { train: PathBuf, dev: PathBuf },
    /// Pearson of predicted vs gold scores on a labelled SemEval-2022 Task 8 JSONL file.
    Semeval {
        file: PathBuf,
        /// Print JSON rows instead of a table.
        #[arg(long)]
        json: bool,
        /// Also write the feature table of the labelled pairs (CSV) for analysis.
        #[arg(long, value_name = "CSV")]
        dump_features: Option<PathBuf>,
        #[command(flatten)]
        model: ModelArgs,
    },
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<i32> {
    match cmd {
        EvalCommand::Clusters {
            file,
            gold,
            shuffles,
            opts,
        } => super::cluster::eval(&file, &gold, shuffles, &opts),
        EvalCommand::Ablation { train, dev } => ablation(&train, &dev),
        EvalCommand::Dups { file, seed } => dups(&file, seed),
        EvalCommand::Semeval {
            file,
            json,
            dump_features,
            model,
        } => {
            let model = model.load()?;
            let rows = pairs::read(&file)?;
            if let Some(csv) = dump_features {
                let labelled: Vec<_> = rows
                    .iter()
                    .filter_map(|r| r.as_ref().ok())
                    .filter(|p| p.gold.is_some())
                    .cloned()
                    .collect();
                let table = super::train::feature_rows(&labelled, model.encoders());
                super::train::write_feature_table(&csv, &labelled, &table)?;
            }
            let results = pairs::score_all(rows, &model)?;
            let mut scored = Vec::new();
            let mut skipped = 0;
            for r in results {
                match r {
                    Ok((p, c)) => match p.gold {
                        Some(gold) => scored.push(Scored {
                            language_pair: pairs::language_pair(&c),
                            predicted: c.scores,
                            gold,
                        }),
                        None => skipped += 1,
                    },
                    Err(e) => {
                        skipped += 1;
                        errln!(
                            "storyline: {}: line {}: {}",
                            file.display(),
                            e.line,
                            e.message
                        );
                    }
                }
            }
            if scored.is_empty() {
                anyhow::bail!("{}: no labelled pairs to evaluate", file.display());
            }
            if skipped > 0 {
                errln!("storyline: {skipped} lines skipped (errors or no gold scores)");
            }
            let table = evaluate(&scored);
            if json {
                outln!("{}", serde_json::to_string_pretty(&table)?);
            } else {
                outln!(
                    "Pearson correlation, predicted vs gold ({})",
                    file.display()
                );
                print!("{}", render(&table));
            }
            Ok(0)
        }
    }
}

fn labelled(file: &std::path::Path) -> anyhow::Result<Vec<crate::ingest::pairs::PairInput>> {
    Ok(pairs::read(file)?
        .into_iter()
        .filter_map(Result::ok)
        .filter(|p| p.gold.is_some())
        .collect())
}

fn ablation(train: &std::path::Path, dev: &std::path::Path) -> anyhow::Result<i32> {
    use crate::eval::pearson;
    use crate::relate::features::FeatureSet;
    use crate::relate::fit::fit_named;
    use crate::relate::model::TrainingRecord;
    let encoders = crate::embed::encoders::Encoders::installed();
    let (tr, dv) = (
        crate::relate::fit::learnable(labelled(train)?).0,
        labelled(dev)?,
    );
    let rows_tr = super::train::feature_rows(&tr, encoders);
    let rows_dv = super::train::feature_rows(&dv, encoders);
    let names = FeatureSet::Neural.names();
    anyhow::ensure!(
        rows_tr
            .iter()
            .chain(&rows_dv)
            .all(|r| r.0.len() == names.len()),
        "ablation needs the neural features: install the models with `storyline models fetch`"
    );
    let record = TrainingRecord {
        file: train.display().to_string(),
        pairs: rows_tr.len(),
        sha256: String::new(),
        command: "storyline eval ablation".into(),
    };
    let y_tr: Vec<[f64; 7]> = rows_tr.iter().map(|r| r.1).collect();
    let gold: Vec<f64> = rows_dv.iter().map(|r| r.1[0]).collect();
    let en: Vec<bool> = rows_dv.iter().map(|r| r.2 == "en-en").collect();
    let score = |keep: &[usize]| -> (f64, f64) {
        let pick = |x: &Vec<f64>| keep.iter().map(|&i| x[i]).collect::<Vec<f64>>();
        let x_tr: Vec<Vec<f64>> = rows_tr.iter().map(|r| pick(&r.0)).collect();
        let kept: Vec<&str> = keep.iter().map(|&i| names[i]).collect();
        let model = fit_named(&x_tr, &y_tr, &kept, record.clone());
        let pred: Vec<f64> = rows_dv
            .iter()
            .map(|r| model.predict(&pick(&r.0)).as_array()[0])
            .collect();
        let sub = |v: &[f64]| {
            v.iter()
                .zip(&en)
                .filter(|(_, e)| **e)
                .map(|(x, _)| *x)
                .collect::<Vec<f64>>()
        };
        (
            pearson(&pred, &gold).unwrap_or(f64::NAN),
            pearson(&sub(&pred), &sub(&gold)).unwrap_or(f64::NAN),
        )
    };
    let all: Vec<usize> = (0..names.len()).collect();
    let (base_all, base_en) = score(&all);
    outln!(
        "Overall Pearson on {} ({} pairs), scorer refitted on {} without each group",
        dev.display(),
        rows_dv.len(),
        train.display()
    );
    outln!(
        "{:<50} {:>8} {:>8} {:>8} {:>8}",
        "features",
        "all",
        "cost",
        "en-en",
        "cost"
    );
    outln!(
        "{:<50} {:>8.3} {:>8} {:>8.3} {:>8}",
        "all features",
        base_all,
        "",
        base_en,
        ""
    );
    for (group, patterns) in FEATURE_GROUPS {
        let keep: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| !in_group(names[i], patterns))
            .collect();
        let (a, e) = score(&keep);
        outln!(
            "{:<50} {:>8.3} {:>+8.3} {:>8.3} {:>+8.3}",
            format!("without {group}"),
            a,
            base_all - a,
            e,
            base_en - e
        );
    }
    Ok(0)
}

/// Articles of a JSONL file as (id, plain text with the title first).
pub fn read_articles(file: &std::path::Path) -> anyhow::Result<Vec<(String, String)>> {
    use anyhow::Context;
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let r: crate::ingest::load::ArticleRecord = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}: invalid JSON", file.display(), i + 1))?;
        let id = r.id.unwrap_or_else(|| format!("line-{}", i + 1));
        let body = r.text.unwrap_or_default();
        let text = match r.title.filter(|t| !t.trim().is_empty()) {
            Some(t) => format!("{t}\n{body}"),
            None => body,
        };
        out.push((id, text));
    }
    anyhow::ensure!(!out.is_empty(), "{}: no articles", file.display());
    Ok(out)
}

fn dups(file: &std::path::Path, seed: u64) -> anyhow::Result<i32> {
    use crate::eval::dups::{build_cases, distinct, evaluate};
    let all = read_articles(file)?;
    let originals = distinct(&all);
    let cases = build_cases(&originals, seed);
    let dir = tempfile::tempdir()?;
    let r = evaluate(&cases, dir.path())?;
    outln!(
        "Near-duplicate detection on {} ({} originals, {} left out as copies of others; {} articles with edited copies; seed {seed})",
        file.display(),
        originals.len(),
        all.len() - originals.len(),
        r.articles
    );
    outln!(
        "pairs: {} true, {} found, {} correct",
        r.true_pairs,
        r.found_pairs,
        r.correct_pairs
    );
    outln!("precision {:.3}  recall {:.3}", r.precision(), r.recall());
    for (kind, n, linked) in &r.recall_by_edit {
        outln!(
            "  {kind:<22} {linked:>5}/{n:<5} linked to their original ({:.3})",
            *linked as f64 / (*n).max(1) as f64
        );
    }
    Ok(0)
}
