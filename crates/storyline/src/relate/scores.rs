//! The SemEval-2022 Task 8 scale: seven dimensions, each 1.0 (very similar)
//! to 4.0 (very dissimilar).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Overall,
    Geography,
    Entities,
    Time,
    Narrative,
    Style,
    Tone,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::Overall,
        Dimension::Geography,
        Dimension::Entities,
        Dimension::Time,
        Dimension::Narrative,
        Dimension::Style,
        Dimension::Tone,
    ];

    /// Field name in the SemEval files.
    pub fn gold_field(self) -> &'static str {
        match self {
            Dimension::Overall => "Overall",
            Dimension::Geography => "Geography",
            Dimension::Entities => "Entities",
            Dimension::Time => "Time",
            Dimension::Narrative => "Narrative",
            Dimension::Style => "Style",
            Dimension::Tone => "Tone",
        }
    }

    /// Field name in Storyline's own output.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Overall => "overall",
            Dimension::Geography => "geography",
            Dimension::Entities => "entities",
            Dimension::Time => "time",
            Dimension::Narrative => "narrative",
            Dimension::Style => "style",
            Dimension::Tone => "tone",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

pub const MIN_SCORE: f64 = 1.0;
pub const MAX_SCORE: f64 = 4.0;

/// Seven scores in [`Dimension::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores([f64; 7]);

impl Scores {
    pub fn from_array(values: [f64; 7]) -> Scores {
        Scores(values)
    }

    pub fn get(&self, d: Dimension) -> f64 {
        self.0[d.index()]
    }

    pub fn as_array(&self) -> &[f64; 7] {
        &self.0
    }

    /// Words for a score, for reports: those of the nearest point of the
    /// four-point scale the annotators chose from, so 1.7 reads as
    /// "somewhat similar" (nearer 2 than 1), as the annotators' own mean of
    /// 1.7 would.
    pub fn describe(score: f64) -> &'static str {
        match score {
            s if s < 1.5 => "very similar",
            s if s < 2.5 => "somewhat similar",
            s if s < 3.5 => "somewhat dissimilar",
            _ => "very dissimilar",
        }
    }
}

impl Serialize for Scores {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(7))?;
        for d in Dimension::ALL {
            map.serialize_entry(d.name(), &round2(self.get(d)))?;
        }
        map.end()
    }
}

/// Days apart at which two fixed event times score [`MAX_SCORE`] on Time.
const TIME_GAP_FAR_DAYS: f64 = 730.0;

/// The Time score of two event times a known number of days apart: 1 on
/// the same day, rising with the logarithm of the gap (a week about 1.9, a
/// month 2.6, a quarter 3.0, a year 3.7) to 4 at two years. A rule, not a
/// fitted model: no training pair carries dates, so the learned Time head
/// never saw a measured gap.
pub fn time_score_for_gap(days: i64) -> f64 {
    let share = (1.0 + days.max(0) as f64).ln() / (1.0 + TIME_GAP_FAR_DAYS).ln();
    MIN_SCORE + (MAX_SCORE - MIN_SCORE) * share.min(1.0)
}

impl Scores {
    /// The same scores with one dimension set.
    pub fn with(mut self, d: Dimension, value: f64) -> Scores {
        self.0[d.index()] = value.clamp(MIN_SCORE, MAX_SCORE);
        self
    }
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_those_of_the_nearest_scale_point() {
        assert_eq!(Scores::describe(1.0), "very similar");
        assert_eq!(Scores::describe(1.49), "very similar");
        // Nearer "2 = somewhat similar" than "1 = very similar".
        assert_eq!(Scores::describe(1.7), "somewhat similar");
        assert_eq!(Scores::describe(2.49), "somewhat similar");
        assert_eq!(Scores::describe(3.3), "somewhat dissimilar");
        assert_eq!(Scores::describe(3.6), "very dissimilar");
        assert_eq!(Scores::describe(4.0), "very dissimilar");
    }
}
