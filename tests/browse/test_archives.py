"""/meetings/<year>/ and /meetings/<year>/<month>/: meetings in date order under a month-by-month timeline."""
from datetime import date

import pytest

from tests.browse.builders import titles
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_a_year_lists_its_meetings_in_date_order(client, world):
    response = client.get("/meetings/2017/")
    assert response.status_code == 200
    assert titles(response) == ["Security Consultative Meeting", "Japan – United States phone call"]


def test_the_timeline_has_a_bar_per_month_linking_to_months_with_meetings(client, world):
    page = client.get("/meetings/2017/").content.decode()
    assert page.count('<g class="bar') == 12
    assert "<title>October 2017: 2 meetings</title>" in page
    assert "<title>March 2017: 0 meetings</title>" in page
    assert 'href="/meetings/2017/10/"' in page
    assert 'href="/meetings/2017/03/"' not in page


def test_the_year_page_links_to_the_years_before_and_after_that_have_meetings(client, world):
    page = client.get("/meetings/2018/").content.decode()
    assert 'href="/meetings/2017/"' in page and 'href="/meetings/2019/"' in page


def test_a_month_lists_only_its_meetings(client, world):
    assert titles(client.get("/meetings/2019/06/")) == ["Alliance talks in Busan", "Defense talks in Sydney"]


def test_the_month_is_highlighted_on_the_timeline(client, world):
    page = client.get("/meetings/2017/10/").content.decode()
    assert page.count('<g class="bar current">') == 1
    assert '<a href="/meetings/2017/10/" aria-current="page">' in page


def test_the_month_page_links_to_the_months_before_and_after_that_have_meetings(client, world):
    page = client.get("/meetings/2017/10/").content.decode()
    assert 'href="/meetings/2016/02/"' in page and 'href="/meetings/2018/03/"' in page


def test_meetings_known_only_by_their_year_are_in_the_year_but_no_month(client, world):
    make_meeting(["FR", "DE"], day=date(2017, 1, 1), date_precision="year", name="Sometime in 2017")
    assert "Sometime in 2017" in titles(client.get("/meetings/2017/"))
    assert client.get("/meetings/2017/01/").status_code == 404
    assert "<title>January 2017: 0 meetings</title>" in client.get("/meetings/2017/").content.decode()


def test_a_year_without_meetings_is_not_found(client, world):
    assert client.get("/meetings/2001/").status_code == 404
