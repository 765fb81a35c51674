"""/commitments/ and the meeting list's official filter in headless Chromium, on a desktop and a phone."""
from datetime import date

import pytest

from tests.browse.builders import add_commitment
from tests.browse.test_browser import PHONE, browser, open_page, pytestmark, shoot, site  # noqa: F401 (fixtures)


@pytest.fixture
def promises(world):
    add_commitment(world.trilateral, "Share radar tracks of missile launches", ["JP", "KR", "US"],
                   due=date(2019, 6, 1), due_precision="month", status="open", curated_fields=["status"])
    commitment = world.seoul.commitments.get(text__startswith="Review")
    commitment.due, commitment.due_precision = date(2017, 10, 28), "day"
    commitment.save()
    return world


def test_an_analyst_filters_commitments_and_finds_an_officials_meetings_by_name(site, promises, open_page):
    page = open_page()
    page.goto(f"{site}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Commitments").click()
    page.wait_for_url("**/commitments/")
    assert page.locator("#result-count").inner_text() == "3 commitments in the database"
    page.select_option("#id_status", "not_checked")
    page.select_option("#id_party", "KR")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/commitments/?*status=not_checked*")
    assert page.locator("#result-count").inner_text() == "2 commitments match these filters"
    status = page.locator("li.commitment", has_text="wartime operational control").locator(".commitment-status")
    assert status.inner_text() == "due 28 Oct 2017, status not checked"
    assert "overdue" not in page.locator("main").inner_text()
    shoot(page, "commitments-filtered")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "commitments.csv"

    page.goto(f"{site}/meetings/")
    page.fill("#id_official", "Kenji Ka")
    page.locator("#official-suggestions option").first.wait_for(state="attached")  # no eval: the CSP forbids it
    assert page.locator("#official-suggestions option").first.get_attribute("value") == "Kenji Kato"
    page.fill("#id_official", "Kenji Kato")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/meetings/?*official=Kenji+Kato*")
    assert page.locator("table.data tbody th a").all_inner_texts() == [
        "Trilateral ministerial video call", "Japan – United States phone call"]
    assert page.errors == []

    phone = open_page(PHONE)
    phone.goto(f"{site}/commitments/")
    shoot(phone, "commitments-phone")
    wide = phone.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)
                             .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)""")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wide
    assert phone.errors == []


def test_the_official_filter_works_without_javascript(site, promises, open_page):
    page = open_page(javascript=False)
    page.goto(f"{site}/meetings/")
    page.fill("#id_official", "kato")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/meetings/?*official=kato*")
    assert len(page.locator("table.data tbody tr").all()) == 2
