"""A full meeting's admin change page and its public page at a phone's width (390 px) and a desktop's (1,280 px):
the page never scrolls sideways. Screenshots go to tests/screenshots/width-*.png."""
import pytest

from tests.browse.test_admin_browser import forum, log_in  # noqa: F401 (fixture)
from tests.browse.test_browser import DESKTOP, PHONE, browser, open_page, shoot  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),
]


def overflow(page):
    """How far the page reaches past the window's right edge, and the widest elements that do (to say why)."""
    return page.evaluate("""() => {
        const width = window.innerWidth;
        const wide = [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
            .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`
                       + ` ${Math.round(el.getBoundingClientRect().right)}`);
        return {excess: document.documentElement.scrollWidth - width, wide: wide.slice(0, 12)};
    }""")


@pytest.mark.parametrize("viewport, size", [(PHONE, "phone"), (DESKTOP, "desktop")])
@pytest.mark.parametrize("name", ["admin", "public"])
def test_a_meeting_page_fits_the_window(live_server, forum, open_page, viewport, size, name):  # noqa: F811
    page = open_page(viewport)
    if name == "admin":
        log_in(page, live_server.url)
    page.goto(f"{live_server.url}{forum['meeting' if name == 'admin' else 'public']}")
    shoot(page, f"width-{name}-meeting-{size}")
    found = overflow(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), found
    if name == "admin":  # no column of the participants' table out of sight in a box scrolled sideways
        cells = page.locator("#participants-group tr.has_original td:not(.original)")
        assert cells.count() == 9 * 6
        assert page.evaluate("""() => [...document.querySelectorAll('#participants-group tr.has_original td')]
            .every(cell => cell.getBoundingClientRect().right <= window.innerWidth)""")
    assert page.errors == []
