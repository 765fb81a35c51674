"""A batch's unit of work: the meetings it may write, read in a few set-based queries, changed in memory, written in
bulk at the end.

ingest/writer.py and ingest/facts.py decide what each source changes, one source after the other in the batch's
order, exactly as they did one query at a time; this module is where they read and write. At the start of a batch it
locks, for the whole batch at once, every stored meeting a source of the batch could match or had reported (the days of
its meetings, a day either side; the meetings of its stored sources) against staff saves, and reads with their
countries and sources the facts of those it could change: participants (and officials), statements, commitments, their
many-to-many values and evidence, and what staff deleted. Later sources of the batch see what earlier ones changed, in
memory. ``flush`` then writes everything: new rows by COPY (ingest/bulk.py; their ids were taken from the tables'
sequences when they were created in memory, so every relation and History entry could name them), changed rows with
``bulk_update``, many-to-many rows added and removed, evidence, one History entry per change with the values and
many-to-many values the record had at that moment (as ``one_entry`` recorded it one save at a time), the rare
deletions through the ORM (cascades and History as before), then the tallies (the counterparts' too) and the
officials' meeting counts once for the batch. The touched meetings' search documents are built from what the unit
holds (``search_documents``), not read back.

A batch of one source is a batch: ``write`` goes through the same code.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from types import SimpleNamespace

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from ingest.bulk import first_free_sqlite_id, insert, new_ids, values
from meetings import search
from meetings.aggregates import (
    apply as apply_tallies, apply_counterparts, country_key, officials_of, pairs_change, set_country_keys, year_of,
)
from meetings.models import Commitment, Country, Evidence, Meeting, Participant, Source, Statement, count_meetings

FACTS = (Participant, Statement, Commitment)
MANAGED = (Meeting, *FACTS)
LINKS = {Meeting: ("countries", "sources"), Participant: (), Statement: ("speaker_countries", "speakers", "sources"),
         Commitment: ("parties", "sources")}
SLUG_LENGTH = 190   # models.unique_slug's
NAMED = {Participant: "name", Statement: "text", Commitment: "text"}
HISTORY_COLUMNS = ["history_id", "history_date", "history_type", "history_user_id", "history_change_reason"]
EVIDENCE_COLUMNS = ["meeting_id", "source_id", "kind", "detail", "span_start", "span_end"]


def _nulls_last_ascending() -> bool:
    """PostgreSQL sorts NULL after every value in ascending order; SQLite before."""
    return connection.vendor == "postgresql"


def span_order(row):
    """Statement, Commitment and Evidence ordering within one meeting: span_start, id (NULLs as the database puts them)."""
    last = _nulls_last_ascending()
    return (row.span_start is None) == last, row.span_start or 0, row.pk if row.pk is not None else float("inf")


def meeting_order(meeting):
    """Meeting's default ordering, -date, -id (a descending NULL comes first on PostgreSQL, last on SQLite)."""
    first = _nulls_last_ascending()
    return (meeting.date is not None) == first, -(meeting.date.toordinal() if meeting.date else 0), -meeting.pk


class MeetingState:
    """One meeting as the batch sees it: its row, its facts (rows with their many-to-many values in ``_links``) and
    its evidence."""

    def __init__(self, meeting: Meeting, stored: bool):
        self.meeting = meeting
        self.participants: list[Participant] = []
        self.statements: list[Statement] = []
        self.commitments: list[Commitment] = []
        self.evidence: list[Evidence] = []
        self.deleted = False
        # what the tallies counted of it before the batch (None: created by the batch)
        self.tallied = None
        self.stored = stored

    @property
    def pk(self):
        return self.meeting.pk

    @property
    def countries(self) -> set[str]:
        return self.meeting._links["countries"]

    @property
    def sources(self) -> set[int]:
        return self.meeting._links["sources"]

    def rows(self, model) -> list:
        """This meeting's rows of a fact model, in the database's order for them."""
        if model is Participant:
            return sorted(self.participants, key=lambda row: row.pk)
        rows = self.statements if model is Statement else self.commitments
        return sorted(rows, key=span_order)

    def add(self, obj) -> None:
        {Participant: self.participants, Statement: self.statements, Commitment: self.commitments}[type(obj)].append(obj)

    def remove(self, obj) -> None:
        {Participant: self.participants, Statement: self.statements, Commitment: self.commitments}[type(obj)].remove(obj)


