"""`manage.py synthesize --meetings N`: generated meetings in bulk, shaped and skewed like real data, with every row
and derived value an ingest would leave, refused on a database that holds real sources."""
import io
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from meetings import search
from meetings.models import (
    Evidence, Meeting, MeetingSearch, Official, Participant, Source, Statement, rows_naming,
)
from meetings.synthetic import GENERATED_SLUG, LEADING, SYNTHETIC_URL, YEARS

pytestmark = pytest.mark.django_db


def synthesize(count, *options):
    call_command("synthesize", "--meetings", str(count), *options, stdout=io.StringIO(), stderr=io.StringIO())


def test_adds_the_meetings_asked_for_each_with_two_to_twelve_participants_and_a_source():
    synthesize(150)
    meetings = Meeting.objects.annotate(people=Count("participants", distinct=True),
                                        countries_n=Count("countries", distinct=True),
                                        reports=Count("sources", distinct=True),
                                        said=Count("statements", distinct=True))
    assert meetings.count() == 150
    assert all(2 <= m.people <= 12 and m.people == m.countries_n for m in meetings)
    assert all(1 <= m.reports <= 3 and m.said >= 1 for m in meetings)
    assert not Source.objects.exclude(url__startswith=SYNTHETIC_URL).exists()


def test_a_few_leading_countries_are_in_most_meetings():
    synthesize(400)
    pairs = Meeting.countries.through.objects.values_list("meeting_id", "country_id")
    with_leading = {meeting for meeting, country in pairs if country in LEADING}
    assert len(with_leading) > 0.6 * 400
    assert Counter(country for _, country in pairs).most_common(1)[0][0] == "US"


def test_dates_span_the_years_with_more_recent_meetings():
    synthesize(400)
    days = list(Meeting.objects.values_list("date", flat=True))
    middle = date.today() - timedelta(days=round(YEARS * 365.25 / 2))
    assert min(days) >= date.today() - timedelta(days=round(YEARS * 365.25) + 1)
    assert sum(day >= middle for day in days) > sum(day < middle for day in days)


def test_refuses_a_database_with_real_sources_unless_forced():
    Source.objects.create(url="https://www.defense.gov/News/1", content_hash="a" * 64, status="ok")
    with pytest.raises(CommandError, match="1 real source"):
        synthesize(10)
    assert not Meeting.objects.exists()
    synthesize(10, "--force")
    assert Meeting.objects.count() == 10


def test_refuses_a_count_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        synthesize(0)


def test_meeting_counts_equal_the_participant_rows():
    synthesize(200)
    counted = Official.objects.annotate(rows=rows_naming(Participant, "official"))
    assert counted.filter(rows__gt=0).exists()
    assert not counted.exclude(meeting_count=F("rows")).exists()


def test_search_documents_are_the_ones_the_search_refresh_builds():
    synthesize(150)
    fields = ("meeting_id", *search.PARTS, "document")
    written = set(MeetingSearch.objects.values_list(*fields))
    assert len(written) == 150
    search.refresh(Meeting.objects.values_list("pk", flat=True))
    assert set(MeetingSearch.objects.values_list(*fields)) == written


def test_the_meeting_list_search_finds_a_synthetic_meeting(client):
    synthesize(150)
    matching = Meeting.objects.filter(statements__text__contains="maritime security").distinct()
    response = client.get("/meetings/", {"q": "maritime security"})
    assert response.status_code == 200
    assert any(meeting.get_absolute_url() in response.text for meeting in matching)


def test_spans_point_into_the_source_text():
    synthesize(50)
    for participant in Participant.objects.select_related("source", "official"):
        assert participant.official.name in participant.source_sentence
    for statement in Statement.objects.select_related("source").filter(direct=False):
        assert statement.text in statement.source_sentence
    for item in Evidence.objects.filter(kind="placed").select_related("source"):
        assert item.detail in item.source.cleaned_text[item.span_start:item.span_end]


def test_generated_officials_are_named_as_such_and_hold_an_office():
    synthesize(300)
    generated = Official.objects.filter(slug__startswith=GENERATED_SLUG)
    assert generated.exists()
    assert not generated.filter(tenures__isnull=True).exists()


def test_a_second_run_adds_more_without_clashes_and_the_orm_writes_after_it():
    synthesize(100)
    synthesize(100, "--seed", "0")
    assert Meeting.objects.count() == 200
    assert Source.objects.values("content_hash").distinct().count() == Source.objects.count()
    official = Official.objects.create(name="Written After", country_id="US", family_name="After")
    meeting = Meeting.objects.create(date=date(2020, 1, 2), date_precision="day")
    Participant.objects.create(meeting=meeting, official=official, name=official.name, country_id="US")
    official.refresh_from_db()
    assert official.meeting_count == 1


def test_the_pages_of_a_synthetic_meeting_and_its_busiest_official_answer(client):
    synthesize(100)
    meeting = Meeting.objects.order_by("pk").first()
    official = Official.objects.order_by("-meeting_count").first()
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(official.get_absolute_url()).status_code == 200
    assert client.get(f"/sources/{meeting.sources.first().pk}/").status_code == 200


def test_the_facet_tallies_count_the_generated_meetings():
    from meetings import aggregates

    synthesize(120)
    pairs = Meeting.countries.through.objects.values_list("country_id", flat=True)
    assert aggregates.meeting_total() == 120
    assert aggregates.partner_counts() == dict(Counter(pairs))
