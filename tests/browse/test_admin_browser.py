"""The admin in headless Chromium as a logged-in superuser: a full meeting's change page, and the pages of its
facts, source and officials, fit a 1,280 px window without sideways scrolling.

Screenshots go to tests/screenshots/admin-*.png.
"""
from datetime import date

import pytest

from meetings.models import Commitment, Official, Participant, Statement
from tests.browse.test_browser import DESKTOP, browser, open_page, shoot  # noqa: F401 (fixtures)
from tests.factories import make_meeting, make_source

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),
]

PASSWORD = "a-long-password-1"
# A forum of nine delegations, with the long names, roles and titles real reports have.
DELEGATES = [
    ("Alexandria Konstantinopoulou-Vasilakopoulou", "GR", "Minister of National Defence and Veterans' Affairs"),
    ("Maximiliano Fernández de la Cruz Echeverría", "CL", "Minister of National Defence of the Republic"),
    ("Rakotonirina Andrianjafitrimo Ravelonarivo", "MG", "Minister of the Armed Forces"),
    ("Hamadi Ould Sidi Mohamed Ould Cheikh", "MR", "Minister of National Defence"),
    ("Mohamed Ibrahim Abdulla Rasheed Maumoon", "MV", "Minister of Defence and National Security"),
    ("Sherzod Rustamovich Mirzoyev", "TJ", "Minister of Defence"),
    ("Aliaksandr Uladzimiravich Khrapavitski", "BY", "Minister of Defence"),
    ("Suren Arsenovich Babayan-Karapetyan", "AM", "Minister of Defence"),
    ("Wang Jianguo", "CN", "Minister of National Defense"),
]


@pytest.fixture
def forum(django_user_model):
    """A meeting as the ingest leaves it, and the admin addresses of it and its records (looked up before the
    browser starts)."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    lines = [f"{name}, {role}, took part in the forum." for name, _, role in DELEGATES]
    lines.append("The ministers agreed that the defence forum of the region would meet again next year "
                 "to review the progress of their joint maritime search and rescue exercises.")
    lines.append("They stressed the importance of keeping channels of communication open between their armed "
                 "forces at every level, including regular visits by senior officers and working groups.")
    text = " ".join(lines)
    source = make_source(text, title="Defence ministers of nine countries meet foreign military delegations "
                                     "attending the eleventh regional security forum in the capital",
                         publisher="example-defence-news.example.org", published=date(2024, 9, 13),
                         url="https://example-defence-news.example.org/news/2024-09/13/"
                             "defence-ministers-of-nine-countries-meet-foreign-military-delegations-at-the-forum.html")
    officials = [Official.objects.create(name=name, family_name=name.split()[-1], country_id=country)
                 for name, country, _ in DELEGATES]
    meeting = make_meeting([country for _, country, _ in DELEGATES], date(2024, 9, 12),
                           name="Eleventh Regional Security Forum", place="Capital City", host_country_id="CN")
    meeting.sources.add(source)
    offset = 0
    for (name, country, role), official, line in zip(DELEGATES, officials, lines):
        Participant.objects.create(meeting=meeting, name=name, role=role, country_id=country, official=official,
                                   source=source, span_start=offset, span_end=offset + len(line))
        offset += len(line) + 1
    agreed, stressed = lines[-2:]
    statement = Statement.objects.create(meeting=meeting, text=stressed[len("They "):-1], source=source,
                                         span_start=text.index(stressed), span_end=text.index(stressed) + len(stressed))
    statement.speaker_countries.set([country for _, country, _ in DELEGATES])
    statement.speakers.set(meeting.participants.all())
    commitment = Commitment.objects.create(meeting=meeting, text=agreed[len("The ministers agreed that "):-1],
                                           source=source, span_start=text.index(agreed),
                                           span_end=text.index(agreed) + len(agreed))
    commitment.parties.set([country for _, country, _ in DELEGATES])
    return {
        "meeting": f"/admin/meetings/meeting/{meeting.pk}/change/",
        "participant": f"/admin/meetings/participant/{meeting.participants.first().pk}/change/",
        "statement": f"/admin/meetings/statement/{statement.pk}/change/",
        "commitment": f"/admin/meetings/commitment/{commitment.pk}/change/",
        "source": f"/admin/meetings/source/{source.pk}/change/",
        "official": f"/admin/meetings/official/{officials[0].pk}/change/",
        "meetings": "/admin/meetings/meeting/",
        "public": meeting.get_absolute_url(),
    }


def log_in(page, site):
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")


def test_the_meeting_change_page_fits_a_desktop_window(live_server, forum, open_page):  # noqa: F811
    page = open_page(DESKTOP)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{forum['meeting']}")
    assert page.locator("#participants-group tbody tr.has_original").count() == len(DELEGATES)
    assert page.locator("#participants-group input[name$=span_start]").count() == 0
    assert page.locator("#participants-group q").first.inner_text().startswith(DELEGATES[0][0])
    shoot(page, "admin-meeting")
    page.locator("#participants-group").scroll_into_view_if_needed()
    shoot(page, "admin-meeting-participants", full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    assert page.errors == []


@pytest.mark.parametrize("name", ["participant", "statement", "commitment", "source", "official", "meetings"])
def test_the_pages_of_its_records_fit_a_desktop_window(live_server, forum, open_page, name):  # noqa: F811
    page = open_page(DESKTOP)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{forum[name]}")
    shoot(page, f"admin-{name}")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    assert page.errors == []


def test_a_country_filter_applies_when_a_country_is_chosen(live_server, forum, open_page):  # noqa: F811
    page = open_page(DESKTOP)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{forum['meetings']}")
    page.select_option('details[data-filter-title="countries"] select', label="Chile")
    page.wait_for_url("**countries__code__exact=CL**")
    assert page.locator("#result_list tbody tr").count() == 1
    assert page.errors == []
