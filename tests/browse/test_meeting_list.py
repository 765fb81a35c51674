"""/meetings/: every filter, sorting, facets that follow the filters, and pages found by a probe."""
from datetime import date

import pytest

from meetings.models import Meeting
from tests.browse.builders import add_commitment, make_meetings, titles
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
URL = "/meetings/"


def test_lists_meetings_newest_first(client, world):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response)[:2] == ["Defense talks in Sydney", "Alliance talks in Busan"]
    assert titles(response)[-1] == "Alliance talks in Washington"


def test_sort_by_date_lists_oldest_first(client, world):
    assert titles(client.get(URL, {"sort": "date"}))[0] == "Alliance talks in Washington"


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_undated_meetings_come_last_in_either_order(client, world, sort):
    make_meeting(["FR", "DE"], day=None, name="Undated talks")
    assert titles(client.get(URL, {"sort": sort}))[-1] == "Undated talks"


def test_filters_by_date_range(client, world):
    response = client.get(URL, {"date_after": "2017-10-01", "date_before": "2018-12-31"})
    assert titles(response) == ["Trilateral ministerial video call", "Japan – United States phone call",
                                "Security Consultative Meeting"]


def test_filters_by_year(client, world):
    assert titles(client.get(URL, {"year": "2019"})) == ["Defense talks in Sydney", "Alliance talks in Busan"]


def test_several_countries_mean_meetings_with_all_of_them(client, world):
    response = client.get(URL, {"country": ["JP", "KR"]})
    assert titles(response) == ["Trilateral ministerial video call"]


def test_country_codes_are_read_in_any_letter_case(client, world):
    assert titles(client.get(URL, {"country": "au"})) == ["Defense talks in Sydney"]


def test_an_empty_country_choice_is_ignored(client, world):
    assert titles(client.get(URL, {"country": ["AU", ""]})) == ["Defense talks in Sydney"]


def test_filters_by_mode(client, world):
    assert titles(client.get(URL, {"mode": "phone"})) == ["Japan – United States phone call"]


def test_filters_by_official(client, world):
    response = client.get(URL, {"official": world.kato.slug})
    assert titles(response) == ["Trilateral ministerial video call", "Japan – United States phone call"]


def test_filters_meetings_with_commitments(client, world):
    assert titles(client.get(URL, {"has_commitments": "true"})) == ["Security Consultative Meeting"]


def test_filters_meetings_without_commitments(client, world):
    assert "Security Consultative Meeting" not in titles(client.get(URL, {"has_commitments": "false"}))
    assert len(titles(client.get(URL, {"has_commitments": "0"}))) == 5


def test_search_finds_words_in_meeting_names(client, world):
    assert titles(client.get(URL, {"q": "trilateral"})) == ["Trilateral ministerial video call"]


def test_search_finds_words_in_statements(client, world):
    assert titles(client.get(URL, {"q": "provocation"})) == ["Security Consultative Meeting"]


def test_search_finds_words_in_commitments(client, world):
    assert titles(client.get(URL, {"q": "wartime control"})) == ["Security Consultative Meeting"]


def test_search_needs_every_word(client, world):
    assert titles(client.get(URL, {"q": "provocation Busan"})) == []


def test_search_combines_with_other_filters(client, world):
    add_commitment(world.busan, "Expand the missile defense exercise", ["KR", "US"])
    assert titles(client.get(URL, {"q": "missile", "year": "2019"})) == ["Alliance talks in Busan"]


def test_filters_and_order_are_kept_in_the_page_links(client, db):
    make_meetings(30)
    response = client.get(URL, {"country": "FR", "sort": "date"})
    assert 'href="?country=FR&amp;sort=date&amp;page=2"' in response.content.decode()


def test_pages_come_from_a_probe_for_one_more_row(client, db):
    make_meetings(30)
    first, second = client.get(URL), client.get(URL, {"page": "2"})
    assert len(titles(first)) == 25 and first.context["page_obj"].has_next
    assert len(titles(second)) == 5 and not second.context["page_obj"].has_next
    assert set(titles(first)).isdisjoint(titles(second))


@pytest.mark.parametrize("page", ["3", "0", "abc", "-1", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_not_found(client, db, page):
    make_meetings(30)
    assert client.get(URL, {"page": page}).status_code == 404


def test_the_count_shown_is_the_number_of_matching_meetings(client, world):
    response = client.get(URL, {"country": "KR"})
    assert response.context["total"] == 4
    assert "4 meetings match these filters" in response.content.decode()


def test_the_page_says_when_nothing_matches(client, world):
    response = client.get(URL, {"q": "submarine"})
    assert response.status_code == 200
    assert "No meetings match these filters." in response.content.decode()


def test_active_filters_are_listed_with_a_link_that_removes_each(client, world):
    response = client.get(URL, {"country": ["KR", "US"], "year": "2017"})
    removes = {f"{f.label}: {f.value}": f.remove_url for f in response.context["active_filters"]}
    assert removes == {"Country: South Korea": "?country=US&year=2017",
                       "Country: United States": "?country=KR&year=2017",
                       "Year: 2017": "?country=KR&country=US"}


def test_undated_meetings_are_counted_but_not_in_the_year_facet(client, world):
    make_meeting(["FR", "DE"], day=None, name="Undated talks")
    response = client.get(URL)
    assert response.context["total"] == Meeting.objects.count()
    assert sum(value.count for value in response.context["facets"]["years"]) == Meeting.objects.count() - 1


def test_the_years_facet_lists_the_latest_year_first(client, world):
    years = [value.label for value in client.get(URL).context["facets"]["years"]]
    assert years == ["2019", "2018", "2017", "2016"]


def test_the_search_box_in_the_header_asks_the_meeting_list(client, db):
    page = client.get("/").content.decode()
    assert '<form class="site-search" role="search" method="get" action="/meetings/">' in page
    assert 'name="q"' in page


def test_unnamed_meetings_are_titled_by_their_countries_and_mode(client, world):
    assert "Japan – United States phone call" in titles(client.get(URL, {"date_after": date(2017, 10, 24)}))
