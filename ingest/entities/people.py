"""The people, countries, groups and places one article names: ``find_entities``, the scan that builds
``DocumentEntities``.

People the KB does not know are found by a defense title in front of a capitalized name ("Defence Minister Kim
Yong-hyun"); later short mentions ("Minister Lee", "Austin") are found with a small per-document pattern of the family
names already introduced. Titles of other offices that take part in defense meetings (foreign ministers, presidents,
chiefs of staff, deputy ministers) introduce people too, with the office as written; their government is never
guessed. Names in the article's own headline lines count when their government is stated.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from datetime import date

from ..dates import ascii_lower
from ..knowledge import OfficialRecord
from .attendance import _attendance_lists
from .governments import (
    _country_after, _country_end, _delegation_at, _delegations, _home_title, _lead_side, _names_with_their_governments,
    _only_named_holder, _other_side, _paired_names,
)
from .index import DocumentEntities, EntityIndex, Mention, Person, PersonMention, _inside, leftmost_matches
from .names import (
    _NUMBER_AFTER, _as_word, _family_first, _family_of, _known_part, _name_tokens, _other_given_name, _same_given_name,
    _trim_name, _whole_names, fold,
)
from .offices import _leader_by_one_word, _military_office, _other_office, _titled_role, pick_official, role_on
from .vocabulary import (
    _ABBREVIATION, _AND_TITLE, _CAPITAL, _DEFENSE_BODY, _HONORIFICS, _INITIAL, _INSTITUTION_END, _NAME_AFTER_TITLE,
    _NAME_BEFORE_TITLE, _NAME_GOES_ON, _NAME_STOP, _OF_COUNTRY, _PARTICLES, _PATRONYMIC_BEFORE, _TRAILING_INITIAL,
    COMPOSED_OFFICE, SHORT_TITLES,
)

# "South China Sea", "Korean Peninsula", "Taiwan Strait": a region named after a country, not its government
# (however capitalized: "the Korean peninsula").
_CAPITALS_LABEL = re.compile(r"^(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z.'’-]*){1,3})[ \t]*:", re.M)
# Particles a family name may open with and an article may leave off ("de Grave", "van Dam").
_FAMILY_PARTICLES = frozenset("de van von der den di da du dos das del".split())
# A name written with its own office before it ("Ambassador Mishra, the Minister of Defense, Mr. Fernandez"): the
# office after it is the next name's.
_OWN_OFFICE = re.compile(r"(?:Ambassador|Minister|Secretary|President|Prime\s+Minister|Foreign\s+Minister|General|"
                         r"Admiral|Chancellor|Senator|Governor|Mayor)\s")
_GEOGRAPHIC_FEATURE = re.compile(r"\s+(?:[Ss]eas?|[Ss]traits?|[Pp]eninsula|[Gg]ulf|[Oo]cean|[Ss]ea\s+[Ll]anes?)\b")
# "Kuwait News Agency", "Saudi Press Agency": a news agency named after its country, not that government.
_AGENCY_NAME = re.compile(r"\s+(?:News|Press)\s+Agency\b|[-‐]Presse\b|"    # "Agence France-Presse"
                          # an outlet named after its country ("Pakistan Point News", "Korea Times", "China Daily")
                          r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:News|Times|Daily|Post|Herald|Tribune|Gazette|Observer)\b"
                          r"(?![ \t]+(?:Agency|Minister|Ministry)\b)")


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
                if not _PATRONYMIC_BEFORE.search(text, max(0, start - 6), start) \
                        and not _reversed_inside_longer_name(text, surface, payload, end):
                    add_person(payload, surface, payload.country, None, start, end)
            elif kind == "place" or not (_GEOGRAPHIC_FEATURE.match(text, end) or _AGENCY_NAME.match(text, end)):
                found.mentions.append(Mention(start, end, kind, payload, surface))

    for m in _CAPITALS_LABEL.finditer(text):
        # "STEPHEN SMITH:" opening a transcript's paragraph: a known official's whole name, written in capitals.
        official = pick_official(index.officials_by_key.get(fold(m.group("name").title()), []), None, on)
        if official is not None:
            add_person(official, official.name, official.country, None, *m.span("name"))

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
            listed = _paired_names(text, found.mentions, title_start, reach) \
                or _names_with_their_governments(text, found.mentions, reach)
            if len({country for _, country, _ in listed}) < len(listed):
                title = None    # "their Chilean counterparts A and B, respectively": whose office is whose, unsaid
            for name, country, start in listed:
                official = index.find_official(name, country, on)
                if official is None and (title is None or not _other_office(title)):
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
            mention = _country_after_of(text, starts, title_end)
            if mention is not None:
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
        if name and written.group().startswith(",") and earlier and len(_trim_name(earlier.group("name")).split()) >= 2 \
                and not _OWN_OFFICE.match(earlier.group("name")):
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
        if official is None and on is not None and not before.group("rank") and not _other_office(title):
            # A defense title over a known official's family name spelled one letter otherwise ("the Minister of
            # Defense, Mr. Fernandez"): that official, where only one in office that day is so near.
            official = index.find_official_spelled_otherwise(_family_of(name), country, on)
            country = official.country if official is not None else country
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
        # "Chief of the X People's Defence Forces (XPDF), Gen Y": the office's abbreviation before the name.
        abbreviation = _ABBREVIATION.match(text, title_end)
        written = _NAME_AFTER_TITLE.match(text, abbreviation.end() if abbreviation else title_end)
        of_country = None
        if written is None:
            # "Chief of the General Staff of the Armed Forces of the Kyrgyz Republic Major General X": the government
            # after the office, then the name.
            mention = _country_after_of(text, starts, title_end)
            if mention is not None:
                written = _NAME_AFTER_TITLE.match(text, mention.end)
                of_country = mention.code if written else None
        name = _trim_name(written.group("name")) if written else ""
        if len(name.split()) < 2 or name.split()[0] in _NAME_STOP:
            of_country = None
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
        country = owner or of_country or (inner[0] if len(set(inner)) == 1 else None)
        role = " ".join(w if w in ("of", "for", "the", "in") else w[:1].upper() + w[1:] for w in title.split())
        if country is None:
            uncountried.append((name, role, start, before.group("rank")))
            continue
        add_person(None, name, country, role, start, start + len(name), before.group("rank"))


# Where a name in a headline plainly ends: the line's end, a list's separator or "and".
_NAME_END = re.compile(r"[ \t]*(?:$|\n|[;,]|and[ \t]|&)", re.M)


def _country_after_of(text: str, starts: dict, position: int) -> Mention | None:
    """The country an office is "of" or "from", right after ``position``: "Minister of Latvia", "the Minister of
    Defense of the Netherlands" (where the KB's name of the country starts at its article)."""
    of = _OF_COUNTRY.match(text, position)
    if of is None:
        return None
    mention = starts.get(of.end()) or (starts.get(of.end() - 4) if text.endswith("the ", 0, of.end()) else None)
    return mention if mention is not None and mention.kind == "country" else None


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


