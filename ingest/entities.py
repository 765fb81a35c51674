"""Countries, groups, places and officials named in an article.

All names the KnowledgeBase knows (about 250 countries with their aliases, demonyms
and places, the groups, about 700 officials in either name order) go into one
trie-shaped regular expression built once per KnowledgeBase (``EntityIndex``), so a
document is scanned in one pass. People the KB does not know are found by a defense
title in front of a capitalized name ("Defence Minister Kim Yong-hyun"); later short
mentions ("Minister Lee", "Austin") are found with a small per-document pattern of
the family names already introduced.

Titles of other offices that take part in defense meetings (foreign ministers,
presidents, chiefs of staff, deputy ministers) introduce people too, with the office
as written; their government is never guessed. A titled name resolves against the KB
by country and day first, then by name: a lone word never reaches an official of a
government the article does not name, nor one out of office that day. Lists of
attendees ("The meeting was attended by ...") name participants without a title, or
after an office without a rank ("Secretary (Defence Production) A B"). Those a
government's delegation is led by ("the Japanese delegation was headed by ...")
belong to it, whatever their office. A titled official nothing else places takes the
one government the article names whose own office bears that title, if nobody else
holds it there. An unqualified official who meets a placed one of another government
(or "his counterparts") is of the government the headline and lead name that no placed
official stands for: news leaves its own minister unqualified. Names in the article's
own headline lines count when their government is stated. A known official's role is
the title the article gives, else the office the KB has him hold that day, else none.
`eval/without_officials.py` measures these text-only rules with the KB's people removed.
"""
from __future__ import annotations

import calendar
import os
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from meetings.text import unaccent

from .dates import WEEKDAYS, ascii_lower, case_folded
from .knowledge import Group, KnowledgeBase, OfficialRecord

# Titles of defense officials in news English, on top of the KB's office titles and aliases.
GENERIC_TITLES = (
    "Defense Minister", "Defence Minister", "Minister of Defense", "Minister of Defence",
    "Minister of National Defense", "Minister of National Defence", "Minister for Defence",
    "Minister for Defense", "National Defense Minister", "National Defence Minister",
    "Defense Secretary", "Defence Secretary", "Secretary of Defense", "Secretary of Defence",
    "Secretary of State for Defence", "Defense Chief", "Defence Chief", "Minister of the Armed Forces",
    "Armed Forces Minister", "Minister of Armed Forces", "Pentagon chief", "counterpart",
)
_GENERIC_FOLDED = frozenset(t.lower() for t in GENERIC_TITLES)
# Canonical spellings for titles the KB does not know, keyed by their folded form.
TITLE_CANON = {
    "defence minister": "Defense Minister", "defense chief": "Defense Minister", "defence chief": "Defense Minister",
    "minister of defence": "Minister of Defense", "minister of national defence": "Minister of National Defense",
    "national defense minister": "Minister of National Defense", "national defence minister": "Minister of National Defense",
    "minister for defense": "Minister for Defence", "defence secretary": "Defense Secretary",
    "secretary of defence": "Secretary of Defense", "armed forces minister": "Minister of the Armed Forces",
    "minister of armed forces": "Minister of the Armed Forces",
}
# Officials of other offices who take part in defense meetings: foreign ministers in a 2+2, a head of state or
# government receiving a visitor, chiefs of staff and other defense officials named as attending. Each is given
# the office as written, in a normal spelling; none tells a government by itself except the few listed in
# OTHER_TITLE_COUNTRY.
OTHER_TITLES = {t.lower(): t for t in (
    "Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Foreign Affairs Minister",
    "External Affairs Minister", "Minister of External Affairs", "Foreign Secretary", "Secretary of State",
    "President", "Prime Minister", "King", "Crown Prince", "Emir", "Amir",
    "Chief of Defence Staff", "Chief of Defense Staff", "Chief of the Defence Staff", "Chief of the Defense Staff",
    "Chief of Defence Force", "Chief of the Defence Force", "Chief of the Defense Forces", "Chief of Defence Forces",
    "Chief of General Staff", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff",
    "Chief of Staff of the Armed Forces", "Chief of Naval Staff", "Chief of Army Staff", "Chief of Air Staff",
    "Chief of Staff", "Chairman Joint Chiefs of Staff Committee", "Chairman of the Joint Chiefs of Staff Committee",
    "Commander of the Navy", "Commander of the Army", "Commander of the Air Force",
    "Under Secretary of Defense for Policy", "Undersecretary of Defense for Policy", "Under Secretary of Defense",
    "Undersecretary of Defense", "Deputy Secretary of Defense", "Permanent Secretary", "State Secretary",
    "Cabinet Secretary for Defence", "Cabinet Secretary for Defense", "Defence Cabinet Secretary",
    "Minister of State for Defence", "Minister of State for Defense", "Secretary Defence",
)}
OTHER_TITLES.update({"undersecretary of defense for policy": "Under Secretary of Defense for Policy",
                     "undersecretary of defense": "Under Secretary of Defense",
                     "deputy pm": "Deputy Prime Minister"})    # "Cambodian Deputy PM and Minister of ... Tea Seiha"
# Heads of state and of government: a government they alone represent hosts an audience, not a meeting (GUIDE).
LEADER_TITLES = frozenset(("President", "Prime Minister", "King", "Crown Prince", "Emir", "Amir"))
# Offices only one government has by that name.
OTHER_TITLE_COUNTRY = {"secretary of state": "US", "chairman of the joint chiefs of staff": "US",
                       "under secretary of defense for policy": "US", "undersecretary of defense for policy": "US",
                       "under secretary of defense": "US", "undersecretary of defense": "US",
                       "deputy secretary of defense": "US", "external affairs minister": "IN",
                       "minister of external affairs": "IN", "cabinet secretary for defence": "KE",
                       "cabinet secretary for defense": "KE", "defence cabinet secretary": "KE"}
_DEFENSE_OTHER = frozenset(t for t in OTHER_TITLES if "defen" in t)
_MILITARY_OTHER = frozenset(t for t in OTHER_TITLES if any(w in t for w in ("chief", "commander", "chairman")))
# Capital letters of the Latin alphabets: "Šutanovac", "Łukasz", "Çavuşoğlu" open names too.
_CAPITAL = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c not in "×")
SHORT_TITLES = re.compile(
    r"(?:M(?<![\w-].)(?:inister|rs?\.?|s\.?)|m(?<![\w-].)inister|S(?<![\w-].)ecretary|s(?<![\w-].)ecretary|"
    r"G(?<![\w-].)en(?:\.|eral)|A(?<![\w-].)d(?:m\.|miral))"   # whole words; opening letters let the engine skip
    r"\s+(?P<name>[" + _CAPITAL + r"](?:[^\W\d_]|['’](?![sS](?![^\W\d_])))+(?:-[^\W\d_]+)*)"
)
# A name's word: an initial before its dot ("Harjit S. Sajjan", Mongolian "L.Bold"), a capitalized word, or an Arabic
# "al-" family name ("al-Rumaithi"). Initials come first: "S" alone would leave the dot and end the name there.
_NAME_TOKEN = (r"(?:[A-Z]\.(?:[A-Z][^\W\d_]+(?:-[^\W\d_]+)*)?|(?:[ae]l-)?[" + _CAPITAL + r"][^\W\d_]*"
               r"(?:['’](?![sS](?![^\W\d_]))[^\W\d_]+)?(?:-[^\W\d_]+)*)")
# Lower-case particles inside a name: "Mohammed bin Ahmed Al Bowardi", "Maya Fernández de la Vega".
_NAME_PARTICLE = r"(?:bin|bint|ibn|binti|de|da|do|dos|das|del|della|di|van|von|der|den|la|le)[ \t]+"
_NAME = _NAME_TOKEN + r"(?:[ \t]+(?:" + _NAME_PARTICLE + r"){0,2}" + _NAME_TOKEN + r"){0,5}" \
    + r"(?:,?[ \t]+(?:Jr\.|Sr\.|III|II|IV))?"
_HONORIFICS = frozenset("shri sri smt mr mrs ms dr gen lt col maj brig adm sir dame general admiral prince princess "
                        "sheikh shaikh hon datuk dato tun hrh king".split())
