"""Which sentences report a meeting as held: the cues of an encounter, and what makes one a plan, a wish, a
negation or a passing mention of earlier encounters instead.

Kept apart because the cues are the hot path: gates and lower-case twins rule most sentences out cheaply.
"""
from __future__ import annotations

import re

from ..dates import FUTURE_CUE, lower_case_twin
from ..entities import trie_regex
from ..sentences import Sentence
from .article import ArticleView


# What is met or received that is no one of the other side: "met the demands of X", "met its deadline", "received a
# letter from X" (a call or a visit is an encounter: "received a call from X").
MET_CONDITION = re.compile(r"\s+(?:the|its|their|his|her|all|our)?\s*(?:[\w-]+\s+)?(?:demands?|deadlines?|targets?|"
                           r"requirements?|criteria|expectations?|needs|standards?|obligations?|goals?|costs?|"
                           r"conditions?|quotas?)\b")
RECEIVED_THING = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:letters?|messages?|notes?|"
                            r"invitations?|reports?|requests?|proposals?|gifts?|awards?|medals?|decisions?|copy|copies|"
                            r"congratulations|briefings?)\b")


# The case-insensitive cues are written in lower case, so that their lower-case twins can scan an article's
# lower-cased text (``_cue_matches``).
# One side's head: "the A delegation was led by X", "the B side is headed by Y".
_LED_BY = r"\b(?:delegation|side|team)\s+(?:was|were|is|are)\s+(?:led|headed)\s+by\b"
MEETING_TRIGGER = re.compile(
    r"\b(?:met|meets|conferred|(?:hosted|hosting|hosts)(?!\s+(?:in|by)\s)|co-?chaired|presided\s+over)\b(?!\s+with\s+(?:a|an)\s+\w+\s+(?:response|reaction))"
    r"(?!" + MET_CONDITION.pattern + ")"
    r"|\bheld\s+(?:[\w’'‘.-]+\s+){0,7}?(?:talks|meetings?|2\+2|two-plus-two|2-plus-2|conference|dialogue|"
    r"consultations|discussions?|summit|ministerial|session|call|telecon(?:ference)?|videoconference|bilaterals?|lunch|dinner|"
    r"breakfast)\b"
    r"|\bhad\s+(?:(?!not\b|never\b|yet\b)[\w’'‘.()?-]+\s+){0,4}?(?:talks|meetings?|bilaterals?|discussions?|conversation|call|telecon|"
    r"dialogue|exchanges?\s+of\s+views|lunch|dinner|breakfast)\b"
    r"|\b(?:in|during|at)\s+(?:a|an|the|their|his|her)?\s*(?:[\w’'-]+\s+){0,4}?(?:talks|meeting|conference|session|"
    r"dialogue|call|conversation|videoconference)\s+(?:with|between|involving)\b"
    r"|\b(?:talks|meetings?|discussions?|consultations|conversation)\s+with\b|\bsat\s+down\s+with\b"
    r"|\bpaid\s+(?:a\s+)?(?:courtesy\s+)?(?:call|visit)\s+(?:on|to)\b"
    r"|\btold\s+(?:his|her)\s+(?:[a-z][\w-]*\s+){0,2}counterparts?\b"
    # "Joint Press Conference with US Secretary of Defense A and the Australian Minister for Defence": two governments'
    # officials before the press together met
    r"|\b(?:joint\s+)?(?:press|news)\s+(?:conference|availability)\s+with\b"
    r"|\b(?:welcomed|received)\s+(?:(?!from\b|by\b|for\b|with\b)[\w’'.-]+\s+){0,5}?"
    r"(?:counterparts?|ministers?|secretary|chiefs?)\b(?![’'])"
    r"|\bjoined\s+(?:(?:his|her|their|the|fellow)\s+)?(?:[\w’'-]+\s+){0,3}?(?:counterparts|ministers|chiefs)\b"
    r"|\b(?:in|during|at)\s+(?:our|today[’']s|this\s+morning[’']s|yesterday[’']s)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:talks|meeting|discussions?|conversation|call)\b"
    # "..., agreed to ... at a meeting on Friday", "In their meeting, A and B ...": the encounter named by its noun;
    # the sentence must still name the officials of two governments.
    # "at the Third India-US 2+2 Ministerial Dialogue": a ministers' dialogue (not a forum like "the ... Dialogue").
    r"|\b(?:at|during|in)\s+(?:a|an|the|their)\s+(?:(?!(?:a|an|the|after|before|following|since|of|with|for)\s)"
    r"[\w’'+-]+\s+){0,3}?(?:meeting|talks|(?:ministerial|defen[cs]e|"
    r"2\+2|two-plus-two|2-plus-2)\s+dialogue)\b"
    # "The annual meeting brought together the defense ministers of ...": a session described by who attended.
    r"|\bbrought\s+together\b"
    # "WE, the Defence Ministers of A, B and C, gathered here in D on 7 May 2013 for the ... Meeting"
    r"|\bgathered\s+(?:here\s+)?(?:in|at|for)\b"
    # "convened a trilateral ministerial meeting", "attended the 2+2 meeting", "participated in the ... Meeting",
    # "addressed the session of the X defence ministers", "chaired the meeting":
    # a ministers' session, not a forum open to many (a dialogue or conference is only the setting).
    r"|\bconvened\b|\b(?:attended|participated\s+in|took\s+part\s+in|addressed|chaired|spoke\s+at|joined)\s+(?:a|an|the)\s+(?:[\w’'.+()-]+\s+){0,8}?"
    r"(?:meeting|ministerial|session|talks|consultations)\b"
    # "Attending the annual meeting in Suva were delegates from A, B and C": who sat at it, after the verb.
    r"|\battending\s+(?:a|an|the)\s+(?:[\w’'.+()-]+\s+){0,8}?(?:meeting|ministerial|session|talks|consultations)\b"
    r"(?=[^.;]{0,80}?\s(?:are|were|was|is)\s)"
    # "The meeting took place in Brussels", "The ... Dialogue commenced on Monday", "was attended by":
    # the session itself as the subject.
    r"|\b(?:meetings?|session|talks|consultations|ministerial|dialogue)\s+(?:\([\w’'-]+\)\s+)?(?:[\w’'-]+\s+){0,3}?"
    # ... named by whose it is: "The meeting of defense ministers of SCO and CIS member countries was held"; its end
    # ("The South Pacific Defence Ministers' Meeting (SPDMM) wrapped up today in Auckland")
    # ("The Meeting of Honourable Ministers of Defence (HMoD) took place": its abbreviation after its name)
    r"(?:(?:of|between)\s+(?:[\w’'/-]+\s+){1,9}?(?:\([\w’'-]+\)\s+)?)?(?:took\s+place|(?:was|were)\s+held|commenced|opened|began|"
    r"started|kicked\s+off|got\s+under\s?way|wrapped\s+up|concluded|closed|ended)\b"
    r"|\b(?:meetings?|session|talks|consultations|ministerial|dialogue|which|it)\s+(?:[\w’'-]+\s+){0,3}?(?:was|were)\s+"
    r"(?:\w+\s+)?attended\s+by\b"
    # "The A delegation was led by X, while the B side was led by Y": two delegations, each with its head, report
    # the session they met at.
    r"|" + _LED_BY + r"(?=[^.;]{0,200}?" + _LED_BY + ")",
    re.I,
)
PHONE_CUE = re.compile(
    r"\b(?:tele)?phon(?:e|ic)\s+(?:call|conversation|talks?|discussion)\b|\btelecon\b|"
    r"\bspoke\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b|"
    r"\b(?:by|over\s+the)\s+(?:tele)?phone\b|\b(?:phoned|telephoned)\b|"
    r"\bspoke\s+(?:(?:on\s+)?(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
    # "spoke with reporters after the meeting" is no call.
    r"(?:to|with)\b(?!\s+(?:the\s+)?(?:reporters|journalists|press|media|news\s+media|students|troops|service\s*members)\b)"
    r"|\bcalled\s+(?:his|her)\s+(?:[a-z][\w-]*\s+){0,2}counterpart"
    # "held a call with", "had an introductory call with": a call, no video named (VIDEO_CUE is read first).
    r"|\b(?:held|had)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?call\s+with\b"
    # "making a call to his counterpart", "tested a defense telephone link", "over the hotline"
    r"|\b(?:made|making|placed|placing)\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}?call\s+to\b",
    re.I,
)
VIDEO_CUE = re.compile(r"\bvideo[\s-]?(?:conference|call|link|teleconference|talks|conversation|meeting|dialogue)|"
                       r"\bvideoconferenc|\bvirtual\s+(?:[\w-]+\s+){0,3}?(?:meeting|talks|call|conference|session|ministerial|dialogue)|\bvirtually\b|\bvia\s+video\b|\bteleconference"
                       # "held an online meeting", "met online", "talks in a video format", "via Zoom"
                       r"|\bonline\s+(?:meeting|talks|conference|session|call|consultations)|\bmet\s+online\b"
                       r"|\bvideo\s+format\b|\bvia\s+(?:zoom|teams|webex|skype)\b", re.I)
