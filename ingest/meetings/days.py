"""When a meeting was held: the day its sentences give, read against the participants' terms of office when the
year is missing; an undated meeting stays undated rather than take another's day (GUIDE).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..dates import ARCHIVE_PHOTO, is_future_context, resolve
from ..entities import Person
from ..sentences import Sentence
from .article import ArticleView, Draft, _unique
from .claims import _with_unnamed_counterparts
from .setting import _is_location


# "We have just concluded a meeting", "we have had very good talks": a meeting a speaker reports as just held.
# A speaker telling of a meeting as done: "we have just held", and in the first person the plain past ("Secretary X
# and I, we had a very useful discussion", "I had bilateral meetings with ...").
_JUST_HELD = re.compile(r"\b(?:(?:have|has|'ve)\s+(?:just\s+)?|(?:I|[Ww]e)\s+(?:just\s+)?)"
                        r"(?:had|held|concluded|finished|met|completed)\b")
# A meeting held at an event the text has already reported ("on the sidelines of the meeting").
# A meeting the text refers back to: "on the sidelines of the meeting", "The session, chaired by ..., brought together".
_HOST_EVENT = re.compile(r"(?:\b(?:sidelines\s+of|(?:at|during|after|following)\s+(?:the|this|that))|^\s*(?:The|This))\s+"
                         r"(?:[\w-]+\s+){0,2}?"
                         r"(?:meeting|conference|summit|forum|dialogue|session|ministerial|gathering|talks)\b", re.I)
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|reported|revealed|disclosed|told\s+(?:reporters|journalists))\s+(?:on\s+)?$")
_THAT_AFTER = re.compile(r",?\s+that\b")
# A relative clause: ", who took office in June 2019,", "that supersedes the accord signed in March 2010" (a "that"
# with its verb right after it: not "that day"). It dates the person or thing it describes, not the encounter;
# unless it tells of an encounter (", which is being held today", ", who met B on Monday,") or is what was said
# ("said that ...").
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;]*|\b(?P<that>that|which)\s+(?:had\s+|has\s+|have\s+|"
                              r"was\s+|were\s+|is\s+|are\s+)?[a-z]+(?:s|ed)\b[^,;]*")
_OF_THE_ENCOUNTER = re.compile(r",?\s*(?:who|which|that)\s+(?:also\s+)?(?:(?:is|are|was|were)\s+(?:being\s+)?|had\s+(?:been\s+)?|"
                               r"has\s+(?:been\s+)?|have\s+)?(?:held|took\s+place|lasted|came|began|ended|opened|closed|followed|happened|met|"
                               r"spoke|talked|hosted|received|visited|called|phoned|conferred)\b")
_COMPLEMENT_BEFORE = re.compile(r"\b(?:\w+ed|said|says|told|tells|notes|stresses|adds|believes|hopes|thinks|knows|"
                                r"shows|means|ensures?)\s+(?:\w+\s+)?$")
# A date naming the encounter it stands before: "The July 2 meeting marked ...", "the 3 May talks" (as "The Saturday
# meeting" does with a weekday) ...
_NAMES_THE_ENCOUNTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:meeting|talks|call|session|conversation|consultations|dialogue)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# ... or a sentence whose subject is the encounter, held: "The meeting was held March 16, 2017 at ...".
_ENCOUNTER_HELD = re.compile(r"\s*(?:The|This|That|Their)\s+(?:[\w-]+\s+){0,3}?(?:meeting|talks|session|call|"
                             r"conversation|dialogue)\s+(?:was\s+held|were\s+held|took\s+place|was\s+conducted)\b")
# "arrived here today", "departed from Baku on Friday after holding talks": the day of a journey, not of a meeting.
_TRAVEL = re.compile(r"\b(?:arrived|arrives|arriving|departed|departs|left|landed|flew|returned|travell?ed|"
                     # "started a trip to the Russian capital on Saturday": the trip's first day, not the talks'
                     r"(?:started|began|begun|starts|begins|kicked\s+off|embarked\s+on)\s+(?:a|an|his|her|their)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:trip|visit|tour))\b[^,;.]{0,45}$")
# "The dialogue commenced on Monday (Apr 28)", "the visit starting Monday", "The event started on July 25th": the first
# day of something that lasts, which does not tell on which of its days a meeting at it was held (GUIDE: never guess).
_STARTED = re.compile(r"\b(?:commenc(?:ed|ing)|started|starting|began|beginning|opened|opening)\s+(?:on\s+)?"
                      r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*\(?\s*)?$", re.I)
_PAST_BACKGROUND = re.compile(r"\b(?:since|last|previous|earlier\s+meeting|ago|until)\s+$"
                              # "during his first visit since he took office in September": a since-clause's date
                              r"|\bsince\s+(?:he|she|they|it|taking|assuming|becoming|the)\b[^,;]*$", re.I)


def _all_people(drafts: list[Draft]) -> list[Person]:
    return _unique(p for d in drafts for p in d.people)


# An office the text gives a person before their name: when the KB records no term of theirs in it (a former
# defense minister now "President X"), their recorded terms say nothing of the article's year.
_OTHER_OFFICE = re.compile(r"\b(?P<office>Prime\s+Minister|President|Premier|Chancellor|King|Emir|Crown\s+Prince|"
                           r"Foreign\s+Minister|Secretary\s+of\s+State|Vice\s+President)\s+(?:[A-Z][\w.'’-]*\s+){0,2}$")


def _year_guess(people: list[Person], article: list[Person] = (), text: str | None = None):
    """A year from the participants' terms: the one year in which all of them held office; when their terms leave
    several, the one year in which everyone at the article's meetings did (they met within days of each other).
    With the ``text``, a person it names in an office the KB records no term of theirs in does not count."""
    if text is not None:
        people = [p for p in people if _in_recorded_office(text, p) and not named_as_former(text, p)]
        article = [p for p in article if _in_recorded_office(text, p) and not named_as_former(text, p)]
    own = _term_years(people)
    wider = _term_years(_unique([*people, *article])) if article else None

    def year_for(month: int, day: int, weekday: int | None = None) -> int | None:
        fitting = own(month, day, weekday)
        if len(fitting) > 1 and wider is not None:
            fitting = wider(month, day, weekday) or fitting
        if len(fitting) > 1 and text:
            # Several years fit the terms: the one the article itself names ("the Zapad-2025 exercise").
            told = {int(year) for year in _YEAR_IN_TEXT.findall(text)}
            fitting = [y for y in fitting if y in told] or fitting
        return fitting[0] if len(fitting) == 1 else None

    return year_for


_YEAR_IN_TEXT = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/]\d)")
_FORMER = re.compile(r"\b(?:former|ex-|the\s+late|then-|predecessor)", re.I)


def named_as_former(text: str, person: Person) -> bool:
    """ "former Defense Minister X", "his predecessor X": their term says nothing of the meeting's year."""
    return bool(_FORMER.search(text, max(0, person.span[0] - 40), person.span[0]))


