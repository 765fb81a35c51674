"""The load stage: turn command-line SOURCE arguments into raw documents.

A SOURCE is a .txt/.html file, a directory (every such file below it), an
http(s) URL, or an RSS/Atom feed URL (each entry's link is loaded, with the day the feed gives). Loading
never raises for bad input: a source that cannot be read comes back with its
``error`` set, so the caller can record it as failed and go on.

Fetching is bounded (``FetchLimits``): http and https only, a deadline for the whole fetch, a redirect limit, a
size cap, and no connection to a loopback, private or link-local address, checked on the address DNS gives for
every hop, unless FETCH_ALLOWED_NETWORKS lists its network.

A file saved from the web can name the page it came from in a sources table
(``read_sources_table``): a Markdown or CSV table with a ``file`` and a ``url``
column, and optionally a ``publisher`` (or ``outlet``) column.
"""
from __future__ import annotations

import csv
import email.utils
import hashlib
import http.client
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html", ".htm": "text/html"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
USER_AGENT = "Ministerial/1.0 (defense meetings research database)"
# A page's own declaration: <meta charset>, <meta http-equiv ... charset=>, or an XML declaration's encoding.
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)|<\?xml[^>]+encoding=["']([\w-]+)""", re.I)
# Byte-order marks, longest first: a UTF-16 text holds NUL bytes but is not binary.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DETECT_BYTES = 64 * 1024


@dataclass
class RawSource:
    location: str                  # the file path or URL as given
    content: str = ""
    content_type: str = "text/plain"
    data: bytes = b""              # the bytes as read, hashed to recognise the same content again
    error: str = ""                # why it could not be read; empty when it was
    original_url: str = ""         # for a file: the address of the page it was saved from, when known
    published: date | None = None  # the publication day a feed gave for this entry

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data or self.location.encode()).hexdigest()


def expand(arguments: list[str]) -> Iterator[str]:
    """Each file, directory entry and URL the arguments name, in a stable order."""
    for argument in arguments:
        path = Path(argument)
        if argument.startswith(("http://", "https://")) or not path.is_dir():
            yield argument
            continue
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                yield str(child)


def load(location: str) -> Iterator[RawSource]:
    """One raw source per document: a feed yields one per entry. An address of another scheme (file:, ftp:) is
    refused, not read as a path."""
    scheme = _SCHEME.match(location)
    if scheme is None:
        yield _load_file(location)
    elif scheme.group(1).lower() in ("http", "https"):
        yield from _load_url(location)
    else:
        yield RawSource(location, error=f"refused: only http and https addresses are fetched, not {scheme.group(1)}")


def _load_file(location: str) -> RawSource:
    path = Path(location)
    content_type = TEXT_SUFFIXES.get(path.suffix.lower())
    if not path.is_file():
        return RawSource(location, error="no such file")
    if content_type is None:
        return RawSource(location, error=f"unsupported file type {path.suffix or '(none)'}: use .txt or .html")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawSource(location, error=f"cannot read the file: {exc.strerror or exc}")
    return _decoded(location, data, content_type)


@dataclass(frozen=True)
class FetchLimits:
    """What a fetch may cost and reach, from the FETCH_* settings (config/settings.py)."""
    timeout: float                 # seconds for the whole fetch, redirects and a slow body included
    max_redirects: int
    max_bytes: int
    allowed_networks: tuple  # non-public networks fetched all the same (an intranet, a test server on loopback)

    @classmethod
    def from_settings(cls) -> FetchLimits:
        from django.conf import settings

        return cls(settings.FETCH_TIMEOUT_SECONDS, settings.FETCH_MAX_REDIRECTS, settings.FETCH_MAX_BYTES,
                   tuple(ipaddress.ip_network(net, strict=False) for net in settings.FETCH_ALLOWED_NETWORKS))

    @property
    def size_label(self) -> str:
        megabytes, rest = divmod(self.max_bytes, 1024 * 1024)
        return f"{megabytes} MB" if megabytes and not rest else f"{self.max_bytes} B"


