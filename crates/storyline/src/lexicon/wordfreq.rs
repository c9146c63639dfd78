//! General word frequencies (wordfreq, CC BY-SA 4.0; see
//! `data/wordfreq/README.md`): an IDF that does not depend on the articles
//! being compared, so a pair of two articles is weighed as a corpus would.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

const ZIPF_TSV: &str = include_str!("../../data/wordfreq/zipf.tsv");

/// Zipf value assumed for words missing from the lists (rarer than all listed).
const UNLISTED_ZIPF: f32 = 1.0;
/// Weight = `WEIGHT_BASE - zipf`: "the" (Zipf ~7.7) near 0, a rare name near 6.
const WEIGHT_BASE: f32 = 7.0;

type Table = HashMap<String, f32>;

fn table(lang: &str) -> Option<&'static Table> {
    static TABLES: OnceLock<Mutex<HashMap<String, Option<&'static Table>>>> = OnceLock::new();
    let tables = TABLES.get_or_init(Default::default);
    let mut guard = tables.lock().expect("wordfreq table lock");
    *guard.entry(lang.to_owned()).or_insert_with(|| {
        let prefix = format!("{lang}\t");
        let mut t = Table::new();
        for line in ZIPF_TSV.lines().filter(|l| l.starts_with(&prefix)) {
            let mut cols = line.splitn(3, '\t').skip(1);
            let (Some(zipf), Some(words)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(zipf) = zipf.parse::<f32>() else {
                continue;
            };
            for w in words.split(' ') {
                t.entry(super::fold::fold(w)).or_insert(zipf);
            }
        }
        // Leaked once per language for the life of the process, like any static table.
        (!t.is_empty()).then(|| &*Box::leak(Box::new(t)))
    })
}

/// Informativeness of a folded word in `lang`: near 0 for the most common
/// words, up to 6 for words rarer than the lists go. `None` when the
/// language has no list.
pub fn weight(lang: &str, folded: &str) -> Option<f32> {
    zipf(lang, folded).map(|z| (WEIGHT_BASE - z).max(0.1))
}

/// General frequency (Zipf) of a folded word in `lang`: about 7 for "the",
/// 1 for words rarer than the lists go. `None` when the language has no list.
pub fn zipf(lang: &str, folded: &str) -> Option<f32> {
    let t = table(lang)?;
    Some(t.get(folded).copied().unwrap_or(UNLISTED_ZIPF))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let said = weight("en", "said").unwrap();
        let ceasefire = weight("en", "ceasefire").unwrap();
        let idlib = weight("en", "idlib").unwrap();
        assert!(
            said < ceasefire && ceasefire < idlib,
            "{said} {ceasefire} {idlib}"
        );
        assert!(weight("de", "regierung").unwrap() < weight("de", "wachsmotte").unwrap());
        assert_eq!(weight("xx", "word"), None);
    }
}
