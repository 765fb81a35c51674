"""The site in headless Chromium: an analyst's path through it, without console errors, on a desktop and a phone.

Screenshots go to tests/screenshots/; set UPDATE_DOCS_SCREENSHOT=1 to refresh docs/screenshot-meetings.png.
"""
import os
import shutil
from pathlib import Path

import pytest

from tests.browse.builders import make_varied_meetings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
DOCS_SCREENSHOT = ROOT / "docs" / "screenshot-meetings.png"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
README = {"width": 1280, "height": 1000}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture
def site(live_server):
    return live_server.url


@pytest.fixture
def browser(monkeypatch):
    """One Chromium per test, started after the test's data is written.

    While Playwright's sync API runs, this thread is in another context, where Django opens a
    second database connection: query the database in fixtures (before this one), not in tests.
    """
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """A new tab of the given size whose console errors and uncaught exceptions are collected in .errors."""
    pages = []

    def open_page(viewport=DESKTOP, javascript=True):
        page = browser.new_page(viewport=viewport, java_script_enabled=javascript)
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


def shoot(page, name, full_page=True):
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def listed_titles(page):
    return page.locator("table.data tbody th").all_inner_texts()


def test_filter_meetings_open_one_and_follow_a_participant(site, world, open_page):
    page = open_page()
    page.goto(f"{site}/meetings/")
    page.select_option("#id_country", "KR")
    page.fill("#id_date_after", "2017-01-01")
    page.fill("#id_date_before", "2018-12-31")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/meetings/?*country=KR*")
    assert listed_titles(page) == ["Trilateral ministerial video call", "Security Consultative Meeting"]
    assert page.locator("#result-count").inner_text() == "2 meetings match these filters"
    shoot(page, "1-meetings-filtered")

    page.get_by_role("link", name="Security Consultative Meeting").click()
    page.wait_for_url(f"**{world.seoul.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Security Consultative Meeting"
    page.locator("details.provenance summary").first.click()
    assert page.locator("details.provenance blockquote").first.is_visible()
    shoot(page, "2-meeting")

    page.locator("table.data").get_by_role("link", name="Robert Hale").click()
    page.wait_for_url(f"**{world.hale.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Robert Hale"
    shoot(page, "3-official")
    assert page.errors == []


def test_a_fact_links_to_its_sentence_highlighted_in_the_source(site, world, open_page):
    page = open_page()
    page.goto(f"{site}{world.seoul.get_absolute_url()}")
    page.locator("details.provenance summary").last.click()
    page.get_by_role("link", name="Show it in the article").last.click()
    page.wait_for_url("**/sources/*/#span-*")
    target = page.locator("mark:target")
    assert target.inner_text().startswith("They also pledged to review the transfer")
    shoot(page, "4-source")
    assert page.errors == []


@pytest.fixture
def lived_in(world):
    return make_varied_meetings()


def test_the_meeting_list_screenshot(site, lived_in, open_page):
    page = open_page(README)
    page.goto(f"{site}/meetings/")
    assert len(listed_titles(page)) == 25
    path = shoot(page, "meetings", full_page=False)
    if os.environ.get("UPDATE_DOCS_SCREENSHOT") or not DOCS_SCREENSHOT.exists():
        DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, DOCS_SCREENSHOT)
    assert page.errors == []


@pytest.fixture
def pages(world):
    """The addresses of the world's pages, looked up before the browser starts."""
    return {"meeting": world.seoul.get_absolute_url(), "official": world.hale.get_absolute_url(),
            "source": world.seoul.sources.get().get_absolute_url()}


@pytest.mark.parametrize("name, path", [
    ("meetings", "/meetings/?country=US"), ("meeting", "{meeting}"), ("official", "{official}"),
    ("country", "/countries/US/"), ("year", "/meetings/2017/"), ("source", "{source}"), ("home", "/"),
])
def test_pages_fit_a_phone_screen_without_sideways_scrolling(site, pages, open_page, name, path):
    page = open_page(PHONE)
    page.goto(f"{site}{path.format(**pages)}")
    shoot(page, f"phone-{name}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


def test_on_a_phone_the_filters_start_folded_so_the_results_come_first(site, world, open_page):
    page = open_page(PHONE)
    page.goto(f"{site}/meetings/")
    assert not page.locator("details.filters").evaluate("panel => panel.open")
    page.get_by_text("Filter meetings").click()
    assert page.locator("#id_q").is_visible()


def test_filtering_works_without_javascript_on_a_phone(site, world, open_page):
    page = open_page(PHONE, javascript=False)
    page.goto(f"{site}/meetings/")
    assert page.locator("details.filters").evaluate("panel => panel.open") is True
    page.select_option("#id_mode", "phone")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/meetings/?*mode=phone*")
    assert listed_titles(page) == ["Japan – United States phone call"]


def test_the_first_tab_reaches_a_visible_skip_link(site, world, open_page):
    page = open_page()
    page.goto(f"{site}/meetings/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
