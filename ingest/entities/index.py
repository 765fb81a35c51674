"""The KB's names as one pattern, and what one article names (the dataclasses ``find_entities`` fills).

All names the KnowledgeBase knows (about 250 countries with their aliases, demonyms
and places, the groups, about 700 officials in either name order) go into one
trie-shaped regular expression built once per KnowledgeBase (``EntityIndex``), so a
document is scanned in one pass.
"""
from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..knowledge import Group, KnowledgeBase, OfficialRecord
from .names import _name_tokens, fold
from .offices import _composed, _head, _office_cased, pick_official
from .vocabulary import (
    _GENERIC_FOLDED, _INITIAL, _JOINED_INITIAL, _PARTICLES, _SUFFIXES, GENERIC_TITLES, OTHER_TITLES,
    OTHER_TITLE_COUNTRY, TITLE_CANON,
)


def trie_regex(words) -> str:
    """One regular expression matching any of ``words``, longest first, shaped as a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def split_by_opening(words, not_preceded_by: str, followed_by: str) -> list[re.Pattern]:
    """Patterns that together find any of ``words`` not preceded by a character of class ``not_preceded_by``
    and followed by ``followed_by`` (read them with ``leftmost_matches``).

    One pattern of all words would be tried at nearly every character, because a few open with a frequent
    lower-case letter ("the Philippines", "bin Salman"). Split by opening character, each part lets the
    engine skip ahead: the capitalized words by their first letter, each lower-case group by its shared opening.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    capitalized, lower_case = [], []
    for first, group in sorted(by_first.items()):
        lead = os.path.commonprefix(group)
        # The lookbehind follows the opening, so that every pattern starts with literals.
        alternative = re.escape(lead) + f"(?<!{not_preceded_by}{re.escape(lead)})" \
            + f"(?:{trie_regex([w[len(lead):] for w in group])})"
        (lower_case if first.islower() else capitalized).append(alternative)
    return [re.compile(f"(?:{part}){followed_by}") for part in ("|".join(capitalized), *lower_case) if part]


def leftmost_matches(patterns: list[re.Pattern], text: str) -> list[re.Match]:
    """The matches one alternation of ``patterns`` finds in ``text``: left to right, not overlapping.
    No two of ``patterns`` may match at the same position (``split_by_opening``)."""
    kept, position = [], 0
    while True:
        scans = [found for found in (list(p.finditer(text, position)) for p in patterns) if found]
        if len(scans) <= 1:
            return kept + (scans[0] if scans else [])
        for m in sorted((m for found in scans for m in found), key=re.Match.start):
            if m.start() >= position:
                kept.append(m)
                position = m.end()
            elif m.end() > position:
                break    # the match kept before overlaps this one, which may hide later ones of its pattern: scan anew
        else:
            return kept


def _inside(position: int, spans) -> bool:
    return any(a <= position < b for a, b in spans)


def _spelled_in(token: str, tokens) -> bool:
    """Whether a word of a written name is one of a known name's words, or that word spelled one letter otherwise
    ("Sidney" for Sydney, "Mohamed" for Mohammed) when both are five letters or more."""
    return token in tokens or len(token) >= 5 and any(
        len(known) >= 5 and Levenshtein.distance(token, known, score_cutoff=1) <= 1 for known in tokens)


def name_variants(name: str, family: str) -> set[str]:
    """Spellings of a person's name news may use: hyphen and case variants, either name order."""
    tokens = name.split()
    orders = [tokens]
    if len(tokens) >= 2:
        if tokens[0] == family:
            orders.append(tokens[1:] + tokens[:1])
        elif tokens[-1] == family:
            orders.append(tokens[-1:] + tokens[:-1])
    variants = set()
    for order in orders:
        forms = [""]
        for token in order:
            spellings = {token}
            if "-" in token:
                head, _, tail = token.partition("-")
                spellings |= {f"{head}-{tail.lower()}", f"{head}-{tail.capitalize()}", f"{head} {tail.capitalize()}",
                              f"{head}{tail.lower()}"}
            forms = [f"{f} {s}".strip() for f in forms for s in spellings]
        variants.update(forms)
    plain = {unicodedata.normalize("NFKD", v).encode("ascii", "ignore").decode() for v in variants}
    return variants | {v for v in plain if len(v) > 3}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str          # "country", "demonym", "group", "place"
    code: str          # country code, or group code
    surface: str


