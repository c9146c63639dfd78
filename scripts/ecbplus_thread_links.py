#!/usr/bin/env python3
"""How right the "same thread" links between stories are, on ECB+ (docs/benchmarks.md).

Ingests the ECB+ articles into a new store with the storyline binary, then
sorts every link between two stories by the gold label of each story's
majority: the same event (a story split in two, rightly linked), the same
topic but another event (a look-alike: the Tara Reid and Lindsay Lohan rehab
stories), or another topic (wrong). Standard library only.

    python3 scripts/ecbplus_thread_links.py [--bin target/release/storyline] [--data ../shared/data/ecbplus/dev.jsonl] [--lexical]
"""
import argparse, collections, json, os, sqlite3, subprocess, tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/storyline")
    ap.add_argument("--data", default="../shared/data/ecbplus/dev.jsonl")
    ap.add_argument("--lexical", action="store_true")
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(args.data) if line.strip()]
    gold = {d["doc_id"]: d["subtopic"] for d in docs}
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "articles.jsonl")
    with open(src, "w") as f:
        for d in docs:
            f.write(json.dumps({"id": d["doc_id"], "text": d["text"]}) + "\n")
    store = os.path.join(tmp, "store")
    cmd = [args.bin, "ingest", "--store", store, src] + (["--lexical"] if args.lexical else [])
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = sqlite3.connect(os.path.join(store, "storyline.db"))
    members = collections.defaultdict(collections.Counter)
    for art, story in db.execute("SELECT id, story FROM articles WHERE story IS NOT NULL"):
        members[story][gold[art]] += 1
    majority = {s: c.most_common(1)[0][0] for s, c in members.items()}
    kinds = collections.Counter()
    for a, b in db.execute("SELECT a, b FROM story_links"):
        x, y = majority[a], majority[b]
        if x == y:
            kinds["same event"] += 1
        elif x.split("_")[0] == y.split("_")[0]:
            kinds["same topic, another event"] += 1
        else:
            kinds["another topic"] += 1
    total = sum(kinds.values())
    print(f"{len(majority)} stories, {total} thread links")
    for k in ("same event", "same topic, another event", "another topic"):
        print(f"  {k:26s} {kinds[k]:3d}  ({kinds[k] / max(total, 1):.2f})")


if __name__ == "__main__":
    main()
