"""/sources/<id>/: a stored article, its text with each fact's sentence marked, and what came from it."""
import pytest

from meetings.templatetags.browse import highlighted_text
from tests.browse.builders import SEOUL_TALKS
from tests.factories import make_source

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
