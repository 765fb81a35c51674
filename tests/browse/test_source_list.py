"""/sources/: every stored article, newest stored first, filtered by status, publisher and dates; facets; exports."""
import csv
import io
from datetime import date, datetime, timezone

import pytest
from django.db import connection
from django.http import QueryDict

from meetings import views
from meetings.filters import SourceFilter
from meetings.models import Source
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db


def stored(day, hour=12):
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


@pytest.fixture
def sources(db):
    wire = make_source("Ministers met.", title="Ministers meet in Lisbon", publisher="Example Wire",
                       published=date(2019, 3, 4), url="https://wire.example.org/lisbon", file_name="",
                       ingested_at=stored(date(2024, 5, 1)))
    for name in ("Lisbon talks", "Porto talks"):
        make_meeting(["PT", "ES"], date(2019, 3, 3), name=name).sources.add(wire)
    daily = make_source("A quiet week.", title="A quiet week", publisher="Daily Example", status="no_meetings",
                        published=date(2021, 7, 9), ingested_at=stored(date(2024, 5, 3)), file_name="quiet.html")
    failed = make_source("", title="", status="failed", file_name="scan.pdf", publisher="",
                         failure_reason="The file is not UTF-8 text.", ingested_at=stored(date(2024, 5, 2)))
    second_wire = make_source("More talks.", title="Talks go on", publisher="Example Wire",
                              published=date(2020, 1, 15), ingested_at=stored(date(2024, 4, 20)))
    return {"wire": wire, "daily": daily, "failed": failed, "second_wire": second_wire}


def listed(response):
    assert response.status_code == 200, response.content.decode()[:500]
    return [source.pk for source in response.context["object_list"]]


def test_lists_every_source_newest_stored_first(client, sources):
    assert listed(client.get("/sources/")) == [sources[k].pk for k in ("daily", "failed", "wire", "second_wire")]


def test_a_row_shows_title_publisher_published_status_and_meeting_count(client, sources):
    page = client.get("/sources/").content.decode()
    row = page.split(f'href="/sources/{sources["wire"].pk}/"')[1].split("</tr>")[0]
    assert ">Ministers meet in Lisbon</a>" in row and "https://wire.example.org/lisbon" in row
    assert "Example Wire" in row and "4 Mar 2019" in row
    assert '<span class="badge badge-source-ok">ok</span>' in row
    assert '<td data-label="Meetings" class="number">2</td>' in row


def test_a_failed_source_shows_its_file_name_and_why_it_failed(client, sources):
    page = client.get("/sources/", {"status": "failed"}).content.decode()
    row = page.split(f'href="/sources/{sources["failed"].pk}/"')[1].split("</tr>")[0]
    assert ">scan.pdf</a>" in row
    assert '<span class="badge badge-source-failed">failed</span>' in row
    assert "The file is not UTF-8 text." in row
    assert '<td data-label="Meetings" class="number">0</td>' in row


@pytest.mark.parametrize("params, expected", [
    ({"status": "failed"}, ["failed"]),
    ({"status": "no_meetings"}, ["daily"]),
    ({"publisher": "Example Wire"}, ["wire", "second_wire"]),
    ({"published_after": "2020-01-01"}, ["daily", "second_wire"]),
    ({"published_before": "2020-01-15"}, ["wire", "second_wire"]),
    ({"published_after": "2019-01-01", "published_before": "2019-12-31"}, ["wire"]),
    ({"ingested_after": "2024-05-02"}, ["daily", "failed"]),
    ({"ingested_before": "2024-05-01"}, ["wire", "second_wire"]),
    ({"ingested_after": "2024-05-01", "ingested_before": "2024-05-02"}, ["failed", "wire"]),
    ({"q": "lisbon"}, ["wire"]),                      # the title, any case
    ({"q": "wire.example"}, ["wire"]),                # the address
    ({"q": "SCAN"}, ["failed"]),                      # the file name
    ({"q": "daily"}, ["daily"]),                      # the publisher
    ({"q": "example talks"}, ["second_wire"]),        # every word, each anywhere
    ({"q": "nowhere"}, []),
    ({"status": "ok", "publisher": "Example Wire", "published_after": "2020-01-01"}, ["second_wire"]),
])
def test_each_filter(client, sources, params, expected):
    assert listed(client.get("/sources/", params)) == [sources[name].pk for name in expected]


