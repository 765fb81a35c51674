"""Which city and country a wire dateline names ("VIENTIANE, Laos —", "TOKYO, Nov. 12, 2019 (Kyodo) --")."""
from __future__ import annotations

import re

from .index import EntityIndex

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
