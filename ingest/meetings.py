"""The meetings an article reports, and which of its sentences speak of which.

A meeting is opened by a sentence that reports an encounter as held ("met",
"held talks", "spoke by phone", "during a videoconference with"); plans ("will
meet") and negations are not meetings. Its governments come from the named
officials, the countries in the sentence's participant part (not the place, not
the topic after "to discuss"), groups whose members all took part, and references
back ("the two met"). The same encounter reported twice is merged. Every other
sentence belongs to the meeting whose participants it speaks of, or else to the
meeting the text is currently about.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import chain

from . import statements as speech
from .clauses import Resolver, Scope
from .dates import (ARCHIVE_PHOTO, FUTURE_CUE, DateMention, case_folded, find_dates, is_future_context,
                    lower_case_twin, resolve)
from .document import ExtractedMeeting, ExtractedParticipant
from .entities import LEADER_TITLES, DocumentEntities, EntityIndex, Person, dateline_place, in_other_office, trie_regex
from .sentences import Sentence
from .words import content_words

# The case-insensitive cues are written in lower case, so that their lower-case twins can scan an article's
# lower-cased text (``_cue_matches``).
MEETING_TRIGGER = re.compile(
    r"\b(?:met|meets|conferred|hosted(?!\s+(?:in|by)\s)|co-?chaired)\b(?!\s+with\s+(?:a|an)\s+\w+\s+(?:response|reaction))"
    r"|\bheld\s+(?:[\w’'‘.-]+\s+){0,7}?(?:talks|meetings?|2\+2|two-plus-two|2-plus-2|conference|dialogue|"
    r"consultations|discussions?|summit|ministerial|session|call|videoconference)\b"
    r"|\bhad\s+(?:(?!not\b|never\b|yet\b)[\w’'‘.-]+\s+){0,4}?(?:talks|meetings?|discussions?|conversation|call|"
    r"dialogue|exchanges?\s+of\s+views)\b"
    r"|\b(?:in|during|at)\s+(?:a|an|the|their|his|her)?\s*(?:[\w’'-]+\s+){0,4}?(?:talks|meeting|conference|session|"
    r"dialogue|call|conversation|videoconference)\s+(?:with|between|involving)\b"
    r"|\b(?:talks|meetings?|discussions?|consultations|conversation)\s+with\b|\bsat\s+down\s+with\b"
    r"|\bpaid\s+(?:a\s+)?(?:courtesy\s+)?(?:call|visit)\s+(?:on|to)\b"
    r"|\btold\s+(?:his|her)\s+(?:[a-z][\w-]*\s+){0,2}counterparts?\b"
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
    # "convened a trilateral ministerial meeting", "attended the 2+2 meeting", "participated in the ... Meeting":
    # a ministers' session, not a forum open to many (a dialogue or conference is only the setting).
    r"|\bconvened\b|\b(?:attended|participated\s+in|took\s+part\s+in)\s+(?:a|an|the)\s+(?:[\w’'.+-]+\s+){0,8}?"
    r"(?:meeting|ministerial|session|talks|consultations)\b"
    # "The meeting took place in Brussels", "The ... Dialogue commenced on Monday", "was attended by":
    # the session itself as the subject.
    r"|\b(?:meetings?|session|talks|consultations|ministerial|dialogue)\s+(?:[\w’'-]+\s+){0,3}?(?:took\s+place|"
    r"(?:was|were)\s+held|commenced|opened)\b"
    r"|\b(?:meetings?|session|talks|consultations|ministerial|dialogue|which)\s+(?:[\w’'-]+\s+){0,3}?(?:was|were)\s+"
    r"(?:\w+\s+)?attended\s+by\b",
    re.I,
)
PHONE_CUE = re.compile(
    r"\b(?:tele)?phone\s+(?:call|conversation|talks?)\b|\bspoke\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b|"
    r"\bby\s+(?:tele)?phone\b|\b(?:phoned|telephoned)\b|"
    r"\bspoke\s+(?:(?:on\s+)?(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
    # "spoke with reporters after the meeting" is no call.
    r"(?:to|with)\b(?!\s+(?:the\s+)?(?:reporters|journalists|press|media|news\s+media|students|troops|service\s*members)\b)"
    r"|\bcalled\s+(?:his|her)\s+(?:[a-z][\w-]*\s+){0,2}counterpart",
    re.I,
)
VIDEO_CUE = re.compile(r"\bvideo[\s-]?(?:conference|call|link|teleconference|talks)|\bvideoconferenc|\bvirtual\s+"
                       r"(?:meeting|talks|call|conference|session)|\bvirtually\b|\bvia\s+video\b|\bteleconference", re.I)
# Verbs that report an encounter only when a named official is their object ("received Umerov",
# "called Marles again") or, for "signed", when officials of two governments are its subject.
_OBJECT_TRIGGER = re.compile(r"\b(?:(?:was|were)\s+(?:welcomed|received|hosted|greeted)\s+(?:[\w,]+\s+){0,4}?by\s+|"
                             r"received\s+|welcomed\s+|greeted\s+|called\s+(?!on\b|for\b|upon\b)|meeting\s+(?:with\s+)?|"
                             r"(?:discussed|talked|conversed)\s+with\s+|"
                             r"signed\s+(?:[\w’'-]+\s+){0,6}?with\s+|signed\b)")
# Verbs of a joint subject of two governments' officials ("A and his Korean counterpart B agreed to ...",
# "A and B discussed ... Sunday"): what they do together reports their encounter.
_JOINT_SUBJECT = re.compile(r"\b(?:discussed|agreed|reaffirmed|exchanged\s+views|reviewed|pledged|vowed|signed)\b")
# "Both A and B have pledged ...", "A and B each pledged ...": each on their own, not together.
_APART = re.compile(r"^\s*[Bb]oth\b|\b(?:each|separately|both\s+have|have|has|had|would|will|could)\s+(?:\w+\s+)?$")
# "agreed to meet in person as soon as travel allows": a plan.
_TO_MEET = re.compile(r"\s+to\s+(?:meet|hold|visit|convene|talk|speak|travel|host)\b")
# A subject that is not one clause of officials: "A said B ...", "A, who ..., and B".
_JOINT_BREAK = re.compile(r"\b(?:said|says|told|who|which|that|when|after|while|if)\b|[;:“”\"]")
# Between such a verb and its person: "visiting Polish Defense Minister", not "of NATO defence ministers, ".
_OBJECT_GAP = re.compile(r"(?!of\b)(?:[\w.’'-]+\s+){0,6}")
# "Meeting at Camp Aguinaldo, the two officials agreed ...": a participle that opens the sentence.
_LEAD_PARTICIPLE = re.compile(r"Meeting\s+(?:at|in|on|with|for)\b")
# "have met several times": a passing mention of encounters, not the report of one.
_PASSING = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?(?:(?:several|many|multiple|numerous|countless|two|three|four|five|\d+)"
                      r"\s+times|on\s+(?:several|many|multiple|numerous)\s+occasions|regularly|frequently|often|"
                      r"repeatedly|periodically)\b")
# "The last time the three chiefs met was in 2019", "they last met in October": an earlier encounter, as context.
_LAST_TIME = re.compile(r"\b(?:last|previous)\s+time\b[^,;.]*$|\b(?:last|previously)\s+$|"
                        r"\b(?:since|been\s+\w+\s+(?:years?|months?)\s+since)\s+(?:[\w’'-]+\s+){0,2}$", re.I)
# "since I met him last, at ...": "last" closing the clause of an earlier encounter.
_LAST_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?last\s*[,;.]")
# "A phone call between the two ministers is planned for next week": the clause after the cue makes it a plan.
_PLANNED_AFTER = re.compile(r"[^,;]{0,140}?\b(?:is|are|has\s+been|have\s+been)\s+(?:being\s+|also\s+|now\s+)?"
                            r"(?:planned|scheduled|expected|proposed|envisaged|due|set|slated)\b"
                            # "The meeting between A and B will take place in Tokyo".
                            r"|[^,;]{0,140}?\b(?:will|is\s+to|are\s+to)\s+(?:take\s+place|be\s+held|convene|open|begin)\b")
_NOT_HELD = re.compile(
    r"\b(?:will|would|to|plans?\s+to|planned|requested|sought|seeks?|asked\s+for|scheduled\s+to|expected\s+to|set\s+to|"
    r"due\s+to|ahead\s+of|before|"
    r"upcoming|next|future|proposed|hopes?\s+to|wants?\s+to|may|might|could|should|did\s+not|didn't|not|never|"
    r"cancel(?:l?ed)?|postponed|when\s+they)\s+(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
# Every branch opens with a space or a comma: the lookahead rules out other characters at once.
_TOPIC_CUT = re.compile(
    r"(?=[\s,])(?:"
    r"\s(?:to\s+(?:discuss|talk|review|address|exchange|explore|strengthen|deepen|boost|bolster|enhance|coordinate|"
    r"consult|reaffirm|seek|push|press|condemn|mark)|discussing|about|regarding|concerning|amid|as(?!\s+well\b)|where|who|"
    r"ahead\s+of|before|prior\s+to|for\s+(?:talks|discussions|consultations)|on\s+(?!(?:the\s+)?sidelines|behalf|\w+day\b|[A-Z][a-z]{2}|\d)|"
    r"which(?!\s+was\s+(?:also\s+)?attended)|while|whereas|against|after|following|over|that|focused|focusing|"
    r"on\s+(?:the\s+)?(?:issue|situation|threat|need|ways)|since|"
    r"(?:their|the|his|her)\s+first)\b"
    r"|,\s+(?:the|a|an)\s+(?:latest|last|second|third|new|sign|step|move|meeting|visit)\b"
    r"|,\s+(?:marking|underscoring|signaling|signalling|highlighting|reflecting|in\s+a\s+sign)\b"
    r"|,?\s+and\s+(?:the\s+(?:two|three|four|five|ministers|sides|leaders)|they|both)\s+[a-z]+"
    r"|,?\s+and\s+(?:also\s+)?(?:agreed|pledged|vowed|decided|discussed|reaffirmed|signed|exchanged|confirmed|expressed|"
    r"stressed|emphasi[sz]ed|underscored|condemned|called|reviewed|committed)\b"
    r"|,\s+with\s+(?:the|both|each)\b"
    r")"
)
# A sentence opened by its meeting ("In their meeting, A and B agreed ..."): its participants are named up to the
# subject of the main clause, the capitalized words after the comma.
# ... and one opened by an earlier encounter of the main clause's subject: "Having earlier met A, B also met C".
_OPENING_PHRASE = re.compile(r"(?:In|During|At|Having\s+(?:\w+\s+)?(?:met|held|hosted)|"
                             r"After\s+(?:meeting|hosting|holding))\b")
_CLAUSE_SUBJECT = re.compile(r"(?:\s*(?:[A-Z][\w.’'-]*|and|the|his|her|their|of|for|we|both|two|three|sides|"
                             r"ministers|leaders|officials|,))*")
_PARTICIPLE_LEAD = re.compile(r"(?:Having|After)\b")
# A person named after a meeting verb or "with" is its object: "he met Kihara", "talks with Marles".
_OBJECT_CUE = re.compile(r"\b(?:met|meets?|meeting|talks|hosted|hosts|received|receives|welcomed|welcomes|greeted|called|"
                         r"with)\b", re.I)
# "He also met ...": the trigger's subject is a person named before ("..., he also met", "On Thursday he met").
# "He met ...", "He said the matter was agreed during a meeting with ...": one who reports a meeting was at it.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s+|\band\s+|^(?:On\s+\w+|Later|Then|Afterwards|Next|Earlier|Also|"
                              r"Separately|Meanwhile)\s+)(?:he|she)\s+(?:[a-z]+\s+){0,2}$"
                              r"|^(?:he|she)\s+(?:said|told|noted|added)\b[^,;\"“]*$", re.I)
# "Apart from his bilateral meetings with ...": the trigger's subject is the owner of the meetings.
_POSSESSIVE_SUBJECT = re.compile(r"(?:^|\b(?:from|of|after|besides|beyond|to)\s+)(?:his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "..., the Defence Secretary held a bilateral meeting with ...": a participant named earlier by name, now by title.
# ... and "Speaking at the meeting, the Defence Secretary said:", a quote introduced by the speaker's title.
_THE_TITLE = r"the\s+(?P<title>(?:[Dd]efen[cs]e\s+)?(?:[Ss]ecretary|[Mm]inister))"
_TITLE_SUBJECT = re.compile(rf"(?:^|[,;]\s+){_THE_TITLE}\s+(?:[a-z]+\s+){{0,2}}$")
_TITLE_REFERENCE_END = re.compile(rf"\b{_THE_TITLE}$")
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|visit\s+to|trip\s+to|across|visiting|visited|visits)\s+(?:the\s+)?"
                              r"|,\s+(?:the\s+)?)$")
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which|whose)\b[^,]*$")
_YEARS_BACK = re.compile(r"\blast\s+year\b|\b(?:a|one|two|three|four|five|several|many|\d+)\s+years?\s+ago\b", re.I)
# A clause about an earlier encounter after the trigger: "..., after the first meeting in X on April 4".
# "..., after the two held phone talks on May 18".
_EARLIER_MEETING = re.compile(r"\b(?:after|since|following)\s+(?:(?:the|their|a)\s+(?:first|previous|last|earlier|"
                              r"inaugural)\s+(?:[\w-]+\s+)?(?:meeting|talks|visit|round|call)\b|(?:the\s+(?:two|three)|"
                              r"they|both)\s+(?:had\s+|have\s+)?(?:met|held|spoke|talked)\b)", re.I)
# "Indonesian President", "Japan's Prime Minister", "President of Azerbaijan": a government named by its leader.
_LEADER = r"(?:President|Prime\s+Minister|King|Queen|Emir|Amir|Crown\s+Prince|Chancellor|Premier|Sultan|Head\s+of\s+State)"
_LEADER_AFTER = re.compile(rf"(?:[’']s)?\s+(?:new\s+|then\s+)?{_LEADER}\b")
_LEADER_BEFORE = re.compile(rf"\b{_LEADER}\s+of\s+(?:the\s+)?$")
_REGION_BEFORE = re.compile(r"\b(?:Central|Latin|South|North|Pan)[ -]$")
# "Japan-Ukraine", "U.S.-Japan": a country joined to another names a side, never a place.
_COMPOUND_AFTER = re.compile(r"[A-Z][\w.’' ]{0,30}?[-–][A-Z]")
# "to Japan and South Korea": a country listed after a place of the trip is a place too.
_LIST_BEFORE = re.compile(r"(?:,|\s+and|,\s+and)\s+(?:the\s+)?$")
_GROUP_ALL = re.compile(r"(?:counterparts?|ministers|chiefs|members|states|nations|countries|all|(?<!\d)\d+|ten|nine|eleven|twelve|"
                        r"fifteen|eighteen|twenty)\s+(?:(?:from|of)\s+)?(?:the\s+)?(?:\w+\s+){0,3}$", re.I)
_GROUP_ALL_AFTER = re.compile(r"^(?:[’']s?)?\s+(?:member\s+states|members|(?:defen[cs]e\s+)?(?:ministers|chiefs|"
                              r"counterparts|leaders))\b", re.I)
_BACK_REFERENCE = re.compile(r"\b(?:the|all|both)\s+(?P<n>two|three|four|five)\b|\b(?:they|both\s+ministers|"
                             r"the\s+ministers|the\s+(?:defen[cs]e\s+)?(?:chiefs|leaders|ministers))\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_GROUP_SUBJECT = re.compile(r"(?:[A-Z][\w ]{0,30},\s+)?(?:(?P<n>[Bb]oth)|[Tt]he|[Aa]ll(?:\s+the)?)\s+"
                            r"(?:(?P<n2>two|three|four|five)\s+)?(?:[\w-]+\s+)?(?:ministers|chiefs|leaders|participants|sides)\b"
                            r"(?:\s+(?P<n3>both)\b)?")
# The nouns of _MEETING_NOUN, as plain words for a substring test.
_MEETING_NOUNS = ("Ministerial", "Meeting", "Conference", "Dialogue", "Talks", "Consultation", "Summit", "Forum",
                  "Committee", "Session")
_MEETING_NOUN = r"(?:Ministerial|Meeting|Conference|Dialogue|Talks|Consultations?|Summit|Forum|Committee|Session)"
_QUOTED_NAME = re.compile(rf"[‘“\"'](?P<name>[A-Z][^‘“”\"]{{2,90}}?{_MEETING_NOUN}(?:[-‐]Plus)?)[’”\"']")
_CAPITALIZED_NAME = re.compile(
    rf"(?P<name>(?:[A-Z][\w.’'-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){{1,8}}?{_MEETING_NOUN}(?:[-‐]Plus)?)\b")
# "the situation in Ukraine", "tensions in the Red Sea": a place the talks were about, not where they were held.
_TOPIC_PLACE = re.compile(r"\b(?:situation|war|conflict|crisis|peace|stability|security|tensions?|developments|events|"
                          r"fighting|attacks?|aggression|invasion|elections?|instability|violence)\s+(?:in|on|at)\s+"
                          r"(?:the\s+)?$", re.I)
_PLACE_LEAD = re.compile(r"\b(?:at|in|visited|to)\s+(?:the\s+|a\s+)?(?:former\s+)?")
# "to Warsaw" names the venue only after a verb of coming or receiving ("welcomed X to Warsaw").
_TO_VENUE = re.compile(r"\b(?:welcom\w*|visit\w*|trip|travel\w*|came|come|arrived|flew|invited|hosted|received)\b")
_CITY_STATES = frozenset(("SG", "MC", "VA"))   # "in Singapore": the country is its own city
_PLACE_WORDS = frozenset("building headquarters base hotel hall palace office ministry complex compound center centre "
                         "house of the in".split())
# "We have just concluded a meeting", "we have had very good talks": a meeting a speaker reports as just held.
_JUST_HELD = re.compile(r"\b(?:have|has|'ve)\s+(?:just\s+)?(?:had|held|concluded|finished|met|completed)\b", re.I)
# A meeting held at an event the text has already reported ("on the sidelines of the meeting").
# A meeting the text refers back to: "on the sidelines of the meeting", "The session, chaired by ..., brought together".
_HOST_EVENT = re.compile(r"(?:\b(?:sidelines\s+of|(?:at|during|after|following)\s+(?:the|this|that))|^\s*(?:The|This))\s+"
                         r"(?:[\w-]+\s+){0,2}?"
                         r"(?:meeting|conference|summit|forum|dialogue|session|ministerial|gathering|talks)\b", re.I)
_ATTRIBUTION_CUT = re.compile(r"\b(?:said|says|according\s+to|told)\b|;")
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|reported|told\s+(?:reporters|journalists))\s+(?:on\s+)?$")
_PAST_BACKGROUND = re.compile(r"\b(?:since|last|previous|earlier\s+meeting|ago|until)\s+$"
                              # "during his first visit since he took office in September": a since-clause's date
                              r"|\bsince\s+(?:he|she|they|it|taking|assuming|becoming|the)\b[^,;]*$", re.I)
_TRIGGER_WORDS = ("met", "meet", "held", "talks", "hosted", "conferred", "told", "welcomed", "phone", "spoke", "call",
                  "video", "virtual", "conference", "conversation", "received", "joined", "discussion", "sat down",
                  "greeted", "signed", "consultations", "chaired", "exchange", "convened", "attended", "participated",
                  "took part", "took place", "commenced", "opened", "discussed", "talked", "conversed",
                  "brought together", "dialogue", "agreed", "reaffirmed", "exchanged", "reviewed", "pledged", "vowed")
_TRIGGER_HINT = re.compile(trie_regex(_TRIGGER_WORDS))    # searched in the lower-cased sentence: fast to rule one out
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us)\b")
# "Defence Secretary Ben Wallace said:" alone in its paragraph: the first-person paragraphs after it are his words.
_QUOTE_INTRO = re.compile(r"(?P<who>[^.!?\n]{3,120}?)\s+(?:said|says|added|stated|commented|explained)\s*:")
_IN_PERSON = re.compile(r"\b(?:met|visit|hosted|in\s+person)\b")
_NOT_THIS_MEETING = re.compile(r"(?:sidelines\s+of|ahead\s+of|future|next|upcoming)\s+(?:the\s+|a\s+)?$", re.I)
# "in talks dominated by Iran's nuclear program": a government named as a topic's owner, not as who met.
_TOPIC_POSSESSIVE = re.compile(r"[’']s\s+(?!(?:top\s+|new\s+|visiting\s+)?(?:defen[cs]e|military|armed|foreign|"
                               r"counterpart|minister|secretary|delegation|army|navy|air|government|chief|deputy|"
                               r"[A-Z]))[a-z]")
_NOT_A_NAME = re.compile(r"(?:Security Council|The|This|He|She|They)\b")


@dataclass
class ArticleView:
    """What the meeting stage reads: the cleaned text, split and tagged."""
    text: str
    sentences: list[Sentence]
    entities: DocumentEntities
    index: EntityIndex
    reference: date | None
    dateline: DateMention | None = None     # a yearless wire dateline's month and day, when nothing gives the year
    dateline_end: int = 0                   # where a wire dateline ends: its date is a fallback, never the first choice

    @cached_property
    def speakers(self) -> dict[int, tuple[tuple[int, int], Person | None, bool]]:
        """Each transcript paragraph's label, the participant it names, and whether it is one who speaks for a
        government (not "Q:" or "MODERATOR:").

        A label holds for the body paragraphs after it, until the next label or heading; a label that
        names nobody known ("NEW DELHI:") holds for its own paragraph only.
        """
        people = list(self.entities.people.values())
        kinds = {s.block: s.kind for s in self.sentences}
        found, current, introduced, first_after_intro = {}, None, None, False
        for block, (start, end) in self.blocks.items():
            label = speech.transcript_label(self.text, start, end) if kinds[block] == "body" else None
            # The paragraph right after "X said:" is X's; later ones only while they speak in the first person.
            if introduced is not None and kinds[block] == "body" and label is None \
                    and (first_after_intro or _FIRST_PERSON.search(self.text, start, end)):
                found[block] = introduced
                first_after_intro = False
                continue
            introduced, first_after_intro = None, False
            if label is not None:
                written = self.text[label[0]:label[1]]
                speaks = speech.is_speaker(written)
                if speech.is_interpreter(written):
                    # "INTERPRETER:" speaks for the participant before; after a question, for nobody.
                    current = current if current is not None and current[1] is not None else (label, None, False)
                else:
                    current = (label, speech.labelled_person(written, people) if speaks else None, speaks)
            elif kinds[block] != "body" or (current is not None and current[2] and current[1] is None):
                current = None
            if current is not None:
                found[block] = current
            elif kinds[block] == "body":
                # A quote's introduction ends its paragraph with a colon: look for one only there.
                intro = _QUOTE_INTRO.fullmatch(self.text, start, end) if self.text[end - 1] == ":" else None
                person = speech.labelled_person(intro.group("who"), people) if intro else None
                title = _TITLE_REFERENCE_END.search(intro.group("who")) if intro and person is None else None
                if title:
                    # "Speaking at the meeting, the Defence Secretary said:" names its speaker by title.
                    person = _title_holder(self, start, title.group("title"), [])
                if person is not None:
                    introduced, first_after_intro = (intro.span("who"), person, True), True
        return found

    @cached_property
    def _dates(self) -> dict[tuple[int, int], list[DateMention]]:
        return {}

    def dates_in(self, sentence: Sentence) -> list[DateMention]:
        """A sentence's date mentions, read once however many meetings ask."""
        span = (sentence.start, sentence.end)
        found = self._dates.get(span)
        if found is None:
            found = self._dates[span] = find_dates(sentence.text)
        return found

    @cached_property
    def lowered(self) -> str | None:
        """The text lower-cased as the case-insensitive cues read it (``case_folded``)."""
        return case_folded(self.text)

    @cached_property
    def blocks(self) -> dict[int, tuple[int, int]]:
        """Each block's (start, end), from its first sentence to its last."""
        bounds: dict[int, tuple[int, int]] = {}
        for sentence in self.sentences:
            start = bounds.get(sentence.block, (sentence.start, 0))[0]
            bounds[sentence.block] = (start, sentence.end)
        return bounds


