"""Extraction in a pool of long-lived workers (ingest/pool.py) and writes in batches (ingest/writer.py write_batch):
the database a parallel run leaves is the one a serial run leaves, and each source keeps its own limits."""
import os
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ingest import pool as pool_module
from ingest.pipeline import extract_document
from ingest.pool import ExtractionPool, Request
from ingest.sources import RawSource
from ingest.writer import WRITE_LOCK, write_batch
from meetings.models import Source
from tests.reliability import corpus


def fake_extract(location, content, knowledge, **options):
    """Stands in for extract_document in the workers (they inherit it at fork): misbehaves as the name says."""
    if location == "hangs":
        time.sleep(60)
    if location == "dies":
        os._exit(7)
    if location == "too-large":
        return bytearray(512 * 1024 * 1024)
    if location == "breaks":
        raise KeyError("no such office")
    return f"{location} read by {os.getpid()}"


@pytest.fixture
def misbehaving(monkeypatch):
    monkeypatch.setattr(pool_module, "extract_document", fake_extract)


def run(names, workers=2, **limits):
    with ExtractionPool(None, workers, **limits) as pool:
        results = list(pool.run((name, Request(name, "", "text/plain")) for name in names))
        return results, pool.replaced


def test_results_come_back_in_the_order_the_sources_were_given(misbehaving):
    names = [f"article-{n}" for n in range(40)]
    results, _ = run(names, workers=3)
    assert [item for item, _, _ in results] == names
    assert all(document.startswith(item) and error == "" for item, document, error in results)


def test_the_workers_are_long_lived_not_one_per_source(misbehaving):
    results, replaced = run([f"article-{n}" for n in range(30)], workers=2)
    assert len({document.split(" by ")[1] for _, document, _ in results}) <= 2
    assert replaced == 0


def test_a_source_that_hangs_is_recorded_as_timeout_and_the_others_are_extracted(misbehaving):
    started = time.monotonic()
    results, replaced = run(["first", "hangs", "last"], time_limit=0.5)
    assert [(item, error) for item, _, error in results] == [
        ("first", ""), ("hangs", "timeout: extraction ran past the 0.5 s limit"), ("last", "")]
    assert replaced == 1
    assert time.monotonic() - started < 30


def test_a_source_extracted_in_time_is_not_a_timeout_because_the_caller_read_it_late(misbehaving):
    # The caller writes each batch between reads; a write longer than the limit must not fail sources the workers
    # finished long before.
    results = []
    with ExtractionPool(None, 2, time_limit=0.5) as pool:
        for result in pool.run((name, Request(name, "", "text/plain")) for name in ["first", "second", "third"]):
            results.append(result)
            time.sleep(1.0)
    assert [(item, error) for item, _, error in results] == [("first", ""), ("second", ""), ("third", "")]


def test_a_worker_that_dies_is_replaced_and_its_source_recorded(misbehaving):
    results, replaced = run(["dies", "after", "dies", "after-again"], workers=1)
    assert [error for _, _, error in results] == [
        "the extraction worker died (exit status 7)", "", "the extraction worker died (exit status 7)", ""]
    assert replaced == 2


def test_a_source_past_the_memory_limit_is_too_large_and_its_worker_retires(misbehaving):
    results, replaced = run(["too-large", "after"], workers=1, memory_limit=64)
    assert [error for _, _, error in results] == ["too large: extraction needed more than 64 MB", ""]
    assert replaced == 1


def test_an_extractor_error_is_the_sources_reason(misbehaving):
    results, replaced = run(["breaks"], workers=1)
    assert results[0][2] == "extractor error: KeyError: 'no such office'"
    assert replaced == 0


