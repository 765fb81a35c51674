"""The meetings an article reports, and which of its sentences speak of which.

A meeting is opened by a sentence that reports an encounter as held ("met",
"held talks", "spoke by phone", "during a videoconference with"); plans ("will
meet") and negations are not meetings. Its governments come from the named
officials, the countries in the sentence's participant part (not the place, not
the topic after "to discuss"), groups whose members all took part, and references
back ("the two met"). The same encounter reported twice is merged. Every other
sentence belongs to the meeting whose participants it speaks of, or else to the
meeting the text is currently about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from . import statements as speech
from .clauses import Resolver, Scope
from .dates import DateMention, find_dates, is_future_context, resolve
from .document import ExtractedMeeting, ExtractedParticipant
from .entities import DocumentEntities, EntityIndex, Person
from .sentences import Sentence

MEETING_TRIGGER = re.compile(
    r"\b(?:met|meets|conferred|hosted)\b(?!\s+with\s+(?:a|an)\s+\w+\s+(?:response|reaction))"
    r"|\bheld\s+(?:[\w’'‘.-]+\s+){0,7}?(?:talks|meeting|conference|dialogue|consultations|discussions?|summit|"
    r"ministerial|session|call|videoconference)\b"
    r"|\b(?:in|during|at)\s+(?:a|an|the|their|his|her)?\s*(?:[\w’'-]+\s+){0,4}?(?:talks|meeting|conference|session|"
    r"dialogue|call|conversation|videoconference)\s+(?:with|between|involving)\b"
    r"|\btalks\s+with\b|\btold\s+(?:his|her)\s+(?:[A-Z][\w-]*\s+){0,2}counterparts?\b"
    r"|\b(?:welcomed|received)\s+(?:(?!from\b|by\b|for\b|with\b)[\w’'.-]+\s+){0,5}?"
    r"(?:counterparts?|[Mm]inisters?|[Ss]ecretary|chiefs?)\b(?![’'])"
    r"|\bjoined\s+(?:his|her|their|the|fellow)\s+(?:[\w’'-]+\s+){0,3}?(?:counterparts|ministers|chiefs)\b"
    r"|\b(?:in|during|at)\s+(?:our|today[’']s|this\s+morning[’']s|yesterday[’']s)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:talks|meeting|discussions?|conversation|call)\b",
    re.I,
)
PHONE_CUE = re.compile(
    r"\b(?:tele)?phone\s+(?:call|conversation|talks?)\b|\bspoke\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b|"
    r"\bby\s+(?:tele)?phone\b|\b(?:phoned|telephoned)\b|\bspoke\s+(?:to|with)\b|\bcalled\s+(?:his|her)\s+"
    r"(?:[A-Z][\w-]*\s+){0,2}counterpart",
    re.I,
)
VIDEO_CUE = re.compile(r"\bvideo[\s-]?(?:conference|call|link|teleconference|talks)|\bvideoconferenc|\bvirtual\s+"
                       r"(?:meeting|talks|call|conference|session)|\bvirtually\b|\bvia\s+video\b|\bteleconference", re.I)
_NOT_HELD = re.compile(
    r"\b(?:will|would|to|plans?\s+to|planned|scheduled\s+to|expected\s+to|set\s+to|due\s+to|ahead\s+of|before|"
    r"upcoming|next|future|proposed|hopes?\s+to|wants?\s+to|may|might|could|should|did\s+not|didn't|not|never|"
    r"cancel(?:l?ed)?|postponed|when\s+they)\s+(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
_TOPIC_CUT = re.compile(
    r"\s(?:to\s+(?:discuss|talk|review|address|exchange|explore|strengthen|deepen|boost|bolster|enhance|coordinate|"
    r"consult|reaffirm|seek|push|press|condemn|mark)|discussing|about|regarding|concerning|amid|as\s+tensions|where|"
    r"ahead\s+of|before|prior\s+to|for\s+(?:talks|discussions|consultations)|on\s+(?!(?:the\s+)?sidelines|behalf|\w+day\b|[A-Z][a-z]{2}|\d)|"
    r"which|after|following|over|that|focused|focusing|on\s+(?:the\s+)?(?:issue|situation|threat|need|ways)|since|"
    r"(?:their|the|his|her)\s+first)\b"
    r"|,\s+(?:the|a|an)\s+(?:latest|last|second|third|new|sign|step|move|meeting|visit)\b"
    r"|,\s+(?:marking|underscoring|signaling|signalling|highlighting|reflecting|in\s+a\s+sign)\b"
)
# "He also met ...": the trigger's subject is a person named before.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s+|\band\s+)(?:he|she)\s+(?:[a-z]+\s+){0,2}$", re.I)
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|visit\s+to|trip\s+to|across)\s+(?:the\s+)?|,\s+(?:the\s+)?)$")
_GROUP_ALL = re.compile(r"(?:counterparts?|ministers|chiefs|members|states|all|(?<!\d)\d+|ten|nine|eleven|twelve|"
                        r"fifteen|eighteen|twenty)\s+(?:(?:from|of)\s+)?(?:the\s+)?(?:\w+\s+){0,3}$", re.I)
_GROUP_ALL_AFTER = re.compile(r"^(?:[’']s?)?\s+(?:member\s+states|members|(?:defen[cs]e\s+)?(?:ministers|chiefs|"
                              r"counterparts|leaders))\b", re.I)
_BACK_REFERENCE = re.compile(r"\b(?:the|all|both)\s+(?P<n>two|three|four|five)\b|\b(?:they|both\s+ministers|"
                             r"the\s+ministers|the\s+(?:defen[cs]e\s+)?(?:chiefs|leaders|ministers))\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_MEETING_NOUN = r"(?:Ministerial|Meeting|Conference|Dialogue|Talks|Consultations?|Summit|Forum|Committee|Session)"
_QUOTED_NAME = re.compile(rf"[‘“\"'](?P<name>[A-Z][^‘“”\"]{{2,90}}?{_MEETING_NOUN}(?:[-‐]Plus)?)[’”\"']")
_CAPITALIZED_NAME = re.compile(
    rf"(?P<name>(?:[A-Z][\w.’'-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){{1,8}}?{_MEETING_NOUN}(?:[-‐]Plus)?)\b")
_PLACE_LEAD = re.compile(r"\b(?:at|in)\s+(?:the\s+|a\s+)?(?:former\s+)?")
_PLACE_WORDS = frozenset("building headquarters base hotel hall palace office ministry complex compound center centre "
                         "house of the in".split())
_PAST_BACKGROUND = re.compile(r"\b(?:since|last|previous|earlier\s+meeting|ago|until)\s+$", re.I)
_TRIGGER_WORDS = ("met", "meet", "held", "talks", "hosted", "conferred", "told", "welcomed", "phone", "spoke", "call",
                  "video", "virtual", "conference", "conversation", "received", "joined", "discussion")
_TRIGGER_HINT = re.compile("|".join(_TRIGGER_WORDS), re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")
_DATELINE_CITY = re.compile(r"(?P<city>[A-Z][A-Z .'-]{2,30}?)(?:,\s+[A-Z][A-Za-z .]+?)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                            r"\s*(?:\([A-Za-z ]+\)\s*)?(?:--|—|–|-)\s")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an the and or of to in on at for with by from as that this these those is are was were be been it "
                  "its their they them he she his her we our will would also both all said not no".split())
_IN_PERSON = re.compile(r"\b(?:met|visit|hosted|in\s+person)\b")
_NOT_THIS_MEETING = re.compile(r"(?:sidelines\s+of|ahead\s+of|future|next|upcoming)\s+(?:the\s+|a\s+)?$", re.I)
_NOT_A_NAME = re.compile(r"(?:Security Council|The|This|He|She|They)\b")


@dataclass
class ArticleView:
    """What the meeting stage reads: the cleaned text, split and tagged."""
    text: str
    sentences: list[Sentence]
    entities: DocumentEntities
    index: EntityIndex
    reference: date | None
    dateline: DateMention | None = None

    @cached_property
    def speakers(self) -> dict[int, tuple[tuple[int, int], Person | None, bool]]:
        """Each transcript paragraph's label, the participant it names, and whether it is one who speaks for a
        government (not "Q:" or "MODERATOR:").

        A label holds for the body paragraphs after it, until the next label or heading; a label that
        names nobody known ("NEW DELHI:") holds for its own paragraph only.
        """
        people = list(self.entities.people.values())
        kinds = {s.block: s.kind for s in self.sentences}
        found, current = {}, None
        for block, (start, end) in self.blocks.items():
            label = speech.transcript_label(self.text, start, end) if kinds[block] == "body" else None
            if label is not None:
                written = self.text[label[0]:label[1]]
                speaks = speech.is_speaker(written)
                current = (label, speech.labelled_person(written, people) if speaks else None, speaks)
            elif kinds[block] != "body" or (current is not None and current[2] and current[1] is None):
                current = None
            if current is not None:
                found[block] = current
        return found

    @cached_property
    def blocks(self) -> dict[int, tuple[int, int]]:
        """Each block's (start, end), from its first sentence to its last."""
        bounds: dict[int, tuple[int, int]] = {}
        for sentence in self.sentences:
            start = bounds.get(sentence.block, (sentence.start, 0))[0]
            bounds[sentence.block] = (start, sentence.end)
        return bounds


