"""Atom feeds of the latest meetings (all, per country, per official), linked from their pages."""
import feedparser
import pytest
from django.urls import reverse

from meetings.feeds import FEED_ENTRIES
from tests.factories import make_meeting

ATOM = "application/atom+xml"


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(ATOM)
    feed = feedparser.parse(response.content)
    assert feed.version == "atom10", feed.bozo_exception if feed.bozo else feed.version
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def test_the_meetings_feed_lists_the_newest_added_first(client, feed_world):
    feed = read_feed(client, "/feeds/meetings/")
    assert titles(feed) == ["Talks in Tokyo — 2 April 2009", "Japan – United States phone call — 24 October 2017",
                            "Security talks in Seoul — 23 October 2017"]
    assert feed.feed.link == "http://testserver/meetings/"
    assert feed.entries[0].link == f"http://testserver{feed_world.found_late.get_absolute_url()}"
    assert feed.entries[0].published.startswith("2024-03-01")


def test_an_entry_says_when_where_how_and_who(client, feed_world):
    seoul = read_feed(client, "/feeds/meetings/").entries[2]
    assert "23 October 2017 · Seoul · in person" in seoul.summary
    assert "Countries: South Korea, United States" in seoul.summary
    assert "Participants: Han Min-jun (KR), Robert Hale (US)" in seoul.summary
    assert sorted(tag.term for tag in seoul.tags) == ["KR", "US"]


def test_names_in_an_entry_are_escaped(client, db):
    make_meeting(["KR", "US"], place="Camp <b>Humphreys</b>")
    response = client.get("/feeds/meetings/")
    assert b"Camp &amp;lt;b&amp;gt;Humphreys" in response.content  # escaped HTML, inside escaped XML


def test_a_country_feed_holds_only_that_countrys_meetings(client, feed_world):
    feed = read_feed(client, "/feeds/countries/kr/")  # any letter case, as the country page
    assert titles(feed) == ["Talks in Tokyo — 2 April 2009", "Security talks in Seoul — 23 October 2017"]
    assert feed.feed.title.startswith("South Korea")
    assert feed.feed.link == "http://testserver/countries/KR/"


def test_an_official_feed_holds_only_their_meetings(client, feed_world):
    feed = read_feed(client, f"/feeds/officials/{feed_world.kato.slug}/")
    assert titles(feed) == ["Talks in Tokyo — 2 April 2009", "Japan – United States phone call — 24 October 2017"]
    assert feed.feed.link == f"http://testserver{feed_world.kato.get_absolute_url()}"


@pytest.mark.parametrize("url", ["/feeds/countries/zz/", "/feeds/countries/k1/", "/feeds/officials/nobody/"])
def test_a_feed_of_nothing_known_is_404(client, db, url):
    assert client.get(url).status_code == 404


def test_an_empty_database_still_gives_a_valid_feed(client, db):
    assert titles(read_feed(client, "/feeds/meetings/")) == []


def test_a_feed_holds_the_latest_entries_in_a_fixed_number_of_queries(client, feed_world,
                                                                       django_assert_max_num_queries):
    for number in range(FEED_ENTRIES + 2):
        make_meeting(["KR", "US"], name=f"Meeting {number}", participants=[("Han Min-jun", "KR", feed_world.han)])
    with django_assert_max_num_queries(4):  # meetings, their countries, participants with officials
        feed = read_feed(client, "/feeds/countries/KR/")
    assert len(feed.entries) == FEED_ENTRIES


@pytest.mark.parametrize("page, feed", [
    ("meetings:home", "/feeds/meetings/"),
    ("meetings:meeting_list", "/feeds/meetings/"),
])
def test_list_pages_link_the_meetings_feed(client, db, page, feed):
    html = client.get(reverse(page)).content.decode()
    assert f'<link rel="alternate" type="{ATOM}" title="Latest meetings" href="{feed}">' in html
    assert f'href="{feed}">' in html.split("<body>", 1)[1]  # a visible link too


def test_the_country_and_official_pages_link_their_feeds(client, feed_world):
    country = client.get("/countries/KR/").content.decode()
    assert f'<link rel="alternate" type="{ATOM}" title="Latest meetings with South Korea" ' \
           'href="/feeds/countries/KR/">' in country
    assert "Follow new meetings with South Korea (Atom feed)</a>" in country
    official = client.get(feed_world.han.get_absolute_url()).content.decode()
    feed = f"/feeds/officials/{feed_world.han.slug}/"
    assert f'<link rel="alternate" type="{ATOM}" title="Latest meetings of Han Min-jun" href="{feed}">' in official
    assert f'<a class="feed-link" href="{feed}">Follow new meetings of Han Min-jun (Atom feed)</a>' in official