# Forms of address and military ranks between a title and the name: "Defense Minister Col. Gen. Safar Abiyev",
# "Minister for Defence, the Hon Saki Soloma MP", "Defence Minister Datuk Seri Mohamed Khaled Nordin", "Secretary of
# Defense HE Lloyd Austin" (His Excellency, in capitals: "He" is a family name too).
_ADDRESS = (r"(?:the[ \t]+)?(?:(?:(?:Hon(?:ourable|orable)?|Dr|Mr|Mrs|Ms|Smt|HE)\.?|"
            r"(?:Lt|Maj|Brig|Vice|Rear|Air)-(?:Gen|Col|Adm|Marshal|Cdr)\.?|(?:H\.[ \t]?E|Prof|Eng|Engr|Col|Gen|Lt|Maj|Brig|"
            r"Adm|Capt|Cdr)\.|Sheikh|Shaikh|Prince|Princess|Sir|Dame|Lord|Baroness|Shri|Datuk(?:[ \t]+Seri)?|"
            r"Dato['’]?(?:[ \t]+S(?:e)?ri)?|Tan[ \t]+Sri|Tun|Haji|Hajah|Hj\.|Pak|Ibu|Army|Air|Chief|Vice|Rear|Lieutenant|Major|Brigadier|"
            r"General|Colonel|Admiral|Field[ \t]+Marshal|Marshal|Commodore|Captain|Commander)[ \t]+)*")
_NAME_AFTER_TITLE = re.compile(r",?[ \t]+" + _ADDRESS + r"(?P<name>" + _NAME + ")")
# An office of a defense or military body, composed rather than listed: a head word ("Chief of Staff", "Chairman",
# "Commander", "Head", "Director General", "Minister of State"), a rank or a service before it, then "of"/"for" and
# the body's name up to its last institution noun: "Chairman of the Joint Chiefs of Staff Committee", "Vice Chairman
# of the Central Military Commission", "Assistant Secretary of Defense for International Security Affairs", "Army
# Chief-of-Staff". Read where no listed title names the official, as the office written.
_BODY_NOUN = (r"(?:Forces|Force|Staff|Chiefs|Army|Navy|Corps|Committee|Commission|Command|Agency|Office|Affairs|Production|"
              r"Ministry|Department|Defen[cs]e|Council|Guard|Services|Security|Operations|Policy|Acquisition|"
              r"Industry|Logistics|Cooperation|Headquarters|Marines)\b")
_BODY_WORDS = r"(?:[A-Z][\w’'-]*(?:['’]s)?[ \t]+){0,3}"
COMPOSED_OFFICE = re.compile(
    r"(?<![\w-])(?P<title>(?:(?:Army|Navy|Air[ \t]+Force|Military|Defen[cs]e)[ \t]+)?"
    r"(?:(?:[Ff]irst|[Dd]eputy|[Vv]ice|[Aa]ssistant|[Uu]nder)[ \t-]+)*"
    r"(?:[Cc]hief[ \t-]+of[ \t-]+[Ss]taff|[Cc]hief|[Cc]hairman|[Cc]ommander(?:[ \t-]+in[ \t-]+[Cc]hief)?|[Hh]ead|"
    r"Director[ \t-]+General|Secretary|Minister[ \t]+of[ \t]+State)"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?" + _BODY_WORDS + _BODY_NOUN +
    r"(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?" + _BODY_WORDS + _BODY_NOUN + r")*)?)")
# An abbreviation in brackets after an office: "Chief of Army Staff (COAS)".
_ABBREVIATION = re.compile(r"[ \t]*\([A-Z]{2,6}\)(?=[ \t])")
# A name that ends in an institution noun names a body, not a person: "Coast Guard", "External Affairs".
_INSTITUTION_END = re.compile(r"(?<![\w-])" + _BODY_NOUN + r"$")
# A composed office names a defense official only when its words say so.
_DEFENSE_BODY = re.compile(r"Defen[cs]e|Military|Armed|Army|Navy|Naval|Air[ \t]+Force|Staff|Joint[ \t]+Chiefs|Security", re.I)
_NAME_STOP = frozenset("""
The A An And Or Of On In At To For With By From As Is Was Were Said Says Told Met Meets Held Also
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
He She They It His Her Their This That Minister Secretary Defense Defence
Armed Forces Force Army Navy Ministry Government Embassy Council Command Staff Republic Kingdom Office
""".split())
_INITIAL = re.compile(r"[A-Z]\.")
_TRAILING_INITIAL = re.compile(r"(?:[ \t]+[A-Z]\.?)+$")
_JOINED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")
_PARTICLES = frozenset(("bin", "bint", "binti", "ibn"))
_AND_TITLE = re.compile(r"[ \t]+and(?:[ \t]+the)?[ \t]+")
# A known name inside a longer one: "Reema bint Bandar bin Sultan bin Abdulaziz" names no Sultan bin Abdulaziz.
_PATRONYMIC_BEFORE = re.compile(r"\b(?:bin|bint|binti|ibn)\s+$")
# A name that goes on after its first word ("Minister Mohammed bin Ahmed Al Bowardi", "General Mark Milley").
_NAME_GOES_ON = re.compile(r"[ \t]+(?:" + _NAME_PARTICLE + r"|(?P<next>[A-Z][a-z]+))")
# Letters after a name that are not part of it: "the Hon Saki Soloma MP".
_POST_NOMINALS = frozenset(("MP", "MLA", "MNA", "PhD", "KC", "QC"))
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A wire dateline: "TOKYO, Nov. 12, 2019 (Kyodo) --", "LIMA, Peru (AP) --", "Male [Maldives], June 14 (ANI):",
# "PARIS, 14th September, 2021 (WAM) --", "LONDON, March 22 Kyodo -", "MADRID, 21 Oct. (EUROPA PRESS) -".
_DAY_MONTH = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?"
DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Za-z .'’-]{1,30}?)(?:\s*\[(?P<bracket>[^\]]{2,30})\])?"
    r"(?:,\s+(?P<region>(?!" + _DAY_MONTH + r")[A-Z][A-Za-z .]{1,30}?))?"
    r"(?:,?\s+(?P<date>" + _DAY_MONTH + r"))?"
    r"(?:\s*(?P<agency>\([A-Za-z .-]{2,30}\)|[A-Z][a-z]+(?=\s+-))?\s*(?:--|—|–|-|:)"
    # TASS: "MOSCOW, March 5. /TASS/."
    r"|\.?\s*(?P<slashed>/[A-Z][A-Za-z-]{1,20}/)\.?"
    # PTI: "New Delhi, Jul 25 (PTI) Defence Minister ...", an agency in capitals with no dash after it.
    r"|\s*(?P<bare>\([A-Z]{2,10}\))(?=\s+[A-Z“\"]))(?=\s|$)")
# How a dateline ends: a line without it is ruled out at once, where DATELINE is slow to fail.
_DATELINE_END = re.compile(r"(?:--|—|–|-|:|/|\))(?=\s|$|\.)")
# An appositive before a title: "Rodolfo Sanchez, Mexico's Minister of National Defence".
_NAME_BEFORE_TITLE = re.compile(r"(?P<name>" + _NAME + r"),[ \t]+(?:the[ \t]+)?$")
_COUNTERPARTS = re.compile(r"\b(?:his|her)\s+(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?)*counterparts?\b")
# A country named as what is talked about, not as a side ("talks on X", "concern over X").
_TOPIC_LEAD = re.compile(r"\b(?:on|over|about|against|regarding|toward|towards|(?:issue|situation|question|crisis)\s+"
                         r"(?:of|in))\s+(?:the\s+)?$")
# A country named as a place ("in Laos", "visiting Laos"), not as a government taking part.
# "to A and B", "in A, B and C": the countries after the first share its preposition.
_LOCATION_LEAD = re.compile(r"(?:\b(?:in|at|to|near|from|visit|visits|visited|visiting)\s+(?:the\s+)?"
                            r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+and\s+(?:the\s+)?)?|,\s+(?:the\s+)?)$")
_OF_COUNTRY = re.compile(r",?\s+of\s+(?:the\s+)?")
# "South China Sea", "Korean Peninsula", "Taiwan Strait": a region named after a country, not its government
# (however capitalized: "the Korean peninsula").
_GEOGRAPHIC_FEATURE = re.compile(r"\s+(?:[Ss]eas?|[Ss]traits?|[Pp]eninsula|[Gg]ulf|[Oo]cean|[Ss]ea\s+[Ll]anes?)\b")
# "Kuwait News Agency", "Saudi Press Agency": a news agency named after its country, not that government.
_AGENCY_NAME = re.compile(r"\s+(?:News|Press)\s+Agency\b")
PLURAL_REFERENCE = re.compile(
    r"\b(?:they|we|both|all|participants|(?:the\s+)?(?:two|three|four|five|\d+)\b|"
    r"(?:ministers|leaders|chiefs|officials|sides|secretaries|nations|countries|counterparts|parties|delegations|allies|governments))\b",
    re.I,
)


