"""How the article's reports become encounters: every cue of a sentence read in turn, the same encounter told
twice merged, and one report of a series of bilaterals ("met A and B separately") split into one per counterpart.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..sentences import Sentence
from .article import ArticleView, Draft, _title_holder, _unique
from .held import _OBJECT_TRIGGER, MEETING_TRIGGER, _held_trigger
from .participants import (_FIRST_PERSON_SUBJECT, _POSSESSIVE_SUBJECT, _PRONOUN_SUBJECT, _TITLE_SUBJECT, _draft,
                           _principal, _roundup_subject, _zone_end)
from .setting import _is_location, _location


_PARTICIPLE_LEAD = re.compile(r"(?:Having|After)\b")


def _find_drafts(view: ArticleView) -> list[Draft]:
    drafts: list[Draft] = []
    unnamed: list[tuple[int, Sentence]] = []    # reports of a meeting just before that named too few governments
    body = 0
    for sentence in view.sentences:
        if sentence.kind != "body":
            continue
        body += 1
        # The first cue that names a meeting of two governments: "The meeting took place in Brussels, where he had
        # already met A and B" is read from "met" when the meeting it opens with names nobody.
        trigger, draft, position, cued = None, None, sentence.start, False
        lead_clause = _PARTICIPLE_LEAD.match(view.text, sentence.start)
        comma = view.text.find(", ", sentence.start, sentence.end) if lead_clause else -1
        if comma > 0:
            # "After meeting A, B held talks with C": the opening clause's encounter first, then the main clause's.
            lead = Sentence(sentence.start, comma, view.text[sentence.start:comma], sentence.kind, sentence.block)
            trigger = _held_trigger(view, lead)
            draft = _draft(view, sentence, trigger) if trigger is not None else None
            cued = trigger is not None
        topic_from = None
        while draft is None and position < sentence.end:
            trigger = _held_trigger(view, sentence, position)
            if trigger is None:
                break
            # A later cue reads the sentence without the earlier cue's topic ("joined counterparts to discuss
            # support for Ukraine and met Italy's minister").
            skip = (topic_from, trigger.start()) if topic_from is not None and topic_from < trigger.start() else (0, 0)
            draft = _draft(view, sentence, trigger, skip=skip)
            if topic_from is None:
                topic_from = _zone_end(view.text, sentence, trigger)
            cued = True
            position = max(trigger.end(), position + 1)
        if draft is None:
            if cued:
                unnamed.append((body, sentence))
            continue
        recent = [s for at, s in unnamed if body - at <= 3]
        unnamed.clear()
        if recent and draft.own_day is None and len(draft.countries) >= 3:
            # "The ministers of Central America met in San Salvador on 3 February. ... The session brought together
            # the ministers of A, B and C": the session first told without its members is the one that follows.
            draft.members[:0] = recent
            if draft.format == "in_person" and draft.place is None:
                draft.place, draft.place_country = next(
                    (found for found in (_location(view, s.start, s.end) for s in recent) if found[0]),
                    (None, draft.place_country))
        found = [*_separate(view, draft, trigger), *_later_encounters(view, sentence, trigger, draft)]
        for draft in found:
            # The report the text speaks of last is the one a repeat refers to.
            same = next((d for d in reversed(drafts) if d.same_encounter(draft, marked=False) and (
                d.format == draft.format or not (d.explicit_format and draft.explicit_format))), None)
            if same is not None and (draft.apart or _another_encounter(view, draft, same)):
                draft.apart, same = len(drafts) + 1, None
            if same is None:
                drafts.append(draft)
            else:
                _merge(same, draft)
    return _without_sums_of_bilaterals(drafts)


def _without_sums_of_bilaterals(drafts: list[Draft]) -> list[Draft]:
    """ "A met his counterparts from B and C yesterday. ... At their meeting, A and B ... Separately, A hosted C":
    a report of three or more governments whose host the article then shows meeting each of the others on their
    own told those bilaterals together; it is no meeting of its own. A session, or words that they sat together
    ("trilateral", "the three"), keep it."""
    pairs = {frozenset(d.countries) for d in drafts if len(set(d.countries)) == 2 and d.past is None}

    def summed(draft: Draft) -> bool:
        countries = set(draft.countries)
        if len(countries) < 3 or draft.session or draft.past is not None or _TOGETHER.search(draft.sentence.text):
            return False
        return any(all(frozenset((host, other)) in pairs for other in countries - {host}) for host in countries)

    return [d for d in drafts if not summed(d)]


# One encounter per counterpart: "in separate calls", "met respectively with", "held back-to-back talks with", "held
# bilateral meetings with",
# "a series of meetings with" (plural meetings of one subject with several governments).
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\beach\s+of\s+them\b|\bone\s+after\s+(?:the\s+)?other\b|\bback-to-back\b|"
                       r"\brespectively\b|\bbilaterals\b|\b(?:bilateral|individual|one-on-one)\s+(?:meetings|talks)\b|"
                       r"\bmeetings\s+with\b|\bseries\s+of\s+(?:\w+\s+)?(?:meetings|talks)\b", re.I)
_PLURAL_MEETINGS = re.compile(r"\b(?:(?:the|these|those|their|bilateral|separate)\s+meetings|bilaterals|separately)\b",
                              re.I)
_PLURAL_ENCOUNTERS = re.compile(r"\b(?:calls|meetings|bilaterals)\s+with\b", re.I)
# ... unless the sentence says they met together: "a trilateral meeting", "a joint meeting", "the three ministers".
_TOGETHER = re.compile(r"\b(?:tri|quadri|multi)lateral\b|\bthree-way\b|\bjoint\s+(?:meeting|talks|session)\b|"
                       r"\btogether\b|\b(?:the|all)\s+(?:three|four|five)\b", re.I)


def _separate(view: ArticleView, draft: Draft, trigger: re.Match) -> list[Draft]:
    """ "spoke with his Ukrainian and Polish counterparts in separate calls", "met respectively with A and B",
    "held bilateral meetings with counterparts from A, B and C": one encounter of the subject's government with
    each of the others, not one meeting of all of them. The subject is the official named before the verb, else
    the government named there ("The Turkish defense minister separately met ...")."""
    sentence = draft.sentence
    if len(draft.countries) == 2 and not draft.session and _APART_MEETINGS.search(sentence.text) \
            and not _TOGETHER.search(sentence.text):
        return _one_per_counterpart(view, draft, trigger)
    if len(draft.countries) < 3 or draft.session or _TOGETHER.search(sentence.text):
        return [draft]
    if len(draft.named_countries) < len(draft.countries):
        if _SEPARATE.search(sentence.text):
            # "held a series of bilateral meetings with her counterparts from ASEAN nations and US Defense Secretary
            # A": one with each government it names; which members of the group it met, it does not say
            return _series(view, draft, trigger, [c for c in draft.countries if c in draft.named_countries])
        return [draft]    # "a meeting of NATO defence ministers": a group's session is one meeting
    if not _SEPARATE.search(sentence.text) and not _OWN_MEETINGS.search(view.text, trigger.end(), sentence.end):
        # "A met his Turkish, Lebanese and Pakistani counterparts. ... The sides in the meetings discussed ...": the
        # plural may come in the next sentences of the report.
        # ("In the course of the meetings, A met B, C and D": or in the sentence's own opening.)
        following = [s for s in view.sentences if s.kind == "body" and s.start >= sentence.end][:2]
        # ("A held bilateral meetings with his counterparts from Africa. A met B (X), C (Y) and D (Z)": or in the
        # sentence just before, which announced the series.)
        before = [s for s in view.sentences if s.kind == "body" and s.end <= sentence.start][-1:]
        # ("Readout of A's Phone Calls With Defense Ministers from B, C and D": or in the headline's plural.)
        if not any(_PLURAL_MEETINGS.search(s.text) and not _TOGETHER.search(s.text) for s in following) \
                and not any(_SEPARATE.search(s.text) and not _TOGETHER.search(s.text) for s in before) \
                and not _PLURAL_MEETINGS.search(view.text, sentence.start, trigger.start()) \
                and not any(_PLURAL_ENCOUNTERS.search(s.text) for s in view.headlines) \
                and not _two_counterparts(view, draft, trigger):
            return [draft]
    return _series(view, draft, trigger, draft.countries)


# "A also met B, C and D during her day-long meetings": the report's own plural after the verb.
_OWN_MEETINGS = re.compile(r"\b(?:during|in|at)\s+(?:her|his|their|the)\s+(?:[\w-]+\s+){0,3}?meetings\b", re.I)


def _series(view: ArticleView, draft: Draft, trigger: re.Match, countries: list[str]) -> list[Draft]:
    """One encounter of the series' host with each of ``countries``."""
    sentence = draft.sentence
    host = _series_host(view, draft, trigger)
    if host is None:
        return [draft]
    found = []
    for country in countries:
        if country == host:
            continue
        pair = [host, country]
        found.append(replace(draft, countries=pair, people=[p for p in draft.people if p.country in pair],
                             named_countries=[c for c in draft.named_countries if c in pair],
                             # the series' report, after the sentence that told it before naming the counterparts
                             members=[*(m for m in draft.members if m.start < sentence.start), sentence],
                             series=(sentence.start, host)))
    return found


