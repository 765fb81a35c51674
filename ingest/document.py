"""The extraction's output: plain dataclasses, independent of Django.

Every extracted fact carries the character span, in ``ExtractedDocument.text``
(the cleaned text that is stored with the source), of the sentence it came
from, so a page can show and highlight it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Span = tuple[int, int]


@dataclass
class ExtractedParticipant:
    name: str                      # the fullest form the article gives: "Jim Mattis"
    country: str                   # ISO alpha-2
    role: str                      # normalized office title: "Secretary of Defense"
    official: str | None = None    # canonical name of the resolved known official, None if unknown
    span: Span | None = None       # first mention
    family: str = ""               # the family name, as the extractor told it from the given names


@dataclass
class ExtractedStatement:
    speakers: list[str]            # countries
    text: str                      # the clause, without attribution
    direct: bool
    speaker_names: list[str] = field(default_factory=list)  # participant names, where known
    span: Span | None = None       # the sentence it came from


@dataclass
class ExtractedCommitment:
    parties: list[str]
    text: str                      # from the promised verb on
    due: date | None = None
    due_precision: str | None = None  # "day", "month", "year" (None when due is None)
    span: Span | None = None


@dataclass(frozen=True)
class Evidence:
    """One sentence a meeting was built from, and what it established (see ingest/evidence.py)."""
    kind: str                      # "reported", "headline", "dated by", "placed", "participant", "statement", "commitment"
    span: Span | None              # the whole sentence; None when no sentence says it (a date from page metadata)
    detail: str = ""               # what it established: "2017-10-23", "Seoul", "Jim Mattis", "in person"


@dataclass
class ExtractedMeeting:
    date: date | None
    date_precision: str | None     # "day", "month", "year"; None when date is None
    format: str                    # "in_person", "phone", "video"
    name: str | None
    place: str | None
    place_country: str | None
    countries: list[str]
    participants: list[ExtractedParticipant] = field(default_factory=list)
    statements: list[ExtractedStatement] = field(default_factory=list)
    commitments: list[ExtractedCommitment] = field(default_factory=list)
    span: Span | None = None       # the sentence that reports the meeting
    evidence: list[Evidence] = field(default_factory=list)  # filled by ingest/evidence.py


@dataclass
class ExtractedDocument:
    source: str                    # file name or URL
    text: str                      # cleaned text; every span points into it
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    meetings: list[ExtractedMeeting] = field(default_factory=list)

    def as_gold(self) -> dict:
        """The shape of ../shared/gold/GUIDE.md, which eval/score.py reads."""
        return {
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "meetings": [_meeting_as_gold(m) for m in self.meetings],
        }


def format_due(due: date | None, precision: str | None) -> str | None:
    if due is None:
        return None
    return {"year": due.strftime("%Y"), "month": due.strftime("%Y-%m")}.get(precision, due.isoformat())


def _meeting_as_gold(m: ExtractedMeeting) -> dict:
    return {
        "date": m.date.isoformat() if m.date and m.date_precision == "day" else None,
        "format": m.format,
        "name": m.name,
        "location": {"place": m.place, "country": m.place_country} if m.place or m.place_country else None,
        "countries": sorted(m.countries),
        "participants": [{"name": p.name, "country": p.country, "role": p.role} for p in m.participants],
        "statements": [{"speakers": sorted(s.speakers), "text": s.text, "direct": s.direct} for s in m.statements],
        "commitments": [{"parties": sorted(c.parties), "text": c.text, "due": format_due(c.due, c.due_precision)}
                        for c in m.commitments],
    }