@pytest.mark.parametrize("sort, expected", [
    ("-ingested", ["daily", "failed", "wire", "second_wire"]),
    ("ingested", ["second_wire", "wire", "failed", "daily"]),
    ("-published", ["daily", "second_wire", "wire", "failed"]),  # an undated source comes last either way
    ("published", ["wire", "second_wire", "daily", "failed"]),
])
def test_sorts_by_stored_or_published(client, sources, sort, expected):
    assert listed(client.get("/sources/", {"sort": sort})) == [sources[name].pk for name in expected]


def test_facets_count_the_filtered_sources_by_status_and_publisher(client, sources):
    facets = client.get("/sources/").context["facets"]
    assert [(f.label, f.count) for f in facets["statuses"]] == [("ok", 2), ("failed", 1), ("no meetings", 1)]
    assert [(f.label, f.count) for f in facets["publishers"]] == [("Example Wire", 2), ("Daily Example", 1)]
    assert facets["publishers"][0].url == "?publisher=Example+Wire"

    facets = client.get("/sources/", {"publisher": "Example Wire", "page": "1"}).context["facets"]
    assert [(f.label, f.count) for f in facets["statuses"]] == [("ok", 2)]
    assert [(f.label, f.selected) for f in facets["publishers"]] == [("Example Wire", True)]
    assert facets["statuses"][0].url == "?publisher=Example+Wire&status=ok"


def test_the_page_shows_the_count_facets_and_chips(client, sources):
    page = client.get("/sources/", {"status": "ok"}).content.decode()
    assert "2 sources match these filters" in page
    assert '<a class="facet-label" href="?status=ok&amp;publisher=Example+Wire">Example Wire</a>' in page
    assert "Status: <strong>ok</strong>" in page and 'aria-label="Remove filter Status: ok"' in page


def test_the_publisher_choice_offers_the_publishers_present(client, sources):
    form = client.get("/sources/").context["filter"].form
    assert [value for value, _ in form.fields["publisher"].choices] == ["", "Daily Example", "Example Wire"]


@pytest.mark.parametrize("params, field", [
    ({"published_after": "2019-02-30"}, "published_after"),
    ({"published_before": "yesterday"}, "published_before"),
    ({"ingested_after": "2024-13-01"}, "ingested_after"),
    ({"ingested_before": "99999-01-01"}, "ingested_before"),
    ({"published_after": "2020-01-01", "published_before": "2019-01-01"}, "published_before"),
    ({"ingested_after": "2024-05-02", "ingested_before": "2024-05-01"}, "ingested_before"),
    ({"status": "lost"}, "status"),
    ({"publisher": "Nobody Press"}, "publisher"),
    ({"sort": "size"}, "sort"),
])
def test_an_invalid_value_is_a_400_with_the_forms_error(client, sources, params, field):
    response = client.get("/sources/", params)
    assert response.status_code == 400
    assert field in response.context["filter"].form.errors
    assert "Some filters could not be used" in response.content.decode()


@pytest.mark.parametrize("params, count", [
    ({"ingested_before": "9999-12-31"}, 4), ({"ingested_after": "0001-01-01"}, 4),
    ({"published_before": "9999-12-31"}, 3),  # not the undated one
])
def test_extreme_dates_are_answered_not_a_500(client, sources, params, count):
    assert len(listed(client.get("/sources/", params))) == count


def test_json_gives_the_filtered_sources(client, sources):
    response = client.get("/sources/", {"status": "failed", "format": "json"})
    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    failed = sources["failed"]
    assert body["results"] == [{
        "id": failed.pk, "url": f"http://testserver/sources/{failed.pk}/", "title": "", "address": "",
        "file_name": "scan.pdf", "publisher": "", "published": None, "status": "failed",
        "failure_reason": "The file is not UTF-8 text.", "meetings": 0, "ingested_at": "2024-05-02T12:00:00+00:00",
        "extractor_version": "",
    }]


