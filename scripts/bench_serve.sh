#!/usr/bin/env bash
# Load benchmark of `storyline serve` (not a test): requests/s and latency
# percentiles with wrk on loopback, 10 s per endpoint, over an existing
# store (e.g. the 100k-article store `storyline bench ingest` builds).
# Usage: scripts/bench_serve.sh STORE_DIR [storyline binary]
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=${1:?give a store directory}
BIN=${2:-target/release/storyline}
command -v wrk >/dev/null || { echo "needs wrk (Debian package wrk)"; exit 1; }
LOG=$(mktemp)
"$BIN" serve --port 0 --lexical --store "$STORE" 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 300); do grep -q "listening on" "$LOG" && break; sleep 0.1; done
BASE=$(sed -n 's/.*listening on //p' "$LOG" | head -1)
STORY=$(curl -s "$BASE/v1/stories?order=largest&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
echo "server $BASE, store $STORE ($(curl -s "$BASE/healthz")), largest story $STORY"
run() { echo "== $1"; shift; wrk --latency -t2 -c8 -d10s "$@" | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx"; }
run "GET /v1/stories" "$BASE/v1/stories"
run "GET /v1/stories/$STORY (largest story)" "$BASE/v1/stories/$STORY"
run "POST /v1/compare" -s scripts/wrk/post_compare.lua "$BASE/v1/compare"
run "POST /v1/articles" -s scripts/wrk/post_article.lua "$BASE/v1/articles"
grep -E "VmHWM|VmRSS" /proc/$PID/status
