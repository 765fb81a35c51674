"""Markup inside an article (script tags, event handlers, javascript: links, SVG) is shown as text on every page that
shows the article's data, never run: the article below is ingested, and each page is parsed for live markup.

The article writes its markup as text (&lt;script&gt;...), so it survives the cleaner and reaches titles, facts and
the stored text; its real tags are dropped by the cleaner but kept in the stored raw content the admin shows.
"""
import io
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from django.core.management import call_command

from meetings.models import Commitment, Meeting, Participant, Source, Statement

pytestmark = pytest.mark.django_db

ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Ministers &lt;script&gt;alert("xss-title")&lt;/script&gt; talk in Seoul</title>
<script>alert("xss-head")</script>
</head>
<body onload="alert('xss-body')">
<article>
<h1>Ministers &lt;script&gt;alert("xss-title")&lt;/script&gt; talk in Seoul</h1>
<p>SEOUL, March 4, 2021 -- South Korean Defense Minister Suh Wook and U.S. Defense Secretary Lloyd Austin held talks
in Seoul on Thursday &lt;svg onload="alert('xss-svg')"&gt;&lt;circle r="9"/&gt;&lt;/svg&gt;.</p>
<p>Austin said the alliance was stronger than ever &lt;img src=x onerror="alert('xss-img')"&gt; after the
talks.</p>
<p>The ministers agreed to hold a joint naval exercise &lt;a href="javascript:alert('xss-link')"&gt;soon&lt;/a&gt;
before the end of the year.</p>
<p>Real markup, which the cleaner drops: <script>alert("xss-script")</script><a
href="javascript:alert('xss-real-link')">more</a><svg onload="alert('xss-real-svg')"><circle r="9"/></svg><img
src="x" onerror="alert('xss-real-img')"></p>
</article></body></html>
"""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "{http://www.w3.org/1999/xlink}href"}


@pytest.fixture
def ingested(tmp_path):
    path = Path(tmp_path) / "talks.html"
    path.write_text(ARTICLE)
    call_command("ingest", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    meeting = Meeting.objects.get()
    return meeting, Source.objects.get()


def live_markup(html):
    """Everything in a page that a browser would run: an event handler attribute, a javascript: address, a script
    or an SVG element that came from the article."""
    found = []
    for element in lxml.html.fromstring(html).iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}>")
            if name.lower() in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag in ("script", "svg", "img", "iframe", "object", "embed") and "xss-" in lxml.html.tostring(
                element, encoding="unicode"):
            found.append(f"<{element.tag}> from the article")
    return found


def shown_as_text(html):
    """The article's markup that the page shows as text."""
    text = lxml.html.fromstring(html).text_content()
    return {marker for marker in ("xss-title", "xss-svg", "xss-img", "xss-link", "xss-script", "xss-real-svg")
            if marker in text}


def test_the_article_s_markup_reaches_the_database_as_text(ingested):
    """Else the page checks below would prove nothing."""
    meeting, source = ingested
    assert '<script>alert("xss-title")</script>' in source.title
    assert "<svg onload=" in source.cleaned_text and "onerror=" in source.cleaned_text
    assert '<script>alert("xss-script")</script>' in source.raw_content
    assert Commitment.objects.filter(text__contains="javascript:alert('xss-link')").exists()
    assert Statement.objects.filter(text__contains="xss-img").exists()
    assert {p.official.name for p in Participant.objects.filter(official__isnull=False)} == {"Suh Wook", "Lloyd Austin"}


def test_public_pages_show_the_markup_as_text_and_run_none_of_it(client, ingested):
    meeting, source = ingested
    officials = [p.official.get_absolute_url() for p in meeting.participants.filter(official__isnull=False)]
    pages = {
        meeting.get_absolute_url(): {"xss-title", "xss-img", "xss-link"},
        source.get_absolute_url(): {"xss-title", "xss-svg", "xss-img", "xss-link"},
        "/statements/": {"xss-img"}, "/statements/?q=alliance": {"xss-img"},
        "/commitments/": {"xss-link"}, "/commitments/?q=naval": {"xss-link"},
        "/sources/": {"xss-title"}, "/sources/?q=Ministers": {"xss-title"},
        "/meetings/": set(), "/meetings/?q=naval": set(), "/meetings/2021/": set(), "/meetings/2021/03/": set(),
        "/": set(), "/countries/KR/": set(), "/officials/": set(), "/coverage/": set(),
        **{url: set() for url in officials},
    }
    for path, expected in pages.items():
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert live_markup(html) == [], path
        assert shown_as_text(html) >= expected, path


def test_exports_and_feeds_carry_the_markup_as_data(client, ingested):
    assert "javascript:alert('xss-link')" in client.get("/commitments/?format=json").json()["results"][0]["text"]
    assert "xss-link" in b"".join(client.get("/commitments/?format=csv").streaming_content).decode()
    for path in ("/feeds/meetings/", "/feeds/countries/KR/"):
        feed = lxml.etree.fromstring(client.get(path).content)  # well-formed: nothing broke out of its element
        assert not [e for e in feed.iter() if isinstance(e.tag, str) and e.tag.split("}")[-1] in ("script", "svg")]


def test_admin_pages_show_the_markup_as_text_and_run_none_of_it(staff_client, ingested):
    meeting, source = ingested
    statement, commitment = Statement.objects.get(text__contains="xss-img"), Commitment.objects.get()
    pages = {
        f"/admin/meetings/meeting/{meeting.pk}/change/": {"xss-img", "xss-link"},
        f"/admin/meetings/source/{source.pk}/change/": {"xss-title", "xss-script", "xss-real-svg"},
        f"/admin/meetings/statement/{statement.pk}/change/": {"xss-img"},
        f"/admin/meetings/commitment/{commitment.pk}/change/": {"xss-link"},
        f"/admin/meetings/participant/{meeting.participants.first().pk}/change/": set(),
        "/admin/meetings/source/": {"xss-title"}, "/admin/meetings/statement/": {"xss-img"},
        "/admin/meetings/commitment/": {"xss-link"}, "/admin/meetings/meeting/": set(),
        f"/admin/meetings/commitment/{commitment.pk}/history/": set(),
    }
    for path, expected in pages.items():
        response = staff_client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert live_markup(html) == [], path
        assert shown_as_text(html) >= expected, path
