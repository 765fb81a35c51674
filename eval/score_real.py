#!/usr/bin/env python3
"""Score an extraction of ../shared/corpus/real on its tuning part and its check part apart.

    python eval/score_real.py EXTRACTION.json [--part tune|check] [--notes] [--json]

The check part (eval/check-part.txt) is never read while rules change, so its
per-article notes are never printed: only its summary. `--notes` prints the
tuning part's per-article misses, which is what one tunes on.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def check_part():
    lines = (HERE / "check-part.txt").read_text().splitlines()
    return {Path(line.strip()).stem for line in lines if line.strip() and not line.startswith("#")}


def score(gold_files, extraction, notes, as_json):
    with tempfile.TemporaryDirectory() as tmp:
        for path in gold_files:
            (Path(tmp) / path.name).symlink_to(path)
        args = [sys.executable, str(SHARED / "eval" / "score.py"), tmp, str(extraction), "--json"]
        result = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    if as_json:
        return result["summary"]
    if notes:
        for note in result["notes"]:
            print("  " + note)
    for key, val in result["summary"].items():
        if "f1" in val:
            print(f"  {key:20s} P {val['p']:.3f}  R {val['r']:.3f}  F1 {val['f1']:.3f}  (tp {val['tp']} fp {val['fp']} fn {val['fn']})")
        else:
            print(f"  {key:20s} accuracy {val['accuracy']:.3f}  (n {val['n']})")
    return result["summary"]


def empty_articles(gold_files, extraction):
    """Articles whose gold reports a meeting but whose extraction has none."""
    docs = json.loads(Path(extraction).read_text())
    docs = docs.get("documents", docs) if isinstance(docs, dict) else docs
    found = {Path(d.get("source", "")).stem: bool(d.get("meetings")) for d in docs}
    reporting = [p for p in gold_files if json.loads(p.read_text()).get("meetings")]
    return sum(1 for p in reporting if not found.get(p.stem)), len(reporting)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extraction")
    ap.add_argument("--part", choices=["tune", "check"], help="score one part only")
    ap.add_argument("--notes", action="store_true", help="list the tuning part's misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    held = check_part()
    gold = sorted((SHARED / "gold" / "real").glob("*.json"))
    parts = {"tune": [p for p in gold if p.stem not in held], "check": [p for p in gold if p.stem in held]}
    out = {}
    for name, files in parts.items():
        if args.part and name != args.part:
            continue
        if not args.json:
            print(f"== {name} part ({len(files)} articles)")
        out[name] = score(files, args.extraction, args.notes and name == "tune", args.json)
        empty, reporting = empty_articles(files, args.extraction)
        out[name]["empty"] = {"articles": empty, "of": reporting}
        if not args.json:
            print(f"  {'empty':20s} {empty} of {reporting} articles that report a meeting")
    if args.json:
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
