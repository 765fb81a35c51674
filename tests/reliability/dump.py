"""The database as rows that compare across runs: every table the ingest writes, History aside.

Rows are named by what they hold, not by their primary keys, so two databases filled by runs whose sequences
advanced differently (a rolled-back transaction on PostgreSQL, sources written in another order) compare equal
when they hold the same record. Texts are kept as SHA-256 digests: a dump of the shared corpora holds no article
text. ``python -m tests.reliability.dump`` prints the dump of the database DATABASE_URL names, and its rows' ids, as JSON.
"""
from __future__ import annotations

import hashlib
import json


def digest(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def row_ids() -> dict[str, list[int]]:
    """The primary keys of every table the dump covers: a run that changes nothing keeps them all."""
    from meetings.models import Commitment, Evidence, Meeting, Official, Participant, Source, Statement

    return {model.__name__: sorted(model.objects.values_list("pk", flat=True))
            for model in (Source, Official, Meeting, Participant, Statement, Commitment, Evidence)}


def database_dump() -> dict[str, list]:
    from meetings.models import (Commitment, Evidence, Meeting, MeetingSearch, Official, Participant, Source,
                                 Statement, Tenure)

    sources = {s.pk: s.content_hash[:16] for s in Source.objects.only("content_hash")}
    officials = {o.pk: (o.name, o.country_id) for o in Official.objects.only("name", "country_id")}
    meetings = {}
    for m in Meeting.objects.prefetch_related("countries", "sources"):
        meetings[m.pk] = (str(m.date), m.date_precision, m.format, m.name,
                          ",".join(sorted(c.code for c in m.countries.all())),
                          ",".join(sorted(sources[s.pk] for s in m.sources.all())))
    participants = {p.pk: (meetings[p.meeting_id], p.name, p.country_id)
                    for p in Participant.objects.only("meeting_id", "name", "country_id")}

    def names(ids, table):
        return sorted(map(str, (table[pk] for pk in ids)))

    dump = {
        "sources": [(sources[s.pk], s.url, s.file_name, s.title, s.publisher, str(s.published), s.content_type,
                     digest(s.raw_content), digest(s.cleaned_text), s.status, s.failure_reason, s.extractor_version)
                    for s in Source.objects.all()],
        "officials": [(o.name, o.country_id, o.family_name, o.aliases, o.review_status) for o in Official.objects.all()],
        "tenures": [(officials[t.official_id], t.office_id, str(t.start), str(t.end), t.acting)
                    for t in Tenure.objects.all()],
        "meetings": [(key, m.place, m.host_country_id, m.review_status, m.curated_fields)
                     for m in Meeting.objects.all() for key in [meetings[m.pk]]],
        "participants": [(participants[p.pk], officials.get(p.official_id), p.role, sources.get(p.source_id),
                          p.span_start, p.span_end, p.review_status, p.curated_fields)
                         for p in Participant.objects.all()],
        "statements": [(meetings[s.meeting_id], digest(s.text), s.direct, sources.get(s.source_id), s.span_start,
                        s.span_end, s.review_status, s.curated_fields,
                        names(s.sources.values_list("pk", flat=True), sources),
                        sorted(s.speaker_countries.values_list("pk", flat=True)),
                        names(s.speakers.values_list("pk", flat=True), participants))
                       for s in Statement.objects.all()],
        "commitments": [(meetings[c.meeting_id], digest(c.text), str(c.due), c.due_precision, c.status,
                         sources.get(c.source_id), c.span_start, c.span_end, c.review_status, c.curated_fields,
                         names(c.sources.values_list("pk", flat=True), sources),
                         sorted(c.parties.values_list("pk", flat=True)))
                        for c in Commitment.objects.all()],
        "evidence": [(meetings[e.meeting_id], sources[e.source_id], e.kind, e.detail, e.span_start, e.span_end)
                     for e in Evidence.objects.all()],
        "search": [(meetings[d.meeting_id], digest(d.people), digest(d.places), digest(d.texts), digest(d.titles))
                   for d in MeetingSearch.objects.all()],
    }
    return {table: sorted(json.loads(json.dumps(rows, default=str)), key=json.dumps) for table, rows in dump.items()}


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    print(json.dumps({"rows": database_dump(), "ids": row_ids()}, ensure_ascii=False))
