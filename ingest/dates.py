"""Date mentions found with our own patterns, resolved against the article's dates.

dateparser is too slow (about 100 ms an article) and misreads AP style ("on Feb. 3"),
so date spans are found here with one compiled pattern and resolved by hand: a
reference day from the article (publication line, dateline, captions), the tense of
the clause for bare weekdays and yearless dates, and the officials' terms of office
when the year is missing altogether.

dateparser.parse on the spans found here (never search_dates) was measured on the real corpus's tuning part:
it read all 103 full and month-day spans exactly as ``resolve`` does, at about 2.3 ms a span, so it is not used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d{2}"
# Between the first and last day of a span: "4-7 March", "Mar. 4 to 7", "June 2 through 5".
_SPAN_JOIN = r"(?:-|–|—|to\b|through\b|until\b|till\b|and\b)"

# Matched against an ASCII-lower-cased copy of the text (same offsets), without re.I
# and without a leading \b; the word boundary before a match is checked in
# ``find_dates`` and capitals ("May", not "may") against the original text. The
# lookahead lists the openings of all branches: at most characters it fails at once,
# where trying every branch in turn would cost many times more.
DATE_PATTERN = re.compile(
    rf"""
    (?=\d|a(?:pr|ug|\ day)|by|dec|earlier|f(?:eb|ri)|j(?:an|u[ln])|la(?:st|ter)|m(?:a[ry]|on)|n(?:ov|ext)|o(?:ct|ne\ day)
        |recently|s(?:ep|at|un)|t(?:h(?:is|e|u|ree\ days)|ue|o|wo\ days)|w(?:ed|ithin)|yesterday)
    (?:
    (?P<iso_y>{_YEAR})(?P<iso_sep>[-/.])(?P<iso_m>0?[1-9]|1[0-2])(?P=iso_sep)(?P<iso_d>[0-3]?\d)(?:\b|(?=t\d))(?![-/.]\d)
  | (?P<span_d>{_DAY})(?:st|nd|rd|th)?\s*{_SPAN_JOIN}\s*{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+{_YEAR}\b)?
  | (?P<span_m>{_MONTH})\.?\s+{_DAY}(?:st|nd|rd|th)?\s*{_SPAN_JOIN}\s*(?:{_MONTH}\.?\s+)?{_DAY}(?:st|nd|rd|th)?\b(?![-./]\d)(?:,?\s+{_YEAR}\b)?
  | (?P<num_a>\d{{1,2}})(?P<num_sep>[-./])(?P<num_b>\d{{1,2}})(?P=num_sep)(?P<num_y>{_YEAR})\b(?![-./]\d)
  | (?P<dmy_d>{_DAY})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<dmy_m>{_MONTH})\b\.?(?:\s?,?\s+(?P<dmy_y>{_YEAR})\b)?
  | (?P<y_y>{_YEAR})\b(?![-/]\d)
  | (?P<mdy_m>{_MONTH})(?:\.\s*|\s+)(?P<mdy_d>{_DAY})(?:st|nd|rd|th)?\b(?!-|\.\d)(?:(?:,\s*|\s+)(?P<mdy_y>{_YEAR})\b)?
  | (?P<my_m>{_MONTH})\.?,?\s+(?P<my_y>{_YEAR})\b
  | (?P<m_m>{_MONTH})\b(?!\.?\s+\d)
  | (?P<ry_q>this|next|last|within\ the|by\ the\ end\ of\ the|the\ end\ of\ the|later\ this|earlier\ this)\s+year\b
  | (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b
  | (?P<rd>today|tonight|yesterday|tomorrow|earlier\ (?:in\ the\ day|today)|later\ (?:in\ the\ day|today)
        |this\ (?:morning|afternoon|evening)|last\ (?:night|evening)|the\ (?:previous|following|next|same)\ day
        |the\ day\ before(?:\ yesterday)?|(?:(?:a|one)\ day|(?:two|three)\ days)\ (?:earlier|later))\b
  | (?P<vague>(?:last|this|next|earlier\ this|later\ this)\ (?:week|month|weekend)|recently)\b
    )""",
    re.X,
)
# "Tuesday, March 12", "Tuesday the 12th of March", "Friday evening (Jun 7)", "Sunday (Feb 9)".
# "FILE - ... (AP Photo/File)", "(AP Photo/Jo Smith, File)": an archive photo, dated by an earlier event than the story's.
ARCHIVE_PHOTO = re.compile(r"^\s*FILE\b|\bPhoto/File\b|\bfile\s+photo\b|\bPhoto/[^()]{0,60},\s*File\)", re.I)
_WEEKDAY_JOIN = re.compile(r",?\s+(?:(?:morning|afternoon|evening|night)\s*,?\s*)?(?:\(\s*)?(?:the\s+)?")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# The only characters whose lower case is ASCII or longer than one character (İ, the Kelvin sign).
_LOWER_UNSAFE = ("\u0130", "\u212a")


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every offset kept; ``str.lower`` gives the same for the ASCII patterns
    that read it and is several times faster than ``translate``, except for two rare characters."""
    if text.isascii() or not any(c in text for c in _LOWER_UNSAFE):
        return text.lower()
    return text.translate(_LOWER)


