#!/usr/bin/env bash
# What `storyline analyze` extracts (entities with their kinds, places) from
# every ECB+ dev text and the SemEval dev texts in the languages of
# DUMP_LANGS (comma-separated, default en; the first text of each pair), one
# block per text.
# Run it with two builds and diff the outputs to see every reading an
# extraction change alters (a review aid, not a test; about 2 minutes).
#   bash scripts/dump_extraction.sh [BINARY] > after.txt
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-./target/release/storyline}
data=${STORYLINE_DATA:-../shared/data}
texts=$(mktemp -d)
trap 'rm -rf "$texts"' EXIT
python3 - "$data" "$texts" "${DUMP_LANGS:-en}" <<'PY'
import json, sys
data, out, langs = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
with open(f"{data}/ecbplus/dev.jsonl", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        with open(f"{out}/{d['doc_id']}.txt", "w", encoding="utf-8") as t:
            t.write(d["text"])
with open(f"{data}/semeval2022-task8/dev.jsonl", encoding="utf-8") as f:
    for i, line in enumerate(f):
        d = json.loads(line)
        if d.get("lang1") in langs:
            with open(f"{out}/semeval{i}_1.txt", "w", encoding="utf-8") as t:
                t.write(d["text1"])
PY
for f in "$texts"/*.txt; do
  echo "== $(basename "$f")"
  "$bin" analyze "$f" | sed -n '/^Entities/,/^Time/p'
done