_GIVEN_NAME_COUNTRIES = frozenset(("TH",))
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, without hyphens, spaces, dots or apostrophes: a name's lookup key."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text.lower())
    return "".join(c for c in unaccent(text).lower() if c.isalnum())


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
        self.owner_pattern = re.compile(
            rf"(?={trie_regex({owner[0] for owner in owners})}|(?i:[adefilnotv])|$)"
            r"(?:(?P<former>\b(?i:former|ex-|late|then-?)\s*)|)"
            r"(?:(?P<owner>" + trie_regex(owners) + r")(?:['’]s?)?[ \t]+|)"
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
        return None

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
                elif size == 1 and len(tokens) <= 2:
                    # One word of the name: a family name, and its holder must be in office that day. The first of
                    # two words is a given name ("Mark Milley") unless its holder puts the family name first.
                    # The other word must not contradict: "Yoon Suk-yeol" is not "Yoon Kwang-ung".
                    other = [t for t in tokens if t is not part[0] and not _INITIAL.fullmatch(t)]
                    candidates = [o for o in self.officials_by_family.get(fold(part[0]), [])
                                  if (begin == len(tokens) - 1 or o.name.startswith(o.family_name + " "))
                                  and all(fold(t) in _name_tokens(o) for t in other)]
                    found = pick_official(candidates, country, on, serving=True)
                else:
                    continue
                if found is not None:
                    return found
        return None


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


def _same_given_name(written: str, official: OfficialRecord) -> bool:
    """Whether the first word of a written name is the official's given name, spelled alike ("Serguei" for
    "Sergei", "Sebastian" for "Sébastien")."""
    first, known = fold(written.split()[0]), fold(official.name.split()[0])
    return first == known or min(len(first), len(known)) >= 4 and SequenceMatcher(None, first, known).ratio() >= 0.8


def _other_given_name(written: str, known: str) -> bool:
    """Whether two full names of one family name differ in the given name ("Mansour ... Al Nahyan", "Mohamed ...")."""
    a, b = written.split(), known.split()
    return len(a) >= 2 and len(b) >= 2 and not _INITIAL.match(a[0]) and not _INITIAL.match(b[0]) \
        and fold(a[0]) != fold(b[0])


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


# --- per document --------------------------------------------------------------

# A place opening a line, then a date, an agency in brackets, or a dash and the agency ending the line: "RABAT,
# Morocco, Mar 6 (Agency / Paper - 6th Mar, 2023)", "Manama, Mar.14 (Agency):", "Palanga, Lithuania, 23 May, 2024",
# "Cairo - Agency"; or a city and its country before a colon: "Doha, Qatar: The minister ...".
_OPENING_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Za-z .'’-]{1,30}?)(?:,\s+(?P<region>[A-Z][A-Za-z .]{1,30}?))?"
    r"(?:,?\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}(?:\.\s*|\s+)\d)|\s*\((?=[^()]{2,80}\))"
    r"|\s+[-–—]\s+[A-Z][A-Za-z.]{1,20}\s*$|(?<=[a-z]),\s+[A-Z][A-Za-z .]{1,30}?:\s)")


def dateline_place(index: EntityIndex, line: str) -> tuple[str | None, str | None]:
    """The city and country of a wire dateline ("VIENTIANE, Laos —", "TOKYO, Nov. 12, 2019 (Kyodo) --"), or of a
    known place opening a line with the story's date or agency after it."""
    m = match_dateline(line) or _OPENING_PLACE.match(line)
    if m is None:
        return None, None
    if m.re is _OPENING_PLACE and not (index.surfaces.get(_title_cased(m.group("city").strip()))
                                       or m.group("region") and index.country_of_surface(m.group("region").strip())):
        return None, None
    city = _title_cased(m.group("city").strip())
    country = next((code for kind, code in index.surfaces.get(city, ()) if kind == "place"), None)
    for region in (m.groupdict().get("bracket"), m.group("region")):
        if country is None and region:
            country = index.country_of_surface(region.strip())
    return (city, country) if country else (None, None)


def _title_cased(city: str) -> str:
    return city.title() if city.isupper() else city


def match_dateline(line: str) -> re.Match | None:
    """A dateline opening ``line``: a capitalized city, or any city with a date, agency or country in brackets."""
    m = DATELINE.match(line) if _DATELINE_END.search(line) else None
    if m is None or not (m.group("city").isupper() or m.group("date") or m.group("agency") or m.group("slashed")
                        or m.group("bare") or m.group("bracket")):
        return None
    return m