# Verbs that report an encounter only when a named official is their object ("received Umerov",
# "called Marles again") or, for "signed", when officials of two governments are its subject.
_OBJECT_TRIGGER = re.compile(r"\b(?:(?:was|were)\s+(?:welcomed|received|hosted|greeted)\s+(?:[\w,]+\s+){0,4}?by\s+|"
                             r"received\s+|welcomed\s+|greeted\s+|called\s+(?!on\b|for\b|upon\b)|meeting\s+(?:with\s+)?|"
                             r"(?:discussed|talked|conversed)\s+with\s+|"
                             # "called on X at the ministry" (a courtesy call), not "called on X to act".
                             r"called\s+on\s+|"
                             r"signed\s+(?:[\w’'-]+\s+){0,6}?with\s+|signed\b)")
# Any verb of the past tense with an official of another government or a counterpart as its object ("engaged with
# Defence Minister B", "interacted with his Greek counterpart", "exchanged views with B"): how outlets say they met is
# open-ended, who was met is what tells. Not verbs of a standing relation or of a state ("worked with", "cooperated
# with", "charged with").
_VERB_WITH = re.compile(r"\b(?!(?:work|cooperat|collaborat|partner|coordinat|associat|compar|charg|task|equipp|arm|"
                        r"concern|deal|sid|disagre|agre|fac|fill|present|credit|affiliat|acquaint|satisfi|pleas|"
                        r"impress|disappoint|connect|link|align|identifi|interfer|clash|provid|suppli|shar|sign|"
                        r"discuss|talk|convers|signal|rank|team|stay|compet|trad|deploy|train|exercis)ed\b)"
                        # ... a plural object before "with" as well: "exchanged views with B" (not the encounter itself,
                        # whose verb may undo it: "skipped talks with B")
                        r"[a-z]{2,}ed\s+(?:(?!(?:talks|meetings|consultations|discussions|negotiations)\b)[a-z]{3,}s\s+)?"
                        r"with\s+")
