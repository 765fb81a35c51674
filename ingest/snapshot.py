"""A snapshot of the knowledge base for the extractor, read from the database.

Staff extend countries, offices, officials and their aliases in the admin; the
next ingest sees those additions because it extracts against this snapshot.
An official the ingest itself created (a name it could not resolve, "needs review") is left out until staff
verify it: a name with no term of office would change what later articles yield (a day outside "every named
official's term" is dropped), so what a source yields would depend on which sources were ingested before it,
and a run interrupted and run again would not end as an uninterrupted one.
The ingest side reads the store's models; ``meetings`` never imports ``ingest``.
"""
from django.db.models import Prefetch

from meetings.models import Country, CountryGroup, GroupMembership, Office, Official, ReviewStatus, Tenure

from .knowledge import CountryNames, Group, KnowledgeBase, Membership, Office as OfficeNames, OfficialRecord
from .knowledge import Tenure as TenureRecord


def load_knowledge() -> KnowledgeBase:
    tenures = Tenure.objects.select_related("office")
    return KnowledgeBase(
        countries=[CountryNames(c.code, c.name, tuple(c.aliases), tuple(c.demonyms), tuple(c.places))
                   for c in Country.objects.all()],
        groups=[Group(g.code, g.name, tuple(g.aliases),
                      tuple(Membership(m.country_id, m.start, m.end) for m in g.memberships.all()))
                for g in CountryGroup.objects.prefetch_related(
                    Prefetch("memberships", queryset=GroupMembership.objects.order_by("country_id")))],
        offices=[OfficeNames(o.country_id, o.title, tuple(o.aliases)) for o in Office.objects.all()],
        officials=[
            OfficialRecord(p.name, p.country_id, p.family_name, tuple(p.aliases),
                           tuple(TenureRecord(t.office.country_id, t.office.title, t.start, t.end, t.acting)
                                 for t in p.tenures.all()),
                           slug=p.slug)
            for p in Official.objects.exclude(review_status=ReviewStatus.NEEDS_REVIEW)
            .prefetch_related(Prefetch("tenures", queryset=tenures))
        ],
    )
