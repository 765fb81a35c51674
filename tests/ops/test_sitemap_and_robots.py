"""/sitemap.xml indexes one sitemap per kind of page; /robots.txt points at it and keeps crawlers out of the admin."""
import xml.etree.ElementTree as ET

import pytest

from meetings.models import Official

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url, tag="url"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [node.text for node in ET.fromstring(response.content).findall(f"s:{tag}/s:loc", NS)]


def test_the_index_lists_a_sitemap_per_kind_of_page(client, db):
    assert locations(client, "/sitemap.xml", "sitemap") == [
        "http://testserver/sitemap-sections.xml", "http://testserver/sitemap-meetings.xml",
        "http://testserver/sitemap-officials.xml", "http://testserver/sitemap-countries.xml"]


def test_every_meeting_is_in_the_sitemap(client, feed_world):
    assert locations(client, "/sitemap-meetings.xml") == [
        f"http://testserver{meeting.get_absolute_url()}"
        for meeting in (feed_world.seoul, feed_world.call, feed_world.found_late)]


def test_officials_and_countries_who_met_are_in_the_sitemap(client, feed_world):
    Official.objects.create(name="Never Met", country_id="FR", family_name="Met")
    officials = locations(client, "/sitemap-officials.xml")
    assert sorted(officials) == sorted(f"http://testserver{official.get_absolute_url()}"
                                       for official in (feed_world.han, feed_world.hale, feed_world.kato))
    assert sorted(locations(client, "/sitemap-countries.xml")) == [
        "http://testserver/countries/JP/", "http://testserver/countries/KR/", "http://testserver/countries/US/"]


def test_the_lists_and_the_coverage_page_are_in_the_sitemap(client, db):
    sections = locations(client, "/sitemap-sections.xml")
    assert "http://testserver/meetings/" in sections
    assert "http://testserver/coverage/" in sections
    assert all(client.get(url.removeprefix("http://testserver")).status_code == 200 for url in sections)


@pytest.mark.parametrize("url", ["/sitemap-nothing.xml", "/sitemap-meetings.xml?p=2", "/sitemap-meetings.xml?p=x"])
def test_an_unknown_section_or_page_of_the_sitemap_is_404(client, db, url):
    assert client.get(url).status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_names_the_sitemap_by_the_address_it_was_asked_on(client, db, settings):
    settings.ALLOWED_HOSTS = ["ministerial.example"]
    response = client.get("/robots.txt", headers={"host": "ministerial.example"}, secure=True)
    assert "Sitemap: https://ministerial.example/sitemap.xml" in response.content.decode().splitlines()