# "his Turkish, Lebanese and Pakistani counterparts": whose counterparts, then up to four words before the noun.
COUNTERPARTS_AFTER = r"\s+(?:[\w’'-]+,?\s+(?:and\s+)?){0,4}?counterparts?\b"
_COUNTERPART_OBJECT = re.compile(r"(?:his|her|their)" + COUNTERPARTS_AFTER)
# Verbs of a joint subject of two governments' officials ("A and his Korean counterpart B agreed to ...",
# "A and B discussed ... Sunday"): what they do together reports their encounter.
_JOINT_SUBJECT = re.compile(r"\b(?:discussed|agreed|reaffirmed|exchanged\s+views|reviewed|pledged|vowed|signed)\b")
# "A and her French counterpart B stood side by side ...": officials joined as counterparts in one subject, whatever
# they did together (the verb right after them, in the past tense).
_COUNTERPART_VERB = re.compile(r"\b(?:[a-z]{2,}ed|met|spoke|stood|sat|held|took|made|saw|went|came|gave|shook|sought|"
                               r"brought|kept|began|laid|led|toured|inspected|visited)\b")
_ADVERB_GAP = re.compile(r"[\s,]*(?:(?:also|jointly|together|then|later|on\s+\w+day|today|yesterday)[\s,]+)?")
# "Both A and B have pledged ...", "A and B each pledged ...": each on their own, not together.
# ("A and B have agreed ..." is a report of what they did together, like "A and B agreed ..."; "had" looks back.)
_APART = re.compile(r"^\s*[Bb]oth\b|\b(?:each|separately|both\s+have|had|would|will|could)\s+(?:\w+\s+)?$")
# "agreed to meet in person as soon as travel allows": a plan.
_TO_MEET = re.compile(r"\s+to\s+(?:meet|hold|visit|convene|talk|speak|travel|host)\b")
# A subject that is not one clause of officials: "A said B ...", "A, who ..., and B".
_JOINT_BREAK = re.compile(r"\b(?:said|says|told|who|which|that|when|after|while|if)\b|[;:“”\"]")
# Between such a verb and its person: "visiting Polish Defense Minister", not "of NATO defence ministers, ".
# ... but not a thing of theirs: "received a letter from X", "welcomed the decision by X".
_OBJECT_GAP = re.compile(r"(?!of\b)(?:(?!(?:from|by)\s)[\w.’'-]+\s+){0,8}")
# "called on X to act": an appeal, not a courtesy call ("called on X to discuss the drills" is one).
_URGED = re.compile(r"[\s,]+to\s+(?!discuss|talk|review|exchange|brief|present|deliver|pay)\w")
_DELEGATION_OBJECT = re.compile(r"(?:an?|the)\s+(?:[\w’'-]+\s+){0,5}?delegation\b")
# "Meeting at Camp Aguinaldo, the two officials agreed ...": a participle that opens the sentence.
_LEAD_PARTICIPLE = re.compile(r"Meeting\s+(?:at|in|on|with|for)\b")
# "The meeting between A and B focused on ...", "Talks between A and B were held ...": a sentence opened by the
# encounter's noun with both sides after "between" (not "The last meeting between", nor a plan after it).
_NOMINAL_SUBJECT = re.compile(r"(?:(?:The|Their|This|Today[’']s|Yesterday[’']s)\s+)?(?:(?:first|second|third|fourth|"
                              r"fifth|bilateral|trilateral|annual|high-level|official|defen[cs]e|ministerial)\s+){0,2}"
                              r"(?:[Tt]alks|[Mm]eetings?|[Cc]onsultations|[Cc]onversation|(?:[Tt]ele)?[Pp]hone\s+"
                              r"(?:call|conversation)|[Vv]ideo\s+call)\s+between\b")
