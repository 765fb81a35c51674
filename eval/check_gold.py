"""Self-check of an evaluation set's gold: shape, codes, dates, and verbatim texts (never runs the extractor).

Run: python3 eval/check_gold.py eval/holdout   (any set with articles/ and gold/; reads only that set)
"""
import html, json, re, sys
from datetime import date
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/holdout").resolve()
ISO2 = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE
GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP
KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF
NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN
SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA
ZM ZW""".split())
FORMATS = {"in_person", "phone", "video"}
DUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm(s):
    s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    s = s.replace('"', "")
    return re.sub(r"\s+", " ", s).strip().lower()


def isodate(v):
    try:
        return date.fromisoformat(v).isoformat() == v
    except (TypeError, ValueError):
        return False


def check(gold_path):
    errs = []
    g = json.loads(gold_path.read_text())
    art = ROOT / "articles" / g.get("source", "")
    if Path(g["source"]).stem != gold_path.stem or not art.exists():
        errs.append(f"source {g.get('source')!r} does not match an article named {gold_path.stem}.*")
        return errs
    text = norm(art.read_text())
    if set(g) != {"source", "published", "meetings"}:
        errs.append(f"top-level keys {sorted(g)}")
    if g["published"] is not None and not isodate(g["published"]):
        errs.append(f"published {g['published']!r}")
    for i, m in enumerate(g["meetings"]):
        w = f"meeting {i}"
        if set(m) != {"date", "format", "name", "location", "countries", "participants", "statements", "commitments"}:
            errs.append(f"{w}: keys {sorted(m)}")
        if m["date"] is not None and not isodate(m["date"]):
            errs.append(f"{w}: date {m['date']!r}")
        if m["format"] not in FORMATS:
            errs.append(f"{w}: format {m['format']!r}")
        loc = m["location"]
        if m["format"] != "in_person" and loc is not None:
            errs.append(f"{w}: call with a location")
        if loc is not None and (set(loc) != {"place", "country"} or loc["country"] not in ISO2):
            errs.append(f"{w}: location {loc}")
        cs = set(m["countries"])
        if not cs <= ISO2 or len(cs) < 2 or len(cs) != len(m["countries"]):
            errs.append(f"{w}: countries {m['countries']}")
        for p in m["participants"]:
            if set(p) != {"name", "family", "country", "role"} or p["country"] not in cs:
                errs.append(f"{w}: participant {p}")
            elif norm(p["name"]) not in text or p["family"].lower() not in p["name"].lower():
                errs.append(f"{w}: participant name/family not in article: {p['name']}")
        for s in m["statements"]:
            if set(s) != {"speakers", "text", "direct"} or not set(s["speakers"]) <= cs or not isinstance(s["direct"], bool):
                errs.append(f"{w}: statement shape {s}")
            if norm(s["text"]) not in text:
                errs.append(f"{w}: statement not verbatim: {s['text']!r}")
        for c in m["commitments"]:
            if set(c) != {"parties", "text", "due"} or not set(c["parties"]) <= cs:
                errs.append(f"{w}: commitment shape {c}")
            if c["due"] is not None and not DUE.match(c["due"]):
                errs.append(f"{w}: due {c['due']!r}")
            if norm(c["text"]) not in text:
                errs.append(f"{w}: commitment not verbatim: {c['text']!r}")
    return errs


def main():
    golds = sorted((ROOT / "gold").glob("*.json"))
    arts = {p.stem for p in (ROOT / "articles").iterdir()}
    bad = 0
    for gp in golds:
        for e in check(gp):
            bad += 1
            print(f"{gp.name}: {e}")
    missing = arts - {g.stem for g in golds}
    for m in sorted(missing):
        bad += 1
        print(f"article without gold: {m}")
    print(f"{len(golds)} gold files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
