"""The evidence stage: for each extracted meeting, the sentences it was built from and what each established.

Pure and cheap: it reads only the spans the extracted records already carry (the
meeting's report, its participants, statements and commitments) and the article's
sentences, and looks for the sentence that gave the meeting its day and its place.
It never changes a meeting; it only says where each part of it came from, so a
reader can check the record against the article.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from .dates import DateMention, find_dates
from .document import Evidence, ExtractedMeeting, Span
from .sentences import Sentence

# What a sentence established, in the order a page lists a meeting's evidence.
REPORTED, HEADLINE, DATED, PLACED, PARTICIPANT, STATEMENT, COMMITMENT = (
    "reported", "headline", "dated by", "placed", "participant", "statement", "commitment")
KINDS = (REPORTED, HEADLINE, DATED, PLACED, PARTICIPANT, STATEMENT, COMMITMENT)

# A weekday or "yesterday" dates a meeting only within a week before the article's own day.
_RECENT = timedelta(days=7)


def add_evidence(text: str, sentences: list[Sentence], meetings: list[ExtractedMeeting],
                 reference: date | None, dates_in=None) -> None:
    """Fill each meeting's ``evidence`` (ordered by position in the text, then by kind). ``dates_in`` gives a
    sentence's date mentions when the caller has read them already (``ArticleView.dates_in``)."""
    article = _Article(text, sentences, reference, dates_in)
    for meeting in meetings:
        meeting.evidence = article.evidence_for(meeting)


class _Article:
    def __init__(self, text: str, sentences: list[Sentence], reference: date | None, dates_in=None):
        self.text = text
        self.dates_in = dates_in
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]
        self.reference = reference
        self._dates: dict[int, list[DateMention]] = {}

    def evidence_for(self, meeting: ExtractedMeeting) -> list[Evidence]:
        home = self.sentence_at(meeting.span[0]) if meeting.span else None
        items = []
        if meeting.span:
            items.append(Evidence(REPORTED, self.widened(meeting.span), _format_label(meeting.format)))
        for sentence in self.headlines(meeting):
            items.append(Evidence(HEADLINE, (sentence.start, sentence.end)))
        if meeting.date is not None:
            sentence = self.dating_sentence(meeting.date, meeting.date_precision, home)
            items.append(Evidence(DATED, (sentence.start, sentence.end) if sentence else None,
                                  _date_label(meeting.date, meeting.date_precision)))
        if meeting.place:
            sentence = self.nearest_naming(meeting.place, home)
            if sentence is not None:
                items.append(Evidence(PLACED, (sentence.start, sentence.end), meeting.place))
        for participant in meeting.participants:
            if participant.span:
                items.append(Evidence(PARTICIPANT, self.widened(participant.span), participant.name))
        for statement in meeting.statements:
            if statement.span:
                items.append(Evidence(STATEMENT, self.widened(statement.span)))
        for commitment in meeting.commitments:
            if commitment.span:
                items.append(Evidence(COMMITMENT, self.widened(commitment.span)))
        unique = list(dict.fromkeys(items))
        return sorted(unique, key=lambda e: (e.span is not None, e.span or (0, 0), KINDS.index(e.kind)))

    # --- sentences ---------------------------------------------------------------------------

    def sentence_at(self, position: int) -> Sentence | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.sentences[index].end:
            return self.sentences[index]
        return None

    def widened(self, span: Span) -> Span:
        """The whole sentence(s) a span lies in (a participant's span is the name alone)."""
        first = self.sentence_at(span[0])
        last = self.sentence_at(max(span[0], span[1] - 1))
        return (first.start if first else span[0], last.end if last else span[1])

    def by_distance(self, home: Sentence | None) -> list[Sentence]:
        """Every sentence, the meeting's own first, then the article's body nearest it, then the rest."""
        if home is None:
            return self.sentences
        return sorted(self.sentences, key=lambda s: (s is not home, s.kind != "body", abs(s.start - home.start)))

    # --- what each part of the meeting rests on ---------------------------------------------------

    def headlines(self, meeting: ExtractedMeeting) -> list[Sentence]:
        """Headings that name one of the meeting's people, its name or its place."""
        cues = {p.family or p.name.split()[-1] for p in meeting.participants if p.name}
        cues |= {value for value in (meeting.name, meeting.place) if value}
        cues = [cue for cue in cues if len(cue) > 2]
        return [s for s in self.sentences if s.kind == "heading" and any(_names(s.text, cue) for cue in cues)]

    def dating_sentence(self, day: date, precision: str | None, home: Sentence | None) -> Sentence | None:
        """The sentence nearest the meeting's report with a date mention that names ``day``."""
        for sentence in self.by_distance(home):
            if any(self.names_day(mention, day, precision) for mention in self.dates(sentence)):
                return sentence
        return None

    def dates(self, sentence: Sentence) -> list[DateMention]:
        if self.dates_in is not None:
            return self.dates_in(sentence)
        if sentence.start not in self._dates:
            self._dates[sentence.start] = find_dates(sentence.text)
        return self._dates[sentence.start]

    def names_day(self, mention: DateMention, day: date, precision: str | None) -> bool:
        kind = mention.kind
        if precision == "year":
            return mention.year == day.year and kind in ("day", "month", "year")
        if precision == "month":
            return mention.month == day.month and kind in ("month", "bare_month", "day") and \
                mention.year in (None, day.year)
        if kind == "day":
            return (mention.year, mention.month, mention.day) == (day.year, day.month, day.day)
        if kind == "month_day":
            return (mention.month, mention.day) == (day.month, day.day)
        recent = self.reference is not None and timedelta(0) <= self.reference - day <= _RECENT
        if kind == "weekday":
            return recent and mention.weekday == day.weekday()
        if kind == "relative_day":
            return recent and self.reference + timedelta(days=mention.offset) == day
        return False

    def nearest_naming(self, words: str, home: Sentence | None) -> Sentence | None:
        return next((sentence for sentence in self.by_distance(home) if _names(sentence.text, words)), None)


def _names(text: str, words: str) -> bool:
    """Whether ``text`` holds ``words`` as whole words ("Chi" is not in "China"); a scan, not a pattern compiled for
    each article's names."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not text[at - 1].isalnum() and text[at - 1] != "_") and \
                (end == len(text) or not text[end].isalnum() and text[end] != "_"):
            return True
        at = text.find(words, at + 1)
    return False


def _format_label(format: str) -> str:
    return {"phone": "by phone", "video": "by video"}.get(format, "in person")


def _date_label(day: date, precision: str | None) -> str:
    if precision == "year":
        return day.strftime("%Y")
    if precision == "month":
        return day.strftime("%Y-%m")
    return day.isoformat()
