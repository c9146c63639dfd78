#!/usr/bin/env python3
"""A reference point for story clustering on ECB+ (docs/benchmarks.md).

The simplest online clusterer we could write: each article is a bag of its
words (no stems, no names, no embeddings, no time), weighted by general
rarity as Storyline weighs terms (7 - Zipf, from the wordfreq table the
binary compiles in); it joins the story whose centroid is most similar
(cosine) when that reaches a threshold, else starts a story. BCubed F1 in
file order and in shuffled orders, for a few thresholds.

    python3 scripts/ecbplus_term_baseline.py ../shared/data/ecbplus/dev.jsonl [--revise]

With `--revise` it also runs the clusterer with revisions: every 10
arrivals the latest articles are weighed again and may move to a story
they now fit better (`online_revising`). It also prints how well single pairs separate: over the pairs of articles
within one topic, the probability that a same-event pair is more similar
than a different-event pair (AUC), for the rarity-weighted cosine and for a
cosine with the corpus's own IDF. With `--write-pairs FILE` it writes
those pairs as a pair file for `storyline compare --pairs` (ids "a|b"), and
with `--compare-output FILE` it reads that command's output and gives the
AUC of its Overall score:

    python3 scripts/ecbplus_term_baseline.py DEV --write-pairs /tmp/pairs.jsonl
    storyline compare --pairs /tmp/pairs.jsonl > /tmp/scored.jsonl
    python3 scripts/ecbplus_term_baseline.py DEV --compare-output /tmp/scored.jsonl

Needs numpy. Not a test and not a part of Storyline: it tells how much the
product's extra evidence adds over words alone.
"""
import collections
import json
import math
import random
import re
import sys
from pathlib import Path

import numpy as np

ZIPF = Path(__file__).resolve().parent.parent / "crates/storyline/data/wordfreq/zipf.tsv"


def zipf_table(lang="en"):
    table = {}
    for line in ZIPF.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[0] == lang:
            for word in parts[2].split(" "):
                table[word] = float(parts[1])
    return table


def words(text):
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2]


def vectors(docs, zipf, idf=None):
    """Rows of L2-normalised word weights: general rarity (7 - Zipf), or
    the given IDF."""
    rows = []
    for d in docs:
        tf = collections.Counter(words(d["text"]))
        if idf is None:
            v = {w: (1 + math.log(1 + c)) * max(7.0 - zipf.get(w, 1.0), 0.1) for w, c in tf.items()}
        else:
            v = {w: (1 + math.log(1 + c)) * idf[w] for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        rows.append({w: x / norm for w, x in v.items()})
    vocab = {}
    for v in rows:
        for w in v:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, v in enumerate(rows):
        for w, x in v.items():
            m[i, vocab[w]] = x
    return m


def online(m, order, threshold):
    centroids, labels = [], [None] * len(m)
    for i in order:
        best, score = None, -1.0
        if centroids:
            c = np.array(centroids)
            sims = (c @ m[i]) / (np.linalg.norm(c, axis=1) + 1e-9)
            best = int(np.argmax(sims))
            score = float(sims[best])
        if score >= threshold:
            centroids[best] = centroids[best] + m[i]
            labels[i] = best
        else:
            centroids.append(m[i].copy())
            labels[i] = len(centroids) - 1
    return labels


def online_revising(m, order, threshold, every=10, window=None):
    """`online`, and every `every` arrivals the latest `window` articles
    (all when None) are weighed again, each against the stories as they
    now stand (its own without it), and move to another story that takes
    it (the threshold) and fits it better."""
    sums = np.zeros((0, m.shape[1]), dtype=np.float32)
    story = {}
    seen = []
    for step, i in enumerate(order):
        if len(sums):
            sims = (sums @ m[i]) / (np.linalg.norm(sums, axis=1) + 1e-9)
            best = int(np.argmax(sims))
        if len(sums) and sims[best] >= threshold:
            story[i] = best
        else:
            sums = np.vstack([sums, np.zeros(m.shape[1], dtype=np.float32)])
            story[i] = len(sums) - 1
        sums[story[i]] += m[i]
        seen.append(i)
        if (step + 1) % every:
            continue
        for x in seen[-window:] if window else seen:
            own = story[x]
            sims = (sums @ m[x]) / (np.linalg.norm(sums, axis=1) + 1e-9)
            rest = sums[own] - m[x]
            norm = np.linalg.norm(rest)
            sims[own] = float(rest @ m[x]) / norm if norm > 1e-6 else -1.0
            best = int(np.argmax(sims))
            if best != own and sims[best] >= threshold:
                sums[own] -= m[x]
                sums[best] += m[x]
                story[x] = best
    return [story[i] for i in range(len(m))]


def bcubed(gold, labels):
    by_gold, by_label = collections.defaultdict(set), collections.defaultdict(set)
    for i, (g, l) in enumerate(zip(gold, labels)):
        by_gold[g].add(i)
        by_label[l].add(i)
    p = r = 0.0
    for i, (g, l) in enumerate(zip(gold, labels)):
        shared = len(by_label[l] & by_gold[g])
        p += shared / len(by_label[l])
        r += shared / len(by_gold[g])
    p, r = p / len(gold), r / len(gold)
    return 2 * p * r / (p + r)


def within_topic_pairs(docs):
    by_topic = collections.defaultdict(list)
    for i, d in enumerate(docs):
        by_topic[d["topic"]].append(i)
    for members in by_topic.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                yield i, j


def auc(same, different):
    """P(a same-event pair scores higher than a different-event one)."""
    different = sorted(different)
    import bisect

    wins = 0.0
    for s in same:
        lo, hi = bisect.bisect_left(different, s), bisect.bisect_right(different, s)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(same) * len(different))


