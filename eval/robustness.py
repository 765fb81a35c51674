#!/usr/bin/env python3
"""Score the tuning part of ../shared/corpus/real rewritten the ways outlets and scrapers write the same story.

    .venv/bin/python eval/robustness.py [--only NAME ...] [--keep DIR]

Each variant rewrites every tuning article (the check part in eval/check-part.txt is never opened) and scores the
extraction against the same gold. A rule fitted to one article's wording shows no drop here; a mechanism that
depends on how a page happens to be laid out does. This finds weaknesses without reading any article, so the
check part and the hidden set stay honest. Variants:

  blank      every line its own paragraph (the control the layout variants compare with)
  wrap       hard-wrapped at 72 columns, paragraphs parted by blank lines (wire feeds, e-mail)
  html       each line a <p> of a minimal page with menus and a footer; a headline line as <h1>
  ascii      diacritics dropped ("Blaszczak" for "Błaszczak")
  spelling   "Defence" and "Defense" swapped
  dates      "May 9, 2024" written "9 May 2024" and the reverse
  engaged    the verb "met (with)" written "engaged with", a verb no rule knows: what the rest of the article
             still tells of the meeting

Prints meetings, participants, statements and commitments F1 and date accuracy per variant. Needs no database.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from ingest.clean import clean  # noqa: E402

_MONTHS = "January February March April May June July August September October November December".split()
_SHORT = {m[:3]: m for m in _MONTHS} | {"Sept": "September"}
_MONTH = r"(?P<m>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|" + "|".join(_MONTHS) + ")"
# "May 9, 2024" or "9 May 2024", either read in one pass so that each is written the other way once.
_EITHER_ORDER = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?P<y>,\s+\d{4})?\b|"
                           + r"\b(?P<d2>\d{1,2})\s+" + _MONTH.replace("?P<m>", "?P<m2>") + r"(?P<y2>,?\s+\d{4})?\b")
_MET = re.compile(r"\bmet(?:\s+with)?\b(?=\s+(?:his|her|the|[A-Z]))")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _month(name: str) -> str:
    return _SHORT.get(name.rstrip("."), name.rstrip("."))


def blank(text: str) -> str:
    return "\n\n".join(_lines(text))


def wrap(text: str) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(line, 72)) for line in _lines(text))


def as_html(text: str) -> str:
    lines = _lines(text)
    cleaned = clean(text)
    headline = lines[0] if lines and cleaned.blocks and cleaned.blocks[0].kind == "heading" else ""
    body = lines[1:] if headline else lines
    return ("<html><head><title>%s</title></head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
            "<article>%s%s</article><footer>Copyright</footer></body></html>"
            % (html.escape(headline or "News"), f"<h1>{html.escape(headline)}</h1>" if headline else "",
               "".join(f"<p>{html.escape(line)}</p>" for line in body)))


def ascii_names(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spelling(text: str) -> str:
    return re.sub(r"Defen[cs]e", lambda m: "Defense" if m.group() == "Defence" else "Defence", text)


def dates(text: str) -> str:
    def other_order(m):
        if m.group("m"):
            year = m.group("y")
            return f"{m.group('d')} {_month(m.group('m'))}" + (f" {year.strip(', ')}" if year else "")
        year = m.group("y2")
        return f"{_month(m.group('m2'))} {m.group('d2')}" + (f", {year.strip(', ')}" if year else "")
    return _EITHER_ORDER.sub(other_order, text)


def engaged(text: str) -> str:
    return _MET.sub("engaged with", text)


VARIANTS = {"blank": blank, "wrap": wrap, "html": as_html, "ascii": ascii_names, "spelling": spelling,
            "dates": dates, "engaged": engaged}


def _check_part() -> set[str]:
    lines = (HERE / "check-part.txt").read_text().splitlines()
    return {Path(line.strip()).stem for line in lines if line.strip() and not line.startswith("#")}


def _score(gold_dir: Path, extraction: Path) -> dict:
    args = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold_dir), str(extraction), "--json"]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)["summary"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=sorted(VARIANTS), help="variants to run (default: all)")
    ap.add_argument("--keep", type=Path, help="write the rewritten articles and extractions under this directory")
    args = ap.parse_args(argv)
    held = _check_part()
    articles = [p for p in sorted((SHARED / "corpus" / "real").glob("*.txt")) if p.stem not in held]
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        gold = work / "gold"
        gold.mkdir(parents=True, exist_ok=True)
        for article in articles:
            target = gold / f"{article.stem}.json"
            if not target.exists():
                target.symlink_to(SHARED / "gold" / "real" / f"{article.stem}.json")
        print(f"{'variant':10s} {'meetings':>9s} {'particip.':>9s} {'statem.':>9s} {'commitm.':>9s} {'date':>6s}")
        for name in ["original", *(args.only or VARIANTS)]:
            corpus = work / name
            corpus.mkdir(parents=True, exist_ok=True)
            for article in articles:
                text = article.read_text()
                suffix = ".html" if name == "html" else ".txt"
                (corpus / f"{article.stem}{suffix}").write_text(text if name == "original" else VARIANTS[name](text))
            extraction = work / f"{name}.json"
            with extraction.open("w") as out:
                subprocess.run([sys.executable, str(ROOT / "manage.py"), "ingest", "--dry-run", "--json", str(corpus)],
                               stdout=out, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
            s = _score(gold, extraction)
            print(f"{name:10s} {s['meetings']['f1']:9.3f} {s['participants']['f1']:9.3f} {s['statements']['f1']:9.3f} "
                  f"{s['commitments']['f1']:9.3f} {s['date']['accuracy']:6.3f}")


if __name__ == "__main__":
    main()
