"""Ingest jobs on the task queue (ingest/tasks.py, procrastinate on our PostgreSQL; skipped on SQLite, where there
is no queue): two worker processes drain one queue, one is killed with SIGKILL in the middle of a job, and every
source still ends up stored exactly once."""
import hashlib
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from meetings.models import Source
from tests.reliability import corpus
from tests.reliability.test_concurrency import database_url

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not settings.TASK_QUEUE, reason="the task queue lives in PostgreSQL"),
]

ARTICLES = 24


def write_articles(directory) -> list[bytes]:
    """One short report of a distinct meeting per file (three days apart: none merges with another)."""
    contents = []
    for number in range(ARTICLES):
        day = date(2021, 2, 1) + timedelta(days=3 * number)
        text = (f"SEOUL, {day:%B} {day.day}, 2021 -- South Korean Defense Minister Suh Wook met U.S. Defense "
                f"Secretary Lloyd Austin in Seoul on {day:%B} {day.day}, 2021, the ministry said.\n"
                f"The two ministers agreed to hold joint exercise number {number} next year.\n")
        (directory / f"talks-{number:02d}.txt").write_text(text)
        contents.append(text.encode())
    return contents


def query(sql, *parameters):
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return cursor.fetchall()


def start_worker(log) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "manage.py", "ingest_worker", "--heartbeat", "0.5",
                             "--stalled-after", "3"], cwd=corpus.ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "DATABASE_URL": database_url()})


def registered_workers() -> set[int]:
    return {row[0] for row in query("SELECT id FROM procrastinate_workers")}


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.005)
    raise AssertionError(f"waited {seconds:g} s for {what}")


def test_two_workers_one_killed_mid_job_store_every_source_exactly_once(tmp_path):
    contents = write_articles(tmp_path)
    logs = [open(tmp_path / f"worker-{n}.log", "w") for n in (1, 2)]
    before = registered_workers()
    doomed = start_worker(logs[0])
    doomed_id = wait_for(lambda: registered_workers() - before, 60, "the first worker to register").pop()
    survivor = start_worker(logs[1])
    wait_for(lambda: registered_workers() - before - {doomed_id}, 60, "the second worker to register")
    try:
        call_command("ingest", "--enqueue", str(tmp_path), stderr=StringIO())
        job = wait_for(lambda: query("SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND worker_id = %s",
                                     doomed_id), 60, "the first worker to take a job")[0][0]
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()

        def all_done():
            return not query("SELECT 1 FROM procrastinate_jobs WHERE task_name = 'ingest.location' "
                             "AND status IN ('todo', 'doing')")
        wait_for(all_done, 120, "the surviving worker to drain the queue")
    finally:
        for worker in (doomed, survivor):
            if worker.poll() is None:
                worker.terminate()
                worker.wait(30)
        for log in logs:
            log.close()
    assert query("SELECT status FROM procrastinate_jobs WHERE id = %s", job) == [("succeeded",)]
    assert sorted(Source.objects.values_list("content_hash", flat=True)) == sorted(
        hashlib.sha256(content).hexdigest() for content in contents)
    assert Source.objects.filter(status="ok").count() == ARTICLES


def test_a_location_waiting_in_the_queue_is_not_queued_twice(tmp_path):
    write_articles(tmp_path)
    first, second = StringIO(), StringIO()
    call_command("ingest", "--enqueue", str(tmp_path), stderr=first)
    call_command("ingest", "--enqueue", str(tmp_path), stderr=second)
    assert first.getvalue().strip() == f"queued {ARTICLES}, already in the queue 0"
    assert second.getvalue().strip() == f"queued 0, already in the queue {ARTICLES}"


def test_a_dry_run_cannot_be_queued(tmp_path):
    with pytest.raises(CommandError, match="cannot be a --dry-run"):
        call_command("ingest", "--enqueue", "--dry-run", str(tmp_path))
