"""What the meeting stage reads (``ArticleView``) and a meeting as it is being read (``Draft``).

Shared by every part of the stage, so they sit apart from all of them; so do the few helpers the view's transcript
speakers need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .. import statements as speech
from ..dates import DateMention, case_folded, find_dates
from ..entities import DocumentEntities, EntityIndex, Person
from ..sentences import Sentence


# "Speaking at the meeting, the Defence Secretary said:": a quote introduced by the speaker's title.
# "the Defence Secretary", "the minister", "the Raksha Mantri": an official named before, by an office title.
_THE_TITLE = r"the\s+(?P<title>(?:[Dd]efen[cs]e\s+)?(?:[Ss]ecretary|[Mm]inister)|[A-Z][a-z]+\s+(?:Mantri|Minister|Secretary))"
_TITLE_REFERENCE_END = re.compile(rf"\b{_THE_TITLE}$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us)\b")
# "Defence Secretary Ben Wallace said:" alone in its paragraph: the first-person paragraphs after it are his words.
# A transcript's label alone on its line: two to six upper-case words, or one that only asks ("JOURNALIST").
# ... or an office or role in title case with its colon ("Minister:", "Question:"), as a ministry's transcript writes it.
_LABEL_LINE = re.compile(r"\s*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,5}|(?P<office>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=:))"
                         r"[ \t]*:?[ \t]*")
_QUOTE_INTRO = re.compile(r"(?P<who>[^.!?\n]{3,120}?)\s+(?:said|says|added|stated|commented|explained)\s*:")


@dataclass
class ArticleView:
    """What the meeting stage reads: the cleaned text, split and tagged."""
    text: str
    sentences: list[Sentence]
    entities: DocumentEntities
    index: EntityIndex
    reference: date | None
    dateline: DateMention | None = None     # a yearless wire dateline's month and day, when nothing gives the year
    dateline_end: int = 0                   # where a wire dateline ends: its date is a fallback, never the first choice

    @cached_property
    def speakers(self) -> dict[int, tuple[tuple[int, int], Person | None, bool]]:
        """Each transcript paragraph's label, the participant it names, and whether it is one who speaks for a
        government (not "Q:" or "MODERATOR:").

        A label holds for the body paragraphs after it, until the next label or heading; a label that
        names nobody known ("NEW DELHI:") holds for its own paragraph only.
        """
        people = list(self.entities.people.values())
        kinds = {s.block: s.kind for s in self.sentences}
        found, current, introduced, first_after_intro = {}, None, None, False
        for block, (start, end) in self.blocks.items():
            label = speech.transcript_label(self.text, start, end) if kinds[block] == "body" else None
            # The paragraph right after "X said:" is X's; later ones only while they speak in the first person.
            if introduced is not None and kinds[block] == "body" and label is None \
                    and (first_after_intro or _FIRST_PERSON.search(self.text, start, end)):
                found[block] = introduced
                first_after_intro = False
                continue
            introduced, first_after_intro = None, False
            alone = _LABEL_LINE.fullmatch(self.text, start, end) if label is None else None
            if alone is not None:
                # A label on a line of its own ("MARISE PAYNE", "SECRETARY RUMSFELD", "JOURNALIST") opens the
                # paragraphs under it, when it names a participant or one who only asks (not a caps headline).
                written = alone.group("label")
                person = speech.labelled_person(written, people)
                if person is None and alone.group("office"):
                    # "Minister:" alone on its line: the one official named before it who holds that office.
                    person = _title_holder(self, start, written, [])
                if person is not None or not speech.is_speaker(written):
                    current = (alone.span("label"), person, person is not None)
                    continue
            if label is not None:
                written = self.text[label[0]:label[1]]
                speaks = speech.is_speaker(written)
                if speech.is_interpreter(written):
                    # "INTERPRETER:" speaks for the participant before; after a question, for nobody.
                    current = current if current is not None and current[1] is not None else (label, None, False)
                else:
                    current = (label, speech.labelled_person(written, people) if speaks else None, speaks)
            elif kinds[block] != "body" or (current is not None and current[2] and current[1] is None):
                current = None
            if current is not None:
                found[block] = current
            elif kinds[block] == "body":
                # A quote's introduction ends its paragraph with a colon: look for one only there.
                intro = _QUOTE_INTRO.fullmatch(self.text, start, end) if self.text[end - 1] == ":" else None
                person = speech.labelled_person(intro.group("who"), people) if intro else None
                title = _TITLE_REFERENCE_END.search(intro.group("who")) if intro and person is None else None
                if title:
                    # "Speaking at the meeting, the Defence Secretary said:" names its speaker by title.
                    person = _title_holder(self, start, title.group("title"), [])
                if person is not None:
                    introduced, first_after_intro = (intro.span("who"), person, True), True
        return found

    @cached_property
    def _dates(self) -> dict[tuple[int, int], list[DateMention]]:
        return {}

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        """A sentence's date mentions, read once however many meetings ask."""
        span = (sentence.start, sentence.end)
        found = self._dates.get(span)
        if found is None:
            found = self._dates[span] = find_dates(sentence.text)
        return found

    @cached_property
    def headlines(self) -> list[Sentence]:
        """The headings above the story's first paragraph (its headline and deck)."""
        above = []
        for sentence in self.sentences:
            if sentence.kind == "body":
                break
            if sentence.kind == "heading":
                above.append(sentence)
        return above

    @cached_property
    def lowered(self) -> str | None:
        """The text lower-cased as the case-insensitive cues read it (``case_folded``)."""
        return case_folded(self.text)

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
    own_day: date | None = None    # the day its own report gives: two reports with different days are two encounters
    vague: bool = False            # its report dates it only vaguely ("who met Umerov last month"): no other day is its
    past: tuple[int, int] | None = None  # the month of a background encounter its report dates months back
    session: bool = False          # a group's session ("a meeting of NATO defence ministers"): one meeting, never split
    series: tuple[int, str] | None = None  # of the bilaterals one report split ("met A and B separately"): its host
    by_deed: bool = False          # reported only by what a pair of officials did ("A and B finalized ...")

    apart: int = 0                 # reports marked as another encounter of the same governments ("Earlier in the day")

    def same_encounter(self, other: "Draft", *, marked: bool = True) -> bool:
        if marked and self.apart != other.apart:
            return False
        return set(self.countries) == set(other.countries) and self.past == other.past and (
            self.own_day is None or other.own_day is None or self.own_day == other.own_day)


