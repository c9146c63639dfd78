//! Places: a GeoNames/ISO 3166/world-countries gazetteer compiled into the
//! binary (see `data/gazetteer/README.md` for sources and licences).
//!
//! Names are indexed by their folded word sequence ("nagorno karabakh"), so a
//! lookup is a hash probe per candidate span of tokens. Country adjectives
//! ("Turkish", "russe") resolve to their country but are marked as such,
//! because "Russian ministry" says less about geography than "in Russia".

use crate::lexicon::fold::{fold, strip_apostrophe_suffix};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

const PLACES_TSV: &str = include_str!("../../data/gazetteer/places.tsv");

/// Subdivision and city names that are ordinary words in news text
/// ("North" is a region of Cameroon; "Centre" one of France).
const GENERIC_NAMES: &[&str] = &[
    "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
    "eastern", "western", "capital", "coast", "islands", "island", "lakes", "upper", "lower",
    "middle", "federal", "national", "mountain", "valley", "river", "plateau", "littoral",
    "orient", "nord", "sud", "est", "ouest", "mitte", "norte", "sur", "centro", "oeste",
];

/// Longest name, in words, that lookups try.
pub const MAX_NAME_WORDS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Continent,
    Country,
    Admin1,
    City,
}

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code; empty for continents.
    pub cc: String,
    pub population: u64,
    pub name: String,
}

pub type PlaceId = u32;

/// One way a name can be read: which place, and whether the text used the
/// country's adjective ("Turkish") rather than a name.
#[derive(Debug, Clone, Copy)]
pub struct Sense {
    pub place: PlaceId,
    pub adjective: bool,
}

pub struct Gazetteer {
    places: Vec<Place>,
    names: HashMap<String, Vec<Sense>>,
    country_by_cc: HashMap<String, PlaceId>,
}

/// The key a name is indexed and looked up under: folded words joined by a space.
pub fn name_key<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for w in words {
        if !key.is_empty() {
            key.push(' ');
        }
        let w = strip_apostrophe_suffix(w);
        if is_dotted_initials(w) {
            // "U.S", "U.N": the key of "US", "UN".
            key.push_str(&fold(&w.replace('.', "")));
        } else {
            key.push_str(&fold(w));
        }
    }
    key
}

/// Single letters joined by full stops, as abbreviations are written
/// ("U.S", "U.K"; the word splitter leaves the last stop out).
fn is_dotted_initials(w: &str) -> bool {
    w.contains('.')
        && w.split('.')
            .filter(|part| !part.is_empty())
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

impl Gazetteer {
    /// The embedded gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| Gazetteer::parse(PLACES_TSV).expect("embedded gazetteer is valid"))
    }

    /// Parse the TSV format written by `scripts/build_gazetteer.py`.
    pub fn parse(tsv: &str) -> Result<Gazetteer, String> {
        let mut places = Vec::new();
        let mut names: HashMap<String, Vec<Sense>> = HashMap::new();
        let mut country_by_cc = HashMap::new();
        for (lineno, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 9 {
                return Err(format!(
                    "line {}: expected 9 columns, found {}",
                    lineno + 1,
                    cols.len()
                ));
            }
            let kind = match cols[1] {
                "continent" => PlaceKind::Continent,
                "country" => PlaceKind::Country,
                "admin1" => PlaceKind::Admin1,
                "city" => PlaceKind::City,
                other => return Err(format!("line {}: unknown kind {other:?}", lineno + 1)),
            };
            let id = places.len() as PlaceId;
            if kind == PlaceKind::Country {
                country_by_cc.insert(cols[2].to_owned(), id);
            }
            let mut add = |name: &str, adjective: bool| {
                let key = name_key(name.unicode_words());
                if key.is_empty() || key.split(' ').count() > MAX_NAME_WORDS {
                    return;
                }
                if kind != PlaceKind::Country && GENERIC_NAMES.contains(&key.as_str()) {
                    return;
                }
                let senses = names.entry(key).or_default();
                if !senses
                    .iter()
                    .any(|s| s.place == id && s.adjective == adjective)
                {
                    senses.push(Sense {
                        place: id,
                        adjective,
                    });
                }
            };
            add(cols[7], false);
            for alias in cols[8].split('|').filter(|a| !a.is_empty()) {
                match alias.strip_prefix('~') {
                    Some(adj) => add(adj, true),
                    None => add(alias, false),
                }
            }
            places.push(Place {
                id: cols[0].to_owned(),
                kind,
                cc: cols[2].to_owned(),
                population: cols[4].parse().unwrap_or(0),
                name: cols[7].to_owned(),
            });
        }
        Ok(Gazetteer {
            places,
            names,
            country_by_cc,
        })
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }

    /// All readings of a name given as a folded key (see [`name_key`]).
    pub fn senses(&self, key: &str) -> &[Sense] {
        self.names.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country a place lies in (itself for a country).
    pub fn country_of(&self, id: PlaceId) -> Option<PlaceId> {
        let place = self.place(id);
        match place.kind {
            PlaceKind::Country => Some(id),
            PlaceKind::Continent => None,
            _ => self.country_by_cc.get(&place.cc).copied(),
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(key: &str) -> Vec<String> {
        let g = Gazetteer::get();
        g.senses(key)
            .iter()
            .map(|s| g.place(s.place).name.clone())
            .collect()
    }

    #[test]
    fn places_of_the_example_articles_are_known() {
        for (key, expected) in [
            ("moscow", "Moscow"),
            ("ankara", "Ankara"),
            ("idlib", "Idlib"),
            ("syria", "Syria"),
            ("brussels", "Brussels"),
        ] {
            assert!(
                names_of(key).iter().any(|n| n.contains(expected)),
                "{key}: {:?}",
                names_of(key)
            );
        }
    }

    #[test]
    fn names_in_other_languages_resolve_to_the_same_country() {
        let g = Gazetteer::get();
        let germany = |key: &str| {
            g.senses(key)
                .iter()
                .any(|s| g.place(s.place).kind == PlaceKind::Country && g.place(s.place).cc == "DE")
        };
        assert!(germany("deutschland"));
        assert!(germany("alemania"));
        assert!(germany("niemcy"));
        assert!(germany("ألمانيا"));
    }

    #[test]
    fn adjectives_point_to_their_country() {
        let g = Gazetteer::get();
        let senses = g.senses("turkish");
        assert!(senses
            .iter()
            .any(|s| s.adjective && g.place(s.place).cc == "TR"));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let err = Gazetteer::parse("# header\n1\tcity\tTR\n").err().unwrap();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
