"""Whom a list of attendees names.

Lists of attendees ("The meeting was attended by ...") name participants without a title, or after an office without
a rank ("Secretary (Defence Production) A B").
"""
from __future__ import annotations

import re

from ..dates import ascii_lower, case_folded
from .governments import _delegation_at, _sentence_around
from .index import Person, _inside
from .names import _family_of, _trim_name, fold
from .offices import role_on
from .vocabulary import (
    _ADDRESS, _INSTITUTION_END, _NAME, _NAME_PARTICLE, _NAME_STOP, _NAME_TOKEN, _PARTICLES, _TRAILING_INITIAL,
)

# A list of those who attended a meeting, after its cue ("The meeting was attended by A, B and C") or before it
# ("A, B and other officials were also present in the meeting").
_ATTENDED = re.compile(r"\b(?:(?:was|were)\s+(?:also\s+)?attended\s+by|also\s+present\s+(?:for\s+[A-Z][\w ]{1,30}?\s+)?"
                       r"(?:were|was)|taking\s+part\s+in\s+the\s+(?:meeting|talks)\s+(?:were|was)|accompanied\s+by|"
                       r"in\s+the\s+presence\s+of)\s"
                       r"|\b(?P<after>(?:were|was)\s+(?:also\s+)?present)\b", re.I)
_ADDRESSED_NAME = re.compile(r"(?<![\w.])" + _ADDRESS.replace(")*", ")+", 1) + r"(?P<name>" + _NAME + ")")
_WHOLE_NAME = re.compile(r"(?:the[ \t]+)?(?P<name>" + _NAME + r")\.?$")
_LIST_SPLIT = re.compile(r";|,|\band\s+(?=[A-Z])")
_ATTENDED_WORDS = ("attended", "present", "presence", "taking", "accompanied")    # one of which every _ATTENDED cue says


def _attendance_lists(text, index, found, raw_mentions, on, skip, delegations=()) -> None:
    """Those a list of attendees names: a name after a rank or form of address ("Lt. General A", "Dr. B"), or an
    item that is a name alone ("C, Chairman of ..."). Their government is the one every placed person of the
    list shares, else the one nationality the list names ("Saudi Ambassador", "Saudi Embassy")."""
    people = found.people
    folded = case_folded(text)
    if folded is not None and not any(map(folded.__contains__, _ATTENDED_WORDS)):
        return    # a substring test is much cheaper than the case-insensitive scan of the whole article
    for cue in _ATTENDED.finditer(text):
        sentence_start, sentence_end = _sentence_around(text, cue.start())
        start, end = (sentence_start + 1, cue.start()) if cue.group("after") else (cue.end(), sentence_end)
        if _inside(start, skip):
            continue
        names: list[tuple[int, str, str | None]] = []
        position = start
        items = _LIST_SPLIT.split(text[start:end])
        for number, item in enumerate(items):
            offset = text.index(item, position) if item else position
            position = offset + len(item)
            item = _OTHERS_AFTER.sub("", item)     # "A and other officials"
            addressed = _ADDRESSED_NAME.search(item)
            whole = None if addressed else _WHOLE_NAME.match(item.strip())
            if whole and (index.country_of_surface(whole.group("name").split()[0])
                          or index.title_pattern.search(" " + ascii_lower(whole.group("name")))):
                whole = None    # "Saudi Ambassador A B", "Defense Minister A B": an office before the name
            after_office = None if addressed or whole else _after_office(index, item)
            m = addressed or whole or after_office
            name = _TRAILING_INITIAL.sub("", _trim_name(_after_office_name(index, m.group("name")) if after_office
                                                        else m.group("name"))) if m else ""
            if len(name.split()) < 2 or index.title_pattern.search(" " + ascii_lower(name)) \
                    or whole and name != m.group("name").strip():
                continue    # an office ("Deputy Prime Minister"), not a name
            # The office as the list gives it: before the name ("Assistant Minister of X Dr. A", "Secretary
            # (Defence Production) B") or as the next item ("A, Chairman of Y").
            office = item[:addressed.start()] if addressed else item[:item.rindex(name)] if after_office else ""
            if not office.strip(" ,;") and number + 1 < len(items) and not _ADDRESSED_NAME.search(items[number + 1]) \
                    and not _after_office(index, _OTHERS_AFTER.sub("", items[number + 1])):
                office = items[number + 1]
            names.append((offset + item.index(name), name, _listed_office(index, office)))
        if not names:
            continue
        keys = {key for s, e, key in raw_mentions if start <= s < end}
        countries = {people[key].country for key in keys if people[key].country}
        if len(countries) != 1:
            countries = {m.code for m in found.mentions if m.kind == "demonym" and start <= m.start < end}
        if len(countries) != 1 and _delegation_at(delegations, start):
            countries = {_delegation_at(delegations, start)}
        listed = set(keys)
        for at, name, office in names:
            official = index.find_official(name, None, on)
            known = next((k for k in keys if fold(people[k].name) == fold(name)), None)
            if known is not None or official is not None and official.name in people:
                listed.add(known or official.name)
                continue
            if official is None and (len(countries) != 1 or _INSTITUTION_END.search(name)):
                continue    # ("Army, Navy, Air Force and Coast Guard": bodies listed, not people)
            country = official.country if official else next(iter(countries))
            key = official.name if official else f"{country}:{fold(name)}"
            people.setdefault(key, Person(key, name, official.family_name if official else _family_of(name),
                                          country, role_on(official, on) if official else office, official,
                                          (at, at + len(name))))
            listed.add(key)
        found.attendance.append((cue.start(), cue.end(), sorted(listed)))


