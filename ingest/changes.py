"""How the ingest changes a stored record: in place, never over what staff curated, and each change in History.

Every record the ingest creates, updates or deletes gets one History entry whose reason names the ingest (the
source) and the extractor version; its author stays empty. A record whose extracted values and relations are
already those stored is not saved at all, so an identical re-ingest leaves History as it was.
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
    _ranks: dict = field(default_factory=dict, repr=False)

    def rank(self, source_id: int | None) -> tuple:
        """``report_rank`` of a stored source (read once per run); a source that is gone ranks last."""
        if source_id is None:
            return (True, date.max, "")
        if source_id not in self._ranks:
            self._ranks[source_id] = report_rank(Source.objects.only("published", "content_hash").get(pk=source_id))
        return self._ranks[source_id]

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


def create(obj, reason: str, relations: dict[str, set] | None = None):
    """Save a new record and its many-to-many values as one History entry ("Created")."""
    with one_entry(obj, reason, "+"):
        obj.save()
        for name, ids in (relations or {}).items():
            if ids:
                getattr(obj, name).add(*ids)
    return obj


def update(obj, reason: str, values: dict, relations: dict[str, set] | None = None) -> bool:
    """Set the extracted ``values`` and many-to-many ``relations`` (field name to the wanted primary keys) staff
    have not curated. Saves, and records one History entry, only when something changed; says whether it did."""
    fields_changed = obj.apply_extracted(**values)
    relations_changed = {}
    for name, wanted in (relations or {}).items():
        if name not in obj.curated_fields and set(getattr(obj, name).values_list("pk", flat=True)) != set(wanted):
            relations_changed[name] = set(wanted)
    if not fields_changed and not relations_changed:
        return False
    with one_entry(obj, reason):
        if fields_changed:
            obj.save()
        for name, wanted in relations_changed.items():
            getattr(obj, name).set(wanted)
    return True


def delete(obj, reason: str) -> None:
    obj._change_reason = reason
    obj.delete()
