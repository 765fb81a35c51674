"""Property tests: whatever a file holds, the ingest records it as a Source with a status and, when it failed, the
reason; no input raises out of loading, extraction or writing, and none is an extractor bug (an exception inside
the extractor) or kills the worker. Each example is loaded from a file, extracted in the worker (ingest/guard.py)
and written, as ``manage.py ingest`` does. The normal run tries 50 examples per property; ``make fuzz`` 1,700."""
import time

import pytest
from hypothesis import given, strategies as st

from ingest.guard import ExtractionFailed, extract_source
from ingest.sources import load
from ingest.writer import write
from meetings.models import Source, SourceStatus

pytestmark = pytest.mark.django_db

BUG = ("extractor error", "the extraction worker died")

# An invented report (not from any corpus) to cut, nest and re-encode.
ARTICLE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ministers meet in Seoul</title></head><body>"
           "<article><h1>Defense chiefs pledge closer ties</h1><p>SEOUL, March 4, 2021 -- South Korean Defense "
           "Minister Suh Wook met U.S. Defense Secretary Lloyd Austin in Seoul on Thursday.</p><p>\u201cWe will "
           "expand joint training,\u201d Suh said. The two agreed to hold a joint exercise by June 2022.</p>"
           "<p>Caf\u00e9 talks in M\u00fcnchen \u2014 na\u00efve r\u00e9sum\u00e9 \u4e2d\u6587 \u0420\u043e\u0441\u0441\u0438\u044f"
           "</p></article></body></html>")
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030",
             "iso-8859-7", "ascii"]
MAGIC = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"GIF89a\x01\x00\x01\x00",
         b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"PK\x03\x04\x14\x00\x00\x00", b"\x7fELF\x02\x01\x01\x00",
         b"\x1f\x8b\x08\x00\x00\x00\x00\x00"]
TAGS = ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
        "<br/>", "<table><tr><td>", "</td>", "&amp;", "&#x0;", "&#xD800;", "&nbsp", "<meta charset=\"koi8-r\">",
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<html>", "</html>", "<body", "<a href=\"javascript:x\">",
        "<svg><foreignObject>", "<title>", "</title>", "<h1>", "\x00", "\r", "\u2028", "\ufeff"]


def ingest_file(path, data: bytes, knowledge, time_limit: float = 10):
    """Load, extract and write one file as the ingest command does; the stored Source."""
    path.write_bytes(data)
    (raw,) = load(str(path))
    try:
        document, error = extract_source(raw, knowledge, time_limit=time_limit), ""
    except ExtractionFailed as exc:
        document, error = None, str(exc)
    write(raw, document, error)
    return Source.objects.get(content_hash=raw.content_hash)


def assert_recorded(source: Source):
    assert source.status in SourceStatus.values
    if source.status == SourceStatus.FAILED:
        assert source.failure_reason and not source.failure_reason.startswith(BUG), source.failure_reason
    else:
        assert source.failure_reason == ""
        assert source.meetings.exists() == (source.status == SourceStatus.OK)


suffixes = st.sampled_from([".txt", ".html"])


@given(data=st.binary(max_size=4096), suffix=suffixes)
def test_random_bytes(tmp_path, knowledge, data, suffix):
    assert_recorded(ingest_file(tmp_path / f"random{suffix}", data, knowledge))


@given(cut=st.integers(0, len(ARTICLE)), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]), suffix=suffixes)
def test_truncated_html(tmp_path, knowledge, cut, encoding, suffix):
    data = ARTICLE[:cut].encode(encoding, errors="replace")
    assert_recorded(ingest_file(tmp_path / f"truncated{suffix}", data, knowledge))


@given(parts=st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=80), suffix=suffixes)
def test_malformed_html(tmp_path, knowledge, parts, suffix):
    data = "".join(parts).encode("utf-8", errors="surrogatepass")
    assert_recorded(ingest_file(tmp_path / f"malformed{suffix}", data, knowledge))


