"""Which government an official belongs to when no word beside his title says it.

Names after a plural office take the governments written with them, in order. Those a government's delegation is led
by ("the Japanese delegation was headed by ...") belong to it, whatever their office. A titled official nothing else
places takes the one government the article names whose own office bears that title, if nobody else holds it there.
An unqualified official who meets a placed one of another government (or "his counterparts") is of the government
the headline and lead name that no placed official stands for: news leaves its own minister unqualified.
"""
from __future__ import annotations

import re
from collections import Counter

from .index import EntityIndex, Mention, Person
from .names import _as_word, _trim_name
from .offices import _other_office
from .vocabulary import _ADDRESS, _GENERIC_FOLDED, _NAME, _OF_COUNTRY

_COUNTERPARTS = re.compile(r"\b(?:his|her)\s+(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?)*counterparts?\b")
# A country named as what is talked about, not as a side ("talks on X", "concern over X").
_TOPIC_LEAD = re.compile(r"\b(?:on|over|about|against|regarding|toward|towards|(?:issue|situation|question|crisis)\s+"
                         r"(?:of|in)|(?:issues|questions|matters|topics)\s+(?:such\s+as|like|including)|"
                         r"such\s+(?:issues|questions|matters|topics)\s+as)\s+(?:the\s+)?$")
# A country named as a place ("in Laos", "visiting Laos"), not as a government taking part.
# "to A and B", "in A, B and C": the countries after the first share its preposition.
_LOCATION_LEAD = re.compile(r"(?:\b(?:in|at|to|near|from|visit|visits|visited|visiting)\s+(?:the\s+)?"
                            r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+and\s+(?:the\s+)?)?|,\s+(?:the\s+)?)$")


# ... set off by a comma or not: "the defence ministers of A and B, X Y and Z W, met".
_PAIRED_NAMES = re.compile(r",?[ \t]+" + _ADDRESS + r"(?P<a>" + _NAME + r")[ \t]+and[ \t]+" + _ADDRESS + r"(?P<b>" + _NAME + r")")
_AND_BETWEEN = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")


def _paired_names(text: str, mentions: list[Mention], title_start: int, title_end: int) -> list[tuple[str, str, int]]:
    """The two names after a plural title with the two governments before it ("Bosnian and Greek Defence
    Ministers") or after it ("Defence Ministers of Bosnia and Greece"), paired in order; none when either is
    missing or the names are not two whole names."""
    sides = [m for m in mentions if m.kind in ("country", "demonym")]
    pair, names_from = None, title_end
    # "together with their Chilean counterparts A and B, respectively": both of that one government
    counterparts = text[title_start:title_end].lower().startswith("counterparts")
    # The second government just before the title, or opening it ("Greek Defence Minister" is one government's
    # title).
    before = [m for m in sides if m.start == title_start] \
        or [m for m in sides if m.end <= title_start and not text[m.end:title_start].strip()]
    if before:
        first = [m for m in sides if m.end < before[-1].start
                 and _AND_BETWEEN.fullmatch(text, m.end, before[-1].start)]
        if first:
            pair = (first[-1].code, before[-1].code)
        elif counterparts:
            pair = (before[-1].code, before[-1].code)
    of = _OF_COUNTRY.match(text, title_end)
    if pair is None and of:
        first = next((m for m in sides if m.start == of.end() and m.kind == "country"), None)
        joined = _AND_BETWEEN.match(text, first.end) if first else None
        second = next((m for m in sides if joined and m.start == joined.end() and m.kind == "country"), None)
        if second is not None:
            pair, names_from = (first.code, second.code), second.end
    names = _PAIRED_NAMES.match(text, names_from) if pair and (pair[0] != pair[1] or counterparts) else None
    if names is None:
        return []
    found = []
    for group, country in zip("ab", pair):
        name = _trim_name(names.group(group))
        if len(name.split()) < 2 or name != names.group(group):
            return []
        found.append((name, country, names.start(group)))
    return found


