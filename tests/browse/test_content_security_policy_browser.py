"""Every public page and every admin page, in headless Chromium under the site's Content-Security-Policy: nothing
the policy blocks (an inline script or style, a style attribute, a script from elsewhere) is on any of them.

Chromium reports each blocked thing as a console error naming the policy; the test lists them page by page.
"""
import pytest

from meetings.models import Country, Source
from tests.browse.builders import admin_page_paths
from tests.browse.test_admin_browser import PASSWORD, log_in
from tests.browse.test_browser import DESKTOP, browser, open_page  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture
def pages(world, django_user_model):
    """The public pages of the browsing world, and each admin model's list, add, change and history pages (looked
    up before the browser starts)."""
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    seoul = world.seoul
    public = ["/", "/meetings/", seoul.get_absolute_url(), "/meetings/2017/", "/meetings/2017/10/",
              "/statements/", "/commitments/", "/officials/", world.han.get_absolute_url(), "/countries/",
              Country.objects.get(pk="KR").get_absolute_url(), "/sources/", Source.objects.first().get_absolute_url(),
              "/coverage/", "/meetings/?q=Seoul&country=KR", "/no-such-page/"]
    return {"public": public, "staff": admin_page_paths(editor)}


def blocked(page, site, paths):
    """(path, message) for each thing the policy blocked on each page."""
    found = []
    for path in paths:
        page.errors.clear()
        page.goto(f"{site}{path}")
        page.wait_for_load_state("load")
        found += [(path, message) for message in page.errors if "Content Security Policy" in message]
    return found


def test_no_public_page_has_anything_the_policy_blocks(live_server, pages, open_page):  # noqa: F811
    page = open_page(DESKTOP)
    assert blocked(page, live_server.url, pages["public"]) == []


def test_no_admin_page_has_anything_the_policy_blocks(live_server, pages, open_page):  # noqa: F811
    page = open_page(DESKTOP)
    assert blocked(page, live_server.url, ["/admin/login/"]) == []
    log_in(page, live_server.url)
    assert len(pages["staff"]) > 40
    assert blocked(page, live_server.url, pages["staff"]) == []


def test_the_admin_date_widgets_and_actions_run_under_the_policy(live_server, pages, open_page):  # noqa: F811
    """The admin's scripts draw calendars, clocks and the action bar after the page loads."""
    page = open_page(DESKTOP)
    log_in(page, live_server.url)
    page.errors.clear()
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    page.locator(".datetimeshortcuts a").first.click()   # "Today"
    page.locator(".datetimeshortcuts a").nth(1).click()  # the calendar
    assert page.locator(".calendarbox").first.is_visible()
    page.goto(f"{live_server.url}/admin/meetings/meeting/")
    page.locator("#action-toggle").check()
    assert page.locator(".action-counter").inner_text() == "6 of 6 selected"
    assert [message for message in page.errors if "Content Security Policy" in message] == []


def test_the_api_documentation_pages_render_under_the_policy(live_server, pages, open_page):  # noqa: F811
    """Swagger UI and ReDoc draw the schema with their own scripts (served from this site): nothing blocked, and the
    operations are on the page."""
    page = open_page(DESKTOP)
    assert blocked(page, live_server.url, ["/api/docs/", "/api/redoc/"]) == []
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 10
    page.goto(f"{live_server.url}/api/redoc/")
    page.get_by_text("Meetings").first.wait_for()