def test_csv_gives_the_filtered_sources_one_row_each(client, sources):
    response = client.get("/sources/", {"publisher": "Example Wire", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sources.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [(r["title"], r["published"], r["meetings"]) for r in rows] == [
        ("Ministers meet in Lisbon", "2019-03-04", "2"), ("Talks go on", "2020-01-15", "0")]


def test_exports_are_pages_that_link_to_the_next(client, sources, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 3)
    first = client.get("/sources/", {"format": "json"})
    assert len(first.json()["results"]) == 3
    assert first.json()["next"] == "http://testserver/sources/?format=json&page=2"
    assert first["Link"] == '<http://testserver/sources/?format=json&page=2>; rel="next"'
    assert len(client.get(first.json()["next"]).json()["results"]) == 1


def test_an_export_with_an_invalid_filter_is_a_400_with_the_errors(client, sources):
    response = client.get("/sources/", {"format": "csv", "published_after": "2019-02-30"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"published_after": ["Enter a valid date."]}}
    assert client.get("/sources/", {"format": "xml"}).status_code == 400


def test_pages_probe_for_the_next(client, sources, monkeypatch):
    monkeypatch.setattr(views.SourceListView, "paginate_by", 3)
    first = client.get("/sources/")
    assert len(listed(first)) == 3 and 'rel="next" href="?page=2"' in first.content.decode()
    assert len(listed(client.get("/sources/", {"page": "2"}))) == 1
    assert client.get("/sources/", {"page": "3"}).status_code == 404


def test_the_header_and_each_source_page_link_to_the_list(client, sources):
    page = client.get(sources["wire"].get_absolute_url()).content.decode()
    assert '<a href="/sources/" aria-current="page">Sources</a>' in page
    assert 'href="/sources/">All sources</a>' in page


def test_an_empty_list_says_so(client, db):
    assert "No sources match these filters." in client.get("/sources/", {"q": "anything"}).content.decode()


# Indexes: every filter and order of the list has one.

def indexed_columns(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {tuple(info["columns"]) for info in constraints.values() if info["index"] and info["columns"]}


@pytest.mark.parametrize("columns", [("status",), ("publisher",), ("published",), ("ingested_at",),
                                     ("ingested_at", "id"), ("status", "ingested_at", "id"), ("published", "id")])
def test_each_filter_and_order_has_an_index_that_starts_with_its_column(columns):
    assert any(found[:len(columns)] == columns for found in indexed_columns("meetings_source"))


def plan(queryset, index_scans=True):
    """EXPLAIN as a large table would be planned: no table scan, no sort of the rows (an index gives the order)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_sort", "enable_incremental_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")  # a tiny test table would be scanned or sorted anyway
        if not index_scans:
            cursor.execute("SET LOCAL enable_indexscan = off")  # nor walk an order's index, filtering each row
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def filtered(params):
    query = QueryDict(mutable=True)
    query.update(params)
    return SourceFilter(query, queryset=Source.objects.order_by("-ingested_at", "-id")).qs


@pytest.mark.skipif(connection.vendor != "postgresql", reason="these indexes exist on PostgreSQL only")
def test_postgresql_finds_q_words_from_the_trigram_indexes(sources):
    found = plan(filtered({"q": "lisbon"}).order_by(), index_scans=False)
    assert all(f"Bitmap Index Scan on source_{field}_trigram" in found
               for field in ("title", "url", "file_name", "publisher")), found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="this index exists on PostgreSQL only")
def test_postgresql_lists_newest_published_first_from_its_index(sources):
    assert "Index Scan using source_newest_published" in plan(filtered({"sort": "-published"})[:50])


@pytest.mark.parametrize("params, index", [
    ({}, "source_stored_order"),
    ({"sort": "published"}, "source_published_order"),
    ({"status": "failed"}, "source_status_stored"),
])
@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN's wording is PostgreSQL's")
def test_postgresql_lists_a_page_from_an_index_in_its_order(sources, params, index):
    found = plan(filtered(params)[:50])
    assert f"Index Scan using {index}" in found and "Sort" not in found, found
