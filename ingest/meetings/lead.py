"""The meeting an article reports in its headline and lead, when no sentence of its body reports one in words the
sentence rules know.

Real reporting often says plainly only once, at the top, that a meeting took place: "A and B close in on arms
pact" over "The A and B defence ministers finalized its text in C on Monday"; "Second session of the A-B defence
committee held in C" with "the A delegation was headed by ..., the B side by ...". The lead then gives the
encounter (an encounter noun or verb, past or present: a headline's present tense reports the past), and the
headline and lead together give who took part: officials of two or more governments, each named with an office;
or, on a ministry's page or a transcript, the minister whose words it is tells of it in the first person. Read
only when the article's body gave no meeting (``extract_meetings``).

Not a meeting: a plan or preview ("will visit", "to meet", "is expected"), an earlier encounter ("last met"), a
single government's officials, a head of state receiving a visiting minister with no host defense official
(``_draft`` already leaves such a host out).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..entities import Person
from ..sentences import Sentence
from .article import ArticleView, Draft, _unique
from .encounters import _SEPARATE, _TOGETHER, _separate
from .held import (_LAST_AFTER, _LAST_TIME, _NOT_HELD, _PASSING, _TO_MEET, MET_CONDITION, PHONE_CUE, RECEIVED_THING,
                   VIDEO_CUE, _cue_in, _planned)
from .participants import (_FIRST_PERSON_SUBJECT, _GROUP_ALL_AFTER, _SIDELINES_OF, _SOME_OF, _draft, _draft_in,
                           _membership_day, _principal)


# How many body sentences make the lead: the headline's news is retold there, background follows.
_LEAD_SENTENCES = 4

# A word for the encounter, as a verb or a noun, in the past or the present. "Together" only with a verb of
# gathering ("brought together"): "agreed to work together" is a promise of cooperation, not an encounter.
_ENCOUNTER = re.compile(
    # what is met or received may be no one at all ("met the demands of", "received a letter from": held.py)
    r"\b(?:(?:meets?|met)\b(?!" + MET_CONDITION.pattern + r")|meetings?|talks|bilaterals|visit(?:s|ed)?|"
    r"(?:received|receives|welcomes|welcomed|welcoming)\b(?!" + RECEIVED_THING.pattern + r")|hosts?|hosted|"
    r"calls?(?!\s+(?:on|for|upon)\b)|conversation|"
    r"consultations|dialogue|session|discussed|discuss|agreed|agree|pledged|signed|sign|harmoni[sz]ed|finali[sz]ed|sealed|"
    r"adopted\s+(?:a|the)\s+joint|"
    r"concluded|"
    r"spoke|speaks|(?:tele)?phone|side\s+by\s+side|(?:c[oa]me|comes|coming|br(?:ing|ings|inging|ought)|g[eo]t|"
    r"gather(?:s|ed)?)\s+together)\b", re.I)

# A government's office next to its name: "the Indian and French defence ministers", "a Korean chief of staff", "the
# Kenyan delegation", "the Danish side". The country or demonym comes first, the office within a few words after
# it (a second demonym may stand between: "Czech and Slovak defence ministry officials").
_OFFICE_AFTER = re.compile(
    r"(?:[’']s)?(?:\s+(?:and|[A-Z][\w’'-]*|defen[cs]e|ministry|national|armed|forces|four|member|top|senior)){0,5}?"
    r"\s+(?:(?:defen[cs]e\s+)?ministers?|secretary|secretaries|officials?|delegations?|side|chiefs?|counterparts?)\b",
    re.I)
# A call in the lead's words: "was on the phone with", a headline's "speaks with" (the present of "spoke with").
_PHONE_LEAD = re.compile(r"\b(?:on|off)\s+the\s+(?:tele)?phone\b|\bspeaks\s+(?:with|to)\b", re.I)
# ... or the office first: "the deputy defence ministers of Peru and Chile", "the Defence Minister of Poland".
_OFFICE_BEFORE = re.compile(
    r"\b(?:ministers?|secretar(?:y|ies)|officials|chiefs?|delegations?|counterparts?)\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*(?:\s+and|,)?\s+(?:the\s+)?){0,4}$", re.I)
# "last met", "their previous meeting": an earlier encounter is context, not the news. "First" dates only a verb
# ("since they first met"): "their first meeting", "his first visit" is the encounter the story reports.
_EARLIER = re.compile(r"\b(?:last|previous|previously|earlier)\s+(?:\w+\s+)?$", re.I)
_FIRST = re.compile(r"\bfirst\s+$", re.I)
# "A and B each pledged more aid", "Both A and B have pledged": what each did on their own, no encounter.
_EACH = re.compile(r"\b(?:each|separately)\s+(?:\w+\s+)?$|^\s*Both\b[^,;]*\s(?:have|has)\s+$")
_QUOTE_MARK = re.compile(r"[“\"]|\bQuote:")
# The minister telling of the encounter in the first person: "This morning I saw ...", "we held talks with ...".
# The encounter as the subject of a future: "the session will gather ...".
_FUTURE_AFTER = re.compile(r"\s+(?:will|shall|is\s+to|are\s+to)\b")
# ... or the sentence's verb before it: "the ministers will chair, on 3 May in Lima, the first meeting".
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|scheduled\s+to|expected\s+to|set\s+to|due\s+to|"
                            r"plans?\s+to)\b", re.I)
_PURPOSE = re.compile(r"\bto\s+$")
# ... in the same clause: "agreed to conduct mutual visits" (not "agreed to X, at a meeting on Friday").
_AGREED_TO = re.compile(r"\b(?:agreed|decided|pledged|vowed|resolved)\s+(?:on|to)\s[^,;:]*$", re.I)
# The encounter word's determiner and modifiers: "the Defense Summit", "their phone".
_DETERMINED = r"(?:a|an|the|his|her|their|this)\s+(?:[\w'’-]+\s+){0,3}$"
# "after the Defense Summit meeting", "after their talks": an encounter already held when the sentence's event comes.
_AFTER_IT = re.compile(r"\bafter\s+" + _DETERMINED, re.I)
# Another's words before the encounter word: "A said B agreed with the plan"; but words spoken at the encounter
# place it in the past: "A said at a meeting with B", "said during their talks", "told reporters after receiving a
# courtesy call from B".
_AT_IT = re.compile(r"\b(?:at|during|after|in)\s+(?:[a-z]+ing\s+)?" + _DETERMINED, re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|according\s+to)\b")


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a quotation the sentence opened before it: not in the attribution after the
    quote ("'...,' he told reporters after receiving a courtesy call from B")."""
    before = text[start:position]
    return "Quote:" in before or before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _lead(view: ArticleView) -> list[Sentence]:
    """The headline, deck and first body sentences (captions and bylines are not the story's own words)."""
    found, body = [], 0
    for sentence in view.sentences:
        if sentence.kind == "body":
            body += 1
            if body > _LEAD_SENTENCES:
                break
        elif sentence.kind != "heading":
            continue
        found.append(sentence)
    return found


