"""What the extractor knows about the world, as plain dataclasses.

The pipeline never queries the database: it is handed a ``KnowledgeBase``
snapshot. ``ingest.snapshot.load_knowledge()`` builds one from the database
(so staff additions in the admin improve the next ingest); tests build small
ones by hand or from the bundled data files with ``from_data_files()``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "meetings" / "data"


@dataclass(frozen=True)
class CountryNames:
    code: str                      # ISO 3166-1 alpha-2
    name: str                      # short English name: "South Korea"
    aliases: tuple[str, ...] = ()  # official names, abbreviations: "ROK", "Republic of Korea"
    demonyms: tuple[str, ...] = ()  # "South Korean"
    places: tuple[str, ...] = ()   # capital and cities where meetings happen: "Seoul"


@dataclass(frozen=True)
class Membership:
    country: str
    start: date | None = None
    end: date | None = None

    def active_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Group:
    code: str                      # "ASEAN"
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[Membership, ...] = ()

    def members_on(self, day: date | None) -> list[str]:
        return sorted(m.country for m in self.members if m.active_on(day))


@dataclass(frozen=True)
class Office:
    country: str
    title: str                     # canonical: "Secretary of Defense"
    aliases: tuple[str, ...] = ()  # "Defense Secretary", "Pentagon chief"


@dataclass(frozen=True)
class Tenure:
    country: str
    title: str                     # the Office's canonical title
    start: date | None
    end: date | None = None        # None: still in office
    acting: bool = False

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class OfficialRecord:
    name: str                      # canonical, as English-language news writes it
    country: str
    family_name: str
    aliases: tuple[str, ...] = ()  # other full forms: "James N. Mattis", "Han Min-goo"
    tenures: tuple[Tenure, ...] = ()
    slug: str = ""


@dataclass
class KnowledgeBase:
    countries: list[CountryNames] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    officials: list[OfficialRecord] = field(default_factory=list)

    @cached_property
    def entity_index(self):
        """Name matchers for the extractor, compiled once per snapshot (treat the snapshot as read-only)."""
        from .entities import EntityIndex
        return EntityIndex(self)

    @classmethod
    def from_data_files(cls, data_dir: Path = DATA_DIR) -> "KnowledgeBase":
        """The bundled reference data, without a database (for pure tests and benchmarks)."""
        countries = json.loads((data_dir / "countries.json").read_text())
        groups = json.loads((data_dir / "groups.json").read_text())
        offices, officials = [], []
        for path in sorted((data_dir / "officials").glob("*.json")):
            part = json.loads(path.read_text())
            offices += part["offices"]
            officials += part["officials"]
        return cls(
            countries=[
                CountryNames(c["code"], c["name"], tuple(c.get("aliases", ())),
                             tuple(c.get("demonyms", ())), tuple(c.get("places", ())))
                for c in countries
            ],
            groups=[
                Group(g["code"], g["name"], tuple(g.get("aliases", ())),
                      tuple(Membership(m["country"], _day(m.get("start")), _day(m.get("end")))
                            for m in g["members"]))
                for g in groups
            ],
            offices=[Office(o["country"], o["title"], tuple(o.get("aliases", ())))
                     for o in offices],
            officials=[
                OfficialRecord(
                    p["name"], p["country"], p["family_name"], tuple(p.get("aliases", ())),
                    tuple(Tenure(p["country"], t["title"], _day(t.get("start")), _day(t.get("end")),
                                 t.get("acting", False)) for t in p["tenures"]),
                )
                for p in officials
            ],
        )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