@dataclass
class Draft:
    sentence: Sentence
    countries: list[str]
    people: list[Person]
    format: str
    name: str | None = None
    place: str | None = None
    place_country: str | None = None
    date: date | None = None
    precision: str | None = None
    explicit_format: bool = False
    named_countries: list[str] = field(default_factory=list)   # named in the report, not only as a group's members
    members: list[Sentence] = field(default_factory=list)


def extract_meetings(view: ArticleView) -> list[ExtractedMeeting]:
    drafts = _find_drafts(view)
    if not drafts:
        return []
    reference = view.reference
    if reference is None and view.dateline is not None:
        reference, _ = resolve(view.dateline, None, year_for=_year_guess(_all_people(drafts)))
    assignment = _assign_sentences(view, drafts)
    _settle_format(view, drafts, assignment)
    drafts = _merge_same(drafts, assignment)
    _settle_dates(view, drafts, assignment, reference)
    _settle_places(view, drafts)
    return [_claims(view, draft, assignment, reference) for draft in drafts]


# --- finding meetings ----------------------------------------------------------

def _find_drafts(view: ArticleView) -> list[Draft]:
    drafts: list[Draft] = []
    for sentence in view.sentences:
        if sentence.kind != "body":
            continue
        trigger = _held_trigger(view.text, sentence)
        if trigger is None:
            continue
        draft = _draft(view, sentence, trigger)
        if draft is None:
            continue
        same = next((d for d in drafts if set(d.countries) == set(draft.countries) and (
            d.format == draft.format or not (d.explicit_format and draft.explicit_format))), None)
        if same is None:
            drafts.append(draft)
        else:
            _merge(same, draft)
    return drafts