# One item of a list after a plural office: "A B of Uganda", "and Tanzania's C D" (the government found at its place).
_ITEM_OPENING = re.compile(r"(?:,[ \t]*|[ \t]+)(?:and[ \t]+)?")
_NAME_BEFORE_OF = re.compile(_ADDRESS + r"(?P<name>" + _NAME + r")[ \t]+of[ \t]+(?:the[ \t]+)?")
_POSSESSIVE_NAME = re.compile(r"['’]s?[ \t]+" + _ADDRESS + r"(?P<name>" + _NAME + r")")


def _names_with_their_governments(text: str, mentions: list[Mention], title_end: int) -> list[tuple[str, str, int]]:
    """The names a plural office lists, each with its own government: "defence ministers A B of Uganda, C D of Kenya
    and Tanzania's E F"; none unless at least two governments are listed, each once."""
    countries = {m.start: m for m in mentions if m.kind == "country"}
    found, position = [], title_end
    while opening := _ITEM_OPENING.match(text, position):
        at = opening.end()
        named = _NAME_BEFORE_OF.match(text, at)
        government = countries.get(named.end()) if named else None
        if government is not None:
            name, start, position = _trim_name(named.group("name")), named.start("name"), government.end
        elif at in countries and (possessive := _POSSESSIVE_NAME.match(text, countries[at].end)):
            government = countries[at]
            name, start, position = _trim_name(possessive.group("name")), possessive.start("name"), possessive.end()
        else:
            break
        if len(name.split()) < 2:
            break
        found.append((name, government.code, start))
    if len(found) < 2 or len({country for _, country, _ in found}) < len(found):
        return []
    return found

# Who leads or makes up one government's party: "The Japanese delegation was led by ...", "the delegation of the
# Republic of Korea, headed by ... and including ...", "the Indian side is led by ...".
_DELEGATION = re.compile(r"\b(?:delegation|side|team)(?P<of>\s+of\s+(?:the\s+)?)?", re.I)
_OWNER_GAP = re.compile(r"(?:['’]s?)?[ \t]+")
_LED_BY = re.compile(r"[^.;]{0,12}?\b(?:(?:is|was|are|were|will\s+be)\s+)?(?:led|headed)\s+by\b")
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s")


def _delegations(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Spans where those named belong to one government's delegation: from "led by" after "<country> delegation"
    (or "delegation of <country>") to the end of its sentence or the next delegation named."""
    if "led by" not in text and "headed by" not in text:
        return []
    ends = {m.end: m for m in mentions if m.kind in ("country", "demonym")}
    starts = {m.start: m for m in mentions if m.kind == "country"}
    spans = []
    for cue in _DELEGATION.finditer(text):
        if cue.group("of"):
            owner = starts.get(cue.end())
            after = owner.end if owner else cue.end()
        else:
            owner = next((ends[e] for e in range(cue.start() - 4, cue.start()) if e in ends
                          and _OWNER_GAP.fullmatch(text, e, cue.start())), None)
            after = cue.end()
        if owner is None:
            continue
        led = _LED_BY.match(text, after)
        if led is None:
            continue
        end = _sentence_around(text, led.end())[1]
        contrast = _CONTRAST.search(text, led.end(), end)    # "..., while the Russian side (was led) by ..."
        spans.append((led.end(), contrast.start() if contrast else end, owner.code))
    # One delegation's span ends where the next one's begins.
    return [(s, min([e, *(s2 for s2, _, _ in spans if s < s2 < e)]), c) for s, e, c in spans]


def _delegation_at(delegations, position: int) -> str | None:
    return next((code for start, end, code in delegations if start <= position < end), None)


def _country_end(text: str, starts: dict[int, Mention], position: int) -> int:
    """Where "of Mexico" after ``position`` ends, else ``position``."""
    m = _OF_COUNTRY.match(text, position)
    mention = starts.get(m.end()) if m else None
    return mention.end if mention is not None and mention.kind == "country" else position


_IN_BRACKETS = re.compile(r"[ \t]*\(")


def _country_after(text: str, starts: dict[int, Mention], position: int) -> str | None:
    """The country of "... Minister of National Defence of Mexico" / "Pat Conroy of Australia" / "Pat Conroy
    (Australia)", or of the national body the office belongs to: "Chairman of the Joint Chiefs of Staff of the Jordanian Armed Forces"."""
    m = _OF_COUNTRY.match(text, position) or _IN_BRACKETS.match(text, position)
    mention = starts.get(m.end()) if m else None
    if mention is None:
        return None
    if m.re is _IN_BRACKETS:    # "Defence Minister A B (Estonia)": the country alone in brackets
        return mention.code if mention.kind == "country" and text.startswith(")", mention.end) else None
    if mention.kind == "country" or _BODY_AFTER.match(text, mention.end):
        return mention.code
    return None


# A national body named after its demonym: "the Egyptian Armed Forces", "the Italian Republic".
_BODY_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


# Where a sentence may end: a line break, or a full stop before a space ...
_SENTENCE_END = re.compile(r"\n|\.\s")
# ... unless the stop closes an initial, an abbreviated rank or form of address ("Col. Gen. Safar Abiyev") or an
# abbreviated month ("on Dec. 10").
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s.(])(?:[A-Z]|Gen|Col|Lt|Maj|Brig|Adm|Capt|Cdr|Sgt|Dr|Mr|Mrs|Ms|Prof|Hon|Jr|Sr|"
                                  r"Eng|Engr|Gov|Sen|Rep|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")