def _governments_with_office(view: ArticleView, lead: list[Sentence]) -> set[str]:
    """The governments the lead names with an office: by an official it names, or by its name or demonym next to
    an office ("the Greek Defence Minister", "the Pakistan delegation")."""
    text = view.text
    found: set[str] = set()
    for sentence in lead:
        found |= {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)
                  if view.entities.people[m.key].role}
        for mention in view.entities.mentions_in(sentence.start, sentence.end, kinds=("country", "demonym")):
            if _OFFICE_AFTER.match(text, mention.end, min(sentence.end, mention.end + 70)) or \
                    _OFFICE_BEFORE.search(text, max(sentence.start, mention.start - 80), mention.start):
                found.add(mention.code)
        for mention in view.entities.mentions_in(sentence.start, sentence.end, kinds=("group",)):
            # "ASEAN defence ministers pledged ...", "the defence ministers of the CSTO's member states": every
            # member's minister (GUIDE: a group counts as its members where the article says all took part); not
            # "other NATO ministers", nor the forum a meeting was held on the sidelines of.
            if (_GROUP_ALL_AFTER.match(text[mention.end:mention.end + 40])
                    or _OFFICE_BEFORE.search(text, max(sentence.start, mention.start - 80), mention.start)) \
                    and not _SOME_OF.search(text, max(sentence.start, mention.start - 20), mention.start) \
                    and not _SIDELINES_OF.search(text, max(sentence.start, mention.start - 30), mention.start):
                found.update(view.index.groups[mention.code].members_on(_membership_day(view)))
    found.discard(None)
    return found


