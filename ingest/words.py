"""Content words: what two wordings of one claim share, for spotting duplicates."""
import re
import unicodedata

WORD = re.compile(r"[a-z0-9]{2,}")     # a single letter or digit is never a content word
STOPWORDS = frozenset("""a an the and or of to in on at for with by from as that this these those is are was
were be been it its their they them he she his her we our will would should can could also both all not no
said says according statement""".split())


def content_words(text: str) -> set[str]:
    return set(WORD.findall(unicodedata.normalize("NFKD", text).lower())).difference(STOPWORDS)
