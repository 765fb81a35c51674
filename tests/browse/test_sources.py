"""/sources/<id>/: a stored article, its text with each fact's sentence marked, and what came from it."""
import pytest
from django.utils.html import escape

from meetings.models import Evidence
from meetings.templatetags.browse import highlighted_text
from tests.browse.builders import SEOUL_TALKS, add_evidence
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(world):
    return world.seoul.sources.get()


def test_shows_title_address_publisher_date_and_status(client, source):
    page = client.get(source.get_absolute_url()).content.decode()
    assert "<h1>Allies hold annual security talks in Seoul</h1>" in page
    assert 'href="https://news.example.org/seoul-talks"' in page
    assert "<dd>Example Wire</dd>" in page and "<dd>23 October 2017</dd>" in page
    assert '<span class="badge badge-source-ok">ok</span>' in page


def test_a_failed_source_shows_its_file_and_why_it_failed(client, db):
    failed = make_source("", status="failed", failure_reason="The file is not UTF-8 text.", file_name="scan.pdf",
                         title="")
    page = client.get(failed.get_absolute_url()).content.decode()
    assert "<dd>scan.pdf</dd>" in page
    assert "<dd>The file is not UTF-8 text.</dd>" in page
    assert "Nothing was extracted from this source." in page


def test_every_fact_sentence_is_marked_with_its_span(client, source):
    page = client.get(source.get_absolute_url()).content.decode()
    for sentence in SEOUL_TALKS.splitlines():
        start = SEOUL_TALKS.index(sentence)
        assert f'<mark id="span-{start}-{start + len(sentence)}"' in page


def test_lists_what_was_extracted_with_links_to_the_sentences(client, source, world):
    page = client.get(source.get_absolute_url()).content.decode()
    assert world.seoul.get_absolute_url() in page
    assert "Hold a combined missile defense exercise" in page
    assert page.count('">sentence</a>') == 6


def test_the_text_is_escaped(client, db):
    risky = make_source("<script>alert(1)</script>")
    page = client.get(risky.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_spans_sharing_bounds_share_one_mark():
    html = highlighted_text("abcdef", [(1, 3, "statement"), (1, 3, "commitment")])
    assert html == 'a<mark id="span-1-3" title="statement; commitment">bc</mark>def'


def test_a_span_inside_another_is_nested():
    html = highlighted_text("abcdef", [(0, 6, "statement"), (2, 4, "participant: X")])
    assert html == ('<mark id="span-0-6" title="statement">ab<mark id="span-2-4" title="participant: X">cd</mark>'
                    'ef</mark>')


def test_a_span_crossing_the_end_of_another_is_cut_there():
    html = highlighted_text("abcdef", [(0, 3, "a"), (2, 5, "b")])
    assert html == '<mark id="span-0-3" title="a">ab<mark id="span-2-5" title="b">c</mark></mark>def'


def test_spans_out_of_the_text_or_empty_are_left_out():
    assert highlighted_text("abc", [(5, 9, "x"), (2, 2, "y"), (None, 2, "z"), (2, 1, "w")]) == "abc"
    assert highlighted_text("abc", [(1, 9, "x")]) == 'a<mark id="span-1-9" title="x">bc</mark>'


# Evidence: each meeting with the sentences of this source it was built from.

def test_each_meeting_is_shown_with_the_sentences_it_was_built_from(client, source, world):
    page = client.get(source.get_absolute_url()).content.decode()
    section = page.split('id="evidence-heading"')[1].split("</section>")[0]
    first = SEOUL_TALKS.splitlines()[0]
    start = SEOUL_TALKS.index(first)
    assert f'<a href="{world.seoul.get_absolute_url()}">Security Consultative Meeting</a>' in section
    assert "reported: in person</span> · " in section and "dated by: 2017-10-23" in section
    assert "placed: Seoul" in section
    assert f"<blockquote><mark>{escape(first)}</mark></blockquote>" in section
    assert f'<a href="#span-{start}-{start + len(first)}">Show it in the text</a>' in section


def test_the_sentences_of_the_evidence_are_marked_in_the_text_with_what_they_established(client, source):
    page = client.get(source.get_absolute_url()).content.decode()
    first = SEOUL_TALKS.splitlines()[0]
    start = SEOUL_TALKS.index(first)
    mark = page.split(f'<mark id="span-{start}-{start + len(first)}" title="')[1].split('"')[0]
    assert {"reported: in person", "dated by: 2017-10-23", "placed: Seoul"} <= set(mark.split("; "))


def test_a_fact_no_sentence_gave_is_listed_as_coming_from_the_page_data(client, source, world):
    add_evidence(world.seoul, source, "dated by", detail="2017-10-23")
    page = client.get(source.get_absolute_url()).content.decode()
    assert "No sentence of the text gives it: it comes from the page's own data." in page


def test_a_source_whose_text_is_not_stored_says_so_and_links_to_the_original(client, db):
    kept_out = make_source("", raw_content="", url="https://news.example.org/talks", file_name="talks.txt")
    page = client.get(kept_out.get_absolute_url()).content.decode()
    assert "This article's text is not stored here" in page
    assert '<a class="external" href="https://news.example.org/talks" rel="noopener noreferrer">' in page
    assert "No text was kept for this source." not in page


def test_a_source_without_text_still_shows_what_each_meeting_rests_on(client, db):
    kept_out = make_source("", raw_content="", url="https://news.example.org/talks")
    meeting = make_meeting(["KR", "US"], name="Alliance talks")
    meeting.sources.add(kept_out)
    Evidence.objects.create(meeting=meeting, source=kept_out, kind="placed", detail="Seoul", span_start=0,
                            span_end=40)
    for start in (0, 50):
        Evidence.objects.create(meeting=meeting, source=kept_out, kind="statement", span_start=start,
                                span_end=start + 40)
    page = client.get(kept_out.get_absolute_url()).content.decode()
    assert "placed: Seoul</span> · " in page and "statement (2 sentences)" in page
    assert "<blockquote>" not in page and "The sentences themselves are in the original article." in page
