"""/: what the database holds, the latest meetings and a search box."""
import pytest

from meetings import views

pytestmark = pytest.mark.django_db


def test_counts_what_the_database_holds(client, world):
    counts = {label: count.value for label, count, url in client.get("/").context["counts"]}
    assert counts == {"meetings": 6, "officials who met": 3, "countries": 4, "statements": 2, "commitments": 2,
                      "sources": 1}


def test_lists_the_latest_meetings(client, world):
    latest = client.get("/").context["latest"]
    assert [m.title for m in latest][:2] == ["Defense talks in Sydney", "Alliance talks in Busan"]


def test_has_a_search_box_asking_the_meeting_list(client, db):
    page = client.get("/").content.decode()
    assert '<form class="hero-search" role="search" method="get" action="/meetings/">' in page
    assert '<label for="home-q">' in page and 'id="home-q" type="search" name="q"' in page


def test_links_to_each_year(client, world):
    page = client.get("/").content.decode()
    assert all(f'href="/meetings/{year}/"' in page for year in (2016, 2017, 2018, 2019))


def test_an_empty_database_says_how_to_fill_it(client, db):
    assert "No meetings yet" in client.get("/").content.decode()


def test_counts_stop_at_a_cap_instead_of_counting_a_whole_large_table(client, world, monkeypatch):
    monkeypatch.setattr(views, "COUNT_CAP", 1)
    counts = {label: count for label, count, url in client.get("/").context["counts"]}
    assert counts["statements"] == (1, True) and counts["sources"] == (1, False)
    assert "<strong>1+</strong> <span>statements</span>" in client.get("/").content.decode()


def test_meetings_and_countries_are_counted_exactly_from_the_tallies_whatever_the_cap(client, world, monkeypatch):
    monkeypatch.setattr(views, "COUNT_CAP", 1)
    counts = {label: count for label, count, url in client.get("/").context["counts"]}
    assert counts["meetings"] == (6, False) and counts["countries"] == (4, False)