def corpus_idf_vectors(docs):
    df = collections.Counter()
    for d in docs:
        df.update(set(words(d["text"])))
    n = len(docs)
    idf = {w: math.log(n / c) for w, c in df.items()}
    return vectors(docs, None, idf)


def main():
    args = sys.argv[1:]
    option = lambda name: args[args.index(name) + 1] if name in args else None
    path = next((a for a in args if not a.startswith("--") and a not in
                 (option("--write-pairs"), option("--compare-output"))),
                "../shared/data/ecbplus/dev.jsonl")
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    gold = [d["subtopic"] for d in docs]
    if option("--write-pairs"):
        with open(option("--write-pairs"), "w", encoding="utf-8") as out:
            for i, j in within_topic_pairs(docs):
                a, b = docs[i], docs[j]
                out.write(json.dumps({"pair_id": f"{a['doc_id']}|{b['doc_id']}", "text1": a["text"],
                                      "text2": b["text"], "lang1": "en", "lang2": "en"}) + "\n")
        return
    if option("--compare-output"):
        event = {d["doc_id"]: d["subtopic"] for d in docs}
        same, different = [], []
        for line in open(option("--compare-output"), encoding="utf-8"):
            row = json.loads(line)
            if "overall" in row:
                a, b = row["pair_id"].split("|")
                # Overall is 1 (very similar) to 4: negate to rank by similarity.
                (same if event[a] == event[b] else different).append(-row["overall"])
        print(f"compare Overall: AUC {auc(same, different):.3f} over {len(same) + len(different)} pairs")
        return
    m = vectors(docs, zipf_table())
    for name, vecs in (("rarity-weighted words", m), ("corpus IDF", corpus_idf_vectors(docs))):
        sims = vecs @ vecs.T
        same, different = [], []
        for i, j in within_topic_pairs(docs):
            (same if gold[i] == gold[j] else different).append(float(sims[i, j]))
        print(f"within-topic pairs, {name} cosine: AUC {auc(same, different):.3f} "
              f"({len(same)} same-event, {len(different)} different-event)")
    orders = [list(range(len(docs)))]
    for seed in range(1, 6):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        orders.append(order)
    for threshold in (0.22, 0.25, 0.28):
        f = [bcubed(gold, online(m, o, threshold)) for o in orders]
        shuffled = sorted(f[1:])
        print(
            f"threshold {threshold:.2f}: file order F1 {f[0]:.3f}, shuffled median "
            f"{shuffled[len(shuffled) // 2]:.3f} ({' '.join(f'{x:.3f}' for x in f[1:])})"
        )
    if "--revise" in args:
        for threshold, window in ((0.25, None), (0.25, 300), (0.28, None)):
            f = [bcubed(gold, online_revising(m, o, threshold, 10, window)) for o in orders]
            shuffled = sorted(f[1:])
            print(
                f"revising every 10 arrivals, window {window or 'all'}, threshold {threshold:.2f}: "
                f"file order F1 {f[0]:.3f}, shuffled median {shuffled[len(shuffled) // 2]:.3f} "
                f"({' '.join(f'{x:.3f}' for x in f[1:])})"
            )


if __name__ == "__main__":
    main()