_GIVEN_NAME_COUNTRIES = frozenset(("TH",))


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
        particle = person.family.split()
        if len(particle) == 2 and particle[0].lower() in _FAMILY_PARTICLES:
            # "Frank de Grave ... Grave said": a family name led by a particle, said without it.
            families.setdefault(particle[1], person.key)
        if len(tokens) >= 3 and tokens[0] == person.family:
            # Vietnamese news calls "Phan Van Giang" by his given name: "Giang said".
            families.setdefault(tokens[-1], person.key)
        elif person.country in _GIVEN_NAME_COUNTRIES and len(tokens) >= 2:
            # Thai news calls "Prawit Wongsuwan" Prawit.
            families.setdefault(tokens[0], person.key)
        elif person.official is None and len(tokens) == 2 and _family_first(text, *tokens):
            # A name the KB lacks, family name first ("Dong Jun", later "Admiral Dong").
            families.setdefault(tokens[0], person.key)
    middle: set[str] = set()
    shared = Counter(token for person in people.values() for token in set(person.name.split()))
    for person in people.values():
        tokens = person.name.split()
        if len(tokens) == 2 and not _PARTICLES & {t.lower() for t in tokens}:
            # A two-word name the article later shortens to its other word, whichever word the KB takes for the
            # family name: "Tea Seiha ... Seiha said", "Sjafrie Sjamsoeddin ... the meeting with Sjafrie".
            for token in tokens:
                if len(token) >= 4 and token[0].isupper() and token.isalpha() and token not in _NAME_STOP \
                        and token not in families and shared[token] == 1 and token not in index.title_words \
                        and index.country_of_surface(token) is None and _said_alone(text, token, tokens):
                    families[token] = person.key
                    middle.add(token)
    for person in people.values():
        tokens = person.name.split()
        if person.official is None and len(tokens) >= 3 and not _PARTICLES & {t.lower() for t in tokens}:
            # A name the KB lacks, called later by a middle word standing alone: "Admiral M Shaheen Iqbal ... Shaheen
            # said", "General Salvador Cienfuegos Zepeda ... Cienfuegos" (a paternal surname); no one else's name.
            for token in tokens[1:-1]:
                if len(token) >= 3 and token[0].isupper() and token.isalpha() and token not in _NAME_STOP \
                        and token not in families:
                    families[token] = person.key
                    middle.add(token)
    # A family name said alone after a short title ("Minister Lee"), or as the subject of speech ("Laanet said via a
    # ministry press release, after a video meeting with his Finnish counterpart").
    titled = (m for m in SHORT_TITLES.finditer(text) if not (
        (goes_on := _NAME_GOES_ON.match(text, m.end())) and goes_on.group("next") not in _NAME_STOP))
    speaking = (m for m in _SAID_BY_FAMILY.finditer(text)
                if not _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()))
    for m in chain(titled, speaking):    # ("General Mark Milley", "Kalle Laanet said": a given name before)
        family = m.group("name")
        if family in families or family in _NAME_STOP:
            continue
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
                and not given.group(1).endswith(("’s", "'s")) and fold(given.group(1)) not in _person_tokens(people[key]):
            continue    # "Admiral Karambir Singh" is not Rajnath Singh; "Poland’s Błaszczak" is Błaszczak
        if family in middle and _NAME_GOES_ON.match(text, end):
            continue    # "Mohammed bin Ahmed Al Bowardi": a middle word said inside another name is not this person
        raw_mentions.append((start, end, key))


