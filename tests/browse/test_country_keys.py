"""Meeting.country_key: its countries' codes, sorted, joined by commas, kept equal to its countries through every
kind of write, so that a meeting's page finds the previous and next meeting of the same countries by one index
(meeting_same_countries) instead of joining the meeting-country pairs of every meeting of each country."""
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.aggregates import refresh_aggregates
from meetings.models import Meeting
from meetings.views import same_countries_neighbours
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"


def keys_match_countries():
    for meeting in Meeting.objects.prefetch_related("countries"):
        expected = ",".join(sorted(c.code for c in meeting.countries.all()))
        assert meeting.country_key == expected, (meeting.slug, meeting.country_key, expected)
    return True


@pytest.fixture
def meetings(db):
    return [make_meeting(["KR", "US"], date(2017, 10, 23)), make_meeting(["JP", "KR", "US"], date(2018, 3, 5)),
            make_meeting(["FR"], None)]


def test_a_meeting_is_keyed_by_its_sorted_countries(meetings):
    assert [m.country_key for m in Meeting.objects.order_by("pk")] == ["KR,US", "JP,KR,US", "FR"]


@pytest.mark.parametrize("write", [
    "countries.add", "countries.remove", "countries.clear", "countries.set", "stale instance saved",
    "rebuild", "fixture",
])
def test_every_write_keeps_the_key_equal_to_the_countries(meetings, write, tmp_path):
    meeting = Meeting.objects.get(pk=meetings[1].pk)

    def stale_save():
        stale = Meeting.objects.get(pk=meeting.pk)
        meeting.countries.remove("JP")
        stale.name = "Renamed"
        stale.save()  # read before the change: must not write its key back

    def fixture():
        path = tmp_path / "meetings.json"
        call_command("dumpdata", "meetings.meeting", natural_primary=True, natural_foreign=True, output=str(path))
        Meeting.objects.update(country_key="")  # sends no signal
        call_command("loaddata", str(path), verbosity=0)

    {
        "countries.add": lambda: meeting.countries.add("AU"),
        "countries.remove": lambda: meeting.countries.remove("JP"),
        "countries.clear": lambda: meeting.countries.clear(),
        "countries.set": lambda: meeting.countries.set(["AU", "KR"]),
        "stale instance saved": stale_save,
        "rebuild": lambda: (Meeting.objects.update(country_key="x"), refresh_aggregates()),
        "fixture": fixture,
    }[write]()
    assert keys_match_countries()


def test_the_neighbours_are_found_by_the_key_not_the_meeting_country_pairs(meetings):
    later = make_meeting(["US", "KR"], date(2019, 1, 1))
    make_meeting(["JP", "KR", "US"], date(2018, 6, 1))  # other countries too: not a neighbour
    meeting = Meeting.objects.prefetch_related("countries").get(pk=meetings[0].pk)
    with CaptureQueriesContext(connection) as queries:
        previous, following = same_countries_neighbours(meeting)
    assert previous is None and following == later
    assert len(queries.captured_queries) == 2
    assert not [q for q in queries.captured_queries if "meetings_meeting_countries" in q["sql"]]


def test_the_neighbours_are_read_from_the_same_countries_index(meetings):
    from tests.browse.test_list_indexes import plan

    previous = (Meeting.objects.filter(country_key="KR,US", date__isnull=False, date__lte=date(2018, 1, 1))
                .exclude(pk=meetings[0].pk).order_by("-date", "-pk")[:1])
    assert "meeting_same_countries" in plan(previous)


def test_synthesize_writes_the_keys_and_the_counterpart_tallies(db):
    """synthesize bulk-writes meetings and participants (COPY, executemany): the keys and the counterpart tallies
    it leaves are those a recount gives."""
    import io

    from meetings.aggregates import refresh_counterparts
    from meetings.models import CounterpartTally

    call_command("synthesize", "--meetings", "40", stdout=io.StringIO(), stderr=io.StringIO())
    assert keys_match_countries()
    written = sorted(CounterpartTally.objects.values_list("official_id", "counterpart_id", "meetings"))
    assert written
    refresh_counterparts()
    assert sorted(CounterpartTally.objects.values_list("official_id", "counterpart_id", "meetings")) == written
