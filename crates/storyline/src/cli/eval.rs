//! `storyline eval semeval FILE`.

use super::pairs;
use super::ModelArgs;
use crate::eval::semeval::{evaluate, render, Scored};
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
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
                let table = super::train::feature_rows(&labelled);
                super::train::write_feature_table(&csv, &labelled, &table)?;
            }
            let results = pairs::score_all(rows, &model);
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
                        eprintln!(
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
                eprintln!("storyline: {skipped} lines skipped (errors or no gold scores)");
            }
            let table = evaluate(&scored);
            if json {
                println!("{}", serde_json::to_string_pretty(&table)?);
            } else {
                println!(
                    "Pearson correlation, predicted vs gold ({})",
                    file.display()
                );
                print!("{}", render(&table));
            }
            Ok(0)
        }
    }
}
