"""The meeting an article only refers to: no sentence tells it in words the sentence rules know, and neither does
the lead, but the article speaks of it as held ("In the meeting, A stressed ...", "The results of today's meeting
...", "The two ministers also discussed ...") and names the defense officials of two governments (a minister's own
release counts its minister).

Real reporting often puts the encounter itself in a phrasing of its own ("A paid his respects to B", a headline cut
off by the page) and then goes on about it. Read last, only when nothing else found a meeting and neither the headline
nor the lead announces one to come (``extract_meetings``, ``lead_announces``): the governments are those whose
defense officials the article names, when they are exactly two, so a roundup or a speech that names many stays empty.
"""
from __future__ import annotations

import re

from ..sentences import Sentence
from .article import ArticleView, Draft, _unique
from .lead import _not_held, _voice, lead_announces
from .participants import _outside_defense

# The encounter named as one the story is about: "in the meeting", "during their talks", "today's meeting", "our
# meeting was", "after a courtesy call on".
_REFERENCE = re.compile(
    r"\b(?:the|their|our|this|today['’]s|yesterday['’]s|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s)\s+"
    r"(?:(?:bilateral|closed-door|one-on-one|courtesy|phone|telephone|video|first|official)\s+){0,2}"
    r"(?:meeting|talks|discussions|conversation|call|consultations)\b", re.I)
# ... or the two at the table doing something together: "The two ministers also discussed", "Both sides agreed".
_PAIR_DID = re.compile(
    r"\b(?:the\s+two|both)\s+(?:defen[cs]e\s+)?(?:ministers|sides|chiefs|counterparts|secretaries)\s+(?:also\s+|further\s+)?"
    r"(?:discussed|agreed|exchanged|reviewed|reaffirmed|expressed|underscored|emphasi[sz]ed|noted|signed|vowed|"
    r"pledged|welcomed|stressed)\b", re.I)


def _referring_sentence(view: ArticleView) -> Sentence | None:
    """The first body sentence that speaks of the encounter as held."""
    for sentence in view.sentences:
        if sentence.kind != "body":
            continue
        for pattern in (_REFERENCE, _PAIR_DID):
            cue = pattern.search(view.text, sentence.start, sentence.end)
            if cue is not None and not _not_held(view, sentence, cue):
                return sentence
    return None


def referred_drafts(view: ArticleView) -> list[Draft]:
    """The one meeting an article refers to as held, of the two governments whose defense officials it names."""
    sentence = None if lead_announces(view) else _referring_sentence(view)
    if sentence is None:
        return []
    people = _unique(view.entities.people[m.key] for m in view.entities.person_mentions)
    officials = [p for p in people if p.country and p.role and not _outside_defense(p.role)]
    voice = _voice(view)     # a minister's own release ("Our meeting was ...") is of the minister's government
    countries = list(dict.fromkeys([*([voice.country] if voice else []), *(p.country for p in officials)]))
    if len(countries) != 2:
        return []
    draft = Draft(sentence, countries, officials, "in_person", named_countries=list(countries))
    draft.members.append(sentence)
    return [draft]