def _in_recorded_office(text: str, person: Person) -> bool:
    if person.official is None:
        return True
    m = _OTHER_OFFICE.search(text, max(0, person.span[0] - 60), person.span[0])
    if m is None:
        return True
    office = " ".join(m.group("office").split()).lower()
    return any(office in t.title.lower() for t in person.official.tenures)


def _today() -> date:
    return date.today()


def _term_years(people: list[Person]):
    """The years in which a month and day (and weekday) fell within the terms of all of ``people`` known to the KB,
    never after today: a meeting an article reports as held is not in a term's future."""
    officials = [p.official for p in people if p.official is not None]
    today = _today()

    def fitting(month: int, day: int, weekday: int | tuple[int, ...] | None = None) -> list[int]:
        if not officials:
            return []
        weekdays = None if weekday is None else (weekday,) if isinstance(weekday, int) else weekday
        years = set()
        for official in officials:
            for tenure in official.tenures:
                first = tenure.start.year if tenure.start else 1945
                last = tenure.end.year if tenure.end else today.year
                years.update(range(first, last + 1))
        found = []
        for year in sorted(years):
            try:
                day_in_year = date(year, month, day)
            except ValueError:
                continue
            if day_in_year <= today and (weekdays is None or day_in_year.weekday() in weekdays) and \
                    all(any(t.covers(day_in_year) for t in o.tenures) for o in officials):
                found.append(year)
        return found

    return fitting