# The name that ends an attendee's item after his office ("Secretary (Defence Production) A B").
_NAME_ENDING = re.compile(r"(?P<name>" + _NAME_TOKEN + r"(?:[ \t]+(?:" + _NAME_PARTICLE + r"){0,2}" + _NAME_TOKEN
                          + r"){1,5})\.?[ \t]*$")
_OTHERS_AFTER = re.compile(r"\s+and\s+(?:other|several|many|senior|some|a\s+number\s+of)\b.*$", re.S)


def _after_office(index, item: str) -> re.Match | None:
    """An attendee's item written as an office and then the name, without a rank or form of address: the office
    bears a title's word, an office's head noun or a bracketed department ("Additional Secretary (Defence) of the
    Ministry of X A B", "Japanese Ambassador C D")."""
    m = _NAME_ENDING.search(item)
    if m is None:
        return None
    name = _after_office_name(index, m.group("name"))
    if not name:
        return None
    office = item[:m.start("name") + m.group("name").rindex(name)]
    if name == m.group("name") and re.search(r"\b[a-z]+\s*$", office):
        return None    # "Minister of the Presidential Court": what an office is of, not a name
    if ")" not in office and not any(w in index.title_words or w in _OFFICE_HEADS
                                     for w in re.findall(r"[A-Z]\w+", office)):
        return None
    tokens = name.split()
    # Words of the name proper: a father's name after "bin" belongs to the one before it.
    proper = [t for n, t in enumerate(tokens) if t[:1].isupper() and (n == 0 or tokens[n - 1] not in _PARTICLES)]
    if len(proper) > 2 and not office.rstrip().endswith(")"):
        return None    # "... of Defense Policy A B": where the office ends is not told
    return m


# Head nouns of offices that are no defense title: "Ambassador A B", "Military Attaché C D".
_OFFICE_HEADS = frozenset("Ambassador Attaché Attache Adviser Advisor Director Commander Chief Head Chairman Envoy "
                          "Governor Spokesman Spokesperson Undersecretary Secretary-General".split())


def _after_office_name(index, name: str) -> str:
    """The name without the office's words that the name pattern took in ("Defence A B", "Japanese Ambassador C D")."""
    tokens = name.split()
    while tokens and (tokens[0] in _NAME_STOP or tokens[0] in index.title_words or tokens[0] in _OFFICE_HEADS
                      or index.country_of_surface(tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


_OFFICE_WORDS = re.compile(r"(?<![\w’'.-])(?:the\s+|and\s+)*(?P<office>[A-Z][\w’'éè.-]*(?:\s+[\w’'éè().-]+){0,11})\s*$")


def _listed_office(index, written: str) -> str | None:
    """An office as a list of attendees writes it, without a leading nationality ("Saudi Ambassador to the U.S")."""
    m = _OFFICE_WORDS.search(written.strip())
    if m is None:
        return None
    words = m.group("office").split()
    if len(words) > 1 and index.country_of_surface(words[0]):
        words = words[1:]
    office = " ".join(words).rstrip(".")
    return office if office[:1].isupper() and not index.country_of_surface(office) else None