def _not_held(view: ArticleView, sentence: Sentence, cue: re.Match) -> bool:
    """Whether an encounter word speaks of one not held, by the sentence rules' own tests: a plan ("to visit",
    "will meet", "is expected"), a passing or earlier one ("have met several times", "since they met last"), an
    agreement to meet, or another's words ("A said B agreed")."""
    text = view.text
    return bool(_NOT_HELD.search(text[max(sentence.start, cue.start() - 50):cue.start()])
                or _EACH.search(text[sentence.start:cue.start()])
                or _EARLIER.search(text, max(sentence.start, cue.start() - 30), cue.start())
                or (cue.group().lower() == "met" and _FIRST.search(text, max(sentence.start, cue.start() - 8), cue.start()))
                or _PASSING.match(text, cue.end()) or _LAST_AFTER.match(text, cue.end())
                or _LAST_TIME.search(text, max(sentence.start, cue.start() - 80), cue.start())
                or _TO_MEET.match(text, cue.end()) or _FUTURE_AFTER.match(text, cue.end())
                or (_REPORTED.search(text, sentence.start, cue.start())
                    and not _AT_IT.search(text, max(sentence.start, cue.start() - 60), cue.start()))
                or _planned(view, sentence, cue))


def _cues(view: ArticleView, sentence: Sentence) -> list[re.Match]:
    """A sentence's encounter words, without a purpose after the first ("met A to discuss ...") or what the
    encounter agreed on ("agreed to conduct mutual visits every year, at a meeting on Friday")."""
    cues = list(_ENCOUNTER.finditer(view.text, sentence.start, sentence.end))
    return cues[:1] + [c for c in cues[1:] if not _PURPOSE.search(view.text, sentence.start, c.start())
                       and not _AGREED_TO.search(view.text, cues[0].start(), c.start())]


def _plans(view: ArticleView, sentence: Sentence) -> bool:
    """Whether a sentence speaks of an encounter not held ("to visit", "will meet", "last met")."""
    return any(_not_held(view, sentence, cue) for cue in _cues(view, sentence))


def _announced(view: ArticleView, sentence: Sentence) -> bool:
    """Whether a sentence tells of its encounter as one to come: "will meet", "is expected to visit", "to visit",
    "the session will gather". What comes "after the meeting" places the meeting before it, whatever its tense
    ("will now hold a press conference after the summit meeting")."""
    return any(not _AFTER_IT.search(view.text, max(sentence.start, cue.start() - 60), cue.start()) and (
               _planned(view, sentence, cue) or _FUTURE_AFTER.match(view.text, cue.end())
               or _FUTURE_BEFORE.search(view.text, sentence.start, cue.start())
               or _PURPOSE.search(view.text, max(sentence.start, cue.start() - 4), cue.start()))
               for cue in _cues(view, sentence))


def _held_cue(view: ArticleView, sentence: Sentence, unquoted: bool = False) -> re.Match | None:
    """The sentence's first encounter word, when none of them speaks of an encounter not held: a sentence that
    tells of a plan or an earlier meeting is no report of this one. ``unquoted``: the first one outside a quotation
    (a quote's "we discussed it with X" may speak of any earlier exchange)."""
    cues = _cues(view, sentence)
    if not cues or any(_not_held(view, sentence, cue) for cue in cues):
        return None
    if unquoted:
        return next((cue for cue in cues if not _quoted(view.text, sentence.start, cue.start())), None)
    return cues[0]


def _voice(view: ArticleView) -> Person | None:
    """Whose words a ministry page or a transcript is (``participants._principal``): its one official, else the
    government whose defence ministry issued it, standing for its unnamed minister."""
    people, government = _principal(view)
    if government is None:
        return None
    if people:
        return people[0]
    return Person(key=f"voice:{government}", name="", family="", country=government, role=None)


def _first_person_drafts(view: ArticleView, lead: list[Sentence]) -> list[Draft]:
    """ "This morning I saw my counterpart from A": the encounter the page's own voice tells of in its lead, one per
    counterpart when they were bilaterals ("I held bilaterals with A, with B and with C")."""
    voice = _voice(view)
    if voice is None:
        return []
    for sentence in lead:
        if sentence.kind != "body":
            continue
        cue = _held_cue(view, sentence)
        if cue is None or not _FIRST_PERSON_SUBJECT.search(view.text, sentence.start, cue.start()) \
                or view.entities.people_in(sentence.start, cue.start()) \
                or _QUOTE_MARK.search(view.text, sentence.start, cue.start()):
            continue    # a quoted "we" is the quoted one's, whom a news page names; not the page's own voice
        series = _SEPARATE.search(sentence.text) and not _TOGETHER.search(sentence.text)
        # A list of bilaterals names each counterpart after its own "with" ("bilaterals with A, with the B minister
        # and C"): the whole sentence names them.
        draft = _draft_in(view, sentence, cue, [voice], sentence.end) if series else \
            _draft(view, sentence, cue, [voice])
        if draft is None or draft.past is not None:
            continue
        draft.people = [p for p in draft.people if not p.key.startswith("voice:")]
        others = [c for c in draft.countries if c != voice.country]
        if len(others) < 2 or not series:
            return [draft]
        return [replace(draft, countries=[voice.country, c], people=[p for p in draft.people if p.country in
                (voice.country, c)], named_countries=[voice.country, c], members=[sentence],
                series=(sentence.start, voice.country)) for c in others]
    return []


