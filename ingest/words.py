"""Content words: what two wordings of one claim share, for spotting duplicates."""
import re
import unicodedata

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("""a an the and or of to in on at for with by from as that this these those is are was
were be been it its their they them he she his her we our will would should can could also both all not no
said says according statement""".split())


def content_words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text).lower().replace("\u2019", "'")
    return {w for w in WORD.findall(text) if w not in STOPWORDS and len(w) > 1}