class FetchRefused(ValueError):
    """A URL not fetched, or not fetched whole: the message is the reason recorded on the source."""


_REDIRECTS = {301, 302, 303, 307, 308}
_NON_PUBLIC = ("loopback", "link_local", "unspecified", "multicast", "private", "reserved")  # most telling first


def _fetch(url: str) -> tuple[bytes, str, str | None]:
    """The body, content type and charset of an http(s) page within the fetch limits. Redirects are followed here,
    not by a library, so each hop's scheme and address are checked before anything is sent to it."""
    limits = FetchLimits.from_settings()
    deadline = time.monotonic() + limits.timeout
    for _hop in range(limits.max_redirects + 1):
        connection = _connection_to(url, limits, deadline)
        watchdog = threading.Timer(max(deadline - time.monotonic(), 0), connection.shut)
        watchdog.daemon = True
        watchdog.start()
        try:
            connection.request("GET", _request_target(url),
                               headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            response = connection.getresponse()
            if response.status in _REDIRECTS:
                location = (response.getheader("Location") or "").strip()
                if not location:
                    raise FetchRefused(f"the server answered HTTP {response.status} with no Location")
                url = urllib.parse.urljoin(url, location)
                continue
            if response.status >= 400:
                raise FetchRefused(f"the server answered HTTP {response.status} {response.reason}")
            data = _read_capped(response, limits, connection)
            return data, response.msg.get_content_type(), response.msg.get_content_charset()
        except (OSError, http.client.HTTPException) as exc:
            if connection.timed_out or isinstance(exc, TimeoutError):
                raise FetchRefused(f"timed out after {limits.timeout:g} s") from None
            raise FetchRefused(f"unreachable: {exc}") from None
        finally:
            watchdog.cancel()
            connection.close()
    raise FetchRefused(f"more than {limits.max_redirects} redirects")


def _read_capped(response: http.client.HTTPResponse, limits: FetchLimits, connection: _PinnedHTTPConnection) -> bytes:
    """The body, refused as soon as it passes the size cap (a Content-Length over it is refused unread), read a
    chunk at a time so the deadline's watchdog can cut a server that trickles bytes."""
    declared = (response.getheader("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchRefused(f"larger than the {limits.size_label} limit")
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchRefused(f"larger than the {limits.size_label} limit")
        chunks.append(chunk)
    if connection.timed_out:  # the watchdog shut the socket: what was read is a truncated body
        raise FetchRefused(f"timed out after {limits.timeout:g} s")
    return b"".join(chunks)


def _request_target(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))


def _connection_to(url: str, limits: FetchLimits, deadline: float) -> _PinnedHTTPConnection:
    """An unopened connection for ``url``, pinned to an address checked after DNS resolution (so a second lookup
    cannot answer differently), or FetchRefused saying why not."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"refused: only http and https addresses are fetched, not {parts.scheme or 'a path'}")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("refused: an address with an invalid port") from None
    if not host:
        raise FetchRefused("refused: an address without a host")
    address = _checked_address(host, port, limits.allowed_networks)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    return connection_class(host, port, address, timeout=max(deadline - time.monotonic(), 0.001))


def _checked_address(host: str, port: int, allowed_networks: tuple) -> str:
    """The address to connect to: every address DNS gives for ``host`` must be public or in an allowed network (a
    name answering with both a public and a loopback address is refused)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchRefused(f"unreachable: {host} does not resolve ({exc})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not addresses:
        raise FetchRefused(f"unreachable: {host} does not resolve")
    for address in addresses:
        kind = non_public_kind(address)
        if kind and not any(_ip(address) in network for network in allowed_networks):
            article = "an" if kind[0] in "aeiou" else "a"
            raise FetchRefused(f"refused: {host} is {address}, {article} {kind} address "
                               "(FETCH_ALLOWED_NETWORKS can allow its network)")
    return addresses[0]


def non_public_kind(address: str) -> str:
    """What kind of non-public address this is ("loopback", "private", "link-local", ...); "" for a public one.
    An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is."""
    ip = _ip(address)
    kind = next((kind for kind in _NON_PUBLIC if getattr(ip, f"is_{kind}")), None)
    if kind:
        return kind.replace("_", "-")
    return "" if ip.is_global else "non-public"


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # without an IPv6 zone ("fe80::1%eth0")
    return (ip.ipv4_mapped or ip) if isinstance(ip, ipaddress.IPv6Address) else ip


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """A connection to the address already checked; the Host header keeps the name. No proxy is used: a proxy
    would connect to an address this code never saw."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.timed_out = False

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)

    def shut(self):
        """The deadline passed: wake whatever read is blocked on the socket, which then ends or fails."""
        self.timed_out = True
        if self.sock is not None:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    """TLS to the checked address, the certificate verified against the name."""

    default_port = 443

    def connect(self):
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def _load_url(url: str, follow_feed: bool = True) -> Iterator[RawSource]:
    """The page at ``url``, or each entry of the feed there. A feed's entries are loaded as pages: a feed that
    links to a feed (itself, say) is not followed further."""
    try:
        data, content_type, charset = _fetch(url)
    except FetchRefused as exc:
        yield RawSource(url, error=str(exc))
        return
    if content_type in FEED_TYPES or _looks_like_feed(data):
        if not follow_feed:
            yield RawSource(url, data=data, error="a feed entry that is itself a feed")
            return
        entries = feed_entries(data, url)
        if not entries:
            yield RawSource(url, data=data, error="a feed with no entry links")
        for entry in entries:
            for raw in _load_url(entry.link, follow_feed=False):
                raw.published = raw.published or entry.published
                yield raw
        return
    if not content_type.startswith("text/") and content_type != "application/xhtml+xml":
        yield RawSource(url, data=data, error=f"not a text or HTML page ({content_type})")
        return
    yield _decoded(url, data, "text/html" if "html" in content_type else "text/plain", charset)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:500].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf" in head)


@dataclass(frozen=True)
class FeedEntry:
    link: str
    published: date | None = None   # the day the feed says the entry was published, in the feed's own time zone


def feed_entries(data: bytes, base: str | None = None) -> list[FeedEntry]:
    """The article entries of an RSS (0.9x, 1.0, 2.0) or Atom feed, in feed order, read by feedparser: the
    entry's alternate link (not Atom's self or enclosure links), FeedBurner's original link, or a permalink
    guid, with relative links resolved against the feed's own address."""
    import feedparser  # imported on first use, like charset_normalizer: most runs read files

    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None)
    entries, seen = [], set()
    for entry in parsed.entries:
        link = (entry.get("feedburner_origlink") or entry.get("link")
                or (entry.get("id") if entry.get("guidislink") else None) or "").strip()
        if base and link and not link.startswith(("http://", "https://")):
            link = urllib.parse.urljoin(base, link)
        if link.startswith(("http://", "https://")) and link not in seen:
            seen.add(link)
            entries.append(FeedEntry(link, _feed_day(entry.get("published"))))
    return entries


def feed_links(data: bytes, base: str | None = None) -> list[str]:
    """The article links of an RSS or Atom feed, in feed order."""
    return [entry.link for entry in feed_entries(data, base)]


def _feed_day(value: str | None) -> date | None:
    """The calendar day of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, in its own offset: a story posted at
    23:30 -04:00 was published that day, not the next one in UTC."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _decoded(location: str, data: bytes, content_type: str, charset: str | None = None) -> RawSource:
    """Text in the encoding a byte-order mark gives; else UTF-8 when the bytes are valid UTF-8 beyond ASCII; else
    the encoding the server or the page declares; else the one charset-normalizer finds when Windows-1252 would
    read the bytes as gibberish; else Windows-1252."""
    bom = next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data[:4096]:
        return RawSource(location, data=data, error="binary content, not a text or HTML document")
    declared = CHARSET.search(data[:2048])
    declared = declared and (declared.group(1) or declared.group(2)).decode("ascii", "ignore")
    if declared and declared.lower().startswith(("utf-16", "utf-32")):
        declared = None    # a page that says UTF-16 in ASCII bytes is not UTF-16 (a browser's "save as" does this)
    text = _decode_or_none(data, bom) if bom else None
    if text is None and not data.isascii():
        # Bytes that read as UTF-8, multi-byte sequences and all, are UTF-8 whatever a header says: servers that
        # default to ISO-8859-1 would otherwise turn every accent and curly quote into two characters.
        text = _decode_or_none(data, "utf-8")
    for encoding in filter(None, [charset, declared, "utf-8"]):
        if text is not None:
            break
        text = _decode_or_none(data, encoding)
    if text is None:
        text = _undeclared(data)
    if text is None:
        return RawSource(location, data=data, error="undecodable text")
    text = text.removeprefix("\ufeff")
    if content_type == "text/plain" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        content_type = "text/html"
    return RawSource(location, content=storable(text), content_type=content_type, data=data)


def _undeclared(data: bytes) -> str | None:
    """Bytes in an undeclared legacy encoding. Windows-1252 stays the reading wherever charset-normalizer finds it
    as clean as its best guess: on a short Latin-script text the detector cannot tell Western from Central European
    code pages apart, and Windows-1252 is what English pages mostly are. Where Windows-1252 gives gibberish
    (Cyrillic, Greek, Arabic, CJK pages), the detector's best guess is taken."""
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data[:_DETECT_BYTES])
    best = matches.best()
    if best is None:
        return _decode_or_none(data, "cp1252")
    if best.encoding != "cp1252" and not any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches):
        return _decode_or_none(data, best.encoding) or _decode_or_none(data, "cp1252")
    return _decode_or_none(data, "cp1252")


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def storable(text: str) -> str:
    """Databases refuse NUL characters in text; U+FFFD keeps every other character's offset."""
    return text.replace("\x00", "\ufffd")


# Sources tables ------------------------------------------------------------------------------


class SourcesTableError(ValueError):
    """A sources table that cannot be read: the message says what is wrong and where."""


@dataclass(frozen=True)
class SourceRecord:
    url: str
    publisher: str = ""

    @property
    def site(self) -> str:
        """The site the page was published on ("nato.int"): the publisher when nothing else names it."""
        host = urllib.parse.urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")


_PIPE = re.compile(r"(?<!\\)\|")
_RULE = re.compile(r"^[\s|:-]+$")


def read_sources_table(path: str | Path) -> dict[str, SourceRecord]:
    """Each file's original address (and publisher), by file name, from a Markdown table (``| file | url | ... |``)
    or a CSV file with a header row."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesTableError(f"{path}: cannot read the sources table: {exc}") from None
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _markdown_rows(text)
    if not rows:
        raise SourcesTableError(f"{path}: no table found (a header row with `file` and `url` columns)")
    header = [cell.strip().lower() for cell in rows[0]]
    if "file" not in header or "url" not in header:
        raise SourcesTableError(f"{path}: the table needs a `file` and a `url` column, not {', '.join(header)}")
    publisher = next((header.index(name) for name in ("publisher", "outlet") if name in header), None)
    table: dict[str, SourceRecord] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = [cell.strip() for cell in row] + [""] * len(header)
        name, url = Path(cells[header.index("file")]).name, cells[header.index("url")]
        if not name and not url:
            continue
        if not url.startswith(("http://", "https://")):
            raise SourcesTableError(f"{path}: row {number}: {url!r} is not an http(s) address")
        if name in table and table[name].url != url:
            raise SourcesTableError(f"{path}: row {number}: {name} is listed twice with different addresses")
        table[name] = SourceRecord(url, cells[publisher] if publisher is not None else "")
    return table


def _markdown_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|") or _RULE.match(line):
            continue
        cells = _PIPE.split(line.strip("|"))
        rows.append([cell.replace("\\|", "|") for cell in cells])
    return rows


def _csv_rows(text: str) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(text)) if row]
