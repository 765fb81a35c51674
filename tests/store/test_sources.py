"""Loading sources: files, directories, URLs and feeds; what cannot be read says why."""
import http.server
import re
import threading

import pytest

from ingest.sources import SourceRecord, SourcesTableError, expand, feed_links, load, read_sources_table

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>{base}/one.html</link></item>
<item><title>Two</title><link>{base}/two.txt</link></item></channel></rss>"""


@pytest.fixture(scope="module")
def web():
    pages = {
        "/one.html": ("text/html; charset=utf-8", "<html><body><p>Page one</p></body></html>"),
        "/two.txt": ("text/plain", "Page two"),
        "/image.png": ("image/png", "\x89PNG"),
        "/cyrillic.txt": ("text/plain; charset=iso-8859-5", "Министр обороны"),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/feed.xml":
                body, kind = FEED.format(base=base).encode(), "application/rss+xml"
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
