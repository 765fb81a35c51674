"""How the ingest changes a stored record: in place, never over what staff curated, and each change in History.

Every record the ingest creates, updates or deletes gets one History entry whose reason names the ingest (the
source) and the extractor version; its author stays empty. A record whose extracted values and relations are
already those stored is not saved at all, so an identical re-ingest leaves History as it was.

Meetings and their facts are changed in the batch's unit of work (ingest/unit.py: in memory, each History entry taken
as the change is made, all written in bulk at the end of the batch); other records (a new official) are saved at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import ingest
from meetings.history import one_entry
from meetings.models import Source


@dataclass
class Run:
    """One source being written: what History says each change was made by."""

    source: Source
    unit: object = field(default=None, repr=False)

    def rank(self, source_id: int | None) -> tuple:
        """``report_rank`` of a stored source (read for the whole batch at once); a source that is gone ranks last."""
        if source_id is None:
            return (True, date.max, "")
        return self.unit.rank(source_id)

    def outranks(self, source_id: int | None) -> bool:
        """Whether this source comes before that one among the reports of a meeting."""
        return report_rank(self.source) < self.rank(source_id)

    def because(self, what: str) -> str:
        """'ingest of source 12 (extractor 3): found' (History keeps 100 characters)."""
        return f"ingest of source {self.source.pk} (extractor {ingest.EXTRACTOR_VERSION}): {what}"[:100]


def report_rank(source: Source) -> tuple:
    """Which of a meeting's reports gives the values shown (its day, place and name; a fact's sentence and
    wording): the earliest published, undated ones last, ties broken by content hash. Never the order in which
    reports arrived, so one set of sources ingested in any order, or across an interrupted run, ends the same."""
    return (source.published is None, source.published or date.min, source.content_hash)


def create(obj, reason: str, relations: dict[str, set] | None = None, unit=None):
    """Save a new record and its many-to-many values as one History entry ("Created"); in the batch's ``unit`` for a
    meeting or a fact (a meeting's is created by the writer, which gives it its state)."""
    if unit is not None:
        unit.new_fact(obj)
        for name, ids in (relations or {}).items():
            obj._links[name] = set(ids)
        unit.record(obj, "+", reason)
        return obj
    with one_entry(obj, reason, "+"):
        obj.save()
        for name, ids in (relations or {}).items():
            if ids:
                getattr(obj, name).add(*ids)
    return obj


def update(obj, reason: str, values: dict, relations: dict[str, set] | None = None, unit=None) -> bool:
    """Set the extracted ``values`` and many-to-many ``relations`` (field name to the wanted primary keys) staff
    have not curated. Saves (in the batch's ``unit`` when given), and records one History entry, only when something
    changed; says whether it did."""
    if "official_id" in values and unit is not None:
        unit.officials_counted.add(obj.official_id)
    fields_changed = obj.apply_extracted(**values)
    relations_changed = {}
    for name, wanted in (relations or {}).items():
        stored = obj._links[name] if unit is not None else set(getattr(obj, name).values_list("pk", flat=True))
        if name not in obj.curated_fields and stored != set(wanted):
            relations_changed[name] = set(wanted)
    if not fields_changed and not relations_changed:
        return False
    if unit is not None:
        if fields_changed:
            unit.changed(obj)
        for name, wanted in relations_changed.items():
            unit.set_links(obj, name, wanted)
        if "official_id" in values:
            unit.officials_counted.add(obj.official_id)
        unit.record(obj, "~", reason)
        return True
    with one_entry(obj, reason):
        if fields_changed:
            obj.save()
        for name, wanted in relations_changed.items():
            getattr(obj, name).set(wanted)
    return True


def delete(obj, reason: str, unit=None) -> None:
    if unit is not None:
        unit.delete(obj, reason)
        return
    obj._change_reason = reason
    obj.delete()
