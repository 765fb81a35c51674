"""Loads the bundled reference data (meetings/data/) into the database.

Used by the data migration, so a fresh database knows every country, group,
defense office and official, and by ``manage.py load_reference_data`` after the
files grow. Loading adds and unions: names staff added in the admin are kept.
Works with the historical models a migration passes in (``apps``).
"""
from pathlib import Path

from django.apps import apps as global_apps
from django.utils.text import slugify

from ingest.knowledge import DATA_DIR, KnowledgeBase


def load_reference_data(apps=global_apps, data_dir: Path = DATA_DIR) -> dict:
    kb = KnowledgeBase.from_data_files(data_dir)
    Country = apps.get_model("meetings", "Country")
    CountryGroup = apps.get_model("meetings", "CountryGroup")
    GroupMembership = apps.get_model("meetings", "GroupMembership")
    Office = apps.get_model("meetings", "Office")
    Official = apps.get_model("meetings", "Official")
    Tenure = apps.get_model("meetings", "Tenure")

    existing = {c.code: c for c in Country.objects.all()}
    for c in kb.countries:
        country = existing.get(c.code)
        if country is None:
            existing[c.code] = Country(code=c.code, name=c.name, aliases=list(c.aliases),
                                       demonyms=list(c.demonyms), places=list(c.places))
        else:
            _union(country, aliases=c.aliases, demonyms=c.demonyms, places=c.places)
            country.save()
    Country.objects.bulk_create([c for c in existing.values() if c._state.adding])

    for g in kb.groups:
        group, _ = CountryGroup.objects.get_or_create(code=g.code, defaults={"name": g.name})
        _union(group, aliases=g.aliases)
        group.save()
        for m in g.members:
            GroupMembership.objects.get_or_create(group=group, country_id=m.country, start=m.start,
                                                  defaults={"end": m.end})

    offices = {(o.country_id, o.title): o for o in Office.objects.all()}
    for o in kb.offices:
        office = offices.get((o.country, o.title))
        if office is None:
            office = offices[(o.country, o.title)] = Office.objects.create(country_id=o.country, title=o.title)
        _union(office, aliases=o.aliases)
        office.save()

    slugs = set(Official.objects.values_list("slug", flat=True))
    tenures = set(Tenure.objects.values_list("official__slug", "office_id", "start"))
    officials_added = 0
    for p in kb.officials:
        slug = slugify(p.name)
        official = Official.objects.filter(slug=slug).first()
        if official is None:
            if slug in slugs:
                slug = f"{slug}-{p.country.lower()}"
            official = Official.objects.create(name=p.name, slug=slug, country_id=p.country,
                                               family_name=p.family_name, aliases=list(p.aliases),
                                               review_status="verified")
            slugs.add(slug)
            officials_added += 1
        else:
            _union(official, aliases=p.aliases)
            official.save()
        for t in p.tenures:
            office = offices[(t.country, t.title)]
            if (official.slug, office.pk, t.start) not in tenures:
                Tenure.objects.create(official=official, office=office, start=t.start, end=t.end, acting=t.acting)
                tenures.add((official.slug, office.pk, t.start))
    return {"countries": len(kb.countries), "groups": len(kb.groups), "offices": len(kb.offices),
            "officials_added": officials_added}


def _union(obj, **lists):
    for field, values in lists.items():
        current = list(getattr(obj, field) or [])
        current += [v for v in values if v not in current]
        setattr(obj, field, current)
