"""Where and how a meeting was held: its venue (a place named as where, not as who or as a topic), its format
(in person, by phone, by video) and the name it was held under.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from ..entities import dateline_place
from ..sentences import Sentence
from .article import ArticleView, Draft
from .held import PHONE_CUE, VIDEO_CUE


_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|visit\s+to|trip\s+to|across|visiting|visited|visits)\s+(?:the\s+)?"
                              r"|,\s+(?:the\s+)?)$")
# "Japan-Ukraine", "U.S.-Japan": a country joined to another names a side, never a place.
_COMPOUND_AFTER = re.compile(r"[A-Z][\w.’' ]{0,30}?[-–][A-Z]")
# "to Japan and South Korea": a country listed after a place of the trip is a place too.
_LIST_BEFORE = re.compile(r"(?:,|\s+and|,\s+and)\s+(?:the\s+)?$")
# The nouns of _MEETING_NOUN, as plain words for a substring test.
_MEETING_NOUNS = ("Ministerial", "Meeting", "Conference", "Dialogue", "Talks", "Consultation", "Summit", "Forum",
                  "Committee", "Session")
_MEETING_NOUN = r"(?:Ministerial|Meeting|Conference|Dialogue|Talks|Consultations?|Summit|Forum|Committee|Session)"
_QUOTED_NAME = re.compile(rf"[‘“\"'](?P<name>[A-Z][^‘“”\"]{{2,90}}?{_MEETING_NOUN}(?:[-‐]Plus)?)[’”\"']")
_CAPITALIZED_NAME = re.compile(
    rf"(?P<name>(?:[A-Z][\w.’'-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){{1,8}}?{_MEETING_NOUN}(?:[-‐]Plus)?)\b")
# "the situation in Ukraine", "tensions in the Red Sea": a place the talks were about, not where they were held.
_TOPIC_PLACE = re.compile(r"\b(?:situation|war|conflict|crisis|peace|stability|security|tensions?|developments|events|"
                          r"fighting|attacks?|aggression|invasion|elections?|instability|violence)\s+(?:in|on|at)\s+"
                          r"(?:the\s+)?$", re.I)
_PLACE_LEAD = re.compile(r"\b(?:at|in|visited|to)\s+(?:the\s+|a\s+)?(?:former\s+)?")
# "to Warsaw" names the venue only after a verb of coming or receiving ("welcomed X to Warsaw").
_TO_VENUE = re.compile(r"\b(?:welcom\w*|visit\w*|trip|travel\w*|came|come|arrived|flew|invited|hosted|received)\b")
_CITY_OF = re.compile(r"^(?:[A-Z][\w’'-]*\s+)?(?:capital|city|town|port)(?:\s+city)?(?:\s+of)?\s+")
_CITY_STATES = frozenset(("SG", "MC", "VA"))   # "in Singapore": the country is its own city
_PLACE_WORDS = frozenset("building headquarters base hotel hall palace office ministry complex compound center centre "
                         "house capital city town port of the in".split())
_NOT_THIS_MEETING = re.compile(r"(?:sidelines\s+of|ahead\s+of|future|next|upcoming)\s+(?:the\s+|a\s+)?"
                               r"(?:\d+(?:st|nd|rd|th)\s+)?$", re.I)    # "... sidelines of the 11th ADMM"
_NOT_A_NAME = re.compile(r"(?:Security Council|The|This|He|She|They)\b|(?:Joint\s+)?(?:Press|News)\s+Conference$"
                         # a headline's clause, not a name: "Mattis Says Talks", "Ministers Hold Talks"
                         r"|.*\b(?:Says|Said|Holds|Hold|Held|Meets|Meet|Met|Discuss|Discusses|Discussed|Begin|Begins|"
                         r"Ends|Start|Starts|Went|Go|Goes|Hails|Vows)\b")


def _is_location(view: ArticleView, sentence_start: int, position: int) -> bool:
    """A country named as where ("in Japan", "Clark Air Base, the Philippines"), not who ("Japan, Australia and")."""
    if _COMPOUND_AFTER.match(view.text, position):
        return False    # "at the Japan-Ukraine Defense Ministerial Meeting": a side of the meeting's name
    m = _LOCATION_BEFORE.search(view.text, max(sentence_start, position - 14), position)
    if m is None or m.group().startswith(","):
        listed = _LIST_BEFORE.search(view.text, max(sentence_start, position - 12), position)
        earlier = view.entities.mentions_in(max(sentence_start, position - 60), position) if listed else []
        if earlier and earlier[-1].end == listed.start() and _is_location(view, sentence_start, earlier[-1].start):
            return True
    if m is None:
        return False
    if not m.group().startswith(","):
        return True
    comma = m.start()
    return any(p.end == comma for p in view.entities.mentions_in(max(sentence_start, comma - 60), comma, kinds=("place",)))


def _meeting_name(text: str, sentence: Sentence) -> str | None:
    window = text[sentence.start:sentence.end]
    if not any(noun in window for noun in _MEETING_NOUNS):
        return None    # both patterns end in one: a substring test rules most sentences out cheaply
    for pattern in (_QUOTED_NAME, _CAPITALIZED_NAME):
        for m in pattern.finditer(window):
            before = window[:m.start()]
            if _NOT_THIS_MEETING.search(before):
                continue
            name = m.group("name").strip()
            if len(name.split()) >= 2 and not _NOT_A_NAME.match(name):
                return name
    return None


# A day or month's name: capitalized, but never part of a place's name ("in Tokyo Sunday", "in March in Tokyo").
_DAY_WORD = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
             r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
# The capitalized words that go on naming a place ("Camp Aguinaldo", "Kuala Lumpur Convention Centre"), not a day
# after it in AP style ("in Tokyo Sunday", "in Calgary on Monday").
_PLACE_TAIL = re.compile(rf"(?:\s+(?!(?:on|in|at|{_DAY_WORD})\b)[A-Z][\w-]*)*")
_DAY_WORD_ALONE = re.compile(rf"(?:{_DAY_WORD})\.?")


def _location(view: ArticleView, start: int, end: int) -> tuple[str | None, str | None]:
    """The place of an encounter named in a sentence ("at the former X Air Base, the Philippines")."""
    text = view.text
    for mention in view.entities.mentions_in(start, end, kinds=("place",)):
        lead = _place_lead(text, max(start, mention.start - 60), mention.start)
        if lead is None or _TOPIC_PLACE.search(text, max(start, mention.start - 40), mention.start):
            continue
        tail = _PLACE_TAIL.match(text[mention.end:end])
        place = (lead + text[mention.start:mention.end] + tail.group()).strip()
        place = re.sub(r"\s+in\s+", ", ", place).strip(" ,")
        return place, mention.code
    for mention in view.entities.mentions_in(start, end, kinds=("country",)):
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(start, mention.start - 8):mention.start]) \
                and not _TOPIC_PLACE.search(text, max(start, mention.start - 40), mention.start):
            return (mention.surface if mention.code in _CITY_STATES else None), mention.code
    return None, None


def _place_lead(text: str, start: int, end: int) -> str | None:
    """Words between "at/in" and a known place, when they name the venue ("the MND building in")."""
    for m in _PLACE_LEAD.finditer(text, start, end):
        if m.group().startswith("to") and not _TO_VENUE.search(text, max(0, m.start() - 120), m.start()):
            continue
        between = text[m.end():end]
        words = re.findall(r"[\w’'-]+", between)
        if len(words) > 6 or re.search(r"\d", between):
            continue
        if all(w[:1].isupper() or w.lower() in _PLACE_WORDS for w in words) \
                and not any(_DAY_WORD_ALONE.fullmatch(w) for w in words):
            # "in the capital Rabat", "in the Canadian city of Halifax": the city's own name is the place.
            return _CITY_OF.sub("", between)
    return None


def _settle_format(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft]) -> None:
    for sentence in view.sentences:
        draft = assignment.get(sentence.start)
        if draft is None or draft.explicit_format:
            continue
        window = view.text[sentence.start:sentence.end]
        lowered = window.lower()
        if not any(map(lowered.__contains__, ("video", "virtual", "phone", "teleconference", "telecon", "call"))):
            continue
        if VIDEO_CUE.search(window):
            draft.format, draft.explicit_format = "video", True
        elif re.search(r"\b(?:tele)?phone\b|\btelecon\b|\bcall\s+with\b", window, re.I) and PHONE_CUE.search(window):
            draft.format, draft.explicit_format = "phone", True
    for draft in drafts:
        if draft.format != "in_person":
            draft.place = draft.place_country = None


def _settle_places(view: ArticleView, drafts: list[Draft]) -> None:
    """Meetings without a named venue share the article's venue, when the country agrees."""
    venues = [(d.place, d.place_country) for d in drafts if d.place]
    for sentence in view.sentences:
        if sentence.kind == "caption":
            place, country = _location(view, sentence.start, sentence.end)
            if place:
                venues.append((place, country))
    venues += _lead_venue(view) + _dateline_venue(view)
    for draft in drafts:
        if draft.format != "in_person" or draft.place:
            continue
        # First a venue named earlier in its paragraph ("It is a pleasure to welcome Sébastien to Stockholm. We had
        # a very productive meeting this morning."), then the article's.
        nearby = (_location(view, s.start, s.end) for s in _earlier_in_paragraph(view, draft.sentence))
        for place, country in chain((v for v in nearby if v[0]), venues):
            if draft.place_country in (None, country):
                draft.place, draft.place_country = place, country
                break


