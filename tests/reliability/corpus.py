"""Whole ingest runs over the shared corpora (seeds, then the real articles with their sources table), each in its
own process and its own SQLite file, as an operator runs ``manage.py ingest``; and the dumps they leave."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ingest.sources import expand
from tests.store.scoring import SHARED

ROOT = Path(__file__).resolve().parents[2]
SEEDS, REAL = SHARED / "corpus" / "seeds", SHARED / "corpus" / "real"
SOURCES_TABLE = REAL / "SOURCES.md"
AVAILABLE = SEEDS.is_dir() and REAL.is_dir() and SOURCES_TABLE.is_file()


def corpus_files() -> list[str]:
    """Every article of the two corpora, in the order ``manage.py ingest seeds real`` reads them."""
    return list(expand([str(SEEDS), str(REAL)]))


def environment(database: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}


def migrated(path: Path) -> Path:
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, check=True,
                   env=environment(path))
    return path


def copy_of(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    return path


def ingest_command(files: list[str], *options: str) -> list[str]:
    return [sys.executable, "manage.py", "ingest", "--sources-table", str(SOURCES_TABLE), *options, *files]


def ingest(database: Path, files: list[str], *options: str) -> str:
    """Run one ingest to its end; its summary line."""
    done = subprocess.run(ingest_command(files, *options), cwd=ROOT, env=environment(database), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr.strip().splitlines()[-1]


def dump(database: Path) -> dict:
    """``tests/reliability/dump.py``'s rows and ids of the database."""
    done = subprocess.run([sys.executable, "-m", "tests.reliability.dump"], cwd=ROOT, env=environment(database),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def differences(expected: dict, actual: dict) -> dict[str, str]:
    """Per table, how many rows each side holds that the other lacks (no row itself: it may quote an article)."""
    found = {}
    for table in expected:
        want, got = ({json.dumps(row) for row in side[table]} for side in (expected, actual))
        if want != got:
            found[table] = f"{len(want - got)} row(s) missing, {len(got - want)} row(s) extra"
    return found
