#!/usr/bin/env python3
"""Compare learners on Storyline's pair features (evidence for relate/fit.rs).

Dumps the feature tables with the storyline binary, fits each candidate on the
train split only, and prints Pearson (Overall) on dev, all pairs / en-en /
de-en, plus 5-fold cross-validated Pearson on train. Needs numpy and
scikit-learn (`pip install numpy scikit-learn`); not part of the build.

    python3 scripts/compare_learners.py [--bin target/release/storyline] [--data ../shared/data/semeval2022-task8]
"""
import argparse, csv, os, subprocess, tempfile, warnings
import numpy as np
from sklearn.ensemble import ExtraTreesRegressor, GradientBoostingRegressor, VotingRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")


def load(path):
    rows = list(csv.reader(open(path)))
    head, body = rows[0], rows[1:]
    nf = len(head) - 2 - 7
    x = np.array([[float(v) for v in r[2:2 + nf]] for r in body])
    y = np.array([[float(v) for v in r[2 + nf:]] for r in body])
    langs = np.array([r[1] for r in body])
    return head[2:2 + nf], x, y, langs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/storyline")
    ap.add_argument("--data", default="../shared/data/semeval2022-task8")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    tr_csv, dev_csv = os.path.join(tmp, "train.csv"), os.path.join(tmp, "dev.csv")
    subprocess.run([args.bin, "train", "semeval", f"{args.data}/train.jsonl", "--out",
                    os.path.join(tmp, "model.json"), "--dump-features", tr_csv], check=True)
    subprocess.run([args.bin, "eval", "semeval", f"{args.data}/dev.jsonl", "--dump-features", dev_csv],
                   check=True, stdout=subprocess.DEVNULL)
    # Gold columns: Overall, Geography, Entities, Time, Narrative, Style, Tone.
    names, xt, yt_all, _ = load(tr_csv)
    _, xd, yd_all, ld = load(dev_csv)
    yt, yd = yt_all[:, 0], yd_all[:, 0]
    base = [i for i, n in enumerate(names) if not n.endswith("_sqrt")]
    kf = KFold(5, shuffle=True, random_state=0)

    def report(tag, model, cols, heads=None):
        # With `heads`, the model is fitted to those gold columns at once and
        # the mean of its predictions is the Overall prediction.
        sc = StandardScaler().fit(xt[:, cols])
        zt, zd = sc.transform(xt[:, cols]), sc.transform(xd[:, cols])
        target = yt if heads is None else yt_all[:, heads]
        pred = model.fit(zt, target).predict(zd).reshape(len(zd), -1).mean(1)
        cv = cross_val_predict(model, zt, target, cv=kf).reshape(len(zt), -1).mean(1)
        r = lambda m: np.corrcoef(pred[m], yd[m])[0, 1]
        print(f"{tag:34s} dev all {r(np.ones(len(yd), bool)):.3f}  en-en {r(ld == 'en-en'):.3f}  "
              f"de-en {r(ld == 'de-en'):.3f} | train 5-fold CV {np.corrcoef(cv, yt)[0, 1]:.3f}")

    allc = list(range(len(names)))
    for a in (1, 10, 30):
        report(f"ridge alpha={a}, no sqrt features", Ridge(alpha=a), base)
        report(f"ridge alpha={a}, with sqrt features", Ridge(alpha=a), allc)
    for depth in (2, 3):
        report(f"gradient boosting depth={depth} n=200", GradientBoostingRegressor(
            n_estimators=200, max_depth=depth, learning_rate=0.03, subsample=0.8, random_state=0), base)
    trees = lambda: ExtraTreesRegressor(n_estimators=500, min_samples_leaf=3, max_features=0.3,
                                        random_state=0, n_jobs=2)
    report("extra trees n=500", trees(), base)
    report("mean of ridge alpha=10 and extra trees",
           VotingRegressor([("ridge", Ridge(alpha=10)), ("trees", trees())]), allc)
    report("ridge alpha=10, mean of Overall, Entities, Narrative heads", Ridge(alpha=10), allc,
           heads=[0, 2, 4])


if __name__ == "__main__":
    main()
