//! `storyline bench synth` and `storyline bench ingest`: the synthetic
//! stream, and ingest throughput, assignment latency, store size, memory
//! and cold start measured on it.

use crate::cli::outln;
use crate::cluster::profile::Params;
use crate::eval::synthetic::{generate, SynthArticle};
use crate::ingest::article::{Article, DateSource};
use crate::pipeline::{prepare, store_batch, OnChange};
use crate::store::OpenMode;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Seed texts of a JSONL file (`text`), grouped by `subtopic` (ECB+'s
/// event label) when present, else one group per article.
fn seeds(file: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    use anyhow::Context;
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}: invalid JSON", file.display(), i + 1))?;
        let Some(t) = v["text"].as_str() else {
            continue;
        };
        let key = v["subtopic"]
            .as_str()
            .map_or_else(|| format!("line-{i}"), str::to_owned);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.push(t.to_owned()),
            None => groups.push((key, vec![t.to_owned()])),
        }
    }
    anyhow::ensure!(!groups.is_empty(), "{}: no seed texts", file.display());
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}

pub fn synth(from: &Path, articles: usize, seed: u64) -> anyhow::Result<i32> {
    let stream = generate(&seeds(from)?, articles, seed);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in &stream {
        serde_json::to_writer(&mut out, a)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(0)
}

fn to_article(s: &SynthArticle) -> Article {
    let mut a = crate::ingest::plain::parse_plain(&format!("{}\n\n{}", s.title, s.text));
    a.id = Some(s.id.clone());
    a.date = crate::ingest::load::parse_date(&s.date);
    a.date_source = Some(DateSource::Field);
    a.source = Some(s.source.clone());
    a
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn quantile(v: &mut [f64], q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// Latencies (ms) of articles stored one at a time, by what became of them.
struct Probes {
    all: Vec<f64>,
    /// Went through story assignment (joined or started a story).
    assigned: Vec<f64>,
    /// Recognised as a copy (exact or near) or already stored.
    duplicates: Vec<f64>,
}

impl Probes {
    fn print(mut self, in_store: usize) -> anyhow::Result<()> {
        let line = |v: &mut Vec<f64>| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                let n = v.len();
                format!(
                    "median {:.2} ms, p99 {:.2} ms ({n})",
                    quantile(v, 0.5),
                    quantile(v, 0.99)
                )
            }
        };
        outln!(
            "assign one article with {in_store:>8} in store: all {}; assigned to a story {}; duplicates {}",
            line(&mut self.all),
            line(&mut self.assigned),
            line(&mut self.duplicates)
        );
        Ok(())
    }
}

/// Store articles one at a time, as they would arrive alone: prepare +
/// duplicate checks + story assignment + insert + commit, each timed.
fn probe(
    store: &mut dyn crate::store::Store,
    params: &Params,
    encoders: &crate::embed::encoders::Encoders,
    articles: &[SynthArticle],
) -> anyhow::Result<Probes> {
    let mut p = Probes {
        all: Vec::new(),
        assigned: Vec::new(),
        duplicates: Vec::new(),
    };
    for s in articles {
        let t = Instant::now();
        let prepared = prepare(to_article(s), s.id.clone(), encoders);
        let outcome = store_batch(
            store,
            params,
            std::slice::from_ref(&prepared),
            encoders,
            OnChange::Keep,
        )?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        p.all.push(ms);
        match outcome.first() {
            Some(crate::pipeline::Outcome::Stored { .. }) => p.assigned.push(ms),
            _ => p.duplicates.push(ms),
        }
    }
    Ok(p)
}

/// Time single articles against an existing store (one that `bench
/// ingest` built): a fresh synthetic stream, its ids prefixed so that none
/// is already stored.
pub fn assign(
    from: &Path,
    store_dir: &Path,
    lexical: bool,
    probes: usize,
    seed: u64,
) -> anyhow::Result<i32> {
    let mut stream = generate(&seeds(from)?, probes, seed);
    for s in &mut stream {
        s.id = format!("probe{seed}-{}", s.id);
    }
    let encoders = crate::embed::encoders::Encoders::for_clustering(lexical);
    let mut store = crate::store::open(store_dir, OpenMode::Existing)?;
    let in_store = store.counts()?.articles as usize;
    let timed = probe(store.as_mut(), &Params::default(), &encoders, &stream)?;
    timed.print(in_store)?;
    Ok(0)
}

#[allow(clippy::too_many_arguments)]
pub fn ingest(
    from: &Path,
    articles: usize,
    store_dir: &Path,
    lexical: bool,
    checkpoints: &[usize],
    probes: usize,
    batch: usize,
    seed: u64,
) -> anyhow::Result<i32> {
    anyhow::ensure!(
        !store_dir.join("storyline.db").exists(),
        "{}: give an empty directory; the benchmark builds its own store",
        store_dir.display()
    );
    let stream = generate(&seeds(from)?, articles, seed);
    let encoders = crate::embed::encoders::Encoders::for_clustering(lexical);
    let embedded = encoders.usem3.is_some();
    let mut store = crate::store::open(store_dir, OpenMode::Create)?;
    let params = Params::default();
    let bar = super::pairs::progress(stream.len(), "ingesting");
    let mut checkpoints: Vec<usize> = checkpoints
        .iter()
        .copied()
        .filter(|&c| c < articles)
        .collect();
    checkpoints.sort_unstable();
    outln!(
        "bench ingest: {articles} synthetic articles from {}, {} embeddings, batches of {batch}, {} threads",
        from.display(),
        if embedded { "with usem3" } else { "without" },
        rayon::current_num_threads()
    );
    let mut done = 0usize;
    let mut busy = 0.0f64;
    let t_all = Instant::now();
    while done < stream.len() {
        if checkpoints.first() == Some(&done) {
            checkpoints.remove(0);
            let end = (done + probes).min(stream.len());
            let timed = probe(store.as_mut(), &params, &encoders, &stream[done..end])?;
            let stored_before = done;
            done = end;
            bar.inc(timed.all.len() as u64);
            bar.suspend(|| timed.print(stored_before))?;
            continue;
        }
        let end = (done + batch)
            .min(stream.len())
            .min(checkpoints.first().copied().unwrap_or(usize::MAX));
        let t = Instant::now();
        let prepared: Vec<_> = stream[done..end]
            .par_iter()
            .map(|s| prepare(to_article(s), s.id.clone(), &encoders))
            .collect();
        store_batch(
            store.as_mut(),
            &params,
            &prepared,
            &encoders,
            OnChange::Keep,
        )?;
        busy += t.elapsed().as_secs_f64();
        bar.inc((end - done) as u64);
        done = end;
    }
    bar.finish_and_clear();
    let wall = t_all.elapsed().as_secs_f64();
    // Sizes are taken with the store closed (the write-ahead log folded in).
    drop(store);
    let store = crate::store::open(store_dir, OpenMode::Existing)?;
    let counts = store.counts()?;
    outln!(
        "ingested {} articles in {wall:.1} s: {:.0} articles/s overall ({:.0}/s in batches)",
        stream.len(),
        stream.len() as f64 / wall,
        (stream.len() as f64) / busy.max(1e-9)
    );
    outln!(
        "store: {} articles ({} exact, {} near copies), {} stories; {:.1} MB on disk ({:.1} MB per 100k articles)",
        counts.articles,
        counts.exact_duplicates,
        counts.near_duplicates,
        counts.stories,
        counts.bytes_on_disk as f64 / 1e6,
        counts.bytes_on_disk as f64 / 1e6 * 100_000.0 / counts.articles.max(1) as f64
    );
    outln!("peak resident memory: {:.0} MB", peak_rss_mb());
    let t = Instant::now();
    let mut ix = crate::index::search::SearchIndex::open(store_dir)?;
    let added = ix.sync(store.as_ref())?;
    outln!(
        "search index: {added} articles indexed in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    drop(store);
    // Cold start: a new process opening the store and listing stories.
    let exe = std::env::current_exe()?;
    let mut starts = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let status = std::process::Command::new(&exe)
            .args(["stories", "--limit", "20", "--store"])
            .arg(store_dir)
            .stdout(std::process::Stdio::null())
            .status()?;
        anyhow::ensure!(status.success(), "storyline stories failed");
        starts.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    outln!(
        "cold start (new process: open store, list 20 newest stories): median {:.0} ms of 5",
        quantile(&mut starts, 0.5)
    );
    Ok(0)
}