def find_entities(text: str, index: EntityIndex, on: date | None, skip: list[tuple[int, int]] = (),
                  home: str | None = None) -> DocumentEntities:
    """Names in ``text``; people are resolved against the KB as of day ``on``.

    ``skip`` spans (headings) may name known people but never introduce unknown ones. A titled
    name no word ties to a government is placed by the family name of someone already known,
    then by the one government of its sentence that has nobody named, then by ``home`` (the
    dateline's country) when that government's defense office bears the title.
    """
    found = DocumentEntities()
    people = found.people
    raw_mentions: list[tuple[int, int, str]] = []
    uncountried: list[tuple[str, str, int]] = []     # titled names whose government the title does not tell
    headed: list[tuple] = []                          # titled names of a stated government in headings

    def add_person(official: OfficialRecord | None, written: str, country: str | None, title: str | None,
                   start: int, end: int, rank: str | None = None) -> None:
        titled = _titled_role(index, title, rank, official.country if official else country) if title else None
        if official is not None:
            key = official.name
            country = official.country
            if len(written.split()) == 1:
                written = official.name    # "Mr. Rumsfeld" alone: the KB's full name tells who
            # The office the article gives wins over the KB's when the KB has the person out of office that day
            # (a former defense minister now prime minister), or when it is a deputy's.
            serving = on is None or any(t.covers(on) for t in official.tenures)
            # One in a defense office that day keeps it though named by another office he also holds
            # ("Deputy Prime Minister Marles").
            from_title = bool(titled and (not serving or rank and not _other_office(title)
                                          or on is None and _other_office(title)))
            # Out of office that day and no title given: the KB's nearest office (the day is the article's, and
            # the meeting may be older).
            role = titled if from_title else role_on(official, on) or titled
            family = official.family_name
        else:
            if country is None or _INSTITUTION_END.search(written):
                return    # "Coast Guard", "External Affairs": a body listed among people, not a person
            if _TRAILING_INITIAL.search(written):
                # A name cut after an initial ("Donald H." at a line's or a sentence's end) is no one's whole name.
                written = _TRAILING_INITIAL.sub("", written)
                if len(written.split()) < 2:
                    return
                end = start + len(written)
            family = _family_of(written)
            key = f"{country}:{fold(family)}"
            # A known official of that government already named with this family name ("General Nakatani" after
            # "Gen Nakatani", on a day the KB has him out of office) is the same person.
            key = next((k for k, p in people.items() if p.official is not None and p.country == country
                        and fold(p.family) == fold(family) and not _other_given_name(written, p.name)), key)
            if key in people and _other_given_name(written, people[key].name):
                key = f"{country}:{fold(written)}"    # "Mansour bin Zayed Al Nahyan" and "Mohamed bin Zayed Al Nahyan"
            role, from_title = titled, False
        person = people.get(key)
        if person is None:
            people[key] = Person(key, written, family, country, role, official, (start, end))
        else:
            if len(written) > len(person.name):
                person.name = written
            if person.role is None or from_title:
                person.role = role
        raw_mentions.append((start, end, key))

    for m in leftmost_matches(index.surface_patterns, text):
        surface = m.group()
        start, end = m.span()
        for kind, payload in index.surfaces.get(surface, ()):
            if kind == "official":
                if not _PATRONYMIC_BEFORE.search(text, max(0, start - 6), start):
                    add_person(payload, surface, payload.country, None, start, end)
            elif kind == "place" or not (_GEOGRAPHIC_FEATURE.match(text, end) or _AGENCY_NAME.match(text, end)):
                found.mentions.append(Mention(start, end, kind, payload, surface))

    starts = {mention.start: mention for mention in found.mentions if mention.kind in ("country", "demonym")}
    places = {mention.start for mention in found.mentions if mention.kind == "place"}
    lowered = " " + ascii_lower(text)    # title_pattern reads the character before a title
    reach = 0
    # The government written before one office that holds for the next, from where that office starts: "Deputy Prime
    # Minister and Minister for Defence X", "Ecuadorean President A and Defense Minister B".
    carried: tuple[int, str | None] = (-1, None)
    titled_spans: list[tuple[int, int]] = []

    composed = [m for m in COMPOSED_OFFICE.finditer(text) if _DEFENSE_BODY.search(m.group("title"))]
    for m in index.title_pattern.finditer(lowered):
        title_start, title_end = m.start("title") - 1, m.end("title") - 1    # offsets in the text
        if title_start < reach:
            continue    # inside the title before
        if any(office.start("title") <= title_start and title_end <= office.end("title")
               and office.span("title") != (title_start, title_end) for office in composed):
            continue    # "Secretary of Defense" inside "Assistant Secretary of Defense for ...": the longer office
        reach = m.end("plural") - 1
        titled_spans.append((title_start, reach))
        if reach > title_end:
            # A plural names nobody ("the defense ministers"), unless two governments and two names go with it,
            # in the same order: "the Bosnian and Greek Defence Ministers A B and C D", "Defense Ministers of
            # Kyrgyzstan and Russia A B and C D".
            title = text[title_start:title_end]
            for name, country, start in _paired_names(text, found.mentions, title_start, reach) \
                    or _names_with_their_governments(text, found.mentions, reach):
                official = index.find_official(name, country, on)
                if official is None and not _other_office(title):
                    holders = [o for o in index.officials_by_family.get(fold(_family_of(name)), [])
                               if _same_given_name(name, o)]
                    official = pick_official(holders, country, on, serving=True)
                if official is not None:
                    name = _known_part(name, official, heading=_inside(start, skip))
                add_person(official, name, country, title, start, start + len(name))
            continue
        before = index.owner_pattern.search(text, max(0, title_start - 60), title_start)
        if before.group("former") and not before.group("former").lower().startswith("then"):
            continue
        joined = _AND_TITLE.match(text, title_end)
        if joined and index.title_pattern.match(lowered, joined.end()):
            # "Deputy Prime Minister and Minister for Defence Richard Marles": the last office names him; the
            # government before the first holds for both.
            carried = (joined.end(), before.group("owner"))
            continue
        # A title that opens with its own government ("and British Defence Secretary B") carries nothing over.
        owner_written = before.group("owner") or (carried[1] if carried[0] == title_start and title_start not in starts
                                                  else None)
        # "Chief of Army Staff (COAS) General X": the office's abbreviation stands between it and the name.
        abbreviation = _ABBREVIATION.match(text, title_end)
        title_text = text[title_start:title_end]
        after_title = title_end = abbreviation.end() if abbreviation else title_end
        if not _NAME_AFTER_TITLE.match(text, title_end):
            # "the Defence Minister of Kazakhstan Lt. Gen. Nurlan Yermekbayev", "President of Kosovo, Dr. ..."
            of = _OF_COUNTRY.match(text, title_end)
            mention = starts.get(of.end()) if of else None
            if mention is not None and mention.kind == "country":
                after_title = mention.end
        written = _NAME_AFTER_TITLE.match(text, after_title)
        name = _trim_name(written.group("name"), bool(_NUMBER_AFTER.match(text, written.end("name")))) \
            if written else ""
        if after_title != title_end and name and (written.group("name").startswith(name + " ")
                                                  and written.group("name").split()[len(name.split())] in _NAME_STOP
                                                  or len(name.split()) == 1
                                                  and text.startswith(("'s ", "’s "), written.end())):
            name = ""    # "Chief of Staff of the Uganda People's Defence Force": the country names a body, not a person
        # The name before the title, looked for only where it is read (most titles have their name after them).
        earlier = None if name and not written.group().startswith(",") else \
            _NAME_BEFORE_TITLE.search(text, max(0, before.start() - 60), before.start())
        if name and written.group().startswith(",") and earlier and len(_trim_name(earlier.group("name")).split()) >= 2:
            # A list of names, each with its office after it ("A, Minister of X, B, Chairman of Y"): the title
            # is the office of the name before it; the name after it has an office of its own.
            name = ""
        if name and written.start("name") in starts:
            name = ""    # "King, Egyptian Military Chief discuss ...": a demonym opens an office, not a name
        if name:
            inside = [m.start for m in found.mentions if m.kind in ("country", "demonym", "group")
                      and written.start("name") < m.start < written.start("name") + len(name)]
            if inside:
                # "Polish Defense Minister Discuss NATO, Terrorism": a headline's words run on from the title into a
                # country or a group, which no one's name holds.
                name = _trim_name(text[written.start("name"):inside[0]].rstrip())
        if name:
            start = written.start("name")
        else:
            written = earlier
            name = _trim_name(written.group("name")) if written else ""
            if len(name.split()) < 2:
                continue
            start = written.start("name") + written.group("name").index(name)
            if any(start <= mention_start < start + len(name) for mention_start in starts) or start in places:
                continue
            if _inside(start, skip) and not _APPOSITION_CLOSED.match(text, _country_end(text, starts, title_end)):
                continue    # a headline's list, "A, US Secretary of Defence review ...": the title is B's
        end = start + len(name)
        owner = index.country_of_surface(owner_written) if owner_written else None
        joined = _AND_TITLE.match(text, end) if owner_written else None
        if joined:
            carried = (joined.end(), owner_written)
        title = title_text
        country = owner or _country_after(text, starts, title_end) or _country_after(text, starts, end) \
            or index.country_of_title(title)
        official = index.find_official(name, country, on)
        if official is not None and _leader_by_one_word(title, name):
            official = None    # "King Abdullah" is no Kuwaiti defence minister the KB calls Sheikh Abdullah
        if official is None and country is not None and not before.group("rank") \
                and not _other_office(title):
            # Country and day first, then the name: that government's defense official in office that day with
            # this family name, however the article spells the rest ("Serguei Kuzhuguetovich Shoigu",
            # "Sebastian Lecornu", "Tore Onshus Sandvik"). On an unknown day the given name must be alike too.
            holders = index.officials_by_family.get(fold(_family_of(name)), [])
            if on is None:
                holders = [o for o in holders if _same_given_name(name, o)]
            official = pick_official(holders, country, on, serving=True)
        if official is None and country is None:
            uncountried.append((name, title, start, before.group("rank")))
            continue
        if official is None and _inside(start, skip) and index.find_official(name, None, on) is None \
                and title.lower() != "counterpart":
            # A headline's titled name of a stated government ("French Minister of the Armed Forces A B"): kept
            # when the body names that family name again, so a related story's headline introduces nobody.
            headed.append((name, country, title, start, before.group("rank")))
            continue
        if official is None and (index.find_official(name, None, on) is not None
                                 and not _leader_by_one_word(title, name) or _inside(start, skip)
                                 or title.lower() == "counterpart" and len(name.split()) < 2):
            continue
        if official is not None:
            name = _known_part(name, official, heading=_inside(start, skip))
            end = start + len(name)
        add_person(official, name, country, title, start, end, before.group("rank"))

    _composed_offices(text, index, found, starts, composed, titled_spans, raw_mentions, skip, uncountried, add_person)
    body = _body_start(text, skip)
    for name, country, title, start, rank in headed:
        if start < body and _NAME_END.match(text, start + len(name)) and len(name.split()) >= 2:
            # The article's own headline lines, where the name ends plainly ("...; French Minister of X A B").
            add_person(None, name, country, title, start, start + len(name), rank)
            continue
        # A headline's words run on after the name ("A B Opening Remarks"): the name ends at the last word the
        # body says again.
        tokens = name.split()
        for size in range(len(tokens), 0, -1):
            if _INITIAL.fullmatch(tokens[size - 1]) or tokens[size - 1] in _PARTICLES:
                continue
            word = re.compile(r"(?<![\w’'-])" + re.escape(tokens[size - 1]) + r"(?![\w-]|['’](?![sS]\b))")
            if any(not _inside(m.start(), skip) for m in word.finditer(text)):
                name = " ".join(tokens[:size])
                add_person(None, name, country, title, start, start + len(name), rank)
                break
    delegations = _delegations(text, found.mentions)
    opening = _body_start(text, skip)
    for name, title, start, rank in uncountried:
        if _inside(start, skip) and not (start < opening and len(name.split()) >= 2 and _NAME_END.match(text, start + len(name))
                                         and _said_again(text, _family_of(name), skip)):
            continue    # a heading's unplaced name counts only in the article's own headline lines, said again below
        family = fold(_family_of(name))
        country = next((p.country for p in people.values() if fold(p.family) == family), None) \
            or _delegation_at(delegations, start)
        if country is None and (not _other_office(title) or _military_office(title)):
            # A defense official's side (a minister's, a chief of staff's) can be told from the sentence's other side
            # or the dateline; a president's or a foreign minister's cannot.
            # The headline and lead's own side first: a country the sentence names may be what it talks about.
            body = _body_start(text, skip)
            country = _lead_side(text, found.mentions, people, start, body, whole=False) \
                or _other_side(text, found.mentions, people, start) or _home_title(index, home, title, text, people, start) \
                or _only_named_holder(index, title, rank, found.mentions, people) \
                or _lead_side(text, found.mentions, people, start, body)
        if country is not None:
            add_person(None, name, country, title, start, start + len(name), rank)
    named_countries = {m.code for m in found.mentions if m.kind in ("country", "demonym")}
    _family_mentions(text, index, people, raw_mentions, on, named_countries)
    _attendance_lists(text, index, found, raw_mentions, on, skip, delegations)
    # Keep the outermost mentions: a span inside a longer one ("Austin" in "Lloyd Austin") is dropped.
    last, reach = None, -1
    for start, end, key in sorted(raw_mentions, key=lambda r: (r[0], -r[1], r[2])):
        if (start, end) == last or end <= reach:
            continue
        last, reach = (start, end), end
        found.person_mentions.append(PersonMention(start, end, key))
    found.mentions.sort(key=lambda x: x.start)
    return found