def _settle_dates(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft], reference: date | None) -> None:
    """Each meeting's day from the sentences that report it; else from a weekday or "yesterday" in a sentence about
    it, the sentence that told of it before (a roundup's lead), the event it was held at, or a transcript's day.
    A meeting none of these dates stays undated: it never takes the day of the meeting before it."""
    # The counterpart a meeting's report leaves unnamed but the article names (its one official of that country)
    # is at it too: "Hosting his Japanese counterpart Minoru Kihara, ..." after "met ministers of A, B and Japan".
    present = {id(d): _with_unnamed_counterparts(view, d) for d in drafts}
    article = _unique(p for d in drafts if d.past is None for p in present[id(d)])
    for draft in drafts:
        year_for = _year_guess(present[id(draft)], article, view.text)
        # A day its reports spell out first; a wire dateline's day (the day the story was filed) only after them:
        # "TOKYO, Oct. 9 (Kyodo) -- A and B have agreed ..." then "In talks Tuesday, ...".
        draft.date, draft.precision = next(
            (found for dateline in (False, True) for sentence in draft.members
             if (found := _sentence_date(view, sentence, reference, year_for, strict=False, dateline=dateline))[0]),
            (None, None))
        if draft.date is None and not draft.vague:
            for sentence in view.sentences:
                if assignment.get(sentence.start) is draft and sentence not in draft.members:
                    draft.date, draft.precision = _sentence_date(view, sentence, reference, year_for, strict=True)
                    if draft.date:
                        break
            if draft.date is None:
                draft.date, draft.precision = _told_before(view, draft, drafts, reference, year_for)
            if draft.date is None and _HOST_EVENT.search(draft.sentence.text):
                draft.date, draft.precision = _host_event_date(view, draft, reference, year_for)
            if draft.date is None:
                draft.date, draft.precision = _also_that_day(draft, drafts, reference)
            if draft.date is None and reference is not None and draft.sentence.block in view.speakers \
                    and _JUST_HELD.search(draft.sentence.text):
                # Said at a press conference: the day the transcript is dated.
                draft.date, draft.precision = reference, "day"


