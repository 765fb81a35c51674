"""The batch write path (ingest/unit.py): a batch stores what serial writes of the same sources store, History
included, in a number of queries that does not grow with the batch."""
import re
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ingest.pipeline import extract_document
from ingest.sources import load
from ingest.writer import write, write_batch
from meetings import search
from meetings.aggregates import refresh_counterparts
from meetings.models import (
    Commitment, CounterpartTally, Meeting, MeetingSearch, MeetingTally, Official, Participant, Source, Statement,
)
from tests.reliability.dump import database_dump

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    """Invented articles of distinct meetings, two reports each (bench/ingest_bench.py --invented)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from ingest_bench import make_invented
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return make_invented(48, tmp_path_factory.mktemp("invented"))


def extracted(files, knowledge):
    items = []
    for path in files:
        raw = next(iter(load(str(path))))
        items.append((raw, extract_document(raw.location, raw.content, knowledge, content_type=raw.content_type), ""))
    return items


def history_dump():
    """Every History entry of the ingest's records, named by what it holds, not by ids: model, type, reason (the
    source by its content), the record's key fields as they were and its many-to-many values then."""
    sources = dict(Source.objects.values_list("pk", "content_hash"))
    meetings = {pk: slug for pk, slug in Meeting.history.values_list("id", "slug")}
    participants = {pk: (meetings.get(m), name) for pk, m, name in Participant.history.values_list(
        "id", "meeting_id", "name")}

    def reason(text):
        return re.sub(r"source (\d+)", lambda m: f"source {sources.get(int(m.group(1)), '?')[:12]}", text or "")

    entries = []
    for model, key in ((Meeting, lambda h: (h.slug, str(h.date), h.format, h.name, h.place)),
                       (Participant, lambda h: (meetings.get(h.meeting_id), h.name, h.role, h.official_id,
                                                sources.get(h.source_id), h.span_start)),
                       (Statement, lambda h: (meetings.get(h.meeting_id), h.text, sources.get(h.source_id),
                                              h.span_start)),
                       (Commitment, lambda h: (meetings.get(h.meeting_id), h.text, sources.get(h.source_id),
                                               str(h.due), h.span_start))):
        for entry in model.history.order_by("history_id"):
            m2m = {}
            for field in type(entry)._history_m2m_fields:
                values = getattr(entry, field.name).values_list(f"{field.m2m_reverse_field_name()}_id", flat=True)
                m2m[field.name] = sorted(
                    str(sources.get(v) if field.name == "sources" else participants.get(v) if field.name == "speakers"
                        else v) for v in values)
            entries.append((model.__name__, entry.history_type, reason(entry.history_change_reason), key(entry),
                            sorted(m2m.items())))
    return sorted(map(repr, entries))


def stored_state():
    return {**database_dump(), "history": history_dump(),
            "tallies": sorted(MeetingTally.objects.values_list("country", "partner", "year", "format", "meetings")),
            "meeting counts": sorted(Official.objects.filter(meeting_count__gt=0).values_list("name", "meeting_count")),
            "counterparts": counterparts()}


def counterparts():
    return sorted(CounterpartTally.objects.values_list("official__slug", "counterpart__slug", "meetings"))


class Rollback(Exception):
    pass


def written(how):
    try:
        with transaction.atomic():
            how()
            state = stored_state()
            raise Rollback
    except Rollback:
        return state


@pytest.mark.django_db
def test_batches_store_what_serial_writes_store(invented, knowledge):
    """Batches whose boundary falls between the two reports of a meeting (the second merges into a stored meeting),
    then a batch that writes half of them again (each found again: nothing changes) against serial writes."""
    items = extracted(invented, knowledge)

    def serially():
        for item in [*items, *items[:24]]:
            write(*item)

    def in_batches():
        for part in (items[:15], items[15:33], items[33:], items[:24]):
            write_batch(part)

    serial = written(serially)
    assert len(serial["meetings"]) == 24 and serial["statements"] and serial["commitments"]
    batched = written(in_batches)
    assert {table: rows for table, rows in batched.items() if rows != serial[table]} == {}


@pytest.mark.django_db
def test_a_batchs_queries_do_not_grow_with_its_size(invented, knowledge):
    items = extracted(invented, knowledge)
    counts = {}
    for size in (8, 40):
        try:
            with transaction.atomic():
                with CaptureQueriesContext(connection) as queries:
                    write_batch(items[:size])
                counts[size] = len(queries)
                raise Rollback
        except Rollback:
            pass
    # a fixed number of set-based reads and bulk writes per batch, not some per source
    assert counts[40] <= counts[8] + 10, counts
    assert counts[40] < 80, counts


@pytest.mark.django_db
def test_a_batch_keeps_the_counterpart_tallies_equal_to_a_recount(invented, knowledge):
    """Participants are bulk-written (no signals): the batch applies its meetings' officials before and after."""
    items = extracted(invented, knowledge)
    for part in (items[:15], items[15:33], items[33:], items[:24]):
        write_batch(part)
    kept = counterparts()
    assert kept
    refresh_counterparts()
    assert counterparts() == kept


@pytest.mark.django_db
def test_the_search_documents_built_in_memory_are_those_read_back(invented, knowledge):
    """A batch builds its meetings' search documents from what it holds: rebuilding them from the database gives the
    same."""
    items = extracted(invented, knowledge)
    for part in (items[:15], items[15:33], items[33:], items[:24]):
        write_batch(part)

    def documents():
        return sorted(MeetingSearch.objects.values_list("meeting_id", *search.PARTS))

    built = documents()
    assert len(built) == 24
    search.refresh_all()
    assert documents() == built