def _composed_offices(text, index, found, starts, composed, titled_spans, raw_mentions, skip, uncountried,
                      add_person) -> None:
    """Officials named after an office composed of a head word and a defense body (``composed``: the article's
    ``COMPOSED_OFFICE`` matches whose words name one) that no listed title covers: placed by the government before
    the office ("Pakistan's head of ..."), or named inside it ("... of the Egyptian Armed Forces"), else left to the
    placement of unplaced defense officials."""
    taken = [*titled_spans, *((start, end) for start, end, _ in raw_mentions)]
    for m in composed:
        title_start, title_end = m.span("title")
        title = m.group("title")
        if " " not in title.strip() and "-" not in title:
            continue    # "Chief", "Head" alone name no office
        if _inside(title_start, skip) or any(a < title_end and title_start < b for a, b in taken):
            continue
        before = index.owner_pattern.search(text, max(0, title_start - 60), title_start)
        if before.group("former"):
            continue
        written = _NAME_AFTER_TITLE.match(text, title_end)
        name = _trim_name(written.group("name")) if written else ""
        if len(name.split()) < 2 or name.split()[0] in _NAME_STOP:
            # "General Guo Boxiong, vice chairman of ...", "General X, French Chief of Defense": the name before the
            # office (and its government), set off by a comma.
            written = _NAME_BEFORE_TITLE.search(text, max(0, before.start() - 60), before.start())
            name = _trim_name(written.group("name")) if written else ""
            if len(name.split()) < 2 or name.split()[0] in _NAME_STOP:
                continue
        start = written.start("name") + written.group("name").index(name)
        if start in starts or any(a <= start < b for a, b, _ in raw_mentions):
            continue
        # "Pakistan's Chief of Army Staff and Chief of Defense Forces": the government before the first office.
        joined = next((index.owner_pattern.search(text, max(0, start - 60), start).group("owner")
                       for start, end in titled_spans if _AND_TITLE.fullmatch(text, end, title_start)), None)
        owner_written = before.group("owner") or joined
        owner = index.country_of_surface(owner_written) if owner_written else None
        # "Mexico's Secretary of National Defense X and Secretary of the Navy Y": the official just named, with
        # "and" between, is of the same government.
        owner = owner or next((found.people[key].country for start, end, key in raw_mentions
                               if _AND_TITLE.fullmatch(text, end, title_start)), None)
        inner = [mention.code for at, mention in starts.items() if title_start <= at < title_end]
        country = owner or (inner[0] if len(set(inner)) == 1 else None)
        role = " ".join(w if w in ("of", "for", "the", "in") else w[:1].upper() + w[1:] for w in title.split())
        if country is None:
            uncountried.append((name, role, start, before.group("rank")))
            continue
        add_person(None, name, country, role, start, start + len(name), before.group("rank"))


_PAIRED_NAMES = re.compile(r"[ \t]+" + _ADDRESS + r"(?P<a>" + _NAME + r")[ \t]+and[ \t]+" + _ADDRESS + r"(?P<b>" + _NAME + r")")
_AND_BETWEEN = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")


def _paired_names(text: str, mentions: list[Mention], title_start: int, title_end: int) -> list[tuple[str, str, int]]:
    """The two names after a plural title with the two governments before it ("Bosnian and Greek Defence
    Ministers") or after it ("Defence Ministers of Bosnia and Greece"), paired in order; none when either is
    missing or the names are not two whole names."""
    sides = [m for m in mentions if m.kind in ("country", "demonym")]
    pair, names_from = None, title_end
    # The second government just before the title, or opening it ("Greek Defence Minister" is one government's
    # title).
    before = [m for m in sides if m.start == title_start] \
        or [m for m in sides if m.end <= title_start and not text[m.end:title_start].strip()]
    if before:
        first = [m for m in sides if m.end < before[-1].start
                 and _AND_BETWEEN.fullmatch(text, m.end, before[-1].start)]
        if first:
            pair = (first[-1].code, before[-1].code)
    of = _OF_COUNTRY.match(text, title_end)
    if pair is None and of:
        first = next((m for m in sides if m.start == of.end() and m.kind == "country"), None)
        joined = _AND_BETWEEN.match(text, first.end) if first else None
        second = next((m for m in sides if joined and m.start == joined.end() and m.kind == "country"), None)
        if second is not None:
            pair, names_from = (first.code, second.code), second.end
    names = _PAIRED_NAMES.match(text, names_from) if pair and pair[0] != pair[1] else None
    if names is None:
        return []
    found = []
    for group, country in zip("ab", pair):
        name = _trim_name(names.group(group))
        if len(name.split()) < 2 or name != names.group(group):
            return []
        found.append((name, country, names.start(group)))
    return found


# One item of a list after a plural office: "A B of Uganda", "and Tanzania's C D" (the government found at its place).
_ITEM_OPENING = re.compile(r"(?:,[ \t]*|[ \t]+)(?:and[ \t]+)?")
_NAME_BEFORE_OF = re.compile(_ADDRESS + r"(?P<name>" + _NAME + r")[ \t]+of[ \t]+(?:the[ \t]+)?")
_POSSESSIVE_NAME = re.compile(r"['’]s?[ \t]+" + _ADDRESS + r"(?P<name>" + _NAME + r")")


def _names_with_their_governments(text: str, mentions: list[Mention], title_end: int) -> list[tuple[str, str, int]]:
    """The names a plural office lists, each with its own government: "defence ministers A B of Uganda, C D of Kenya
    and Tanzania's E F"; none unless at least two governments are listed, each once."""
    countries = {m.start: m for m in mentions if m.kind == "country"}
    found, position = [], title_end
    while opening := _ITEM_OPENING.match(text, position):
        at = opening.end()
        named = _NAME_BEFORE_OF.match(text, at)
        government = countries.get(named.end()) if named else None
        if government is not None:
            name, start, position = _trim_name(named.group("name")), named.start("name"), government.end
        elif at in countries and (possessive := _POSSESSIVE_NAME.match(text, countries[at].end)):
            government = countries[at]
            name, start, position = _trim_name(possessive.group("name")), possessive.start("name"), possessive.end()
        else:
            break
        if len(name.split()) < 2:
            break
        found.append((name, government.code, start))
    if len(found) < 2 or len({country for _, country, _ in found}) < len(found):
        return []
    return found

