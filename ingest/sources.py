"""The load stage: turn command-line SOURCE arguments into raw documents.

A SOURCE is a .txt/.html file, a directory (every such file below it), an
http(s) URL, or an RSS/Atom feed URL (each entry's link is loaded, with the day the feed gives). Loading
never raises for bad input: a source that cannot be read comes back with its
``error`` set, so the caller can record it as failed and go on.

A file saved from the web can name the page it came from in a sources table
(``read_sources_table``): a Markdown or CSV table with a ``file`` and a ``url``
column, and optionally a ``publisher`` (or ``outlet``) column.
"""
from __future__ import annotations

import csv
import email.utils
import hashlib
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html", ".htm": "text/html"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 15
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
        entries = feed_entries(data, url)
        if not entries:
            yield RawSource(url, data=data, error="a feed with no entry links")
        for entry in entries:
            for raw in _load_url(entry.link):
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
