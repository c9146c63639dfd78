//! Relate: two analyses in, seven scores and their reasons out.

pub mod evidence;
pub mod features;
pub mod fit;
pub mod model;
pub mod report;
pub mod scores;

use crate::analyse::time::TimeExpression;
use crate::analyse::Analysis;
use evidence::Evidence;
use model::Scorers;
use scores::{Dimension, Scores};
use serde::Serialize;

/// What one side of a comparison looked like, for the explanation.
#[derive(Debug, Clone, Serialize)]
pub struct SideSummary {
    pub label: String,
    pub language: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::NaiveDate>,
    pub time_expressions: Vec<TimeExpression>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// Which scorer produced the scores: "lexical", or "usem3" when both
    /// articles were embedded with the multilingual encoder.
    pub scorer: String,
    /// True when either article's event time cannot be fixed: the Time
    /// score is then an estimate from content, not a measured distance.
    pub time_is_estimate: bool,
    /// One paragraph in plain words.
    pub summary: String,
    pub a: SideSummary,
    pub b: SideSummary,
    #[serde(flatten)]
    pub evidence: Evidence,
    /// The features that moved the Overall score most, with their effect
    /// (positive = towards dissimilar).
    pub overall_drivers: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    #[serde(flatten)]
    pub scores: Scores,
    pub explanation: Explanation,
}

/// Compare two analysed articles with a scorer model.
pub fn compare(a: &Analysis, b: &Analysis, labels: (&str, &str), scorers: &Scorers) -> Comparison {
    let ev = evidence::gather(a, b);
    let (x_all, set) = features::feature_vector(a, b, &ev);
    let (model, x) = scorers.pick(&x_all, set);
    let x = x.to_vec();
    let scores = model.predict(&x);
    let overall_drivers = model
        .contributions(&x, Dimension::Overall)
        .into_iter()
        .take(5)
        .map(|(n, c)| (n.to_owned(), scores::round2(c)))
        .collect();
    let side = |an: &Analysis, label: &str| SideSummary {
        label: label.to_owned(),
        language: an.language.code.clone(),
        title: an
            .sentences
            .first()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        published: an.published,
        time_expressions: an.times.clone(),
    };
    let summary = report::summarise(&scores, &ev);
    Comparison {
        scores,
        explanation: Explanation {
            scorer: match model.feature_set() {
                Some(features::FeatureSet::Neural) => "usem3".to_owned(),
                _ => "lexical".to_owned(),
            },
            time_is_estimate: matches!(ev.time.a, crate::analyse::time::EventTime::Unfixed { .. })
                || matches!(ev.time.b, crate::analyse::time::EventTime::Unfixed { .. }),
            summary,
            a: side(a, labels.0),
            b: side(b, labels.1),
            evidence: ev,
            overall_drivers,
        },
    }
}