# Who leads or makes up one government's party: "The Japanese delegation was led by ...", "the delegation of the
# Republic of Korea, headed by ... and including ...", "the Indian side is led by ...".
_DELEGATION = re.compile(r"\b(?:delegation|side|team)(?P<of>\s+of\s+(?:the\s+)?)?", re.I)
_OWNER_GAP = re.compile(r"(?:['’]s?)?[ \t]+")
_LED_BY = re.compile(r"[^.;]{0,12}?\b(?:(?:is|was|are|were|will\s+be)\s+)?(?:led|headed)\s+by\b")
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s")


def _delegations(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Spans where those named belong to one government's delegation: from "led by" after "<country> delegation"
    (or "delegation of <country>") to the end of its sentence or the next delegation named."""
    if "led by" not in text and "headed by" not in text:
        return []
    ends = {m.end: m for m in mentions if m.kind in ("country", "demonym")}
    starts = {m.start: m for m in mentions if m.kind == "country"}
    spans = []
    for cue in _DELEGATION.finditer(text):
        if cue.group("of"):
            owner = starts.get(cue.end())
            after = owner.end if owner else cue.end()
        else:
            owner = next((ends[e] for e in range(cue.start() - 4, cue.start()) if e in ends
                          and _OWNER_GAP.fullmatch(text, e, cue.start())), None)
            after = cue.end()
        if owner is None:
            continue
        led = _LED_BY.match(text, after)
        if led is None:
            continue
        end = _sentence_around(text, led.end())[1]
        contrast = _CONTRAST.search(text, led.end(), end)    # "..., while the Russian side (was led) by ..."
        spans.append((led.end(), contrast.start() if contrast else end, owner.code))
    # One delegation's span ends where the next one's begins.
    return [(s, min([e, *(s2 for s2, _, _ in spans if s < s2 < e)]), c) for s, e, c in spans]


def _delegation_at(delegations, position: int) -> str | None:
    return next((code for start, end, code in delegations if start <= position < end), None)


# Where a name in a headline plainly ends: the line's end, a list's separator or "and".
_NAME_END = re.compile(r"[ \t]*(?:$|\n|[;,]|and[ \t]|&)", re.M)


def _body_start(text: str, skip) -> int:
    """Where the first line that is not a heading, dateline or caption begins: the lines above it head the article
    (a related story's headline comes later)."""
    position = 0
    for a, b in sorted(skip):
        while position < len(text) and text[position].isspace():
            position += 1
        if a <= position < b:
            position = b
        elif a > position:
            break
    return position


# What closes an office set after a name ("A, Minister of Defence\n", "A, Defence Minister of X."): a line's end
# or punctuation, not running words.
_APPOSITION_CLOSED = re.compile(r"[ \t]*(?:$|[,.;:)\]]|[-–—|][ \t])", re.M)


def _said_again(text: str, family: str, skip) -> bool:
    """Whether the body (outside the headings) says ``family`` as a word."""
    return any(not _inside(m.start(), skip) for m in _as_word(family).finditer(text))


@lru_cache(maxsize=1024)
def _as_word(word: str) -> re.Pattern:
    """``word`` standing alone: not inside a longer word or a hyphenated name."""
    return re.compile(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])")


def _country_end(text: str, starts: dict[int, Mention], position: int) -> int:
    """Where "of Mexico" after ``position`` ends, else ``position``."""
    m = _OF_COUNTRY.match(text, position)
    mention = starts.get(m.end()) if m else None
    return mention.end if mention is not None and mention.kind == "country" else position


def _country_after(text: str, starts: dict[int, Mention], position: int) -> str | None:
    """The country of "... Minister of National Defence of Mexico" / "Pat Conroy of Australia", or of the national
    body the office belongs to: "Chairman of the Joint Chiefs of Staff of the Jordanian Armed Forces"."""
    m = _OF_COUNTRY.match(text, position)
    mention = starts.get(m.end()) if m else None
    if mention is None:
        return None
    if mention.kind == "country" or _BODY_AFTER.match(text, mention.end):
        return mention.code
    return None


# A national body named after its demonym: "the Egyptian Armed Forces", "the Italian Republic".
_BODY_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


# Where a sentence may end: a line break, or a full stop before a space ...
_SENTENCE_END = re.compile(r"\n|\.\s")
# ... unless the stop closes an initial, an abbreviated rank or form of address ("Col. Gen. Safar Abiyev") or an
# abbreviated month ("on Dec. 10").
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s.(])(?:[A-Z]|Gen|Col|Lt|Maj|Brig|Adm|Capt|Cdr|Sgt|Dr|Mr|Mrs|Ms|Prof|Hon|Jr|Sr|"
                                  r"Eng|Engr|Gov|Sen|Rep|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")


def _sentence_ends(text: str, start: int, end: int):
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "\n" or not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            yield m.start()


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, position) + 1
    start = max([*_sentence_ends(text, line_start, position), max(line_start - 1, 0)])
    end = next(_sentence_ends(text, position, len(text)), len(text))
    return start, end


def _staffed(text: str, people: dict[str, Person], start: int, end: int) -> set[str]:
    """The governments whose defense officials the span names, in full or by family name once introduced ("Austin
    met with ..."); a president does not speak for defense."""
    return {p.country for p in people.values() if not (p.role and _other_office(p.role))
            and (start <= p.span[0] < end or p.span[0] < start and _names_family(text, p.family, start, end))}


def _names_family(text: str, family: str, start: int, end: int) -> bool:
    return bool(family) and _as_word(family).search(text, start, end) is not None


def _other_side(text: str, mentions: list[Mention], people: dict[str, Person], position: int) -> str | None:
    """The one government its sentence names that has no named official ("talks between Peru and Chile")."""
    start, end = _sentence_around(text, position)
    named = {m.code for m in mentions if start <= m.start < end and m.kind in ("country", "demonym")
             and not _LOCATION_LEAD.search(text, max(0, m.start - 40), m.start)}
    staffed = _staffed(text, people, start, end)
    free = named - staffed
    return free.pop() if len(free) == 1 and staffed else None


_HEAD_LINES = 3


def _lead_side(text: str, mentions: list[Mention], people: dict[str, Person], position: int, body: int,
               whole: bool = True) -> str | None:
    """An unqualified official meeting a placed one of another government ("Defense Minister A met visiting
    Iranian Defense Minister B"): news leaves its own government's official unqualified, and that government is the
    one the headline and lead name that has no official placed anywhere in the article."""
    start, end = _sentence_around(text, position)
    if not _staffed(text, people, start, end) and not _COUNTERPARTS.search(text, position, end):
        return None    # no encounter with another government's official in his sentence
    lead_end, sentences = body, 0
    for stop in _sentence_ends(text, body, len(text)):
        fragment = text[lead_end:stop].strip(" \t\n.")
        if fragment and not (fragment[0] == "(" and fragment[-1] == ")"):    # a photo credit is no sentence
            sentences += 1
        lead_end = stop + 1
        if sentences == 2:
            break    # the lead: its first two sentences below the headline
    staffed = _staffed(text, people, 0, len(text))
    # The headline block: the last lines above the body (headline, dateline, byline). A web page's menus and
    # teasers above them ("U.S. Mirror", "Trending now ...") are no side.
    head = body
    for _ in range(_HEAD_LINES):
        head = text.rfind("\n", 0, max(0, len(text[:head].rstrip()))) + 1
        if head == 0:
            break
    for reach in (lead_end, len(text)) if whole else (lead_end,):
        # The lead first, then the whole article, where a country a talk was about ("the issue of X") is no side:
        # the one government named that no placed official stands for.
        named = Counter(m.code for m in mentions if head <= m.start < reach and m.kind in ("country", "demonym")
                        and not start <= m.start < end    # what its own sentence names is the other side's business
                        and not _LOCATION_LEAD.search(text, max(0, m.start - 40), m.start)
                        and (reach == lead_end or not _TOPIC_LEAD.search(text, max(0, m.start - 20), m.start))
                        and m.code not in staffed)
        if len(named) == 1:
            return next(iter(named))
        if named and reach == len(text):
            # Several, in the whole article: the one it names again and again ("the armed forces of Sri Lanka",
            # "between Maldives and Sri Lanka"), where each other is named once, in passing.
            [(first, times), (_, then)] = named.most_common(2)
            return first if times >= 2 and then == 1 else None
        if named:
            return None
    return None