# A date holds a digit or one of these words: substring tests rule out most sentences faster than any pattern.
_DATE_WORDS = ("day", "year", "week", "month", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
               "nov", "dec", "tonight", "tomorrow", "recently", "morning", "afternoon", "evening", "night")
_DIGIT = re.compile(r"\d")
_QUALIFIER = re.compile(r"(?:^|\W)(in|by|during|until|before|since|early|late|mid-?|end\ of|from|through|within)\s*$", re.I)

# Cues, in the words around a date, that the clause speaks of the future.
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|to\ be\ held|scheduled|slated|planned|plans?\ to|is\ to|are\ to|set\ to|"
    r"expected\ to|upcoming|next|ahead\ of|when\ (?:they|the\ two|the\ ministers)\ (?:meet|hold|gather)|"
    r"agreed\ to|pledged\ to|due\ to)\b",
    re.I | re.X,
)
# Letters a case-insensitive pattern reads as ASCII ones but str.lower leaves apart: İ (two characters in
# lower case), dotless ı and long ſ (read as "i" and "s").
_FOLDS_APART = ("İ", "ı", "ſ")


def case_folded(text: str) -> str | None:
    """``text`` lower-cased with its offsets kept, as a case-insensitive pattern of ASCII words reads it; None when
    it holds a letter that folds apart."""
    return None if any(c in text for c in _FOLDS_APART) else text.lower()


