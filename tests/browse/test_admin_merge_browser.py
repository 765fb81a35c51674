"""A superuser merges two meetings in headless Chromium: select both, choose the action, confirm, and the kept
meeting's History says what happened. Screenshots go to tests/screenshots/admin-merge-*.png."""
from datetime import date

import pytest

from meetings.models import Official, Statement
from tests.browse.test_admin_browser import PASSWORD, log_in
from tests.browse.test_browser import DESKTOP, browser, open_page, shoot  # noqa: F401 (fixtures)
from tests.factories import make_meeting, make_source

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture
def two_reports(django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    ana = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example")
    rui = Official.objects.create(name="Rui Sample", country_id="ES", family_name="Sample")
    kept = make_meeting(["ES", "PT"], date(2022, 3, 7), name="Harbour talks in Lisbon",
                        participants=[("Ana Example", "PT", ana)])
    other = make_meeting(["ES", "PT"], date(2022, 3, 8), name="Iberian harbour meeting", place="Lisbon",
                         participants=[("Ana Example", "PT", ana), ("Rui Sample", "ES", rui)])
    kept.sources.add(make_source("The first wire report.", title="First wire report"))
    other.sources.add(make_source("The second wire report.", title="Second wire report"))
    Statement.objects.create(meeting=other, text="discussed fishing quotas in the bay")
    return {"kept": kept.pk, "other": other.pk}


def test_a_superuser_merges_two_meetings_in_the_admin(live_server, two_reports, open_page):  # noqa: F811
    site = live_server.url
    page = open_page(DESKTOP)
    log_in(page, site)
    page.goto(f"{site}/admin/meetings/meeting/")
    for pk in two_reports.values():
        page.check(f"input.action-select[value='{pk}']")
    page.select_option("select[name=action]", "merge_two")
    page.get_by_role("button", name="Go", exact=True).click()

    page.wait_for_selector("text=Keep this meeting")
    assert page.locator("input[name=target]").count() == 2
    page.check(f"input[name=target][value='{two_reports['kept']}']")
    shoot(page, "admin-merge-confirmation")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.get_by_role("button", name="Yes, merge them").click()

    page.wait_for_selector(".messagelist .success")
    assert "Merged" in page.locator(".messagelist .success").inner_text()
    assert page.locator("#result_list tbody tr").count() == 1
    shoot(page, "admin-merge-done")

    page.goto(f"{site}/admin/meetings/meeting/{two_reports['kept']}/change/")
    assert page.locator("#participants-group tbody tr.has_original").count() == 2
    assert page.locator("#statements-group textarea").first.input_value() == "discussed fishing quotas in the bay"
    page.goto(f"{site}/admin/meetings/meeting/{two_reports['kept']}/history/")
    assert f"merged meeting {two_reports['other']}" in page.content()
    shoot(page, "admin-merge-history")
    assert page.errors == []