def _only_named_holder(index: EntityIndex, title: str, rank: str | None, mentions: list[Mention],
                       people: dict[str, Person]) -> str | None:
    """The one government the article names (headline included) whose own defense office bears the title as
    written ("Vice Minister of National Defense" in a story naming Korea and Britain), when nobody else the article
    names holds that office of it (a government has one minister at a time; a deputy's rank allows more)."""
    if not re.search(r" (?:of|for) ", title.lower()):
        return None    # "Defense Minister", "Defence Secretary": news English writes them of any government
    named = {m.code for m in mentions if m.kind in ("country", "demonym")}
    holders = [c for c in index.office_titles.get(title.lower(), {}) if c in named
               and (title.lower() not in _GENERIC_FOLDED or index.office_titles[title.lower()][c].lower() == title.lower())]
    if len(holders) != 1:
        return None
    country = holders[0]
    office = index.canonical_title(title, country)
    if not (rank or "").strip() and any(p.country == country and p.role == office for p in people.values()):
        return None
    return country


def _home_title(index: EntityIndex, home: str | None, title: str, text: str, people: dict[str, Person],
                position: int) -> str | None:
    """The dateline's government, when its defense office bears the title (or the KB knows no office of it)
    and its sentence names no other official of that government (then this one is the visitor)."""
    if home is None or title.lower() == "counterpart" or home in _staffed(text, people, *_sentence_around(text, position)):
        return None
    if home in index.office_titles.get(title.lower(), {}):
        return home
    return home if home not in index.offices_by_country and "minister" in title.lower() else None


def _family_mentions(text, index, people, raw_mentions, on, named_countries=frozenset()) -> None:
    """Later mentions by family name ("Austin", "Minister Lee") of people already named."""
    families: dict[str, str] = {}
    for person in people.values():
        families.setdefault(person.family, person.key)
        tokens = person.name.split()
        family = fold(person.family)
        for token in tokens:
            if fold(token) == family:
                # The article's own spelling: "Szmajdzinski" for the KB's "Szmajdziński".
                families.setdefault(token, person.key)
        if len(tokens) >= 3 and tokens[0] == person.family:
            # Vietnamese news calls "Phan Van Giang" by his given name: "Giang said".
            families.setdefault(tokens[-1], person.key)
        elif person.country in _GIVEN_NAME_COUNTRIES and len(tokens) >= 2:
            # Thai news calls "Prawit Wongsuwan" Prawit.
            families.setdefault(tokens[0], person.key)
        elif person.official is None and len(tokens) == 2 and _family_first(text, *tokens):
            # A name the KB lacks, family name first ("Dong Jun", later "Admiral Dong").
            families.setdefault(tokens[0], person.key)
    for m in SHORT_TITLES.finditer(text):
        family = m.group("name")
        goes_on = _NAME_GOES_ON.match(text, m.end())
        if family in families or family in _NAME_STOP or goes_on and goes_on.group("next") not in _NAME_STOP:
            continue    # "General Mark Milley": a given name, not a family name said alone
        # A name said alone never reaches across to an official of a government the article does not name.
        official = pick_official([o for o in index.officials_by_family.get(fold(family), [])
                                  if o.country in named_countries], None, on)
        if official is not None:
            key = official.name
            people.setdefault(key, Person(key, official.name, official.family_name, official.country,
                                          role_on(official, on), official, m.span("name")))
            families[family] = key
    if not families:
        return
    for start, end, family in _whole_names(text, families):
        key = families[family]
        given = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if given and given.group(1) not in index.title_words and given.group(1).lower().rstrip(".") not in _HONORIFICS \
                and fold(given.group(1)) not in _person_tokens(people[key]):
            continue    # "Admiral Karambir Singh" is not Rajnath Singh
        raw_mentions.append((start, end, key))


def _family_first(text: str, first: str, last: str) -> bool:
    """Whether the article says a two-word name's first word alone and never its last ("Dong Jun ... Dong said"):
    the family name comes first, as in Chinese names."""
    def alone(word: str, other: str) -> bool:
        pattern = re.compile(r"(?<![\w’'-])(?<!" + re.escape(other) + r" )" + re.escape(word) + r"(?![\w-])(?! " + re.escape(other) + r")")
        return pattern.search(text) is not None
    return alone(first, last) and not alone(last, first)


# A list of those who attended a meeting, after its cue ("The meeting was attended by A, B and C") or before it
# ("A, B and other officials were also present in the meeting").
_ATTENDED = re.compile(r"\b(?:(?:was|were)\s+(?:also\s+)?attended\s+by|also\s+present\s+(?:for\s+[A-Z][\w ]{1,30}?\s+)?"
                       r"(?:were|was)|taking\s+part\s+in\s+the\s+(?:meeting|talks)\s+(?:were|was)|accompanied\s+by)\s"
                       r"|\b(?P<after>(?:were|was)\s+(?:also\s+)?present)\b", re.I)
_ADDRESSED_NAME = re.compile(r"(?<![\w.])" + _ADDRESS.replace(")*", ")+", 1) + r"(?P<name>" + _NAME + ")")
_WHOLE_NAME = re.compile(r"(?:the[ \t]+)?(?P<name>" + _NAME + r")\.?$")
_LIST_SPLIT = re.compile(r";|,|\band\s+(?=[A-Z])")
_ATTENDED_WORDS = ("attended", "present", "taking", "accompanied")    # one of which every _ATTENDED cue says


def _attendance_lists(text, index, found, raw_mentions, on, skip, delegations=()) -> None:
    """Those a list of attendees names: a name after a rank or form of address ("Lt. General A", "Dr. B"), or an
    item that is a name alone ("C, Chairman of ..."). Their government is the one every placed person of the
    list shares, else the one nationality the list names ("Saudi Ambassador", "Saudi Embassy")."""
    people = found.people
    folded = case_folded(text)
    if folded is not None and not any(map(folded.__contains__, _ATTENDED_WORDS)):
        return    # a substring test is much cheaper than the case-insensitive scan of the whole article
    for cue in _ATTENDED.finditer(text):
        sentence_start, sentence_end = _sentence_around(text, cue.start())
        start, end = (sentence_start + 1, cue.start()) if cue.group("after") else (cue.end(), sentence_end)
        if _inside(start, skip):
            continue
        names: list[tuple[int, str, str | None]] = []
        position = start
        items = _LIST_SPLIT.split(text[start:end])
        for number, item in enumerate(items):
            offset = text.index(item, position) if item else position
            position = offset + len(item)
            item = _OTHERS_AFTER.sub("", item)     # "A and other officials"
            addressed = _ADDRESSED_NAME.search(item)
            whole = None if addressed else _WHOLE_NAME.match(item.strip())
            if whole and index.country_of_surface(whole.group("name").split()[0]):
                whole = None    # "Saudi Ambassador A B": a nationality opens an office, not a name
            after_office = None if addressed or whole else _after_office(index, item)
            m = addressed or whole or after_office
            name = _TRAILING_INITIAL.sub("", _trim_name(_after_office_name(index, m.group("name")) if after_office
                                                        else m.group("name"))) if m else ""
            if len(name.split()) < 2 or index.title_pattern.search(" " + ascii_lower(name)) \
                    or whole and name != m.group("name").strip():
                continue    # an office ("Deputy Prime Minister"), not a name
            # The office as the list gives it: before the name ("Assistant Minister of X Dr. A", "Secretary
            # (Defence Production) B") or as the next item ("A, Chairman of Y").
            office = item[:addressed.start()] if addressed else item[:item.rindex(name)] if after_office else ""
            if not office.strip(" ,;") and number + 1 < len(items) and not _ADDRESSED_NAME.search(items[number + 1]) \
                    and not _after_office(index, _OTHERS_AFTER.sub("", items[number + 1])):
                office = items[number + 1]
            names.append((offset + item.index(name), name, _listed_office(index, office)))
        if not names:
            continue
        keys = {key for s, e, key in raw_mentions if start <= s < end}
        countries = {people[key].country for key in keys if people[key].country}
        if len(countries) != 1:
            countries = {m.code for m in found.mentions if m.kind == "demonym" and start <= m.start < end}
        if len(countries) != 1 and _delegation_at(delegations, start):
            countries = {_delegation_at(delegations, start)}
        listed = set(keys)
        for at, name, office in names:
            official = index.find_official(name, None, on)
            known = next((k for k in keys if fold(people[k].name) == fold(name)), None)
            if known is not None or official is not None and official.name in people:
                listed.add(known or official.name)
                continue
            if official is None and (len(countries) != 1 or _INSTITUTION_END.search(name)):
                continue    # ("Army, Navy, Air Force and Coast Guard": bodies listed, not people)
            country = official.country if official else next(iter(countries))
            key = official.name if official else f"{country}:{fold(name)}"
            people.setdefault(key, Person(key, name, official.family_name if official else _family_of(name),
                                          country, role_on(official, on) if official else office, official,
                                          (at, at + len(name))))
            listed.add(key)
        found.attendance.append((cue.start(), cue.end(), sorted(listed)))


