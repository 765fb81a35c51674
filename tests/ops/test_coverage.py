"""/coverage/: which publishers and months the database holds, where it is thin, and how many sources failed."""
import re
from datetime import date

import pytest

from meetings.coverage import Gap, calendar_rows, gaps_in
from tests.factories import make_meeting, make_source


def source(publisher, day, status="ok"):
    return make_source(f"{publisher} {day} {status}", publisher=publisher, published=day, status=status)


@pytest.fixture
def archive(db):
    """Two publishers from January to June 2017 with nothing in March or April, one failure, one undated source."""
    source("Yonhap", date(2017, 1, 5))
    source("Yonhap", date(2017, 1, 20))
    source("Yonhap", date(2017, 2, 3), status="no_meetings")
    source("Yonhap", date(2017, 6, 30))
    source("Kyodo", date(2017, 5, 11), status="failed")
    source("", None)
    make_meeting(["KR", "US"], date(2017, 1, 6))
    make_meeting(["KR", "US"], date(2016, 12, 1))


def cells(html):
    """The calendar's month cells: (class, text) in order."""
    return re.findall(r'<td class="number month ?([a-z0-9 -]*)">(?:<a [^>]*>|<span [^>]*>)?(\d*)', html)


def test_the_page_is_in_the_navigation(client, db):
    html = client.get("/").content.decode()
    assert '<a href="/coverage/">Coverage</a>' in html
    assert '<a href="/coverage/" aria-current="page">Coverage</a>' in client.get("/coverage/").content.decode()


def test_publishers_with_their_sources_statuses_and_span(client, archive):
    response = client.get("/coverage/")
    assert response.status_code == 200
    publishers = response.context["publishers"]
    assert [row["publisher"] for row in publishers] == ["Yonhap", "", "Kyodo"]
    yonhap = publishers[0]
    assert (yonhap["sources"], yonhap["ok"], yonhap["no_meetings"], yonhap["failed"]) == (4, 3, 1, 0)
    assert (yonhap["first"], yonhap["last"]) == (date(2017, 1, 5), date(2017, 6, 30))
    assert (yonhap["months"], yonhap["span"]) == (3, 6)  # January, February, June of six months
    html = response.content.decode()
    assert '<a href="/sources/?publisher=Yonhap">Yonhap</a>' in html
    assert "No publisher recorded" in html


def test_publishers_are_busiest_first_then_by_name(client, archive):
    source("Antara", date(2017, 5, 2))
    order = [row["publisher"] for row in client.get("/coverage/").context["publishers"]]
    assert order == ["Yonhap", "", "Antara", "Kyodo"]


def test_totals_failed_and_undated_sources(client, archive):
    response = client.get("/coverage/")
    totals = response.context["totals"]
    assert (totals["sources"], totals["ok"], totals["no_meetings"], totals["failed"], totals["undated"],
            totals["publishers"]) == (6, 4, 1, 1, 1, 2)
    html = response.content.decode()
    assert "1 source failed to ingest: <a href=\"/sources/?status=failed\">see why</a>" in html
    assert "from <strong>5 January 2017</strong> to <strong>30 June 2017</strong>" in html


def test_months_without_sources_in_the_covered_span_are_gaps(client, archive):
    response = client.get("/coverage/")
    html = response.content.decode()
    rows = response.context["years"]
    assert [row.year for row in rows] == [2016, 2017]  # a meeting dated 2016 extends the calendar
    assert [cell.sources for cell in rows[1].cells] == [2, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]
    assert [cell.is_gap for cell in rows[1].cells][:6] == [False, False, True, True, False, False]
    assert not any(cell.covered for cell in rows[0].cells)  # before the first source: not covered, not a gap
    assert (rows[0].meetings, rows[1].meetings, rows[1].gaps) == (1, 1, 2)
    classes = [css for css, _ in cells(html)]
    assert classes[:12] == ["outside"] * 12
    assert classes[12:18] == ["shade-4", "shade-2", "gap", "gap", "shade-2", "shade-2"]
    assert "<li>March 2017 – April 2017 (2 months)</li>" in html
    assert "2 months in between have no source at all" in html


def test_a_month_links_to_its_sources_and_a_year_to_its_meetings(client, archive):
    html = client.get("/coverage/").content.decode()
    assert ('href="/sources/?published_after=2017-02-01&amp;published_before=2017-02-28&amp;sort=published" '
            'aria-label="February 2017: 1 source"') in html
    assert '<a href="/meetings/2017/">1</a>' in html
    february = client.get("/sources/?published_after=2017-02-01&published_before=2017-02-28&sort=published")
    assert february.status_code == 200 and len(february.context["object_list"]) == 1


def test_an_empty_database_says_so(client, db):
    response = client.get("/coverage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No source has been ingested yet." in html
    assert "coverage-calendar" not in html


def test_the_page_costs_the_same_queries_however_many_sources(client, archive, django_assert_num_queries):
    with django_assert_num_queries(5) as few:
        client.get("/coverage/")
    for month in range(1, 13):
        source(f"Publisher {month}", date(2019, month, 1))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/coverage/")


def test_gaps_join_consecutive_months_across_a_year_end():
    per_month = {date(2018, 10, 1): 3, date(2019, 3, 1): 1, date(2019, 5, 1): 2}
    rows = calendar_rows(per_month, {})
    assert gaps_in(rows) == [Gap(date(2018, 11, 1), date(2019, 2, 1)), Gap(date(2019, 4, 1), date(2019, 4, 1))]
    assert [gap.months for gap in gaps_in(rows)] == [4, 1]


def test_one_source_in_a_month_is_never_unshaded():
    rows = calendar_rows({date(2020, 1, 1): 1, date(2020, 2, 1): 400}, {})
    assert [cell.shade for cell in rows[0].cells[:2]] == [1, 4]


def test_no_sources_and_no_meetings_make_no_calendar():
    assert calendar_rows({}, {}) == []


def test_the_longest_gaps_are_listed_first(client, db):
    for day in (date(2015, 1, 1), date(2015, 3, 1), date(2015, 8, 1), date(2015, 10, 1)):
        source("Yonhap", day)
    listed = client.get("/coverage/").context["gaps"]
    assert [(gap.first, gap.months) for gap in listed] == [(date(2015, 4, 1), 4), (date(2015, 2, 1), 1),
                                                            (date(2015, 9, 1), 1)]
