"""Meeting tallies (meetings/aggregates.py): kept equal to a recount through every kind of write, and the facets,
country pages and home page that read them give the exact counts the meetings themselves give."""
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from meetings.aggregates import refresh_aggregates
from meetings.filters import MeetingFilter, matched_counts
from meetings.models import Country, Meeting, MeetingTally
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"


def cells():
    return sorted(MeetingTally.objects.values_list("country", "partner", "year", "format", "meetings"))


def recounted():
    """The cells as refresh_aggregates computes them from the meetings (the kept ones are left as they were)."""
    kept = cells()
    refresh_aggregates()
    fresh = cells()
    MeetingTally.objects.all().delete()
    MeetingTally.objects.bulk_create(MeetingTally(country=c, partner=p, year=y, format=f, meetings=n)
                                     for c, p, y, f, n in kept)
    return fresh


@pytest.fixture
def meetings(db):
    return [make_meeting(["KR", "US"], date(2017, 10, 23)),
            make_meeting(["JP", "KR", "US"], date(2018, 3, 5), format="video"),
            make_meeting(["FR"], None),
            make_meeting(["FR", "DE"], date(2018, 1, 1), format="phone")]


def test_a_new_meeting_counts_once_in_all_its_countries_and_pairs(db):
    make_meeting(["KR", "US"], date(2017, 10, 23))
    assert cells() == [("", "", 2017, "in_person", 1), ("KR", "", 2017, "in_person", 1),
                       ("KR", "US", 2017, "in_person", 1), ("US", "", 2017, "in_person", 1),
                       ("US", "KR", 2017, "in_person", 1)]


@pytest.mark.parametrize("write", [
    "countries.add", "countries.remove", "countries.clear", "countries.set", "date", "undated", "format", "delete",
    "queryset delete", "unchanged save",
])
def test_every_write_keeps_the_tallies_equal_to_a_recount(meetings, write):
    first = Meeting.objects.get(pk=meetings[1].pk)
    {
        "countries.add": lambda: first.countries.add("AU", "US"),
        "countries.remove": lambda: first.countries.remove("JP"),
        "countries.clear": lambda: first.countries.clear(),
        "countries.set": lambda: first.countries.set(["AU", "KR"]),
        "date": lambda: (setattr(first, "date", date(2019, 2, 1)), first.save()),
        "undated": lambda: (setattr(first, "date", None), setattr(first, "date_precision", ""), first.save()),
        "format": lambda: (setattr(first, "format", "phone"), first.save()),
        "delete": lambda: first.delete(),
        "queryset delete": lambda: Meeting.objects.filter(countries="KR").delete(),
        "unchanged save": lambda: first.save(),
    }[write]()
    assert cells() == recounted()
    assert all(n > 0 for *_, n in cells())  # emptied cells go


def test_a_save_that_keeps_year_and_mode_reads_and_writes_no_tally(meetings):
    meeting = Meeting.objects.get(pk=meetings[0].pk)
    meeting.name = "Renamed"
    with CaptureQueriesContext(connection) as queries:
        meeting.save()
    assert not [q for q in queries.captured_queries  # neither the tallies nor the meeting's stored year and mode
                if "meetings_meetingtally" in q["sql"] or 'WHERE "meetings_meeting"."id" IN' in q["sql"]]


def test_bulk_writes_are_recounted_by_refresh_aggregates_and_the_command(meetings):
    Meeting.objects.filter(pk=meetings[0].pk).update(date=date(2001, 1, 1))  # sends no signal
    Meeting.countries.through.objects.bulk_create([Meeting.countries.through(meeting=meetings[2], country_id="PL")])
    assert ("", "", 2001, "in_person", 1) not in cells()
    call_command("rebuild_aggregates", stdout=open("/dev/null", "w"))
    assert ("", "", 2001, "in_person", 1) in cells() and ("FR", "PL", 0, "in_person", 1) in cells()
    assert cells() == recounted()