def lower_case_twin(pattern: re.Pattern) -> re.Pattern:
    """A case-insensitive ``pattern`` written in lower case, compiled to scan ``case_folded`` text case-sensitively:
    the engine then skips ahead by literal letters instead of trying every branch at every word."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_FUTURE_CUE_TWIN = lower_case_twin(FUTURE_CUE)

# Days counted from the event the text has just told, not from the day it was written: "The day before, X had
# met Y" after a visit on an unstated day says nothing of the publication day.
# ("A day earlier, X met Y", "two days later": counted from the event just told too.)
_DAYS_APART = {"a day": 1, "one day": 1, "two days": 2, "three days": 3}
_TOLD_DAYS = frozenset(("earlier in the day", "later in the day", "the previous day", "the day before",
                        "the following day", "the next day", "the same day",
                        *(f"{days} {way}" for days in _DAYS_APART for way in ("earlier", "later"))))
_OBJECT_AFTER = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|yesterday)\b|[A-Z])")
_RELATIVE_DAY_OFFSETS = {
    "yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the previous day": -1, "the day before": -1, "the following day": 1, "the next day": 1,
    **{f"{days} earlier": -n for days, n in _DAYS_APART.items()},
    **{f"{days} later": n for days, n in _DAYS_APART.items()},
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    kind: str          # "day", "month_day", "month", "bare_month", "year", "relative_year", "weekday", "relative_day",
    #                    "told_day" (a day counted from the event told before it), "span" (several days), "vague"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0    # days from the reference (relative_day) or years (relative_year)
    weekday_lag: int = 0  # the weekday is of a day up to this many days before the mention's (a wire lead's event)
    qualifier: str = ""  # the preposition or adverb before it: "by", "within", "late"...


def find_dates(text: str) -> list[DateMention]:
    """Every date-like span in ``text``, in order; "Tuesday, March 12" is one month-day mention that knows its weekday."""
    lowered = ascii_lower(text)
    if not any(map(lowered.__contains__, _DATE_WORDS)) and not _DIGIT.search(lowered):
        return []
    found = []
    position = 0
    while (m := DATE_PATTERN.search(lowered, position)) is not None:
        position = m.end()
        if m.start() and (text[m.start() - 1].isalnum() or m.start() >= 2 and text[m.start() - 1] in "-/"
                          and text[m.start() - 2].isalnum() and lowered[m.start()].isdigit()):
            # Inside a word or at the end of a reference number ("Release No. NR-007-18 January 08, 2018"): no
            # date starts here; one may start after it.
            position = m.start() + 1
            continue
        mention = _mention(m, text)
        previous = found[-1] if found else None
        if mention is None and m.group("num_a") and previous is not None and previous.kind == "weekday" \
                and _WEEKDAY_JOIN.fullmatch(text, previous.end, m.start()):
            # "Tuesday 9/1/2018": of the day-first and month-first readings, the one on that weekday.
            mention = _weekday_numeric_day(m, previous)
            if mention is not None:
                found[-1] = mention
            continue
        if mention is None:
            continue
        if mention.kind == "month_day" and previous is not None and previous.kind == "weekday" \
                and _WEEKDAY_JOIN.fullmatch(text, previous.end, mention.start):
            found[-1] = replace(mention, start=previous.start, weekday=previous.weekday)
            continue
        found.append(mention)
    return found


def _month(m: re.Match, group: str, text: str) -> int | None:
    if not text[m.start(group)].isupper():      # "may", "march" as verbs
        return None
    return MONTH_NUMBERS.get(m.group(group)[:3])


def _mention(m: re.Match, text: str) -> DateMention | None:
    g = m.groupdict()
    start, end = m.span()
    lead = _QUALIFIER.search(text, max(0, start - 12), start)
    qualifier = lead.group(1).lower() if lead else ""
    if g["iso_y"]:
        return _safe_day(start, end, int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    if g["span_d"] or g["span_m"]:
        # A multi-day event: no one day of it is the day of what happened there.
        return DateMention(start, end, "span")
    if g["num_a"]:
        return _numeric_day(start, end, int(g["num_a"]), int(g["num_b"]), int(g["num_y"]), g["num_sep"])
    for prefix in ("mdy", "dmy"):
        if g[f"{prefix}_m"]:
            month = _month(m, f"{prefix}_m", text)
            if month is None:
                return None
            day = int(g[f"{prefix}_d"])
            if g[f"{prefix}_y"]:
                return _safe_day(start, end, int(g[f"{prefix}_y"]), month, day)
            return DateMention(start, end, "month_day", month=month, day=day)
    if g["my_m"]:
        month = _month(m, "my_m", text)
        return DateMention(start, end, "month", year=int(g["my_y"]), month=month) if month else None
    if g["m_m"]:
        month = _month(m, "m_m", text)
        if month is None or not qualifier or g["m_m"][-1] == ".":
            return None
        return DateMention(start, end, "bare_month", month=month, qualifier=qualifier)
    if g["ry_q"]:
        qualifier = g["ry_q"]
        offset = {"next": 1, "last": -1}.get(qualifier, 0)
        return DateMention(start, end, "relative_year", offset=offset, qualifier=qualifier)
    if g["y_y"]:
        return DateMention(start, end, "year", year=int(g["y_y"]), qualifier=qualifier)
    if g["wd"]:
        if not text[start].isupper():
            return None
        return DateMention(start, end, "weekday", weekday=WEEKDAYS.index(g["wd"]))
    if g["rd"]:
        phrase = " ".join(g["rd"].split())
        kind = "told_day" if phrase in _TOLD_DAYS else "relative_day"
        if phrase == "the day before" and _OBJECT_AFTER.match(text, end):
            return DateMention(start, end, "vague")    # "the day before the summit": counted from another event
        return DateMention(start, end, kind, offset=_RELATIVE_DAY_OFFSETS.get(phrase, 0))
    return DateMention(start, end, "vague")


def _numeric_day(start: int, end: int, a: int, b: int, year: int, separator: str) -> DateMention | None:
    """ "17-10-2024", "17.10.2024": day first, as Europe writes it; "10/17/2024" only when unambiguous.

    Slashes are day-first in Europe and month-first in the US, so a slashed date counts only
    when one of its numbers cannot be a month.
    """
    if separator != "/" or a > 12:
        return _safe_day(start, end, year, b, a)
    if b > 12:
        return _safe_day(start, end, year, a, b)
    return None


def _weekday_numeric_day(m: re.Match, weekday: DateMention) -> DateMention | None:
    a, b, year = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
    readings = [r for r in (_safe_day(weekday.start, m.end(), year, b, a), _safe_day(weekday.start, m.end(), year, a, b))
                if r is not None and date(r.year, r.month, r.day).weekday() == weekday.weekday]
    return readings[0] if len({(r.month, r.day) for r in readings}) == 1 else None


def _safe_day(start: int, end: int, year: int, month: int, day: int) -> DateMention | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    return DateMention(start, end, "day", year=year, month=month, day=day)


def is_future_context(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date mention speaks of a plan rather than a past event.

    Only the clause up to the date and a few words after it count: in "met on Monday and agreed
    to hold drills" the plan is the drills', not the meeting's. ``text`` is the sentence.
    """
    clause_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind(", ", 0, start),
                       start - 80, 0)
    window_end = min(len(text), end + 12)
    folded = case_folded(text)
    cues = FUTURE_CUE.finditer(text, clause_start, window_end) if folded is None \
        else _FUTURE_CUE_TWIN.finditer(folded, clause_start, window_end)
    for cue in cues:
        # "on Friday agreed to hold talks": the day of the agreement, which a promise after it does not make future.
        if cue.start() >= end and cue.group().lower() in ("agreed to", "pledged to"):
            continue
        return True
    return False