def _told_before(view: ArticleView, draft: Draft, drafts: list[Draft], reference: date | None, year_for):
    """ "X saw the ministers of A, B and C in Hanoi on 3 May. ... In his talks with C's minister, X ...": the day
    of the nearest earlier sentence that names all of a meeting's governments (not one reporting another meeting,
    unless a wider one it sits in), when the officials were in office on it. A photo caption counts (not an
    archive photo's): "X, Y and Z at their meeting in Manila on May 3, 2024"."""
    wanted = set(draft.countries)
    if reference is None and not any(p.official for p in draft.people):
        return None, None   # nothing to tell a day of this meeting from an anniversary's
    reported = {s.start: d for d in drafts for s in d.members}
    archive = {s.block for s in view.sentences if s.kind == "caption" and ARCHIVE_PHOTO.search(s.text)}
    for sentence in reversed([s for s in view.sentences if s.end <= draft.sentence.start and (
            s.kind == "body" or s.kind == "caption" and s.block not in archive)]):
        other = reported.get(sentence.start)
        if other is not None and other is not draft and not wanted < set(other.countries):
            continue
        # Governments named as who, not as where: "arrived in Japan on Monday" names no Japanese party.
        named = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)
                 if m.kind != "country" or not _is_location(view, sentence.start, m.start)}
        named |= {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
        if not wanted <= named:
            continue
        day, precision = _sentence_date(view, sentence, reference, year_for, strict=False, dateline=False)
        if precision == "day" and _in_office(view.text, draft, day) and (
                reference is None or reference - timedelta(days=31) <= day <= reference + timedelta(days=3)):
            return day, precision
    return None, None


# "... and the two then met Z": "then" ties it to the day as "also" does ("then-Minister X" does not).
_ALSO = re.compile(r"\balso\b|\bthen\s+[a-z]")


def _also_that_day(draft: Draft, drafts: list[Draft], reference: date | None):
    """ "X met Y earlier today. ... X also met Z": an undated meeting its report ties with "also" to an earlier one
    of the same official held on the story's own day was held that day. Any other undated meeting stays undated:
    an earlier meeting's day is not its day."""
    if reference is None or not _ALSO.search(draft.sentence.text, 0, 160):
        return None, None
    keys = {p.key for p in draft.people}
    for other in drafts[:drafts.index(draft)]:
        if other.date == reference and other.precision == "day" and keys & {p.key for p in other.people}:
            return reference, "day"
    return None, None


def _in_office(text: str, draft: Draft, day: date) -> bool:
    """Whether every participant the KB knows held the office they are named in on ``day``."""
    return all(any(t.covers(day) for t in p.official.tenures) for p in draft.people
               if p.official is not None and _in_recorded_office(text, p))


def _host_event_date(view: ArticleView, draft: Draft, reference: date | None, year_for):
    """ "On the sidelines of the meeting, A held talks with B": the day the text gave the meeting it refers back to,
    the latest one dated before it."""
    for sentence in reversed([s for s in view.sentences if s.kind == "body" and s.end <= draft.sentence.start]):
        if any(d.kind == "span" for d in view.dates_in(sentence)):
            return None, None   # an event over several days: no one of them is the meeting's
        day, precision = _sentence_date(view, sentence, reference, year_for, strict=False)
        if precision == "day":
            return day, precision
    return None, None


def _told_day(view: ArticleView, sentence: Sentence, reference: date | None, year_for) -> date | None:
    """The day of the event the text told last before ``sentence`` ("The next day, ..." counts from it)."""
    for before in reversed([s for s in view.sentences if s.kind == "body" and s.end <= sentence.start]):
        day, precision = _sentence_date(view, before, reference, year_for, strict=False, told=False, dateline=False)
        if precision == "day":
            return day
    return None


def _sentence_date(view: ArticleView, sentence: Sentence, reference: date | None, year_for, strict: bool,
                   told: bool = True, dateline: bool = True):
    """The day a sentence dates its event to (past tense); strict: weekdays and relative days only.

    A wire dateline's own date comes last: "TOKYO, Nov. 12 (Kyodo) -- ... on Sunday" was held on Sunday.
    Days counted from the event told before ("the next day") are read only when ``told``; the dateline's own date
    only when ``dateline``.
    """
    text = view.text
    mentions = sorted(view.dates_in(sentence), key=lambda d: sentence.start + d.start < view.dateline_end)
    if not dateline:
        mentions = [d for d in mentions if sentence.start + d.start >= view.dateline_end]
    vague = False
    described = _relative_clauses(sentence.text) if mentions else ()
    for mention in mentions:
        if any(start <= mention.start < end for start, end in described):
            continue
        own = sentence.start + mention.start >= view.dateline_end
        if mention.kind == "vague" and own:
            vague = True    # "met ... last week": the story's own day is not the meeting's
        if vague and not own:
            break
        if mention.kind in ("vague", "year", "relative_year", "span") or (
                strict and mention.kind not in ("weekday", "relative_day")
                and not (mention.kind in ("day", "month_day") and (
                    _NAMES_THE_ENCOUNTER.match(sentence.text, mention.end)
                    and _THE_BEFORE.search(sentence.text, max(0, mention.start - 5), mention.start)
                    or _ENCOUNTER_HELD.match(sentence.text)))):
            continue
        if mention.kind == "relative_day" and mention.offset > 0:
            continue    # "tomorrow": never the day of a meeting already held
        if mention.kind == "told_day" and not told:
            continue
        if mention.kind in ("weekday", "relative_day") and _REPORTED_ON.search(
                text, max(sentence.start, sentence.start + mention.start - 30), sentence.start + mention.start):
            continue    # "met ..., the ministry said on Saturday": the day of the report, not of the meeting
        if mention.kind in ("day", "month_day") and _REPORTED_ON.search(
                text, max(sentence.start, sentence.start + mention.start - 30), sentence.start + mention.start) \
                and _THAT_AFTER.match(text, sentence.start + mention.end):
            continue    # "The General Staff said on June 13 that A held talks with B": the report's day
        if mention.kind == "relative_day" and any(
                other.kind in ("day", "month_day") and 0 <= other.start - mention.end <= 2 for other in mentions):
            continue    # "yesterday June 6": the date it spells out, not one counted from a repost's date

        if is_future_context(text[sentence.start:sentence.end], mention.start, mention.end):
            continue
        if _PAST_BACKGROUND.search(text, max(sentence.start, sentence.start + mention.start - 60),
                                   sentence.start + mention.start):
            continue
        if _STARTED.search(text, max(sentence.start, sentence.start + mention.start - 40), sentence.start + mention.start):
            continue
        if mention.kind != "day" and _TRAVEL.search(text, max(sentence.start, sentence.start + mention.start - 60),
                                                    sentence.start + mention.start):
            continue    # (a wire dateline's day still is the story's: "arrived here today for talks ... upon arrival")
        anchor = _told_day(view, sentence, reference, year_for) if mention.kind == "told_day" else None
        day, precision = resolve(mention, reference, year_for=year_for, told=anchor)
        if day is not None:
            return day, precision
    return None, None


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """Where a sentence's relative clauses describe a person or a thing (``_RELATIVE_CLAUSE``)."""
    return [m.span() for m in _RELATIVE_CLAUSE.finditer(text)
            if not _OF_THE_ENCOUNTER.match(text, m.start())
            and not (m.group("that") and _COMPLEMENT_BEFORE.search(text, max(0, m.start() - 30), m.start()))]
