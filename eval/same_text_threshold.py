#!/usr/bin/env python3
"""How well ``same_text`` (meetings/text.py) tells one fact in two wordings from two facts, at a few thresholds.

    PYTHONPATH=. .venv/bin/python eval/same_text_threshold.py [--json]

The gold files of the shared real corpora (../shared/gold/seeds, ../shared/gold/real, and ../extra-real4/*/gold
when present; never a file named in eval/check-part.txt) give the pairs:

- one fact, two reports: the pairs eval/same_text_pairs.json labels by hand among the statements (or commitments)
  of a meeting two sources report (same day and countries, as the ingest matches meetings);
- two facts: every other such cross-source pair, and every pair of two gold statements (or commitments) of one
  meeting in one source (the ingest must not fold those into one either).

A pair ``same_text`` accepts is a merge: right when the pair is one fact, a lost fact when it is two. Precision
and recall are over the cross-source pairs (the ingest only folds a fact into another source's wording; two facts
of one source are never folded by ``same_text``). The in-report column is a proxy with many more pairs: how often
two different facts of one meeting look alike at that threshold (per mille of pairs). Prints only counts, never text.
"""
import argparse
import itertools
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
EXTRA = ROOT.parent / "extra-real4"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
FLOORS = (0.0, 0.3, 0.4, 0.5)


def check_part():
    lines = (HERE / "check-part.txt").read_text().splitlines()
    return {Path(line.strip()).stem for line in lines if line.strip() and not line.startswith("#")}


def gold_files():
    """(corpus, stem) -> gold, without the check part (its names are filtered before any file is opened)."""
    hidden = check_part()
    roots = [("seeds", SHARED / "gold" / "seeds"), ("real", SHARED / "gold" / "real")]
    roots += [(f"extra-real4/{d.name}", d / "gold") for d in sorted(EXTRA.glob("*")) if (d / "gold").is_dir()]
    gold = {}
    for corpus, root in roots:
        for path in sorted(root.glob("*.json")):
            if path.stem not in hidden:
                gold[(corpus, path.stem)] = json.loads(path.read_text())
    return gold


def pairs(gold, labelled):
    """(kind, text a, text b, one fact?) for every cross-source pair of a shared meeting and every in-source pair."""
    meetings = {}
    for (corpus, stem), doc in gold.items():
        for number, meeting in enumerate(doc.get("meetings", [])):
            for kind in ("statements", "commitments"):
                items = meeting.get(kind, [])
                for (i, a), (j, b) in itertools.combinations(enumerate(items), 2):
                    yield kind, a["text"], b["text"], False, "same source"
            if meeting.get("date") and len(meeting["date"]) == 10:
                key = (meeting["date"], tuple(sorted(meeting["countries"])))
                meetings.setdefault(key, []).append((corpus, stem, number, meeting))
    for reports in meetings.values():
        for (ca, sa, na, ma), (cb, sb, nb, mb) in itertools.combinations(reports, 2):
            if (ca, sa) == (cb, sb):
                continue
            for kind in ("statements", "commitments"):
                for (i, a), (j, b) in itertools.product(enumerate(ma.get(kind, [])), enumerate(mb.get(kind, []))):
                    ref_a, ref_b = (ca, sa, na, kind, i), (cb, sb, nb, kind, j)
                    same = frozenset((ref_a, ref_b)) in labelled
                    yield kind, a["text"], b["text"], same, "two sources"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    django.setup()
    from meetings.text import SAME_TEXT, SAME_TEXT_FLOOR, same_text

    labels = json.loads((HERE / "same_text_pairs.json").read_text())["same"]
    labelled = {frozenset(tuple(ref) for ref in pair) for pair in labels}
    gold = gold_files()
    all_pairs = list(pairs(gold, labelled))
    found = sum(1 for *_, same, _ in all_pairs if same)
    if found != len(labelled):
        sys.exit(f"{len(labelled) - found} labelled pairs are not in the gold any more: relabel")
    rows = []
    for threshold, floor in itertools.product(THRESHOLDS, FLOORS):
        tp = fp_cross = fp_same = fn = 0
        for kind, a, b, same, where in all_pairs:
            merged = same_text(a, b, threshold, floor)
            if same:
                tp, fn = tp + merged, fn + (not merged)
            elif merged:
                fp_cross, fp_same = fp_cross + (where == "two sources"), fp_same + (where == "same source")
        merges = tp + fp_cross
        rows.append({"threshold": threshold, "floor": floor, "tp": tp, "fp_two_sources": fp_cross,
                     "fp_same_source": fp_same, "fn": fn, "precision": tp / merges if merges else 1.0,
                     "recall": tp / (tp + fn) if tp + fn else 0.0, "chosen": (threshold, floor) == (SAME_TEXT, SAME_TEXT_FLOOR)})
    summary = {"gold_files": len(gold), "one_fact_pairs": found,
               "two_fact_pairs_two_sources": sum(1 for p in all_pairs if not p[3] and p[4] == "two sources"),
               "two_fact_pairs_same_source": sum(1 for p in all_pairs if p[4] == "same source"), "rows": rows}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{summary['gold_files']} gold files (check part left out); pairs: {found} one fact in two reports, "
          f"{summary['two_fact_pairs_two_sources']} two facts in two reports, "
          f"{summary['two_fact_pairs_same_source']} two facts in one report")
    print("threshold floor | two reports: merged right  wrong  missed  precision  recall | one report: alike (per mille)")
    same_source = summary["two_fact_pairs_same_source"] or 1
    for row in rows:
        mark = "  <- chosen" if row["chosen"] else ""
        print(f"{row['threshold']:9.1f} {row['floor']:5.1f} | {row['tp']:25d}  {row['fp_two_sources']:5d}  {row['fn']:6d}  "
              f"{row['precision']:9.3f}  {row['recall']:6.3f} | {row['fp_same_source']:4d} "
              f"({1000 * row['fp_same_source'] / same_source:4.1f}){mark}")


if __name__ == "__main__":
    main()
