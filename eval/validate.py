#!/usr/bin/env python3
"""Check the evaluation corpus: every gold file against gold/GUIDE.md's shape.

    python eval/validate.py [--strict]

Checks that each gold file parses, that its "source" is the name of an article in
eval/articles/ with the same stem, that every article has a gold file, that country
codes are ISO 3166-1 alpha-2, that dates are ISO (`due` may be YYYY or YYYY-MM), that
speakers, parties and participants' countries belong to the meeting's countries, that
phone and video meetings have no location, and that every statement and commitment
text occurs in its article (quotation marks, tags and white space ignored). Exits 1 on
a structural error; a text not found verbatim is a warning, an error with --strict.
Standard library only.
"""
import argparse
import datetime
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISO = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM
BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR
GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR
PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS
YE YT ZA ZM ZW""".split())
assert len(ISO) == 249
FORMATS = {"in_person", "phone", "video"}
QUOTES = re.compile(r"[\"“”„«»]")
WORD = re.compile(r"[a-z0-9]+")


def is_date(value, partial=False):
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    try:
        if partial and re.fullmatch(r"\d{4}", value):
            return True
        if partial and re.fullmatch(r"\d{4}-\d{2}", value):
            datetime.date.fromisoformat(value + "-01")
            return True
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def normalize(text):
    text = QUOTES.sub("", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def article_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return normalize(raw)


def check(gold_path, articles, errors, warnings, strict):
    where = gold_path.name
    try:
        doc = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        errors.append(f"{where}: does not parse: {exc}")
        return
    if set(doc) != {"source", "published", "meetings"}:
        errors.append(f"{where}: keys {sorted(doc)}")
    source = doc.get("source")
    if source not in articles:
        errors.append(f"{where}: source {source!r} is not a file in eval/articles/")
        text = ""
    else:
        if Path(source).stem != gold_path.stem:
            errors.append(f"{where}: source {source!r} has another stem")
        text = article_text(articles[source])
    if not is_date(doc.get("published")):
        errors.append(f"{where}: published {doc.get('published')!r} is not an ISO date")
    for n, m in enumerate(doc.get("meetings", []), 1):
        at = f"{where} meeting {n}"
        keys = {"date", "format", "name", "location", "countries", "participants", "statements", "commitments"}
        if set(m) != keys:
            errors.append(f"{at}: keys {sorted(m)}")
        if not is_date(m.get("date")):
            errors.append(f"{at}: date {m.get('date')!r}")
        if m.get("format") not in FORMATS:
            errors.append(f"{at}: format {m.get('format')!r}")
        countries = m.get("countries") or []
        if len(countries) < 2 or len(set(countries)) != len(countries):
            errors.append(f"{at}: countries {countries} (two or more, no repeats)")
        for code in countries:
            if code not in ISO:
                errors.append(f"{at}: {code!r} is not ISO 3166-1 alpha-2")
        loc = m.get("location")
        if m.get("format") in ("phone", "video") and loc is not None:
            errors.append(f"{at}: a {m['format']} meeting has a location")
        if loc is not None and (set(loc) != {"place", "country"} or loc.get("country") not in ISO or not loc.get("place")):
            errors.append(f"{at}: location {loc}")
        for p in m.get("participants", []):
            if set(p) != {"name", "family", "country", "role"} or not all(p.values()):
                errors.append(f"{at}: participant {p}")
                continue
            if p["country"] not in countries:
                errors.append(f"{at}: participant {p['name']} of {p['country']} not in countries")
            if p["family"] not in p["name"]:
                errors.append(f"{at}: family {p['family']!r} not in name {p['name']!r}")
        for key, who in (("statements", "speakers"), ("commitments", "parties")):
            for item in m.get(key, []):
                extra = {"direct"} if key == "statements" else {"due"}
                if set(item) != {who, "text"} | extra:
                    errors.append(f"{at}: {key[:-1]} keys {sorted(item)}")
                if not item.get(who) or not set(item.get(who, [])) <= set(countries):
                    errors.append(f"{at}: {who} {item.get(who)} not within countries")
                if key == "statements" and not isinstance(item.get("direct"), bool):
                    errors.append(f"{at}: direct must be true or false")
                if key == "commitments" and not is_date(item.get("due"), partial=True):
                    errors.append(f"{at}: due {item.get('due')!r}")
                snippet = normalize(item.get("text") or "").rstrip(".,;: ")
                if not snippet:
                    errors.append(f"{at}: empty {key[:-1]} text")
                elif text and snippet not in text:
                    (errors if strict else warnings).append(f"{at}: {key[:-1]} text not in article: {snippet!r}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strict", action="store_true", help="a text not found in its article is an error")
    ap.add_argument("--dir", default=str(HERE), help="the corpus directory (articles/ and gold/)")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    articles = {p.name: p for p in sorted((root / "articles").iterdir()) if p.is_file()}
    golds = sorted((root / "gold").glob("*.json"))
    errors, warnings = [], []
    stems = {}
    for name in articles:
        stems.setdefault(Path(name).stem, []).append(name)
    for stem, names in stems.items():
        if len(names) > 1:
            errors.append(f"articles {names} share the stem {stem!r} (the scorer pairs by stem)")
    gold_stems = {g.stem for g in golds}
    for stem in stems:
        if stem not in gold_stems:
            errors.append(f"article {stems[stem][0]} has no gold file")
    for gold in golds:
        check(gold, articles, errors, warnings, args.strict)
    for line in warnings:
        print("warning: " + line)
    for line in errors:
        print("error: " + line)
    meetings = sum(len(json.loads(g.read_text(encoding="utf-8")).get("meetings", [])) for g in golds)
    print(f"{len(articles)} articles, {len(golds)} gold files, {meetings} meetings: "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