def _held_trigger(text: str, sentence: Sentence) -> re.Match | None:
    if not _TRIGGER_HINT.search(sentence.text):
        return None
    for pattern in (MEETING_TRIGGER, PHONE_CUE, VIDEO_CUE):
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if not _NOT_HELD.search(text[max(sentence.start, m.start() - 50):m.start()]):
                return m
    return None


def _draft(view: ArticleView, sentence: Sentence, trigger: re.Match) -> Draft | None:
    text = view.text
    zone_end = sentence.end
    cut = _TOPIC_CUT.search(text, trigger.end(), sentence.end)
    if cut:
        zone_end = cut.start()
    people = _unique(view.entities.people[m.key] for m in view.entities.people_in(sentence.start, zone_end))
    people = [p for p in people if p.country]
    countries = [p.country for p in people]
    group_members: list[str] = []
    for mention in view.entities.mentions_in(sentence.start, zone_end, kinds=("country", "demonym", "group")):
        before = text[max(sentence.start, mention.start - 14):mention.start]
        if mention.kind == "group":
            after = text[mention.end:mention.end + 40]
            if _GROUP_ALL.search(text[max(sentence.start, mention.start - 40):mention.start]) or _GROUP_ALL_AFTER.match(after):
                group_members += view.index.groups[mention.code].members_on(view.reference)
            continue
        if _LOCATION_BEFORE.search(before) and mention.kind == "country":
            continue
        if mention.code == "KP" and not any(p.country == "KP" for p in people):
            continue
        countries.append(mention.code)
    countries = list(dict.fromkeys([*countries, *group_members]))
    speaker = view.speakers.get(sentence.block, (None, None, False))[1]
    if speaker is not None and speaker.country and _FIRST_PERSON.search(text, sentence.start, zone_end):
        people = _unique([*people, speaker])
        countries = list(dict.fromkeys([*countries, speaker.country]))
        if len(countries) < 2:
            others = _unique(p for _, p, _ in view.speakers.values() if p is not None and p.country not in countries)
            people = _unique([*people, *others])
            countries = list(dict.fromkeys([*countries, *(p.country for p in others)]))
    if len(countries) < 2 and _PRONOUN_SUBJECT.search(text, sentence.start, trigger.start()):
        recent = [p for p in _recent_people(view, sentence.start, 1) if p.country not in countries]
        people = _unique([*people, *recent])
        countries = list(dict.fromkeys([*countries, *(p.country for p in recent)]))
    if len(countries) < 2:
        back = _BACK_REFERENCE.search(text, sentence.start, zone_end)
        if back:
            wanted = _NUMBERS.get((back.group("n") or "").lower(), 2)
            recent = _recent_people(view, sentence.start, wanted)
            if len(recent) == wanted or (len(recent) >= 2 and not back.group("n")):
                people = _unique([*people, *recent])
                countries = list(dict.fromkeys([*countries, *(p.country for p in recent)]))
    if len(countries) < 2:
        return None
    named = [c for c in countries if c not in group_members or any(p.country == c for p in people)]
    window = text[sentence.start:sentence.end]
    fmt = "video" if VIDEO_CUE.search(window) else "phone" if PHONE_CUE.search(window) else "in_person"
    draft = Draft(sentence, countries, people, fmt, named_countries=named, explicit_format=fmt != "in_person" or bool(
        _IN_PERSON.search(window)))
    draft.name = _meeting_name(text, sentence)
    if fmt == "in_person":
        draft.place, draft.place_country = _location(view, sentence.start, sentence.end)
    draft.members.append(sentence)
    return draft