def _sentence_ends(text: str, start: int, end: int):
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "\n" or not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            yield m.start()


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, position) + 1
    start = max([*_sentence_ends(text, line_start, position), max(line_start - 1, 0)])
    end = next(_sentence_ends(text, position, len(text)), len(text))
    return start, end


def _staffed(text: str, people: dict[str, Person], start: int, end: int) -> set[str]:
    """The governments whose defense officials the span names, in full or by family name once introduced ("Austin
    met with ..."); a president does not speak for defense."""
    return {p.country for p in people.values() if not (p.role and _other_office(p.role))
            and (start <= p.span[0] < end or p.span[0] < start and _names_family(text, p.family, start, end))}


def _names_family(text: str, family: str, start: int, end: int) -> bool:
    return bool(family) and _as_word(family).search(text, start, end) is not None


def _other_side(text: str, mentions: list[Mention], people: dict[str, Person], position: int) -> str | None:
    """The one government its sentence names that has no named official ("talks between Peru and Chile")."""
    start, end = _sentence_around(text, position)
    named = {m.code for m in mentions if start <= m.start < end and m.kind in ("country", "demonym")
             and not _LOCATION_LEAD.search(text, max(0, m.start - 40), m.start)}
    staffed = _staffed(text, people, start, end)
    free = named - staffed
    return free.pop() if len(free) == 1 and staffed else None


_HEAD_LINES = 3


# A government named with an office of its own: "ministers of A and B", "the Japanese defense minister".
_SIDE_OFFICE_BEFORE = re.compile(r"\b(?i:ministers?|secretar(?:y|ies)|officials|chiefs?|delegations?|counterparts?)[ \t]+"
                                 r"(?i:of|from)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)?,?[ \t]+"
                                 r"(?:and[ \t]+)?(?:the[ \t]+)?){0,4}$")
_SIDE_OFFICE_AFTER = re.compile(r"(?:[’']s)?[ \t]+(?i:(?:vice[ \t]+|deputy[ \t]+)?(?:defen[cs]e[ \t]+)?(?:ministers?|ministry|"
                                r"secretary|delegation)\b)")