@dataclass
class Draft:
    sentence: Sentence
    countries: list[str]
    people: list[Person]
    format: str
    name: str | None = None
    place: str | None = None
    place_country: str | None = None
    date: date | None = None
    precision: str | None = None
    explicit_format: bool = False
    named_countries: list[str] = field(default_factory=list)   # named in the report, not only as a group's members
    members: list[Sentence] = field(default_factory=list)
    own_day: date | None = None    # the day its own report gives: two reports with different days are two encounters
    vague: bool = False            # its report dates it only vaguely ("who met Umerov last month"): no other day is its
    past: tuple[int, int] | None = None  # the month of a background encounter its report dates months back
    series: tuple[int, str] | None = None  # of the bilaterals one report split ("met A and B separately"): its host

    def same_encounter(self, other: "Draft") -> bool:
        return set(self.countries) == set(other.countries) and self.past == other.past and (
            self.own_day is None or other.own_day is None or self.own_day == other.own_day)


def extract_meetings(view: ArticleView) -> list[ExtractedMeeting]:
    drafts = _find_drafts(view)
    if not drafts:
        return []
    reference = view.reference
    if reference is None and view.dateline is not None:
        reference, _ = resolve(view.dateline, None, year_for=_year_guess(_all_people(drafts), text=view.text))
    assignment = _assign_sentences(view, drafts)
    _settle_format(view, drafts, assignment)
    drafts = _merge_same(drafts, assignment)
    _settle_dates(view, drafts, assignment, reference)
    _settle_places(view, drafts)
    # An encounter the text dates months before its own day is background ("when they met in Moscow in November
    # 2019"), not news: its sentences stay with it, but it is no meeting of this article (GUIDE).
    return [_claims(view, draft, assignment, reference) for draft in drafts if draft.past is None]


