"""One article in, its meetings out: clean, split, date, name, then read meetings.

Pure: no database, no network. The KnowledgeBase snapshot supplies every name; its
matchers are compiled once per snapshot and reused for every document.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .clean import CleanedArticle, clean
from .dates import ARCHIVE_PHOTO, WEEKDAYS, DateMention, find_dates, is_future_context
from .document import ExtractedDocument
from .entities import dateline_place, find_entities, in_other_office, match_dateline
from .evidence import add_evidence
from .knowledge import KnowledgeBase
from .meetings import ArticleView, extract_meetings
from .meetings.days import named_as_former
from .sentences import Sentence, split_sentences


# The story's own weekday: "the ministry said Wednesday", "received this Tuesday" (the current day in a wire's lead).
_SAID_ON = re.compile(r"\b(?:(?:said|says|announced|reported)\s+(?:on\s+)?|this\s+)"
                      r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


class ExtractionError(ValueError):
    """The content holds no readable text (the caller records a failed source)."""


def extract_document(source: str, content: str, kb: KnowledgeBase, *, content_type: str | None = None,
                     published: date | None = None, publisher: str | None = None) -> ExtractedDocument:
    cleaned, view, published = read_article(source, content, kb, content_type=content_type, published=published)
    meetings = extract_meetings(view)
    add_evidence(view.text, view.sentences, meetings, view.reference, view.dates_in)   # the dates meeting detection read
    return ExtractedDocument(
        source=source, text=view.text, title=cleaned.title, publisher=publisher or cleaned.publisher,
        published=published, meetings=meetings,
    )


def read_article(source: str, content: str, kb: KnowledgeBase, *, content_type: str | None = None,
                 published: date | None = None) -> tuple[CleanedArticle, ArticleView, date | None]:
    """Everything the meeting stage reads: the cleaned article, its sentences, dates and names (``ArticleView``),
    and its publication day."""
    cleaned = clean(content or "", content_type=content_type,
                    url=source if source.startswith(("http://", "https://")) else None)
    if not re.search(r"[A-Za-z]{2}", cleaned.text):
        raise ExtractionError(f"{source}: no readable text")
    text = cleaned.text
    sentences = _sentences(cleaned)
    dateline, dateline_end = _wire_dateline(sentences)
    given = published
    reference = published or _reference_day(text, sentences, cleaned.published, dateline)
    if published is None and dateline is not None:
        published = reference     # the story's day by its dateline, not a site's clock or a repost's date
    published = published or cleaned.published
    headings = [(s.start, s.end) for s in sentences if s.kind != "body"]
    home = next((c for c in (dateline_place(kb.entity_index, s.text)[1] for s in _lead(sentences)) if c), None)
    entities = find_entities(text, kb.entity_index, reference, skip=headings, home=home)
    dated_dateline = dateline is not None and dateline.kind == "day"
    if reference is not None and given is None and not dated_dateline \
            and not _anyone_in_office(text, entities, reference):
        # A site's clock or a crawl's date line outside every named official's term is not the story's day.
        reference = published = None
        entities = find_entities(text, kb.entity_index, None, skip=headings, home=home)
    view = ArticleView(text, sentences, entities, kb.entity_index, reference,
                       None if reference else dateline, dateline_end)
    return cleaned, view, published


def _anyone_in_office(text: str, entities, day: date) -> bool:
    """Whether one of the officials the article names in an office (not as a former one, nor in an office outside
    defense, which the KB's terms do not cover: a former defense minister named as prime minister) held a recorded
    office on ``day``; True when it names none."""
    officials = [p.official for p in entities.people.values() if p.official is not None and p.role
                 and not named_as_former(text, p) and not in_other_office(p)]
    return not officials or any(t.covers(day) for o in officials for t in o.tenures)


def _sentences(cleaned: CleanedArticle) -> list[Sentence]:
    found = []
    for number, block in enumerate(cleaned.blocks):
        for start, end in split_sentences(cleaned.text, block.start, block.end):
            found.append(Sentence(start, end, cleaned.text[start:end], block.kind, number))
    return found


def _reference_day(text: str, sentences: list[Sentence], published: date | None,
                   dateline: DateMention | None) -> date | None:
    """The article's own day. A dated wire dateline is the story's day and comes first: a page's own date line
    may be a repost's or a site clock's. A yearless one takes the full date of the header that agrees with it
    ("2 Jan 2026 / Monday 6 May 2019 - 09:12 / Lagos, May 6, AGENCY"). Otherwise the publication line,
    else a date line, caption or heading; a yearless dateline without them is left to the officials' terms."""
    if dateline is not None and dateline.kind == "day":
        return date(dateline.year, dateline.month, dateline.day)
    if dateline is not None:
        agreeing = _agreeing_header_day(sentences, dateline)
        if agreeing is not None:
            return agreeing
        found = published or _reference_in_text(text, sentences)
        return _dateline_day_before(dateline, found) or found or _slashed_publication_day(sentences, dateline)
    return published or _reference_in_text(text, sentences)


def _dateline_day_before(dateline: DateMention, page_day: date | None) -> date | None:
    """A yearless dateline's day in the year of the page's date, when it falls up to a week before it ("Manama,
    Mar. 14 (Agency)" on a page dated March 15): the story's day, the page's only the day it was posted."""
    if page_day is None or dateline.kind != "month_day":
        return None
    for year in (page_day.year, page_day.year - 1):
        try:
            day = date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if 0 <= (page_day - day).days <= 7:
            return day
    return None


def _agreeing_header_day(sentences: list[Sentence], dateline: DateMention) -> date | None:
    """A full date of the header (the lines up to the story's first sentence, that one included) on the yearless
    dateline's month and day: a site's clock line, then "Monday 6 May 2019 - 09:12", then "Lagos, May 6, AGENCY ..."."""
    for sentence in sentences:
        for mention in find_dates(sentence.text):
            if mention.kind == "day" and (mention.month, mention.day) == (dateline.month, dateline.day):
                return date(mention.year, mention.month, mention.day)
        if sentence.kind == "body":
            break
    return None


def _reference_in_text(text: str, sentences: list[Sentence]) -> date | None:
    """The article's own day: a date line, else a full date in a photo caption or a heading (not of an archive
    photo, whose credit may be a sentence of its own)."""
    archive = {s.block for s in sentences if s.kind != "body" and ARCHIVE_PHOTO.search(s.text)}
    for kinds in (("dateline",), ("caption",), ("heading",)):
        for sentence in sentences:
            if sentence.kind not in kinds or sentence.block in archive:
                continue
            days = {date(m.year, m.month, m.day) for m in find_dates(sentence.text) if m.kind == "day"}
            if len(days) == 1:     # two photos of two days side by side date neither the story
                return days.pop()
    return None


_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})\b")


