"""Every list page runs a bounded number of SQL queries, however many rows it shows."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.browse.builders import add_commitment, add_evidence, add_statement, make_official
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db

COUNTRIES = ["FR", "DE", "IT", "ES", "PL", "NL"]
PAGES = {  # page: most queries it may run
    "/": 9,
    "/meetings/": 7,
    "/meetings/?country=FR&country=DE&year=2015&mode=in_person&has_commitments=true&q=exercise": 8,
    "/meetings/?official={slug}": 8,
    "/meetings/?format=json": 3,
    "/meetings/?format=csv&country=FR": 4,
    "/meetings/2015/": 7,
    "/meetings/2015/03/": 7,
    "/officials/": 4,
    "/officials/?country=FR&role=minister&year=2015&name=o": 5,
    "/officials/?format=csv&country=FR": 3,
    "/officials/{slug}/": 13,  # their latest day (bounds the newest-first walks), then 12 as before
    "/countries/": 3,
    "/countries/FR/": 7,
    "/meetings/{meeting}/": 12,
    "/sources/{source}/": 10,
    "/sources/": 4,
    "/sources/?status=ok&publisher=Example+Wire&published_after=2015-01-01&ingested_before=2099-01-01"
    "&q=exercise&sort=-published": 4,
    "/sources/?format=csv&status=ok": 2,
    "/meetings/?all_countries=1&country=FR": 7,
    "/statements/": 9,
    "/statements/?speaker=FR&direct=false&country=DE&year=2015&official=martin&q=statement": 11,
    "/statements/?format=csv": 6,
    "/commitments/": 9,
    "/commitments/?party=DE&due_year=2015&status=not_checked&country=FR&official=odile&sort=due": 9,
    "/commitments/?format=json": 5,
    "/commitments/?status=open&sort=-date": 9,
    "/officials/?sort=-meetings": 4,
}


def build(count):
    """``count`` meetings of French and German ministers, each with a participant, statement and commitment."""
    minister = make_official("Odile Martin", "FR", start=date(2014, 1, 1))
    source = make_source("They agreed to a joint exercise.")
    meetings = []
    for n in range(count):
        day = date(2015, 1 + n % 12, 1 + n // 12)
        meeting = make_meeting([COUNTRIES[n % 6], COUNTRIES[(n + 1) % 6], "FR", "DE"][-3:], day, name=f"Talks {n}",
                               participants=[("Odile Martin", "FR", minister),
                                             (f"Guest {n}", COUNTRIES[(n + 2) % 6], None)])
        meeting.sources.add(source)
        add_statement(meeting, f"Statement {n}", ["FR"], source, "They agreed to a joint exercise.",
                      speakers=list(meeting.participants.all()))
        add_commitment(meeting, f"Hold a joint exercise {n}", ["FR", "DE"], source, "They agreed to a joint exercise.")
        add_evidence(meeting, source, "reported", "They agreed to a joint exercise.", "in person")
        meetings.append(meeting)
        make_source(f"Report {n} of a joint exercise.", title=f"Joint exercise, report {n}", publisher="Example Wire",
                    published=day)
    return {"slug": minister.slug, "meeting": meetings[0].slug, "source": source.pk}


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("page", PAGES)
def test_a_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, page, count):
    names = build(count)
    with django_assert_max_num_queries(PAGES[page]):
        response = client.get(page.format(**names))
        if response.streaming:
            response.getvalue()  # a streamed CSV reads the database as it is sent
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["/meetings/", "/meetings/?format=json", "/officials/", "/meetings/2015/"])
def test_a_list_pages_by_probing_for_one_more_row_instead_of_counting_them_all(client, page):
    build(30)
    with CaptureQueriesContext(connection) as queries:
        client.get(page)
    assert not [q["sql"] for q in queries.captured_queries if '"__count"' in q["sql"]]
