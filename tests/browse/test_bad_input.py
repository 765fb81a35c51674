"""Bad input is answered 400 with the form's errors, unknown things 404; nothing is ever a 500.

The test client re-raises any exception a view lets escape, so a 500 fails these tests loudly.
"""
import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query, message", [
    ({"date_after": "notadate"}, "Enter a valid date."),
    ({"date_before": "2020-13-45"}, "Enter a valid date."),
    ({"year": "abc"}, "Enter a whole number."),
    ({"year": "99999"}, "Ensure this value is less than or equal to 9999."),
    ({"country": "ZZ"}, "Select a valid choice. ZZ is not one of the available choices."),
    ({"country": ["KR", "ZZ"]}, "ZZ is not one of the available choices."),
    ({"mode": "fax"}, "Select a valid choice. fax is not one of the available choices."),
    ({"official": "x" * 201}, "Ensure this value has at most 200 characters (it has 201)."),
    ({"has_commitments": "maybe"}, "Select a valid choice. maybe is not one of the available choices."),
    ({"sort": "price"}, "Select a valid choice. price is not one of the available choices."),
    ({"q": "x" * 201}, "Ensure this value has at most 200 characters (it has 201)."),
    ({"date_after": "2020-01-02", "date_before": "2020-01-01"}, "The end date is before the start date."),
])
def test_an_invalid_meeting_filter_is_a_400_that_shows_the_error(client, world, query, message):
    response = client.get("/meetings/", query)
    assert response.status_code == 400
    assert "Some filters could not be used" in response.content.decode()
    assert message in response.content.decode().replace("&quot;", '"')


def test_the_invalid_field_is_marked_for_assistive_technology(client, world):
    page = client.get("/meetings/", {"year": "abc"}).content.decode()
    assert 'aria-invalid="true"' in page
    assert 'id="id_year_error"' in page


def test_a_rejected_filter_shows_no_results(client, world):
    response = client.get("/meetings/", {"mode": "fax", "country": "KR"})
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize("query", [{"year": "1800x"}, {"country": "ZZ"}, {"role": "x" * 201}, {"sort": "age"}])
def test_an_invalid_official_filter_is_a_400_that_shows_the_error(client, world, query):
    response = client.get("/officials/", query)
    assert response.status_code == 400
    assert "Some filters could not be used" in response.content.decode()


@pytest.mark.parametrize("url", [
    "/meetings/no-such-meeting/",
    "/officials/no-such-official/",
    "/countries/zz/",
    "/countries/usa/",
    "/sources/999999/",
    "/sources/99999999999999999999/",
    "/meetings/1850/",
    "/meetings/2017/13/",
    "/meetings/2017/00/",
    "/meetings/2017/1/",
    "/meetings/2012/05/",
    "/no/such/page/",
])
def test_unknown_pages_are_not_found(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("query", [
    "q=%00", "country=%00", "official=%00", "year=%00", "date_after=%00", "mode=%00",
    "q=a+%26+%7C+!+%3A*+(+)", "q=%22unbalanced", "q=-", "q=or", "q=%E2%80%94%F0%9F%98%80",
    "date_after=0000-00-00", "date_after=9999-12-31", "year=0", "year=-5", "country=K", "country=KOR",
    "has_commitments=", "sort=", "page=1&page=2", "country=KR&country=KR", "page=%C2%B2",
])
def test_odd_queries_never_fail(client, world, query):
    for page in ("/meetings/", "/officials/"):
        assert client.get(f"{page}?{query}").status_code in (200, 400, 404)


def test_an_unknown_export_format_is_a_400(client, world):
    response = client.get("/meetings/", {"format": "xml"})
    assert response.status_code == 400
    assert "use format=json or format=csv" in response.content.decode()


def test_the_server_error_page_renders_without_a_request():
    page = render_to_string("500.html")
    assert "Something went wrong on our side" in page
