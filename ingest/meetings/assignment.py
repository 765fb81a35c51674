"""Which meeting each sentence of the article speaks of: the one whose governments it names, else the one the
text is currently about; its statements and commitments go to that meeting.

A government is named by one of its officials, or by its country or nationality where that names a party (an
official, a side, a delegation, a trip's destination), never where it is the sentence's topic. A sentence naming
a government of only one meeting turns the text to that meeting. A sentence naming the governments of several
meetings that no one of them holds (a trip to two hosts) speaks of each of them, as do the sentences after it
that name no other government. Once the text has turned from the report of a series of bilaterals to one of
them, its sentences speak of that one alone.
"""
from __future__ import annotations

import re
from collections import Counter

from ..sentences import Sentence
from .article import ArticleView, Draft, _parties_named
from .encounters import _PARTICIPLE_LEAD
from .participants import _NUMBERS


_GROUP_SUBJECT = re.compile(r"(?:[A-Z][\w ]{0,30},\s+)?(?:(?P<n>[Bb]oth)|[Tt]he|[Aa]ll(?:\s+the)?)\s+"
                            r"(?:(?P<n2>two|three|four|five)\s+)?(?:[\w-]+\s+)?(?:ministers|chiefs|leaders|participants|sides)\b"
                            r"(?:\s+(?P<n3>both)\b)?")


class Assignment(dict):
    """Which meeting each body sentence speaks of (keyed by sentence start), and which of them the text assigned
    after turning to one meeting of a series of bilaterals ("It was A's first meeting with B."): those speak of
    that meeting alone, never of the whole series. ``also`` holds the further meetings a sentence speaks of
    when it names the governments of several meetings together (a trip's lead: "A's visit to B and C", and
    what the minister is quoted saying of B and C)."""

    def __init__(self):
        super().__init__()
        self.narrowed: set[int] = set()
        self.also: dict[int, list[Draft]] = {}

    def speaks_of(self, start: int, draft: Draft) -> bool:
        return self.get(start) is draft or any(d is draft for d in self.also.get(start, ()))


def _assign_sentences(view: ArticleView, drafts: list[Draft]) -> Assignment:
    """Which meeting each body sentence speaks of (keyed by sentence start)."""
    trigger_of = {s.start: d for d in drafts for s in d.members}
    trigger_of.update(_main_clause_meetings(view, drafts))
    reports = Counter(s.start for d in drafts for s in {m.start: m for m in d.members}.values())
    at_any = {c for d in drafts for c in d.countries}
    assignment = Assignment()
    turned = False      # the text has turned from a series' report to one meeting of it
    current: Draft | None = None
    together: list[Draft] = []    # the meetings the text is about together, when it names several
    for sentence in view.sentences:
        if sentence.start in trigger_of:
            together = []
            current = trigger_of[sentence.start]
            assignment[sentence.start] = current
            turned = reports[sentence.start] == 1     # the report of one meeting, not of the whole series
            continue
        if sentence.kind == "heading":
            heading_draft = _heading_meeting(view, sentence, drafts)
            if heading_draft is not None:
                current, together = heading_draft, []
            continue
        if sentence.kind != "body":
            continue
        named = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
        named.discard(None)
        mentioned = _parties_named(view, sentence) & at_any
        if len(named) >= 2 and any(named <= set(d.countries) for d in drafts):
            mentioned = set()   # officials of a meeting's governments named together: the countries are a topic
        if together and named | mentioned <= set.intersection(*(set(d.countries) for d in together)):
            # naming no government, or only the one at each of them (the visitor): still about them all
            assignment[sentence.start], assignment.also[sentence.start] = together[0], together[1:]
            continue
        several = _several(drafts, named | mentioned)
        if several:
            together = several
            assignment[sentence.start], assignment.also[sentence.start] = together[0], together[1:]
            current = current or together[0]
            continue
        together = []
        chosen = current
        if not named and current is not None and not _fits(view, sentence, current, at_any):
            chosen = current = _group_meeting(view.text, sentence, drafts, current)
        if not named and current is not None:
            chosen = current = _titled_meeting(view.text, sentence, drafts, current)
        # The governments it names by country or nationality count too ("It was A's first meeting with the US
        # defense chief"); a sentence naming a government of only one meeting turns the text to that meeting.
        if any(named | mentioned <= set(d.countries) for d in drafts):
            named |= mentioned  # else they are a topic no meeting has together with those named
        unique = False
        if named and (current is None or not named <= set(current.countries)):
            fitting = [d for d in drafts if named <= set(d.countries)]
            unique = len(fitting) == 1
            if fitting:
                chosen = min(fitting, key=lambda d: (len(d.countries) - len(named), abs(drafts.index(d) - (
                    drafts.index(current) if current else 0))))
        if chosen is None:
            chosen = drafts[0]
        assignment[sentence.start] = chosen
        if named and chosen is not current and current is not None and (unique or named == set(chosen.countries)):
            current = chosen
            turned = True
        if turned:
            assignment.narrowed.add(sentence.start)
    return assignment