# --- finding meetings ----------------------------------------------------------

def _find_drafts(view: ArticleView) -> list[Draft]:
    drafts: list[Draft] = []
    unnamed: list[tuple[int, Sentence]] = []    # reports of a meeting just before that named too few governments
    body = 0
    for sentence in view.sentences:
        if sentence.kind != "body":
            continue
        body += 1
        # The first cue that names a meeting of two governments: "The meeting took place in Brussels, where he had
        # already met A and B" is read from "met" when the meeting it opens with names nobody.
        trigger, draft, position, cued = None, None, sentence.start, False
        lead_clause = _PARTICIPLE_LEAD.match(view.text, sentence.start)
        comma = view.text.find(", ", sentence.start, sentence.end) if lead_clause else -1
        if comma > 0:
            # "After meeting A, B held talks with C": the opening clause's encounter first, then the main clause's.
            lead = Sentence(sentence.start, comma, view.text[sentence.start:comma], sentence.kind, sentence.block)
            trigger = _held_trigger(view, lead)
            draft = _draft(view, sentence, trigger) if trigger is not None else None
            cued = trigger is not None
        topic_from = None
        while draft is None and position < sentence.end:
            trigger = _held_trigger(view, sentence, position)
            if trigger is None:
                break
            # A later cue reads the sentence without the earlier cue's topic ("joined counterparts to discuss
            # support for Ukraine and met Italy's minister").
            skip = (topic_from, trigger.start()) if topic_from is not None and topic_from < trigger.start() else (0, 0)
            draft = _draft(view, sentence, trigger, skip=skip)
            if topic_from is None:
                topic_from = _zone_end(view.text, sentence, trigger)
            cued = True
            position = max(trigger.end(), position + 1)
        if draft is None:
            if cued:
                unnamed.append((body, sentence))
            continue
        recent = [s for at, s in unnamed if body - at <= 3]
        unnamed.clear()
        if recent and draft.own_day is None and len(draft.countries) >= 3:
            # "The ministers of Central America met in San Salvador on 3 February. ... The session brought together
            # the ministers of A, B and C": the session first told without its members is the one that follows.
            draft.members[:0] = recent
            if draft.format == "in_person" and draft.place is None:
                draft.place, draft.place_country = next(
                    (found for found in (_location(view, s.start, s.end) for s in recent) if found[0]),
                    (None, draft.place_country))
        found = [*_separate(view, draft, trigger), *_later_encounters(view, sentence, trigger, draft)]
        for draft in found:
            same = next((d for d in drafts if d.same_encounter(draft) and (
                d.format == draft.format or not (d.explicit_format and draft.explicit_format))), None)
            if same is None:
                drafts.append(draft)
            else:
                _merge(same, draft)
    return drafts or _heading_drafts(view)


