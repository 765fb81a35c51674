"""One article in, its meetings out: clean, split, date, name, then read meetings.

Pure: no database, no network. The KnowledgeBase snapshot supplies every name; its
matchers are compiled once per snapshot and reused for every document.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .clean import CleanedArticle, clean
from .dates import WEEKDAYS, DateMention, find_dates
from .document import ExtractedDocument
from .entities import dateline_place, find_entities, match_dateline
from .knowledge import KnowledgeBase
from .meetings import ArticleView, extract_meetings
from .sentences import Sentence, split_sentences


# The story's own weekday: "the ministry said Wednesday", "received this Tuesday" (the current day in a wire's lead).
_SAID_ON = re.compile(r"\b(?:(?:said|says|announced|reported)\s+(?:on\s+)?|this\s+)"
                      r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


class ExtractionError(ValueError):
    """The content holds no readable text (the caller records a failed source)."""


def extract_document(source: str, content: str, kb: KnowledgeBase, *, content_type: str | None = None,
                     published: date | None = None, publisher: str | None = None) -> ExtractedDocument:
    cleaned = clean(content or "", content_type=content_type,
                    url=source if source.startswith(("http://", "https://")) else None)
    if not re.search(r"[A-Za-z]{2}", cleaned.text):
        raise ExtractionError(f"{source}: no readable text")
    text = cleaned.text
    sentences = _sentences(cleaned)
    published = published or cleaned.published
    dateline, dateline_end = _wire_dateline(sentences)
    reference = published or _reference_in_text(text, sentences)
    if reference is None and dateline is not None and dateline.kind == "day":
        reference = date(dateline.year, dateline.month, dateline.day)
    if reference is None and dateline is not None:
        reference = _slashed_publication_day(sentences, dateline)
    headings = [(s.start, s.end) for s in sentences if s.kind != "body"]
    home = next((c for c in (dateline_place(kb.entity_index, s.text)[1] for s in _lead(sentences)) if c), None)
    entities = find_entities(text, kb.entity_index, reference, skip=headings, home=home)
    view = ArticleView(text, sentences, entities, kb.entity_index, reference,
                       None if reference else dateline, dateline_end)
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
            if sentence.kind not in kinds or _FILE_PHOTO.search(sentence.text):
                continue
            for mention in find_dates(sentence.text):
                if mention.kind == "day":
                    return date(mention.year, mention.month, mention.day)
    return None


# "FILE - ... (AP Photo/File)": an archive photo, dated by an earlier event than the story's.
_FILE_PHOTO = re.compile(r"^\s*FILE\b|\bPhoto/File\b|\bfile\s+photo\b", re.I)
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})\b")


def _slashed_publication_day(sentences: list[Sentence], dateline: DateMention) -> date | None:
    """A publication line's "11/02/2025" is day-first or month-first; a yearless dateline ("Feb 11") tells which,
    and the line gives the dateline its year."""
    for sentence in _lead(sentences):
        for m in _SLASHED.finditer(sentence.text):
            if {int(m["a"]), int(m["b"])} == {dateline.month, dateline.day}:
                return date(int(m["year"]), dateline.month, dateline.day)
    return None


def _wire_dateline(sentences: list[Sentence]) -> tuple[DateMention | None, int]:
    """The date of a wire dateline ("TOKYO, Nov. 12, 2019 (Kyodo) --", "SEOUL, Feb. 3 (Yonhap) --") and where the
    dateline ends: the story's own day, never the day of the events it reports."""
    for sentence in _lead(sentences):
        m = match_dateline(sentence.text)
        if m is None:
            continue
        mentions = [d for d in find_dates(m.group("date") or "") if d.kind in ("day", "month_day")]
        if not mentions:
            return None, 0
        mention = mentions[0]
        story = sentence.text
        if not story[m.end():].strip(" -–—:"):
            # A dateline alone on its line ("MADRID, 21 Oct. (EUROPA PRESS) -"): the story's lead is the next sentence.
            story = next((s.text for s in sentences if s.kind == "body" and s.start > sentence.start), "")
        said = _SAID_ON.search(story)
        if mention.kind == "month_day" and said:
            # "SEOUL, Oct. 5 (Yonhap) -- ..., the ministry said Wednesday": the story's own weekday narrows its year.
            mention = replace(mention, weekday=WEEKDAYS.index(said.group("weekday").lower()))
        return mention, sentence.start + m.end()
    return None, 0


def _lead(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences up to the first of the body, where a dateline stands (on its own line or opening the story)."""
    lead = []
    for sentence in sentences:
        if sentence.kind in ("body", "heading"):
            lead.append(sentence)
        if sentence.kind == "body":
            break
    return lead