@dataclass
class Person:
    key: str
    name: str                      # the fullest form the article gives
    family: str
    country: str | None
    role: str | None
    official: OfficialRecord | None = None
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    key: str


@dataclass
class DocumentEntities:
    """What one article names, with positions."""
    mentions: list[Mention] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    person_mentions: list[PersonMention] = field(default_factory=list)
    # Lists of those who attended ("The meeting was attended by ..."): where each list's cue stands, whom it names.
    attendance: list[tuple[int, int, list[str]]] = field(default_factory=list)

    @cached_property
    def _person_starts(self) -> list[int]:
        """Start offsets of ``person_mentions`` (built once the document's names are all found)."""
        return [m.start for m in self.person_mentions]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        starts = self._person_starts
        first = bisect_left(starts, start)
        return [m for m in self.person_mentions[first:bisect_left(starts, end, first)] if m.end <= end]

    def mentions_in(self, start: int, end: int, kinds=("country", "demonym")) -> list[Mention]:
        starts = self._mention_starts
        first = bisect_left(starts, start)
        return [m for m in self.mentions[first:bisect_left(starts, end, first)] if m.end <= end and m.kind in kinds]


class EntityIndex:
    """Compiled matchers over a KnowledgeBase; build once (``KnowledgeBase.entity_index``)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.surfaces: dict[str, list[tuple[str, object]]] = {}
        self.country_names: dict[str, str] = {}
        self.groups: dict[str, Group] = {g.code: g for g in kb.groups}
        self.capitals: dict[str, str] = {c.code: c.places[0] for c in kb.countries if c.places}
        for c in kb.countries:
            self.country_names[c.code] = c.name
            for surface in (c.name, *c.aliases):
                self._add(surface, "country", c.code)
            for surface in c.demonyms:
                self._add(surface, "demonym", c.code)
            for surface in c.places:
                self._add(surface, "place", c.code)
        for g in kb.groups:
            for surface in (g.code, g.name, *g.aliases):
                self._add(surface, "group", g.code)
                if len(surface) >= 4 and surface.isalpha() and surface.isupper():
                    # "Asean", "Nato", "Aukus": many outlets write an acronym as a word.
                    self._add(surface.title(), "group", g.code)
        self.officials_by_key: dict[str, list[OfficialRecord]] = {}
        self.officials_by_family: dict[str, list[OfficialRecord]] = {}
        for official in kb.officials:
            for full in (official.name, *official.aliases):
                for variant in name_variants(full, official.family_name):
                    self._add(variant, "official", official)
                    self.officials_by_key.setdefault(fold(variant), []).append(official)
                    if any(t in _PARTICLES for t in variant.split()):
                        # find_official looks "Khalid bin Salman" up as "Khalid Salman"
                        bare = fold(" ".join(t for t in variant.split() if t not in _PARTICLES))
                        self.officials_by_key.setdefault(bare, []).append(official)
            self.officials_by_family.setdefault(fold(official.family_name), []).append(official)
        self._families = list(self.officials_by_family)    # for find_official_spelled_otherwise's one scan
        self.surface_patterns = split_by_opening(self.surfaces, r"[\w’']", r"(?!\w|['’][a-rt-z])")

        titles = {t for t in GENERIC_TITLES} | set(OTHER_TITLES)
        self.office_titles: dict[str, dict[str, str]] = {}   # folded title -> {country: canonical}
        self.offices_by_country: dict[str, list[str]] = {}
        for office in kb.offices:
            self.offices_by_country.setdefault(office.country, []).append(office.title)
        for office in kb.offices:
            for surface in (office.title, *office.aliases):
                titles.add(surface)
                self.office_titles.setdefault(surface.lower(), {})[office.country] = office.title
        owners = [s for s, entries in self.surfaces.items() if any(k in ("country", "demonym") for k, _ in entries)]
        # Titles are found first, in an ASCII-lower-cased copy (fast, any capitalization);
        # the name after a title and the owner before it are then read from the real text.
        # The pattern takes the character before a title and looks ahead at the title, so the engine
        # skips from non-letter to non-letter instead of looking behind at every character (it also
        # finds the titles inside a title, which ``find_entities`` passes over).
        # Words of titles ("President", "Minister", "Secretary"): a capitalized word before a family name that is
        # one of them is not a given name.
        self.title_words = frozenset(w for t in titles for w in t.split() if w[:1].isupper()) | {"Counterpart"}
        self.title_pattern = re.compile(
            r"[^a-z](?=(?P<title>" + trie_regex(sorted({t.lower() for t in titles})) + r")(?P<plural>s?)(?![a-z]))")
        # The owner pattern is searched at every offset of a 60-character window, so its optional parts
        # are written "(?:...|)": the same greedy choice as "(...)?", but cheaper per offset for the engine;
        # and the lookahead, a first letter of one of its parts or the end, rules most offsets out at once.
        # A capital stands for its government only in the possessive: "Seoul's Vice Defense Minister".
        self.capital_codes = {place: code for code, place in self.capitals.items()}
        capitals = sorted(self.capital_codes)
        self.owner_pattern = re.compile(
            rf"(?={trie_regex({owner[0] for owner in owners + capitals})}|(?i:[adefilnotv])|$)"
            r"(?:(?P<former>\b(?i:former|ex-|late|then-?)\s*)|)"
            r"(?:(?P<owner>" + trie_regex(owners) + r"|" + trie_regex(capitals) + r"(?=['’]s[ \t]))(?:['’]s?)?[ \t]+|)"
            r"(?:(?P<rank>(?i:deputy|vice|acting|new|incoming|outgoing)[-\s]+)|)$"
        )

    def _add(self, surface: str, kind: str, payload) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        for form in {surface, surface.replace("'", "’"), surface.replace("’", "'")}:
            entries = self.surfaces.setdefault(form, [])
            if (kind, payload) not in entries:
                entries.append((kind, payload))

    # --- lookups -----------------------------------------------------------

    def is_capital(self, surface: str, code: str) -> bool:
        """Whether a place is the capital (first place listed), which news uses for its government ("Seoul said")."""
        return self.capitals.get(code) == surface

    def country_of_surface(self, surface: str) -> str | None:
        for kind, payload in self.surfaces.get(surface, ()):
            if kind in ("country", "demonym"):
                return payload
        return self.capital_codes.get(surface)

    def canonical_title(self, title: str, country: str | None) -> str:
        if title.lower() in OTHER_TITLES:
            return OTHER_TITLES[title.lower()]
        by_country = self.office_titles.get(title.lower(), {})
        if country in by_country:
            return by_country[country]
        if _composed(title):
            return title    # "Vice Chairman of the Central Military Commission": an office of its own, not the minister's
        if country:
            defense = self.offices_by_country.get(country, [])
            # Its one defense office, when the title names the same rank: a "Defence Secretary" of a government
            # whose minister is its "Minister of Defence" is its ministry's senior civil servant, not the minister.
            if len(defense) == 1 and _head(title) in (_head(defense[0]), None):
                return defense[0]
        return TITLE_CANON.get(title.lower(), _office_cased(title))

    def country_of_title(self, title: str) -> str | None:
        """The country of a title only one government uses ("Secretary of State for Defence").

        A common title ("Defense Minister") tells the country only when it is that
        government's own canonical title, so a KB that lacks other countries' aliases
        does not make every "Defense Secretary" British.
        """
        if title.lower() in OTHER_TITLE_COUNTRY:
            return OTHER_TITLE_COUNTRY[title.lower()]
        countries = self.office_titles.get(title.lower(), {})
        if len(countries) != 1:
            return None
        country, canonical = next(iter(countries.items()))
        if title.lower() in _GENERIC_FOLDED and canonical.lower() != title.lower():
            return None
        return country

    def find_official_spelled_otherwise(self, family: str, country: str | None, on: date) -> OfficialRecord | None:
        """The one official in office on ``on`` (of ``country``, when known) whose family name is ``family`` spelled
        one letter otherwise: a transliteration ("Fernandez" for Fernandes, "Shoygu" for Shoigu). Only for family
        names of six letters or more, where one letter apart is no other person's name."""
        family = fold(family)
        if len(family) < 6:
            return None
        near = process.extract(family, self._families, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
        found = {id(o): o for known, _, _ in near for o in self.officials_by_family[known]
                 if (country is None or o.country == country) and any(t.covers(on) for t in o.tenures)}
        if len(found) > 1:
            # A term whose start is known covers the day for certain; one of unknown start only perhaps.
            found = {k: o for k, o in found.items() if any(t.start is not None and t.covers(on) for t in o.tenures)}
        return next(iter(found.values())) if len(found) == 1 else None

    def find_official(self, name: str, country: str | None, on: date | None) -> OfficialRecord | None:
        """The known official a written name refers to, tolerating initials, suffixes and extra words."""
        # An initial written against the name ("L.Bold", as Mongolian news writes it) is the KB's "L. Bold".
        tokens = [t for t in _JOINED_INITIAL.sub(r"\1 ", name.replace(",", " ")).split()
                  if t.lower().rstrip(".") not in _SUFFIXES]
        patronymic = set()    # where a father's name begins ("Reema bint Bandar bin Sultan ..."): no one else's
        if len(tokens) > 2 and any(t in _PARTICLES for t in tokens):
            # "Najib bin Abdul Razak" is known as "Najib Abdul Razak"
            kept = []
            for token in tokens:
                if token in _PARTICLES:
                    patronymic.add(len(kept))
                else:
                    kept.append(token)
            tokens = kept or tokens
        for size in range(len(tokens), 0, -1):
            for begin in range(0, len(tokens) - size + 1):
                if begin in patronymic:
                    continue
                part = tokens[begin:begin + size]
                plain = [t for t in part if not _INITIAL.fullmatch(t)]
                if size > 1 and len(plain) >= 2:
                    found = pick_official(self.officials_by_key.get(fold(" ".join(plain)), []), country, on)
                    if found is None and size == 2:
                        # "Sidney Sekeramayi" for Sydney Sekeramayi: the family name as known, the other word one
                        # letter apart.
                        given, family = (fold(t) for t in plain)
                        found = pick_official([o for o in self.officials_by_family.get(family, [])
                                               if given not in _name_tokens(o) and _spelled_in(given, _name_tokens(o))],
                                              country, on, serving=True)
                elif size == 1 and len(tokens) <= 2:
                    # One word of the name: a family name, and its holder must be in office that day. The first of
                    # two words is a given name ("Mark Milley") unless its holder puts the family name first.
                    # The other word must not contradict: "Yoon Suk-yeol" is not "Yoon Kwang-ung".
                    other = [t for t in tokens if t is not part[0] and not _INITIAL.fullmatch(t)]
                    candidates = [o for o in self.officials_by_family.get(fold(part[0]), [])
                                  if (begin == len(tokens) - 1 or o.name.startswith(o.family_name + " "))
                                  and all(_spelled_in(fold(t), _name_tokens(o)) for t in other)]
                    found = pick_official(candidates, country, on, serving=True)
                else:
                    continue
                if found is not None:
                    return found
        return None
