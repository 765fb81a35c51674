"""Scoring a corpus the way ../shared/eval/score.py scores the hidden one."""
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def score_below_floors(articles: Path, gold: Path, floors: dict, workdir: Path) -> str:
    """Run the dry-run over ``articles`` and score it; the scorer's report when a floor is missed, else ''."""
    out = StringIO()
    call_command("ingest", str(articles), "--dry-run", "--json", stdout=out, stderr=StringIO())
    extraction = workdir / "extraction.json"
    extraction.write_text(out.getvalue())
    minimums = [f"--min={level}={value}" for level, value in floors.items()]
    result = subprocess.run([sys.executable, str(SCORER), str(gold), str(extraction), *minimums],
                            capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr
