"""The load stage: turn command-line SOURCE arguments into raw documents.

A SOURCE is a .txt/.html file, a directory (every such file below it), an
http(s) URL, or an RSS/Atom feed URL (each entry's link is loaded). Loading
never raises for bad input: a source that cannot be read comes back with its
``error`` set, so the caller can record it as failed and go on.

A file saved from the web can name the page it came from in a sources table
(``read_sources_table``): a Markdown or CSV table with a ``file`` and a ``url``
column, and optionally a ``publisher`` (or ``outlet``) column.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bs4 import BeautifulSoup

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html", ".htm": "text/html"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 15
USER_AGENT = "Ministerial/1.0 (defense meetings research database)"
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


@dataclass
class RawSource:
    location: str                  # the file path or URL as given
    content: str = ""
    content_type: str = "text/plain"
    data: bytes = b""              # the bytes as read, hashed to recognise the same content again
    error: str = ""                # why it could not be read; empty when it was
    original_url: str = ""         # for a file: the address of the page it was saved from, when known

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
    """One raw source per document: a feed yields one per entry."""
    if location.startswith(("http://", "https://")):
        yield from _load_url(location)
    else:
        yield _load_file(location)


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


def _fetch(url: str) -> tuple[bytes, str, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        data = response.read(MAX_BYTES + 1)
        content_type, charset = response.headers.get_content_type(), response.headers.get_content_charset()
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    return data, content_type, charset


def _load_url(url: str) -> Iterator[RawSource]:
    try:
        data, content_type, charset = _fetch(url)
    except urllib.error.HTTPError as exc:
        yield RawSource(url, error=f"the server answered HTTP {exc.code} {exc.reason}")
        return
    except urllib.error.URLError as exc:
        yield RawSource(url, error=f"unreachable: {exc.reason}")
        return
    except (TimeoutError, OSError) as exc:
        yield RawSource(url, error=f"unreachable: {exc}")
        return
    except ValueError as exc:
        yield RawSource(url, error=str(exc))
        return
    if content_type in FEED_TYPES or _looks_like_feed(data):
        links = feed_links(data)
        if not links:
            yield RawSource(url, data=data, error="a feed with no entry links")
        for link in links:
            yield from _load_url(link)
        return
    if not content_type.startswith("text/") and content_type != "application/xhtml+xml":
        yield RawSource(url, data=data, error=f"not a text or HTML page ({content_type})")
        return
    yield _decoded(url, data, "text/html" if "html" in content_type else "text/plain", charset)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:500].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def feed_links(data: bytes) -> list[str]:
    """The article links of an RSS or Atom feed, in feed order."""
    soup = BeautifulSoup(data, "lxml-xml")
    links = []
    for entry in soup.find_all(["item", "entry"]):
        link = entry.find("link")
        if link is None:
            continue
        href = (link.get("href") or link.get_text()).strip()
        if href.startswith(("http://", "https://")) and href not in links:
            links.append(href)
    return links


def _decoded(location: str, data: bytes, content_type: str, charset: str | None = None) -> RawSource:
    """Text in the encoding the server or the page declares, else UTF-8, else Windows-1252."""
    if b"\x00" in data[:4096]:
        return RawSource(location, data=data, error="binary content, not a text or HTML document")
    declared = CHARSET.search(data[:2048])
    declared = declared and declared.group(1).decode("ascii", "ignore")
    for encoding in filter(None, [charset, declared, "utf-8", "cp1252"]):
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        return RawSource(location, data=data, error="undecodable text")
    if content_type == "text/plain" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        content_type = "text/html"
    return RawSource(location, content=storable(text), content_type=content_type, data=data)


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
