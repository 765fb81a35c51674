"""A search on /meetings/ ranks, marks and counts at most SEARCH_CAP of its matches, the newest (or with the oldest
first order, the oldest), found once by the date index, and says so on the page; with fewer matches it is exact. The
exports and the API give every match."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import views
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
URL = "/meetings/"
POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def maritime(db):
    """Five meetings about maritime security, January to May 2019 (the May one the best match: its name says it
    twice), and one about something else."""
    for month in range(1, 6):
        make_meeting(["KR", "US"] if month % 2 else ["JP", "US"], date(2019, month, 10),
                     name="Maritime talks on maritime security" if month == 5 else f"Maritime talks {month}")
    make_meeting(["KR", "US"], date(2019, 6, 10), name="Cyber talks")


def names(response):
    return [meeting.name for meeting in response.context["object_list"]]


def test_more_matches_than_the_cap_rank_the_newest_and_say_so(client, maritime, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CAP", 3)
    response = client.get(URL, {"q": "maritime"})
    assert names(response) == ["Maritime talks on maritime security", "Maritime talks 4", "Maritime talks 3"]
    assert response.context["search_capped"]
    page = response.content.decode()
    assert "More than 3 meetings match these filters: showing the best of the 3 newest, best match first; the " \
           "counts beside count those 3." in page
    facets = response.context["facets"]
    assert sum(f.count for f in facets["modes"]) == 3
    assert {f.label: f.count for f in facets["countries"]} == {"United States": 3, "South Korea": 2, "Japan": 1}


def test_the_oldest_first_order_takes_the_oldest_matches(client, maritime, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CAP", 3)
    response = client.get(URL, {"q": "maritime", "sort": "date"})
    assert names(response) == ["Maritime talks 1", "Maritime talks 2", "Maritime talks 3"]
    assert "showing the 3 oldest, oldest first" in response.content.decode()


def test_as_many_matches_as_the_cap_are_all_ranked_and_counted(client, maritime, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CAP", 5)
    response = client.get(URL, {"q": "maritime"})
    assert len(names(response)) == 5 and names(response)[0] == "Maritime talks on maritime security"
    assert not response.context["search_capped"]
    assert "5 meetings match these filters" in response.content.decode()


def test_the_exports_give_every_match(client, maritime, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CAP", 3)
    assert len(client.get(URL, {"q": "maritime", "format": "json"}).json()["results"]) == 5
    assert len(client.get("/api/meetings/", {"q": "maritime"}).json()["results"]) == 5


def test_the_cap_applies_after_the_other_filters(client, maritime, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CAP", 2)
    response = client.get(URL, {"q": "maritime", "country": "JP"})
    assert names(response) == ["Maritime talks 4", "Maritime talks 2"]
    assert not response.context["search_capped"]


def test_the_rows_and_facets_read_the_capped_matches_by_id(client, maritime, monkeypatch):
    """One query finds the matches (ids, in date order); the ranking and the facets read those ids, not the search
    again, so their cost is bounded by the cap however many meetings match."""
    monkeypatch.setattr(views, "SEARCH_CAP", 3)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"q": "maritime"})
    match = "@@" if POSTGRESQL else " MATCH "
    finding = [q["sql"] for q in queries.captured_queries
               if match in q["sql"] and "ts_rank" not in q["sql"] and "bm25" not in q["sql"]]
    assert len(finding) == 1 and "LIMIT 4" in finding[0], finding
    facets = [q["sql"] for q in queries.captured_queries if "matched" in q["sql"]]
    assert len(facets) == 1 and match not in facets[0]