YearGuess = Callable[[int, int, "int | None"], "int | None"]


def resolve(mention: DateMention, reference: date | None, *, future: bool = False,
            year_for: YearGuess | None = None, told: date | None = None) -> tuple[date | None, str | None]:
    """(date, precision) for a mention; (None, None) when the text does not determine it.

    ``told`` is the day of the event the text told just before the mention: "the next day", "earlier in
    the day" count from it, never from the reference.

    ``year_for(month, day, weekday)`` supplies a year when neither the mention nor a reference
    date gives one (from the participants' terms of office; a month-day mention's ``weekday``,
    from "Tuesday, March 12", narrows the years to those where the day fell on it; a tuple of
    weekdays to those where it fell on one of them).
    """
    kind = mention.kind
    if kind == "day":
        return date(mention.year, mention.month, mention.day), "day"
    if kind == "month":
        return date(mention.year, mention.month, 1), "month"
    if kind == "year":
        return date(mention.year, 1, 1), "year"
    if kind == "told_day":
        return (told + timedelta(days=mention.offset), "day") if told is not None else (None, None)
    if kind == "month_day":
        if reference is not None:
            return _nearest_month_day(mention.month, mention.day, reference, future), "day"
        weekday = mention.weekday
        if weekday is not None and mention.weekday_lag:
            # "SOFIA, July 10 (AGENCY) -- ... signed Tuesday": July 10 fell on a Tuesday or a Wednesday, when the
            # story was filed that day or the next; if no year has it so, the news was older and the terms decide.
            weekdays = tuple((weekday + lag) % 7 for lag in range(mention.weekday_lag + 1))
            year = year_for(mention.month, mention.day, weekdays) or year_for(mention.month, mention.day, None) \
                if year_for else None
        else:
            year = year_for(mention.month, mention.day, weekday) if year_for else None
        if year is None:
            return None, None
        try:
            return date(year, mention.month, mention.day), "day"
        except ValueError:
            return None, None
    if reference is None:
        return None, None
    if kind == "bare_month":
        year = reference.year
        if future and mention.month < reference.month:
            year += 1
        elif not future and mention.month > reference.month:
            year -= 1
        return date(year, mention.month, 1), "month"
    if kind == "relative_year":
        return date(reference.year + mention.offset, 1, 1), "year"
    if kind == "weekday":
        if future:
            ahead = (mention.weekday - reference.weekday()) % 7 or 7
            return reference + timedelta(days=ahead), "day"
        return reference - timedelta(days=(reference.weekday() - mention.weekday) % 7), "day"
    if kind == "relative_day":
        return reference + timedelta(days=mention.offset), "day"
    return None, None


def _nearest_month_day(month: int, day: int, reference: date, future: bool) -> date | None:
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if future:
        ahead = [d for d in candidates if d >= reference]
        return min(ahead) if ahead else None
    # A past event, allowing a publication a few days before an article's own "today".
    behind = [d for d in candidates if d <= reference + timedelta(days=3)]
    return max(behind) if behind else None


def parse_iso_day(value: str | None) -> date | None:
    """The day of an ISO timestamp ("2023-02-01T09:00:00+09:00"), or of any full date text."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for mention in find_dates(value):
        if mention.kind == "day":
            return date(mention.year, mention.month, mention.day)
    return None