def _recent_people(view: ArticleView, before: int, wanted: int) -> list[Person]:
    found: list[Person] = []
    for mention in reversed([m for m in view.entities.person_mentions if m.end <= before]):
        person = view.entities.people[mention.key]
        if person.country and person not in found and person.country not in {p.country for p in found}:
            found.append(person)
        if len(found) == wanted:
            break
    return found


def _merge(into: Draft, other: Draft) -> None:
    if other.explicit_format and not into.explicit_format:
        into.format, into.explicit_format = other.format, True
    into.people = _unique([*into.people, *other.people])
    into.name = into.name or other.name
    if into.place is None and other.place:
        into.place, into.place_country = other.place, other.place_country
    into.place_country = into.place_country or other.place_country
    into.members.append(other.sentence)


def _merge_same(drafts: list[Draft], assignment: dict[int, Draft]) -> list[Draft]:
    """One meeting per encounter once formats are known (a call first reported as "told his counterpart")."""
    kept: list[Draft] = []
    for draft in drafts:
        same = next((d for d in kept if set(d.countries) == set(draft.countries) and d.format == draft.format), None)
        if same is None:
            kept.append(draft)
            continue
        _merge(same, draft)
        for start, assigned in assignment.items():
            if assigned is draft:
                assignment[start] = same
    return kept


def _unique(people) -> list[Person]:
    return list({p.key: p for p in people}.values())


def _meeting_name(text: str, sentence: Sentence) -> str | None:
    window = text[sentence.start:sentence.end]
    for pattern in (_QUOTED_NAME, _CAPITALIZED_NAME):
        for m in pattern.finditer(window):
            before = window[:m.start()]
            if _NOT_THIS_MEETING.search(before):
                continue
            name = m.group("name").strip()
            if len(name.split()) >= 2 and not _NOT_A_NAME.match(name):
                return name
    return None


def _location(view: ArticleView, start: int, end: int) -> tuple[str | None, str | None]:
    """The place of an encounter named in a sentence ("at the former X Air Base, the Philippines")."""
    text = view.text
    for mention in view.entities.mentions_in(start, end, kinds=("place",)):
        lead = _place_lead(text, max(start, mention.start - 60), mention.start)
        if lead is None:
            continue
        tail = re.match(r"(?:\s+(?!(?:on|in|at)\b)[A-Z][\w-]*)*", text[mention.end:end])
        place = (lead + text[mention.start:mention.end] + tail.group()).strip()
        place = re.sub(r"\s+in\s+", ", ", place).strip(" ,")
        return place, mention.code
    for mention in view.entities.mentions_in(start, end, kinds=("country",)):
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(start, mention.start - 8):mention.start]):
            return None, mention.code
    return None, None


