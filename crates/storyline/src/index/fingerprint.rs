//! Fingerprints for duplicate detection: an exact-content hash, and MinHash
//! signatures of word shingles cut into LSH bands.
//!
//! Exact copies share the hash of their normalised words (case, accents,
//! punctuation and spacing do not count). Near copies (a paragraph dropped,
//! boilerplate added, a few words changed) share word 5-grams; MinHash
//! (the `gaoya` crate) estimates their overlap and LSH banding finds the
//! candidates through an index lookup, never a scan. Candidates are then
//! verified on their actual shingles ([`resemblance`]), so banding only has
//! to be generous, not exact.

use crate::lexicon::fold::fold;
use gaoya::minhash::{MinHasher, MinHasher32};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::hash::Hasher;
use std::sync::OnceLock;

/// Words per shingle: long enough that two different reports of one event
/// rarely share one, short enough that a changed word spoils few.
pub const SHINGLE_WORDS: usize = 5;
/// LSH: `BANDS` bands of `ROWS` MinHash values. The chance that two texts
/// share at least one band is 1 - (1 - J^ROWS)^BANDS: 0.96 at Jaccard 0.5,
/// 0.998 at 0.6, under 0.03 at 0.1.
pub const BANDS: usize = 24;
pub const ROWS: usize = 3;
/// Verified near-duplicate when the shingle Jaccard reaches this...
pub const MIN_JACCARD: f64 = 0.5;
/// ...or when this share of the shorter text's shingles is in the longer
/// (a copy with paragraphs cut).
pub const MIN_CONTAINMENT: f64 = 0.8;
/// Texts shorter than this many words are only matched exactly: a few
/// shared phrases would make two briefs look like copies.
pub const MIN_WORDS: usize = 15;

/// Normalised words of a text: folded, alphanumeric runs only.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Paragraphs seen in this many distinct original articles are treated
/// as boilerplate (newsletter pitches, copyright lines, wire credits):
/// left out when two texts are compared, so that two unrelated briefs
/// with the same footer do not look like copies. Copies do not count
/// towards this: a story syndicated ten times keeps its paragraphs.
pub const BOILERPLATE_ORIGINALS: i64 = 2;

/// Hashes of a text's paragraphs (lines), by their normalised words;
/// distinct, in order of first appearance.
pub fn paragraph_hashes(text: &str) -> Vec<i64> {
    let mut seen = HashSet::new();
    text.lines()
        .map(words)
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = fnv::FnvHasher::default();
            for word in &w {
                h.write(word.as_bytes());
                h.write_u8(0);
            }
            h.finish() as i64
        })
        .filter(|h| seen.insert(*h))
        .collect()
}

/// Normalised words of a text without the given (boilerplate) paragraphs.
pub fn words_excluding(text: &str, boilerplate: &HashSet<i64>) -> Vec<String> {
    if boilerplate.is_empty() {
        return words(text);
    }
    let mut out = Vec::new();
    for line in text.lines() {
        let w = words(line);
        let mut h = fnv::FnvHasher::default();
        for word in &w {
            h.write(word.as_bytes());
            h.write_u8(0);
        }
        if !boilerplate.contains(&(h.finish() as i64)) {
            out.extend(w);
        }
    }
    out
}

/// Hash of the normalised words, hex.
pub fn content_hash(words: &[String]) -> String {
    let mut h = Sha256::new();
    for w in words {
        h.update(w.as_bytes());
        h.update(b" ");
    }
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// Word shingles as 64-bit hashes (FNV: stable across builds and platforms,
/// which stored band values rely on).
pub fn shingles(words: &[String]) -> HashSet<u64> {
    if words.len() < SHINGLE_WORDS {
        return HashSet::new();
    }
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut h = fnv::FnvHasher::default();
            for word in w {
                h.write(word.as_bytes());
                h.write_u8(0);
            }
            h.finish()
        })
        .collect()
}

