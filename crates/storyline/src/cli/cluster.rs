//! `storyline cluster FILE.jsonl` and `storyline eval clusters`: the online
//! story clustering in batch mode, without a store.

use super::errln;

use crate::analyse::{analyse_with, Analysis};
use crate::cli::outln;
use crate::cluster::online::OnlineClusterer;
use crate::cluster::profile::Params;
use crate::embed::encoders::Encoders;
use crate::ingest::load::ArticleRecord;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// JSONL documents: `id` (or `doc_id`), `text`, optional `title`, `date`, `lang`; `-` for stdin.
    file: PathBuf,
    #[command(flatten)]
    opts: ClusterOpts,
}

#[derive(clap::Args, Clone)]
pub struct ClusterOpts {
    /// Similarity needed to join a story (default: 0.37 with embeddings, 0.2
    /// without; chosen on ECB+ dev, see docs/benchmarks.md).
    #[arg(long)]
    threshold: Option<f64>,
    /// Weights of embedding, term and name similarity, e.g. `0.5,0.3,0.2`.
    #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(f64))]
    weights: Option<Vec<f64>>,
    /// Days a dated article may lie outside a story's span before its
    /// similarity to the story decays (default 30).
    #[arg(long)]
    time_grace_days: Option<i64>,
    /// Days over which that similarity halves, beyond the grace days
    /// (default 90; a very large value turns time off).
    #[arg(long)]
    time_half_life: Option<f64>,
    /// Days between event days from which an article starts a story of its
    /// own, linked as the same thread, rather than join (default 7).
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    new_story_after_days: Option<i64>,
    /// Lexical evidence only (no embeddings).
    #[arg(long)]
    lexical: bool,
}

/// One document line: its id, its raw JSON (for gold fields) and its analysis.
pub struct Doc {
    pub id: String,
    pub json: serde_json::Value,
    pub analysis: Analysis,
}

/// Read and analyse documents (in parallel); bad lines are reported and skipped.
pub fn read_docs(path: &Path, lexical: bool) -> anyhow::Result<Vec<Doc>> {
    let reader = crate::ingest::jsonl::open(path).map_err(anyhow::Error::msg)?;
    let mut rows = Vec::new();
    // Line of each id: a repeated id is one document given twice, which
    // would count twice in an evaluation (the first is kept, as ingest does).
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, text) in crate::ingest::jsonl::lines(reader) {
        let parsed = text.and_then(|text| {
            let json: serde_json::Value = crate::ingest::jsonl::parse(&text)?;
            if let Some(message) = crate::ingest::jsonl::not_an_object(&json) {
                return Err(message);
            }
            let record: ArticleRecord =
                serde_json::from_value(json.clone()).map_err(|e| e.to_string())?;
            let id = record.id.clone();
            let article = record.into_article()?;
            let id = id.ok_or("missing field `id`")?;
            Ok((id, json, article))
        });
        match parsed {
            Ok(row) => match seen.get(&row.0) {
                Some(first) => errln!(
                    "storyline: {}: line {line}: id {:?} already given on line {first} (skipped)",
                    path.display(),
                    row.0
                ),
                None => {
                    seen.insert(row.0.clone(), line);
                    rows.push(row);
                }
            },
            Err(e) => errln!("storyline: {}: line {line}: {e} (skipped)", path.display()),
        }
    }
    anyhow::ensure!(!rows.is_empty(), "{}: no documents", path.display());
    let encoders = Encoders::for_clustering(lexical);
    let bar = super::pairs::progress(rows.len(), "analysing");
    let docs = rows
        .into_par_iter()
        .map(|(id, json, article)| {
            let analysis = analyse_with(&article, &encoders);
            bar.inc(1);
            Doc { id, json, analysis }
        })
        .collect();
    bar.finish_and_clear();
    Ok(docs)
}