def headline_preview(view: ArticleView) -> bool:
    """Whether the headline tells of an encounter to come: "A to visit B", "A, B defense chiefs to meet next week"."""
    return any(_plans(view, s) for s in _lead(view) if s.kind == "heading")


def lead_announces(view: ArticleView) -> bool:
    """Whether the lead's first sentence with an encounter word tells of it as one to come ("will meet their
    counterparts in Tokyo for a 2+2 meeting on Thursday"): the article is an announcement, and "the meeting" it
    speaks of afterwards is that one."""
    told = next((s for s in _lead(view) if s.kind == "body" and _ENCOUNTER.search(view.text, s.start, s.end)), None)
    return told is not None and _announced(view, told)


# "The meeting between A and B comes as ...": the encounter named as a thing, no verb telling it was held.
_NAMED_AS_A_THING = re.compile(r"\s*The\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|visit)\b")
_HELD_VERB = re.compile(r"\b(?:was|were|had|has\s+been|have\s+been|held|took\s+place|met|spoke|discussed|agreed)\b")


def names_the_announced(draft: Draft) -> bool:
    """Whether every report of a meeting only names it ("The meeting between A and B comes as ..."): in an article
    that announces a meeting (``headline_preview``, ``lead_announces``), the meeting to come."""
    return all(_NAMED_AS_A_THING.match(s.text) and not _HELD_VERB.search(s.text) for s in draft.members)


def _lead_drafts(view: ArticleView) -> list[Draft]:
    """The encounter the headline and lead report: a lead sentence with a held encounter word whose participant part
    names two or more governments, of which at least two the lead names with an office. Not read under a preview
    headline (``headline_preview``, checked by the caller)."""
    if lead_announces(view):
        return []    # the story first tells of the encounter as one to come: an announcement
    lead = _lead(view)
    first_person = _first_person_drafts(view, lead)
    if first_person:
        return first_person
    offices = _governments_with_office(view, lead)
    if len(offices) < 2:
        return []
    found: Draft | None = None
    found_cue: re.Match | None = None
    for sentence in lead:
        cue = _held_cue(view, sentence, unquoted=True)
        if cue is None:
            continue    # a quote's "we discussed it with X" may speak of any earlier exchange
        draft = _draft(view, sentence, cue)
        if draft is None or draft.past is not None or len(set(draft.countries) & offices) < 2:
            continue
        # Only the governments named with an office take part: not a country named as the venue or the topic.
        draft.countries = [c for c in draft.countries if c in offices]
        draft.named_countries = [c for c in draft.named_countries if c in offices]
        draft.people = [p for p in draft.people if p.country in offices]
        if found is None:
            found, found_cue = draft, cue
        elif found.same_encounter(draft):
            # A later retelling adds who and where, and its day when the first report gives none of its own
            # (only a wire dateline's): not a speaker's words, whose days may be any ("your visit falls between
            # our two national days").
            found.people = _unique([*found.people, *draft.people])
            if sentence.block not in view.speakers:
                found.members.append(sentence)
            found.place, found.place_country = found.place or draft.place, found.place_country or draft.place_country
    if found is None:
        return []
    # The lead's other sentences add the officials and the format they name ("was on the phone with ..."); not
    # one that speaks of a plan ("has been asked to visit").
    for sentence in lead:
        if _plans(view, sentence):
            continue
        people = [view.entities.people[m.key] for m in view.entities.people_in(sentence.start, sentence.end)]
        found.people = _unique([*found.people, *(p for p in people if p.country in found.countries and p.role)])
        if not found.explicit_format:
            fmt = "video" if _cue_in(view, VIDEO_CUE, sentence.start, sentence.end) else \
                "phone" if _cue_in(view, PHONE_CUE, sentence.start, sentence.end) or \
                _PHONE_LEAD.search(view.text, sentence.start, sentence.end) else None
            if fmt is not None:
                found.format, found.explicit_format = fmt, True
                found.place = found.place_country = None
    # "held bilateral meetings with the ministers of A, B and C": one encounter per counterpart, as in the body.
    return _separate(view, found, found_cue)