# "have met several times": a passing mention of encounters, not the report of one.
_PASSING = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?(?:(?:several|many|multiple|numerous|countless|two|three|four|five|\d+)"
                      r"\s+times|on\s+(?:several|many|multiple|numerous)\s+occasions|regularly|frequently|often|"
                      r"repeatedly|periodically)\b")
# "The last time the three chiefs met was in 2019", "they last met in October", "A previous meeting between A and B
# took place on October 25": an earlier encounter, as context.
_LAST_TIME = re.compile(r"\b(?:last|previous)\s+time\b[^,;.]*$|"
                        # "the previous 13th meeting", "had last already met": an adverb or an ordinal between
                        r"\b(?:last|previous|prior)\s+(?:(?:also|already|\d+(?:st|nd|rd|th))\s+)?$|"
                        # "previously also met at the 2+2 Meeting": every cue of its clause tells that encounter
                        r"\bpreviously\b[^,;.]*$|"
                        r"\b(?:since|been\s+\w+\s+(?:years?|months?)\s+since)\s+(?:[\w’'-]+\s+){0,2}$", re.I)
# "since I met him last, at ...": "last" closing the clause of an earlier encounter.
_LAST_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?last\s*[,;.]")
# "A phone call between the two ministers is planned for next week": the clause after the cue makes it a plan.
_PLANNED_AFTER = re.compile(r"[^,;]{0,140}?\b(?:is|are|has\s+been|have\s+been)\s+(?:being\s+|also\s+|now\s+)?"
                            r"(?:planned|scheduled|expected|proposed|envisaged|due|set|slated)\b"
                            # "The meeting between A and B will take place in Tokyo".
                            r"|[^,;]{0,140}?\b(?:will|is\s+to|are\s+to)\s+(?:take\s+place|be\s+held|convene|open|begin)\b"
                            # "Talks between A and B were called off", "The meeting has been postponed": never held
                            # (not "met on Monday after talks planned for May were postponed").
                            r"|(?:(?!\b(?:after|before|because|when|while|since|following|though|although)\b)[^,;])"
                            r"{0,140}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+\s+)?"
                            r"(?:postponed|cancell?ed|called\s+off|put\s+off|scrapped|shelved)\b")
