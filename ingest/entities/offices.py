"""Which office a written title names, which known official of a government holds it that day, and his role.

A titled name resolves against the KB by country and day first, then by name: a lone word never reaches an official
of a government the article does not name, nor one out of office that day. A known official's role is the title the
article gives, else the office the KB has him hold that day, else none.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..knowledge import OfficialRecord
from .vocabulary import (
    _DEFENSE_BODY, _DEFENSE_OTHER, _INITIAL, _MILITARY_OTHER, _SUFFIXES, COMPOSED_OFFICE, OTHER_TITLES, TITLE_CANON,
)

if TYPE_CHECKING:
    from .index import EntityIndex, Person


def _composed(title: str) -> bool:
    """Whether a title is a composed office of a defense body ("Chief of Staff of the Joint Staff Office"), not a
    short generic one ("Defense Chief")."""
    lowered = title.lower()
    return bool(COMPOSED_OFFICE.fullmatch(title)) and bool(_DEFENSE_BODY.search(title)) and (
        " of " in lowered or " for " in lowered or "-of-" in lowered)


def _head(title: str) -> str | None:
    """Whether a title names a minister or a secretary (None: neither, as "Defense Chief")."""
    words = title.lower().split()
    return "minister" if "minister" in words else "secretary" if "secretary" in words else None


def pick_official(candidates, country: str | None, on: date | None, serving: bool = False) -> OfficialRecord | None:
    """The one candidate of that country holding office on that day (any day when unknown)."""
    # A record is listed once per spelling of its name: drop repeats by identity first, as hashing a record is slow.
    distinct = list({id(c): c for c in candidates}.values())
    if len(distinct) > 1:
        distinct = list(dict.fromkeys(distinct))
    pool = [c for c in distinct if country is None or c.country == country]
    if on is not None:
        in_office = [c for c in pool if any(t.covers(on) for t in c.tenures)]
        pool = in_office or ([] if serving or len(pool) != 1 else pool)
    return pool[0] if len(pool) == 1 else None


def in_other_office(person: Person) -> bool:
    """Whether the article names a person by an office outside defense (a president, a foreign minister)."""
    return bool(person.role) and _other_office(person.role)


def _other_office(title: str) -> bool:
    """A title of an office outside defense: a foreign minister, a head of state, a chief of staff."""
    return title.lower() in OTHER_TITLES and title.lower() not in _DEFENSE_OTHER


def _leader_by_one_word(title: str, name: str) -> bool:
    """A head of state's or another office's holder named by one word ("King Abdullah II", "President Salman"): a
    family name alone never makes him a defense official the KB knows by that word."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in _SUFFIXES and not _INITIAL.fullmatch(w)]
    return len(words) == 1 and _other_office(title) and not _military_office(title)


def _military_office(title: str) -> bool:
    """A chief of staff, a service commander, a joint chiefs' chairman: defense officials, though not ministers."""
    return title.lower() in _MILITARY_OTHER


def _titled_role(index: EntityIndex, title: str, rank: str | None, country: str | None) -> str | None:
    """The office a written title names, normalized: "Russian Deputy Defense Minister" -> "Deputy Defense Minister"."""
    if title.lower() == "counterpart":
        # A defense official's counterpart holds his government's defense office.
        offices = index.offices_by_country.get(country, [])
        return offices[0] if len(offices) == 1 else "Defense Minister"
    role = index.canonical_title(title, country)
    rank = (rank or "").strip(" -").lower()
    if rank in ("deputy", "vice"):
        # The deputy's office keeps the wording as written: the canonical title is the minister's own.
        role = rank.capitalize() + " " + OTHER_TITLES.get(title.lower(), TITLE_CANON.get(title.lower(),
                                                                                      _office_cased(title)))
    return role


_MINOR_WORDS = frozenset(("of", "for", "the", "and", "in", "on", "to", "at"))


def _office_cased(title: str) -> str:
    """An office as an office is written: "Minister of State for Defence and Veterans" (never "And")."""
    return " ".join(w if w in _MINOR_WORDS else w[:1].upper() + w[1:] for w in title.split())


def role_on(official: OfficialRecord, on: date | None) -> str | None:
    """The office the KB has the official hold on that day; on an unknown day, his one office if he held only one.
    None when no term covers the day: his last office is not the one he held then."""
    if on is None:
        titles = {t.title for t in official.tenures}
        return titles.pop() if len(titles) == 1 else None
    return next((t.title for t in reversed(official.tenures) if t.covers(on)), None)
