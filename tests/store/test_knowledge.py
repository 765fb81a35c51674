"""The extractor knows what the database knows: staff additions improve the next ingest."""
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ingest.knowledge import KnowledgeBase
from ingest.snapshot import load_knowledge
from meetings.models import Office, Official, Participant, Tenure

pytestmark = pytest.mark.django_db

ARTICLE = ("LISBON, May 6, 2031 -- Portuguese Defence Minister Zara Quintela and Spanish Defence Minister "
           "Tomas Arregui met in Lisbon on Tuesday and agreed to hold a joint naval exercise next year.\n")


def ingest(tmp_path, text=ARTICLE):
    path = tmp_path / "article.txt"
    path.write_text(text)
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


def test_the_database_snapshot_holds_the_bundled_reference_data():
    from_db, from_files = load_knowledge(), KnowledgeBase.from_data_files()
    assert {c.code for c in from_db.countries} == {c.code for c in from_files.countries}
    assert {o.name for o in from_db.officials} == {o.name for o in from_files.officials}
    assert {g.code for g in from_db.groups} == {g.code for g in from_files.groups}


def test_an_official_staff_added_is_resolved_by_the_next_ingest(tmp_path):
    office = Office.objects.get(country_id="PT")
    added = Official.objects.create(name="Zara Quintela", country_id="PT", family_name="Quintela")
    Tenure.objects.create(official=added, office=office, start=date(2030, 1, 1))
    ingest(tmp_path)
    assert Participant.objects.get(country_id="PT").official == added


def test_an_unknown_named_minister_becomes_an_official_to_review(tmp_path):
    ingest(tmp_path)
    official = Participant.objects.get(country_id="ES").official
    assert official.name == "Tomas Arregui"
    assert official.review_status == "needs_review"


def test_an_official_the_ingest_created_is_left_out_of_the_next_snapshot_until_staff_verify_it(tmp_path):
    """What a source yields must not depend on which sources came before it (a rerun after a crash would differ)."""
    ingest(tmp_path)
    created = Official.objects.get(name="Zara Quintela")
    assert "Zara Quintela" not in {o.name for o in load_knowledge().officials}
    created.review_status = "verified"
    created.save()
    assert "Zara Quintela" in {o.name for o in load_knowledge().officials}


def test_an_alias_staff_added_resolves_a_later_mention(tmp_path):
    office = Office.objects.get(country_id="PT")
    added = Official.objects.create(name="Zara Maria Quintela", country_id="PT", family_name="Quintela",
                                    aliases=["Zara Quintela"])
    Tenure.objects.create(official=added, office=office, start=date(2030, 1, 1))
    ingest(tmp_path)
    participant = Participant.objects.get(country_id="PT")
    assert (participant.name, participant.official) == ("Zara Quintela", added)


def test_reloading_the_files_replaces_a_term_they_once_shipped_wrong():
    from meetings.reference import load_reference_data

    dk = Office.objects.get(country_id="DK")
    holder = Official.objects.get(name="Nick Hækkerup")
    Tenure.objects.filter(official=holder).delete()
    Tenure.objects.create(official=holder, office=dk, start=date(2011, 10, 3), end=date(2013, 12, 12))  # as once shipped
    load_reference_data()
    assert [(t.start, t.end) for t in holder.tenures.all()] == [(date(2011, 10, 3), date(2013, 8, 9))]


def test_reloading_keeps_a_term_staff_corrected_by_hand():
    from meetings.reference import load_reference_data

    dk = Office.objects.get(country_id="DK")
    holder = Official.objects.get(name="Nick Hækkerup")
    Tenure.objects.filter(official=holder).delete()
    Tenure.objects.create(official=holder, office=dk, start=date(2011, 10, 3), end=date(2013, 8, 10))  # staff's own date
    load_reference_data()
    assert (date(2011, 10, 3), date(2013, 8, 10)) in [(t.start, t.end) for t in holder.tenures.all()]


def test_reloading_removes_an_official_the_files_once_listed_by_mistake():
    from meetings.reference import load_reference_data

    lv = Office.objects.get(country_id="LV")
    spurious = Official.objects.create(name="Linda Mūrniece", country_id="LV", family_name="Mūrniece")
    Tenure.objects.create(official=spurious, office=lv, start=date(2006, 11, 7), end=date(2007, 12, 20))
    load_reference_data()
    assert not Official.objects.filter(name="Linda Mūrniece").exists()
