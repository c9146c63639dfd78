#!/usr/bin/env bash
# End-to-end test of `storyline serve`, run by .ci/run after the Rust tests:
#  1. installs what it needs (Debian's chromium, playwright-core from npm,
#     schemathesis from PyPI into target/e2e-venv);
#  2. starts the server on a free port over a temporary store;
#  3. ingests the example articles and the ECB+ dev articles through the API;
#  4. drives Chromium through the pages (e2e/browse.mjs), saving screenshots
#     to docs/screenshots/;
#  5. fuzzes the API from its OpenAPI document with schemathesis: no 5xx.
# Usage: scripts/e2e.sh [path/to/storyline]   (default: target/debug/storyline)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/debug/storyline}
[ -x "$BIN" ] || cargo build --locked
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v chromium >/dev/null; then
  echo "e2e: installing chromium (Debian)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
(cd e2e && npm ci --no-audit --no-fund --silent)
if [ ! -x target/e2e-venv/bin/schemathesis ]; then
  python3 -m venv target/e2e-venv
  target/e2e-venv/bin/pip install -q "schemathesis==4.32.5"
fi

STORE=$(mktemp -d)
LOG="$STORE.log"
"$BIN" serve --port 0 --lexical --store "$STORE" 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$STORE" "$LOG"' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$LOG" && break
  sleep 0.1
done
BASE=$(sed -n 's/.*listening on //p' "$LOG" | head -1)
[ -n "$BASE" ] || { cat "$LOG"; echo "e2e: the server did not start"; exit 1; }
echo "e2e: server at $BASE"

python3 - "$BASE" <<'EOF'
import json, sys, urllib.request
base = sys.argv[1]
def post(items):
    req = urllib.request.Request(base + "/v1/articles", json.dumps(items).encode(),
                                 {"content-type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["summary"]
ex = "crates/storyline/tests/fixtures/examples/"
items = [{"id": "example-000", "text": open(ex + "000_17f2bfa074d01afa.txt").read()},
         {"id": "example-004", "text": open(ex + "004_32c51e6b98054cc8.txt").read()}]
print("e2e: examples", post(items))
rows = [json.loads(l) for l in open("crates/storyline/tests/fixtures/ecbplus/dev.jsonl")]
docs = [{"id": r["doc_id"], "text": r["text"]} for r in rows]
total = {}
for i in range(0, len(docs), 100):
    for k, v in post(docs[i:i + 100]).items():
        total[k] = total.get(k, 0) + v
print("e2e: ECB+ dev", total)
EOF

mkdir -p docs/screenshots
EXAMPLE_A=example-000 EXAMPLE_B=example-004 node e2e/browse.mjs "$BASE" docs/screenshots

echo "e2e: fuzzing the API from $BASE/v1/openapi.json"
# Run from the temporary store so schemathesis' cache stays out of the repo.
VENV="$PWD/target/e2e-venv"
(cd "$STORE" && "$VENV/bin/schemathesis" run "$BASE/v1/openapi.json" \
  --checks not_a_server_error --max-examples 30 --workers 1 --no-color)