fn params(opts: &ClusterOpts) -> Params {
    let mut p = Params::default();
    if let Some(t) = opts.threshold {
        p.threshold = t;
        p.lexical_threshold = t;
    }
    match opts.weights.as_deref() {
        Some([e, t, n]) => p.weights = [*e, *t, *n],
        Some(_) => errln!(
            "storyline: --weights needs three numbers (embedding,terms,names); using the defaults"
        ),
        None => {}
    }
    if let Some(days) = opts.time_grace_days {
        p.time_grace_days = days;
    }
    if let Some(half_life) = opts.time_half_life {
        p.time_half_life = half_life;
    }
    if let Some(days) = opts.new_story_after_days {
        p.new_story_after_days = days;
    }
    p
}

/// Story number per document, assigned in the given order.
pub fn assign(docs: &[&Doc], opts: &ClusterOpts) -> Vec<usize> {
    let mut c = OnlineClusterer::new(params(opts));
    docs.iter()
        .map(|d| {
            // `-vv` logs each story choice inside this span, so it names the document.
            let _doc = tracing::debug_span!("doc", id = %d.id).entered();
            c.assign(&d.analysis)
        })
        .collect()
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let docs = read_docs(&args.file, args.opts.lexical)?;
    let order: Vec<&Doc> = docs.iter().collect();
    let stories = assign(&order, &args.opts);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (d, s) in docs.iter().zip(stories) {
        serde_json::to_writer(&mut out, &serde_json::json!({"id": d.id, "story": s}))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(0)
}

/// `eval clusters`: BCubed against a gold field, in file order and shuffled.
pub fn eval(file: &Path, gold: &str, shuffles: u64, opts: &ClusterOpts) -> anyhow::Result<i32> {
    use crate::eval::clusters::bcubed;
    let docs = read_docs(file, opts.lexical)?;
    let labels: Vec<String> = docs
        .iter()
        .map(|d| match &d.json[gold] {
            serde_json::Value::String(s) => Ok(s.clone()),
            serde_json::Value::Null => anyhow::bail!(
                "{}: document {} has no field `{gold}`",
                file.display(),
                d.id
            ),
            other => Ok(other.to_string()),
        })
        .collect::<anyhow::Result<_>>()?;
    let report = |name: String, order: Vec<usize>| -> anyhow::Result<f64> {
        let docs_in_order: Vec<&Doc> = order.iter().map(|&i| &docs[i]).collect();
        let stories = assign(&docs_in_order, opts);
        let pairs: Vec<(usize, &str)> = stories
            .iter()
            .zip(&order)
            .map(|(s, &i)| (*s, labels[i].as_str()))
            .collect();
        let r = bcubed(&pairs);
        let n_stories = stories.iter().max().map_or(0, |m| m + 1);
        outln!(
            "{name:<16} precision {:.3}  recall {:.3}  F1 {:.3}  ({} stories)",
            r.precision,
            r.recall,
            r.f1,
            n_stories
        );
        Ok(r.f1)
    };
    let gold_classes = labels
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    outln!(
        "BCubed on {} ({} documents, {gold_classes} gold `{gold}` classes, threshold {} / {} without embeddings, weights {:?}, time grace {} days, half-life {} days, new story after {} days)",
        file.display(),
        docs.len(),
        params(opts).threshold,
        params(opts).lexical_threshold,
        params(opts).weights,
        params(opts).time_grace_days,
        params(opts).time_half_life,
        params(opts).new_story_after_days
    );
    report("file order".into(), (0..docs.len()).collect())?;
    let mut f1s = Vec::new();
    for seed in 1..=shuffles {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        fastrand::Rng::with_seed(seed).shuffle(&mut order);
        f1s.push(report(format!("shuffle seed {seed}"), order)?);
    }
    if !f1s.is_empty() {
        f1s.sort_by(f64::total_cmp);
        outln!("shuffled median F1 {:.3}", f1s[f1s.len() / 2]);
    }
    Ok(0)
}
