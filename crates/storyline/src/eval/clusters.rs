//! BCubed precision, recall and F1 of predicted clusters against gold labels
//! (Bagga and Baldwin 1998): per item, the share of its predicted cluster
//! that shares its gold label (precision) and the share of its gold class
//! found in its predicted cluster (recall), averaged over items.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `pairs` holds (predicted cluster, gold label) per item.
pub fn bcubed<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(pairs: &[(P, G)]) -> BCubed {
    let n = pairs.len();
    if n == 0 {
        return BCubed {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let mut joint: HashMap<(&P, &G), usize> = HashMap::new();
    let mut pred: HashMap<&P, usize> = HashMap::new();
    let mut gold: HashMap<&G, usize> = HashMap::new();
    for (p, g) in pairs {
        *joint.entry((p, g)).or_default() += 1;
        *pred.entry(p).or_default() += 1;
        *gold.entry(g).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in pairs {
        let both = joint[&(p, g)] as f64;
        precision += both / pred[&p] as f64;
        recall += both / gold[&g] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_degenerate_clusterings() {
        let perfect = bcubed(&[(1, "a"), (1, "a"), (2, "b")]);
        assert_eq!(
            (perfect.precision, perfect.recall, perfect.f1),
            (1.0, 1.0, 1.0)
        );
        let one = bcubed(&[(1, "a"), (1, "a"), (1, "b"), (1, "b")]);
        assert_eq!((one.precision, one.recall), (0.5, 1.0));
        let singletons = bcubed(&[(1, "a"), (2, "a"), (3, "b"), (4, "b")]);
        assert_eq!((singletons.precision, singletons.recall), (1.0, 0.5));
    }

    #[test]
    fn worked_example() {
        // Cluster 1 = {a, a, b}, cluster 2 = {b}: precision (2/3+2/3+1/3+1)/4,
        // recall (1+1+1/2+1/2)/4.
        let r = bcubed(&[(1, "a"), (1, "a"), (1, "b"), (2, "b")]);
        assert!((r.precision - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0) / 4.0).abs() < 1e-12);
        assert!((r.recall - 0.75).abs() < 1e-12);
    }
}