_NOT_HELD = re.compile(
    r"\b(?:will|would|to|plans?\s+to|planned|requested|sought|seeks?|asked\s+for|scheduled\s+to|expected\s+to|set\s+to|"
    r"due\s+to|ahead\s+of|before|"
    r"upcoming|next|future|proposed|hopes?\s+to|wants?\s+to|may|might|could|should|did\s+not|didn't|not|never|"
    r"cancel(?:l?ed)?|postponed|missed|skipped|boycott(?:ed)?|snubbed|declined|refused|when\s+they|"
    # "referenced his recent phone conversation with X": an encounter recalled as context (GUIDE), not reported
    r"referenced|recalled|referred\s+to|mentioned|cited|"
    # "briefed B on his phone conversation with C": an encounter told to another, as context
    r"(?:briefed|informed|updated)\s+(?:[\w’'.-]+\s+){1,4}?(?:on|about))"
    r"\s+(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
_TRIGGER_WORDS = ("met", "meet", "held", "presided", "talks", "hosted", "hosting", "hosts", "telecon", "conferred", "told",
                  "welcomed", "phone", "spoke", "call",
                  "video", "virtual", "conference", "conversation", "received", "joined", "discussion", "sat down",
                  "greeted", "signed", "consultations", "chaired", "exchange", "convened", "attended", "attending", "participated",
                  "took part", "took place", "addressed", "spoke at", "commenced", "opened", "discussed", "talked", "conversed",
                  "brought together", "gathered", "dialogue", "agreed", "reaffirmed", "exchanged", "reviewed", "pledged", "vowed",
                  "counterpart", "defense", "defence", "bilateral", "led by", "headed by", "lunch", "dinner",
                  "breakfast", "ed with")
_TRIGGER_HINT = re.compile(trie_regex(_TRIGGER_WORDS))    # searched in the lower-cased sentence: fast to rule one out


# "The A delegation is led by X." then "The B delegation is headed by Y.": two sides' heads told in two sentences
# report the session they met at, as one sentence telling both does (MEETING_TRIGGER).
DELEGATION_LED = re.compile(_LED_BY, re.I)


def _delegation_pair(view: ArticleView, sentence: Sentence) -> re.Match | None:
    led = DELEGATION_LED.search(view.text, sentence.start, sentence.end)
    if led is None:
        return None
    following = next((s for s in view.sentences if s.start >= sentence.end and s.kind == "body"), None)
    return led if following is not None and DELEGATION_LED.search(view.text, following.start, following.end) else None


def _held_trigger(view: ArticleView, sentence: Sentence, start: int | None = None,
                  patterns=(MEETING_TRIGGER, PHONE_CUE, VIDEO_CUE, _OBJECT_TRIGGER, _VERB_WITH, _JOINT_SUBJECT,
                            _COUNTERPART_VERB)) -> re.Match | None:
    lowered = sentence.text.lower()
    if not _TRIGGER_HINT.search(lowered):
        return None
    text = view.text
    start = sentence.start if start is None else start
    lead = _LEAD_PARTICIPLE.match(text, start, sentence.end)
    if lead:
        return lead
    nominal = _NOMINAL_SUBJECT.match(text, start, sentence.end) if start == sentence.start else None
    if nominal and not _planned(view, sentence, nominal):
        return nominal
    # The sentence's first encounter is the one its earliest cue tells ("A engaged with B on arrival, and the two then
    # met C"), whichever kind of cue reads it; what a pair did together tells one only where no cue did.
    earliest = None
    for pattern in patterns:
        if earliest is not None and pattern in _WHAT_THEY_DID:
            break
        gate = _PATTERN_GATES.get(id(pattern))
        if gate is not None and not any(map(lowered.__contains__, gate)):
            continue
        if pattern is _COUNTERPART_VERB and len(view.entities.people_in(sentence.start, sentence.end)) < 2 \
                and not _PAIR_OF_GOVERNMENTS.match(text, _subject_start(text, sentence), sentence.end) \
                and not _OFFICIALS_PAIR_HINT.match(text, _subject_start(text, sentence), sentence.end):
            continue    # no pair of officials or governments to open the sentence: a cheap way out
        for m in _cue_matches(view, pattern, start, sentence.end):
            if earliest is not None and m.start() >= earliest.start():
                break    # no later cue of this kind comes first
            if pattern is _COUNTERPART_VERB and not _counterparts_subject_holds(view, sentence, m):
                continue
            if _folded_search(view, _NOT_HELD, max(sentence.start, m.start() - 50), m.start(), sliced=True) \
                    or _PASSING.match(text, m.end()) \
                    or _folded_search(view, _LAST_TIME, max(sentence.start, m.start() - 80), m.start()) \
                    or _LAST_AFTER.match(text, m.end()) \
                    or _planned(view, sentence, m):
                continue
            if pattern is _OBJECT_TRIGGER and not _object_trigger_holds(view, sentence, m):
                continue
            if pattern is _JOINT_SUBJECT and not _joint_subject_holds(view, sentence, m):
                continue
            if pattern is _VERB_WITH and not _verb_with_holds(view, sentence, m):
                continue
            earliest = m
            break
    if earliest is not None:
        return earliest
    return _delegation_pair(view, sentence) if start == sentence.start else None


# Cues of what two officials did together rather than of their encounter: read last, and only where no other cue was.
_WHAT_THEY_DID = (_JOINT_SUBJECT, _COUNTERPART_VERB)


def _cue_matches(view: ArticleView, cue: re.Pattern, start: int, end: int):
    """``cue.finditer(view.text, start, end)``: by a case-insensitive cue's twin in the lower-cased text, then each
    match read again from the text itself."""
    twin = _LOWER_CASE_TWINS.get(id(cue))
    if twin is None or view.lowered is None:
        return cue.finditer(view.text, start, end)
    return (cue.match(view.text, m.start(), end) for m in twin.finditer(view.lowered, start, end))


def _cue_in(view: ArticleView, cue: re.Pattern, start: int, end: int) -> bool:
    """Whether ``cue`` matches in ``view.text[start:end]``: by its twin in the lower-cased text, where its gate
    words are looked for first."""
    if view.lowered is None:
        return bool(cue.search(view.text[start:end]))
    window = view.lowered[start:end]
    return any(map(window.__contains__, _PATTERN_GATES[id(cue)])) and bool(_LOWER_CASE_TWINS[id(cue)].search(window))


def _folded_search(view: ArticleView, cue: re.Pattern, start: int, end: int, sliced: bool = False) -> bool:
    """Whether ``cue`` is found in ``view.text`` between ``start`` and ``end`` (in the substring when ``sliced``, where
    ``\\b`` and ``$`` see its edges): by its lower-case twin in the lower-cased text, a case-sensitive scan about
    three times cheaper."""
    text, twin = (view.text, cue) if view.lowered is None else (view.lowered, _LOWER_CASE_TWINS[id(cue)])
    return bool(twin.search(text[start:end]) if sliced else twin.search(text, start, end))


# Case-sensitive twins of the case-insensitive cues, for the lower-cased text. (Keyed by id, here and below:
# hashing a compiled pattern hashes its whole program every time.)
_LOWER_CASE_TWINS = {id(cue): lower_case_twin(cue) for cue in (MEETING_TRIGGER, PHONE_CUE, VIDEO_CUE, FUTURE_CUE)}
# Words without one of which a cue cannot match: a substring test is much cheaper than the scan.
_PATTERN_GATES = {
    id(PHONE_CUE): ("phone", "phonic", "spoke", "called", "telecon", "call"),
    id(VIDEO_CUE): ("video", "virtual", "teleconference", "online", "zoom", "teams", "webex", "skype"),
    id(_COUNTERPART_VERB): ("counterpart", "defense", "defence"),
    id(_VERB_WITH): ("ed with", "s with"),
    id(_OBJECT_TRIGGER): ("welcomed", "received", "hosted", "greeted", "called", "meeting", "signed", "discussed",
                          "talked", "conversed"),
}
# A quotation mark ends a clause only where it closes a quoted sentence, not a quoted term ("two-plus-two" talks).
# ("as well as" joins two objects of one verb: "will hold a meeting with A as well as a meeting with B")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|[.!?,][\"”]\s|\b(?:after|when|while|since|because|where)\b|"
                           r"\b(?<!well\s)as\b(?!\s+well\s+as\b)")


