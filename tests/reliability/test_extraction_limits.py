"""One source's extraction runs in a worker under a time and a memory limit (ingest/guard.py): whatever it does,
the ingest gets a document or a reason to record, and goes on."""
import os
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ingest.guard import ExtractionFailed, extract_guarded, extract_source
from ingest.pipeline import ExtractionError
from ingest.sources import RawSource
from meetings.models import Source, SourceStatus

ARTICLE = ("SEOUL, March 4, 2021 -- South Korean Defense Minister Suh Wook met U.S. Defense Secretary Lloyd Austin "
           "in Seoul on Thursday and pledged to expand joint training.\n")


def test_a_worker_past_its_deadline_is_killed_and_the_source_fails_with_timeout():
    started = time.monotonic()
    with pytest.raises(ExtractionFailed, match=r"^timeout: extraction ran past the 0.5 s limit"):
        extract_guarded(lambda: time.sleep(60), time_limit=0.5)
    assert time.monotonic() - started < 5


def test_a_busy_loop_in_the_extractor_is_stopped_as_well():
    def spin():
        while True:
            pass
    with pytest.raises(ExtractionFailed, match="^timeout"):
        extract_guarded(spin, time_limit=0.3)


def test_a_worker_that_needs_more_memory_than_allowed_fails_as_too_large():
    with pytest.raises(ExtractionFailed, match=r"^too large: extraction needed more than 64 MB"):
        extract_guarded(lambda: bytearray(512 * 1024 * 1024), memory_limit=64)


def test_an_extractor_error_is_the_reason_and_not_an_exception_in_the_ingest():
    def broken():
        raise IndexError("list index out of range")
    with pytest.raises(ExtractionFailed, match=r"^extractor error: IndexError: list index out of range"):
        extract_guarded(broken)


def test_text_without_words_keeps_the_extractors_own_reason():
    def unreadable():
        raise ExtractionError("page.txt: no readable text")
    with pytest.raises(ExtractionFailed, match=r"^page.txt: no readable text$"):
        extract_guarded(unreadable)


def test_a_worker_that_dies_is_reported():
    with pytest.raises(ExtractionFailed, match=r"worker died \(exit status 3\)"):
        extract_guarded(lambda: os._exit(3))


def test_the_document_comes_back_from_the_worker(knowledge):
    document = extract_source(RawSource("talks.txt", ARTICLE, data=ARTICLE.encode()), knowledge)
    assert [sorted(m.countries) for m in document.meetings] == [["KR", "US"]]


def test_a_loader_error_is_the_reason(knowledge):
    with pytest.raises(ExtractionFailed, match="^binary content"):
        extract_source(RawSource("x.txt", error="binary content, not a text or HTML document"), knowledge)


@pytest.mark.django_db
def test_the_ingest_command_records_a_source_past_the_limit_as_failed_timeout_and_goes_on(tmp_path):
    slow, other = tmp_path / "a-slow.txt", tmp_path / "b-other.txt"
    slow.write_text(ARTICLE)
    other.write_text(ARTICLE.replace("Thursday", "Friday"))
    with pytest.raises(CommandError, match="2 source"):
        call_command("ingest", str(slow), str(other), "--time-limit", "0.000001", stdout=StringIO(), stderr=StringIO())
    assert {s.file_name: (s.status, s.failure_reason) for s in Source.objects.all()} == {
        str(path): (SourceStatus.FAILED, "timeout: extraction ran past the 1e-06 s limit") for path in (slow, other)}
