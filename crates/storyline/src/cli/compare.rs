//! `storyline compare A B` and `storyline compare --pairs FILE`.

use super::errln;

use super::pairs;
use super::ModelArgs;
use crate::analyse::analyse_with;
use crate::ingest::load::load_article;
use crate::relate::{compare, report};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("input").required(true).args(["files", "pairs"]))]
pub struct Args {
    /// Two article files (plain text: title line, optional caption, body; or .json, .html); `-` reads one of them from stdin.
    #[arg(num_args = 2, value_names = ["A", "B"])]
    files: Vec<PathBuf>,
    /// JSONL file of pairs (`pair_id`, `text1`, `text2`, optional `lang1`, `lang2`); `-` for stdin.
    #[arg(long, value_name = "FILE", conflicts_with = "files")]
    pairs: Option<PathBuf>,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    model: ModelArgs,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let models = args.model.load()?;
    if let Some(path) = &args.pairs {
        return run_pairs(path, &models);
    }
    let (pa, pb) = (&args.files[0], &args.files[1]);
    anyhow::ensure!(
        !(pa.as_os_str() == "-" && pb.as_os_str() == "-"),
        "stdin (-) can stand for one of the two articles, not both"
    );
    let a = load_article(pa)?;
    let b = load_article(pb)?;
    let scorers = models.scorers()?;
    let encoders = models.encoders();
    let (aa, ab) = rayon::join(|| analyse_with(&a, encoders), || analyse_with(&b, encoders));
    let labels = (pa.display().to_string(), pb.display().to_string());
    let c = compare(&aa, &ab, (&labels.0, &labels.1), &scorers);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &c)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report::render(&c))?;
    }
    Ok(0)
}

fn run_pairs(path: &std::path::Path, models: &super::Loaded) -> anyhow::Result<i32> {
    let rows = pairs::read(path)?;
    if rows.is_empty() {
        anyhow::bail!("{}: no pairs: the file is empty", path.display());
    }
    let total = rows.len();
    let results = pairs::score_all(rows, models)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    for r in &results {
        let value = match r {
            Ok((p, c)) => {
                let mut v = serde_json::to_value(c)?;
                v.as_object_mut()
                    .expect("comparison is an object")
                    .insert("pair_id".into(), json!(p.pair_id));
                v
            }
            Err(e) => {
                failed += 1;
                errln!(
                    "storyline: {}: line {}: {}",
                    path.display(),
                    e.line,
                    e.message
                );
                json!({"pair_id": e.pair_id, "line": e.line, "error": e.message})
            }
        };
        serde_json::to_writer(&mut out, &ordered(value))?;
        writeln!(out)?;
    }
    out.flush()?;
    if failed == total {
        anyhow::bail!(
            "{}: none of the {total} lines could be scored",
            path.display()
        );
    }
    if failed > 0 {
        errln!("storyline: {failed} of {total} lines had errors (error objects written in their place)");
    }
    Ok(0)
}

/// Put `pair_id` first and the scores before the explanation.
fn ordered(v: serde_json::Value) -> serde_json::Value {
    let serde_json::Value::Object(mut m) = v else {
        return v;
    };
    let mut out = serde_json::Map::new();
    let scores = crate::relate::scores::Dimension::ALL.map(|d| d.name());
    for key in ["pair_id", "line", "error"].into_iter().chain(scores) {
        if let Some(x) = m.remove(key) {
            out.insert(key.into(), x);
        }
    }
    out.extend(m);
    serde_json::Value::Object(out)
}