# A subordinate clause whose encounter verb is in the present: "as the country hosts", "when the ministers meet".
_PRESENT_SUBORDINATE = re.compile(r"(?:as|when|while|where)\s+(?:[\w’'-]+\s+){0,4}?(?:hosts|meets|holds|convenes|visits)\b",
                                  re.I)


def _planned(view: ArticleView, sentence: Sentence, trigger: re.Match) -> bool:
    """Whether the clause around a trigger speaks of a plan: before it ("is scheduled to travel to Berlin on
    Saturday for talks") or after it ("a phone call between the two ministers is planned for next week")."""
    clause, previous, opener = sentence.start, sentence.start, None
    for m in _CLAUSE_BREAK.finditer(view.text, sentence.start, trigger.start()):
        clause, previous, opener = m.end(), clause, m
    if opener is not None and _PRESENT_SUBORDINATE.match(view.text, opener.start(), trigger.end()) \
            and next(_cue_matches(view, FUTURE_CUE, sentence.start, opener.start()), None) is not None:
        # "will meet again in July, as the country hosts the dialogue": a present in a clause under a future one
        # is as much to come.
        return True
    phrase = trigger.start()
    verbless = clause > sentence.start and _VERBLESS_CLAUSE.match(view.text, clause, trigger.end())
    if (verbless or _OPENING_PHRASE.match(view.text, sentence.start, trigger.end())) \
            and _main_clause_future(view, sentence, trigger):
        # A phrase that only names the encounter has the tense of the main clause after its comma: "Kim, during the
        # talks, will likely urge B ...", "In addition to his meeting with X, Y will tomorrow deliver a speech".
        return True
    if verbless:
        # "A will meet B, in the first meeting of its kind": the tense is that of the clause the phrase qualifies
        clause, phrase = previous, clause
    futures = _cue_matches(view, FUTURE_CUE, clause, trigger.start())
    if _WHERE_AGREED.match(view.text, phrase):
        # "agreed to cooperate closely ... in their phone talks Thursday": the talks are where they agreed, held;
        # only another future cue ("will", "next") makes them a plan.
        futures = (f for f in futures if not _AGREED_TO.fullmatch(f.group()))
    return next(futures, None) is not None \
        or _folded_search(view, _WISH, clause, trigger.start()) \
        or bool(_PLANNED_AFTER.match(view.text, trigger.end(), sentence.end)) \
        or bool(_ENCOUNTER_NOUN.match(trigger.group()) and _NOUN_FUTURE_AFTER.match(view.text, trigger.end(), sentence.end)) \
        or bool(_LATER_AFTER.match(view.text, trigger.end(), min(sentence.end, trigger.end() + 60)))


# A phrase opening the sentence that names the encounter ("In addition to his meeting with X,", "Besides the talks
# with X,"), and the main clause after a phrase's comma when it is a future (its subject "will" do something).
_OPENING_PHRASE = re.compile(r"\s*(?:In\s+addition\s+to|Besides|Apart\s+from|Aside\s+from|Along\s+with|"
                             r"Alongside|As\s+well\s+as)\s+(?:his|her|their|the|a|an)\b[^,;]*$")
_MAIN_FUTURE = re.compile(r",\s+(?:(?!(?:said|says|told|added|noted|stressed|believes|hopes|that)\b)[\w.’'-]+\s+){0,5}?"
                          r"(?:(?:also|then|later)\s+)?(?:will|shall|is\s+to|are\s+to|"
                          r"is\s+(?:scheduled|expected|due|set)\s+to)\b")


def _main_clause_future(view: ArticleView, sentence: Sentence, trigger: re.Match) -> bool:
    comma = view.text.find(",", trigger.end(), sentence.end)
    return comma >= 0 and bool(_MAIN_FUTURE.match(view.text, comma, sentence.end))


# An encounter noun as the subject of any future, a few words on: "Bilateral talks between the two sides will
# follow", "the meeting will bring together ...", "the dialogue will cover ..." (not "talks that will pave the way",
# a relative clause; not "and will meet again", another predicate).
_ENCOUNTER_NOUN = re.compile(r"^(?:(?!held\b|had\b|hold|met\b|\w+ed\b)[A-Za-z-]+\s+)?(?:meetings?|talks|session|dialogue|"
                             r"consultations|conversation|bilaterals)\b", re.I)
