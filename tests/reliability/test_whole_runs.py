"""Whole ingests of the shared corpora (5 seed and 117 real articles; they are ingested, never read here): run
again, run in other orders, or killed part-way and run again, they leave the database a clean run leaves.

Each run is its own ``manage.py ingest`` process on its own SQLite file; tests/reliability/dump.py compares the
databases row by row (History aside), naming rows by content so that ids assigned in another order compare.
``INGEST_KILLS`` sets how many times the crash test kills the ingest (3; ``make crash`` kills it 10 times).
"""
import os
import random
import signal
import sqlite3
import subprocess
import time

import pytest

from tests.reliability import corpus

pytestmark = pytest.mark.skipif(not corpus.AVAILABLE, reason=f"the shared corpora are not at {corpus.SHARED}")

KILLS = int(os.environ.get("INGEST_KILLS", "3"))


def test_ingesting_the_corpora_twice_more_changes_no_row_and_no_id(clean_run, tmp_path):
    """Run two stores nothing (every source is known); run three (--force) extracts and writes every source again."""
    database, first = clean_run
    database = corpus.copy_of(database, tmp_path / "again.sqlite3")
    assert "unchanged 122" in corpus.ingest(database, corpus.corpus_files())
    assert "updated 122" in corpus.ingest(database, corpus.corpus_files(), "--force")
    third = corpus.dump(database)
    assert corpus.differences(first["rows"], third["rows"]) == {}
    assert third["ids"] == first["ids"]


@pytest.mark.parametrize("order", ["reversed", "shuffled-1", "shuffled-2"])
def test_the_corpora_in_another_order_give_the_same_database(clean_run, empty_database, tmp_path, order):
    """Reports of one meeting merge to the same record whichever arrives first (ingest/changes.py report_rank)."""
    files = corpus.corpus_files()
    if order == "reversed":
        files.reverse()
    else:
        random.Random(order).shuffle(files)
    database = corpus.copy_of(empty_database, tmp_path / "order.sqlite3")
    corpus.ingest(database, files)
    assert corpus.differences(clean_run[1]["rows"], corpus.dump(database)["rows"]) == {}


def stored_sources(database) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute("SELECT count(*) FROM meetings_source").fetchone()[0]


def partial_articles(database) -> dict[str, int]:
    """Rows a source written halfway would leave: a source with meetings found but none linked, a meeting with no
    source, a fact whose source or meeting is missing."""
    checks = {
        "ok source without a meeting": "SELECT count(*) FROM meetings_source s WHERE s.status = 'ok' AND NOT EXISTS "
                                       "(SELECT 1 FROM meetings_meeting_sources l WHERE l.source_id = s.id)",
        "meeting without a source": "SELECT count(*) FROM meetings_meeting m WHERE NOT EXISTS "
                                    "(SELECT 1 FROM meetings_meeting_sources l WHERE l.meeting_id = m.id)",
        **{f"{table} without its meeting or source": f"SELECT count(*) FROM meetings_{table} f WHERE f.meeting_id "
           f"NOT IN (SELECT id FROM meetings_meeting) OR f.source_id NOT IN (SELECT id FROM meetings_source)"
           for table in ("participant", "statement", "commitment", "evidence")},
    }
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return {name: count for name, query in checks.items() if (count := connection.execute(query).fetchone()[0])}


def test_an_ingest_killed_at_random_points_then_run_again_ends_as_a_clean_run(clean_run, empty_database, tmp_path):
    """SIGKILL (no chance to clean up) once a random number of sources is stored, plus a random few milliseconds
    into the next; after each kill no partial article is stored, and the run that finishes leaves the clean run's
    rows: none missing, none twice. A batch cut short is rolled back whole and written again by the next run."""
    files = corpus.corpus_files()
    seed = int(os.environ.get("INGEST_KILL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    database = corpus.copy_of(empty_database, tmp_path / "killed.sqlite3")
    killed = 0
    for target in sorted(rng.sample(range(1, len(files)), KILLS)):
        # batches of ten sources per transaction: kills land within a batch and between batches
        run = subprocess.Popen(corpus.ingest_command(files, "--batch-size", "10"), cwd=corpus.ROOT, env=corpus.environment(database),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while run.poll() is None and stored_sources(database) < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            killed += run.wait() == -signal.SIGKILL
        assert partial_articles(database) == {}, f"seed {seed}, after the kill at {target} sources"
    assert killed >= KILLS - 1, f"seed {seed}: the ingest finished before most kills"
    corpus.ingest(database, files)
    assert corpus.differences(clean_run[1]["rows"], corpus.dump(database)["rows"]) == {}, f"seed {seed}"