# A headline's word for a meeting: "U.S.-Japanese Talks at the Pentagon", "... Remarks at Bilateral Meeting",
# "ministers of A and B hold phone talks".
_HEADING_CUE = re.compile(r"\b(?:meets?|met|talks|meetings?|ministerial|consultations|dialogue|2\+2|"
                          r"two-plus-two|confer|confers|(?:phone|video)\s+call)\b", re.I)


def _heading_drafts(view: ArticleView) -> list[Draft]:
    """When no sentence of the body reports a meeting in words the rules know (a transcript, a ministry page that
    only says "we had a good talk"), the headline that names the officials or governments of two sides and a
    meeting reports it; the body's sentences then fall to it."""
    drafts: list[Draft] = []
    for sentence in view.sentences:
        if sentence.kind == "body" and drafts:
            break
        if sentence.kind != "heading":
            continue
        cue = _HEADING_CUE.search(view.text, sentence.start, sentence.end)
        if cue is None or _NOT_HELD.search(view.text[sentence.start:cue.start()]) or _planned(view, sentence, cue):
            continue
        draft = _draft(view, sentence, cue)
        if draft is None:
            continue
        same = next((d for d in drafts if d.same_encounter(draft)), None)
        if same is None:
            drafts.append(draft)
        else:
            _merge(same, draft)
    return drafts


# One encounter per counterpart: "in separate calls", "met respectively with", "held bilateral meetings with",
# "a series of meetings with" (plural meetings of one subject with several governments).
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\beach\s+of\s+them\b|\bone\s+after\s+(?:the\s+)?other\b|"
                       r"\brespectively\b|\bbilaterals\b|\b(?:bilateral|individual|one-on-one)\s+(?:meetings|talks)\b|"
                       r"\bmeetings\s+with\b|\bseries\s+of\s+(?:\w+\s+)?(?:meetings|talks)\b", re.I)
_PLURAL_MEETINGS = re.compile(r"\b(?:(?:the|these|those|their|bilateral|separate)\s+meetings|bilaterals|separately)\b",
                              re.I)
# ... unless the sentence says they met together: "a trilateral meeting", "a joint meeting", "the three ministers".
_TOGETHER = re.compile(r"\b(?:tri|quadri|multi)lateral\b|\bthree-way\b|\bjoint\s+(?:meeting|talks|session)\b|"
                       r"\btogether\b|\b(?:the|all)\s+(?:three|four|five)\b", re.I)


def _separate(view: ArticleView, draft: Draft, trigger: re.Match) -> list[Draft]:
    """ "spoke with his Ukrainian and Polish counterparts in separate calls", "met respectively with A and B",
    "held bilateral meetings with counterparts from A, B and C": one encounter of the subject's government with
    each of the others, not one meeting of all of them. The subject is the official named before the verb, else
    the government named there ("The Turkish defense minister separately met ...")."""
    sentence = draft.sentence
    if len(draft.countries) < 3 or _TOGETHER.search(sentence.text):
        return [draft]
    if len(draft.named_countries) < len(draft.countries):
        return [draft]    # "a meeting of NATO defence ministers": a group's session is one meeting
    if not _SEPARATE.search(sentence.text):
        # "A met his Turkish, Lebanese and Pakistani counterparts. ... The sides in the meetings discussed ...": the
        # plural may come in the next sentences of the report.
        following = [s for s in view.sentences if s.kind == "body" and s.start >= sentence.end][:2]
        if not any(_PLURAL_MEETINGS.search(s.text) and not _TOGETHER.search(s.text) for s in following):
            return [draft]
    subject = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, trigger.start())}
    if not subject:
        subject = {m.code for m in view.entities.mentions_in(sentence.start, trigger.start())
                   if not _is_location(view, sentence.start, m.start)}
    before = view.text[sentence.start:trigger.start()]
    if not subject and (_PRONOUN_SUBJECT.search(before) or _POSSESSIVE_SUBJECT.search(before)):
        subject = {p.country for p in _roundup_subject(view, sentence.start)}
    if len(subject) != 1 or not subject <= set(draft.countries):
        return [draft]
    host = subject.pop()
    found = []
    for country in draft.countries:
        if country == host:
            continue
        pair = [host, country]
        found.append(replace(draft, countries=pair, people=[p for p in draft.people if p.country in pair],
                             named_countries=[c for c in draft.named_countries if c in pair], members=[sentence],
                             series=(sentence.start, host)))
    return found


def _later_encounters(view: ArticleView, sentence: Sentence, first: re.Match, draft: Draft) -> list[Draft]:
    """Further encounters one sentence reports ("held talks with A on Monday, a day after meeting B in Canberra"):
    each from its own trigger on, with the sentence's subject, when it names an official of a new government."""
    subject = [view.entities.people[m.key] for m in view.entities.people_in(sentence.start, first.start())]
    found: list[Draft] = []
    position = _zone_end(view.text, sentence, first)
    short = _zone_end(view.text, sentence, first, opening=True)
    if short < position and _PARTICIPLE_LEAD.match(view.text, sentence.start):
        # "Having earlier met A, B also met C": B, named after the opening clause, is the subject of what follows.
        comma = view.text.find(", ", first.end(), short)
        subject += [view.entities.people[m.key] for m in view.entities.people_in(comma, short)]
        position = short
    while position < sentence.end:
        trigger = _held_trigger(view, sentence, position, (MEETING_TRIGGER, _OBJECT_TRIGGER))
        if trigger is None:
            break
        part = Sentence(trigger.start(), sentence.end, view.text[trigger.start():sentence.end], sentence.kind, sentence.block)
        later = _draft(view, part, trigger, subject)
        known = {c for d in (draft, *found) for c in d.countries}
        if later is not None and any(p.country not in known for p in later.people):
            found.append(later)
        position = _zone_end(view.text, sentence, trigger)
    return found


def _zone_end(text: str, sentence: Sentence, trigger: re.Match, opening: bool = False) -> int:
    """Where the participants of a trigger's encounter stop being named: before the topic ("to discuss ...");
    after an opening phrase ("In the meeting between A and B, the pair also covered Korea"), at the end of the
    main clause's subject; before the verb of a joint subject ("A and B reaffirmed support for Ukraine")."""
    if trigger.re is _JOINT_SUBJECT:
        return trigger.start()
    cut = _TOPIC_CUT.search(text, trigger.end(), sentence.end)
    end = cut.start() if cut else sentence.end
    if opening and _OPENING_PHRASE.match(text, sentence.start) and text.find(", ", sentence.start, trigger.start()) < 0:
        comma = text.find(", ", trigger.end(), end)
        if comma >= 0:
            end = _CLAUSE_SUBJECT.match(text, comma + 1, end).end()
    return max(end, trigger.end())


def _held_trigger(view: ArticleView, sentence: Sentence, start: int | None = None,
                  patterns=(MEETING_TRIGGER, PHONE_CUE, VIDEO_CUE, _OBJECT_TRIGGER, _JOINT_SUBJECT)
                  ) -> re.Match | None:
    lowered = sentence.text.lower()
    if not _TRIGGER_HINT.search(lowered):
        return None
    text = view.text
    start = sentence.start if start is None else start
    lead = _LEAD_PARTICIPLE.match(text, start, sentence.end)
    if lead:
        return lead
    for pattern in patterns:
        gate = _PATTERN_GATES.get(id(pattern))
        if gate is not None and not any(word in lowered for word in gate):
            continue
        for m in _cue_matches(view, pattern, start, sentence.end):
            if _NOT_HELD.search(text[max(sentence.start, m.start() - 50):m.start()]) or _PASSING.match(text, m.end()) \
                    or _LAST_TIME.search(text, max(sentence.start, m.start() - 80), m.start()) \
                    or _LAST_AFTER.match(text, m.end()) \
                    or _planned(view, sentence, m):
                continue
            if pattern is _OBJECT_TRIGGER and not _object_trigger_holds(view, sentence, m):
                continue
            if pattern is _JOINT_SUBJECT and not _joint_subject_holds(view, sentence, m):
                continue
            return m
    return None


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
    return any(word in window for word in _PATTERN_GATES[id(cue)]) and bool(_LOWER_CASE_TWINS[id(cue)].search(window))


# Case-sensitive twins of the case-insensitive cues, for the lower-cased text. (Keyed by id, here and below:
# hashing a compiled pattern hashes its whole program every time.)
_LOWER_CASE_TWINS = {id(cue): lower_case_twin(cue) for cue in (MEETING_TRIGGER, PHONE_CUE, VIDEO_CUE, FUTURE_CUE)}
# Words without one of which a cue cannot match: a substring test is much cheaper than the scan.
_PATTERN_GATES = {
    id(PHONE_CUE): ("phone", "spoke", "called"),
    id(VIDEO_CUE): ("video", "virtual", "teleconference"),
    id(_OBJECT_TRIGGER): ("welcomed", "received", "hosted", "greeted", "called", "meeting", "signed", "discussed",
                          "talked", "conversed"),
}
# A quotation mark ends a clause only where it closes a quoted sentence, not a quoted term ("two-plus-two" talks).
_CLAUSE_BREAK = re.compile(r"[,;:]\s|[.!?,][\"”]\s|\b(?:after|when|while|since|because|where|as)\b")