def _two_counterparts(view: ArticleView, draft: Draft, trigger: re.Match) -> bool:
    """ "He also met the Defence Ministers of A and B" in a roundup of bilaterals, "took part in the forum. He met
    with A and B": one official meeting those of two other governments on a tour or at a forum, with no word that the
    three sat together (``_TOGETHER``), held two bilaterals. Elsewhere "A met B and C" stays one meeting, as does a
    host gathering them ("hosted", "convened")."""
    if len(draft.countries) < 3 or _GATHERING.match(trigger.group()):
        return False
    sentence = draft.sentence
    if _ALSO_MET.search(view.text, sentence.start, trigger.end()):
        return True
    if len(draft.countries) != 3:
        return False
    before = [s for s in view.sentences if s.kind == "body" and s.end <= sentence.start][-1:]
    return any(_FORUM.search(s.text) for s in [*before, sentence])


_GATHERING = re.compile(r"hosted|co-?chaired|convened|brought", re.I)
_ALSO_MET = re.compile(r"\balso\b", re.I)
# A gathering open to many, on whose sidelines ministers meet two by two (GUIDE: the setting of its meetings).
_FORUM = re.compile(r"\b(?:forum|conference|summit|expo|exhibition|air\s+show|sidelines?|side-lines?|margins?)\b", re.I)


