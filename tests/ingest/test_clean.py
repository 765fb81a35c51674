"""HTML and plain-text cleaning: what is kept, what is dropped, what is only context."""
from datetime import date

import pytest

from ingest.clean import clean

PAGE = """<!DOCTYPE html><html><head><title>Ministers meet | Daily Defence</title>
<meta property="og:site_name" content="Daily Defence">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-02T08:00:00Z"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div id="cookie-consent">We use cookies. Accept all cookies</div>
<article><h1>Ministers meet in Canberra</h1>
<figure><figcaption>The ministers in Canberra on May 1, 2024. (Photo: Defence)</figcaption></figure>
<p>The two ministers met in Canberra.</p>
<p>They agreed to
   deepen cooperation.</p>
<ul class="related-links"><li><a href="/x">Another story</a></li><li><a href="/y">More news</a></li></ul>
<div class="comments">Post a Comment</div>
</article>
<footer>© 2024 Daily Defence</footer></body></html>"""


def test_html_keeps_article_paragraphs_as_separate_lines():
    article = clean(PAGE)
    assert "The two ministers met in Canberra.\n\nThey agreed to deepen cooperation." in article.text


def test_html_drops_navigation_cookies_related_links_comments_and_footer():
    text = clean(PAGE).text
    for junk in ("Home", "cookies", "Another story", "Post a Comment", "©"):
        assert junk not in text


def test_html_keeps_caption_as_context_only():
    article = clean(PAGE)
    captions = [article.text[b.start:b.end] for b in article.blocks if b.kind == "caption"]
    assert captions == ["The ministers in Canberra on May 1, 2024. (Photo: Defence)"]


def test_html_metadata():
    article = clean(PAGE)
    assert (article.title, article.publisher, article.published) == (
        "Ministers meet | Daily Defence", "Daily Defence", date(2024, 5, 2))


def test_html_is_sniffed_without_content_type():
    assert "<p>" not in clean("<html><body><p>Ministers met.</p></body></html>").text


def test_plain_text_debris_lines_are_dropped():
    text = clean("An official website of the United States Government\nHere's how you know\n\n"
                 "The ministers met.\n\nRelated Stories\nLeave a Reply\nNo comments:\n"
                 "(Follow Jane Roe on Twitter: @janeroe)\nBy Jane Roe <jane@example.org>\n"
                 "Copyright 2024 Example News. All rights reserved.\nVIRIN: 240101-D-XX000-001\n").text
    assert text == "The ministers met."


def test_photo_credit_line_is_a_caption():
    article = clean("Ministers shake hands in Tokyo, Jan. 4, 2024. DoD photo by Staff Sgt. John Doe\n\nThey met.")
    assert [b.kind for b in article.blocks] == ["caption", "body"]


@pytest.mark.parametrize("line, kind", [
    # where someone stands in the picture: a caption
    ("Defence Minister Jan Novak (left) welcoming his Slovak counterpart outside the ministry.", "caption"),
    # ... in an agency's short form
    ("Defence Minister Jan Novak (L) and his Slovak counterpart shake hands in Prague on May 2, 2024. (Agency)",
     "caption"),
    # a lettered clause of a treaty is no placement
    ("The ministers reviewed how paragraph 6(c) of the treaty binds both governments and agreed to revisit it.", "body"),
    # a story's paragraph that points at its photo while reporting speech
    ("Speaking at a meeting of the ministers of the Nordic countries (pictured) held on Friday in Oslo, Minister Jan "
     "Novak said the region must stand together.", "body"),
], ids=["placement", "agency-placement", "treaty-clause", "speech-beside-photo"])
def test_a_placement_in_the_picture_marks_a_caption_unless_the_line_reports_speech(line, kind):
    article = clean(f"{line}\n\nThey met.")
    assert [b.kind for b in article.blocks] == [kind, "body"]


def test_publication_line_gives_the_published_date():
    assert clean("Tuesday, March 5, 2024\n\nThe ministers met today.").published == date(2024, 3, 5)


def test_short_unpunctuated_lines_are_headings():
    article = clean("Trilateral Ministerial\n\nThe three ministers met in Seoul.")
    assert [b.kind for b in article.blocks] == ["heading", "body"]


def test_related_content_headers_are_dropped():
    assert clean("The ministers met.\n\nMost Popular\nCheck Also\nIn This Section\n").text == "The ministers met."


def test_a_saved_texts_title_is_the_fullest_heading_above_its_first_paragraph():
    cleaned = clean("Official website of the ministry\n\nNews\n\nDefence Ministers of Chile and Peru Hold Talks in "
                    "Lima\n\nThe defence ministers of Chile and Peru met in Lima on Monday to review border "
                    "cooperation.\n")
    assert cleaned.title == "Defence Ministers of Chile and Peru Hold Talks in Lima"


def test_a_saved_text_that_opens_with_its_story_has_no_title():
    assert clean("The defence ministers of Chile and Peru met in Lima on Monday.\n").title is None


def test_a_long_first_line_without_a_full_stop_above_the_date_line_is_the_headline():
    cleaned = clean("Defence Minister holds bilateral meetings with his counterparts from Japan, Australia, the "
                    "Philippines, Indonesia, Malaysia and Vietnam on the sidelines of the regional dialogue in Manila\n"
                    "Published: 2024-05-02\n\nThe minister met six counterparts on Thursday.")
    assert [b.kind for b in cleaned.blocks] == ["heading", "dateline", "body"]


def test_menus_banners_and_clock_lines_above_a_saved_story_are_not_its_title():
    cleaned = clean("Help | Sitemap | Archive | Search\nDefence Daily Defence Daily\n"
                    "Monday, May 6, 2024, updated at 10:12 (GMT+8)\nMinisters of Japan and Australia meet in Canberra\n\n"
                    "The two ministers met on Monday in Canberra and agreed to deepen ties.")
    assert cleaned.title == "Ministers of Japan and Australia meet in Canberra"


def test_a_title_field_label_is_not_part_of_the_title():
    cleaned = clean("[Title] Joint Statement of the Defence Ministers\n\nThe ministers met on Monday in Canberra.")
    assert cleaned.title == "Joint Statement of the Defence Ministers"