# The name that ends an attendee's item after his office ("Secretary (Defence Production) A B").
_NAME_ENDING = re.compile(r"(?P<name>" + _NAME_TOKEN + r"(?:[ \t]+(?:" + _NAME_PARTICLE + r"){0,2}" + _NAME_TOKEN
                          + r"){1,5})\.?[ \t]*$")
_OTHERS_AFTER = re.compile(r"\s+and\s+(?:other|several|many|senior|some|a\s+number\s+of)\b.*$", re.S)


def _after_office(index, item: str) -> re.Match | None:
    """An attendee's item written as an office and then the name, without a rank or form of address: the office
    bears a title's word, an office's head noun or a bracketed department ("Additional Secretary (Defence) of the
    Ministry of X A B", "Japanese Ambassador C D")."""
    m = _NAME_ENDING.search(item)
    if m is None:
        return None
    name = _after_office_name(index, m.group("name"))
    if not name:
        return None
    office = item[:m.start("name") + m.group("name").rindex(name)]
    if name == m.group("name") and re.search(r"\b[a-z]+\s*$", office):
        return None    # "Minister of the Presidential Court": what an office is of, not a name
    if ")" not in office and not any(w in index.title_words or w in _OFFICE_HEADS
                                     for w in re.findall(r"[A-Z]\w+", office)):
        return None
    tokens = name.split()
    # Words of the name proper: a father's name after "bin" belongs to the one before it.
    proper = [t for n, t in enumerate(tokens) if t[:1].isupper() and (n == 0 or tokens[n - 1] not in _PARTICLES)]
    if len(proper) > 2 and not office.rstrip().endswith(")"):
        return None    # "... of Defense Policy A B": where the office ends is not told
    return m


# Head nouns of offices that are no defense title: "Ambassador A B", "Military Attaché C D".
_OFFICE_HEADS = frozenset("Ambassador Attaché Attache Adviser Advisor Director Commander Chief Head Chairman Envoy "
                          "Governor Spokesman Spokesperson Undersecretary Secretary-General".split())


def _after_office_name(index, name: str) -> str:
    """The name without the office's words that the name pattern took in ("Defence A B", "Japanese Ambassador C D")."""
    tokens = name.split()
    while tokens and (tokens[0] in _NAME_STOP or tokens[0] in index.title_words or tokens[0] in _OFFICE_HEADS
                      or index.country_of_surface(tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


_OFFICE_WORDS = re.compile(r"(?<![\w’'.-])(?:the\s+|and\s+)*(?P<office>[A-Z][\w’'éè.-]*(?:\s+[\w’'éè().-]+){0,11})\s*$")


def _listed_office(index, written: str) -> str | None:
    """An office as a list of attendees writes it, without a leading nationality ("Saudi Ambassador to the U.S")."""
    m = _OFFICE_WORDS.search(written.strip())
    if m is None:
        return None
    words = m.group("office").split()
    if len(words) > 1 and index.country_of_surface(words[0]):
        words = words[1:]
    office = " ".join(words).rstrip(".")
    return office if office[:1].isupper() and not index.country_of_surface(office) else None


_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([" + _CAPITAL + r"][\w’'-]*)[ \t]+$")


def _person_tokens(person: Person) -> frozenset[str]:
    tokens = {fold(t) for t in person.name.replace("-", " ").split()} | {fold(t) for t in person.name.split()}
    return frozenset(tokens | (_name_tokens(person.official) if person.official else set()))


# A whole word where a name may start: letters and digits, apostrophes and hyphens inside ("O’Brien", "Al-Bowardi").
_WORD_AT = re.compile(r"(?<![\w’'-])\w[\w’'-]*")


def _whole_names(text: str, names) -> Iterator[tuple[int, int, str]]:
    """Where each of ``names`` stands in ``text`` as whole words (not "Austin's" or "Austin-class"), left to right,
    the longest name first where two start at one word. The names' first words are looked up with str.find: each
    article names other people, and compiling a pattern of their names cost more than reading the article."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name.split(None, 1)[0], []).append(name)
    # A few names: finding each first word is much cheaper than reading every word of the text.
    starts = []
    for first in by_first:
        position = text.find(first)
        while position >= 0:
            word = _WORD_AT.match(text, position)
            if word is not None and word.end() - position == len(first):
                starts.append((position, first))
            position = text.find(first, position + 1)
    starts.sort()
    covered = 0
    for start, first in starts:
        if start < covered:
            continue
        for name in by_first[first]:
            end = start + len(name)
            if text.startswith(name, start) and not (end < len(text) and _NAME_CHAR.match(text, end)):
                covered = end
                yield start, end, name
                break


_NAME_CHAR = re.compile(r"[\w’'-]")


# Honorifics that are whole words, never a given name's spelling.
_HONORIFIC_WORDS = frozenset("shri sri smt mr mrs ms dr general admiral prince princess sheikh shaikh hon datuk dato "
                             "tun hrh king sir dame".split())
# Short month names that are given names too ("Dong Jun"): a stop only when a day or year follows ("Jun 5").
_MONTH_OR_NAME = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_NUMBER_AFTER = re.compile(r"\.?[ \t]+\d")


def _trim_name(name: str, date_follows: bool = False) -> str:
    tokens = name.split()
    whole = len(tokens)
    while tokens and tokens[0].lower().rstrip(".") in _HONORIFICS and (
            tokens[0].endswith(".") or len(tokens) > 2 or len(tokens) < whole or tokens[0].lower() in _HONORIFIC_WORDS):
        tokens.pop(0)    # "Gen Nakatani": a rank's short form without its stop before one word is a given name
    kept = []
    for token in tokens:
        if token.strip(",") in _NAME_STOP and (date_follows or token.strip(",") not in _MONTH_OR_NAME or not kept):
            break
        kept.append(token)
    while kept and kept[-1] in _POST_NOMINALS:
        kept.pop()
    return " ".join(kept).rstrip(",")


@lru_cache(maxsize=4096)
def _name_tokens(official: OfficialRecord) -> frozenset[str]:
    names = (official.name, *official.aliases)
    return frozenset(fold(t) for full in names for t in (*full.replace("-", " ").split(), *full.split()))


def _known_part(written: str, official: OfficialRecord, heading: bool = True) -> str:
    """The written name without trailing words that are not part of it: a headline's run-on ("Jim Mattis Confers"),
    a wire's day after the name ("Lloyd Austin Monday"), post-nominal letters ("Jane Citizen CSC"). A body's further
    capitalised word is the name's own, as the article writes it (GUIDE): "Bismillah Khan Muhammadi" for the KB's
    "Bismillah Khan"."""
    known = _name_tokens(official)
    tokens = written.split()
    while len(tokens) > 1 and fold(tokens[-1]) not in known and tokens[-1].lower().rstrip(".") not in _SUFFIXES \
            and (heading or _DAY_WORD.fullmatch(tokens[-1]) or tokens[-1].isupper()):
        tokens.pop()
    return " ".join(tokens)


# "Monday", "May", "today": a day or month a wire writes right after a name.
_DAY_WORD = re.compile(r"(?i:today|yesterday|tonight|" + "|".join((*WEEKDAYS, *calendar.month_name[1:])) + ")")


def _family_of(name: str) -> str:
    tokens = [t for t in name.split() if t.lower().rstrip(".") not in _SUFFIXES and not _INITIAL.fullmatch(t)]
    if not tokens:
        return name
    # Korean and Chinese names put the family name first and hyphenate the given name.
    if len(tokens) == 2 and "-" in tokens[1]:
        return tokens[0]
    return tokens[-1]


def _inside(position: int, spans) -> bool:
    return any(a <= position < b for a, b in spans)
