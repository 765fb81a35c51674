"""Loading sources: files, directories, URLs and feeds; what cannot be read says why."""
import http.server
import re
import threading
from datetime import date

import pytest

from ingest.sources import (FeedEntry, SourceRecord, SourcesTableError, expand, feed_entries, feed_links, load,
                            read_sources_table)

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>{base}/one.html</link></item>
<item><title>Two</title><link>{base}/two.txt</link></item></channel></rss>"""

# Relative links, a permalink guid instead of a link, and publication times late in the evening west of UTC.
RELATIVE_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry news</title>
<item><title>One</title><link>/one.html</link><pubDate>Tue, 10 Jun 2025 23:30:00 -0400</pubDate></item>
<item><title>Two</title><guid isPermaLink="true">{base}/two.txt</guid></item></channel></rss>"""


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    """The test servers listen on loopback, which fetching refuses unless allowed (tests/store/test_fetching.py)."""
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]


@pytest.fixture(scope="module")
def web():
    pages = {
        "/one.html": ("text/html; charset=utf-8", "<html><body><p>Page one</p></body></html>"),
        "/two.txt": ("text/plain", "Page two"),
        "/image.png": ("image/png", "\x89PNG"),
        "/cyrillic.txt": ("text/plain; charset=iso-8859-5", "Министр обороны"),
        "/utf8-said-latin1.txt": ("text/plain; charset=iso-8859-1", "Kosiniak-Kamysz met Błaszczak’s deputy"),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/feed.xml":
                body, kind = FEED.format(base=base).encode(), "application/rss+xml"
            elif self.path == "/news/relative.xml":
                body, kind = RELATIVE_FEED.format(base=base).encode(), "text/xml"
            elif self.path in pages:
                kind, text = pages[self.path]
                body = text.encode("iso-8859-5" if "8859-5" in kind else "utf-8")
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def test_a_directory_expands_to_its_text_and_html_files(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>b</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [p.removeprefix(str(tmp_path)) for p in expand([str(tmp_path)])] == ["/a.txt", "/sub/b.html"]


def test_a_text_file_loads_as_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ministers met.")
    [raw] = load(str(path))
    assert (raw.content, raw.content_type, raw.error) == ("Ministers met.", "text/plain", "")


def test_a_missing_file_says_so(tmp_path):
    [raw] = load(str(tmp_path / "gone.txt"))
    assert raw.error == "no such file"


def test_an_unsupported_file_type_says_which(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    [raw] = load(str(path))
    assert "unsupported file type .pdf" in raw.error


def test_binary_content_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    [raw] = load(str(path))
    assert "binary" in raw.error


def test_the_same_bytes_have_the_same_hash(tmp_path):
    (tmp_path / "a.txt").write_text("same")
    (tmp_path / "b.txt").write_text("same")
    [a], [b] = load(str(tmp_path / "a.txt")), load(str(tmp_path / "b.txt"))
    assert a.content_hash == b.content_hash


def test_a_url_is_fetched(web):
    [raw] = load(f"{web}/one.html")
    assert raw.content_type == "text/html" and "Page one" in raw.content and not raw.error


def test_a_feed_yields_each_entry(web):
    raws = list(load(f"{web}/feed.xml"))
    assert [r.location for r in raws] == [f"{web}/one.html", f"{web}/two.txt"]
    assert raws[1].content == "Page two"


def test_an_http_error_is_reported(web):
    [raw] = load(f"{web}/missing.html")
    assert raw.error == "the server answered HTTP 404 Not Found"


def test_a_page_that_is_not_text_is_refused(web):
    [raw] = load(f"{web}/image.png")
    assert raw.error == "not a text or HTML page (image/png)"


def test_an_unreachable_host_is_reported():
    [raw] = load("http://127.0.0.1:9/article.html")
    assert raw.error.startswith("unreachable")


def test_atom_feed_links_are_read():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
    <entry><link href="https://example.org/a"/></entry><entry><link href="https://example.org/b"/></entry></feed>"""
    assert feed_links(atom) == ["https://example.org/a", "https://example.org/b"]


def test_the_charset_the_server_declares_is_used(web):
    [raw] = load(f"{web}/cyrillic.txt")
    assert raw.content == "Министр обороны"


# Sources tables: where each saved file was published.

def table(tmp_path, text, name="SOURCES.md"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_markdown_sources_table_gives_each_file_its_address(tmp_path):
    found = read_sources_table(table(tmp_path, "| file | url | kind |\n| --- | --- | --- |\n"
                                               "| talks.txt | https://news.example.org/talks | wire \\| copy |\n"))
    assert found == {"talks.txt": SourceRecord("https://news.example.org/talks")}


def test_a_csv_sources_table_can_name_the_publisher(tmp_path):
    text = "file,url,publisher\nwire/talks.txt,https://example.org/a,Example Wire\n"
    found = read_sources_table(table(tmp_path, text, "sources.csv"))
    assert found == {"talks.txt": SourceRecord("https://example.org/a", "Example Wire")}


def test_the_site_of_an_address_stands_for_an_unnamed_publisher():
    assert SourceRecord("https://www.example.org/news/1").site == "example.org"


@pytest.mark.parametrize("text, reason", [
    ("| name | address |\n| --- | --- |\n| a.txt | https://example.org |\n", "needs a `file` and a `url` column"),
    ("| file | url |\n| --- | --- |\n| a.txt | example.org/a |\n", "row 2: 'example.org/a' is not an http(s) address"),
    ("Just prose, no table.\n", "no table found"),
])
def test_a_sources_table_that_cannot_be_used_says_why(tmp_path, text, reason):
    with pytest.raises(SourcesTableError, match=re.escape(reason)):
        read_sources_table(table(tmp_path, text))


def test_an_undeclared_cyrillic_page_is_read_in_the_encoding_found(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Министр обороны провёл переговоры с коллегой в Минске.".encode("cp1251"))
    [raw] = load(str(path))
    assert raw.content == "Министр обороны провёл переговоры с коллегой в Минске."


def test_undeclared_western_text_stays_windows_1252(tmp_path):
    path = tmp_path / "fr.txt"
    text = "Le ministre des Armées a rencontré son homologue à Paris, a déclaré le ministère."
    path.write_bytes(text.encode("cp1252"))
    [raw] = load(str(path))
    assert raw.content == text


def test_a_utf16_file_with_a_byte_order_mark_is_text_not_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("The ministers met in Warsaw.".encode("utf-16"))
    [raw] = load(str(path))
    assert (raw.content, raw.error) == ("The ministers met in Warsaw.", "")


def test_a_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("The ministers met.".encode("utf-8-sig"))
    [raw] = load(str(path))
    assert raw.content == "The ministers met."


def test_the_encoding_an_xml_declaration_names_is_used(tmp_path):
    path = tmp_path / "a.html"
    page = '<?xml version="1.0" encoding="iso-8859-5"?><html><body><p>Министр обороны</p></body></html>'
    path.write_bytes(page.encode("iso-8859-5"))
    [raw] = load(str(path))
    assert "Министр обороны" in raw.content


def test_relative_feed_links_resolve_against_the_feed_address(web):
    raws = list(load(f"{web}/news/relative.xml"))
    assert [r.location for r in raws] == [f"{web}/one.html", f"{web}/two.txt"]


def test_a_feed_entry_keeps_the_day_the_feed_gives_in_its_own_time_zone(web):
    one, two = load(f"{web}/news/relative.xml")
    assert (one.published, two.published) == (date(2025, 6, 10), None)


def test_an_atom_entry_is_read_from_its_alternate_link_not_its_self_link():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
    <entry><title>A</title><link rel="self" href="https://example.org/api/entries/1"/>
    <link rel="alternate" type="text/html" href="https://example.org/news/a"/>
    <published>2024-03-01T09:00:00+09:00</published></entry></feed>"""
    assert feed_entries(atom) == [FeedEntry("https://example.org/news/a", date(2024, 3, 1))]


def test_an_rss_1_0_feed_is_read():
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://example.org/"><title>Wire</title></channel>
    <item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link></item></rdf:RDF>"""
    assert feed_links(rdf) == ["https://example.org/a"]


def test_feedburner_entries_are_read_from_their_original_link():
    rss = b"""<?xml version="1.0"?><rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
    <channel><title>Wire</title><item><title>A</title><link>https://feeds.example.net/~r/wire/~3/xyz/</link>
    <feedburner:origLink>https://example.org/news/a</feedburner:origLink></item></channel></rss>"""
    assert feed_links(rss) == ["https://example.org/news/a"]


def test_utf8_bytes_are_read_as_utf8_though_the_server_says_latin_1(web):
    [raw] = load(f"{web}/utf8-said-latin1.txt")
    assert raw.content == "Kosiniak-Kamysz met Błaszczak’s deputy"


def test_latin_1_bytes_declared_as_latin_1_stay_latin_1(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes('<meta charset="iso-8859-1"><p>Le ministre a visité Bogotá.</p>'.encode("iso-8859-1"))
    [raw] = load(str(path))
    assert "visité Bogotá" in raw.content
