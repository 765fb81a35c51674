"""What each meeting's participants said and committed to, read from the sentences assigned to it, with the
counterparts and attendees it names resolved.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .. import statements as speech
from ..clauses import Resolver, Scope
from ..document import ExtractedMeeting, ExtractedParticipant
from ..entities import Person, in_other_office
from ..sentences import Sentence
from meetings.text import content_words
from .article import ArticleView, Draft, _parties_named, _unique


def _claims(view: ArticleView, draft: Draft, assignment: dict[int, Draft], reference: date | None,
            writer: str | None) -> ExtractedMeeting:
    """``writer``: the government of a release's or briefing's principal, whose official an unquoted "I" is."""
    people = _with_unnamed_counterparts(view, draft)
    people = _unique([*people, *_attendees(view, draft, assignment)])
    scope = Scope(list(draft.countries), people, first_person=_first_person(writer, draft, people))
    resolver = Resolver(view.text, view.entities, view.index, scope)
    claim_reference = draft.date if draft.precision == "day" else reference
    claims = speech.Claims()
    quotes_by_block: dict[int, list[speech.Quote]] = {}
    meetings_in_block: dict[int, set[int]] = {}    # for transcript paragraphs only: how many meetings each tells of
    for sentence in view.sentences if view.speakers else ():
        if sentence.start in assignment:
            meetings_in_block.setdefault(sentence.block, set()).add(id(assignment[sentence.start]))
    for sentence in view.sentences:
        assigned = assignment.get(sentence.start)
        if not _speaks_of(assignment, sentence.start, draft) \
                and not _shared_in_series(view, sentence, assigned, draft, assignment):
            continue
        label, _, speaks = view.speakers.get(sentence.block, (None, None, True))
        if not speaks:
            continue
        if sentence.block not in quotes_by_block:
            quotes_by_block[sentence.block] = speech.find_quotes(view.text, *_block_bounds(view, sentence), label=label)
        inside = [q for q in quotes_by_block[sentence.block] if q.start < sentence.end and sentence.start < q.end]
        if not inside:
            claims.extend(speech.claims_in_sentence(view.text, sentence.start, sentence.end, resolver, claim_reference))
        for quote in inside:
            if label is not None and len(meetings_in_block.get(sentence.block, ())) > 1:
                # A transcript paragraph that tells of several meetings: each sentence's words go to its own.
                part = replace(quote, start=max(quote.start, sentence.start), end=min(quote.end, sentence.end))
                claims.extend(speech.claims_in_quote(view.text, part, resolver, claim_reference))
            elif sentence.start <= quote.start <= sentence.end:
                claims.extend(speech.claims_in_quote(view.text, quote, resolver, claim_reference))
    for statement in claims.statements:
        statement.speakers = sorted(set(statement.speakers))
    statements = _dedupe([s for s in claims.statements if s.speakers], key=lambda s: (s.text, s.direct, *s.speakers))
    commitments = _dedupe([c for c in claims.commitments if c.parties], key=lambda c: (c.text,))
    return ExtractedMeeting(
        date=draft.date, date_precision=draft.precision, format=draft.format, name=draft.name,
        place=draft.place, place_country=draft.place_country, countries=sorted(draft.countries),
        participants=[ExtractedParticipant(p.name, p.country, p.role or "", p.official.name if p.official else None,
                                           p.span, p.family) for p in people],
        statements=statements, commitments=commitments,
        span=(draft.sentence.start, draft.sentence.end),
    )


def _first_person(writer: str | None, draft: Draft, people: list[Person]) -> str | None:
    """Whose "I" an unquoted sentence is: a release's or briefing's principal's government, else the meeting's one
    government that none of its named participants speaks for ("Today I met Minister B": the writer is the other
    side)."""
    if writer in draft.countries:
        return writer
    unnamed = [c for c in draft.countries if not any(p.country == c for p in people)]
    return unnamed[0] if len(unnamed) == 1 else None


def _speaks_of(assignment: dict[int, Draft], start: int, draft: Draft) -> bool:
    speaks_of = getattr(assignment, "speaks_of", None)
    return speaks_of(start, draft) if speaks_of else assignment.get(start) is draft


def _attendees(view: ArticleView, draft: Draft, assignment: dict[int, Draft]) -> list[Person]:
    """Those a list of attendees in one of the meeting's sentences names, of the meeting's governments."""
    found = []
    for start, _, keys in view.entities.attendance:
        sentence = next((s for s in view.sentences if s.start <= start < s.end), None)
        if sentence is not None and (_speaks_of(assignment, sentence.start, draft) or sentence is draft.sentence):
            found += [p for p in map(view.entities.people.get, keys) if p is not None and p.country in draft.countries]
    return found


# "During the meetings", "all the parties": a sentence that says it speaks of every meeting of a series.
_ALL_MEETINGS = re.compile(r"\b(?:during|in|at|throughout)\s+(?:the|these|those|all(?:\s+the)?|both)\s+(?:[\w-]+\s+)?"
                           r"meetings\b|\ball\s+(?:the\s+)?(?:parties|sides)\b", re.I)


def _shared_in_series(view: ArticleView, sentence: Sentence, assigned: Draft | None, draft: Draft,
                      assignment: dict[int, Draft]) -> bool:
    """Whether a sentence about one of a series of bilaterals speaks of them all: "During the meetings, all the
    parties expressed willingness ..." names no counterpart, only the host or nobody."""
    if assigned is None or draft.series is None or assigned.series != draft.series:
        return False
    if sentence.start in getattr(assignment, "narrowed", ()) and not _ALL_MEETINGS.search(sentence.text):
        return False        # the text has turned to one of them, and the sentence does not say it speaks of all
    host = draft.series[1]
    named = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
    # the governments it names as parties: "support by the United States for Ukraine" names only the host
    named |= _parties_named(view, sentence)
    return named <= {host, None}


def _with_unnamed_counterparts(view: ArticleView, draft: Draft) -> list[Person]:
    """Counterparts the meeting sentence leaves unnamed but the article names (its only official of that country)."""
    people = list(draft.people)
    for country in draft.named_countries:
        if any(p.country == country for p in people):
            continue
        # A defense counterpart: not the president or the foreign minister the article also names.
        of_country = [p for p in view.entities.people.values() if p.country == country and not in_other_office(p)]
        if len(of_country) == 1:
            official = of_country[0].official
            if official is None or draft.date is None or any(t.covers(draft.date) for t in official.tenures):
                people.append(of_country[0])
    return people


def _block_bounds(view: ArticleView, sentence: Sentence) -> tuple[int, int]:
    return view.blocks[sentence.block]


def _dedupe(items, key):
    """Drop claims another one of the same speakers already says (most of its words are in the other).

    ``key`` gives the text, then what must be equal for two claims to be duplicates.
    """
    kept, kept_words, kept_keys = [], [], []
    for item in items:
        text, *same = key(item)
        words = content_words(text)
        if not words:
            continue
        duplicate = None
        if len(words) >= 3:      # shorter claims are never duplicates: skip the comparisons
            for i, other in enumerate(kept_words):
                if kept_keys[i] == same and len(other) >= 3 \
                        and len(words & other) / min(len(words), len(other)) >= 0.8:
                    duplicate = i
                    break
        if duplicate is None:
            kept.append(item)
            kept_words.append(words)
            kept_keys.append(same)
        elif len(words) > len(kept_words[duplicate]):
            kept[duplicate], kept_words[duplicate] = item, words
    return kept