_SAID_BY_FAMILY = re.compile(r"(?<![\w’'.-])(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)"
                             r"(?=,?\s+(?:said|says|told|added|stressed|noted|went\s+on)\b|,\s+who\s)")


def _said_alone(text: str, token: str, name: list[str]) -> bool:
    """Whether the text says one word of a two-word name on its own somewhere ("Seiha, who", "with Sjafrie."),
    neither beside the other word nor run into more capitalized words (a tag line's "Rustem UmierovRamstein")."""
    other = name[1] if token == name[0] else name[0]
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(token)}(?![\w’'-])", text):
        before = text[max(0, m.start() - len(other) - 1):m.start()].strip()
        after = text[m.end():m.end() + 2]
        if before != other and not re.match(r"\s*[A-Z]", after):
            return True
    return False


_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([" + _CAPITAL + r"][\w’'-]*)[ \t]+$")


def _person_tokens(person: Person) -> frozenset[str]:
    tokens = {fold(t) for t in person.name.replace("-", " ").split()} | {fold(t) for t in person.name.split()}
    return frozenset(tokens | (_name_tokens(person.official) if person.official else set()))


def _reversed_inside_longer_name(text: str, surface: str, official, end: int) -> bool:
    """ "Admiral Vidal Francisco Soberón Sanz" is not Chile's Francisco Vidal: a known name written family name first,
    with more name words after it, is the opening of someone else's longer name."""
    words = surface.split()
    if len(words) < 2 or words[0] != official.family_name or surface == official.name:
        return False
    goes_on = _NAME_GOES_ON.match(text, end)
    return bool(goes_on and goes_on.group("next") and goes_on.group("next") not in _NAME_STOP)
