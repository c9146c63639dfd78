#!/usr/bin/env bash
# Embedding throughput, Rust vs the Python package, side by side on the same
# ~1,000-character articles (benchmark, not a test). Needs a release build,
# the models (`storyline models fetch`) and the SemEval dev file.
#   bash scripts/bench_embeddings.sh [PAIRS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-../shared/data/semeval2022-task8/dev.jsonl}
texts=$(mktemp --suffix=.jsonl)
trap 'rm -f "$texts"' EXIT
./target/release/storyline bench embed "$pairs" --texts-out "$texts" --rounds 5
for threads in 1 2; do
  python3 scripts/bench_python_use.py "$texts" --threads "$threads" --rounds 5
done