def _series_host(view: ArticleView, draft: Draft, trigger: re.Match) -> str | None:
    """The government of who holds a series of encounters: the official named before the verb, else the government
    named there, the roundup's subject for "he", the title's holder, or a briefing's first-person principal."""
    sentence = draft.sentence
    subject = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, trigger.start())}
    if not subject:
        subject = {m.code for m in view.entities.mentions_in(sentence.start, trigger.start())
                   if not _is_location(view, sentence.start, m.start)}
    before = view.text[sentence.start:trigger.start()]
    if not subject and (_PRONOUN_SUBJECT.search(before) or _POSSESSIVE_SUBJECT.search(before)):
        subject = {p.country for p in _roundup_subject(view, sentence.start)}
    title = _TITLE_SUBJECT.search(before) if not subject else None
    if title:
        # "In the course of the meetings, the Raksha Mantri met with A, B and C"
        subject = {p.country for p in [_title_holder(view, sentence.start, title.group("title"), [])] if p}
    if not subject and _FIRST_PERSON_SUBJECT.search(before):
        subject = {_principal(view)[1]} - {None}    # "I had bilaterals with A and B": the briefing's principal
    return next(iter(subject)) if len(subject) == 1 and subject <= set(draft.countries) else None


# "held separate meetings with A and B", "met A and B separately": apart, though both are of one government.
_APART_MEETINGS = re.compile(r"\bseparate(?:ly)?\b", re.I)