def _main_clause_meetings(view: ArticleView, drafts: list[Draft]) -> dict[int, Draft]:
    """The meeting a sentence opened by an earlier encounter reports in its main clause ("Having earlier met A,
    B also met C", "After meeting A, B held talks with C"), keyed by the sentence's start: what follows speaks of
    C's meeting, not of the one the opening clause recalls."""
    starts = {s.start for s in view.sentences}
    found: dict[int, Draft] = {}
    for draft in drafts:
        for member in draft.members:
            if member.start in starts:
                continue
            host = next((s for s in view.sentences if s.start < member.start < s.end), None)
            if host is not None and _PARTICIPLE_LEAD.match(view.text, host.start):
                found[host.start] = draft
    return found


def _several(drafts: list[Draft], named: set[str]) -> list[Draft]:
    """The meetings a sentence naming ``named`` speaks of together: when no one meeting has all the governments
    it names, but two or more meetings of only those governments have them between them (a visit to B and C
    where A met each)."""
    if len(named) < 3 or any(named <= set(d.countries) for d in drafts):
        return []
    inside = [d for d in drafts if set(d.countries) <= named]
    covered = {c for d in inside for c in d.countries}
    return inside if len(inside) >= 2 and covered == named else []


def _fits(view: ArticleView, sentence: Sentence, current: Draft, at_any: set[str]) -> bool:
    """Whether the governments a sentence names (of those ``at_any`` of the article's meetings) are all at the current one."""
    named = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)} & at_any
    return bool(named) and named <= set(current.countries)


def _group_meeting(text: str, sentence: Sentence, drafts: list[Draft], current: Draft) -> Draft:
    """The meeting a sentence about the ministers together speaks of: "the three ministers" the one of
    three governments; "the ministers", "all" the largest one the current meeting is part of (a
    paragraph about the ministers after a sidelines bilateral is about the multilateral)."""
    m = _GROUP_SUBJECT.match(text, sentence.start, sentence.end)
    if m is None:
        return current
    size = _NUMBERS.get((m.group("n") or m.group("n2") or m.group("n3") or "").lower())
    if size is not None:
        if len(current.countries) == size:
            return current
        sized = [d for d in drafts if len(d.countries) == size and set(current.countries) & set(d.countries)]
        return sized[0] if len(sized) == 1 else current
    wider = [d for d in drafts if set(current.countries) < set(d.countries)]
    return max(wider, key=lambda d: len(d.countries)) if wider else current


# "The Minister and the Secretary reaffirmed ...": the participants a sentence names by their offices alone.
_TITLED_SUBJECT = re.compile(r"(?:\d+\.\s+)?[Tt]he\s+(?P<one>Minister|Secretary|Chairman|Chief)\b"
                             r"(?:\s+and\s+the\s+(?P<two>Minister|Secretary|Chairman|Chief)\b)?")


def _titled_meeting(text: str, sentence: Sentence, drafts: list[Draft], current: Draft) -> Draft:
    """The meeting of the same governments whose participants hold the offices a sentence opens with ("The Minister
    and the Secretary reaffirmed ..." after the report of a meeting of their chiefs of staff the day before)."""
    m = _TITLED_SUBJECT.match(text, sentence.start, sentence.end)
    if m is None:
        return current
    titles = {t.lower() for t in (m.group("one"), m.group("two")) if t}
    same = [d for d in drafts if set(d.countries) == set(current.countries)]
    # (a meeting whose report named nobody yet may be theirs; one whose officials all hold other offices is not)
    holding = [d for d in same if not d.people or all(any(p.role and t in p.role.lower() for p in d.people)
                                                      for t in titles)]
    return holding[0] if len(holding) == 1 else current


def _heading_meeting(view: ArticleView, sentence: Sentence, drafts: list[Draft]) -> Draft | None:
    heading = view.text[sentence.start:sentence.end].lower()
    for draft in drafts:
        if draft.name and draft.name.lower() in heading:
            return draft
    countries = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)}
    countries |= {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
    countries.discard(None)
    if not countries:
        return None
    fitting = [d for d in drafts if countries <= set(d.countries)]
    return min(fitting, key=lambda d: len(d.countries)) if len(fitting) >= 1 and len(
        {len(d.countries) for d in fitting}) == len(fitting) else None
