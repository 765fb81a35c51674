"""The one module that writes extractions to the database.

Each source is stored whole (raw content, cleaned text, content hash) and its
meetings are written in one transaction. A meeting already in the database
(same day and countries, or same name and day, or a day apart with the same countries and a participant in
common) is merged into: the new source
is added, and participants, statements and commitments are added without
duplicates. Which report's values a merged record shows is decided by ``report_rank`` (earliest published
first), never by arrival, so the reports of a meeting give one record in whatever order they come. Writing a source again (``ingest --force``, or a new extractor
version) updates its facts in place (ingest/facts.py): what it finds again keeps
its id, what it no longer finds goes unless staff curated it or another source
supports it. What staff curated is never overwritten, and what staff deleted is
not brought back. Every change is in History with the ingest and extractor
version as its reason, and an identical re-ingest changes nothing (ingest/changes.py).
Each meeting keeps, with its link to the source, the evidence it was built from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

import ingest
from ingest.changes import Run, delete, report_rank, update
from ingest.bulk import insert, new_ids, values
from ingest.document import ExtractedDocument, ExtractedMeeting
from ingest.facts import Kept, OfficialIndex, remove_unfound, write_evidence, write_facts
from ingest.sources import RawSource, storable
from ingest.unit import MeetingState, Unit
from meetings import search
from meetings.aggregates import lock_tallies
from meetings.models import Meeting, Participant, ReviewStatus, Source, SourceStatus
from meetings.pagecache import bump_version


SOURCE_COLUMNS = [field.attname for field in Source._meta.concrete_fields]


@dataclass
class WriteResult:
    source: Source
    status: str                    # "new", "unchanged", "updated", "failed"
    meetings_created: list[Meeting] = field(default_factory=list)
    meetings_merged: list[Meeting] = field(default_factory=list)


def find_source(raw: RawSource) -> Source | None:
    return Source.objects.filter(content_hash=raw.content_hash).first()


def is_current(source: Source) -> bool:
    """Whether the stored source was extracted by this extractor version (else an ingest extracts it again)."""
    return source.extractor_version == ingest.EXTRACTOR_VERSION


def record_original_url(source: Source, raw: RawSource) -> None:
    """A stored file learns the address of the page it was saved from (a sources table given later)."""
    if raw.original_url and not raw.is_url and source.url != raw.original_url:
        source.url = raw.original_url
        source.save(update_fields=["url"])


@transaction.atomic
def write(raw: RawSource, document: ExtractedDocument | None, error: str = "") -> WriteResult:
    """Store ``raw`` and what was extracted from it (``document``), or the reason it failed (``error``): a batch of
    one."""
    return write_batch([(raw, document, error)])[0]


@transaction.atomic
def write_batch(extractions: list[tuple[RawSource, ExtractedDocument | None, str]]) -> list[WriteResult]:
    """Store many sources in one transaction, in the order given, as ``write`` stores each: one lock, one commit,
    one read of everything the batch may merge into, one bulk write (ingest/unit.py) and one write of the touched
    meetings' search documents for the whole batch (built from what the batch holds in memory, not read back). A run
    killed mid-batch stores none of it (the next run writes the batch again). Two copies of one content in a batch:
    the later is written in a unit of its own, after the earlier is stored, as a serial run finds it stored."""
    one_writer_at_a_time()
    bump_version()  # once for the whole batch: the page cache's pages from before it are never served after it
    results, documents, part, hashes = [], {}, [], set()
    for item in extractions:
        if item[0].content_hash in hashes:
            documents.update(_write_unit(part, results))
            part, hashes = [], set()
        part.append(item)
        hashes.add(item[0].content_hash)
    documents.update(_write_unit(part, results))
    search.store(list(documents), [document for document in documents.values() if document is not None])
    return results


def _write_unit(extractions, results: list[WriteResult]) -> dict[int, search.Document | None]:
    """Sources of distinct contents, in one unit of work: read together, decided one after the other, written in bulk.
    Returns the search documents of the meetings it touched (None for one it deleted)."""
    if not extractions:
        return {}
    stored = {s.content_hash: s for s in Source.objects.filter(content_hash__in=[raw.content_hash
                                                                                for raw, _, _ in extractions])}
    sources = [(stored.get(raw.content_hash), raw, document, error) for raw, document, error in extractions]
    new = [_source_values(Source(content_hash=raw.content_hash), raw, document, error)
           for source, raw, document, error in sources if source is None]
    for source, pk in zip(new, new_ids(Source, len(new))):
        source.pk = pk      # in the batch's order: the ids a serial run gives them
    insert(Source, SOURCE_COLUMNS, [values(source, SOURCE_COLUMNS) for source in new])
    new.reverse()
    sources = [(source or new.pop(), source is not None, raw, document, error)
               for source, raw, document, error in sources]
    unit = Unit()
    unit.add_sources([source for source, was_stored, *_ in sources if not was_stored])
    documents = [document for *_, document, _ in sources if document is not None]
    unit.load(documents, [source for source, was_stored, *_ in sources if was_stored])
    unit.check_slugs(slug_text(extracted, unit) for document in documents for extracted in document.meetings)
    officials = OfficialIndex()
    officials.load(documents)
    touched = set()
    for source, was_stored, raw, document, error in sources:
        if was_stored:
            _source_values(source, raw, document, error).save()
        result, meetings = _write_one(source, "updated" if was_stored else "new", document, unit, officials)
        results.append(result)
        touched |= meetings
    unit.flush()
    return unit.search_documents(touched)


def _source_values(source: Source, raw: RawSource, document: ExtractedDocument | None, error: str) -> Source:
    source.url = raw.location if raw.is_url else (raw.original_url or source.url)
    source.file_name = "" if raw.is_url else raw.location
    source.raw_content = raw.content or storable(raw.data.decode("utf-8", "replace"))
    source.content_type = raw.content_type
    source.extractor_version = ingest.EXTRACTOR_VERSION
    source.ingested_at = timezone.now()
    source.failure_reason = error
    if document is None:
        source.status = SourceStatus.FAILED
        return source
    source.cleaned_text = document.text
    source.title = (document.title or "")[:500]
    source.publisher = (document.publisher or "")[:200]
    source.published = document.published
    source.status = SourceStatus.OK if document.meetings else SourceStatus.NO_MEETINGS
    return source


def _write_one(source: Source, status: str, document: ExtractedDocument | None, unit: Unit,
               officials: OfficialIndex) -> tuple[WriteResult, set[int]]:
    """One source's meetings and facts, decided in the unit of work; the meetings whose search documents it changed."""
    if document is None:
        return WriteResult(source, "failed"), set()
    unit.ranks[source.pk] = report_rank(source)   # from now on, as this write stores it
    unit.texts[source.pk] = source
    earlier_meetings = {state.meeting for state in unit.meetings_of(source.pk)}
    result = WriteResult(source, status)
    run = Run(source, unit)
    kept = Kept()
    for extracted in document.meetings:
        state = matching_meeting(extracted, source, unit)
        meeting = state.meeting if state is not None else None
        first = meeting not in (*result.meetings_created, *result.meetings_merged)
        if state is None:
            state = create_meeting(extracted, run)
            result.meetings_created.append(state.meeting)
        else:
            update_meeting(state, extracted, run, first)
            result.meetings_merged.append(state.meeting)
        if source.pk not in state.sources:
            unit.set_links(state.meeting, "sources", state.sources | {source.pk})
        write_facts(state, extracted, run, officials, kept)
    written = {*result.meetings_created, *result.meetings_merged}
    for meeting in written:
        state = unit.states[meeting.pk]
        write_evidence(state, run, kept.evidence[meeting.pk])
        remove_unfound(state, run, kept)
    drop_abandoned([unit.states[m.pk] for m in earlier_meetings - written], run, kept)
    return result, {m.pk for m in [*earlier_meetings, *written]}