def _title_holder(view: ArticleView, before: int, title: str, countries: list[str]) -> Person | None:
    """The one person named before ``before`` whose role bears ``title`` ("the Defence Secretary"), of a government
    not yet at the meeting."""
    words = title.lower().split()
    holders = _unique(view.entities.people[m.key] for m in view.entities.person_mentions if m.end <= before)
    fitting = [p for p in holders if p.country and p.country not in countries and p.role
               and (all(w in p.role.lower() for w in words if w not in ("defence", "defense"))
                    or title.lower() in view.index.office_titles and view.index.canonical_title(title, p.country) == p.role)]
    return fitting[0] if len(fitting) == 1 else None


def _unique(people) -> list[Person]:
    return list({p.key: p for p in people}.values())


# A country or nationality names a party to a meeting when it qualifies an official, a side or a delegation
# ("the US Secretary of Defense", "the Philippine side") or when it is where a trip went ("a visit to A and B");
# anywhere else it is a topic ("support for the Ukrainian Air Force", "A released a new defence policy").
_PARTY_AFTER = re.compile(r"(?:[’']s)?\s+(?:(?:top|new|visiting|defen[cs]e|military|armed|foreign|national|"
                          r"deputy|senior|chief)\s+){0,3}(?:[Mm]inist(?:er|ry)|[Ss]ecretary|[Cc]ounterparts?|[Ss]ide|"
                          r"[Dd]elegation|[Cc]hiefs?|[Oo]fficials?|[Gg]eneral|[Aa]dmiral|[Cc]ommanders?)\b")
_PARTY_BEFORE = re.compile(r"\b(?:visit|visits|trip|tour|travell?ed|went|arrived)\s+(?:to|in)\s+$")
# A word every match of _PARTY_BEFORE holds: a sentence without any is not searched again before each mention.
_PARTY_BEFORE_WORDS = ("visit", "trip", "tour", "travel", "went", "arrived")
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+)$")


def _parties_named(view: ArticleView, sentence: Sentence) -> set[str]:
    """The governments a sentence names as parties by country or nationality (see ``_PARTY_AFTER``); a list
    shares its last item's role ("his Japanese and Australian counterparts", "a visit to A and B")."""
    text = view.text
    mentions = view.entities.mentions_in(sentence.start, sentence.end)
    trip = any(map(sentence.text.__contains__, _PARTY_BEFORE_WORDS))
    party = [bool(_PARTY_AFTER.match(text, m.end, sentence.end)
                  or trip and _PARTY_BEFORE.search(text, sentence.start, m.start)) for m in mentions]
    listed = [i > 0 and bool(_LIST_GAP.match(text[mentions[i - 1].end:m.start])) for i, m in enumerate(mentions)]
    for i in range(1, len(mentions)):            # forward: "a visit to A and B"
        party[i] = party[i] or (listed[i] and party[i - 1])
    for i in range(len(mentions) - 1, 0, -1):    # backward: "his A and B counterparts"
        party[i - 1] = party[i - 1] or (listed[i] and party[i])
    return {m.code for m, is_party in zip(mentions, party) if is_party}
