"""A source's facts in one meeting, written again in place: participants, statements, commitments, evidence.

A fact the source yields again keeps its row (and id): a participant is the same by its official, else by its name
and country; a statement or commitment by its text (the same words, else the same content words, see
``same_text``), else by the sentence it came from. Its extracted fields and relations are updated where staff have
not curated them. A fact another source of the meeting already gave is not written twice; of the reports that
give a fact, the one ``report_rank`` puts first is its ``source`` (its wording, sentence and relations are shown),
whichever arrived first. A fact of this source it
no longer yields is removed, unless staff curated it (or, for a participant, curated the meeting's participants or
a statement's speakers that name it), or another source of the meeting supports it: then it is kept for that one.
What staff deleted is not written again.

Everything here reads and changes a meeting's state in the batch's unit of work (ingest/unit.py), never the database
row by row: ``state`` is a ``MeetingState``, ``run.unit`` the batch's ``Unit``.
"""
from __future__ import annotations

from collections import defaultdict

from ingest.changes import Run, create, delete, report_rank, update
from ingest.document import ExtractedMeeting, ExtractedParticipant
from ingest.unit import MeetingState, span_order
from meetings.models import Commitment, Evidence, Meeting, Official, Participant, ReviewStatus, Statement
from meetings.support import SourceSupport
from meetings.text import content_words, normalized, same_text