def _one_per_counterpart(view: ArticleView, draft: Draft, trigger: re.Match) -> list[Draft]:
    """ "held separate meetings with Sri Lanka's Deputy Minister of Defence A and its Defence Secretary B": one
    encounter with each official of the other government the report names after its verb."""
    host = _series_host(view, draft, trigger)
    sentence = draft.sentence
    named = _unique(view.entities.people[m.key] for m in view.entities.people_in(trigger.end(), sentence.end))
    counterparts = [p for p in named if p.country != host and p in draft.people]
    if host is None or len(counterparts) < 2:
        return [draft]
    return [replace(draft, people=[p for p in draft.people if p.country == host or p is counterpart],
                    members=[*(m for m in draft.members if m.start < sentence.start), sentence],
                    series=(sentence.start, host), apart=draft.apart + number)    # apart: same governments, two talks
            for number, counterpart in enumerate(counterparts)]

# "Earlier in the day, A met B", "A then met C", "A and C, then, co-headed", "held a side-line meeting with", "met B
# before meeting C": the report marks an encounter apart from the one the text told before, even between the same
# governments.
_ANOTHER = re.compile(r"\b(?:earlier|later)\s+(?:in\s+the\s+day|that\s+day|that\s+morning|on)\b|\bthen,?\s+(?-i:[a-z])|"
                      r"\b(?:before|after)\s+(?:meeting|(?:his|her|their)\s+(?:meeting|talks))\s+(?:with\s+)?(?-i:[A-Z])|"
                      r"\bafterwards\b|\bside-?\s?lines?\b|\bmargins?\s+of\b", re.I)


# "..., and the two defense leaders then met ...": the officials of the encounter just told, together again.
_BOTH_BEFORE = re.compile(r"\band\s+(?:the\s+(?:two|three|four)\b|they\b|both\b)", re.I)


# "They then held a joint press conference": the same encounter's public part, not another encounter.
_PRESS = re.compile(r"\b(?:press|news|media)\s+(?:conference|briefing|availability)", re.I)


def _another_encounter(view: ArticleView, draft: Draft, same: Draft) -> bool:
    """Whether a report of the same governments' officials is one more encounter: it says it is apart ("Earlier in
    the day", "side-line meeting") and names other officials of a government than the encounter told before did
    (a lead that names one side only, "arrived for meetings with the president", is no encounter told apart)."""
    sentence = draft.sentence
    differ = any({p.key for p in draft.people if p.country == c} != {p.key for p in same.people if p.country == c}
                 for c in {p.country for p in draft.people} & {p.country for p in same.people})
    return differ and bool(_ANOTHER.search(view.text, sentence.start, sentence.end)) \
        and not _PRESS.search(view.text, sentence.start, sentence.end)


def _later_encounters(view: ArticleView, sentence: Sentence, first: re.Match, draft: Draft) -> list[Draft]:
    """Further encounters one sentence reports ("held talks with A on Monday, a day after meeting B in Canberra"):
    each from its own trigger on, with the sentence's subject, when it names an official of a new government."""
    subject = [view.entities.people[m.key] for m in view.entities.people_in(sentence.start, first.start())]
    found: list[Draft] = []
    position = _zone_end(view.text, sentence, first)
    short = _zone_end(view.text, sentence, first, opening=True)
    if short < position and _PARTICIPLE_LEAD.match(view.text, sentence.start):
        # "Having earlier met A, B also met C": B, named after the opening clause, is the subject of what follows.
        comma = view.text.find(", ", first.end(), short)
        subject += [view.entities.people[m.key] for m in view.entities.people_in(comma, short)]
        position = short
    while position < sentence.end:
        trigger = _held_trigger(view, sentence, position, (MEETING_TRIGGER, _OBJECT_TRIGGER))
        if trigger is None:
            break
        part = Sentence(trigger.start(), sentence.end, view.text[trigger.start():sentence.end], sentence.kind, sentence.block)
        together = _BOTH_BEFORE.search(view.text, position, trigger.start())
        if together:
            # Read from "and the two ...": the clause that ties it to the encounter before.
            part = Sentence(together.start(), sentence.end, view.text[together.start():sentence.end], sentence.kind,
                            sentence.block)
        later = _draft(view, part, trigger, [*subject, *draft.people] if together else subject)
        known = {c for d in (draft, *found) for c in d.countries}
        if later is not None and any(p.country not in known for p in later.people):
            found.append(later)
        elif later is not None and together and _ANOTHER.search(view.text, position, trigger.end()) and \
                not _PRESS.search(view.text, trigger.start(), sentence.end) and \
                any(p not in draft.people for p in later.people):
            # "A met B on arrival, and the two then met C": the pair's next encounter, with one more official.
            later.apart = -trigger.start()
            later.own_day = later.own_day or draft.own_day    # "then": the same day, unless it says another
            found.append(later)
        position = _zone_end(view.text, sentence, trigger)
    return found


