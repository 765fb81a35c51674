"""Plain-text helpers the store and the extractor share (no Django here, so the extractor stays pure).

``content_words`` and ``same_text`` tell two wordings of one claim apart from two claims; ``unaccent`` writes a name as people type
it without accents. ``ingest`` imports them from here because ``meetings`` never imports ``ingest``.
"""
import re
import unicodedata

WORD = re.compile(r"[a-z0-9]{2,}")     # a single letter or digit is never a content word
STOPWORDS = frozenset("""a an the and or of to in on at for with by from as that this these those is are was
were be been it its their they them he she his her we our will would should can could also both all not no
said says according statement""".split())
# Letters that Unicode does not decompose into a base letter and an accent.
LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                         "ħ": "h", "Ħ": "H", "ı": "i", "ŀ": "l", "Ŀ": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
                         "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"})


def content_words(text: str) -> set[str]:
    """What two wordings of one statement or commitment share: lower-case words of two letters or more, less the
    words every sentence has."""
    return set(WORD.findall(unicodedata.normalize("NFKD", text).lower())).difference(STOPWORDS)


def unaccent(text: str) -> str:
    """``text`` without accents: "Błaszczak" -> "Blaszczak", "Ségolène" -> "Segolene"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def normalized(text: str) -> str:
    """``text`` in lower case with its whitespace collapsed: the same words, however spaced or capitalized."""
    return " ".join(text.lower().split())


# Two wordings of one claim share at least half of the shorter's content words and 0.4 of the longer's: chosen on
# the shared real gold (eval/same_text_threshold.py; README, "One fact, many reports").
SAME_TEXT = 0.5
SAME_TEXT_FLOOR = 0.4


def same_text(a: str, b: str, threshold: float | None = None, floor: float | None = None) -> bool:
    """Two wordings of one statement or commitment, as different outlets report it."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return normalized(a) == normalized(b)
    threshold = SAME_TEXT if threshold is None else threshold
    floor = SAME_TEXT_FLOOR if floor is None else floor
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) >= threshold and shared / max(len(wa), len(wb)) >= floor
