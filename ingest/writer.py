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
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

import ingest
from ingest.changes import Run, create, delete, update
from ingest.document import ExtractedDocument, ExtractedMeeting
from ingest.facts import Kept, OfficialIndex, remove_unfound, write_evidence, write_facts
from ingest.sources import RawSource, storable
from meetings import search
from meetings.aggregates import lock_tallies
from meetings.pagecache import bump_version
from meetings.models import Country, Meeting, ReviewStatus, Source, SourceStatus, unique_slug


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
    """Store ``raw`` and what was extracted from it (``document``), or the reason it failed (``error``)."""
    return write_batch([(raw, document, error)])[0]


@transaction.atomic
def write_batch(extractions: list[tuple[RawSource, ExtractedDocument | None, str]]) -> list[WriteResult]:
    """Store many sources in one transaction, in the order given, as ``write`` stores each: one lock, one commit
    and one rebuild of the touched meetings' search documents for the whole batch instead of one per source.
    A run killed mid-batch stores none of it (the next run writes the batch again)."""
    one_writer_at_a_time()
    bump_version()  # once for the whole batch: the page cache's pages from before it are never served after it
    results, touched = [], set()
    for raw, document, error in extractions:
        result, meetings = _write_one(raw, document, error)
        results.append(result)
        touched |= meetings
    search.refresh(touched)
    return results


def _write_one(raw: RawSource, document: ExtractedDocument | None, error: str) -> tuple[WriteResult, set[int]]:
    """One source written (inside the batch's transaction), and the meetings whose search documents it changed."""
    source = find_source(raw)
    status = "updated" if source else "new"
    source = source or Source(content_hash=raw.content_hash)
    source.url = raw.location if raw.is_url else (raw.original_url or source.url)
    source.file_name = "" if raw.is_url else raw.location
    source.raw_content = raw.content or storable(raw.data.decode("utf-8", "replace"))
    source.content_type = raw.content_type
    source.extractor_version = ingest.EXTRACTOR_VERSION
    source.ingested_at = timezone.now()
    source.failure_reason = error
    if document is None:
        source.status = SourceStatus.FAILED
        source.save()
        return WriteResult(source, "failed"), set()
    source.cleaned_text = document.text
    source.title = (document.title or "")[:500]
    source.publisher = (document.publisher or "")[:200]
    source.published = document.published
    source.status = SourceStatus.OK if document.meetings else SourceStatus.NO_MEETINGS
    source.save()
    earlier_meetings = set(source.meetings.all())
    result = WriteResult(source, status)
    run = Run(source)
    officials, kept = OfficialIndex(run), Kept()
    for extracted in document.meetings:
        meeting = matching_meeting(extracted, source)
        if meeting is not None:
            # staff saving this meeting now: wait for their save, then read what they changed (and curated)
            meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        first = meeting not in (*result.meetings_created, *result.meetings_merged)
        if meeting is None:
            meeting = create_meeting(extracted, run)
            result.meetings_created.append(meeting)
        else:
            update_meeting(meeting, extracted, run, first)
            result.meetings_merged.append(meeting)
        if not meeting.sources.filter(pk=source.pk).exists():
            meeting.sources.add(source)
        write_facts(meeting, extracted, run, officials, kept)
    written = {*result.meetings_created, *result.meetings_merged}
    for meeting in written:
        write_evidence(meeting, run, kept.evidence[meeting.pk])
        remove_unfound(meeting, run, kept)
    drop_abandoned(earlier_meetings - written, run, kept)
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


def drop_abandoned(meetings: set[Meeting], run: Run, kept: Kept) -> None:
    """A re-extraction no longer finds these meetings: their facts from this source go (as in remove_unfound), the
    source is unlinked (unless staff curated the meeting's sources), and a meeting left with no source and nothing
    in it that staff never touched is deleted."""
    for meeting in meetings:
        remove_unfound(meeting, run, kept)
        if "sources" not in meeting.curated_fields:
            meeting.sources.remove(run.source)
        if meeting.is_curated or meeting.sources.exists():
            continue
        if not any(rel.exists() for rel in (meeting.participants, meeting.statements, meeting.commitments)):
            delete(meeting, run.because("no longer found"))