def _slashed_publication_day(sentences: list[Sentence], dateline: DateMention) -> date | None:
    """A publication line's "11/02/2025" is day-first or month-first; a yearless dateline ("Feb 11") tells which,
    and the line gives the dateline its year."""
    for sentence in _lead(sentences):
        for m in _SLASHED.finditer(sentence.text):
            if {int(m["a"]), int(m["b"])} == {dateline.month, dateline.day}:
                return date(int(m["year"]), dateline.month, dateline.day)
    return None


# A dateline DATELINE (entities) leaves out, its date right after the place: "Osaka, Mar. 2 (Agency Press)--The",
# "Rome, May 05, 2020, AGN --", "ASTANA, June 3, 2019, Agency-Name —", "Lagos, May 6, AGN The minister ...".
_DATED_PLACE = re.compile(r"(?!(?:On|In|By|From|Since|Until|As|At)\b)[A-Z][A-Za-z .'’-]{1,30}?(?:\s*\[[^\]]{2,30}\])?"
                          r"(?:,\s+[A-Z][A-Za-z .'’-]{1,30}?)?(?:,\s+|(?<=\])\s+)"     # "Dushanbe [Tajikistan] July 28 (ANI):"
                          r"(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d)")
# After the date: an agency in brackets, or a name then a dash, or an agency in capitals, or only a dash.
_DATED_TAIL = re.compile(r"[.,]?\s*(?:\((?P<paren>[^()]{2,60})\)\s*|(?P<agency>[A-Z][A-Za-z-]+(?:[ -][A-Z][A-Za-z-]+)?)\s*)?"
                         r"(?P<dash>--|—|–|-(?=\s)|:|/[A-Z]+/)?")