def _planned(view: ArticleView, sentence: Sentence, trigger: re.Match) -> bool:
    """Whether the clause around a trigger speaks of a plan: before it ("is scheduled to travel to Berlin on
    Saturday for talks") or after it ("a phone call between the two ministers is planned for next week")."""
    clause = sentence.start
    for m in _CLAUSE_BREAK.finditer(view.text, sentence.start, trigger.start()):
        clause = m.end()
    return next(_cue_matches(view, FUTURE_CUE, clause, trigger.start()), None) is not None \
        or bool(_WISH.search(view.text, clause, trigger.start())) \
        or bool(_PLANNED_AFTER.match(view.text, trigger.end(), sentence.end)) \
        or bool(_LATER_AFTER.match(view.text, trigger.end(), min(sentence.end, trigger.end() + 60)))


# "hoped to raise it with X at a meeting": a wish, not a held meeting.
_WISH = re.compile(r"\b(?:hope[sd]?|hoping|wants?|wanted|intends?|intended|aims?|aimed|seeks?|sought|looks?\s+forward|"
                   r"looking\s+forward)\s+to\b", re.I)
# "at a meeting later this month", "talks next week": a time still to come right after the cue.
_LATER_AFTER = re.compile(r"(?:\s+(?:in|at|with)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?\s+(?:later\s+this|later\s+in|"
                          r"next|the\s+coming|coming|upcoming)\b", re.I)


def _joint_subject_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    """ "A and his Korean counterpart B agreed to ...": the sentence opens with officials of two governments joined
    by "and", who together do what only a meeting lets them do."""
    people = view.entities.people_in(sentence.start, m.start())
    if len({view.entities.people[p.key].country for p in people} - {None}) < 2:
        return False
    subject = view.text[sentence.start:m.start()]
    return people[0].start - sentence.start <= 60 and " and " in subject and not _JOINT_BREAK.search(subject) \
        and not _APART.search(subject) and not _TO_MEET.match(view.text, m.end())


def _object_trigger_holds(view: ArticleView, sentence: Sentence, m: re.Match) -> bool:
    entities = view.entities
    if m.group() == "signed":
        subject = {entities.people[p.key].country for p in entities.people_in(sentence.start, m.start())}
        return len(subject - {None}) >= 2
    following = entities.people_in(m.end(), min(sentence.end, m.end() + 60))
    return bool(following) and bool(_OBJECT_GAP.fullmatch(view.text, m.end(), following[0].start))


def _draft(view: ArticleView, sentence: Sentence, trigger: re.Match, subject: list[Person] = (),
           skip: tuple[int, int] = (0, 0)) -> Draft | None:
    """The meeting a trigger reports, read in the zone where its participants are named; a sentence opened by its
    meeting is read up to its main clause's subject ("At the meeting, Austin condemned China's drills" names no
    new meeting). ``skip`` is a span of the zone whose governments are not at the table (the topic of an earlier
    cue of the sentence); an official named there may still be the subject."""
    return _draft_in(view, sentence, trigger, subject, _zone_end(view.text, sentence, trigger, opening=True), skip)


def _draft_in(view: ArticleView, sentence: Sentence, trigger: re.Match, subject: list[Person],
              zone_end: int, skip: tuple[int, int] = (0, 0)) -> Draft | None:
    text = view.text
    people = _unique([*subject, *(view.entities.people[m.key] for m in view.entities.people_in(sentence.start, zone_end))])
    people = [p for p in people if p.country]
    countries = [p.country for p in people]
    group_members: list[str] = []
    leaders: set[str] = set()        # governments named only by their head of state or government
    governments: set[str] = set()
    for mention in view.entities.mentions_in(sentence.start, zone_end, kinds=("country", "demonym", "group")):
        if skip[0] <= mention.start < skip[1]:
            continue
        if mention.kind == "group":
            after = text[mention.end:mention.end + 40]
            if _GROUP_ALL.search(text[max(sentence.start, mention.start - 40):mention.start]) or _GROUP_ALL_AFTER.match(after):
                group_members += view.index.groups[mention.code].members_on(_membership_day(view))
            continue
        if mention.kind == "country" and _is_location(view, sentence.start, mention.start):
            continue
        if _REGION_BEFORE.search(text, max(sentence.start, mention.start - 8), mention.start):
            continue    # "Central American", "Latin American": a region, not the United States
        if mention.code == "KP" and not any(p.country == "KP" for p in people):
            continue
        if _TOPIC_POSSESSIVE.match(text, mention.end) and not any(p.country == mention.code for p in people):
            continue
        if _LEADER_AFTER.match(text, mention.end) or _LEADER_BEFORE.search(text, max(sentence.start, mention.start - 30),
                                                                             mention.start):
            leaders.add(mention.code)
        else:
            governments.add(mention.code)
        countries.append(mention.code)
    leaders |= {p.country for p in people if p.role in LEADER_TITLES}
    for code in leaders - governments - {p.country for p in people if p.role not in LEADER_TITLES}:
        if not _host_defense_present(view, sentence, code):
            # "President X received the visiting defense minister": an audience, not a meeting, unless a defense
            # official of the host is there too (GUIDE).
            countries = [c for c in countries if c != code]
            people = [p for p in people if p.country != code]
    countries = list(dict.fromkeys([*countries, *group_members]))
    speaker = view.speakers.get(sentence.block, (None, None, False))[1]
    if speaker is not None and speaker.country and _FIRST_PERSON.search(text, sentence.start, zone_end):
        people = _unique([*people, speaker])
        countries = list(dict.fromkeys([*countries, speaker.country]))
        if len(countries) < 2:
            others = _unique(p for _, p, _ in view.speakers.values() if p is not None and p.country not in countries)
            if not others:
                # "MIN. JUNG: ... we have met here": the other side is the one the transcript's header presents.
                others = _unique(p for p in _heading_people(view) if p.country and p.country not in countries)
            people = _unique([*people, *others])
            countries = list(dict.fromkeys([*countries, *(p.country for p in others)]))
    title = _TITLE_SUBJECT.search(text[sentence.start:trigger.start()]) if len(countries) < 2 else None
    if title:
        holder = _title_holder(view, sentence.start, title.group("title"), countries)
        if holder is not None:
            people = _unique([*people, holder])
            countries = list(dict.fromkeys([*countries, holder.country]))
    before = text[sentence.start:trigger.start()]
    if not subject and not view.entities.people_in(sentence.start, trigger.start()) and (
            _PRONOUN_SUBJECT.search(before) or _POSSESSIVE_SUBJECT.search(before)):
        # "He also met ...", "Apart from his bilateral meetings with ...": the one the roundup is about.
        actor = [p for p in _roundup_subject(view, sentence.start) if p.country not in countries]
        people = _unique([*people, *actor])
        countries = list(dict.fromkeys([*countries, *(p.country for p in actor)]))
    if len(countries) < 2:
        back = _BACK_REFERENCE.search(text, sentence.start, zone_end)
        if back:
            wanted = _NUMBERS.get((back.group("n") or "").lower(), 2)
            recent = _recent_people(view, sentence.start, wanted)
            if len(recent) == wanted or (len(recent) >= 2 and not back.group("n")):
                people = _unique([*people, *recent])
                countries = list(dict.fromkeys([*countries, *(p.country for p in recent)]))
    if len(countries) < 2:
        return None
    named = [c for c in countries if c not in group_members or any(p.country == c for p in people)]
    window = text[sentence.start:sentence.end]
    # The format is read up to where the participants stop being named: "met ... after the two held phone talks on
    # May 18" is a meeting in person.
    fmt = "video" if _cue_in(view, VIDEO_CUE, sentence.start, zone_end) else "phone" if _cue_in(
        view, PHONE_CUE, sentence.start, zone_end) or trigger.group().startswith("called") else "in_person"
    draft = Draft(sentence, countries, people, fmt, named_countries=named, explicit_format=fmt != "in_person" or bool(
        _IN_PERSON.search(window)))
    # The encounter's own day is the one in its own clause: "met for the second time, after the first meeting in
    # Kuala Lumpur on April 4" was not held on April 4.
    after = _EARLIER_MEETING.search(text, trigger.end(), sentence.end)
    own = sentence if after is None else Sentence(sentence.start, after.start(), text[sentence.start:after.start()],
                                                  sentence.kind, sentence.block)
    day, precision = _sentence_date(view, own, view.reference, _year_guess(people), strict=False)
    draft.own_day = day if precision == "day" else None
    if precision in ("month", "year") and view.reference is not None and \
            (view.reference.year - day.year) * 12 + view.reference.month - day.month >= 2:
        # "When A and B met in Moscow in November 2019" in a story of December 2021: an earlier encounter.
        draft.past = (day.year, day.month if precision == "month" else 0)
    # "met X, Y's minister, last week in Z, the Pentagon said Monday": a vague day before the attribution.
    # A vague day in the verb's own clause ("met X last week"), or opening a phrase of its own after an appositive
    # ("met X, Y's minister, last week in Z, the Pentagon said Monday"), unless a plan comes before it.
    clause = _ATTRIBUTION_CUT.split(text[trigger.end():min(sentence.end, trigger.end() + 160)], maxsplit=1)[0]
    own = len(clause.split(", ")[0])
    draft.vague = any(d.kind == "vague" and (d.start < own or clause[:d.start].endswith(", "))
                      and not FUTURE_CUE.search(clause, 0, d.start) for d in find_dates(clause))
    back = _YEARS_BACK.search(text, max(sentence.start, trigger.start() - 40), zone_end)
    if back and not _RELATIVE_BEFORE.search(text, max(sentence.start, back.start() - 60), back.start()):
        # "agreed last year, at a meeting in Tokyo, ...": an earlier encounter, context (GUIDE); but "A, who took
        # office last year, met B" dates A's office, not the meeting.
        draft.past = draft.past or (0, 0)
    draft.name = _meeting_name(text, sentence)
    if fmt == "in_person":
        draft.place, draft.place_country = _location(view, sentence.start, sentence.end)
    draft.members.append(sentence)
    return draft