_NOUN_FUTURE_AFTER = re.compile(r"(?:(?!\b(?:that|which|who)\b|\band\s+(?:will|shall)\b)[^,;]){0,140}?\b(?:will|shall|is\s+to|"
                                r"are\s+to)\s+(?!have\s+(?:been|had|met|held)\b)\w+")


# A clause that is only a phrase naming the encounter ("..., in the first face-to-face meeting of this type"): it
# has no verb of its own, so the tense is that of the clause it qualifies.
_VERBLESS_CLAUSE = re.compile(r"(?:in|at|during)\s+(?:a|an|the|their|his|her)\s+(?:[\w’'-]+\s+){0,4}?"
                              r"(?:meeting|talks|session|call|conversation)(?:\s+with)?$", re.I)


# An encounter named as where something was agreed: "in their phone talks", "at the meeting".
_WHERE_AGREED = re.compile(r"(?:in|during|at)\s+(?:their|the|a|an|his|her)\b", re.I)
_AGREED_TO = re.compile(r"(?:agreed|pledged)\s+to", re.I)
# "hoped to raise it with X at a meeting": a wish, not a held meeting.
_WISH = re.compile(r"\b(?:hope[sd]?|hoping|wants?|wanted|intends?|intended|aims?|aimed|seeks?|sought|looks?\s+forward|"
                   r"looking\s+forward)\s+to\b", re.I)
# "at a meeting later this month", "talks next week": a time still to come right after the cue.
_LATER_AFTER = re.compile(r"(?:\s+(?:in|at|with)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?\s+(?:later\s+this|later\s+in|"
                          r"next|the\s+coming|coming|upcoming)\b", re.I)
# The cues _folded_search reads, written in lower case like those above.
_LOWER_CASE_TWINS.update({id(cue): lower_case_twin(cue) for cue in (_NOT_HELD, _LAST_TIME, _WISH)})


_AND_I = re.compile(r"\band\s+I\b")


def _joint_subject_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "A and his Korean counterpart B agreed to ...": the sentence opens with officials of two governments joined
    by "and", who together do what only a meeting lets them do."""
    people = view.entities.people_in(sentence.start, m.start())
    subject = view.text[sentence.start:m.start()]
    countries = {view.entities.people[p.key].country for p in people} - {None}
    speaker = view.speakers.get(sentence.block, (None, None, False))[1]
    if speaker is not None and _AND_I.search(subject):
        countries.add(speaker.country)    # a transcript's "Minister X and I discussed ...": the speaker is one side
    if len(countries) < 2 or not people:
        return False
    return people[0].start - sentence.start <= 60 and " and " in subject and not _JOINT_BREAK.search(subject) \
        and not _APART.search(subject) and not _TO_MEET.match(view.text, m.end())


# "Serbian and Croatian defence ministry officials X and Y <verb>", "The Japanese and U.S. defense chiefs <verb>",
# "The A and B Defence Ministers X and Y signed ..." (the office in capitals, as some outlets write it),
# "The defense ministers of South Korea and Japan <verb>".
_PAIR_OF_GOVERNMENTS = re.compile(r"(?:The\s+|the\s+)?(?P<one>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+and\s+(?:the\s+)?"
                                  r"(?P<two>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+(?i:defen[cs]e\s+(?:ministry\s+)?"
                                  r"(?:ministers|chiefs|officials|secretaries|heads))\b"
                                  # "The defense ministers of South Korea and Japan held talks".
                                  r"|(?:The\s+|the\s+)?(?i:defen[cs]e\s+(?:ministers|chiefs|officials|heads))\s+of\s+(?:the\s+)?"
                                  r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?")
_NAMES_GAP = re.compile(r"(?:[\s,]+(?:[A-Z][\w.’'-]*|and))*")


def _subject_start(text: str, sentence: Sentence) -> int:
    """Where a sentence's subject begins: after the wire dateline that opens it, if any."""
    dateline = _DATELINE_OPENING.match(text, sentence.start, sentence.end)
    return dateline.end() if dateline else sentence.start


