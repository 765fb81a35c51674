"""HTML pages: the publication day from the page's markup (htmldate), and the story recovered by trafilatura
where our own main-text finder loses it. Pages are our own, built like common CMS templates."""
from datetime import date
from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.pipeline import extract_document
from testkb import small_kb

PAGES = Path(__file__).parent / "pages"
STORY = "".join(f"<p>{text}</p>" for text in [
    "Estonian Defence Minister Hanno Pevkur and Finnish Defence Minister Antti Hakkanen met in Tallinn on "
    "Thursday and signed a plan for joint patrols in the Gulf of Finland.",
    "The two ministers agreed to hold a combined naval exercise in the autumn and to share radar data from "
    "their coastal stations.",
    "Hakkanen said Finland would station a liaison officer at the Estonian navy headquarters before the end "
    "of the year.",
])
LEAD = "met in Tallinn on Thursday and signed a plan for joint patrols"


def html(head="", body=""):
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def published(page):
    return clean(page, content_type="text/html").published


@pytest.mark.parametrize("container", [
    '<div class="layout layout--with-sidebar">',   # a layout class that reads as a sidebar
    '<div class="entry-content share-enabled">',   # a sharing plugin's marker class on the story itself
    '<div class="article-body ad-free">',          # "ad" in a class name
])
def test_a_story_inside_a_container_whose_class_reads_as_junk_is_recovered(container):
    page = html(body=f'<div class="site"><h1>Estonia and Finland sign a patrol plan</h1>{container}{STORY}</div>'
                     '<div class="rail"><ul><li><a href="/a">Another story</a></li></ul></div></div>')
    article = clean(page, content_type="text/html")
    assert LEAD in article.text
    assert article.text.startswith("Estonia and Finland sign a patrol plan")
    assert "Another story" not in article.text


def test_a_page_our_finder_reads_is_not_handed_to_trafilatura(monkeypatch):
    import ingest.clean
    monkeypatch.setattr(ingest.clean, "_trafilatura_lines", lambda content: pytest.fail("trafilatura was called"))
    assert LEAD in clean(html(body=f"<article><h1>Patrol plan</h1>{STORY}</article>"), content_type="text/html").text


def test_a_wordpress_page_without_an_article_element_keeps_the_story_and_drops_the_chrome():
    article = clean((PAGES / "wordpress-no-article.html").read_text(), content_type="text/html")
    assert "signed a plan for joint patrols in the Gulf of Finland." in article.text
    for junk in ("Recent Posts", "Leave a Reply", "Share this", "Previous: Latvia"):
        assert junk not in article.text
    assert article.published == date(2024, 5, 30)


def test_a_table_layout_ministry_page_keeps_the_release_and_its_date():
    article = clean((PAGES / "table-layout-ministry.html").read_text(), content_type="text/html")
    assert "received the Minister of National Defence of Chile" in article.text
    assert article.published == date(2006, 3, 14)


def test_the_published_time_is_preferred_over_an_earlier_updated_time():
    page = html(body='<article><h1>Patrol plan</h1><p>Updated <time class="updated" datetime="2024-06-02T10:00">'
                     'June 2</time>, first published <time class="published" datetime="2024-05-30T09:00">May 30'
                     f"</time></p>{STORY}</article>")
    assert published(page) == date(2024, 5, 30)


@pytest.mark.parametrize("meta", [
    '<meta name="publish-date" content="2024-05-30">',
    '<meta property="og:published_time" content="2024-05-30T08:00:00+03:00">',
    '<meta name="citation_publication_date" content="2024/05/30">',
    '<meta name="DC.date.created" content="2024-05-30">',
])
def test_publication_meta_names_beyond_the_usual_ones_are_read(meta):
    assert published(html(head=meta, body=f"<article>{STORY}</article>")) == date(2024, 5, 30)


def test_a_date_in_a_sidebar_list_is_not_the_publication_day():
    page = html(body='<div class="col"><ul><li><time datetime="2024-06-05">June 5</time> <a href="/x">Other</a>'
                     f'</li></ul></div><article><h1>Patrol plan</h1><p class="byline">May 30, 2024</p>{STORY}</article>')
    assert published(page) == date(2024, 5, 30)


def test_a_page_with_only_a_copyright_year_has_no_publication_day():
    assert published(html(body=f"<article><h1>Patrol plan</h1>{STORY}</article><div>© 2021 Example</div>")) is None


def test_a_page_without_a_date_in_its_markup_is_dated_by_a_full_day_in_its_address():
    page = html(body=f"<article><h1>Patrol plan</h1>{STORY}</article>")
    assert clean(page, content_type="text/html", url="https://example.org/news/2024/05/30/patrol-plan").published \
        == date(2024, 5, 30)
    assert clean(page, content_type="text/html", url="https://example.org/news/2024/05/patrol-plan").published is None


def test_the_page_markup_date_wins_over_the_address():
    page = html(head='<meta property="article:published_time" content="2024-06-02T08:00:00Z">',
                body=f"<article>{STORY}</article>")
    assert clean(page, content_type="text/html", url="https://example.org/2024/05/30/x").published == date(2024, 6, 2)


def test_a_fetched_page_is_dated_by_its_address_in_the_pipeline():
    page = html(body=f"<article><h1>Patrol plan</h1>{STORY}</article>")
    document = extract_document("https://example.org/news/2024/05/30/patrol-plan", page, small_kb(),
                                content_type="text/html")
    assert document.published == date(2024, 5, 30)
