"""One article in, its meetings out: clean, split, date, name, then read meetings.

Pure: no database, no network. The KnowledgeBase snapshot supplies every name; its
matchers are compiled once per snapshot and reused for every document.
"""
from __future__ import annotations

import re
from datetime import date

from .clean import CleanedArticle, clean
from .dates import DateMention, find_dates
from .document import ExtractedDocument
from .entities import find_entities
from .knowledge import KnowledgeBase
from .meetings import ArticleView, extract_meetings
from .sentences import Sentence, split_sentences

_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40}?,\s+(?:[A-Z][a-z]+,?\s+)?(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b"
                       r"[^.]{0,40}?(?:--|—|–| - )")


class ExtractionError(ValueError):
    """The content holds no readable text (the caller records a failed source)."""


def extract_document(source: str, content: str, kb: KnowledgeBase, *, content_type: str | None = None,
                     published: date | None = None, publisher: str | None = None) -> ExtractedDocument:
    cleaned = clean(content or "", content_type=content_type)
    if not re.search(r"[A-Za-z]{2}", cleaned.text):
        raise ExtractionError(f"{source}: no readable text")
    text = cleaned.text
    sentences = _sentences(cleaned)
    published = published or cleaned.published
    reference = published or _reference_in_text(text, sentences)
    dateline = None if reference else _yearless_dateline(text, sentences)
    headings = [(s.start, s.end) for s in sentences if s.kind != "body"]
    entities = find_entities(text, kb.entity_index, reference, skip=headings)
    view = ArticleView(text, sentences, entities, kb.entity_index, reference, dateline)
    return ExtractedDocument(
        source=source, text=text, title=cleaned.title, publisher=publisher or cleaned.publisher,
        published=published, meetings=extract_meetings(view),
    )


def _sentences(cleaned: CleanedArticle) -> list[Sentence]:
    found = []
    for number, block in enumerate(cleaned.blocks):
        for start, end in split_sentences(cleaned.text, block.start, block.end):
            found.append(Sentence(start, end, cleaned.text[start:end], block.kind, number))
    return found


def _reference_in_text(text: str, sentences: list[Sentence]) -> date | None:
    """The article's own day: a date line, else a full date in a photo caption or a heading."""
    for kinds in (("dateline",), ("caption",), ("heading",)):
        for sentence in sentences:
            if sentence.kind not in kinds:
                continue
            for mention in find_dates(sentence.text):
                if mention.kind == "day":
                    return date(mention.year, mention.month, mention.day)
    return None


def _yearless_dateline(text: str, sentences: list[Sentence]) -> DateMention | None:
    """ "SEOUL, Feb. 3 (Yonhap) --": a month and day whose year the officials' terms may give."""
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        m = _DATELINE.match(sentence.text)
        if m:
            mentions = [d for d in find_dates(m.group("date")) if d.kind == "month_day"]
            return mentions[0] if mentions else None
        return None
    return None