# pg_advisory_xact_lock's key for "an ingest is writing a source": any 64-bit number no other lock uses.
WRITE_LOCK = 0x4D494E4953544552  # "MINISTER"


def one_writer_at_a_time() -> None:
    """Two ingests at once (overlapping sources, or reports of one meeting) write one source at a time: each finds
    the other's sources and meetings and never stores one twice. Extraction, the slow part, still runs in parallel.
    On PostgreSQL a transaction-level advisory lock, released at commit; SQLite lets one writer in at a time anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        lock_tallies()  # before any meeting's row lock, as a staff save of a meeting takes it (no deadlock)


def drop_abandoned(states: list[MeetingState], run: Run, kept: Kept) -> None:
    """A re-extraction no longer finds these meetings: their facts from this source go (as in remove_unfound), the
    source is unlinked (unless staff curated the meeting's sources), and a meeting left with no source and nothing
    in it that staff never touched is deleted."""
    for state in states:
        meeting = state.meeting
        remove_unfound(state, run, kept)
        if "sources" not in meeting.curated_fields:
            run.unit.set_links(meeting, "sources", state.sources - {run.source.pk})
        if meeting.is_curated or state.sources:
            continue
        if not any((state.participants, state.statements, state.commitments)):
            delete(meeting, run.because("no longer found"), unit=run.unit)


def matching_meeting(extracted: ExtractedMeeting, source: Source, unit: Unit) -> MeetingState | None:
    """The stored meeting this report describes: same day and countries, or same name and day.

    An undated meeting is only ever matched to one this same source reported before (a re-extraction); a report
    staff merged into another meeting (its sources curated) stays in that meeting.
    """
    wanted = set(extracted.countries)
    if extracted.date is None or extracted.date_precision != "day":
        candidates = [state for state in unit.meetings_of(source.pk)
                      if state.meeting.date is None and state.meeting.format == extracted.format]
    else:
        candidates = unit.on_day(extracted.date)
    for state in candidates:
        if state.countries == wanted:
            return state
    for state in unit.meetings_of(source.pk):
        if "sources" in state.meeting.curated_fields and state.countries == wanted:
            return state    # staff put this source's report in that meeting (a merge): it stays there
    if extracted.name and extracted.date:
        named = next((state for state in candidates if state.meeting.name.upper() == extracted.name.upper()), None)
        if named is not None:
            return named
    if extracted.date is not None and extracted.date_precision == "day":
        return same_meeting_another_day(extracted, wanted, unit)
    return None


def same_meeting_another_day(extracted: ExtractedMeeting, wanted: set[str], unit: Unit) -> MeetingState | None:
    """A report that puts a known meeting a day earlier or later (time zones, a weekday read differently): the
    same countries and a participant of the same family name. The stored day stays; the meeting page shows each
    source's day (its evidence)."""
    families = {(p.family or p.name.split()[-1]).casefold() for p in extracted.participants if p.name}
    if not families:
        return None
    for state in unit.around(extracted.date):
        if state.countries != wanted:
            continue
        stored = {(p.official.family_name if p.official and p.official.family_name else p.name.split()[-1]).casefold()
                  for p in state.rows(Participant)}
        if families & stored:
            return state
    return None


def create_meeting(extracted: ExtractedMeeting, run: Run) -> MeetingState:
    meeting = Meeting(review_status=ReviewStatus.NEEDS_REVIEW, slug=meeting_slug(extracted, run.unit))
    meeting.apply_extracted(**meeting_values(extracted))
    state = run.unit.new_meeting(meeting)
    meeting._links["countries"] = set(extracted.countries)
    run.unit.record(meeting, "+", run.because("found"))
    return state


def meeting_slug(extracted: ExtractedMeeting, unit: Unit) -> str:
    """Readable and stable: "2017-10-23-japan-united-states", "undated-phone-south-korea-united-states"."""
    return unit.unique_slug(slug_text(extracted, unit))


def slug_text(extracted: ExtractedMeeting, unit: Unit) -> str:
    names = sorted(name for code in set(extracted.countries) if (name := unit.country_name(code)) is not None)
    if len(names) > 4:
        names = [*names[:3], f"and {len(names) - 3} more"]
    parts = [extracted.date.isoformat() if extracted.date else "undated"]
    if extracted.format != "in_person":
        parts.append(extracted.format)
    parts.append(extracted.name or " ".join(names))
    return " ".join(parts)


def meeting_values(extracted: ExtractedMeeting) -> dict:
    return {
        "date": extracted.date,
        "date_precision": extracted.date_precision if extracted.date else "",
        "format": extracted.format,
        "name": (extracted.name or "")[:300],
        "place": (extracted.place or "")[:300],
        "host_country_id": extracted.place_country,
    }


def update_meeting(state: MeetingState, extracted: ExtractedMeeting, run: Run, first: bool = True) -> None:
    """A meeting only this source reports takes what it now says (fields and countries staff curated aside).
    Another report of a known meeting adds its countries; its day, format, name and place replace the stored ones
    when it outranks every other report (``report_rank``), else only fill what the stored meeting lacks. A second
    report of one meeting in this source (not ``first``) only fills."""
    meeting = state.meeting
    others = state.sources - {run.source.pk}
    if first and not others:
        update(meeting, run.because("found again"), meeting_values(extracted),
               {"countries": set(extracted.countries)}, unit=run.unit)
        return
    leads = first and all(run.outranks(pk) for pk in others)
    values = {name: value for name, value in meeting_values(extracted).items()
              if value and (leads or not getattr(meeting, name))}
    update(meeting, run.because("another report"), values, {"countries": state.countries | set(extracted.countries)},
           unit=run.unit)