def _membership_day(view: ArticleView) -> date | None:
    """The day whose members a group stands for: the article's own day; in an undated article, the latest day on
    which one of its named officials took office (a member then is one for certain; today's members may not have
    been). In an undated article that names no known official no member is certain: the group stands for none."""
    if view.reference is not None:
        return view.reference
    starts = [min((t.start for t in p.official.tenures if t.start), default=None)
              for p in view.entities.people.values() if p.official is not None]
    starts = [s for s in starts if s is not None]
    return max(starts) if starts else date.min


def _host_defense_present(view: ArticleView, sentence: Sentence, code: str) -> bool:
    """Whether a defense official of ``code`` is named in the paragraph of a meeting's report or in the two body
    sentences after it ("Also present were ... the minister of the armed forces")."""
    start, end = view.blocks[sentence.block]
    following = [s for s in view.sentences if s.kind == "body" and s.start >= sentence.end][:2]
    if following:
        end = max(end, following[-1].end)
    present = (view.entities.people[m.key] for m in view.entities.people_in(start, end))
    return any(p.country == code and p.role not in LEADER_TITLES for p in present)


def _heading_people(view: ArticleView) -> list[Person]:
    """The officials the headings before the body name ("Presenter: Secretary of Defense ... and Minister ...")."""
    found = []
    for sentence in view.sentences:
        if sentence.kind == "body":
            break
        if sentence.kind == "heading":
            found += [view.entities.people[m.key] for m in view.entities.people_in(sentence.start, sentence.end)]
    return found


def _is_location(view: ArticleView, sentence_start: int, position: int) -> bool:
    """A country named as where ("in Japan", "Clark Air Base, the Philippines"), not who ("Japan, Australia and")."""
    if _COMPOUND_AFTER.match(view.text, position):
        return False    # "at the Japan-Ukraine Defense Ministerial Meeting": a side of the meeting's name
    m = _LOCATION_BEFORE.search(view.text, max(sentence_start, position - 14), position)
    if m is None or m.group().startswith(","):
        listed = _LIST_BEFORE.search(view.text, max(sentence_start, position - 12), position)
        earlier = view.entities.mentions_in(max(sentence_start, position - 60), position) if listed else []
        if earlier and earlier[-1].end == listed.start() and _is_location(view, sentence_start, earlier[-1].start):
            return True
    if m is None:
        return False
    if not m.group().startswith(","):
        return True
    comma = m.start()
    return any(p.end == comma for p in view.entities.mentions_in(max(sentence_start, comma - 60), comma, kinds=("place",)))


def _title_holder(view: ArticleView, before: int, title: str, countries: list[str]) -> Person | None:
    """The one person named before ``before`` whose role bears ``title`` ("the Defence Secretary"), of a government
    not yet at the meeting."""
    words = title.lower().split()
    holders = _unique(view.entities.people[m.key] for m in view.entities.person_mentions if m.end <= before)
    fitting = [p for p in holders if p.country and p.country not in countries and p.role
               and all(w in p.role.lower() for w in words if w not in ("defence", "defense"))]
    return fitting[0] if len(fitting) == 1 else None


def _roundup_subject(view: ArticleView, before: int) -> list[Person]:
    """Whom "he" or "his" before a meeting verb stands for: the person the text has named most often as a subject so
    far (a roundup's subject, not the counterpart its last meeting verb took as object), then most often at all,
    then the latest."""
    score: dict[str, list[int]] = {}
    order = 0
    for sentence in view.sentences:
        if sentence.start >= before:
            break
        if sentence.kind not in ("body", "heading"):
            continue    # a headline names the story's subject too
        for mention in view.entities.people_in(sentence.start, min(sentence.end, before)):
            if not view.entities.people[mention.key].country:
                continue
            order += 1
            entry = score.setdefault(mention.key, [0, 0, 0])
            entry[0] += not _OBJECT_CUE.search(view.text, sentence.start, mention.start)
            entry[1] += 1
            entry[2] = order
    if not score:
        return []
    return [view.entities.people[max(score, key=lambda k: tuple(score[k]))]]


def _recent_people(view: ArticleView, before: int, wanted: int) -> list[Person]:
    found: list[Person] = []
    for mention in reversed([m for m in view.entities.person_mentions if m.end <= before]):
        person = view.entities.people[mention.key]
        if person.country and person not in found and person.country not in {p.country for p in found}:
            found.append(person)
        if len(found) == wanted:
            break
    return found


def _merge(into: Draft, other: Draft) -> None:
    into.own_day = into.own_day or other.own_day
    into.vague = into.vague and other.vague
    if other.explicit_format and not into.explicit_format:
        into.format, into.explicit_format = other.format, True
    into.people = _unique([*into.people, *other.people])
    into.name = into.name or other.name
    if into.place is None and other.place:
        into.place, into.place_country = other.place, other.place_country
    into.place_country = into.place_country or other.place_country
    into.members.append(other.sentence)


def _merge_same(drafts: list[Draft], assignment: dict[int, Draft]) -> list[Draft]:
    """One meeting per encounter once formats are known (a call first reported as "told his counterpart")."""
    kept: list[Draft] = []
    for draft in drafts:
        same = next((d for d in kept if d.same_encounter(draft) and d.format == draft.format), None)
        if same is None:
            kept.append(draft)
            continue
        _merge(same, draft)
        for start, assigned in assignment.items():
            if assigned is draft:
                assignment[start] = same
    return kept


def _unique(people) -> list[Person]:
    return list({p.key: p for p in people}.values())


def _meeting_name(text: str, sentence: Sentence) -> str | None:
    window = text[sentence.start:sentence.end]
    if not any(noun in window for noun in _MEETING_NOUNS):
        return None    # both patterns end in one: a substring test rules most sentences out cheaply
    for pattern in (_QUOTED_NAME, _CAPITALIZED_NAME):
        for m in pattern.finditer(window):
            before = window[:m.start()]
            if _NOT_THIS_MEETING.search(before):
                continue
            name = m.group("name").strip()
            if len(name.split()) >= 2 and not _NOT_A_NAME.match(name):
                return name
    return None


def _location(view: ArticleView, start: int, end: int) -> tuple[str | None, str | None]:
    """The place of an encounter named in a sentence ("at the former X Air Base, the Philippines")."""
    text = view.text
    for mention in view.entities.mentions_in(start, end, kinds=("place",)):
        lead = _place_lead(text, max(start, mention.start - 60), mention.start)
        if lead is None or _TOPIC_PLACE.search(text, max(start, mention.start - 40), mention.start):
            continue
        tail = re.match(r"(?:\s+(?!(?:on|in|at)\b)[A-Z][\w-]*)*", text[mention.end:end])
        place = (lead + text[mention.start:mention.end] + tail.group()).strip()
        place = re.sub(r"\s+in\s+", ", ", place).strip(" ,")
        return place, mention.code
    for mention in view.entities.mentions_in(start, end, kinds=("country",)):
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(start, mention.start - 8):mention.start]) \
                and not _TOPIC_PLACE.search(text, max(start, mention.start - 40), mention.start):
            return (mention.surface if mention.code in _CITY_STATES else None), mention.code
    return None, None


def _place_lead(text: str, start: int, end: int) -> str | None:
    """Words between "at/in" and a known place, when they name the venue ("the MND building in")."""
    for m in _PLACE_LEAD.finditer(text, start, end):
        if m.group().startswith("to") and not _TO_VENUE.search(text, max(0, m.start() - 120), m.start()):
            continue
        between = text[m.end():end]
        words = re.findall(r"[\w’'-]+", between)
        if len(words) > 6 or re.search(r"\d", between):
            continue
        if all(w[:1].isupper() or w.lower() in _PLACE_WORDS for w in words):
            return between
    return None


# --- sections ------------------------------------------------------------------

def _assign_sentences(view: ArticleView, drafts: list[Draft]) -> dict[int, Draft]:
    """Which meeting each body sentence speaks of (keyed by sentence start)."""
    trigger_of = {s.start: d for d in drafts for s in d.members}
    at_any = {c for d in drafts for c in d.countries}
    assignment: dict[int, Draft] = {}
    current: Draft | None = None
    for sentence in view.sentences:
        if sentence.start in trigger_of:
            current = trigger_of[sentence.start]
            assignment[sentence.start] = current
            continue
        if sentence.kind == "heading":
            heading_draft = _heading_meeting(view, sentence, drafts)
            if heading_draft is not None:
                current = heading_draft
            continue
        if sentence.kind != "body":
            continue
        named = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
        named.discard(None)
        chosen = current
        if not named and current is not None and not _fits(view, sentence, current, at_any):
            chosen = current = _group_meeting(view.text, sentence, drafts, current)
        if named and (current is None or not named <= set(current.countries)):
            fitting = [d for d in drafts if named <= set(d.countries)]
            if fitting:
                chosen = min(fitting, key=lambda d: (len(d.countries) - len(named), abs(drafts.index(d) - (
                    drafts.index(current) if current else 0))))
        if chosen is None:
            chosen = drafts[0]
        assignment[sentence.start] = chosen
        if named and chosen is not current and current is not None and named == set(chosen.countries):
            current = chosen
    return assignment


