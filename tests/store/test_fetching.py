"""Fetching limits: only http(s), a deadline, a redirect limit, a size cap, and no request to a loopback, private or
link-local address, checked on the address DNS gives and on every redirect, unless FETCH_ALLOWED_NETWORKS allows
it. Each refusal is proven against a local server that counts the requests it receives."""
import http.server
import socket
import threading
import time

import pytest

from ingest.sources import load, non_public_kind

PAGE = "<html><body><p>Ministers met in Oslo.</p></body></html>"


class Server:
    """A local HTTP server at ``address`` whose pages are handler functions; it records every path requested."""

    def __init__(self, address="127.0.0.1"):
        self.pages, self.requested = {}, []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.requested.append(self.path)
                page = server.pages.get(self.path.split("?")[0])
                if page is None:
                    self.send_error(404)
                    return
                try:
                    page(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher gave up, as it should

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer((address, 0), Handler)
        self.base = f"http://{address}:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def answer(body, content_type="text/html; charset=utf-8", length=True):
    def page(handler):
        data = body.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        if length:
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        else:  # chunked: the size is known only as it arrives
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            for start in range(0, len(data), 8192):
                chunk = data[start:start + 8192]
                handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            handler.wfile.write(b"0\r\n\r\n")
    return page


def redirect(location, status=302):
    def page(handler):
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return page


@pytest.fixture
def server():
    running = Server()
    yield running
    running.close()


@pytest.fixture
def loopback_allowed(settings):
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.fixture
def no_connection(monkeypatch):
    """Fails the test if anything tries to connect: a refusal must come before the request."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"a connection was attempted: {args}")
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def dns(monkeypatch):
    """Names resolved to the addresses the test gives them; other names as usual."""
    answers = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                    for a in answers[host]]
        return real(host, port, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def fetched(url):
    [raw] = load(url)
    return raw


# Where a fetch may go.

def test_an_allowed_fetch_works_when_the_setting_allows_loopback(server, loopback_allowed):
    server.pages["/talks.html"] = answer(PAGE)
    raw = fetched(f"{server.base}/talks.html")
    assert (raw.error, "Ministers met in Oslo." in raw.content) == ("", True)


def test_loopback_is_refused_by_default_and_the_server_sees_no_request(server):
    server.pages["/talks.html"] = answer(PAGE)
    raw = fetched(f"{server.base}/talks.html")
    assert raw.error.startswith("refused: 127.0.0.1 is 127.0.0.1, a loopback address")
    assert server.requested == []


def test_a_name_is_checked_on_the_address_dns_gives(server):
    server.pages["/talks.html"] = answer(PAGE)
    raw = fetched(server.base.replace("127.0.0.1", "localhost") + "/talks.html")
    assert raw.error.startswith("refused: localhost is ") and "loopback address" in raw.error
    assert server.requested == []


@pytest.mark.parametrize("address, kind", [
    ("10.0.0.7", "private"), ("192.168.1.1", "private"), ("172.16.5.4", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("::1", "loopback"), ("fd00::1", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("100.64.0.1", "non-public"),
])
def test_a_name_resolving_to_a_non_public_address_is_refused_before_connecting(dns, no_connection, address, kind):
    dns["news.example.org"] = [address]
    raw = fetched("http://news.example.org/talks.html")
    article = "an" if kind == "unspecified" else "a"
    assert raw.error.startswith(f"refused: news.example.org is {address}, {article} {kind} address")


def test_a_name_resolving_to_a_public_and_a_private_address_is_refused(dns, no_connection):
    dns["news.example.org"] = ["93.184.215.14", "127.0.0.1"]
    assert fetched("http://news.example.org/talks.html").error.startswith("refused: news.example.org is 127.0.0.1")


def test_public_addresses_pass_the_check():
    assert [non_public_kind(a) for a in ("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")] == ["", ""]


def test_the_fetch_connects_to_the_address_it_checked_not_to_a_second_lookup(server, loopback_allowed, monkeypatch):
    """A name that answers an allowed address to the check and another to a second lookup (DNS rebinding) cannot
    pass: the name is looked up once and the connection goes to the address checked."""
    other = Server("127.0.0.2")
    port = server.httpd.server_address[1]
    answers = iter([["127.0.0.1"]] + [["127.0.0.2"]] * 5)
    lookups, real = [], socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "news.example.org":
            return real(host, *args, **kwargs)  # connecting to an address literal looks it up as well
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in next(answers)]
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    try:
        server.pages["/talks.html"] = other.pages["/talks.html"] = answer(PAGE)
        raw = fetched(f"http://news.example.org:{port}/talks.html")
        assert raw.error == "" and server.requested == ["/talks.html"]
        assert (other.requested, lookups) == ([], ["news.example.org"])
    finally:
        other.close()


def test_a_redirect_to_a_loopback_address_not_allowed_is_refused(server, loopback_allowed):
    other = Server("127.0.0.2")
    try:
        other.pages["/admin"] = answer(PAGE)
        server.pages["/moved"] = redirect(f"{other.base}/admin")
        raw = fetched(f"{server.base}/moved")
        assert raw.error.startswith("refused: 127.0.0.2 is 127.0.0.2, a loopback address")
        assert (server.requested, other.requested) == (["/moved"], [])
    finally:
        other.close()


def test_a_redirect_to_a_name_resolving_to_a_private_address_is_refused(server, loopback_allowed, dns):
    dns["metadata.internal"] = ["169.254.169.254"]
    server.pages["/moved"] = redirect("http://metadata.internal/latest/meta-data/")
    assert fetched(f"{server.base}/moved").error.startswith(
        "refused: metadata.internal is 169.254.169.254, a link-local address")


# Only http and https.

@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://ftp.example.org/a.txt", "gopher://example.org/",
                                 "FILE:///etc/hostname"])
def test_other_schemes_are_refused(url, no_connection):
    scheme = url.split(":")[0]
    assert fetched(url).error == f"refused: only http and https addresses are fetched, not {scheme}"


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://ftp.example.org/a.txt"])
def test_a_redirect_to_another_scheme_is_refused(server, loopback_allowed, location):
    server.pages["/moved"] = redirect(location)
    scheme = location.split(":")[0]
    assert fetched(f"{server.base}/moved").error == f"refused: only http and https addresses are fetched, not {scheme}"


# Redirects.

def chain(server, hops):
    """/hop/0 redirects to /hop/1 ... to /hop/<hops>, which is the page."""
    for number in range(hops):
        server.pages[f"/hop/{number}"] = redirect(f"/hop/{number + 1}", status=(301, 302, 303, 307, 308)[number % 5])
    server.pages[f"/hop/{hops}"] = answer(PAGE)


def test_redirects_within_the_limit_are_followed(server, loopback_allowed, settings):
    settings.FETCH_MAX_REDIRECTS = 3
    chain(server, 3)
    raw = fetched(f"{server.base}/hop/0")
    assert raw.error == "" and "Oslo" in raw.content and len(server.requested) == 4


def test_one_redirect_past_the_limit_is_refused(server, loopback_allowed, settings):
    settings.FETCH_MAX_REDIRECTS = 3
    chain(server, 4)
    assert fetched(f"{server.base}/hop/0").error == "more than 3 redirects"
    assert server.requested == ["/hop/0", "/hop/1", "/hop/2", "/hop/3"]


def test_a_redirect_loop_ends_at_the_limit(server, loopback_allowed):
    server.pages["/loop"] = redirect("/loop")
    assert fetched(f"{server.base}/loop").error == "more than 5 redirects"
    assert len(server.requested) == 6


# Size.

@pytest.mark.parametrize("length", [True, False], ids=["content-length", "chunked"])
def test_a_page_over_the_size_cap_is_refused(server, loopback_allowed, settings, length):
    settings.FETCH_MAX_BYTES = 1000
    server.pages["/big.html"] = answer("<p>" + "x" * 2000 + "</p>", length=length)
    assert fetched(f"{server.base}/big.html").error == "larger than the 1000 B limit"


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "chunked"])
def test_a_page_at_the_size_cap_is_read_whole(server, loopback_allowed, settings, length):
    body = "<p>" + "x" * 993 + "</p>"
    settings.FETCH_MAX_BYTES = len(body)
    server.pages["/full.html"] = answer(body, length=length)
    raw = fetched(f"{server.base}/full.html")
    assert raw.error == "" and len(raw.data) == len(body)


def test_the_default_cap_is_five_megabytes(server, loopback_allowed):
    server.pages["/huge.txt"] = answer("x" * (5 * 1024 * 1024 + 1), content_type="text/plain", length=False)
    assert fetched(f"{server.base}/huge.txt").error == "larger than the 5 MB limit"


# Time.

def trickle(handler, headers_done=True):
    """A byte every 0.1 s for up to 10 s, of the body or of a header that never ends: each read gets something, so
    only a deadline for the whole fetch stops it."""
    if headers_done:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "100")
        handler.end_headers()
    else:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    for _ in range(100):
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(0.1)


def silent(handler):
    time.sleep(10)


@pytest.mark.parametrize("page", [
    trickle, lambda handler: trickle(handler, headers_done=False), silent,
], ids=["a trickled body", "trickled headers", "no answer"])
def test_a_slow_server_is_cut_at_the_deadline(server, loopback_allowed, settings, page):
    settings.FETCH_TIMEOUT_SECONDS = 1
    server.pages["/slow"] = page
    started = time.monotonic()
    raw = fetched(f"{server.base}/slow")
    assert raw.error == "timed out after 1 s"
    assert time.monotonic() - started < 2.5


def test_the_deadline_covers_the_redirects_too(server, loopback_allowed, settings):
    settings.FETCH_TIMEOUT_SECONDS = 1

    def slow_redirect(handler):
        time.sleep(0.4)
        redirect("/slow-hop")(handler)
    server.pages["/slow-hop"] = slow_redirect
    started = time.monotonic()
    assert fetched(f"{server.base}/slow-hop").error == "timed out after 1 s"
    assert time.monotonic() - started < 2.5 and len(server.requested) <= 3


# Feeds.

def test_a_feed_that_lists_itself_is_not_followed_round(server, loopback_allowed):
    def feed(handler):
        answer(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title>'
               f"<item><link>{server.base}/feed.xml</link></item>"
               f"<item><link>{server.base}/talks.html</link></item></channel></rss>",
               content_type="application/rss+xml")(handler)
    server.pages["/feed.xml"] = feed
    server.pages["/talks.html"] = answer(PAGE)
    raws = list(load(f"{server.base}/feed.xml"))
    assert [(raw.location.removeprefix(server.base), raw.error) for raw in raws] == [
        ("/feed.xml", "a feed entry that is itself a feed"), ("/talks.html", "")]


def test_a_feed_entry_pointing_inside_the_network_is_refused(server, loopback_allowed, dns):
    dns["router.lan"] = ["192.168.0.1"]
    server.pages["/feed.xml"] = answer(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><link>http://router.lan/admin</link></item></channel></rss>", content_type="application/rss+xml")
    [raw] = load(f"{server.base}/feed.xml")
    assert raw.error.startswith("refused: router.lan is 192.168.0.1, a private address")


def test_https_is_fetched_over_tls_to_the_checked_address(server, loopback_allowed):
    """The TLS connection class is the one used for https: a server that speaks no TLS fails the handshake."""
    server.pages["/talks.html"] = answer(PAGE)
    raw = fetched(server.base.replace("http:", "https:") + "/talks.html")
    assert raw.error.startswith("unreachable: ") and "SSL" in raw.error
