"""The meeting a joint statement of defence ministers is, when its body never says they met.

A page headed "Joint Communiqué of the Ministers of Defence of the Visegrad Group Countries" over "Bratislava,
12 April 2007" and a list of positions reports the ministers' meeting by the statement they adopted at it (GUIDE:
joint statements signed at a meeting). Its governments are those the heading names, a group as its members on the
day. Read last, only when nothing else found a meeting and the headline announces none (``extract_meetings``).
"""
from __future__ import annotations

import re

from .article import ArticleView, Draft, _unique
from .held import VIDEO_CUE, _cue_in
from .lead import _plans
from .participants import _membership_day

# "Joint Statement by the Ministers of Defence of ...", "Joint Communiqué of the Defence Ministers' Meeting".
_JOINT_TEXT = re.compile(r"\bJoint\s+(?:Communiqu[eé]|Statement|Declaration|Press\s+(?:Release|Statement))\b"
                         r"(?=.*\b(?:Minist(?:ers?|erial)|Secretaries)\b)(?=.*\b(?:Defen[cs]e|Military|Armed\s+Forces|"
                         r"2\+2)\b)", re.I)

# "Ministers to issue joint statement": one to come.
_TO_ISSUE = re.compile(r"\b(?:to|will|would|shall)\s+(?:\w+\s+)?(?:issue|adopt|sign|release|publish)\b", re.I)


def communique_drafts(view: ArticleView) -> list[Draft]:
    """The ministers' meeting a heading presents the joint statement of, of the two or more governments it names."""
    for sentence in view.headlines:
        joint = _JOINT_TEXT.search(sentence.text)
        if not joint or _plans(view, sentence) or _TO_ISSUE.search(sentence.text, 0, joint.start()):
            continue
        countries: list[str] = []
        for mention in view.entities.mentions_in(sentence.start, sentence.end, kinds=("country", "demonym", "group")):
            if mention.kind == "group":
                countries += view.index.groups[mention.code].members_on(_membership_day(view))
            else:
                countries.append(mention.code)
        countries = list(dict.fromkeys(countries))
        if len(countries) < 2:
            continue
        people = _unique(view.entities.people[m.key] for m in view.entities.people_in(sentence.start, sentence.end))
        draft = Draft(sentence, countries, [p for p in people if p.country in countries], "in_person",
                      named_countries=list(countries), session=True)
        # The lines under the heading date and place the statement: "Bratislava, 12 April 2007".
        body = next((s.start for s in view.sentences if s.kind == "body"), len(view.text))
        draft.members = [sentence, *(s for s in view.sentences if s.kind not in ("heading", "body")
                                     and sentence.start < s.start < body)]
        if _cue_in(view, VIDEO_CUE, sentence.start, body):
            draft.format, draft.explicit_format = "video", True
        return [draft]
    return []