fn hasher() -> &'static MinHasher32<fnv::FnvBuildHasher> {
    static H: OnceLock<MinHasher32<fnv::FnvBuildHasher>> = OnceLock::new();
    H.get_or_init(|| MinHasher32::new(BANDS * ROWS))
}

/// LSH band keys of a shingle set (empty for short texts): one signed
/// 64-bit value per band, the band number mixed in so bands never collide.
pub fn bands(shingles: &HashSet<u64>, words: usize) -> Vec<i64> {
    if words < MIN_WORDS || shingles.is_empty() {
        return Vec::new();
    }
    // Sorted so the signature does not depend on set iteration order.
    let mut sorted: Vec<u64> = shingles.iter().copied().collect();
    sorted.sort_unstable();
    let signature = hasher().create_signature(sorted.iter());
    signature
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = fnv::FnvHasher::default();
            h.write_u64(band as u64);
            for r in rows {
                h.write_u32(*r);
            }
            h.finish() as i64
        })
        .collect()
}

/// Overlap of two shingle sets: (Jaccard, containment of the smaller in
/// the larger).
pub fn resemblance(a: &HashSet<u64>, b: &HashSet<u64>) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let inter = small.iter().filter(|s| large.contains(s)).count() as f64;
    let union = a.len() as f64 + b.len() as f64 - inter;
    (inter / union, inter / small.len() as f64)
}

/// Whether a resemblance makes a near-duplicate; returns the score to record.
pub fn near_duplicate(a: &HashSet<u64>, b: &HashSet<u64>) -> Option<f64> {
    let (j, c) = resemblance(a, b);
    (j >= MIN_JACCARD || c >= MIN_CONTAINMENT).then_some(j.max(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Turkish Foreign Minister Mevlut Cavusoglu and his Russian counterpart Sergei Lavrov discussed the situation in Idlib by phone on Tuesday, the Turkish ministry said. The two ministers agreed to continue close coordination on Syria, where Ankara and Moscow back opposing sides in the war.";

    #[test]
    fn case_accents_and_spacing_do_not_change_the_content_hash() {
        let a = content_hash(&words(TEXT));
        let b = content_hash(&words(&TEXT.to_uppercase().replace(' ', "  \n")));
        let c = content_hash(&words(&TEXT.replace("Cavusoglu", "Çavuşoğlu")));
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_ne!(a, content_hash(&words(&TEXT.replace("Tuesday", "Monday"))));
    }

    #[test]
    fn band_values_are_pinned_because_stores_keep_them() {
        // Stored stores hold these numbers: if a dependency upgrade changes
        // them, old stores stop finding their near-duplicates. Then the
        // schema needs a migration that recomputes the bands.
        let w = words(TEXT);
        let b = bands(&shingles(&w), w.len());
        assert_eq!(b.len(), BANDS);
        assert_eq!(b[0], PINNED_FIRST_BAND, "band values changed: {}", b[0]);
    }
    const PINNED_FIRST_BAND: i64 = -4436413226242715602;

    #[test]
    fn a_changed_word_keeps_most_shingles_and_another_report_shares_few() {
        let w = words(TEXT);
        let edited = words(&TEXT.replace("close coordination", "tight coordination"));
        let other = words("Russia and Turkey agreed on a ceasefire in Idlib after talks in Moscow on Thursday, officials said. Joint patrols along the M4 highway will begin next week, the Turkish defence ministry said.");
        assert!(near_duplicate(&shingles(&w), &shingles(&edited)).is_some());
        assert!(near_duplicate(&shingles(&w), &shingles(&other)).is_none());
        let shared = bands(&shingles(&w), w.len())
            .iter()
            .zip(bands(&shingles(&edited), edited.len()))
            .filter(|(a, b)| **a == *b)
            .count();
        assert!(shared > 0, "an edited copy shares an LSH band");
    }
}