def _place_lead(text: str, start: int, end: int) -> str | None:
    """Words between "at/in" and a known place, when they name the venue ("the MND building in")."""
    for m in _PLACE_LEAD.finditer(text, start, end):
        between = text[m.end():end]
        words = re.findall(r"[\w’'-]+", between)
        if len(words) > 6 or re.search(r"\d", between):
            continue
        if all(w[:1].isupper() or w.lower() in _PLACE_WORDS for w in words):
            return between
    return None


# --- sections ------------------------------------------------------------------

def _assign_sentences(view: ArticleView, drafts: list[Draft]) -> dict[int, Draft]:
    """Which meeting each body sentence speaks of (keyed by sentence start)."""
    trigger_of = {s.start: d for d in drafts for s in d.members}
    assignment: dict[int, Draft] = {}
    current: Draft | None = None
    for sentence in view.sentences:
        if sentence.start in trigger_of:
            current = trigger_of[sentence.start]
            assignment[sentence.start] = current
            continue
        if sentence.kind == "heading":
            heading_draft = _heading_meeting(view, sentence, drafts)
            if heading_draft is not None:
                current = heading_draft
            continue
        if sentence.kind != "body":
            continue
        named = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
        named.discard(None)
        chosen = current
        if named and (current is None or not named <= set(current.countries)):
            fitting = [d for d in drafts if named <= set(d.countries)]
            if fitting:
                chosen = min(fitting, key=lambda d: (len(d.countries) - len(named), abs(drafts.index(d) - (
                    drafts.index(current) if current else 0))))
        if chosen is None:
            chosen = drafts[0]
        assignment[sentence.start] = chosen
        if named and chosen is not current and current is not None and named == set(chosen.countries):
            current = chosen
    return assignment


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


def _settle_format(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft]) -> None:
    for sentence in view.sentences:
        draft = assignment.get(sentence.start)
        if draft is None or draft.explicit_format:
            continue
        window = view.text[sentence.start:sentence.end]
        lowered = window.lower()
        if not any(word in lowered for word in ("video", "virtual", "phone", "teleconference")):
            continue
        if VIDEO_CUE.search(window):
            draft.format, draft.explicit_format = "video", True
        elif re.search(r"\b(?:tele)?phone\b", window, re.I) and PHONE_CUE.search(window):
            draft.format, draft.explicit_format = "phone", True
    for draft in drafts:
        if draft.format != "in_person":
            draft.place = draft.place_country = None


# --- dates and places ------------------------------------------------------------

def _all_people(drafts: list[Draft]) -> list[Person]:
    return _unique(p for d in drafts for p in d.people)


def _year_guess(people: list[Person]):
    """A year from the participants' terms: the one year in which all of them held office."""
    officials = [p.official for p in people if p.official is not None]

    def year_for(month: int, day: int) -> int | None:
        if not officials:
            return None
        years = set()
        for official in officials:
            for tenure in official.tenures:
                first = tenure.start.year if tenure.start else 1945
                last = tenure.end.year if tenure.end else date.today().year + 1
                years.update(range(first, last + 1))
        fitting = []
        for year in sorted(years):
            try:
                day_in_year = date(year, month, day)
            except ValueError:
                continue
            if all(any(t.covers(day_in_year) for t in o.tenures) for o in officials):
                fitting.append(year)
        return fitting[0] if len(fitting) == 1 else None

    return year_for


def _settle_dates(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft], reference: date | None) -> None:
    previous: Draft | None = None
    for draft in drafts:
        year_for = _year_guess(draft.people)
        for sentence in draft.members:
            draft.date, draft.precision = _sentence_date(view.text, sentence, reference, year_for, strict=False)
            if draft.date:
                break
        if draft.date is None:
            for sentence in view.sentences:
                if assignment.get(sentence.start) is draft and sentence not in draft.members:
                    draft.date, draft.precision = _sentence_date(view.text, sentence, reference, year_for, strict=True)
                    if draft.date:
                        break
        if draft.date is None and previous is not None and previous.format == draft.format:
            draft.date, draft.precision = previous.date, previous.precision
        previous = draft


