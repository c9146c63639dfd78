//! Fitting the scorer on labelled pairs: closed-form ridge regression per
//! dimension, penalty chosen by 5-fold cross-validation (folds by line
//! number, so fitting is deterministic).

use super::features::FeatureSet;
use super::model::{LinearHead, ScorerModel, TrainingRecord};
use super::scores::Dimension;
use nalgebra::{DMatrix, DVector};
use rayon::prelude::*;

const LAMBDAS: &[f64] = &[1.0, 3.0, 10.0, 30.0, 100.0, 300.0];
const FOLDS: usize = 5;

/// Fit on feature rows `x` (of feature set `set`) and gold scores `y` (one
/// `[f64; 7]` per row).
pub fn fit(
    x: &[Vec<f64>],
    y: &[[f64; 7]],
    set: FeatureSet,
    trained_on: TrainingRecord,
) -> ScorerModel {
    fit_named(x, y, &set.names(), trained_on)
}

/// The pairs a scorer can learn from, and how many were left out: those
/// whose two texts are copies of one another. In the SemEval files these
/// are scrapes that caught the same cookie wall, paywall or block page on
/// both sides, with the gold score of the articles behind them (mostly
/// dissimilar); learnt from, they teach that identical text means
/// different stories. `compare` scores copies 1 without the model.
pub fn learnable(
    labelled: Vec<crate::ingest::pairs::PairInput>,
) -> (Vec<crate::ingest::pairs::PairInput>, usize) {
    use crate::analyse::analyse;
    use crate::relate::evidence::copies;
    let keep: Vec<bool> = labelled
        .par_iter()
        .map(|p| copies(&analyse(&p.a), &analyse(&p.b)).is_none())
        .collect();
    let total = labelled.len();
    let kept: Vec<_> = labelled
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect();
    let left_out = total - kept.len();
    (kept, left_out)
}

/// Fit on any named columns (used by ablations, which drop feature groups).
pub fn fit_named(
    x: &[Vec<f64>],
    y: &[[f64; 7]],
    names: &[&str],
    trained_on: TrainingRecord,
) -> ScorerModel {
    let n = x.len();
    let d = names.len();
    assert!(
        x.iter().all(|r| r.len() == d),
        "feature rows match the feature set"
    );
    let mean: Vec<f64> = (0..d)
        .map(|j| x.iter().map(|r| r[j]).sum::<f64>() / n as f64)
        .collect();
    let scale: Vec<f64> = (0..d)
        .map(|j| {
            let var = x.iter().map(|r| (r[j] - mean[j]).powi(2)).sum::<f64>() / n as f64;
            if var > 1e-12 {
                var.sqrt()
            } else {
                1.0
            }
        })
        .collect();
    let z = DMatrix::from_fn(n, d, |i, j| (x[i][j] - mean[j]) / scale[j]);
    let range = |pick: fn(f64, f64) -> f64| -> Vec<f64> {
        (0..d)
            .map(|j| x.iter().map(|r| r[j]).reduce(pick).unwrap_or(0.0))
            .collect()
    };

    let heads = Dimension::ALL
        .iter()
        .map(|&dim| {
            let target = DVector::from_fn(n, |i, _| y[i][dim.index()]);
            let lambda = choose_lambda(&z, &target);
            let (intercept, weights) = ridge(&z, &target, lambda);
            LinearHead {
                dimension: dim,
                intercept,
                weights: weights.iter().copied().collect(),
                lambda,
            }
        })
        .collect();
    ScorerModel {
        format: ScorerModel::FORMAT,
        features: names.iter().map(|s| s.to_string()).collect(),
        mean,
        scale,
        low: range(f64::min),
        high: range(f64::max),
        heads,
        trained_on,
    }
}

/// Ridge on standardised inputs: intercept is the target mean.
fn ridge(z: &DMatrix<f64>, y: &DVector<f64>, lambda: f64) -> (f64, DVector<f64>) {
    let y_mean = y.mean();
    let yc = y.add_scalar(-y_mean);
    let mut gram = z.transpose() * z;
    for k in 0..gram.nrows() {
        gram[(k, k)] += lambda;
    }
    let rhs = z.transpose() * yc;
    let w = gram
        .cholesky()
        .expect("ridge system is positive definite")
        .solve(&rhs);
    (y_mean, w)
}

fn choose_lambda(z: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let n = z.nrows();
    let mut best = (f64::INFINITY, LAMBDAS[0]);
    for &lambda in LAMBDAS {
        let mut sse = 0.0;
        for fold in 0..FOLDS {
            let train: Vec<usize> = (0..n).filter(|i| i % FOLDS != fold).collect();
            let test: Vec<usize> = (0..n).filter(|i| i % FOLDS == fold).collect();
            let zt = z.select_rows(&train);
            let yt = DVector::from_iterator(train.len(), train.iter().map(|&i| y[i]));
            let (b, w) = ridge(&zt, &yt, lambda);
            for &i in &test {
                let pred = (b + z.row(i).transpose().dot(&w)).clamp(1.0, 4.0);
                sse += (pred - y[i]).powi(2);
            }
        }
        if sse < best.0 {
            best = (sse, lambda);
        }
    }
    best.1
}
