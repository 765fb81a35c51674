"""In Chromium: a meeting two reports give on two days shows both days side by side, and a fact both give lists
its other report, on a desktop and a phone."""
from datetime import date

import pytest

from ingest.writer import write
from meetings.models import Meeting
from tests.browse.test_browser import CHROMIUM, DESKTOP, PHONE, browser, open_page, shoot  # noqa: F401 (fixtures)
from tests.store.test_fact_sources import ministry, wire

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture
def disputed(db):
    write(*wire(day=date(2022, 3, 7)))
    write(*ministry(day=date(2022, 3, 8)))
    return Meeting.objects.get().get_absolute_url()


@pytest.mark.parametrize("viewport, name", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_the_meeting_page_shows_each_reports_day_and_readout(live_server, disputed, open_page, viewport, name):  # noqa: F811
    page = open_page(viewport)
    page.goto(live_server.url + disputed)
    versions = page.locator("section.report-versions")
    assert versions.get_by_role("heading", name="The reports disagree").is_visible()
    text = versions.inner_text()
    assert "7 March 2022" in text and "8 March 2022" in text
    # The day of each report, and each report's readout (the ministry's alone has the arms-race warning).
    assert versions.locator('td.differs[data-label="Day"]').count() == 2
    assert versions.locator('td.differs[data-label="Readout"]').count() == 2
    assert "1 only in this report" in versions.locator("tr", has_text="Ministry release").inner_text()
    assert page.get_by_text("Also reported by").first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]
    shoot(page, f"meeting-report-versions-{name}")
    assert not page.errors