def facets(**params):
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    found = MeetingFilter(query, queryset=Meeting.objects.all())
    return {name: [(v.label, v.count) for v in values] for name, values in found.facets(all_countries=True).items()}


def counted(**params):
    """The facets as the meetings themselves count them (the path of filters the tallies cannot answer)."""
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    meetings = MeetingFilter(query, queryset=Meeting.objects.all()).qs
    by_country, by_year_mode = matched_counts(meetings)
    names = dict(Country.objects.values_list("code", "name"))
    years, modes = {}, {}
    for (year, mode), n in by_year_mode.items():
        if year is not None:
            years[year] = years.get(year, 0) + n
        modes[mode] = modes.get(mode, 0) + n
    return {"countries": sorted(((names[c], n) for c, n in by_country.items()), key=lambda r: (-r[1], r[0])),
            "years": [(str(y), years[y]) for y in sorted(years, reverse=True)],
            "modes": sorted(((dict(Meeting._meta.get_field("format").choices)[m], n) for m, n in modes.items()),
                            key=lambda r: (-r[1], r[0]))}


@pytest.mark.parametrize("params", [{}, {"country": "KR"}, {"country": ["US", "KR"]}, {"year": "2018"},
                                    {"country": "FR", "mode": "phone"}, {"country": ["kr", "JP"], "year": "2018"}])
def test_facets_read_from_the_tallies_equal_the_meetings_own_counts(meetings, params):
    assert facets(**params) == counted(**params)


def test_the_unfiltered_facets_count_no_meeting(meetings, client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/meetings/")
    grouped = [q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"]]
    assert grouped and all("meetings_meetingtally" in sql for sql in grouped), grouped


def test_a_search_finds_its_meetings_once_not_once_a_facet(meetings, client):
    make_meeting(["KR", "US"], date(2019, 1, 1), name="Maritime security talks")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/meetings/", {"q": "maritime"})
    assert [m.name for m in page.context["object_list"]] == ["Maritime security talks"]
    match = "@@" if POSTGRESQL else " MATCH "
    # the matches' ids (tests/browse/test_search_cap.py); the rows are ranked and all facets counted from those ids
    assert len([q for q in queries.captured_queries if match in q["sql"] and "ts_rank" not in q["sql"]
                and "bm25" not in q["sql"]]) == 1
    assert {f.label: f.count for f in page.context["facets"]["years"]} == {"2019": 1}


def test_the_years_are_counted_in_sql_not_by_a_python_function_per_row(meetings, client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/meetings/", {"official": "nobody", "year": "2018"})
    assert not any("django_date_extract" in q["sql"] for q in queries.captured_queries)


def test_the_facet_cells_are_found_by_the_tally_index(meetings):
    query = MeetingTally.objects.filter(country="KR", partner="", year=2018).values("format").order_by()
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if POSTGRESQL:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert re.search(r"Index (Only )?Scan using tally_one_per_cell", plan), plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = "\n".join(row[-1] for row in cursor.fetchall())
            # SQLite names the unique constraint's index itself
            assert re.search(r"SEARCH meetings_meetingtally USING (COVERING )?INDEX \w+ "
                             r"\(country=\? AND partner=\? AND year=\?\)", plan), plan


def test_a_country_page_reads_its_partners_and_count_from_the_tallies(meetings, client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/countries/KR/")
    assert [(p["country_id"], p["meetings"]) for p in page.context["partners"]] == [("US", 2), ("JP", 1)]
    assert page.context["meeting_count"].value == 2
    assert not any("COUNT" in q["sql"] and "meetings_meeting_countries" in q["sql"]
                   for q in queries.captured_queries)


def test_loading_the_demo_fixture_tallies_its_meetings(db):
    call_command("loaddata", "fixtures/demo.json", verbosity=0)  # raw saves, then each meeting's countries
    assert Meeting.objects.exists() and cells() == recounted()
