#!/usr/bin/env python3
"""Sanity checks for the holdout gold files (shape only; never runs the extractor).

    python3 eval/dev4/check.py

Checks: every article has one gold file and vice versa; each gold parses and has the
GUIDE shape; "source" equals the article file name; countries are ISO 3166-1 alpha-2;
dates are ISO; speakers/parties/participants belong to the meeting's countries; every
statement and commitment text occurs verbatim in the article (HTML tags dropped, line
breaks joined, double quotation marks ignored). Standard library only.
"""
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISO2 = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL
BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN
GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM
MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO
SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA
VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split())
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MEETING_KEYS = {"date", "format", "name", "location", "countries", "participants", "statements", "commitments"}


def article_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return norm(raw)


def norm(text):
    text = re.sub(r"[\"\u201c\u201d]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def main():
    errors = []
    err = lambda f, m: errors.append(f"{f}: {m}")
    articles = {p.stem: p for p in (HERE / "articles").iterdir() if p.is_file()}
    golds = {p.stem: p for p in (HERE / "gold").glob("*.json")}
    for stem in sorted(set(articles) ^ set(golds)):
        err(stem, "article without gold" if stem in articles else "gold without article")
    for stem in sorted(set(articles) & set(golds)):
        f = golds[stem].name
        try:
            doc = json.loads(golds[stem].read_text(encoding="utf-8"))
        except ValueError as e:
            err(f, f"does not parse: {e}")
            continue
        if set(doc) != {"source", "published", "meetings"}:
            err(f, f"top-level keys {sorted(doc)}")
        if doc.get("source") != articles[stem].name:
            err(f, f"source {doc.get('source')!r} != {articles[stem].name!r}")
        if doc.get("published") is not None and not DAY.match(doc["published"]):
            err(f, f"published {doc['published']!r}")
        text = article_text(articles[stem])
        for k, m in enumerate(doc.get("meetings", [])):
            where = f"meeting {k}"
            if set(m) != MEETING_KEYS:
                err(f, f"{where} keys {sorted(m)}")
            if m.get("date") is not None and not (DAY.match(m["date"]) and "2001" <= m["date"][:4] <= "2025"):
                err(f, f"{where} date {m.get('date')!r}")
            if m.get("format") not in ("in_person", "phone", "video"):
                err(f, f"{where} format {m.get('format')!r}")
            loc = m.get("location")
            if m.get("format") in ("phone", "video") and loc is not None:
                err(f, f"{where} location must be null for calls")
            if loc is not None and (set(loc) != {"place", "country"} or loc["country"] not in ISO2):
                err(f, f"{where} location {loc!r}")
            countries = set(m.get("countries", []))
            if len(countries) < 2:
                err(f, f"{where} fewer than two governments")
            for c in countries - ISO2:
                err(f, f"{where} country {c!r} is not ISO alpha-2")
            for p in m.get("participants", []):
                if set(p) != {"name", "family", "country", "role"}:
                    err(f, f"{where} participant keys {sorted(p)}")
                if p.get("country") not in countries:
                    err(f, f"{where} participant {p.get('name')} country {p.get('country')} not in countries")
                if p.get("family") and p["family"].lower() not in p["name"].lower():
                    err(f, f"{where} family {p['family']!r} not in name {p['name']!r}")
            for kind, who in (("statements", "speakers"), ("commitments", "parties")):
                for s in m.get(kind, []):
                    keys = {"speakers", "text", "direct"} if kind == "statements" else {"parties", "text", "due"}
                    if set(s) != keys:
                        err(f, f"{where} {kind} keys {sorted(s)}")
                    if not s.get(who) or set(s[who]) - countries:
                        err(f, f"{where} {kind} {who} {s.get(who)} not within countries")
                    if kind == "commitments" and s.get("due") is not None and not DUE.match(s["due"]):
                        err(f, f"{where} due {s['due']!r}")
                    if kind == "statements" and not isinstance(s.get("direct"), bool):
                        err(f, f"{where} direct must be boolean")
                    if norm(s.get("text", "")) not in text:
                        err(f, f"{where} {kind[:-1]} not verbatim: {s.get('text')!r}")
    for e in errors:
        print(e)
    print(f"{len(golds)} gold files, {len(articles)} articles, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
