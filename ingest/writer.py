"""The one module that writes extractions to the database.

Each source is stored whole (raw content, cleaned text, content hash) and its
meetings are written in one transaction. A meeting already in the database
(same day and countries, or same name and day) is merged into: the new source
is added, and participants, statements and commitments are added without
duplicates. What staff curated is never overwritten, and what staff deleted
is not brought back. Each meeting keeps, with its link to the source, the
evidence it was built from (the sentences and what each established).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ingest import EXTRACTOR_VERSION
from ingest.document import ExtractedDocument, ExtractedMeeting, ExtractedParticipant
from ingest.sources import RawSource, storable
from meetings.text import content_words
from meetings import search
from meetings.models import (
    Commitment, Country, Evidence, Meeting, Official, Participant, ReviewStatus, Source, SourceStatus, Statement,
    unique_slug,
)

SAME_TEXT = 0.6  # share of content words two wordings of one statement have in common


@dataclass
class WriteResult:
    source: Source
    status: str                    # "new", "unchanged", "updated", "failed"
    meetings_created: list[Meeting] = field(default_factory=list)
    meetings_merged: list[Meeting] = field(default_factory=list)


def find_source(raw: RawSource) -> Source | None:
    return Source.objects.filter(content_hash=raw.content_hash).first()


def record_original_url(source: Source, raw: RawSource) -> None:
    """A stored file learns the address of the page it was saved from (a sources table given later)."""
    if raw.original_url and not raw.is_url and source.url != raw.original_url:
        source.url = raw.original_url
        source.save(update_fields=["url"])


@transaction.atomic
def write(raw: RawSource, document: ExtractedDocument | None, error: str = "") -> WriteResult:
    """Store ``raw`` and what was extracted from it (``document``), or the reason it failed (``error``)."""
    source = find_source(raw)
    status = "updated" if source else "new"
    source = source or Source(content_hash=raw.content_hash)
    source.url = raw.location if raw.is_url else (raw.original_url or source.url)
    source.file_name = "" if raw.is_url else raw.location
    source.raw_content = raw.content or storable(raw.data.decode("utf-8", "replace"))
    source.content_type = raw.content_type
    source.extractor_version = EXTRACTOR_VERSION
    source.ingested_at = timezone.now()
    source.failure_reason = error
    if document is None:
        source.status = SourceStatus.FAILED
        source.save()
        return WriteResult(source, "failed")
    source.cleaned_text = document.text
    source.title = (document.title or "")[:500]
    source.publisher = (document.publisher or "")[:200]
    source.published = document.published
    source.status = SourceStatus.OK if document.meetings else SourceStatus.NO_MEETINGS
    source.save()
    earlier_meetings = set(source.meetings.all())
    for model in (Statement, Commitment, Participant):
        model.objects.filter(source=source, curated_fields=[]).delete()
    Evidence.objects.filter(source=source).delete()
    result = WriteResult(source, status)
    officials = OfficialIndex()
    for extracted in document.meetings:
        meeting = matching_meeting(extracted, source)
        if meeting is None:
            meeting = create_meeting(extracted)
            result.meetings_created.append(meeting)
        else:
            fill_blanks(meeting, extracted)
            result.meetings_merged.append(meeting)
        meeting.sources.add(source)
        add_records(meeting, extracted, source, officials)
        add_evidence(meeting, extracted, source)
    drop_abandoned(earlier_meetings - set(result.meetings_created) - set(result.meetings_merged), source)
    search.refresh({m.pk for m in [*earlier_meetings, *result.meetings_created, *result.meetings_merged]})
    return result


def drop_abandoned(meetings: set[Meeting], source: Source) -> None:
    """A re-extraction no longer finds these meetings: drop those this source alone made and staff never touched."""
    for meeting in meetings:
        if meeting.is_curated or meeting.sources.exclude(pk=source.pk).exists():
            continue
        if any(rel.exists() for rel in (meeting.participants, meeting.statements, meeting.commitments)):
            meeting.sources.remove(source)
        else:
            meeting.delete()


def matching_meeting(extracted: ExtractedMeeting, source: Source) -> Meeting | None:
    """The stored meeting this report describes: same day and countries, or same name and day.

    An undated meeting is only ever matched to one this same source reported before (a re-extraction).
    """
    wanted = set(extracted.countries)
    if extracted.date is None or extracted.date_precision != "day":
        candidates = source.meetings.filter(date__isnull=True, format=extracted.format)
    else:
        candidates = Meeting.objects.filter(date=extracted.date, date_precision="day")
    for meeting in candidates.prefetch_related("countries"):
        if {c.code for c in meeting.countries.all()} == wanted:
            return meeting
    if extracted.name and extracted.date:
        return candidates.filter(name__iexact=extracted.name).first()
    return None


def create_meeting(extracted: ExtractedMeeting) -> Meeting:
    meeting = Meeting(review_status=ReviewStatus.NEEDS_REVIEW, slug=meeting_slug(extracted))
    meeting.apply_extracted(**meeting_values(extracted))
    meeting.save()
    meeting.countries.set(extracted.countries)
    return meeting


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


def fill_blanks(meeting: Meeting, extracted: ExtractedMeeting) -> None:
    """Another report of a known meeting adds what the stored one lacks and changes nothing else."""
    values = {name: value for name, value in meeting_values(extracted).items()
              if value and not getattr(meeting, name)}
    if meeting.apply_extracted(**values):
        meeting.save()
    if "countries" not in meeting.curated_fields:
        meeting.countries.add(*extracted.countries)


class OfficialIndex:
    """Resolves extracted names to Official rows; an unknown named official becomes one to review."""

    def __init__(self):
        self.cache: dict[tuple[str, str], Official] = {}

    def get(self, participant: ExtractedParticipant) -> Official:
        key = (participant.official or participant.name, participant.country)
        if key not in self.cache:
            official = Official.objects.filter(name=key[0], country_id=participant.country).first()
            if official is None:
                official = Official.objects.create(
                    name=participant.name, country_id=participant.country,
                    family_name=participant.family or participant.name.split()[-1],
                    review_status=ReviewStatus.NEEDS_REVIEW)
            self.cache[key] = official
        return self.cache[key]


def add_records(meeting: Meeting, extracted: ExtractedMeeting, source: Source, officials: OfficialIndex) -> None:
    participants = add_participants(meeting, extracted, source, officials)

    stored = list(meeting.statements.all())
    deleted = texts_deleted_by_staff(Statement, meeting, source)
    for s in extracted.statements:
        if any(same_text(s.text, other) for other in [*(st.text for st in stored), *deleted]):
            continue
        statement = Statement.objects.create(meeting=meeting, text=s.text, direct=s.direct, source=source,
                                             span_start=_start(s.span), span_end=_end(s.span))
        statement.speaker_countries.add(*s.speakers)
        statement.speakers.add(*[participants[n] for n in s.speaker_names if n in participants])
        stored.append(statement)

    stored = list(meeting.commitments.all())
    deleted = texts_deleted_by_staff(Commitment, meeting, source)
    for c in extracted.commitments:
        if any(same_text(c.text, other) for other in [*(co.text for co in stored), *deleted]):
            continue
        commitment = Commitment.objects.create(
            meeting=meeting, text=c.text, due=c.due, due_precision=c.due_precision if c.due else "", source=source,
            span_start=_start(c.span), span_end=_end(c.span))
        commitment.parties.add(*c.parties)
        stored.append(commitment)


def add_evidence(meeting: Meeting, extracted: ExtractedMeeting, source: Source) -> None:
    """The sentences of ``source`` the meeting was built from (two reports merged into one meeting add both)."""
    stored = set(Evidence.objects.filter(meeting=meeting, source=source)
                 .values_list("kind", "detail", "span_start", "span_end"))
    rows = []
    for item in extracted.evidence:
        key = (item.kind, item.detail[:300], _start(item.span), _end(item.span))
        if key not in stored:
            stored.add(key)
            rows.append(Evidence(meeting=meeting, source=source, kind=key[0], detail=key[1], span_start=key[2],
                                 span_end=key[3]))
    Evidence.objects.bulk_create(rows)


def add_participants(meeting: Meeting, extracted: ExtractedMeeting, source: Source,
                     officials: OfficialIndex) -> dict[str, Participant]:
    """The meeting's participant rows by extracted name, adding those it lacks."""
    existing = list(meeting.participants.all())
    deleted = set(staff_deletions(Participant, meeting, source).values_list("name", flat=True))
    by_name = {}
    for p in extracted.participants:
        official = officials.get(p)
        participant = next((row for row in existing if row.official_id == official.pk), None) or next(
            (row for row in existing if (row.name, row.country_id) == (p.name, p.country)), None)
        if participant is None:
            if p.name in deleted:
                continue
            participant = Participant.objects.create(
                meeting=meeting, official=official, name=p.name[:200], role=p.role[:200], country_id=p.country,
                source=source, span_start=_start(p.span), span_end=_end(p.span))
            existing.append(participant)
        elif participant.official_id is None and participant.apply_extracted(official=official):
            participant.save()
        by_name[p.name] = participant
    return by_name


def staff_deletions(model, meeting: Meeting, source: Source):
    """Staff deleting an extracted record is a correction too: the same record is not written again."""
    return model.history.filter(Q(meeting_id=meeting.pk) | Q(source_id=source.pk), history_type="-",
                                history_user__isnull=False)


def texts_deleted_by_staff(model, meeting: Meeting, source: Source) -> list[str]:
    return list(staff_deletions(model, meeting, source).values_list("text", flat=True))


def same_text(a: str, b: str) -> bool:
    """Two wordings of one statement or commitment, as different outlets report it."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return a.strip().lower() == b.strip().lower()
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_TEXT and len(wa & wb) / max(len(wa), len(wb)) >= 0.4


def _start(span):
    return span[0] if span else None


def _end(span):
    return span[1] if span else None
