//! The scorer: one ridge regression per dimension over standardised pair
//! features, fitted by `storyline train` (see [`super::fit`]) and shipped as
//! a small JSON file compiled into the binary.

use super::features::FeatureSet;
use super::scores::{Dimension, Scores, MAX_SCORE, MIN_SCORE};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::OnceLock;

const EMBEDDED_LEXICAL: &str = include_str!("../../models/scorer.json");
const EMBEDDED_NEURAL: &str = include_str!("../../models/scorer-usem3.json");

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinearHead {
    pub dimension: Dimension,
    pub intercept: f64,
    pub weights: Vec<f64>,
    /// Ridge penalty chosen by cross-validation on the training pairs.
    pub lambda: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrainingRecord {
    pub file: String,
    pub pairs: usize,
    pub sha256: String,
    pub command: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScorerModel {
    pub format: u32,
    pub features: Vec<String>,
    pub mean: Vec<f64>,
    pub scale: Vec<f64>,
    /// The range each feature took on the training pairs. A pair outside
    /// it (two copies of one text: every overlap 1.0, which no training
    /// pair reaches) is read at its edge: a linear model extrapolated
    /// past its data says nothing trustworthy, and here said "dissimilar"
    /// of identical texts.
    #[serde(default)]
    pub low: Vec<f64>,
    #[serde(default)]
    pub high: Vec<f64>,
    pub heads: Vec<LinearHead>,
    pub trained_on: TrainingRecord,
}

/// Parse a compiled-in model once per process.
fn parse_once(
    cell: &'static OnceLock<Result<ScorerModel, String>>,
    json: &str,
    label: &str,
) -> Result<&'static ScorerModel, String> {
    cell.get_or_init(|| ScorerModel::from_json(json))
        .as_ref()
        .map_err(|e| format!("{label} {e}"))
}

impl ScorerModel {
    pub const FORMAT: u32 = 1;

    /// The lexical model shipped with this build. An error here means the
    /// build was made without refitting after a feature change.
    pub fn embedded() -> Result<&'static ScorerModel, String> {
        static MODEL: OnceLock<Result<ScorerModel, String>> = OnceLock::new();
        parse_once(&MODEL, EMBEDDED_LEXICAL, "embedded")
    }

    /// The neural (lexical + embeddings) model shipped with this build.
    pub fn embedded_neural() -> Result<&'static ScorerModel, String> {
        static MODEL: OnceLock<Result<ScorerModel, String>> = OnceLock::new();
        parse_once(&MODEL, EMBEDDED_NEURAL, "embedded neural")
    }

    /// Which feature set this model reads; `None` only for models fitted on
    /// other columns (ablations), which are never used to score.
    pub fn feature_set(&self) -> Option<FeatureSet> {
        FeatureSet::of_names(&self.features)
    }

    pub fn load(path: &Path) -> anyhow::Result<ScorerModel> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: cannot read scorer model: {e}", path.display()))?;
        ScorerModel::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    pub fn from_json(text: &str) -> Result<ScorerModel, String> {
        let model: ScorerModel =
            serde_json::from_str(text).map_err(|e| format!("invalid scorer model: {e}"))?;
        model.validate()?;
        Ok(model)
    }

    fn validate(&self) -> Result<(), String> {
        if self.format != Self::FORMAT {
            return Err(format!(
                "scorer model format {} is not supported (expected {})",
                self.format,
                Self::FORMAT
            ));
        }
        if FeatureSet::of_names(&self.features).is_none() {
            return Err(
                "scorer model was fitted on other features than this build computes; refit it with `storyline train`".into(),
            );
        }
        let n = self.features.len();
        if self.mean.len() != n || self.scale.len() != n {
            return Err("scorer model: mean/scale length differs from the feature count".into());
        }
        let range_ok = |v: &Vec<f64>| v.is_empty() || v.len() == n;
        let ordered = self.low.iter().zip(&self.high).all(|(lo, hi)| lo <= hi);
        if !range_ok(&self.low) || !range_ok(&self.high) || !ordered {
            return Err(
                "scorer model: low/high must be ordered and as long as the feature list".into(),
            );
        }
        for d in Dimension::ALL {
            let head = self
                .heads
                .iter()
                .find(|h| h.dimension == d)
                .ok_or_else(|| format!("scorer model has no head for {}", d.name()))?;
            if head.weights.len() != n {
                return Err(format!(
                    "scorer model: {} head has the wrong number of weights",
                    d.name()
                ));
            }
        }
        Ok(())
    }

    /// Standardised features, each first held to its training range.
    pub fn standardise(&self, x: &[f64]) -> Vec<f64> {
        x.iter()
            .enumerate()
            .map(|(j, &v)| {
                let v = match (self.low.get(j), self.high.get(j)) {
                    (Some(&lo), Some(&hi)) => v.clamp(lo, hi),
                    _ => v,
                };
                (v - self.mean[j]) / self.scale[j]
            })
            .collect()
    }

    pub fn predict(&self, x: &[f64]) -> Scores {
        let z = self.standardise(x);
        let mut out = [0.0; 7];
        for head in &self.heads {
            let y = head.intercept + head.weights.iter().zip(&z).map(|(w, v)| w * v).sum::<f64>();
            out[head.dimension.index()] = y.clamp(MIN_SCORE, MAX_SCORE);
        }
        Scores::from_array(out)
    }

    /// Features ranked by how much they moved this prediction of `dim`
    /// (weight times standardised value), for explanations.
    pub fn contributions(&self, x: &[f64], dim: Dimension) -> Vec<(&str, f64)> {
        let z = self.standardise(x);
        let head = self
            .heads
            .iter()
            .find(|h| h.dimension == dim)
            .expect("validated");
        let mut c: Vec<(&str, f64)> = self
            .features
            .iter()
            .zip(head.weights.iter().zip(&z))
            .map(|(name, (w, v))| (name.as_str(), w * v))
            .collect();
        c.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        c
    }
}

/// The models a comparison may use: the lexical one always, the neural one
/// when both articles carry embeddings.
#[derive(Clone, Copy)]
pub struct Scorers<'m> {
    pub lexical: &'m ScorerModel,
    pub neural: Option<&'m ScorerModel>,
}

impl<'m> Scorers<'m> {
    /// The models built into the binary.
    pub fn embedded() -> Result<Scorers<'static>, String> {
        Ok(Scorers {
            lexical: ScorerModel::embedded()?,
            // Only a build whose features changed without a refit lacks it:
            // say so, since every comparison is then lexical.
            neural: ScorerModel::embedded_neural()
                .map_err(|e| {
                    tracing::warn!(
                        "the built-in neural scorer cannot be used ({e}); scoring lexically"
                    )
                })
                .ok(),
        })
    }

    /// Pick the model for a feature vector; lexical features are a prefix
    /// of the neural ones, so a neural vector can always fall back.
    pub fn pick<'x>(&self, x: &'x [f64], set: FeatureSet) -> (&'m ScorerModel, &'x [f64]) {
        match (set, self.neural) {
            (FeatureSet::Neural, Some(m)) if m.features.len() == x.len() => (m, x),
            _ => (self.lexical, &x[..self.lexical.features.len()]),
        }
    }
}