def _fits(view: ArticleView, sentence: Sentence, current: Draft, at_any: set[str]) -> bool:
    """Whether the governments a sentence names (of those ``at_any`` of the article's meetings) are all at the current one."""
    named = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)} & at_any
    return bool(named) and named <= set(current.countries)


def _group_meeting(text: str, sentence: Sentence, drafts: list[Draft], current: Draft) -> Draft:
    """The meeting a sentence about the ministers together speaks of: "the three ministers" the one of
    three governments; "the ministers", "all" the largest one the current meeting is part of (a
    paragraph about the ministers after a sidelines bilateral is about the multilateral)."""
    m = _GROUP_SUBJECT.match(text, sentence.start, sentence.end)
    if m is None:
        return current
    size = _NUMBERS.get((m.group("n") or m.group("n2") or m.group("n3") or "").lower())
    if size is not None:
        if len(current.countries) == size:
            return current
        sized = [d for d in drafts if len(d.countries) == size and set(current.countries) & set(d.countries)]
        return sized[0] if len(sized) == 1 else current
    wider = [d for d in drafts if set(current.countries) < set(d.countries)]
    return max(wider, key=lambda d: len(d.countries)) if wider else current


def _heading_meeting(view: ArticleView, sentence: Sentence, drafts: list[Draft]) -> Draft | None:
    heading = view.text[sentence.start:sentence.end].lower()
    for draft in drafts:
        if draft.name and draft.name.lower() in heading:
            return draft
    countries = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)}
    countries |= {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
    countries.discard(None)
    if not countries:
        return None
    fitting = [d for d in drafts if countries <= set(d.countries)]
    return min(fitting, key=lambda d: len(d.countries)) if len(fitting) >= 1 and len(
        {len(d.countries) for d in fitting}) == len(fitting) else None


def _settle_format(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft]) -> None:
    for sentence in view.sentences:
        draft = assignment.get(sentence.start)
        if draft is None or draft.explicit_format:
            continue
        window = view.text[sentence.start:sentence.end]
        lowered = window.lower()
        if not any(word in lowered for word in ("video", "virtual", "phone", "teleconference")):
            continue
        if VIDEO_CUE.search(window):
            draft.format, draft.explicit_format = "video", True
        elif re.search(r"\b(?:tele)?phone\b", window, re.I) and PHONE_CUE.search(window):
            draft.format, draft.explicit_format = "phone", True
    for draft in drafts:
        if draft.format != "in_person":
            draft.place = draft.place_country = None


# --- dates and places ------------------------------------------------------------

def _all_people(drafts: list[Draft]) -> list[Person]:
    return _unique(p for d in drafts for p in d.people)


# An office the text gives a person before their name: when the KB records no term of theirs in it (a former
# defense minister now "President X"), their recorded terms say nothing of the article's year.
_OTHER_OFFICE = re.compile(r"\b(?P<office>Prime\s+Minister|President|Premier|Chancellor|King|Emir|Crown\s+Prince|"
                           r"Foreign\s+Minister|Secretary\s+of\s+State|Vice\s+President)\s+(?:[A-Z][\w.'’-]*\s+){0,2}$")


def _year_guess(people: list[Person], article: list[Person] = (), text: str | None = None):
    """A year from the participants' terms: the one year in which all of them held office; when their terms leave
    several, the one year in which everyone at the article's meetings did (they met within days of each other).
    With the ``text``, a person it names in an office the KB records no term of theirs in does not count."""
    if text is not None:
        people = [p for p in people if _in_recorded_office(text, p)]
        article = [p for p in article if _in_recorded_office(text, p)]
    own = _term_years(people)
    wider = _term_years(_unique([*people, *article])) if article else None

    def year_for(month: int, day: int, weekday: int | None = None) -> int | None:
        fitting = own(month, day, weekday)
        if len(fitting) > 1 and wider is not None:
            fitting = wider(month, day, weekday) or fitting
        return fitting[0] if len(fitting) == 1 else None

    return year_for


def _in_recorded_office(text: str, person: Person) -> bool:
    if person.official is None:
        return True
    m = _OTHER_OFFICE.search(text, max(0, person.span[0] - 60), person.span[0])
    if m is None:
        return True
    office = " ".join(m.group("office").split()).lower()
    return any(office in t.title.lower() for t in person.official.tenures)


def _term_years(people: list[Person]):
    """The years in which a month and day (and weekday) fell within the terms of all of ``people`` known to the KB."""
    officials = [p.official for p in people if p.official is not None]

    def fitting(month: int, day: int, weekday: int | None = None) -> list[int]:
        if not officials:
            return []
        years = set()
        for official in officials:
            for tenure in official.tenures:
                first = tenure.start.year if tenure.start else 1945
                last = tenure.end.year if tenure.end else date.today().year + 1
                years.update(range(first, last + 1))
        found = []
        for year in sorted(years):
            try:
                day_in_year = date(year, month, day)
            except ValueError:
                continue
            if (weekday is None or day_in_year.weekday() == weekday) and \
                    all(any(t.covers(day_in_year) for t in o.tenures) for o in officials):
                found.append(year)
        return found

    return fitting


def _settle_dates(view: ArticleView, drafts: list[Draft], assignment: dict[int, Draft], reference: date | None) -> None:
    """Each meeting's day from the sentences that report it; else from a weekday or "yesterday" in a sentence about
    it, the sentence that told of it before (a roundup's lead), the event it was held at, or a transcript's day.
    A meeting none of these dates stays undated: it never takes the day of the meeting before it."""
    article = _all_people([d for d in drafts if d.past is None])
    for draft in drafts:
        year_for = _year_guess(draft.people, article, view.text)
        for sentence in draft.members:
            draft.date, draft.precision = _sentence_date(view, sentence, reference, year_for, strict=False)
            if draft.date:
                break
        if draft.date is None and not draft.vague:
            for sentence in view.sentences:
                if assignment.get(sentence.start) is draft and sentence not in draft.members:
                    draft.date, draft.precision = _sentence_date(view, sentence, reference, year_for, strict=True)
                    if draft.date:
                        break
            if draft.date is None:
                draft.date, draft.precision = _told_before(view, draft, drafts, reference, year_for)
            if draft.date is None and _HOST_EVENT.search(draft.sentence.text):
                draft.date, draft.precision = _host_event_date(view, draft, reference, year_for)
            if draft.date is None:
                draft.date, draft.precision = _also_that_day(draft, drafts, reference)
            if draft.date is None and reference is not None and draft.sentence.block in view.speakers \
                    and _JUST_HELD.search(draft.sentence.text):
                # Said at a press conference: the day the transcript is dated.
                draft.date, draft.precision = reference, "day"


