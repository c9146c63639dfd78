//! How often the story event check says "different events" of pairs of
//! articles within one ECB+ topic, for pairs of the same gold event and of
//! different events (docs/benchmarks.md):
//!
//! ```sh
//! cargo run --release --example event_check_pairs -- ../shared/data/ecbplus/dev.jsonl
//! ```

use storyline::analyse::analyse;
use storyline::cluster::event_check::different_events;
use storyline::ingest::plain::parse_plain;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: event_check_pairs FILE.jsonl (ECB+ format)"))?;
    let docs: Vec<serde_json::Value> = std::fs::read_to_string(&path)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let analyses: Vec<_> = docs
        .iter()
        .map(|d| analyse(&parse_plain(d["text"].as_str().unwrap_or_default())))
        .collect();
    // [same event, different events] x [pairs, vetoed]
    let mut counts = [[0usize; 2]; 2];
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            if docs[i]["topic"] != docs[j]["topic"] {
                continue;
            }
            let row = usize::from(docs[i]["subtopic"] != docs[j]["subtopic"]);
            counts[row][0] += 1;
            counts[row][1] += usize::from(different_events(&analyses[i], &analyses[j]));
        }
    }
    for (label, [pairs, vetoed]) in ["same event", "different events"].iter().zip(counts) {
        println!(
            "{label:>16}: {vetoed} of {pairs} pairs said to differ ({:.1}%)",
            100.0 * vetoed as f64 / pairs.max(1) as f64
        );
    }
    Ok(())
}
