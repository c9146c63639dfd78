//! `storyline train semeval FILE`: fit the scorer on labelled pairs.

use super::errln;

use super::pairs;
use crate::analyse::analyse_with;
use crate::embed::encoders::Encoders;
use crate::relate::evidence::gather;
use crate::relate::features::{feature_vector, FeatureSet};
use crate::relate::fit::fit;
use crate::relate::model::TrainingRecord;
use anyhow::Context;
use rayon::prelude::*;
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Fit on a labelled SemEval-2022 Task 8 JSONL file (use the train split only).
    Semeval {
        file: PathBuf,
        /// Where to write the lexical model.
        #[arg(long, default_value = "crates/storyline/models/scorer.json")]
        out: PathBuf,
        /// Where to write the neural model (lexical + embedding features),
        /// fitted when the models are installed; default: `scorer-usem3.json`
        /// beside `--out`.
        #[arg(long)]
        neural_out: Option<PathBuf>,
        /// Fit the lexical model only.
        #[arg(long)]
        lexical: bool,
        /// Also write the feature table (CSV: pair_id, language pair, features, gold) for analysis.
        #[arg(long, value_name = "CSV")]
        dump_features: Option<PathBuf>,
    },
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<i32> {
    let TrainCommand::Semeval {
        file,
        out,
        neural_out,
        lexical,
        dump_features,
    } = cmd;
    let bytes = std::fs::read(&file).with_context(|| format!("{}: cannot read", file.display()))?;
    let rows = pairs::read(&file)?;
    let labelled: Vec<_> = rows
        .into_iter()
        .filter_map(|r| match r {
            Ok(p) if p.gold.is_some() => Some(p),
            Ok(_) => None,
            Err(e) => {
                errln!(
                    "storyline: {}: line {}: {} (skipped)",
                    file.display(),
                    e.line,
                    e.message
                );
                None
            }
        })
        .collect();
    if labelled.len() < 20 {
        anyhow::bail!(
            "{}: {} labelled pairs are too few to fit on",
            file.display(),
            labelled.len()
        );
    }
    let (labelled, copies) = crate::relate::fit::learnable(labelled);
    if copies > 0 {
        errln!(
            "storyline: {copies} pairs whose two texts are copies of one another left out (scraped cookie walls and paywalls; copies are scored 1 without the model)"
        );
    }
    let encoders = if lexical {
        static NONE: std::sync::OnceLock<Encoders> = std::sync::OnceLock::new();
        NONE.get_or_init(Encoders::none)
    } else {
        Encoders::installed()
    };
    let rows = feature_rows(&labelled, encoders);
    if let Some(path) = dump_features {
        write_feature_table(&path, &labelled, &rows)?;
    }
    let record = TrainingRecord {
        file: file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        pairs: rows.len(),
        sha256: sha256_hex(&bytes),
        command: format!("storyline train semeval {}", file.display()),
    };
    let y: Vec<[f64; 7]> = rows.iter().map(|r| r.1).collect();
    let lexical_len = FeatureSet::Lexical.names().len();
    let x_lex: Vec<Vec<f64>> = rows.iter().map(|r| r.0[..lexical_len].to_vec()).collect();
    write_model(&fit(&x_lex, &y, FeatureSet::Lexical, record.clone()), &out)?;
    let neural_len = FeatureSet::Neural.names().len();
    if rows.iter().all(|r| r.0.len() == neural_len) {
        let x: Vec<Vec<f64>> = rows.iter().map(|r| r.0.clone()).collect();
        let neural_out = neural_out.unwrap_or_else(|| out.with_file_name("scorer-usem3.json"));
        write_model(&fit(&x, &y, FeatureSet::Neural, record), &neural_out)?;
    } else if !lexical {
        errln!("storyline: neural model not fitted: not every article could be embedded (is usem3 installed? `storyline models list`)");
    }
    Ok(0)
}

fn write_model(
    model: &crate::relate::model::ScorerModel,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(model)?;
    std::fs::write(out, json + "\n").with_context(|| format!("{}: cannot write", out.display()))?;
    errln!(
        "storyline: fitted on {} pairs with {} features, model written to {}",
        model.trained_on.pairs,
        model.features.len(),
        out.display()
    );
    for h in &model.heads {
        errln!("  {:<10} lambda {}", h.dimension.name(), h.lambda);
    }
    Ok(())
}

/// Features, gold scores and language pair of each labelled pair.
pub(super) fn feature_rows(
    labelled: &[crate::ingest::pairs::PairInput],
    encoders: &Encoders,
) -> Vec<(Vec<f64>, [f64; 7], String)> {
    let bar = pairs::progress(labelled.len(), "featurising");
    let rows = labelled
        .par_iter()
        .map(|p| {
            let (a, b) = (analyse_with(&p.a, encoders), analyse_with(&p.b, encoders));
            let (x, _) = feature_vector(&a, &b, &gather(&a, &b));
            bar.inc(1);
            let langs = format!("{}-{}", a.language.code, b.language.code);
            (x, *p.gold.as_ref().expect("labelled").as_array(), langs)
        })
        .collect();
    bar.finish_and_clear();
    rows
}

/// CSV of features and gold scores, for analysis outside Storyline.
pub(super) fn write_feature_table(
    path: &std::path::Path,
    pairs: &[crate::ingest::pairs::PairInput],
    rows: &[(Vec<f64>, [f64; 7], String)],
) -> anyhow::Result<()> {
    use crate::relate::scores::Dimension;
    use std::io::Write;
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(path)
            .with_context(|| format!("{}: cannot create", path.display()))?,
    );
    let gold: Vec<&str> = Dimension::ALL.iter().map(|d| d.gold_field()).collect();
    let width = rows.first().map_or(0, |r| r.0.len());
    let names = if width == FeatureSet::Neural.names().len() {
        FeatureSet::Neural.names()
    } else {
        FeatureSet::Lexical.names()
    };
    writeln!(w, "pair_id,langs,{},{}", names.join(","), gold.join(","))?;
    for (p, (x, y, langs)) in pairs.iter().zip(rows) {
        let xs: Vec<String> = x.iter().map(|v| format!("{v:.6}")).collect();
        let ys: Vec<String> = y.iter().map(|v| v.to_string()).collect();
        writeln!(
            w,
            "{},{},{},{}",
            p.pair_id,
            langs,
            xs.join(","),
            ys.join(",")
        )?;
    }
    Ok(())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