def _lead_venue(view: ArticleView) -> list[tuple[str, str]]:
    """The venue the story's lead names ("... reaffirmed the alliance with Japanese leaders on Dec. 10 in Tokyo"),
    else its headline ("Kazakh, Turkish defense ministers hold talks in Nur-Sultan")."""
    for sentence in [s for s in view.sentences if s.kind == "body"][:2] + view.headlines:
        place, country = _location(view, sentence.start, sentence.end)
        if place and not _EARLIER_VENUE.search(view.text, sentence.start, sentence.end):
            return [(place, country)]
    return []


# "... so soon after our last meeting in Brussels": the venue of an earlier encounter.
_EARLIER_VENUE = re.compile(r"\b(?:last|previous|earlier|first)\s+(?:meeting|visit|talks|trip)\b", re.I)


def _earlier_in_paragraph(view: ArticleView, sentence: Sentence) -> Iterator[Sentence]:
    """The sentences before ``sentence`` in its paragraph, nearest first."""
    return (s for s in reversed(view.sentences) if s.block == sentence.block and s.end <= sentence.start)


def _dateline_venue(view: ArticleView) -> list[tuple[str, str]]:
    """The city of a wire dateline ("VIENTIANE, Laos —"), the last resort for an in-person meeting's place."""
    for sentence in view.sentences:
        if sentence.kind in ("body", "heading"):
            city, country = dateline_place(view.index, sentence.text)
            if country:
                return [(city, country)]
        if sentence.kind == "body":
            break
    return []
