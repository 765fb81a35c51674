"""The shape of a name: its lookup key (``fold``), its words, where it ends, which of them is the family name,
whether two spellings share a given name, and where names stand in a text as whole words."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from meetings.text import unaccent

from ..dates import WEEKDAYS
from ..knowledge import OfficialRecord
from .vocabulary import _HONORIFICS, _INITIAL, _NAME_STOP, _POST_NOMINALS, _SUFFIXES

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, without hyphens, spaces, dots or apostrophes: a name's lookup key."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text.lower())
    return "".join(c for c in unaccent(text).lower() if c.isalnum())


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


@lru_cache(maxsize=1024)
def _as_word(word: str) -> re.Pattern:
    """``word`` standing alone: not inside a longer word or a hyphenated name."""
    return re.compile(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])")


def _family_first(text: str, first: str, last: str) -> bool:
    """Whether the article says a two-word name's first word alone and never its last ("Dong Jun ... Dong said"):
    the family name comes first, as in Chinese names."""
    def alone(word: str, other: str) -> bool:
        pattern = re.compile(r"(?<![\w’'-])(?<!" + re.escape(other) + r" )" + re.escape(word) + r"(?![\w-])(?! " + re.escape(other) + r")")
        return pattern.search(text) is not None
    return alone(first, last) and not alone(last, first)


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
