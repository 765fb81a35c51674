"""The data model keeps its rules in the database, not only in forms."""
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from meetings.models import Commitment, Country, Office, Official, Participant, Tenure
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db


def test_every_country_is_loaded_by_the_migration():
    assert Country.objects.count() >= 240
    assert Country.objects.get_by_natural_key("KR").name


def test_commitment_due_precision_must_match_its_date():
    meeting = make_meeting()
    Commitment.objects.create(meeting=meeting, text="hold talks", due=date(2021, 3, 1), due_precision="month")
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(meeting=meeting, text="hold talks", due=date(2021, 3, 5), due_precision="month")


def test_commitment_without_due_date_has_no_precision():
    meeting = make_meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(meeting=meeting, text="hold talks", due=None, due_precision="day")


def test_year_precision_due_date_is_january_first():
    meeting = make_meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(meeting=meeting, text="deploy", due=date(2021, 6, 1), due_precision="year")


def test_meeting_date_precision_must_match_its_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting(day=None, date_precision="day")


def test_one_participant_per_official_per_meeting():
    official = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example")
    meeting = make_meeting(countries=["PT", "ES"], participants=[("Ana Example", "PT", official)])
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(meeting=meeting, name="Minister Example", country_id="PT", official=official)


def test_unresolved_participants_are_kept_with_their_raw_name():
    meeting = make_meeting(participants=[("Gen. Unknown Person", "KR", None)])
    assert meeting.participants.get().official is None


def test_source_content_hash_is_unique():
    make_source("same text", content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_source("other text", content_hash="a" * 64)


def test_tenure_cannot_end_before_it_starts():
    office = Office.objects.create(country_id="PT", title="Minister of National Defence (test)")
    official = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.create(official=official, office=office, start=date(2020, 1, 1), end=date(2019, 1, 1))


def test_office_answers_who_held_it_on_a_date():
    office = Office.objects.create(country_id="PT", title="Minister of National Defence (test)")
    first = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example")
    second = Official.objects.create(name="Rui Sample", country_id="PT", family_name="Sample")
    Tenure.objects.create(official=first, office=office, start=date(2015, 1, 1), end=date(2019, 6, 30))
    Tenure.objects.create(official=second, office=office, start=date(2019, 7, 1))
    assert list(office.holders_on(date(2019, 6, 30))) == [first]
    assert list(office.holders_on(date(2024, 1, 1))) == [second]
    assert not office.holders_on(date(2014, 12, 31)).exists()


def test_meeting_slug_is_stable_and_unique():
    first = make_meeting(day=date(2020, 5, 4), name="Defense Talks")
    second = make_meeting(day=date(2020, 5, 4), name="Defense Talks")
    assert first.slug == "2020-05-04-defense-talks"
    assert second.slug != first.slug
    assert first.get_absolute_url().endswith(f"/meetings/{first.slug}/")


def test_official_slug_comes_from_the_name():
    official = Official.objects.create(name="Rui Sample-Test", country_id="PT", family_name="Sample-Test")
    assert official.slug == "rui-sample-test"
