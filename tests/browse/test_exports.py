"""?format=json and ?format=csv: the filtered list; JSON in capped pages that say where the next one is, CSV streamed
whole."""
import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from meetings import streaming, views
from tests.browse.builders import make_meetings

pytestmark = pytest.mark.django_db


def test_json_gives_the_filtered_meetings(client, world):
    response = client.get("/meetings/", {"country": ["KR", "US"], "year": "2017", "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["next"] is None
    assert body["results"] == [{
        "slug": world.seoul.slug, "url": f"http://testserver/meetings/{world.seoul.slug}/",
        "title": "Security Consultative Meeting", "date": "2017-10-23", "date_precision": "day",
        "mode": "in_person", "place": "Seoul", "host_country": "KR", "countries": ["KR", "US"],
        "participants": [
            {"name": "Han Min-jun", "as_written": "Han Min-jun", "country": "KR", "official": world.han.slug},
            {"name": "Robert Hale", "as_written": "Robert Hale", "country": "US", "official": world.hale.slug}],
        "statements": 2, "commitments": 2, "review_status": "needs_review",
    }]


def test_json_uses_the_same_order_as_the_page(client, world):
    body = client.get("/meetings/", {"format": "json", "sort": "date"}).json()
    assert [r["title"] for r in body["results"]][:1] == ["Alliance talks in Washington"]


def test_csv_gives_the_filtered_meetings_one_row_each(client, world):
    response = client.get("/meetings/", {"mode": "phone", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="meetings.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [(r["title"], r["countries"], r["mode"]) for r in rows] == [
        ("Japan – United States phone call", "JP US", "phone")]


def test_exports_are_capped_pages_that_link_to_the_next(client, db, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 20)
    make_meetings(30)
    first = client.get("/meetings/", {"format": "json", "country": "FR"})
    assert len(first.json()["results"]) == 20
    assert first.json()["next"] == "http://testserver/meetings/?format=json&country=FR&page=2"
    assert first["Link"] == '<http://testserver/meetings/?format=json&country=FR&page=2>; rel="next"'
    second = client.get(first.json()["next"])
    assert len(second.json()["results"]) == 10 and second.json()["next"] is None


def test_csv_is_every_row_in_one_streamed_download(client, db, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 20)
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 7)
    make_meetings(30)
    response = client.get("/meetings/", {"format": "csv"})
    assert isinstance(response, StreamingHttpResponse) and not response.has_header("Link")
    pieces = list(response.streaming_content)
    assert len(pieces) == 5  # 30 rows in pieces of 7, and the last
    rows = list(csv.DictReader(io.StringIO(b"".join(pieces).decode())))
    assert [row["title"] for row in rows] == [f"Talks {n}" for n in reversed(range(30))]


@pytest.mark.parametrize("page", ["/meetings/?format=csv", "/statements/?format=csv", "/commitments/?format=csv",
                                  "/sources/?format=csv"])
def test_a_streamed_csv_reads_the_database_a_chunk_at_a_time(client, world, page, monkeypatch):
    """Each chunk of rows costs the same few queries (the rows, then each prefetch): bounded per chunk."""
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 2)
    make_meetings(6)
    with CaptureQueriesContext(connection) as queries:
        rows = list(csv.DictReader(io.StringIO(client.get(page).getvalue().decode())))
    chunks = -(-len(rows) // 2)
    assert rows and len(queries) <= 6 * chunks + 1


def test_invalid_filters_in_an_export_are_a_400_with_the_errors(client, world):
    response = client.get("/meetings/", {"format": "json", "mode": "fax"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"mode": ["Select a valid choice. fax is not one of the available choices."]}}


def test_the_list_page_links_to_its_exports(client, world):
    page = client.get("/meetings/", {"country": "KR", "page": "1"}).content.decode()
    assert 'href="?country=KR&amp;format=json"' in page
    assert 'href="?country=KR&amp;format=csv"' in page


def test_the_officials_list_exports_its_rows_as_json_and_csv(client, world):
    body = client.get("/officials/", {"country": "JP", "name": "kato", "format": "json"}).json()
    assert [(r["name"], r["country"], r["meetings"], [o["office"] for o in r["offices"]]) for r in body["results"]] == [
        ("Kenji Kato", "JP", 2, ["Minister of Defense"])]
    response = client.get("/officials/", {"name": "Robert Hale", "format": "csv"})
    assert 'filename="officials.csv"' in response["Content-Disposition"]
    [row] = csv.DictReader(io.StringIO(response.getvalue().decode()))
    assert (row["name"], row["meetings"], row["offices"]) == ("Robert Hale", "4",
                                                              "Secretary of Defense (2015-01-20–2019-01-01)")
    page = client.get("/officials/", {"country": "JP"}).content.decode()
    assert 'href="?country=JP&amp;format=csv"' in page
    assert client.get("/officials/", {"format": "csv", "year": "0"}).status_code == 400