# A byline run into the story with the date between them: "By Ana Ruiz/Agency March 03, 2017 The minister ...".
_DATED_BYLINE = re.compile(r"\S{0,12}?By\s+[A-Z][^\d;:.]{1,60}?\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d)")


def _dated_byline(line: str) -> tuple[DateMention, int] | None:
    m = _DATED_BYLINE.match(line)
    if m is None:
        return None
    mentions = find_dates(line[m.end():m.end() + 40])
    if not mentions or mentions[0].start != 0 or mentions[0].kind != "day":
        return None
    end = m.end() + mentions[0].end
    return (mentions[0], end) if re.match(r"\s+[A-Z“\"]", line[end:]) else None


# The date inside the dateline's brackets: "SARAJEVO, Bosnia (January 23, 2008) -", "MOSCOW (Agency / Wire - 24th
# June, 2019) The minister ...".
_BRACKETED_DATE = re.compile(r"(?!(?:On|In|By|From|Since|Until|As|At)\b)[A-Z][A-Za-z .'’-]{1,30}?"
                             r"(?:,\s+[A-Z][A-Za-z .'’-]{1,30}?)?\s*\((?P<inside>[^()]{4,80})\)\s*(?:--|—|–|-(?=\s)|:)?")


def _dated_place(line: str) -> tuple[DateMention, int] | None:
    """The date of a "Place, date, Agency --" dateline (or a dated byline, or a date in the dateline's brackets)
    opening ``line`` and where it ends."""
    m = _DATED_PLACE.match(line)
    if m is None:
        return _bracketed_date(line) or _dated_byline(line) or _dashed_date(line)
    mentions = find_dates(line[m.end():m.end() + 40])
    if not mentions or mentions[0].start != 0 or mentions[0].kind not in ("day", "month_day"):
        return None
    mention = mentions[0]
    tail = _DATED_TAIL.match(line, m.end() + mention.end)
    agency = tail.group("agency")
    if not line[m.end() + mention.end:].strip(" .,"):
        return mention, len(line)    # a dateline on a line of its own: "New Delhi, February 21"
    if not (tail.group("paren") or tail.group("dash") or agency and agency.split()[0].isupper()
            and len(agency.split()[0]) >= 2):
        return None
    end = tail.end("dash") if tail.group("dash") else tail.end("paren") + 1 if tail.group("paren") \
        else tail.start("agency") + len(agency.split()[0])
    return mention, end


# A release's date before a dash, no place: "October 16, 2020 – Defence Secretary Ben Wallace yesterday ...".
_DATE_DASH = re.compile(r"\s*(?:--|—|–|-)\s+(?=[A-Z])")


def _dashed_date(line: str) -> tuple[DateMention, int] | None:
    mentions = find_dates(line[:40])
    if not mentions or mentions[0].start != 0 or mentions[0].kind != "day":
        return None
    dash = _DATE_DASH.match(line, mentions[0].end)
    return (mentions[0], dash.end()) if dash else None


def _bracketed_date(line: str) -> tuple[DateMention, int] | None:
    m = _BRACKETED_DATE.match(line)
    if m is None:
        return None
    inside = m.group("inside").rstrip()
    mentions = [d for d in find_dates(inside) if d.kind == "day" and d.end == len(inside)]
    return (mentions[-1], m.end()) if mentions else None


