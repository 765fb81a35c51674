"""Loading sources: files, directories, URLs and feeds; what cannot be read says why."""
import http.server
import threading

import pytest

from ingest.sources import expand, feed_links, load

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