class Kept:
    """The rows of each kind this source yielded again or added, per meeting: the others of its rows go."""

    def __init__(self):
        self.ids: dict[int, dict[type, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.evidence: dict[int, list[tuple]] = defaultdict(list)

    def of(self, meeting: Meeting, model) -> set[int]:
        return self.ids[meeting.pk][model]


class OfficialIndex:
    """Resolves extracted names to Official rows (those of a whole batch in one query); an unknown named official
    becomes one to review."""

    def __init__(self):
        self.cache: dict[tuple[str, str], Official] = {}

    def load(self, documents) -> None:
        keys = {(p.official or p.name, p.country) for document in documents for extracted in document.meetings
                for p in extracted.participants}
        names = {name for name, _ in keys}
        found = {}
        for official in Official.objects.filter(name__in=names).order_by("-pk") if names else ():
            found[(official.name, official.country_id)] = official     # the first by id wins
        for key in keys:
            if key in found:
                self.cache[key] = found[key]

    def get(self, participant: ExtractedParticipant, run: Run) -> Official:
        key = (participant.official or participant.name, participant.country)
        if key not in self.cache:
            official = Official.objects.filter(name=key[0], country_id=participant.country).first()
            if official is None:
                official = create(Official(name=participant.name, country_id=participant.country,
                                           family_name=participant.family or participant.name.split()[-1],
                                           review_status=ReviewStatus.NEEDS_REVIEW), run.because("found"))
            self.cache[key] = official
        return self.cache[key]


def write_facts(state: MeetingState, extracted: ExtractedMeeting, run: Run, officials: OfficialIndex,
                kept: Kept) -> None:
    meeting = state.meeting
    participants = write_participants(state, extracted, run, officials, kept.of(meeting, Participant))
    write_texts(Statement, state, extracted.statements, run, kept.of(meeting, Statement), lambda s: (
        {"text": s.text, "direct": s.direct, "span_start": _start(s.span), "span_end": _end(s.span)},
        {"speaker_countries": set(s.speakers),
         "speakers": {participants[n].pk for n in s.speaker_names if n in participants}}))
    write_texts(Commitment, state, extracted.commitments, run, kept.of(meeting, Commitment), lambda c: (
        {"text": c.text, "due": c.due, "due_precision": c.due_precision if c.due else "",
         "span_start": _start(c.span), "span_end": _end(c.span)},
        {"parties": set(c.parties)}))
    for item in extracted.evidence:
        key = (item.kind, item.detail[:300], _start(item.span), _end(item.span))
        if key not in kept.evidence[meeting.pk]:
            kept.evidence[meeting.pk].append(key)


def write_participants(state: MeetingState, extracted: ExtractedMeeting, run: Run, officials: OfficialIndex,
                       kept: set[int]) -> dict[str, Participant]:
    """The meeting's participant rows by extracted name: this source's found again and updated, new ones added
    (unless staff curated the meeting's participants or deleted that one)."""
    meeting, unit = state.meeting, run.unit
    stored = state.rows(Participant)
    deleted = set(unit.staff_deleted(Participant, meeting.pk, run.source.pk))
    by_name = {}
    for p in extracted.participants:
        official = officials.get(p, run)
        row = next((row for row in stored if row.official_id == official.pk), None) or next(
            (row for row in stored if (row.name, row.country_id) == (p.name, p.country)), None)
        if row is None:
            if p.name in deleted or "participants" in meeting.curated_fields:
                continue
            row = create(Participant(meeting=meeting, official=official, name=p.name[:200], role=p.role[:200],
                                     country_id=p.country, source=run.source, span_start=_start(p.span),
                                     span_end=_end(p.span)), run.because("found"), unit=unit)
            stored.append(row)
        elif row.source_id == run.source.pk or (run.outranks(row.source_id) and not row.is_curated):
            values = {"role": p.role[:200], "official_id": official.pk, "span_start": _start(p.span),
                      "span_end": _end(p.span), "source_id": run.source.pk}
            if not any((other.name, other.country_id) == (p.name, row.country_id) for other in stored if other != row):
                values["name"] = p.name[:200]
            found_again = row.source_id == run.source.pk
            _official_object(row, official, update(
                row, run.because("found again" if found_again else "also reported, by an earlier report"), values,
                unit=unit))
        elif row.official_id is None:
            _official_object(row, official, update(row, run.because("official resolved"),
                                                   {"official_id": official.pk}, unit=unit))
        if row.source_id == run.source.pk:
            kept.add(row.pk)
        by_name[p.name] = row
    return by_name


def _official_object(row: Participant, official: Official, changed: bool) -> None:
    """A participant's official, as the object too (the evidence check of a later source reads its names)."""
    if changed and row.official_id == official.pk:
        row.official = official


def write_texts(model, state: MeetingState, found: list, run: Run, kept: set[int], extracted_values) -> None:
    """Statements or commitments: this source's found again updated in place; one another source of the meeting
    already gave in other words (``same_text``) gains this source; the others added, unless staff deleted them.

    Two facts of this source are one only in the same words: ``same_text`` folds wordings across reports only."""
    meeting, unit = state.meeting, run.unit
    stored = state.rows(model)
    own = [row for row in stored if row.source_id == run.source.pk and row.pk not in kept]
    deleted = unit.staff_deleted(model, meeting.pk, run.source.pk)
    for item, row in pair_up(found, own):
        values, relations = extracted_values(item)
        if row is not None:
            update(row, run.because("found again"), values, {**relations, "sources": reports(row) | {run.source.pk}},
                   unit=unit)
        elif (row := reported_elsewhere(item.text, stored, run, kept)) is not None:
            if row.pk not in kept and run.outranks(row.source_id) and not row.is_curated:
                # this report comes first (report_rank): its wording and sentence are the ones shown
                update(row, run.because("also reported, by an earlier report"), {**values, "source_id": run.source.pk},
                       {**relations, "sources": reports(row) | {run.source.pk}}, unit=unit)
            elif row.pk not in kept:
                update(row, run.because("also reported"), {}, {"sources": reports(row) | {run.source.pk}}, unit=unit)
        elif any(normalized(item.text) == normalized(r.text) for r in stored if r.pk in kept) or any(
                same_text(item.text, other) for other in deleted):
            continue
        else:
            row = create(model(meeting=meeting, source=run.source, **values), run.because("found"),
                         {**relations, "sources": {run.source.pk}}, unit=unit)
            stored.append(row)
        kept.add(row.pk)


def reports(row) -> set[int]:
    """The sources that report a stored statement or commitment (its first one even where the link is missing:
    rows loaded from a fixture written before the many-to-many)."""
    return set(row._links["sources"]) | ({row.source_id} if row.source_id else set())


def reported_elsewhere(text: str, stored: list, run: Run, kept: set[int]):
    """The stored fact of another source this wording is, or None: the one this source already reports first,
    then the closest wording."""
    candidates = [row for row in stored if row.source_id != run.source.pk and row.pk not in kept
                  and same_text(text, row.text)]
    if not candidates:
        return None
    return min(candidates, key=lambda row: (run.source.pk not in reports(row), -_overlap(text, row.text),
                                            run.rank(row.source_id), row.pk))


def _overlap(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / max(len(wa | wb), 1)


def pair_up(found: list, own: list) -> list[tuple[object, object | None]]:
    """Each extracted statement or commitment with the row of this source it is found again as, or None: the same
    words first, then the same content words, then the same sentence."""
    pairs: dict[int, object] = {}
    free = list(own)
    tests = (lambda item, row: normalized(item.text) == normalized(row.text),
             lambda item, row: same_text(item.text, row.text),
             lambda item, row: item.span is not None and (row.span_start, row.span_end) == tuple(item.span))
    for test in tests:
        for number, item in enumerate(found):
            if number not in pairs:
                row = next((row for row in free if test(item, row)), None)
                if row is not None:
                    pairs[number] = row
                    free.remove(row)
    return [(item, pairs.get(number)) for number, item in enumerate(found)]


def write_evidence(state: MeetingState, run: Run, wanted: list[tuple]) -> None:
    """The sentences of this source the meeting was built from: rows no longer wanted go, missing ones are added,
    the others stay as they are."""
    stored = {}
    for row in sorted((row for row in state.evidence if row.source_id == run.source.pk), key=span_order):
        key = (row.kind, row.detail, row.span_start, row.span_end)
        if key in stored or key not in wanted:
            run.unit.drop_evidence(state, row)
        else:
            stored[key] = row
    for key in wanted:
        if key not in stored:
            run.unit.add_evidence(state, Evidence(meeting=state.meeting, source=run.source, kind=key[0],
                                                  detail=key[1], span_start=key[2], span_end=key[3]))


def remove_unfound(state: MeetingState, run: Run, kept: Kept) -> None:
    """This source's facts of ``meeting`` it no longer yields: kept when staff curated them or another source of the
    meeting supports them (then for that source), removed otherwise. Participants last, once statements are done."""
    meeting, unit = state.meeting, run.unit
    supports = None
    for model in (Statement, Commitment):
        for row in [row for row in state.rows(model) if run.source.pk in row._links["sources"]
                    and row.source_id != run.source.pk and row.pk not in kept.of(meeting, model)]:
            # another source's fact this one no longer reports: it loses this source only
            update(row, run.because("no longer reported"), {}, {"sources": reports(row) - {run.source.pk}}, unit=unit)
    for model in (Statement, Commitment, Participant):
        for row in [row for row in state.rows(model) if row.source_id == run.source.pk
                    and row.pk not in kept.of(meeting, model)]:
            if row.is_curated or (model is Participant and held_by_staff(row, state)):
                continue
            if model is not Participant and (others := sorted(reports(row) - {run.source.pk})):
                # still reported by another source: that one becomes its first report
                other = min(others, key=run.rank)
                if supports is None:
                    supports = other_sources_support(state, run)
                span = next((support.again(model.__name__.lower(), row) for source, support in supports
                             if source.pk == other), None) or (None, None)
                update(row, run.because(f"no longer found; kept for source {other}"),
                       {"source_id": other, "span_start": span[0], "span_end": span[1]},
                       {"sources": set(others)}, unit=unit)
                continue
            if supports is None:
                supports = other_sources_support(state, run)
            kind = model.__name__.lower()
            other = next(((source, span) for source, support in supports
                          if (span := support.again(kind, row)) is not None), None)
            if other is not None:
                source, (start, end) = other
                relations = {} if model is Participant else {"sources": {source.pk}}
                update(row, run.because(f"no longer found; kept for source {source.pk}"),
                       {"source_id": source.pk, "span_start": start, "span_end": end}, relations, unit=unit)
                continue
            if model is Participant:
                for statement in spoken_by(row, state):
                    update(statement, run.because(f"speaker {row.name} no longer found"), {},
                           {"speakers": statement._links["speakers"] - {row.pk}}, unit=unit)
            delete(row, run.because("no longer found"), unit=unit)


def spoken_by(participant: Participant, state: MeetingState) -> list[Statement]:
    return [statement for statement in sorted(state.statements, key=lambda s: s.pk)
            if participant.pk in statement._links["speakers"]]


def held_by_staff(participant: Participant, state: MeetingState) -> bool:
    """Staff curated the meeting's participants, or the speakers of a statement that names this one."""
    return "participants" in state.meeting.curated_fields or any(
        "speakers" in statement.curated_fields for statement in spoken_by(participant, state))


def other_sources_support(state: MeetingState, run: Run) -> list[tuple[object, SourceSupport]]:
    participants = state.rows(Participant)
    evidence = defaultdict(list)
    for item in sorted(state.evidence, key=span_order):
        if item.source_id != run.source.pk:
            evidence[item.source_id].append(item)
    sources = run.unit.source_text(sorted(state.sources - {run.source.pk}))
    return [(source, SourceSupport(evidence[source.pk], source.cleaned_text, participants))
            for source in sorted(sources, key=report_rank)]


def _start(span):
    return span[0] if span else None


def _end(span):
    return span[1] if span else None
