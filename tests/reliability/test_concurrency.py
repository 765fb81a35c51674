"""Writers at once, on PostgreSQL (skipped on SQLite, which lets one writer in at a time and has no row locks:
there the second ingest waits for the database lock instead). Two ingests of overlapping sources store no source
and no meeting twice; an ingest that reaches a meeting while staff are saving it waits, then keeps their edit."""
import json
import os
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from meetings.models import Meeting
from tests.reliability import corpus

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"),
]


def database_url() -> str:
    """The test database, for ingests run as their own processes."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_ingest(*arguments: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "manage.py", "ingest", *arguments], cwd=corpus.ROOT,
                            env={**os.environ, "DATABASE_URL": database_url()}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not corpus.AVAILABLE, reason=f"the shared corpora are not at {corpus.SHARED}")
def test_two_ingests_of_overlapping_sources_at_once_end_as_one_clean_run(clean_run):
    files = corpus.corpus_files()
    table = ["--sources-table", str(corpus.SOURCES_TABLE)]
    first, second = start_ingest(*table, *files[:80]), start_ingest(*table, *files[40:])
    for run in (first, second):
        assert run.wait(timeout=600) == 0, run.stderr.read()[-2000:]
    done = subprocess.run([sys.executable, "-m", "tests.reliability.dump"], cwd=corpus.ROOT, check=True,
                          env={**os.environ, "DATABASE_URL": database_url()}, capture_output=True, text=True)
    assert corpus.differences(clean_run[1]["rows"], json.loads(done.stdout)["rows"]) == {}


FIRST_REPORT = ("SEOUL, March 5, 2021 -- South Korean Defense Minister Ana Kimtest and Portuguese Defence Minister "
                "Rui Sampletest held talks in Seoul on Thursday and pledged to expand joint naval training.\n")
EARLIER_REPORT = ("BUSAN, March 4, 2021 -- South Korean Defense Minister Ana Kimtest met Portuguese Defence Minister "
                  "Rui Sampletest in Busan on Thursday and agreed to hold a joint naval exercise next year.\n")


def test_an_ingest_that_reaches_a_meeting_staff_are_saving_waits_and_keeps_their_edit(tmp_path):
    first, earlier = tmp_path / "first.txt", tmp_path / "earlier.txt"
    first.write_text(FIRST_REPORT)
    earlier.write_text(EARLIER_REPORT)
    call_command("ingest", str(first), "--published", "2021-03-05", stdout=StringIO(), stderr=StringIO())
    meeting = Meeting.objects.get()
    with transaction.atomic():
        # what the admin's save does: the row, locked, changed by staff (the curated place); committed below
        staff = Meeting.objects.select_for_update().get(pk=meeting.pk)
        staff.place = "Seoul, Ministry of National Defense"
        staff.mark_curated(None, ["place"])
        staff.save()
        # an earlier-published report of the meeting: it would give its own place, were the place not curated
        ingest = start_ingest(str(earlier), "--published", "2021-03-04")
        time.sleep(4)   # the ingest starts, extracts and reaches the meeting while staff hold it
    assert ingest.wait(timeout=120) == 0, ingest.stderr.read()[-2000:]
    meeting = Meeting.objects.get()
    assert meeting.place == "Seoul, Ministry of National Defense"
    assert meeting.curated_fields == ["place"]
    assert meeting.sources.count() == 2