def matching_meeting(extracted: ExtractedMeeting, source: Source) -> Meeting | None:
    """The stored meeting this report describes: same day and countries, or same name and day.

    An undated meeting is only ever matched to one this same source reported before (a re-extraction); a report
    staff merged into another meeting (its sources curated) stays in that meeting.
    """
    wanted = set(extracted.countries)
    if extracted.date is None or extracted.date_precision != "day":
        candidates = source.meetings.filter(date__isnull=True, format=extracted.format)
    else:
        candidates = Meeting.objects.filter(date=extracted.date, date_precision="day")
    for meeting in candidates.prefetch_related("countries"):
        if {c.code for c in meeting.countries.all()} == wanted:
            return meeting
    for meeting in source.meetings.prefetch_related("countries"):
        if "sources" in meeting.curated_fields and {c.code for c in meeting.countries.all()} == wanted:
            return meeting    # staff put this source's report in that meeting (a merge): it stays there
    if extracted.name and extracted.date:
        named = candidates.filter(name__iexact=extracted.name).first()
        if named is not None:
            return named
    if extracted.date is not None and extracted.date_precision == "day":
        return same_meeting_another_day(extracted, wanted)
    return None


def same_meeting_another_day(extracted: ExtractedMeeting, wanted: set[str]) -> Meeting | None:
    """A report that puts a known meeting a day earlier or later (time zones, a weekday read differently): the
    same countries and a participant of the same family name. The stored day stays; the meeting page shows each
    source's day (its evidence)."""
    families = {(p.family or p.name.split()[-1]).casefold() for p in extracted.participants if p.name}
    if not families:
        return None
    nearby = Meeting.objects.filter(date__range=(extracted.date - timedelta(days=1), extracted.date + timedelta(days=1)),
                                    date_precision="day").exclude(date=extracted.date)
    for meeting in nearby.prefetch_related("countries", "participants__official"):
        if {c.code for c in meeting.countries.all()} != wanted:
            continue
        stored = {(p.official.family_name if p.official and p.official.family_name else p.name.split()[-1]).casefold()
                  for p in meeting.participants.all()}
        if families & stored:
            return meeting
    return None


def create_meeting(extracted: ExtractedMeeting, run: Run) -> Meeting:
    meeting = Meeting(review_status=ReviewStatus.NEEDS_REVIEW, slug=meeting_slug(extracted))
    meeting.apply_extracted(**meeting_values(extracted))
    return create(meeting, run.because("found"), {"countries": set(extracted.countries)})


def meeting_slug(extracted: ExtractedMeeting) -> str:
    """Readable and stable: "2017-10-23-japan-united-states", "undated-phone-south-korea-united-states"."""
    names = sorted(Country.objects.filter(code__in=extracted.countries).values_list("name", flat=True))
    if len(names) > 4:
        names = [*names[:3], f"and {len(names) - 3} more"]
    parts = [extracted.date.isoformat() if extracted.date else "undated"]
    if extracted.format != "in_person":
        parts.append(extracted.format)
    parts.append(extracted.name or " ".join(names))
    return unique_slug(Meeting, " ".join(parts))


def meeting_values(extracted: ExtractedMeeting) -> dict:
    return {
        "date": extracted.date,
        "date_precision": extracted.date_precision if extracted.date else "",
        "format": extracted.format,
        "name": (extracted.name or "")[:300],
        "place": (extracted.place or "")[:300],
        "host_country_id": extracted.place_country,
    }


def update_meeting(meeting: Meeting, extracted: ExtractedMeeting, run: Run, first: bool = True) -> None:
    """A meeting only this source reports takes what it now says (fields and countries staff curated aside).
    Another report of a known meeting adds its countries; its day, format, name and place replace the stored ones
    when it outranks every other report (``report_rank``), else only fill what the stored meeting lacks. A second
    report of one meeting in this source (not ``first``) only fills."""
    others = set(meeting.sources.values_list("pk", flat=True)) - {run.source.pk}
    if first and not others:
        update(meeting, run.because("found again"), meeting_values(extracted), {"countries": set(extracted.countries)})
        return
    leads = first and all(run.outranks(pk) for pk in others)
    values = {name: value for name, value in meeting_values(extracted).items()
              if value and (leads or not getattr(meeting, name))}
    countries = set(meeting.countries.values_list("code", flat=True))
    update(meeting, run.because("another report"), values, {"countries": countries | set(extracted.countries)})