@pytest.mark.skipif(not corpus.AVAILABLE, reason=f"the shared corpora are not at {corpus.SHARED}")
def test_a_parallel_ingest_leaves_the_database_a_serial_one_leaves(clean_run, empty_database, tmp_path):
    """clean_run is the default: one worker per core, batches of 100; serial here is one worker, one source per
    transaction."""
    database = corpus.copy_of(empty_database, tmp_path / "serial.sqlite3")
    corpus.ingest(database, corpus.corpus_files(), "--workers", "1", "--batch-size", "1")
    assert corpus.differences(clean_run[1]["rows"], corpus.dump(database)["rows"]) == {}


@pytest.mark.skipif(not corpus.AVAILABLE, reason=f"the shared corpora are not at {corpus.SHARED}")
def test_four_workers_on_two_cores_leave_the_same_database_too(clean_run, empty_database, tmp_path):
    database = corpus.copy_of(empty_database, tmp_path / "four.sqlite3")
    corpus.ingest(database, corpus.corpus_files(), "--workers", "4", "--batch-size", "7")
    assert corpus.differences(clean_run[1]["rows"], corpus.dump(database)["rows"]) == {}


ARTICLE = ("SEOUL, March 4, 2021 -- South Korean Defense Minister Suh Wook met U.S. Defense Secretary Lloyd Austin "
           "in Seoul on Thursday and pledged to expand joint training.\n")


@pytest.mark.django_db
def test_a_second_copy_in_the_same_parallel_run_is_unchanged_as_in_a_serial_one(tmp_path):
    """Both copies are read ahead before either is written; the later one still finds the earlier one stored."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE.replace("March 4", "March 5").replace("Thursday", "Friday"))
    err = StringIO()
    call_command("ingest", "--workers", "2", str(tmp_path), stderr=err)
    assert "new 2, updated 0, unchanged 1" in err.getvalue()
    assert sorted(Source.objects.values_list("file_name", flat=True)) == [str(tmp_path / "a.txt"),
                                                                         str(tmp_path / "c.txt")]


def test_a_worker_that_died_while_idle_is_replaced_before_its_next_source(misbehaving):
    with ExtractionPool(None, 1) as pool:
        pool.workers[0].process.kill()
        pool.workers[0].process.join()
        results = list(pool.run([("after", Request("after", "", "text/plain"))]))
        assert [(item, error) for item, _, error in results] == [("after", "")]
        assert pool.replaced == 1


@pytest.mark.parametrize("option", ["--workers", "--batch-size"])
def test_fewer_than_one_worker_or_source_per_batch_is_refused(option, tmp_path):
    with pytest.raises(CommandError, match=f"{option} wants at least 1, not 0"):
        call_command("ingest", option, "0", str(tmp_path))


@pytest.mark.skipif(settings.TASK_QUEUE, reason="on PostgreSQL the queue exists (tests/reliability/test_ingest_queue.py)")
@pytest.mark.parametrize("command", [["ingest", "--enqueue", "article.txt"], ["ingest_worker"]])
def test_without_postgresql_the_queue_commands_say_there_is_no_queue(command):
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command(*command)


@pytest.mark.django_db
def test_a_batch_of_sources_takes_the_write_lock_and_rebuilds_search_once(knowledge):
    batch = []
    for day in (4, 8, 12):
        text = ARTICLE.replace("March 4", f"March {day}").replace(" on Thursday", "")
        raw = RawSource(f"talks-{day}.txt", text, data=text.encode())
        batch.append((raw, extract_document(raw.location, raw.content, knowledge), ""))
    with CaptureQueriesContext(connection) as queries:
        results = write_batch(batch)
    statements = [query["sql"] for query in queries.captured_queries]
    assert [result.status for result in results] == ["new", "new", "new"]
    # the ingest's write lock once (each meeting save also takes the tallies' lock: meetings/aggregates.py)
    write_locks = sum(f"pg_advisory_xact_lock({WRITE_LOCK})" in sql for sql in statements)
    assert write_locks == (connection.vendor == "postgresql")
    assert sum(sql.startswith('DELETE FROM "meetings_meetingsearch"') for sql in statements) == 1