def _pair_subject_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "Serbian and Croatian defense ministry officials X and Y harmonized ...": a subject naming two governments'
    defence officials as a pair, then (after their names, if any) the verb of what they did together."""
    pair = _PAIR_OF_GOVERNMENTS.match(view.text, _subject_start(view.text, sentence), m.start())
    if pair is None:
        return False
    codes = {mention.code for mention in view.entities.mentions_in(sentence.start, pair.end())}
    gap = _NAMES_GAP.match(view.text, pair.end(), m.start())
    gap = _ADVERB_GAP.match(view.text, gap.end(), m.start()) if gap else None
    return len(codes) == 2 and gap is not None and gap.end() == m.start() \
        and not _APART.search(view.text[sentence.start:m.start()]) and not _TO_MEET.match(view.text, m.end())


# "Chinese Defense Minister X and Japanese Chief of Staff Y have agreed ...": a sentence (after its dateline) opened by
# a government's word and a capitalized office, the cheap first look of ``_officials_pair_holds``.
_OFFICIALS_PAIR_HINT = re.compile(r"(?:The\s+)?[A-Z][\w.’'-]*(?:[’']s)?\s+[A-Z]")
# A wire dateline that opens the sentence: "BEIJING — ", "SARAJEVO, Bosnia (January 23, 2008) – ", "ISLAMABAD: ".
_DATELINE_OPENING = re.compile(r"[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
                               r"(?:\s*\([^()]{0,40}\))?(?:\s+[—–-]|:)\s+")
# A capitalized office in a subject: "Defense Minister", "Chief of Staff", "Secretary of Defense".
_OFFICE_WORD = re.compile(r"\b(?:Minister|Secretary|Chief|Chairman|Commander|General|Admiral|Marshal|Director|Head)\b")
# The words an official's title and name are written with: capitalized words and the small words of a title
# ("Chief of Staff of the Joint Staff", "Minister of Defence and Military Veterans").
_TITLE_AND_NAME = re.compile(r"(?:[Tt]he\s+)?(?:(?:[A-Z][\w.’'-]*|of|the|for|and(?=\s+[A-Z]\w*\s+(?:Affairs|Veterans|"
                             r"Security|Production)\b))\s+)*[A-Z][\w.’'-]*,?")
_JOINT_AND = re.compile(r",?\s+and\s+(?!(?:[A-Z]\w*\s+)?(?:Affairs|Veterans|Security|Production)\b)")
# What two officials may each do on their own at a gathering of many ("A and B attended the forum"): no encounter.
_EACH_ALONE = re.compile(r"(?:attended|participated|took\s+part|joined|arrived|addressed|delivered|travell?ed|flew|"
                         r"returned|left|went|came)\b")
_HAVE_END = re.compile(r"\s+(?:have|has)\s*$")


def _officials_pair_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "Chinese Defense Minister X and Japanese Chief of Staff Y have agreed ...": a subject of two officials, each
    written as a government's word, an office and a name (names the knowledge base may lack), joined by "and",
    then the verb of what they did together."""
    text = view.text
    start = _subject_start(text, sentence)
    subject = text[start:m.start()].rstrip()
    have = _HAVE_END.search(subject)
    if have:
        subject = subject[:have.start()]
    if _JOINT_BREAK.search(subject) or _APART.search(text[start:m.start()]) or _TO_MEET.match(text, m.end()) \
            or _EACH_ALONE.match(text, m.start()):
        return False
    parts = _JOINT_AND.split(subject)
    if len(parts) != 2:
        return False
    codes = []
    left = start
    for part in parts:
        left = text.index(part, left)
        if not _TITLE_AND_NAME.fullmatch(part) or not _OFFICE_WORD.search(part):
            return False
        found = {mention.code for mention in view.entities.mentions_in(left, left + len(part))}
        if len(found) != 1:
            return False
        codes.append(found.pop())
        left += len(part)
    return codes[0] != codes[1]


def _counterparts_subject_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "A and his Korean counterpart B <verb>": the first verb right after a joint subject that names the two as
    counterparts (or the two governments' defence officials as a pair, or two officials each with government and
    office)."""
    if _pair_subject_holds(view, sentence, m) or _officials_pair_holds(view, sentence, m):
        return True
    people = view.entities.people_in(sentence.start, m.start())
    if len(people) < 2 or "counterpart" not in view.text[people[0].end:people[-1].start]:
        return False
    gap = _ADVERB_GAP.match(view.text, people[-1].end, m.start())
    return gap is not None and gap.end() == m.start() and _joint_subject_holds(view, sentence, m)


def _verb_with_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "A engaged with Defence Minister B": right after the verb, an official of a government none of the subject's
    officials belongs to, or the subject's counterpart(s)."""
    if _COUNTERPART_OBJECT.match(view.text, m.end(), sentence.end):
        return True
    following = _object_people(view, sentence, m)
    if not following:
        return False
    entities = view.entities
    other = entities.people[following[0].key].country
    subject = {entities.people[p.key].country for p in entities.people_in(sentence.start, m.start())}
    return other is not None and other not in subject


def _object_people(view: ArticleView, sentence: Sentence, m: re.Match) -> list:
    """The people named right after a verb, a few words at most between ("received the visiting Polish Defense
    Minister A"): its object, when it is someone."""
    following = view.entities.people_in(m.end(), min(sentence.end, m.end() + 60))
    return following if following and _OBJECT_GAP.fullmatch(view.text, m.end(), following[0].start) else []


def _object_trigger_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    entities = view.entities
    if m.group() == "signed":
        subject = {entities.people[p.key].country for p in entities.people_in(sentence.start, m.start())}
        return len(subject - {None}) >= 2
    following = _object_people(view, sentence, m)
    if following:
        return not (m.group().startswith("called on") and _URGED.match(view.text, following[-1].end))
    # "received the Kyrgyz military delegation headed by ...": a government's delegation is an object too
    delegation = _DELEGATION_OBJECT.match(view.text, m.end(), sentence.end)
    return bool(delegation) and bool(entities.mentions_in(m.end(), delegation.end(), kinds=("country", "demonym")))
