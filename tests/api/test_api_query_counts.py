"""Every API list runs a bounded number of SQL queries, however many rows a page holds."""
import pytest

from tests.browse.test_query_counts import build

pytestmark = pytest.mark.django_db

PAGES = {  # page: most queries it may run
    "/api/meetings/": 4,
    "/api/meetings/?country=FR&year=2015&mode=in_person&has_commitments=true&q=exercise&official=martin": 4,
    "/api/meetings/{meeting}/": 11,
    "/api/officials/": 2,
    "/api/officials/?country=FR&role=minister&year=2015&name=o&sort=name": 2,
    "/api/countries/": 1,
    "/api/statements/": 4,
    "/api/statements/?speaker=FR&direct=false&country=DE&year=2015&official=martin&q=statement": 4,
    "/api/commitments/": 3,
    "/api/commitments/?party=DE&due_year=2015&status=not_checked&sort=due": 3,
    "/api/sources/": 2,
    "/api/sources/?status=ok&publisher=Example+Wire&sort=-published": 2,
    "/api/events/": 3,
    "/api/events/?format=csv": 3,
    "/api/pair-years/": 3,
    "/api/pair-years/?format=csv&country=FR": 4,
}


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("page", PAGES)
def test_an_api_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, page, count):
    names = build(count)
    with django_assert_max_num_queries(PAGES[page]):
        response = client.get(page.format(**names), {"limit": 500} if "format=csv" not in page else {})
        if response.streaming:
            response.getvalue()
    assert response.status_code == 200