@given(segments=st.lists(st.tuples(st.one_of(st.text(max_size=60), st.sampled_from(ARTICLE.split("<p>"))),
                                   st.sampled_from(ENCODINGS)), min_size=1, max_size=6),
       declared=st.one_of(st.none(), st.sampled_from([*ENCODINGS, "bogus-charset", "utf-7", "x-user-defined"])),
       bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), suffix=suffixes)
def test_wrong_and_mixed_encodings(tmp_path, knowledge, segments, declared, bom, suffix):
    """Segments each in its own encoding, under a declaration and a byte-order mark that may say otherwise."""
    head = f'<meta charset="{declared}">'.encode() if declared else b""
    data = bom + head + b"".join(text.encode(encoding, errors="replace") for text, encoding in segments)
    assert_recorded(ingest_file(tmp_path / f"encodings{suffix}", data, knowledge))


@given(magic=st.sampled_from(MAGIC), body=st.binary(max_size=2048), suffix=suffixes)
def test_binary_files_saved_as_text(tmp_path, knowledge, magic, body, suffix):
    source = ingest_file(tmp_path / f"image{suffix}", magic + body, knowledge)
    assert_recorded(source)


def nested(depth: int, tag: str = "div", closed: bool = True) -> bytes:
    body = ARTICLE.split("<article>")[1].split("</article>")[0]
    return f"<html><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth if closed else ''}</body></html>".encode()


@given(depth=st.integers(1, 3_000), tag=st.sampled_from(["div", "span", "b", "table", "li", "blockquote"]),
       closed=st.booleans())
def test_deeply_nested_markup(tmp_path, knowledge, depth, tag, closed):
    assert_recorded(ingest_file(tmp_path / "nested.html", nested(depth, tag, closed), knowledge, time_limit=5))


def test_markup_nested_past_what_the_cleaner_reads_in_time_is_a_timeout(tmp_path, knowledge):
    """20,000 nested blocks take the cleaner minutes (its time grows with the square of the depth): the limit
    holds, the source is recorded as failed: timeout."""
    started = time.monotonic()
    source = ingest_file(tmp_path / "nested.html", nested(20_000), knowledge, time_limit=2)
    assert time.monotonic() - started < 10
    assert (source.status, source.failure_reason) == (SourceStatus.FAILED,
                                                      "timeout: extraction ran past the 2 s limit")


@pytest.mark.parametrize("name", ["empty.txt", "empty.html"])
def test_an_empty_file_is_recorded_as_failed(tmp_path, knowledge, name):
    source = ingest_file(tmp_path / name, b"", knowledge)
    assert (source.status, source.failure_reason) == (SourceStatus.FAILED, f"{tmp_path / name}: no readable text")


@pytest.mark.parametrize("magic", [MAGIC[0], MAGIC[1]], ids=["png", "pdf"])
def test_an_image_or_pdf_is_recorded_as_failed_binary(tmp_path, knowledge, magic):
    source = ingest_file(tmp_path / "scan.html", magic + bytes(range(256)) * 8, knowledge)
    assert (source.status, source.failure_reason) == (SourceStatus.FAILED,
                                                      "binary content, not a text or HTML document")


def test_a_10_mb_text_ends_within_the_time_limit_and_is_recorded(tmp_path, knowledge):
    paragraph = ARTICLE.split("<p>")[1].split("</p>")[0] + "\n\n"
    data = (paragraph * (10 * 1024 * 1024 // len(paragraph) + 1)).encode()[:10 * 1024 * 1024]
    started = time.monotonic()
    source = ingest_file(tmp_path / "huge.txt", data, knowledge, time_limit=3)
    assert time.monotonic() - started < 3 + 15   # the limit, plus reading, hashing and storing 10 MB
    assert_recorded(source)
    assert len(source.raw_content) == len(data)