def _merge(into: Draft, other: Draft) -> None:
    into.own_day = into.own_day or other.own_day
    into.vague = into.vague and other.vague
    if other.explicit_format and not into.explicit_format:
        into.format, into.explicit_format = other.format, True
    into.people = _unique([*into.people, *other.people])
    into.countries[:] = list(dict.fromkeys([*into.countries, *other.countries]))    # a session's, when one names more
    into.name = into.name or other.name
    if into.place is None and other.place:
        into.place, into.place_country = other.place, other.place_country
    into.place_country = into.place_country or other.place_country
    into.members.append(other.sentence)


def _merge_same(drafts: list[Draft], assignment: dict[int, Draft]) -> list[Draft]:
    """One meeting per encounter once formats are known (a call first reported as "told his counterpart")."""
    kept: list[Draft] = []
    for draft in drafts:
        same = next((d for d in kept if (d.same_encounter(draft) and d.format == draft.format
                                         or _same_session(d, draft) and _formats_agree(d, draft))), None)
        if same is None:
            kept.append(draft)
            continue
        _merge(same, draft)
        for start, assigned in assignment.items():
            if assigned is draft:
                assignment[start] = same
    return kept


def _same_session(one: Draft, other: Draft) -> bool:
    """Two reports of one ministers' session that differ by a government one of them missed ("hosted the Meeting of
    SCO Defence Ministers" and "The meeting was attended by ..." naming a first deputy minister the other lacks): no two
    days told, five governments or more, one at most apart. (An ADMM and the ADMM-Plus differ by eight.)"""
    a, b = set(one.countries), set(other.countries)
    if one.past != other.past or one.apart != other.apart or (
            one.own_day is not None and other.own_day is not None and one.own_day != other.own_day):
        return False
    if min(len(a), len(b)) >= 5 and len(a ^ b) <= 1:
        return True
    # "The meeting was held in the presence of A, B and C": the session just reported, by its definite noun;
    # "X attends the SEDM meeting alongside his Romanian counterpart", "X joined defence ministers from A, B and C":
    # an official at a session of more governments is at that session, not at a meeting of their own.
    for big, small, draft in ((a, b, other), (b, a, one)):
        if len(big) >= 3 and small < big and _ATTENDING.search(draft.sentence.text):
            return True
        # "A and B were also present at the trilateral meeting", "During their meeting, the ministers of A and B
        # reaffirmed ...": some of the session's governments, named at the session the text just reported.
        if len(big) >= 3 and small < big and _AT_THE_ENCOUNTER.search(draft.sentence.text) \
                and not _ONE_OF_THEIR_OWN.search(draft.sentence.text):
            return True
    return len(b) >= 3 and b <= a and bool(_THE_SESSION.match(other.sentence.text))


_AT_THE_ENCOUNTER = re.compile(r"\b(?:at|during|in)\s+(?:the|their|this)\s+(?:[\w-]+\s+)?(?:meeting|talks|session)\b|"
                               r"\bpresent\s+at\b", re.I)
# ... but not an encounter of their own beside it: "a bilateral meeting", "separately", "on the sidelines of".
_ONE_OF_THEIR_OWN = re.compile(r"\bbilateral\b|\bseparate(?:ly)?\b|\bsidelines?\b|\bmargins?\b|\balso\s+(?:met|held)\b",
                               re.I)
_THE_SESSION = re.compile(r"\s*The\s+(?:meeting|session|talks|council|conference|ministerial)\b")
_ATTENDING = re.compile(r"\b(?:attends|attended|attending|joined|joins|took\s+part\s+in|takes\s+part\s+in|"
                        r"participated\s+in|participates\s+in)\b")


def _formats_agree(one: Draft, other: Draft) -> bool:
    """The same format, or one that only defaulted to in person."""
    return one.format == other.format or not (one.explicit_format and other.explicit_format)
