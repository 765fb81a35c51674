"""Whether a source supports a fact of a meeting: the sentences the source's report of the meeting was built from
(its evidence) name the participant, or hold the statement's or commitment's words.

The source page groups a meeting's facts by it ("found again in this source"), and the ingest asks it before it
removes a fact its own source no longer yields: a fact another source of the meeting supports is kept for that one.
"""
import unicodedata

from .text import WORD, content_words

SHARED_WORDS = 0.6  # share of a fact's content words a sentence must hold to be that fact found again


def name_key(name):
    return " ".join(WORD.findall(unicodedata.normalize("NFKD", name).lower()))


class SourceSupport:
    """Whether a fact first found elsewhere is in this source too, by the evidence this source gave the meeting."""

    def __init__(self, evidence, text, participants):
        self.names = {name_key(item.detail) for item in evidence if item.kind == "participant" and item.detail}
        self.sentences = {"statement": [], "commitment": []}
        for item in evidence:
            if item.kind in self.sentences and text and item.span_start is not None and item.span_end is not None:
                words = content_words(text[item.span_start:item.span_end])
                self.sentences[item.kind].append((item.span_start, item.span_end, words))
        families = [name_key(p.official.family_name) for p in participants if p.official and p.official.family_name]
        self.unique_families = {family for family in families if families.count(family) == 1}
        self.span_of_name = {name_key(item.detail): (item.span_start, item.span_end) for item in evidence
                             if item.kind == "participant" and item.detail}

    def again(self, kind, fact):
        """The (start, end) of the sentence of this source that names the fact, or None."""
        if kind == "participant":
            return self.participant(fact)
        words = content_words(fact.text)
        best = None
        for start, end, sentence in self.sentences[kind]:
            share = len(words & sentence) / len(words) if words else 0
            if share >= SHARED_WORDS and (best is None or share > best[0]):
                best = (share, start, end)
        return best[1:] if best else None

    def participant(self, fact):
        official = fact.official
        names = {name_key(fact.name)}
        if official is not None:
            names |= {name_key(official.name), *(name_key(alias) for alias in official.aliases or ())}
        for name in self.names:
            family = name_key(official.family_name) if official is not None else ""
            if name in names or (family in self.unique_families and f" {family} " in f" {name} "):
                return self.span_of_name[name]
        return None

