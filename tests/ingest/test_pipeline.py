"""The entry point: odd input never raises, unreadable input raises ExtractionError."""
import pytest

from ingest.pipeline import ExtractionError, extract_document
from testkb import small_kb

KB = small_kb()


@pytest.mark.parametrize("content", ["", "   \n\n ", "\x00\x01\x02\ufffd" * 50])
def test_unreadable_content_raises_extraction_error(content):
    with pytest.raises(ExtractionError):
        extract_document("x.txt", content, KB)


@pytest.mark.parametrize("content", [
    "Hello world",
    "<html><body><nav>Home</nav><p>Nothing happened today.</p></body></html>",
    "\u00e9\u00df\u4e2d\u6587 junk \x07 " * 30,
    "met met met. The two met. They met with. held talks with",
    '"Unclosed quote by Minister Marles said, “ yes',
    "Defense Minister " * 40,
])
def test_odd_input_gives_a_document(content):
    doc = extract_document("x.txt", content, KB, content_type=None)
    assert isinstance(doc.meetings, list)


def test_spans_point_at_the_sentence_in_the_cleaned_text():
    doc = extract_document("x.txt", "Intro.\n\nJapanese Defense Minister Minoru Kihara met Australian Defence "
                                    "Minister Richard Marles in Tokyo. They condemned the launch.", KB)
    [meeting] = doc.meetings
    start, end = meeting.statements[0].span
    assert doc.text[start:end] == "They condemned the launch."
    assert doc.text[slice(*meeting.participants[0].span)] == "Minoru Kihara"