def _wire_dateline(sentences: list[Sentence]) -> tuple[DateMention | None, int]:
    """The date of a wire dateline ("TOKYO, Nov. 12, 2019 (Kyodo) --", "SEOUL, Feb. 3 (Yonhap) --") and where the
    dateline ends: the story's own day, never the day of the events it reports."""
    for sentence in _lead(sentences):
        credit = _REPOST_CREDIT.match(sentence.text)
        if credit:
            # "(MENAFN- Kuwait News Agency (KUNA)) RIYADH, Oct 8 (KUNA) -- ...": the dateline after the repost's credit
            sentence = Sentence(sentence.start + credit.end(), sentence.end, sentence.text[credit.end():],
                                sentence.kind, sentence.block)
        m = match_dateline(sentence.text)
        dated = _dated_place(sentence.text)
        if m is None and dated is None:
            continue
        if m is not None and dated is not None and not m.group("date"):
            m = None    # "By Ana Ruiz/Agency March 03, 2017 The ...": the date is the byline's
        mentions = [d for d in find_dates(m.group("date") or "") if d.kind in ("day", "month_day")] if m else []
        if mentions:
            mention, end = mentions[0], m.end()
        elif dated is not None:
            mention, end = dated
        elif sentence.kind == "heading":
            continue    # "UK: Minister Visits Warsaw": a headline's label, not the story's dateline
        else:
            return None, 0
        story = sentence.text[end:]
        if not story.strip(" -–—:"):
            # A dateline alone on its line ("MADRID, 21 Oct. (EUROPA PRESS) -"): the story's lead is the next sentence.
            story = next((s.text for s in sentences if s.kind == "body" and s.start > sentence.start), "")
        said = _SAID_ON.search(story)
        if mention.kind == "month_day" and said:
            # "SEOUL, Oct. 5 (Yonhap) -- ..., the ministry said Wednesday": the story's own weekday narrows its year.
            mention = replace(mention, weekday=WEEKDAYS.index(said.group("weekday").lower()))
        elif mention.kind == "month_day":
            told = _lead_weekday(story)
            if told is not None:
                # "SOFIA, July 10 (AGENCY) -- A and B signed Tuesday ...": a wire's lead tells the day's news or the
                # day before's (a time zone, a late filing), so the dateline's day fell on that weekday or the next.
                mention = replace(mention, weekday=told, weekday_lag=1)
        return mention, sentence.start + end
    return _posted_day(sentences), 0


# An aggregator's credit opening a reposted story: "(MENAFN- Kuwait News Agency (KUNA)) ".
_REPOST_CREDIT = re.compile(r"\([A-Z][A-Za-z]{2,15}\s?-\s?[^()]*(?:\([^()]*\))?[^()]*\)\s+")
_RELAYED = re.compile(r"\b(?:said|says|announced|reported|according\s+to|told)\b")
# "since Monday", "last Friday", "before Sunday": a weekday the event is counted from, not the event's own.
_NOT_THAT_DAY = re.compile(r"\b(?:last|next|this|since|until|before|after|by)\s+$", re.I)


def _lead_weekday(lead: str) -> int | None:
    """The weekday of the event a wire's lead sentence tells as held ("signed Tuesday", "met on Monday"): its first
    weekday, when nothing before it is a date and its clause is no plan ("will meet on Friday"). A lead that relays
    a statement ("met on Monday, the ministry said") may be filed days after the event: none."""
    if _RELAYED.search(lead):
        return None
    for mention in find_dates(lead):
        if mention.kind != "weekday":
            return None
        if is_future_context(lead, mention.start, mention.end) or _NOT_THAT_DAY.search(lead, 0, mention.start):
            return None
        return mention.weekday
    return None


# "Posted Wed 12 Jun": a publication line without its year, whose weekday narrows the years the officials allow.
_POSTED = re.compile(r"(?:posted|published|updated)(?:\s+on)?\s*:?\s*(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+",
                     re.I)


def _posted_day(sentences: list[Sentence]) -> DateMention | None:
    for sentence in sentences:
        if sentence.kind == "body":
            break
        m = _POSTED.match(sentence.text)
        if m is None:
            continue
        mentions = find_dates(sentence.text[m.end():])
        if mentions and mentions[0].start == 0 and mentions[0].kind == "month_day":
            weekday = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(m.group("weekday").lower()))
            return replace(mentions[0], weekday=weekday)
    return None


def _lead(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences up to the first of the body, where a dateline stands (on its own line or opening the story);
    a one-sentence summary paragraph above the story (ANI's "A met B. / Dushanbe [Tajikistan] July 28 (ANI): A ...")
    leaves the dateline to the next paragraph's opening."""
    lead = []
    for sentence in sentences:
        if sentence.kind in ("body", "heading"):
            lead.append(sentence)
        if sentence.kind == "body":
            following = next((s for s in sentences if s.start > sentence.start and s.kind == "body"), None)
            alone = not any(s.block == sentence.block and s is not sentence for s in sentences)
            if alone and following is not None and following.block != sentence.block \
                    and _BRACKETED_AGENCY.search(following.text[:60]):
                lead.append(following)
            break
    return lead


# A wire agency's credit in brackets early in a paragraph: "(ANI):", "(PTI) -", "(Xinhua) --".
_BRACKETED_AGENCY = re.compile(r"\((?:[A-Z]{2,8}|[A-Z][a-z]+)\)\s*(?::|--|—|–|-)")