def _sentence_date(text: str, sentence: Sentence, reference: date | None, year_for, strict: bool):
    """The day a sentence dates its event to (past tense); strict: weekdays and relative days only."""
    for mention in find_dates(text[sentence.start:sentence.end]):
        if mention.kind in ("vague", "year", "relative_year") or (
                strict and mention.kind not in ("weekday", "relative_day")):
            continue
        if is_future_context(text[sentence.start:sentence.end], mention.start, mention.end):
            continue
        if _PAST_BACKGROUND.search(text, max(sentence.start, sentence.start + mention.start - 20),
                                   sentence.start + mention.start):
            continue
        day, precision = resolve(mention, reference, year_for=year_for)
        if day is not None:
            return day, precision
    return None, None


def _settle_places(view: ArticleView, drafts: list[Draft]) -> None:
    """Meetings without a named venue share the article's venue, when the country agrees."""
    venues = [(d.place, d.place_country) for d in drafts if d.place]
    for sentence in view.sentences:
        if sentence.kind == "caption":
            place, country = _location(view, sentence.start, sentence.end)
            if place:
                venues.append((place, country))
    venues += _dateline_venue(view)
    for draft in drafts:
        if draft.format != "in_person" or draft.place:
            continue
        for place, country in venues:
            if draft.place_country in (None, country):
                draft.place, draft.place_country = place, country
                break


def _dateline_venue(view: ArticleView) -> list[tuple[str, str]]:
    """The city of a wire dateline ("VIENTIANE, Laos —"), the last resort for an in-person meeting's place."""
    body = next((s for s in view.sentences if s.kind == "body"), None)
    m = _DATELINE_CITY.match(body.text) if body else None
    if m is None:
        return []
    city = m.group("city").strip().title()
    country = next((code for kind, code in view.index.surfaces.get(city, ()) if kind == "place"), None)
    return [(city, country)] if country else []


# --- claims ------------------------------------------------------------------------

def _claims(view: ArticleView, draft: Draft, assignment: dict[int, Draft], reference: date | None) -> ExtractedMeeting:
    people = _with_unnamed_counterparts(view, draft)
    scope = Scope(list(draft.countries), people)
    resolver = Resolver(view.text, view.entities, view.index, scope)
    claim_reference = draft.date if draft.precision == "day" else reference
    claims = speech.Claims()
    quotes_by_block: dict[int, list[speech.Quote]] = {}
    for sentence in view.sentences:
        if assignment.get(sentence.start) is not draft:
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
            if sentence.start <= quote.start <= sentence.end:
                claims.extend(speech.claims_in_quote(view.text, quote, resolver, claim_reference))
    for statement in claims.statements:
        statement.speakers = sorted(set(statement.speakers))
    statements = _dedupe([s for s in claims.statements if s.speakers], key=lambda s: (s.text, s.direct, *s.speakers))
    commitments = _dedupe([c for c in claims.commitments if c.parties], key=lambda c: (c.text,))
    return ExtractedMeeting(
        date=draft.date, date_precision=draft.precision, format=draft.format, name=draft.name,
        place=draft.place, place_country=draft.place_country, countries=sorted(draft.countries),
        participants=[ExtractedParticipant(p.name, p.country, p.role or "", p.official.name if p.official else None,
                                           p.span) for p in people],
        statements=statements, commitments=commitments,
        span=(draft.sentence.start, draft.sentence.end),
    )


def _with_unnamed_counterparts(view: ArticleView, draft: Draft) -> list[Person]:
    """Counterparts the meeting sentence leaves unnamed but the article names (its only official of that country)."""
    people = list(draft.people)
    for country in draft.named_countries:
        if any(p.country == country for p in people):
            continue
        of_country = [p for p in view.entities.people.values() if p.country == country]
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
        words = {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}
        if not words:
            continue
        duplicate = next((i for i, other in enumerate(kept_words)
                          if kept_keys[i] == same and min(len(words), len(other)) >= 3
                          and len(words & other) / min(len(words), len(other)) >= 0.8), None)
        if duplicate is None:
            kept.append(item)
            kept_words.append(words)
            kept_keys.append(same)
        elif len(words) > len(kept_words[duplicate]):
            kept[duplicate], kept_words[duplicate] = item, words
    return kept
