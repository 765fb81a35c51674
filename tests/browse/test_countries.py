"""/countries/ and /countries/<code>/: partners (table and chart), recent meetings, the defense office's holders."""
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_ranks_countries_by_meetings(client, world):
    countries = client.get("/countries/").context["countries"]
    assert [(c.code, c.meeting_count) for c in countries][:2] == [("US", 6), ("KR", 4)]
    assert countries[0].latest == date(2019, 6, 3)


def test_the_list_links_the_countries_without_meetings_too(client, world):
    page = client.get("/countries/").content.decode()
    assert '<a href="/countries/NZ/">New Zealand</a>' in page


@pytest.mark.parametrize("code", ["KR", "kr", "Kr"])
def test_a_country_page_takes_its_code_in_any_letter_case(client, world, code):
    response = client.get(f"/countries/{code}/")
    assert response.status_code == 200
    assert response.context["country"].code == "KR"


def test_the_page_counts_meetings_by_partner_country(client, world):
    partners = client.get("/countries/KR/").context["partners"]
    assert [(p["country__name"], p["meetings"]) for p in partners] == [("United States", 4), ("Japan", 1)]


def test_partner_counts_link_to_the_meetings_of_both_countries(client, world):
    page = client.get("/countries/KR/").content.decode()
    assert '<a href="/meetings/?country=KR&amp;country=JP" aria-label="1 meetings with Japan">1</a>' in page


def test_the_partner_chart_has_a_bar_per_partner(client, world):
    page = client.get("/countries/KR/").content.decode()
    chart = page.split('<svg class="chart chart-bars"')[1].split("</svg>")[0]
    assert chart.count("<rect") == 2
    assert "<title>United States: 4</title>" in chart


def test_the_page_lists_recent_meetings(client, world):
    recent = client.get("/countries/JP/").context["recent"]
    assert [m.title for m in recent] == ["Trilateral ministerial video call", "Japan – United States phone call"]


def test_the_page_shows_the_holders_of_the_defense_office_over_time(client, world):
    page = client.get("/countries/JP/").content.decode()
    assert f'<a href="{world.kato.get_absolute_url()}">Kenji Kato</a>' in page
    chart = page.split('<svg class="chart chart-tenures"')[1].split("</svg>")[0]
    assert "Kenji Kato, Minister of Defense: 2017–now" in chart


def test_a_country_without_meetings_has_a_page(client, db):
    response = client.get("/countries/NZ/")
    assert response.status_code == 200
    assert "No meetings with other countries recorded." in response.content.decode()
