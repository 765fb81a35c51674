"""An analyst and an editor walk the whole trust path in headless Chromium, on a live server and the real database:
find a minister from the header search and open the meeting; correct a statement and a participant in the admin;
re-ingest the same article with ``--force``; find the same records, the corrections, the speakers staff chose and an
honest History; restore the version the ingest wrote and see its text and speakers back.

The article is a few sentences written for this test. Screenshots go to tests/screenshots/walk-*.png.
"""
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from ingest import EXTRACTOR_VERSION
from meetings.models import Commitment, Meeting, Participant, Statement
from tests.browse.test_admin_browser import PASSWORD, log_in
from tests.browse.test_browser import DESKTOP, browser, open_page, shoot  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),
]

ARTICLE = """BERLIN, March 4, 2024 -- German Defence Minister Boris Pistorius met Australian Deputy Prime Minister \
and Defence Minister Richard Marles in Berlin on Monday.

Pistorius and Marles stressed the importance of freedom of navigation in the Indo-Pacific.

"Germany stands with its partners in the Pacific," Pistorius told reporters after the talks.

The two ministers agreed to hold a joint naval exercise in the Indian Ocean by October 2024.
"""
EXTRACTED_TEXT = "stressed the importance of freedom of navigation in the Indo-Pacific"
CORRECTED_TEXT = "stressed the importance of freedom of navigation and overflight in the Indo-Pacific"
CORRECTED_ROLE = "Deputy Prime Minister and Minister for Defence"


def ingest(*args):
    call_command("ingest", *map(str, args), stdout=StringIO(), stderr=StringIO())


def reingested(path):
    """``ingest --force`` of ``path``, then the ids of every record. In its own thread: in Playwright's, Django
    would open a connection it never closes (PostgreSQL could not drop the test database)."""
    done = {}

    def run():
        try:
            ingest(path, "--force")
            done["ids"] = fact_ids()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return done.get("ids")


def fact_ids():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True))
            for model in (Meeting, Participant, Statement, Commitment)}


@pytest.fixture
def article(tmp_path, django_user_model):
    """The article ingested once, and what the walk looks for (read before the browser starts)."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    path = tmp_path / "berlin-talks.txt"
    path.write_text(ARTICLE)
    ingest(path)
    meeting = Meeting.objects.get()
    statement = Statement.objects.get(text=EXTRACTED_TEXT)
    marles = Participant.objects.get(official__name="Richard Marles")
    assert sorted(s.official.name for s in statement.speakers.all()) == ["Boris Pistorius", "Richard Marles"]
    return {"path": path, "ids": fact_ids(), "meeting": meeting.get_absolute_url(), "statement": statement.pk,
            "marles": marles.pk, "extracted_role": marles.role, "source": meeting.sources.get().pk}


def history_rows(page):
    """The History page's entries, newest first: each row's cells as text."""
    return [row.locator("td, th").all_inner_texts() for row in page.locator("#change-history tbody tr").all()]


def reported(page):
    """The reported statements the public meeting page shows, as text."""
    return page.locator("figure.statement p.reported").all_inner_texts()


def speakers_of(page, text):
    """The speakers the public meeting page names under the statement with ``text``."""
    return (page.locator("figure.statement", has=page.get_by_text(text, exact=True))
            .locator("figcaption").inner_text())


def roles(page):
    return page.locator("#participants-heading + * td[data-label=Role], section[aria-labelledby=participants-heading] "
                        "td[data-label=Role]").all_inner_texts()


def test_find_correct_reingest_and_restore(live_server, article, open_page):  # noqa: F811
    site, statement, marles = live_server.url, article["statement"], article["marles"]
    page = open_page(DESKTOP)

    # An analyst finds the minister from the header search, by family name, and opens the meeting.
    page.goto(f"{site}/")
    page.locator("#site-search-q").press_sequentially("Marles")
    page.wait_for_selector("#site-search-suggestions option[value='Richard Marles']", state="attached")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/meetings/?q=Marles")
    page.locator("table.data tbody th a").first.click()
    page.wait_for_url(f"**{article['meeting']}")
    assert reported(page) == [EXTRACTED_TEXT]
    shoot(page, "walk-1-meeting")

    # An editor corrects the statement (its text, and one speaker out) and the participant's role.
    log_in(page, site)
    page.goto(f"{site}/admin/meetings/statement/{statement}/change/")
    page.fill("#id_text", CORRECTED_TEXT)
    page.locator(".field-speakers .select2-selection__choice", has_text="Marles") \
        .locator(".select2-selection__choice__remove").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector(".messagelist .success")
    page.goto(f"{site}/admin/meetings/participant/{marles}/change/")
    page.fill("#id_role", CORRECTED_ROLE)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector(".messagelist .success")

    # The same article is ingested again: every record keeps its id.
    assert reingested(article["path"]) == article["ids"]

    # The meeting page shows the same records, corrected, with the speakers staff chose.
    page.goto(f"{site}{article['meeting']}")
    assert reported(page) == [CORRECTED_TEXT]
    assert sorted(roles(page)) == sorted([CORRECTED_ROLE, "Federal Minister of Defence"])
    assert "Pistorius" in speakers_of(page, CORRECTED_TEXT) and "Marles" not in speakers_of(page, CORRECTED_TEXT)
    shoot(page, "walk-2-corrected")

    # History: the ingest's entry names the ingest and extractor version; the editor's correction is by the editor;
    # the forced run, which changed nothing staff had not corrected, added no entry.
    by_ingest = f"ingest of source {article['source']} (extractor {EXTRACTOR_VERSION}): found"
    for kind, pk in (("statement", statement), ("participant", marles)):
        page.goto(f"{site}/admin/meetings/{kind}/{pk}/history/")
        rows = history_rows(page)
        assert len(rows) == 2, "\n".join(" | ".join(row) for row in rows)
        assert "editor" in " ".join(rows[0]) and "Changed" in " ".join(rows[0]), rows
        assert by_ingest in " ".join(rows[1]) and "Created" in " ".join(rows[1]), rows
    shoot(page, "walk-3-history")

    # Restoring the version the ingest wrote brings back its text and both speakers.
    page.goto(f"{site}/admin/meetings/statement/{statement}/history/")
    page.locator("#change-history tbody tr").last.locator("a").first.click()
    assert page.locator("#id_text").input_value() == EXTRACTED_TEXT
    shoot(page, "walk-4-revert-form")
    page.get_by_role("button", name="Revert", exact=False).click()
    page.wait_for_selector(".messagelist .success")
    page.goto(f"{site}{article['meeting']}")
    assert reported(page) == [EXTRACTED_TEXT]
    speakers = speakers_of(page, EXTRACTED_TEXT)
    assert "Pistorius" in speakers and "Marles" in speakers, speakers
    shoot(page, "walk-5-restored")
    assert page.errors == []