def _told_before(view: ArticleView, draft: Draft, drafts: list[Draft], reference: date | None, year_for):
    """ "X saw the ministers of A, B and C in Hanoi on 3 May. ... In his talks with C's minister, X ...": the day
    of the nearest earlier sentence that names all of a meeting's governments (not one reporting another meeting,
    unless a wider one it sits in), when the officials were in office on it. A photo caption counts (not an
    archive photo's): "X, Y and Z at their meeting in Manila on May 3, 2024"."""
    wanted = set(draft.countries)
    if reference is None and not any(p.official for p in draft.people):
        return None, None   # nothing to tell a day of this meeting from an anniversary's
    reported = {s.start: d for d in drafts for s in d.members}
    archive = {s.block for s in view.sentences if s.kind == "caption" and ARCHIVE_PHOTO.search(s.text)}
    for sentence in reversed([s for s in view.sentences if s.end <= draft.sentence.start and (
            s.kind == "body" or s.kind == "caption" and s.block not in archive)]):
        other = reported.get(sentence.start)
        if other is not None and other is not draft and not wanted < set(other.countries):
            continue
        # Governments named as who, not as where: "arrived in Japan on Monday" names no Japanese party.
        named = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)
                 if m.kind != "country" or not _is_location(view, sentence.start, m.start)}
        named |= {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
        if not wanted <= named:
            continue
        day, precision = _sentence_date(view, sentence, reference, year_for, strict=False, dateline=False)
        if precision == "day" and _in_office(view.text, draft, day) and (
                reference is None or reference - timedelta(days=31) <= day <= reference + timedelta(days=3)):
            return day, precision
    return None, None


_ALSO = re.compile(r"\balso\b")


def _also_that_day(draft: Draft, drafts: list[Draft], reference: date | None):
    """ "X met Y earlier today. ... X also met Z": an undated meeting its report ties with "also" to an earlier one
    of the same official held on the story's own day was held that day. Any other undated meeting stays undated:
    an earlier meeting's day is not its day."""
    if reference is None or not _ALSO.search(draft.sentence.text, 0, 160):
        return None, None
    keys = {p.key for p in draft.people}
    for other in drafts[:drafts.index(draft)]:
        if other.date == reference and other.precision == "day" and keys & {p.key for p in other.people}:
            return reference, "day"
    return None, None


def _in_office(text: str, draft: Draft, day: date) -> bool:
    """Whether every participant the KB knows held the office they are named in on ``day``."""
    return all(any(t.covers(day) for t in p.official.tenures) for p in draft.people
               if p.official is not None and _in_recorded_office(text, p))


def _host_event_date(view: ArticleView, draft: Draft, reference: date | None, year_for):
    """ "On the sidelines of the meeting, A held talks with B": the day the text gave the meeting it refers back to,
    the latest one dated before it."""
    for sentence in reversed([s for s in view.sentences if s.kind == "body" and s.end <= draft.sentence.start]):
        if any(d.kind == "span" for d in view.dates_in(sentence)):
            return None, None   # an event over several days: no one of them is the meeting's
        day, precision = _sentence_date(view, sentence, reference, year_for, strict=False)
        if precision == "day":
            return day, precision
    return None, None


def _told_day(view: ArticleView, sentence: Sentence, reference: date | None, year_for) -> date | None:
    """The day of the event the text told last before ``sentence`` ("The next day, ..." counts from it)."""
    for before in reversed([s for s in view.sentences if s.kind == "body" and s.end <= sentence.start]):
        day, precision = _sentence_date(view, before, reference, year_for, strict=False, told=False, dateline=False)
        if precision == "day":
            return day
    return None


def _sentence_date(view: ArticleView, sentence: Sentence, reference: date | None, year_for, strict: bool,
                   told: bool = True, dateline: bool = True):
    """The day a sentence dates its event to (past tense); strict: weekdays and relative days only.

    A wire dateline's own date comes last: "TOKYO, Nov. 12 (Kyodo) -- ... on Sunday" was held on Sunday.
    Days counted from the event told before ("the next day") are read only when ``told``; the dateline's own date
    only when ``dateline``.
    """
    text = view.text
    mentions = sorted(view.dates_in(sentence), key=lambda d: sentence.start + d.start < view.dateline_end)
    if not dateline:
        mentions = [d for d in mentions if sentence.start + d.start >= view.dateline_end]
    for mention in mentions:
        if mention.kind in ("vague", "year", "relative_year", "span") or (
                strict and mention.kind not in ("weekday", "relative_day")):
            continue
        if mention.kind == "relative_day" and mention.offset > 0:
            continue    # "tomorrow": never the day of a meeting already held
        if mention.kind == "told_day" and not told:
            continue
        if mention.kind in ("weekday", "relative_day") and _REPORTED_ON.search(
                text, max(sentence.start, sentence.start + mention.start - 30), sentence.start + mention.start):
            continue    # "met ..., the ministry said on Saturday": the day of the report, not of the meeting

        if is_future_context(text[sentence.start:sentence.end], mention.start, mention.end):
            continue
        if _PAST_BACKGROUND.search(text, max(sentence.start, sentence.start + mention.start - 60),
                                   sentence.start + mention.start):
            continue
        anchor = _told_day(view, sentence, reference, year_for) if mention.kind == "told_day" else None
        day, precision = resolve(mention, reference, year_for=year_for, told=anchor)
        if day is not None:
            return day, precision
    return None, None


def _settle_places(view: ArticleView, drafts: list[Draft]) -> None:
    """Meetings without a named venue share the article's venue, when the country agrees."""
    venues = [(d.place, d.place_country) for d in drafts if d.place]
    for sentence in view.sentences:
        if sentence.kind == "caption":
            place, country = _location(view, sentence.start, sentence.end)
            if place:
                venues.append((place, country))
    venues += _lead_venue(view) + _dateline_venue(view)
    for draft in drafts:
        if draft.format != "in_person" or draft.place:
            continue
        # First a venue named earlier in its paragraph ("It is a pleasure to welcome Sébastien to Stockholm. We had
        # a very productive meeting this morning."), then the article's.
        nearby = (_location(view, s.start, s.end) for s in _earlier_in_paragraph(view, draft.sentence))
        for place, country in chain((v for v in nearby if v[0]), venues):
            if draft.place_country in (None, country):
                draft.place, draft.place_country = place, country
                break


def _lead_venue(view: ArticleView) -> list[tuple[str, str]]:
    """The venue the story's lead names ("... reaffirmed the alliance with Japanese leaders on Dec. 10 in Tokyo")."""
    for sentence in [s for s in view.sentences if s.kind == "body"][:2]:
        place, country = _location(view, sentence.start, sentence.end)
        if place and not _EARLIER_VENUE.search(view.text, sentence.start, sentence.end):
            return [(place, country)]
    return []


# "... so soon after our last meeting in Brussels": the venue of an earlier encounter.
_EARLIER_VENUE = re.compile(r"\b(?:last|previous|earlier|first)\s+(?:meeting|visit|talks|trip)\b", re.I)


def _earlier_in_paragraph(view: ArticleView, sentence: Sentence) -> Iterator[Sentence]:
    """The sentences before ``sentence`` in its paragraph, nearest first."""
    return (s for s in reversed(view.sentences) if s.block == sentence.block and s.end <= sentence.start)


def _dateline_venue(view: ArticleView) -> list[tuple[str, str]]:
    """The city of a wire dateline ("VIENTIANE, Laos —"), the last resort for an in-person meeting's place."""
    for sentence in view.sentences:
        if sentence.kind in ("body", "heading"):
            city, country = dateline_place(view.index, sentence.text)
            if country:
                return [(city, country)]
        if sentence.kind == "body":
            break
    return []


# --- claims ------------------------------------------------------------------------

def _claims(view: ArticleView, draft: Draft, assignment: dict[int, Draft], reference: date | None) -> ExtractedMeeting:
    people = _with_unnamed_counterparts(view, draft)
    people = _unique([*people, *_attendees(view, draft, assignment)])
    scope = Scope(list(draft.countries), people)
    resolver = Resolver(view.text, view.entities, view.index, scope)
    claim_reference = draft.date if draft.precision == "day" else reference
    claims = speech.Claims()
    quotes_by_block: dict[int, list[speech.Quote]] = {}
    for sentence in view.sentences:
        assigned = assignment.get(sentence.start)
        if assigned is not draft and not _shared_in_series(view, sentence, assigned, draft):
            continue
        label, _, speaks = view.speakers.get(sentence.block, (None, None, True))
        if not speaks:
            continue
        if sentence.block not in quotes_by_block:
            quotes_by_block[sentence.block] = speech.find_quotes(view.text, *_block_bounds(view, sentence), label=label)
        inside = [q for q in quotes_by_block[sentence.block] if q.start < sentence.end and sentence.start < q.end]
        if not inside:
            claims.extend(speech.claims_in_sentence(view.text, sentence.start, sentence.end, resolver, claim_reference))
        for quote in inside:
            if sentence.start <= quote.start <= sentence.end:
                claims.extend(speech.claims_in_quote(view.text, quote, resolver, claim_reference))
    for statement in claims.statements:
        statement.speakers = sorted(set(statement.speakers))
    statements = _dedupe([s for s in claims.statements if s.speakers], key=lambda s: (s.text, s.direct, *s.speakers))
    commitments = _dedupe([c for c in claims.commitments if c.parties], key=lambda c: (c.text,))
    return ExtractedMeeting(
        date=draft.date, date_precision=draft.precision, format=draft.format, name=draft.name,
        place=draft.place, place_country=draft.place_country, countries=sorted(draft.countries),
        participants=[ExtractedParticipant(p.name, p.country, p.role or "", p.official.name if p.official else None,
                                           p.span, p.family) for p in people],
        statements=statements, commitments=commitments,
        span=(draft.sentence.start, draft.sentence.end),
    )


def _attendees(view: ArticleView, draft: Draft, assignment: dict[int, Draft]) -> list[Person]:
    """Those a list of attendees in one of the meeting's sentences names, of the meeting's governments."""
    found = []
    for start, _, keys in view.entities.attendance:
        sentence = next((s for s in view.sentences if s.start <= start < s.end), None)
        if sentence is not None and (assignment.get(sentence.start) is draft or sentence is draft.sentence):
            found += [p for p in map(view.entities.people.get, keys) if p is not None and p.country in draft.countries]
    return found


def _shared_in_series(view: ArticleView, sentence: Sentence, assigned: Draft | None, draft: Draft) -> bool:
    """Whether a sentence about one of a series of bilaterals speaks of them all: "During the meetings, all the
    parties expressed willingness ..." names no counterpart, only the host or nobody."""
    if assigned is None or draft.series is None or assigned.series != draft.series:
        return False
    host = draft.series[1]
    named = {view.entities.people[m.key].country for m in view.entities.people_in(sentence.start, sentence.end)}
    named |= {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)}
    return named <= {host, None}


def _with_unnamed_counterparts(view: ArticleView, draft: Draft) -> list[Person]:
    """Counterparts the meeting sentence leaves unnamed but the article names (its only official of that country)."""
    people = list(draft.people)
    for country in draft.named_countries:
        if any(p.country == country for p in people):
            continue
        # A defense counterpart: not the president or the foreign minister the article also names.
        of_country = [p for p in view.entities.people.values() if p.country == country and not in_other_office(p)]
        if len(of_country) == 1:
            official = of_country[0].official
            if official is None or draft.date is None or any(t.covers(draft.date) for t in official.tenures):
                people.append(of_country[0])
    return people


def _block_bounds(view: ArticleView, sentence: Sentence) -> tuple[int, int]:
    return view.blocks[sentence.block]


def _dedupe(items, key):
    """Drop claims another one of the same speakers already says (most of its words are in the other).

    ``key`` gives the text, then what must be equal for two claims to be duplicates.
    """
    kept, kept_words, kept_keys = [], [], []
    for item in items:
        text, *same = key(item)
        words = content_words(text)
        if not words:
            continue
        duplicate = None
        if len(words) >= 3:      # shorter claims are never duplicates: skip the comparisons
            for i, other in enumerate(kept_words):
                if kept_keys[i] == same and len(other) >= 3 \
                        and len(words & other) / min(len(words), len(other)) >= 0.8:
                    duplicate = i
                    break
        if duplicate is None:
            kept.append(item)
            kept_words.append(words)
            kept_keys.append(same)
        elif len(words) > len(kept_words[duplicate]):
            kept[duplicate], kept_words[duplicate] = item, words
    return kept
