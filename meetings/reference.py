"""Loads the bundled reference data (meetings/data/) into the database.

Used by the data migration, so a fresh database knows every country, group,
defense office and official, and by ``manage.py load_reference_data`` after the
files grow. Loading adds and unions: names staff added in the admin are kept.
Works with the historical models a migration passes in (``apps``).

The store reads its own files and does not depend on the extractor package (which
reads the same files only for a dry run before the database is set up).
"""
import json
from datetime import date
from pathlib import Path

from django.apps import apps as global_apps
from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_reference_data(data_dir: Path = DATA_DIR) -> dict:
    """The data files as plain dicts: {"countries", "groups", "offices", "officials"}."""
    offices, officials = [], []
    for path in sorted((data_dir / "officials").glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        offices += part["offices"]
        officials += part["officials"]
    retracted = data_dir / "retracted.json"
    return {"countries": json.loads((data_dir / "countries.json").read_text(encoding="utf-8")),
            "groups": json.loads((data_dir / "groups.json").read_text(encoding="utf-8")),
            "offices": offices, "officials": officials,
            "retracted": json.loads(retracted.read_text(encoding="utf-8")) if retracted.exists() else {}}


def load_reference_data(apps=global_apps, data_dir: Path = DATA_DIR) -> dict:
    data = read_reference_data(data_dir)
    Country = apps.get_model("meetings", "Country")
    CountryGroup = apps.get_model("meetings", "CountryGroup")
    GroupMembership = apps.get_model("meetings", "GroupMembership")
    Office = apps.get_model("meetings", "Office")
    Official = apps.get_model("meetings", "Official")
    Tenure = apps.get_model("meetings", "Tenure")

    existing = {c.code: c for c in Country.objects.all()}
    for c in data["countries"]:
        country = existing.get(c["code"])
        if country is None:
            existing[c["code"]] = Country(code=c["code"], name=c["name"], aliases=list(c.get("aliases", ())),
                                          demonyms=list(c.get("demonyms", ())), places=list(c.get("places", ())))
        else:
            _union(country, aliases=c.get("aliases", ()), demonyms=c.get("demonyms", ()),
                   places=c.get("places", ()))
            country.save()
    Country.objects.bulk_create([c for c in existing.values() if c._state.adding])

    for g in data["groups"]:
        group, _ = CountryGroup.objects.get_or_create(code=g["code"], defaults={"name": g["name"]})
        _union(group, aliases=g.get("aliases", ()))
        group.save()
        for m in g["members"]:
            GroupMembership.objects.get_or_create(group=group, country_id=m["country"], start=_day(m.get("start")),
                                                  defaults={"end": _day(m.get("end"))})

    offices = {(o.country_id, o.title): o for o in Office.objects.all()}
    for o in data["offices"]:
        office = offices.get((o["country"], o["title"]))
        if office is None:
            office = offices[(o["country"], o["title"])] = Office.objects.create(country_id=o["country"],
                                                                                 title=o["title"])
        _union(office, aliases=o.get("aliases", ()))
        office.save()

    retracted = _retract(data.get("retracted", {}), Office, Official, Tenure)

    slugs = set(Official.objects.values_list("slug", flat=True))
    tenures = set(Tenure.objects.values_list("official__slug", "office_id", "start"))
    officials_added = 0
    for p in data["officials"]:
        slug = slugify(p["name"])
        official = Official.objects.filter(slug=slug).first()
        if official is None:
            if slug in slugs:
                slug = f"{slug}-{p['country'].lower()}"
            official = Official.objects.create(name=p["name"], slug=slug, country_id=p["country"],
                                               family_name=p["family_name"], aliases=list(p.get("aliases", ())),
                                               review_status="verified")
            slugs.add(slug)
            officials_added += 1
        else:
            _union(official, aliases=p.get("aliases", ()))
            official.save()
        for t in p["tenures"]:
            office = offices[(p["country"], t["title"])]
            start = _day(t.get("start"))
            if (official.slug, office.pk, start) not in tenures:
                Tenure.objects.create(official=official, office=office, start=start, end=_day(t.get("end")),
                                      acting=t.get("acting", False))
                tenures.add((official.slug, office.pk, start))
    _drop_retracted_officials(data.get("retracted", {}), Official)
    return {"countries": len(data["countries"]), "groups": len(data["groups"]), "offices": len(data["offices"]),
            "officials_added": officials_added, "tenures_retracted": retracted}


def _retract(retracted: dict, Office, Official, Tenure) -> int:
    """Undo entries earlier files shipped and later corrected (``retracted.json``), where the database still holds
    them exactly as shipped; the corrected entries are then added from the files like any other."""
    removed = 0
    for t in retracted.get("tenures", ()):
        removed += Tenure.objects.filter(
            official__name=t["official"], official__country_id=t["country"], office__country_id=t["country"],
            office__title=t["title"], start=_day(t.get("start")), end=_day(t.get("end")),
            acting=t.get("acting", False)).delete()[0]
    for entry in retracted.get("office_aliases", ()):
        for office in Office.objects.filter(country_id=entry["country"], title=entry["title"]):
            kept = [a for a in office.aliases or [] if a not in entry["aliases"]]
            if kept != list(office.aliases or []):
                office.aliases = kept
                office.save()
    return removed


def _drop_retracted_officials(retracted: dict, Official) -> None:
    """A spurious official the files once listed goes, unless the database ties anything to the record."""
    for entry in retracted.get("officials", ()):
        for official in Official.objects.filter(name=entry["name"], country_id=entry["country"]):
            if not official.tenures.exists() and not official.participations.exists():
                official.delete()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _union(obj, **lists):
    for field, values in lists.items():
        current = list(getattr(obj, field) or [])
        current += [v for v in values if v not in current]
        setattr(obj, field, current)