def _lead_side(text: str, mentions: list[Mention], people: dict[str, Person], position: int, body: int,
               whole: bool = True) -> str | None:
    """An unqualified official meeting a placed one of another government ("Defense Minister A met visiting
    Iranian Defense Minister B"): news leaves its own government's official unqualified, and that government is the
    one the headline and lead name that has no official placed anywhere in the article."""
    start, end = _sentence_around(text, position)
    if not _staffed(text, people, start, end) and not _COUNTERPARTS.search(text, position, end):
        return None    # no encounter with another government's official in his sentence
    lead_end, sentences = body, 0
    for stop in _sentence_ends(text, body, len(text)):
        fragment = text[lead_end:stop].strip(" \t\n.")
        if fragment and not (fragment[0] == "(" and fragment[-1] == ")"):    # a photo credit is no sentence
            sentences += 1
        lead_end = stop + 1
        if sentences == 2:
            break    # the lead: its first two sentences below the headline
    staffed = _staffed(text, people, 0, len(text))
    # The headline block: the last lines above the body (headline, dateline, byline). A web page's menus and
    # teasers above them ("U.S. Mirror", "Trending now ...") are no side.
    head = body
    for _ in range(_HEAD_LINES):
        head = text.rfind("\n", 0, max(0, len(text[:head].rstrip()))) + 1
        if head == 0:
            break
    for reach in (lead_end, len(text)) if whole else (lead_end,):
        # The lead first, then the whole article, where a country a talk was about ("the issue of X") is no side:
        # the one government named that no placed official stands for.
        named = Counter(m.code for m in mentions if head <= m.start < reach and m.kind in ("country", "demonym")
                        and not start <= m.start < end    # what its own sentence names is the other side's business
                        and not _LOCATION_LEAD.search(text, max(0, m.start - 40), m.start)
                        and (reach == lead_end or not _TOPIC_LEAD.search(text, max(0, m.start - 20), m.start))
                        and m.code not in staffed)
        if len(named) == 1:
            return next(iter(named))
        if len(named) > 1 and reach == lead_end:
            # "Vice defense ministers of South Korea and Japan held talks ..., amid coordination with the United
            # States against North Korean threats": of several, the one the lead names as a side, by its office.
            sides = {m.code for m in mentions if head <= m.start < reach and m.code in named
                     and (_SIDE_OFFICE_BEFORE.search(text, max(0, m.start - 90), m.start)
                          or _SIDE_OFFICE_AFTER.match(text, m.end))}
            if len(sides) == 1:
                return next(iter(sides))
        if named and reach == len(text):
            # Several, in the whole article: the one it names again and again ("the armed forces of Sri Lanka",
            # "between Maldives and Sri Lanka"), where each other is named once, in passing.
            [(first, times), (_, then)] = named.most_common(2)
            return first if times >= 2 and then == 1 else None
        if named:
            return None
    return None


def _only_named_holder(index: EntityIndex, title: str, rank: str | None, mentions: list[Mention],
                       people: dict[str, Person]) -> str | None:
    """The one government the article names (headline included) whose own defense office bears the title as
    written ("Vice Minister of National Defense" in a story naming Korea and Britain), when nobody else the article
    names holds that office of it (a government has one minister at a time; a deputy's rank allows more)."""
    if not re.search(r" (?:of|for) ", title.lower()):
        return None    # "Defense Minister", "Defence Secretary": news English writes them of any government
    named = {m.code for m in mentions if m.kind in ("country", "demonym")}
    holders = [c for c in index.office_titles.get(title.lower(), {}) if c in named
               and (title.lower() not in _GENERIC_FOLDED or index.office_titles[title.lower()][c].lower() == title.lower())]
    if len(holders) != 1:
        return None
    country = holders[0]
    office = index.canonical_title(title, country)
    if not (rank or "").strip() and any(p.country == country and p.role == office for p in people.values()):
        return None
    return country


def _home_title(index: EntityIndex, home: str | None, title: str, text: str, people: dict[str, Person],
                position: int) -> str | None:
    """The dateline's government, when its defense office bears the title (or the KB knows no office of it)
    and its sentence names no other official of that government (then this one is the visitor)."""
    if home is None or title.lower() == "counterpart" or home in _staffed(text, people, *_sentence_around(text, position)):
        return None
    if home in index.office_titles.get(title.lower(), {}):
        return home
    return home if home not in index.offices_by_country and "minister" in title.lower() else None