_TRACKED = {}


def _tracked(model):
    """The attnames History copies of ``model`` and its many-to-many fields History keeps (read once)."""
    if model not in _TRACKED:
        tracked = model._tracked_history
        _TRACKED[model] = ([field.attname for field in tracked.fields_included(model)],
                           list(model.history.model._history_m2m_fields))
    return _TRACKED[model]


def _init_links(obj, names, stored=None):
    obj._stored_links = {name: dict((stored or {}).get(name, {})) for name in names}
    obj._links = {name: set(obj._stored_links[name]) for name in names}
    obj._snapshots = {name: set() for name in names}


class Unit:
    def __init__(self):
        self.states: dict[int, MeetingState] = {}
        self.source_meetings: dict[int, set[int]] = defaultdict(set)
        self.ranks: dict[int, tuple] = {}
        self.texts: dict[int, Source] = {}
        self.deletions_by_staff: dict[type, list[tuple]] = {model: [] for model in FACTS}
        self.created: dict[type, list] = defaultdict(list)
        self.created_ids: dict[type, set[int]] = defaultdict(set)
        self.dirty: dict[type, dict[int, object]] = defaultdict(dict)
        self.deleted: list[tuple[object, str]] = []
        self.history: list[tuple[object, str, str, object, dict, dict]] = []
        self.evidence_added: list[Evidence] = []
        self.evidence_removed: set[int] = set()
        self.officials_counted: set[int] = set()
        self.free_ids: dict[type, list[int]] = defaultdict(list)
        self.next_id: dict[type, int] = {}
        self.expected: dict[type, int] = defaultdict(int)
        self.slugs_taken: set[str] = set()
        self.slugs_checked: set[str] = set()
        self.stored_slugs: set[str] = set()
        self.countries: dict[str, Country] | None = None

    # Reading, for the whole batch at once ----------------------------------------------------------------------

    def load(self, documents, stored_sources: list[Source]) -> None:
        """Every stored meeting the batch's sources could match or had reported, with all the batch reads of them."""
        days, reported, named = set(), set(), set()
        for document in documents:
            for extracted in document.meetings:
                if extracted.date is not None and extracted.date_precision == "day":
                    days.update(extracted.date + timedelta(days=shift) for shift in (-1, 0, 1))
                    reported.add((extracted.date, frozenset(extracted.countries)))
                    if extracted.name:
                        named.add((extracted.date, extracted.name.upper()))
            self.expected[Meeting] += len(document.meetings)
            for extracted in document.meetings:
                self.expected[Participant] += len(extracted.participants)
                self.expected[Statement] += len(extracted.statements)
                self.expected[Commitment] += len(extracted.commitments)
        stored_ids = [source.pk for source in stored_sources]
        wanted = Q(date__in=days, date_precision="day") if days else Q(pk__in=[])
        if stored_ids:
            wanted |= Q(sources__in=stored_ids)
        # locked as staff saving one of them would lock it: wait for their save, then read what they changed
        meetings = Meeting.objects.filter(pk__in=Meeting.objects.filter(wanted).values("pk")).order_by("pk")
        meetings = list(meetings.select_for_update(of=("self",)) if connection.features.has_select_for_update_of
                        else meetings)
        self.stored_slugs |= {m.slug for m in meetings}

        def could_match(meeting: Meeting) -> bool:
            """What writer.matching_meeting could match a meeting of the batch to: the same countries on its day or a
            day either side, or the same name on its day (its day, name and countries change only once matched)."""
            if meeting.date is None or meeting.date_precision != "day":
                return False
            countries = frozenset(meeting._links["countries"])
            return (meeting.date, meeting.name.upper()) in named or any(
                (meeting.date + timedelta(days=shift), countries) in reported for shift in (-1, 0, 1))

        kept = self._load_meetings(meetings, set(stored_ids), could_match)
        self._load_deletions(kept, stored_ids)

    def _load_meetings(self, meetings: list[Meeting], stored_sources: set[int], could_match) -> list[int]:
        """Of the candidate meetings, those of the batch's stored sources and those a meeting of the batch could match,
        with their facts (the others' facts are not read: the batch leaves them alone). Returns their ids."""
        ids = [m.pk for m in meetings]
        links = {m.pk: defaultdict(dict) for m in meetings}
        if ids:
            for pk, meeting_id, code in Meeting.countries.through.objects.filter(meeting_id__in=ids).values_list(
                    "pk", "meeting_id", "country_id"):
                links[meeting_id]["countries"][code] = pk
            for pk, meeting_id, source_id in Meeting.sources.through.objects.filter(meeting_id__in=ids).values_list(
                    "pk", "meeting_id", "source_id"):
                links[meeting_id]["sources"][source_id] = pk
        for meeting in meetings:
            _init_links(meeting, LINKS[Meeting], links[meeting.pk])
        meetings = [m for m in meetings if stored_sources & m._links["sources"] or could_match(m)]
        for meeting in meetings:
            state = MeetingState(meeting, stored=True)
            state.tallied = (year_of(meeting.date), meeting.format, frozenset(meeting._links["countries"]))
            self.states[meeting.pk] = state
            for source_id in meeting._links["sources"]:
                self.source_meetings[source_id].add(meeting.pk)
        ids = [m.pk for m in meetings]
        if not ids:
            return ids
        for row in Participant.objects.filter(meeting_id__in=ids).select_related("official").order_by("pk"):
            _init_links(row, ())
            self.states[row.meeting_id].participants.append(row)
        for model in (Statement, Commitment):
            rows = list(model.objects.filter(meeting_id__in=ids).order_by("pk"))
            by_pk = {row.pk: row for row in rows}
            stored = {pk: defaultdict(dict) for pk in by_pk}
            for name in LINKS[model]:
                field = model._meta.get_field(name)
                owner, target = field.m2m_column_name(), field.m2m_reverse_name()
                if by_pk:
                    for pk, owner_id, target_id in field.remote_field.through.objects.filter(
                            **{f"{owner}__in": list(by_pk)}).values_list("pk", owner, target):
                        stored[owner_id][name][target_id] = pk
            for row in rows:
                _init_links(row, LINKS[model], stored[row.pk])
                self.states[row.meeting_id].add(row)
        for row in Evidence.objects.filter(meeting_id__in=ids).order_by("pk"):
            self.states[row.meeting_id].evidence.append(row)
        source_ids = {pk for state in self.states.values() for pk in state.sources}
        for state in self.states.values():
            for row in [*state.participants, *state.statements, *state.commitments]:
                source_ids.add(row.source_id)
                source_ids.update(getattr(row, "_links", {}).get("sources", ()))
        self.rank_sources(source_ids)
        return ids

    def _load_deletions(self, meeting_ids, source_ids) -> None:
        """What staff deleted of these meetings' facts or of these sources' facts (History entries "-" by a user)."""
        if not meeting_ids and not source_ids:
            return
        for model in FACTS:
            rows = model.history.filter(Q(meeting_id__in=meeting_ids) | Q(source_id__in=source_ids), history_type="-",
                                        history_user__isnull=False).order_by("history_id")
            self.deletions_by_staff[model] += list(rows.values_list("meeting_id", "source_id", NAMED[model]))

    def add_sources(self, sources: list[Source]) -> None:
        for source in sources:
            self.ranks[source.pk] = _rank(source)

    def rank_sources(self, ids) -> None:
        from ingest.changes import report_rank
        missing = [pk for pk in ids if pk is not None and pk not in self.ranks]
        if missing:
            for source in Source.objects.filter(pk__in=missing).only("published", "content_hash"):
                self.ranks[source.pk] = report_rank(source)

    def rank(self, source_id):
        if source_id not in self.ranks:
            self.rank_sources([source_id])
        return self.ranks[source_id]

    def source_text(self, source_ids) -> list[Source]:
        missing = [pk for pk in source_ids if pk not in self.texts]
        if missing:
            for source in Source.objects.filter(pk__in=missing):
                self.texts[source.pk] = source
        return [self.texts[pk] for pk in source_ids if pk in self.texts]

    def staff_deleted(self, model, meeting_id, source_id) -> list[str]:
        return [value for meeting, source, value in self.deletions_by_staff[model]
                if meeting == meeting_id or source == source_id]

    # What the batch's sources read -------------------------------------------------------------------------------

    def on_day(self, day: date) -> list[MeetingState]:
        return sorted((s for s in self.states.values() if not s.deleted and s.meeting.date == day
                       and s.meeting.date_precision == "day"), key=lambda s: meeting_order(s.meeting))

    def around(self, day: date) -> list[MeetingState]:
        """Meetings a day before or after (not on the day itself), newest first."""
        return sorted((s for s in self.states.values() if not s.deleted and s.meeting.date_precision == "day"
                       and s.meeting.date in (day - timedelta(days=1), day + timedelta(days=1))),
                      key=lambda s: meeting_order(s.meeting))

    def meetings_of(self, source_id: int) -> list[MeetingState]:
        states = [self.states[pk] for pk in self.source_meetings.get(source_id, ()) if not self.states[pk].deleted]
        return sorted(states, key=lambda s: meeting_order(s.meeting))

    def country_name(self, code: str) -> str | None:
        country = self.all_countries().get(code)
        return country.name if country is not None else None

    def all_countries(self) -> dict[str, Country]:
        """Every country by code, in the database's order of them (by name)."""
        if self.countries is None:
            self.countries = {country.code: country for country in Country.objects.all()}
        return self.countries

    def check_slugs(self, texts) -> None:
        """Which of the slugs the batch's new meetings would take first are taken already (one query)."""
        bases = {slugify(text)[:SLUG_LENGTH] or "item" for text in texts} - self.slugs_checked
        if bases:
            self.stored_slugs |= set(Meeting.objects.filter(slug__in=bases).values_list("slug", flat=True))
            self.slugs_checked |= bases

    def slug_taken(self, slug: str) -> bool:
        if slug in self.slugs_taken or slug in self.stored_slugs:
            return True
        if slug in self.slugs_checked:
            return False
        return Meeting.objects.filter(slug=slug).exists()

    def unique_slug(self, text: str) -> str:
        """models.unique_slug, with what the batch created and the slugs it checked at its start. A meeting the batch
        deletes keeps its slug taken until the batch ends (it is deleted then)."""
        base = slugify(text)[:SLUG_LENGTH] or "item"
        slug, n = base, 2
        while self.slug_taken(slug):
            slug, n = f"{base}-{n}", n + 1
        return slug

    # Writing, in memory ---------------------------------------------------------------------------------------

    def new_id(self, model) -> int:
        free = self.free_ids[model]
        if not free:
            count = max(self.expected[model], 8)
            self.expected[model] = 8
            if connection.vendor == "postgresql":
                free.extend(new_ids(model, count))
            else:   # the rows are inserted at the end of the unit: it remembers which ids it gave out
                start = self.next_id.get(model) or first_free_sqlite_id(model)
                free.extend(range(start, start + count))
                self.next_id[model] = start + count
        return free.pop(0)

    def new_meeting(self, meeting: Meeting) -> MeetingState:
        meeting.pk = self.new_id(Meeting)
        _init_links(meeting, LINKS[Meeting])
        state = MeetingState(meeting, stored=False)
        self.states[meeting.pk] = state
        self.slugs_taken.add(meeting.slug)
        self.created[Meeting].append(meeting)
        self.created_ids[Meeting].add(meeting.pk)
        return state

    def new_fact(self, obj) -> None:
        obj.pk = self.new_id(type(obj))
        _init_links(obj, LINKS[type(obj)])
        self.states[obj.meeting_id].add(obj)
        self.created[type(obj)].append(obj)
        self.created_ids[type(obj)].add(obj.pk)
        if isinstance(obj, Participant):
            self.officials_counted.add(obj.official_id)

    def changed(self, obj) -> None:
        if obj.pk not in self.created_ids[type(obj)]:
            self.dirty[type(obj)][obj.pk] = obj

    def set_links(self, obj, name: str, wanted: set) -> None:
        obj._links[name] = set(wanted)
        if isinstance(obj, Meeting) and name == "sources":
            for source_id in set(self.source_meetings):
                if source_id not in wanted:
                    self.source_meetings[source_id].discard(obj.pk)
            for source_id in wanted:
                self.source_meetings[source_id].add(obj.pk)
            state = self.states[obj.pk]
            for row in list(state.evidence):    # a meeting unlinked from a source keeps no evidence from it
                if row.source_id not in wanted:
                    self.drop_evidence(state, row)

    def record(self, obj, history_type: str, reason: str) -> None:
        """One History entry for ``obj`` as it stands now, with its many-to-many values now."""
        fields, m2m_fields = _tracked(type(obj))
        attrs = {name: getattr(obj, name) for name in fields}
        m2m = {}
        for field in m2m_fields:
            m2m[field.name] = set(obj._links[field.name])
            obj._snapshots[field.name] |= m2m[field.name]
        self.history.append((type(obj), history_type, reason, timezone.now(), attrs, m2m))

    def delete(self, obj, reason: str) -> None:
        obj._change_reason = reason
        if isinstance(obj, Meeting):
            state = self.states[obj.pk]
            state.deleted = True
            for source_id in state.sources:
                self.source_meetings[source_id].discard(obj.pk)
        else:
            self.states[obj.meeting_id].remove(obj)
        self.deleted.append((obj, reason))

    def add_evidence(self, state: MeetingState, row: Evidence) -> None:
        state.evidence.append(row)
        self.evidence_added.append(row)

    def drop_evidence(self, state: MeetingState, row: Evidence) -> None:
        state.evidence.remove(row)
        if row.pk is None:
            self.evidence_added.remove(row)
        else:
            self.evidence_removed.add(row.pk)

    # Writing, to the database ---------------------------------------------------------------------------------

    def flush(self) -> None:
        """Write what the batch changed (the writer rebuilds the search documents of the meetings it touched)."""
        deleted = {(type(obj), obj.pk) for obj, _ in self.deleted}
        officials_before = officials_of(self.states)  # the counterpart tallies' "before" (bulk writes send no signal)
        keys = {}  # the country keys of stored meetings whose countries changed (new ones are created with theirs)
        for pk, state in self.states.items():
            key = country_key(state.countries)
            if state.meeting.country_key != key:
                state.meeting.country_key = key
                if state.stored:
                    keys[pk] = key
        for model in MANAGED:
            attnames = [field.attname for field in model._meta.concrete_fields]
            insert(model, attnames, [values(obj, attnames) for obj in self.created[model]])
            dirty = [obj for pk, obj in self.dirty[model].items() if (model, pk) not in deleted]
            if dirty:
                fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
                model.objects.bulk_update(dirty, fields, batch_size=500)
            through_ids = self._flush_links(model, deleted)
            self._flush_history(model, through_ids)
        if self.evidence_removed:
            Evidence.objects.filter(pk__in=self.evidence_removed).delete()
        insert(Evidence, EVIDENCE_COLUMNS, [values(row, EVIDENCE_COLUMNS) for row in self.evidence_added])
        before = {pk: state.tallied for pk, state in self.states.items() if state.tallied is not None}
        after = {pk: (year_of(state.meeting.date), state.meeting.format, frozenset(state.countries))
                 for pk, state in self.states.items()}
        apply_tallies({pk: v for pk, v in before.items() if v != after[pk]},
                      {pk: v for pk, v in after.items() if before.get(pk) != v}, "default")
        set_country_keys(keys)
        for model in (Participant,):
            for obj in self.dirty[model].values():
                self.officials_counted |= {obj._stored_official_id, obj.official_id}
        # before the deletions, which count themselves (the participant signals, as every ORM delete does)
        apply_counterparts(pairs_change(officials_before, officials_of(self.states)))
        for obj, reason in self.deleted:
            obj._change_reason = reason
            obj.delete()
        count_meetings(self.officials_counted)

    def search_documents(self, meeting_ids) -> dict[int, search.Document | None]:
        """The search documents of these meetings as the unit leaves them (None: deleted), built from its state: what
        ``search.refresh`` would read back, without reading it."""
        countries = self.all_countries()
        titles = dict(self.texts)
        missing = {source_id for pk in meeting_ids if pk in self.states
                   for source_id in self.states[pk].sources} - set(titles)
        if missing:
            titles.update((source.pk, source) for source in Source.objects.filter(pk__in=missing)
                          .only("pk", "title", "publisher"))
        documents = {}
        for pk in sorted(meeting_ids):
            state = self.states.get(pk)
            if state is None or state.deleted:
                documents[pk] = None
                continue
            meeting = state.meeting
            documents[pk] = search.document_of(SimpleNamespace(
                pk=pk, name=meeting.name, place=meeting.place, host_country=countries.get(meeting.host_country_id),
                countries=search.Related(country for code, country in countries.items() if code in state.countries),
                participants=search.Related(
                    SimpleNamespace(official=row.official, name=row.name, country_id=row.country_id,
                                    country=countries[row.country_id]) for row in state.rows(Participant)),
                statements=search.Related(state.rows(Statement)),
                commitments=search.Related(state.rows(Commitment)),
                sources=search.Related(titles[source_id] for source_id in state.sources if source_id in titles)))
        return documents

    def _objects(self, model):
        if model is Meeting:
            return [state.meeting for state in self.states.values()]
        return [obj for state in self.states.values() for obj in getattr(state, model.__name__.lower() + "s")] + [
            obj for obj, _ in self.deleted if isinstance(obj, model)]

    def _flush_links(self, model, deleted) -> dict:
        """Add and remove the many-to-many rows; {(name, owner, target): through row id} of every row History names."""
        ids = {}
        for name in LINKS[model]:
            field = model._meta.get_field(name)
            through = field.remote_field.through
            owner, target = field.m2m_column_name(), field.m2m_reverse_name()
            adding, removing = [], []
            for obj in self._objects(model):
                stored = obj._stored_links[name]
                for target_id, pk in stored.items():
                    ids[name, obj.pk, target_id] = pk
                if (model, obj.pk) in deleted:
                    continue
                needed = (obj._links[name] | obj._snapshots[name]) - set(stored)
                adding += [(obj.pk, target_id) for target_id in sorted(needed)]
                removing += [pk for target_id, pk in stored.items() if target_id not in obj._links[name]]
                removing += [(obj.pk, target_id) for target_id in needed - obj._links[name]]
            for pk, (owner_id, target_id) in zip(new_ids(through, len(adding)), adding):
                ids[name, owner_id, target_id] = pk
            insert(through, ["id", owner, target], [(ids[name, *pair], *pair) for pair in adding])
            removed = [pk if not isinstance(pk, tuple) else ids[(name, *pk)] for pk in removing]
            if removed:
                through.objects.filter(pk__in=removed).delete()
        return ids

    def _flush_history(self, model, through_ids) -> None:
        entries = [(kind, reason, when, attrs, m2m) for m, kind, reason, when, attrs, m2m in self.history
                   if m is model]
        if not entries:
            return
        historical = model.history.model
        fields, m2m_fields = _tracked(model)
        history_ids = new_ids(historical, len(entries))
        insert(historical, [*HISTORY_COLUMNS, *fields],
               [(history_id, when, kind, None, reason, *(attrs[name] for name in fields))
                for history_id, (kind, reason, when, attrs, m2m) in zip(history_ids, entries)])
        tracked = model._tracked_history
        for field in m2m_fields:
            owner, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            insert(tracked.m2m_models[field], ["id", "history_id", owner, target],
                   [(through_ids[field.name, attrs["id"], target_id], history_id, attrs["id"], target_id)
                    for history_id, (_, _, _, attrs, m2m) in zip(history_ids, entries)
                    for target_id in sorted(m2m[field.name])])


def _rank(source):
    from ingest.changes import report_rank
    return report_rank(source)


