"""Sentence splitting that knows news abbreviations ("U.S.", "Oct.", "Gen.") and quotes.

A regex finds candidate boundaries; the word before the full stop decides whether it
really ends a sentence. Quotation marks are kept with the sentence they close, so
``“... region,” White said.`` stays whole and a quote's own sentences split.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig rep sen gov pres amb
st jr sr no nos vs etc inc corp co ltd dept est approx fig vol ave rev hon gens
""".split())

# Abbreviations that often end a sentence too ("... Gilberto Teodoro Jr. The two ...").
CLOSING_ABBREVIATIONS = frozenset("jr sr inc co ltd etc".split())

# Words that start a new sentence even after "U.S." or "U.N.".
SENTENCE_STARTERS = frozenset("""
The This That These Those We They He She It I In On At But And However A An Both Its Their His Her
Our After Before During While When As If Meanwhile Also There Earlier Later
""".split())

# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a plain character class lets the engine skip ahead to it.
# The second branch: paragraphs a page glued together ("...the region.Adolf Mwesige said"): a stop between a
# lower-case word and a capitalised one, with no space.
# Both branches open with the stop (the glued one looks behind it for its two letters): the engine can only skip
# ahead when every branch opens with the same character class.
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|[.!?](?<=[a-z][a-z][.!?])[\"”’]?(?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_FOLLOWING_WORD = re.compile(r"\s+[\"“‘(]?([A-Za-z]+)")
# "21. November 2024": a day, its full stop, its month.
_DAY_BEFORE = re.compile(r"(?<![\d.])\b(?:[12]?\d|3[01])\.$")
_MONTH_AFTER = re.compile(r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)\b")
# "MIN. PURNOMO (through interpreter):", "SEC. GATES:": the abbreviated title of a transcript's speaker label.
_LABEL_REST = re.compile(r"\s+[A-Z][A-Z'’-]+(?:\s+\([^)]{1,40}\))?:\s")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    kind: str          # "body", "heading", "caption", "dateline"
    block: int         # index of the line/paragraph it belongs to


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:end], stripped of outer spaces."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        if _is_boundary(text, begin, m.start(), stop):
            spans.append((begin, stop))
            begin = stop
    spans.append((begin, end))
    stripped = []
    for a, b in spans:
        # Outer spaces off by str.strip (its whitespace is str.isspace's), not by a loop over the characters.
        words = text[a:b].lstrip()
        a += b - a - len(words)
        words = words.rstrip()
        if words:
            stripped.append((a, a + len(words)))
    return stripped


def _is_boundary(text: str, begin: int, dot: int, stop: int) -> bool:
    if text[dot] != ".":
        return True
    if text[dot:dot + 2] == "..":
        return True
    m = _WORD_BEFORE.search(text, max(begin, dot - 20), dot + 1)
    if not m:
        # "21. November 2024": a day written the Nordic and German way, not a sentence's end.
        return not (_DAY_BEFORE.search(text, max(begin, dot - 3), dot + 1) and _MONTH_AFTER.match(text, stop))
    word = m.group(1)
    if stop < len(text) and not text[stop].isspace():
        return "." not in word and word[-2:].islower() and word.lower() not in ABBREVIATIONS
    if word.isupper() and text[begin:dot].strip() == word and _LABEL_REST.match(text, stop):
        return False
    if "." in word or (len(word) == 1 and word.isupper()):
        # "U.S.", "U.N." or an initial: a boundary only before a typical sentence opener.
        if len(word) == 1 and text[max(0, m.start() - 1)] == " " and word.isupper():
            return False
        follow = _FOLLOWING_WORD.match(text, stop, stop + 30)
        return bool(follow and follow.group(1) in SENTENCE_STARTERS)
    if word.lower() in CLOSING_ABBREVIATIONS:
        follow = _FOLLOWING_WORD.match(text, stop, stop + 30)
        return bool(follow and follow.group(1) in SENTENCE_STARTERS)
    return word.lower() not in ABBREVIATIONS
