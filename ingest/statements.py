"""Positions participants took: reported speech clause by clause, and direct quotes.

Each predicate found by ``clauses`` is read here: a promise goes to ``commitments``;
a reporting verb gives one statement per complement ("reaffirmed that A, and that
B" is two), unless the complement itself promises something ("...that the two sides
will hold talks"). Quotations attributed to a participant are direct statements,
split into sentences and clauses; quotations of a spokesperson or a joint statement
are read as reported speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import commitments
from .clauses import (_ENCOUNTER_VERBS, NEUTRAL_VERBS, SPEECH_VERBS, VERB, Resolver, _meets_person, find_heads,
                      strip_attribution)
from .document import ExtractedCommitment, ExtractedStatement
from .entities import PLURAL_REFERENCE, Person, fold, match_dateline
from .sentences import split_sentences

# Thanks, praise or a welcome acknowledge another government's promise; they make none ("welcomed the U.S.
# commitment to support X" is the welcomer's statement).
_GRATITUDE = re.compile(r"(?:thank|prais|commend|laud|hail|applaud|appreciat|welcom)", re.I)
_READY = r"(?:is|are|was|were|remains?|remained|stands?|stood)\s+(?:(?:fully|always|also|still)\s+)?(?:ready|willing|prepared)\s+to"
_THAT_COMPLEMENT = r"that\s+(?!of\b|in\b|for\b|with\b)"
_MODAL_COMPLEMENT = r"(?=(?:would|will|shall)\s|" + _READY + r"\s)"
_SUBJECT_COMPLEMENT = r"(?=(?:the\s+)?(?!(?:is|are|will|would|has|have|remains?)\s)(?:[\w-]+\s+){1,2}(?:is|are|will|would|has|have|remains?)\s)"
# ", and" and " and" are separate branches (not ",?\s+and") so that the scan tries one branch at each position.
_COMPLEMENT_SPLIT = re.compile(rf",\s+and\s+(?:{_THAT_COMPLEMENT}|{_MODAL_COMPLEMENT}|{_SUBJECT_COMPLEMENT})|"
                               rf"\s+and\s+(?:{_THAT_COMPLEMENT}|{_MODAL_COMPLEMENT})|,\s*as\s+well\s+as\s+(?!to\b)")
_ELIDED_MODAL = re.compile(r"(?:would|will|shall)\s+(?!not\b)(?P<act>.+)", re.S)
_ENUMERATION = re.compile(r";\s*(?:and\s+)?(?=to\s)|,\s*and\s+(?=to\s)")
_CLAUSE_SPLIT = re.compile(
    r",\s*and\s+(?=(?:will|shall)\s+(?!not\b))|"
    # "we share many interests and I look forward to X": a second clause with its own subject, no comma; not "the
    # minister and I have agreed" (a subject of two)
    r"(?-i:(?<![A-Z]\w)(?<![A-Z]\w\w)(?<![A-Z]\w{3})(?<![A-Z]\w{4})(?<![A-Z]\w{5})(?<![A-Z]\w{6})(?<![A-Z]\w{7}))"
    r"(?<!minister)(?<!secretary)(?<!counterpart)(?<!colleague)(?<!friend)(?<!colleagues)(?<!general)"
    r"(?<=[a-z]{3})\s+and\s+(?=(?:i|we)\s+(?:(?:also|really|very\s+much|certainly|truly)\s+)?"
    r"(?:look|think|believe|want|hope|am|know|expect|see|appreciate|value|must|should|need)\b)|"
    # "..., but naturally, A and B are bound by ...": the second clause opens with its adverb
    r",\s*but\s+(?=[a-z]+ly,\s)|"
    # "..., and Estonia highly values X": a country or person of its own, then its verb
    r",\s*and\s+(?=(?-i:[A-Z][a-z]+)\s+(?:[a-z]+ly\s+)?[a-z]+s\s)|"
    r",\s*(?=but\s+also\b)|\s+(?=but\s+also\b)|,\s*(?:and|but)\s+(?=(?:we|i|they|he|she|it|this|that|if|when|our)\b)|"
    r",\s*and\s+(?=[a-z]+s\s+(?:the|a|an|that|our|its|their)\b)|"
    r",\s*and\s+(?=(?:(?:the|our|their|its|this|that)\s+[a-z]+|[A-Z][a-z]+)\s+(?:is|are|was|were|has|have|had|will|would|can|"
    r"must|remains?)\b)",
    re.I,
)
# "we will", "Our military will": the speaker's own government promises.
# "we're going to", "we also intend to" are the same promise in the speaker's own words.
_DIRECT_PROMISE = re.compile(r"\b(?:we(?:\s+in\s+(?-i:[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?|i|our\s+(?:[\w-]+\s+)?(?:military|forces|"
                             r"government|country|nation|ministry|department|navy|army|troops|people))"
                             r"(?:\s+will\s+|['’]ll\s+|(?:\s+am|\s+are|['’]m|['’]re)\s+going\s+to\s+|"
                             r"\s+(?:also\s+)?intend\s+to\s+)(?!not\b)(?:(?:definitely|certainly|also|always|continue\s+to)\s+)*(?P<act>.+)$",
                             re.I | re.S)
# A speaker's "we agreed to ..." speaks for every government at the table.
_DIRECT_AGREEMENT = re.compile(r"\b(?:we|(?:all\s+)?(?:the\s+)?(?:two\s+|three\s+)?(?:members|sides|parties|ministers|allies|countries))\s+(?:have\s+)?(?:also\s+|today\s+|both\s+)*(?:agreed|decided|pledged|committed|"
                               # "We expressed firm resolve to strengthen X": a promise of all at the table
                               r"(?:expressed|reaffirmed|reiterated)\s+(?:our\s+|a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:resolve|determination))\s+"
                               r"(?:today\s+)?to\s+(?P<act>.+)$", re.I | re.S)
# "The United States is fully committed to X": a standing commitment in the speaker's own words.
_DIRECT_STANDING = re.compile(r"\b(?:is|are|remains?|we['’]re)\s+(?P<act>(?:(?:firmly|fully|absolutely|strongly|deeply|"
                              r"still|very\s+much)\s+)?committed\s+to\s+.+)$", re.I | re.S)
# "Our commitment to Israel's security is ironclad": a standing commitment stated as a noun.
_DIRECT_COMMITMENT_NOUN = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+)?(?P<act>commitment\s+to\s+.+?)\s+(?:is|remains|"
                                     r"will\s+remain)\s+(?:(?:absolutely|completely|truly)\s+)?(?:ironclad|unwavering|"
                                     r"unshakable|unshakeable|steadfast|firm|strong|rock[\s-]solid|absolute)\b", re.I | re.S)
# "We agreed that our staffs will ...", "The minister and I agreed today that both sides will ...": the table promises.
# "Japan, the U.S. and Australia agreed that we need to work closely together": the same, with the modal of a duty.
_DIRECT_AGREED_THAT = re.compile(r"\b(?:we|(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}\s+and\s+i|"
                                 r"(?-i:[A-Z][\w.’'-]*(?:,?\s+(?:and\s+)?(?:the\s+)?[A-Z][\w.’'-]*){1,4}))(?:['’]ve)?\s+(?:have\s+)?"
                                 r"(?:also\s+|today\s+|both\s+)*(?:agreed|decided)\s+(?:(?:today|this\s+(?:morning|afternoon|"
                                 r"evening))\s+)?that\s+(?P<subj>[^,;]{1,80}?)\s+(?:will|should|need\s+to|must)\s+(?!not\b)(?P<act>.+)$",
                                 re.I | re.S)
# "The two sides will hold the next dialogue": every government at the table promises.
_DIRECT_BOTH_WILL = re.compile(r"(?:(?:[\w-]+\s+){0,3}(?:ministries|officials|teams|forces|militaries|navies|experts|"
                               r"staffs|delegations)\s+(?:of|from)\s+)?"
                               r"(?:the\s+two\s+(?:sides|countries|nations|ministers|militaries|governments|parties)|"
                               r"both\s+(?:sides|countries|nations|parties)|our\s+two\s+(?:countries|nations|militaries|governments))"
                               r"\s+will\s+(?!not\b)(?P<act>.+)$", re.I | re.S)
_COUNTRY_WILL = re.compile(r"(?:the\s+)?(?P<subj>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+will\s+(?!not\b)(?P<act>.+)$", re.S)
# Verbs whose reported speech may go on in the next sentence without a new attribution.
_REPORTING = re.compile(r"(?:said|says|stated|noted|added|stressed|emphasi[sz]ed|underlined|pointed\s+out)$")
_SCENE_SETTING = re.compile(r"(?:In|On|Last|Since|Earlier|Previously|During|At|After|Before|Later)\s+[^,]{0,40},")
_TABLE_SUBJECT = re.compile(r"\b(?:the|both|our)\s+(?:two\s+)?(?:sides|countries|nations|militaries|armed\s+forces)\b", re.I)
# A schedule of the officials' own next encounter ("will hold talks with X", "plan to hold the meeting on Oct. 3");
# an agreement to hold one is still a promise.
_SCHEDULED = re.compile(r"will|plan|intend")
_ENCOUNTER = re.compile(r"\s*(?:also\s+|then\s+|later\s+)*(?:meet\b|(?:hold|have)\s+(?:[\w-]+\s+){0,4}?(?:talks|meeting|meetings|"
                        r"summit|dialogue|consultations)\b)")
# Verbs that only attribute what follows; "told" takes its audience first ("told reporters that ...").
_SAYING = re.compile(r"said|says|say|saying|added|adds|adding|stated|states|stating|"
                     r"(told|tells|telling|wrote|posted|tweeted)", re.I)    # (the group: "told reporters that")
_THAT_LEAD = re.compile(r",?\s*(?:that\s+)?")
_TOLD_THAT = re.compile(r"[^.;“”\"]{0,60}?\bthat\s+")
_TOLD_AUDIENCE = re.compile(r"(?:(?:a|an|the)\s+)?[\w.-]+(?:\s+(?:of|at|in)\s+[\w.-]+)?\s+(?=\S)")   # "reporters", "Kihara"
# "The Ministers:", "The two sides also:" alone in a paragraph, before a list of what they did.
_LEAD_IN = re.compile(r"\s*(?:[\w,\s]{0,60}?,\s*)?"     # "As part of our initial work plan, we intend to:"
                      r"(?P<subj>(?:the\s+)?(?:two\s+|three\s+|four\s+)?(?:ministers|sides|leaders|parties|delegations|"
                      r"secretaries|participants|principals)|both\s+(?:ministers|sides)|they|we)"
                      # "The Ministers of Defence of the Visegrad Group Countries:": whose they are, after them
                      r"(?:\s+of\s+(?:[\w’'-]+\s+){0,8}?[\w’'-]+)?(?:\s+(?:also|further|jointly))?"
                      r"(?P<promise>\s+(?:(?:have\s+)?(?:agreed|decided|committed|pledged|resolved|undertook)|intend|plan)\s+to"
                      r"|\s+will)?\s*:\s*",
                      re.I)
_BULLET = re.compile(r"\s*(?:[•*·▪◦–-]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s*")
# A list item: a bullet or number, then a capitalised verb ("• Reaffirmed", "2. Committed to", "(c) Agreed to").
_ITEM_VERB = re.compile(r"\s*(?:[•*·▪◦–-]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))?\s*(?P<verb>[A-Z][a-z]+)\b")
_AGREEMENT = re.compile(r"agree|concur|reached")      # an agreement binds every party to the meeting
_WHEN_AFTER_VERB = re.compile(r",?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b,?(?=\s)")
# Capital letters, accented ones included ("PÅL JONSON:", "ŁUKASZ NOWAK:"); Latin Extended-A interleaves cases.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ž"
# Upper-case labels run to seven words with initials and numerals ("SECRETARY OF DEFENSE LLOYD J. AUSTIN III:");
# a transcript may also open paragraphs with a bare family name ("Rumsfeld:"), which must then name a participant.
_SPEAKER_LABEL = re.compile(rf"(?P<label>(?:[{_CAPITAL}][{_CAPITAL}.'’-]* ){{0,6}}[{_CAPITAL}][{_CAPITAL}.'’-]+|"
                            r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|"
                            r"(?:Q|Moderator|Question|Reporter|Staff|Secretary|Minister|Deputy|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|"
                            r"General|Gen\.|Admiral|Adm\.|Spokesperson|Spokesman|Spokeswoman)(?: [A-Z][\w.'’-]+){0,3})"
                            r"(?:\s+\((?P<aside>[^()]{1,40})\))?:\s")
# An interpreter speaks for their principal: "INTERPRETER (for Minister Kihara):", or the speaker before them.
_INTERPRETER = re.compile(r"(?i:interpreter|translator)\b")
# Labels of people who ask or chair, never participants.
NOT_SPEAKERS = frozenset("Q MODERATOR REPORTER QUESTION STAFF JOURNALIST CORRESPONDENT AUDIENCE PARTICIPANT ANCHOR "
                         "HOST CHAIR EMCEE MC PRESS SPOKESPERSON SPOKESMAN SPOKESWOMAN".split()) | {
    "PRESS SECRETARY", "AUDIENCE MEMBER", "MASTER OF CEREMONIES"}
# Courtesies and remarks on the occasion anywhere in a speaker's sentence (GUIDE: remarks on the meeting itself are
# no position): thanks for hospitality, a welcome, "nothing to add", "happy to respond to questions", "we had some
# very good meetings".
_COURTESY = re.compile(
    r"\b(?:thank(?:s|\s+you)?|grateful|gratitude)\b[^.]{0,80}\b(?:hospitality|hosting|hosted|welcom\w*|having\s+(?:me|us)|"
    r"inviting|invitation|coming)\b"
    r"|^\W*(?:well,?\s+)?(?:[\w.]+,\s+){0,3}welcome\s+(?:back|to)\b"
    r"|\b(?:privilege|honou?r|pleasure)\s+(?:and\s+(?:an?\s+)?(?:privilege|honou?r|pleasure)\s+)?to\s+(?:welcome|host|have)\b"
    r"|\bnothing\s+(?:more\s+|else\s+)?to\s+add\b|\b(?:happy|glad|pleased)\s+to\s+(?:take|answer|respond\s+to)\b[^.]{0,40}"
    r"\bquestions?\b"
    r"|\b(?:had|have\s+had|finished|concluded)\s+(?:an?\s+|some\s+)?(?:very\s+|most\s+|extremely\s+|really\s+)?(?:good|"
    r"productive|fruitful|constructive|useful|excellent|successful|great)\s+(?:meetings?|talks|discussions?|conversations?|"
    r"session)\b", re.I)
_PLEASANTRY = re.compile(r"(?:(?:well|look|so|and|ladies\s+and\s+gentlemen),?\s+)*(?:thank you|thanks|good (?:morning|afternoon|evening)|"
                         r"welcome|bonjour|hello|"
                         r"(?:it['’]s|it\s+is|it\s+was)\s+(?:a\s+|an\s+)?(?:real\s+|great\s+|special\s+)?(?:pleasure|honou?r|great\s+to)|"
                         r"(?:it['’]s\s+|it\s+is\s+)?(?:(?:very|so|really|always)\s+)?(?:great|good|nice|wonderful)\s+to\s+"
                         r"(?:be|see|have|host|welcome)\b|"
                         r"(?:i|we)\s+(?:warmly\s+)?welcome\s+(?:you|him|her|my|(?:the\s+)?(?:secretary|minister)\b|"
                         r"(?-i:[A-Z][a-z]+\s+[A-Z]))|"
                         # the host's and guest's courtesies: "I'm delighted to host you here", "I am pleased that we
                         # have met here", "I've been looking forward to this", "We'd be happy to take a few questions"
                         r"(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:(?:very|so|really|very\s+much)\s+)*(?:delighted|pleased|glad|"
                         r"happy|honou?red)\s+(?:to\s+(?:host|welcome|be\s+here|see|have|meet|receive)|that\s+we\s+(?:have\s+)?met)|"
                         r"(?:i|we)(?:['’]ve|\s+have)\s+been\s+looking\s+forward\s+to\s+(?:this|it|seeing|meeting|hosting)|"
                         r"(?:i|we)(?:['’]d|\s+would)\s+be\s+(?:happy|glad|pleased)\s+to\s+take|"
                         r"(?:i|we)\s+wanted\s+to\s+say\s+hello|"
                         # the chair of a press conference: "I'll take one more and then ...", "we'll take your questions"
                         r"(?:i|we)(?:['’]ll|\s+will)\s+take\s+(?:one|two|a\s+few|a\s+couple(?:\s+of)?|some|your)\s+"
                         r"(?:more|questions?))\b", re.I)
# English quotes, and the German and Polish low-high ones („...“).
_QUOTE = re.compile(r"[“\"„](?P<body>[^“”\"„]{12,}?)[”\"“]")
_SPEECH = SPEECH_VERBS
_ATTRIBUTION_AFTER = re.compile(
    rf"\s*,?\s*(?:{_SPEECH}\s+(?P<after_v>[^.;“”\"]{{1,90}})|(?P<after_s>[^.;“”\"]{{1,90}}?)\s+{_SPEECH}\b)")
_OPEN_QUOTE = re.compile(r"\s*[“\"„]\s*(?=[A-Z])")
_ANY_CLOSING = re.compile(r"[”\"“]")
_ATTRIBUTION_BEFORE = re.compile(rf"\s+{_SPEECH}\s*[,:]?\s*$")
_CLAUSE_START = re.compile(r"[.;“”\"„]\s*")
# "Said Rumsfeld: “...": the verb first, at the start of its paragraph or sentence.
_INVERTED_BEFORE = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:Said|Added|Replied|Responded)\s+(?P<who>[^.;:,“”\"]{2,60}?)"
                              r"\s*[:,]\s*$")
_LEAD_TO = re.compile(r"^to\s+")
_CONDITIONAL = re.compile(r"(?:if|when|unless|should)\b", re.I)
# A speaker's account of the encounter itself or of its agenda ("I had a candid exchange of views with him",
# "We touched on regional issues") describes the meeting without taking a position.
_DESCRIPTION = re.compile(r"(?:(?:well|so|now|yes),\s+)?(?:today,?\s+|and\s+|[^,;]{1,40},\s+|[\w.’' -]{1,40}\s+and\s+(?:i|myself),\s+)?(?:that\s+)?"
                          # the subject may be left out, as a minister's post writes: "Had a telephonic conversation
                          # with X", "Discussed a wide range of issues"
                          r"(?:(?:i|we|(?:the\s+)?(?:minister|secretary|mr\.?|ms\.?)\s+[\w.’'-]+(?:\s+[\w.’'-]+)?\s+and\s+i)(?:['’]ve)?\s+)?(?:have\s+|also\s+|just\s+)*(?:had|held|met|concluded|discussed|"
                          r"touched\s+(?:on|upon)|talked\s+about|exchanged\s+views|considered|reviewed|examined|addressed|covered|"
                          r"looked\s+(?:at|into))\b(?!\s+(?:it|this|that)\s+(?:as|to\s+be)\b)", re.I)
# A verdict on the encounter itself ("The discussion was very useful", "the results were satisfactory", "A good
# lunch and a good meeting", "X was on the agenda", "These were the main points of our talks"): an account of the
# meeting, no position on its subjects.
_MEETING_NOUN = r"(?:meetings?|discussions?|talks|lunch|dinner|conversations?|results?|exchanges?|session|visit)"
_GOOD = (r"(?:useful|productive|fruitful|good|great|excellent|constructive|successful|satisfactory|candid|"
         r"frank|positive|substantive|helpful|friendly|cordial|warm|very\s+good)")
# What may follow the verdict and leave it a verdict: "..., and useful", "discussions with his counterpart", "for both".
_VERDICT_END = (r"(?:\s+(?:and|but)\s+(?:(?:very|quite|really|most|highly)\s+)?[\w-]+)*[”\"’]?"
                r"(?:\s+(?:discussions?|talks|meetings?|exchanges?|conversations?))?[”\"’]?(?:\s+with\s+[^,;.]{1,60}?)?"
                r"(?:\s+for\s+(?:both\s+sides|both|us|all|everyone|the\s+two\s+\w+))?[”\"’]?\s*[.!]?\s*$")
_MEETING_VERDICT = re.compile(
    rf"\s*(?:that\s+)?(?:(?:the|this|that|our|a|an|today['’]s|their|his|her)\s+)?(?:[\w-]+\s+){{0,2}}?{_MEETING_NOUN}"
    rf"\s+(?:(?:here|today|yesterday|this\s+(?:morning|afternoon|evening))\s+)*(?:was|were|is|are|has\s+been|have\s+been|"
    rf"featured|proved|went)\s+[“\"‘]?(?:(?:very|quite|really|most|extremely|so|highly|truly|all|also|an?|particularly)\s+)*"
    rf"(?:[\w-]+\s+and\s+)?{_GOOD}\b{_VERDICT_END}|"
    # the count or the history of their encounters: "this is the fourth meeting this year", "it has been a year since I
    # last met him"
    rf"\s*(?:that\s+)?(?:this|it|today['’]s\s+\w+)\s+(?:is|was|marks?|marked)\s+(?:our|the|their|his|her)\s+(?:[\w-]+\s+)?"
    rf"(?:meeting|visit|talks|encounter|call)\b|"
    rf"\s*(?:that\s+)?it\s+(?:has|had)\s+been\s+[^,;]{{1,40}}\s+since\s+(?:i|we|they|he|she)\s+(?:last\s+)?"
    rf"(?:met|saw|visited|talked|spoke)\b|"
    rf"\s*(?:(?:a|an|the)\s+)?(?:(?:very|really|quite|most)\s+)*{_GOOD}\s+{_MEETING_NOUN}"
    rf"(?:\s+and\s+(?:(?:a|an|the)\s+)?(?:(?:very|really|quite|most)\s+)*{_GOOD}\s+{_MEETING_NOUN})*\s*[.!]?\s*$|"
    rf"(?:[^,;]{{0,80}}\s)?(?:was|were|is|are)\s+(?:also\s+)?on\s+the\s+agenda\b|"
    rf"\s*(?:these|those|they)\s+(?:were|are)\s+the\s+(?:[\w-]+\s+)?(?:points|topics|issues|subjects|themes)\s+of\s+"
    rf"(?:the|a|an|our)\s+(?:[\w-]+\s+)?{_MEETING_NOUN}",
    re.I)
# Agreement with nothing agreed on ("On most points, we agreed.", "we have reached agreement"): an account again.
_BARE_AGREEMENT = re.compile(r"(?:[^.;]{0,80}\s)?(?:agreed|reached\s+(?:an?\s+|full\s+|complete\s+)?agreement|"
                             r"(?:are|were)\s+in\s+(?:full\s+|complete\s+)?agreement)\s*[.!]?\s*$", re.I)
# A transcript's stage directions ("(Laughter)", "(audio break)", "(inaudible)", "(In progress following audio
# break)"): no one's words. Where one broke the speech, the dashes around it separate what was heard.
_STAGE_DIRECTION = re.compile(r"\((?:[Ii]n\s+progress\s+[^()]{0,40}|[Ll]aughter|[Aa]pplause|[Ii]naudible|[Cc]ross-?talk|"
                              r"[Aa]udio\s+(?:break|gap|interrupted)|[Oo]ff[\s-]mic(?:rophone)?|[Uu]nintelligible|"
                              r"[Pp]ause|[Ss]ic)\)")
_CUT_OFF = re.compile(r"\b(?:the|a|an|of|to|at|in|on|and|or|with|for|from|by|that)\W*$", re.I)   # "It was noted at the --"
_BROKEN_SPEECH = re.compile(r"(?:\s*--+\s*)+")
# A reported account of the talks' agenda ("said he and Austin discussed X", "adding that they also exchanged views on
# Y", "noted that they did not discuss Z") describes the meeting without taking a position.
_DISCUSSION = re.compile(
    r"\s*(?:that\s+)?(?:[^,;]{1,80},\s+)?(?:he|she|they|we|both(?:\s+(?:sides|ministers|men|leaders))?|"
    r"the\s+(?:two|three|four|five)\s+\w+|the\s+(?:ministers|sides|leaders)|(?:he|she)\s+and\s+[^,;]{1,40}?)\s+"
    r"(?:(?:also|had|have|has|then|further|briefly|mainly|did\s+not|didn['’]t),?\s+)*"
    r"(?:(?:on|at|during|in)\s+[^,;]{1,60},\s+)?"     # "he had, on the sidelines of the forum, met ..."
    r"(?:discuss(?:ed)?|exchanged?\s+(?:views|opinions|ideas|assessments?)|"
    r"shared?\s+(?:their\s+|its\s+)?(?:assessments?|information)\s+(?:on|of|about|regarding)|"
    r"held\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,4}?(?:talks|meeting|session|consultations|dialogue)\b|"
    r"talked\s+about|touched\s+(?:on|upon)|met)\b", re.I)
# "..., with Minister A emphasizing Canada's commitment to helping X", "focused on highlighting Australia's commitment
# to continue Y": a participle whose subject no rule resolves, before a commitment its government owns by name.
_EMPHASIS_PARTICIPLE = re.compile(r"\b(?:emphasi[sz]ing|highlighting|stressing|underscoring|underlining|reaffirming|"
                                  r"reiterating)\s+(?=(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}(?:[’']s\b|’|'))")
_IMPERSONAL = re.compile(r"\b[Ii]t\s+(?:is|was|has\s+been)\s+(?:also\s+)?(?:planned|decided|agreed)\s+to\s+"
                         r"(?P<act>.+)$", re.S)
# A quoted account of the visit's programme ("The minister received a briefing on X", "We toured the shipyard"): its
# subject, then a verb of the encounter (clauses.NEUTRAL_VERBS), and no clause of its own after it.
_PROGRAMME = re.compile(rf"(?:[\w.’'-]+\s+){{1,5}}?(?:(?:have|has|had|also|just|then|later)\s+|['’]ve\s+)*(?:{NEUTRAL_VERBS})\b"
                        r"(?![^.;]*\bthat\b)", re.I)
_ELIDED_WILL = re.compile(r"(?:will|shall)\s+(?!not\b)(?:also\s+)?(?P<act>.+)$", re.S)
_FIRST_PERSON = re.compile(r"\b(?:we|i)\b", re.I)
_TO_NOUN = re.compile(r"(?:the|a|an|our|its|their|his|her|this|that|these|those|all|both)\b", re.I)
_WEIGHED = re.compile(r"(?:discussed|addressed|reviewed|talked|exchanged)\b")
_IMPORTANCE = re.compile(r"\s+(?:about\s+|views\s+on\s+)?the\s+(?:(?:vital|critical|great|continued|shared)\s+)?"
                         r"(?:importance|need|necessity|significance|urgency|value)\s+(?:of|to|for)\s", re.I)
# Verbs that report information rather than a position: with a that-clause they report one ("explained that the
# drills are defensive"), with a plain object only an account ("announced the renewal of X", "explained the contents
# of the review", "conveyed the greetings of the King"); "described X as Y" characterizes, a position again.
_ACCOUNT_VERB = re.compile(r"(?:announc|explain|describ|convey|inform)", re.I)
# An object, not a clause with its own subject and verb ("explained the drills were defensive").
_ACCOUNT_OBJECT = re.compile(r"\s*(?:in\s+|(?:the|a|an|his|her|their|its|our)\s+(?:[a-z][\w-]*\s+){0,3}?"
                             r"[a-z][\w-]*(?:\s+(?:of|for|in|on|with|to|from|at|why|how|what)\b|[,.;]|\s*$)|"
                             r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?:\s+(?:of|for|in|on|with|to|from|at)\b|[,.;]|\s*$))")
# The reporter's or ministry's framing of the encounter itself ("the visit marked a continued commitment to X",
# "the talks reflect ..."): a judgment on the event, no participant's position or promise.
_FRAMING = re.compile(r"\s*(?:that\s+)?(?:the|this|their|his|her|today['’]s)\s+(?:\w+\s+)?(?:visit|meeting|talks|trip|"
                      r"call|dialogue|encounter|session)\s+(?:also\s+)?(?:marks?|marked|reflects?|reflected|demonstrates?|"
                      r"demonstrated|underscores?|underscored|shows?|showed|signals?|signaled|signalled|highlights?|"
                      r"highlighted|is\s+a\s+testament|was\s+a\s+testament)\b", re.I)
# "expressed hope that relations will improve", "hoped for ...": a wish, never a promise.
_WISH = re.compile(r"(?:hope|hoping|wish|expect)|(?:express|voic)\w*\s+(?:(?:his|her|their|the|a)\s+)?(?:\w+\s+)?"
                   r"(?:hopes?|wish(?:es)?|expectations?)\b", re.I)
# A speaker declining to answer a question takes no position.
_REFUSAL = re.compile(r"\b(?:refrain\s+from|decline\s+to|not\s+(?:going\s+to\s+)?)\s*(?:answer|comment|speculat|discuss|"
                      r"give\s+(?:any\s+)?(?:figures|numbers|details|dates)|go\s+into\s+(?:the\s+)?details)", re.I)
_HE_OR_SHE = re.compile(r"\s*(?:he|she)\s*", re.I)


@dataclass
class Claims:
    statements: list[ExtractedStatement] = field(default_factory=list)
    commitments: list[ExtractedCommitment] = field(default_factory=list)

    def extend(self, other: "Claims") -> None:
        self.statements += other.statements
        self.commitments += other.commitments


@dataclass(frozen=True)
class Quote:
    start: int                 # the quotation's words, without the marks
    end: int
    attribution: tuple[int, int] | None
    # A paragraph that opens a quotation and never closes it, or is one quotation with no attribution of its own:
    # the words of whoever the paragraph before quoted or reported.
    continues: bool = False


def claims_in_sentence(text: str, start: int, end: int, resolver: Resolver, reference: date | None,
                       span: tuple[int, int] | None = None) -> Claims:
    """Statements and commitments of one reported-speech sentence."""
    span = span or (start, end)
    claims = Claims()
    if text[start:end].rstrip(" \"”’").endswith("?"):
        return claims
    scope = resolver.scope
    listed = _list_item(text, start, end, resolver, reference, span)
    if listed is not None:
        return listed
    a, b, attribution = strip_attribution(text, start, end)
    impersonal = _IMPERSONAL.search(text, a, b) if "ed to " in text[a:b] else None
    if impersonal and len(scope.countries) > 1:
        # "During the drills it is planned to rehearse X", "it was agreed to Y": the table's own plan, no one named
        claims.commitments += commitments.from_promise(impersonal.group("act"), list(scope.countries), reference, span)
        return claims
    heads = find_heads(text, a, b, resolver)
    continued, scope.reporting = _continued_speaker(text, start, a, b, attribution, heads, resolver), None
    claims.statements += _participle_opening(text, a, b, heads, resolver, span)
    subject = None if any(h.subject.single for h in heads) else _subject_participant(text, a, b, resolver)
    if subject is not None:
        # "Speaking after the talks, Minister X first made reference to ...": a verb no rule reads, but X is who
        # the next sentence's "he" is.
        scope.last_speaker, scope.last_speaker_at = subject, end
    if not heads:
        speaker = _attributed_participant(resolver, attribution) or continued
        together = None if speaker else _attributed_together(resolver, attribution)
        if speaker or together:
            dateline = match_dateline(text[a:b])
            if dateline:
                a += dateline.end()     # "Skopje, 24 May (Agency) – X and Y remain partners, said ...": the wire's place
        if (speaker or together) and b - a > 20 and not text[a:b].rstrip().endswith("?") \
                and not _DISCUSSION.match(text, a, b):
            countries, names = ([speaker.country], [speaker.name]) if speaker else together
            claims.statements.append(ExtractedStatement(countries, commitments.tidy(text[a:b]), False, names, span))
            if speaker is continued:
                scope.reporting, scope.reporting_end = continued, end
        claims.commitments += _owned_after_participle(text, a, b, heads, resolver, reference, span)
        return claims
    for head in heads:
        if head.subject.single is not None:
            resolver.scope.last_speaker, resolver.scope.last_speaker_at = head.subject.single, end
        if head.kind == "neutral":
            if _WEIGHED.match(head.verb) and _IMPORTANCE.match(text, head.verb_end, head.end):
                # GUIDE: "discussed the importance of X" takes a position, unlike "discussed X"
                claims.statements.append(ExtractedStatement(list(head.subject.countries), commitments.tidy(
                    text[head.start:head.end]), False, list(head.subject.names), span))
            continue
        speakers = list(head.subject.countries)
        names = list(head.subject.names)
        if head.kind == "commit":
            if _AGREEMENT.match(head.verb) and len(resolver.scope.countries) > 1:
                speakers = list(resolver.scope.countries)
            obj = text[head.verb_end:head.end]
            if _SCHEDULED.match(head.verb) and _ENCOUNTER.match(obj):
                continue     # "will also hold trilateral talks with X in the afternoon": a schedule, not a promise
            claims.commitments += commitments.from_promise(obj, speakers, reference, span)
        else:
            found = _reported(text, head.start, head.verb_end, head.end, speakers, names, resolver, reference, span)
            claims.extend(found)
            single = head.subject.single
            if found.statements and _REPORTING.match(head.verb) and single is not None and \
                    any(p.key == single.key for p in scope.people):
                scope.reporting, scope.reporting_end = single, end
    if not claims.commitments:
        claims.commitments += _owned_after_participle(text, a, b, heads, resolver, reference, span)
    return claims


def _owned_after_participle(text, a, b, heads, resolver: Resolver, reference, span) -> list[ExtractedCommitment]:
    """The commitment a government owns by name after an emphasizing participle no predicate reads: the owner is
    the party, whoever the participle's subject is."""
    found: list[ExtractedCommitment] = []
    for m in _EMPHASIS_PARTICIPLE.finditer(text, a, b):
        if any(h.start == m.start() for h in heads):
            continue
        found += commitments.from_clause(text, m.end(), b, [], resolver, reference, span) or []
    return found


# Before a sentence's subject: an opening clause that ends in a comma ("Speaking at a press conference after the
# talks, ..."), then only its title ("Defence Minister", "Greece's National Defence Minister").
_OPENING_CLAUSE = re.compile(r"[^,;“”\"]{0,160},\s+")
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w.’'-]*|of|the|for|and)\s+){0,8}")


def _subject_participant(text: str, a: int, b: int, resolver: Resolver) -> Person | None:
    """The one participant a sentence opens with as its subject, whatever its verb."""
    mentions = resolver.entities.people_in(a, b)
    if not mentions:
        return None
    first = mentions[0]
    person = resolver.entities.people[first.key]
    if not any(p.key == person.key for p in resolver.scope.people) or any(m.key != first.key for m in mentions):
        return None     # a sentence of several participants has no one "he" the next refers to
    opening = _OPENING_CLAUSE.match(text, a, first.start)
    lead = opening.end() if opening else a
    title = _TITLE_WORDS.match(text, lead, first.start)
    return person if title.end() == first.start else None


# "Lauding the growth of their ties, both sides agreed ...", "Thanking A for X, B said ...": a clause opened by the
# participle of a verb of speech, before the main clause's subject, is a position of that subject.
_PARTICIPLE_OPENING = re.compile(r"\s*(?P<clause>(?P<verb>[A-Z][a-z]+ing)\b[^,;:“”\"]{8,200}?),\s+(?=\S)")
_AGREEING = re.compile(r"agreeing\s+(?:on|upon|that)\b")


# "The ministry announced that A met with B", "said that A held talks with B": the complement tells of the encounter
# itself, which is the meeting's report, not anyone's position on its subjects.
_ENCOUNTER_TOLD = re.compile(r"\b(?:met|meets|held\s+(?:[\w’'-]+\s+){0,4}?(?:talks|meetings?|consultations)|"
                             r"had\s+(?:[\w’'-]+\s+){0,3}?(?:talks|meeting|conversation|call)|received|hosted)"
                             r"\s+(?:with\s+)?", re.I)


# "Dehqan said he attended the ceremony on behalf of the president": where the speaker went, no position.
_ATTENDANCE_ACCOUNT = re.compile(r"\s*(?:that\s+)?(?:he|she|they|I|we)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?"
                                 r"(?:attended|took\s+part\s+in|participated\s+in|arrived\s+in|travell?ed\s+to|came\s+to)\b")


def _tells_encounter(text: str, a: int, b: int, resolver: Resolver) -> bool:
    told = _ENCOUNTER_TOLD.search(text, a, b)
    return told is not None and bool(resolver.entities.people_in(told.end(), min(b, told.end() + 80)))


def _participle_opening(text: str, a: int, b: int, heads, resolver: Resolver, span) -> list[ExtractedStatement]:
    opening = _PARTICIPLE_OPENING.match(text, a, b)
    if opening is None or not heads or heads[0].start < opening.end():
        return []
    clause = opening.group("clause")
    lowered = clause[0].lower() + clause[1:]
    verb = VERB.match(lowered)
    if not (verb and verb.lastgroup == "state" and verb.end() == len(opening.group("verb"))
            or _AGREEING.match(lowered)):
        return []
    if lowered.split()[0] in _ENCOUNTER_VERBS and _meets_person(text, opening.end("verb"), resolver):
        return []    # "Welcoming the Turkish delegation, A said ...": a greeting, no position
    subject = resolver.subject(opening.end(), heads[0].start)
    if subject is None or not subject.countries:
        return []
    return [ExtractedStatement(list(subject.countries), commitments.tidy(clause), False, list(subject.names), span)]


def _list_item(text: str, start: int, end: int, resolver: Resolver, reference, span) -> Claims | None:
    """A communiqué's list: "The Ministers:" then items that open with their verb ("• Reaffirmed X.", "2. Committed
    to Y."). The lead-in gives each item its subject; an item that opens otherwise ends the list."""
    scope = resolver.scope
    lead = _LEAD_IN.fullmatch(text, start, end)
    if lead:
        subject = resolver.subject(lead.start("subj"), lead.end("subj"))
        scope.lead_in, scope.lead_in_end, scope.lead_in_promises = subject, end, bool(lead.group("promise"))
        return Claims() if subject is not None else None
    if scope.lead_in is None:
        return None
    if scope.lead_in_promises:
        # Cleaning may already have taken the glyph off ("agreed to:" then an item per paragraph, in lower case).
        bullet = _BULLET.match(text, start, end)
        item_start = bullet.end() if bullet else start
        if ("\n" not in text[scope.lead_in_end:start]
                or (bullet is None and not text[item_start:item_start + 1].islower())):
            scope.lead_in = None
            return None
        scope.lead_in_end = end
        parties = list(scope.lead_in.countries)
        return Claims(commitments=commitments.from_promise(text[item_start:end], parties, reference, span))
    item = _ITEM_VERB.match(text, start, end)
    verb = VERB.match(text[item.start("verb"):end].lower()) if item else None
    if "\n" not in text[scope.lead_in_end:start] and scope.lead_in_end > 0 and not scope.lead_in_promises:
        # The item's paragraph goes on: "Support the transformation of NATO. Its success is a prerequisite for ...":
        # the communiqué's own words, its signatories' position.
        scope.lead_in_end = end
        while end > start and text[end - 1] in " .;,":
            end -= 1
        subject = scope.lead_in
        return Claims(statements=[ExtractedStatement(list(subject.countries), commitments.tidy(text[start:end]), False,
                                                     list(subject.names), span)])
    if verb is None or "\n" not in text[scope.lead_in_end:start] or verb.lastgroup == "neutral":
        scope.lead_in = None
        return None
    scope.lead_in_end = end
    subject = scope.lead_in
    verb_start, verb_end = item.start("verb"), item.start("verb") + verb.end()
    while end > verb_end and text[end - 1] in " .;,":
        end -= 1
    speakers, names = list(subject.countries), list(subject.names)
    if verb.lastgroup == "commit":
        return Claims(commitments=commitments.from_promise(text[verb_end:end], speakers, reference, span))
    return _reported(text, verb_start, verb_end, end, speakers, names, resolver, reference, span)


def _continued_speaker(text: str, start: int, a: int, b: int, attribution, heads, resolver: Resolver) -> Person | None:
    """The participant whose reported speech a sentence goes on with: "Dong said that X. China is ready to Y." The
    sentence follows theirs in the same paragraph, names nobody else and has no attribution or reporting verb of its
    own."""
    scope = resolver.scope
    person = scope.reporting
    if person is None or heads or attribution is not None or not 0 <= start - scope.reporting_end <= 3:
        return None
    if "\n" in text[scope.reporting_end:start] or b - a < 30 or text[a:b].rstrip().endswith("?"):
        return None
    if any(resolver.entities.people[m.key].key != person.key for m in resolver.entities.people_in(a, b)):
        return None
    # Its subject is a government at the table or the two together ("China is ready to ...", "The cooperation
    # between the two countries has ..."), not a thing the reporter explains ("These are the first missiles ...").
    lead = min(b, a + 60)
    if _SCENE_SETTING.match(text, a, b):
        return None      # "In September, the two sides held ...": the reporter's narrative again
    if not _TABLE_SUBJECT.search(text, a, lead) and not any(
            m.code in scope.countries for m in resolver.entities.mentions_in(a, lead, kinds=("country", "demonym"))):
        return None
    return person


def _reported(text, verb_start, verb_end, end, speakers, names, resolver, reference, span) -> Claims:
    claims = Claims()
    verb = text[verb_start:verb_end]
    when = _WHEN_AFTER_VERB.match(text, verb_end, end)
    if when:
        verb_end = when.end()
    rest = text[verb_end:end]
    enumeration = _ENUMERATION.split(rest)
    if len(enumeration) > 1 and " to " in enumeration[0] and \
            not _TO_NOUN.match(enumeration[0].partition(" to ")[2]):     # "vital to the security of X, and to Y": one
        lead, _, first = enumeration[0].partition(" to ")
        for item in [first, *(_LEAD_TO.sub("", e) for e in enumeration[1:])]:
            claims.statements.append(ExtractedStatement(speakers, commitments.tidy(f"{verb}{lead} to {item}"), False,
                                                        names, span))
        return claims
    position = verb_end
    pieces = []
    for m in _COMPLEMENT_SPLIT.finditer(rest) if "and" in rest or "well" in rest else ():   # every branch has one
        pieces.append((position, verb_end + m.start(), m.group()))
        position = verb_end + m.end()
    pieces.append((position, end, ""))
    if _FRAMING.match(text, verb_end, end):
        return claims    # "the ministry said the visit marked a continued commitment to X": framing, not a position
    wish = bool(_WISH.match(text, verb_start, min(end, verb_end + 40)))
    if _ACCOUNT_VERB.match(verb) and _ACCOUNT_OBJECT.match(text, verb_end, end) and " as " not in text[verb_end:end]:
        return claims
    account = False
    for i, (a, b, _) in enumerate(pieces):
        if _tells_encounter(text, a, b, resolver) or _ATTENDANCE_ACCOUNT.match(text, a, b):
            continue
        if _DISCUSSION.match(text, a, b) or _MEETING_VERDICT.match(text, a, b) or \
                (account and "well" in pieces[i - 1][2]):
            account = True   # "..., where they discussed X, as well as Y": Y is on the agenda too
            continue
        account = False
        elided = None if wish else _ELIDED_MODAL.match(text, a, b)
        if elided and (i == 0 or _party_subject(text, *pieces[i - 1][:2], resolver)):
            # "... said Australia wanted X, and would consult Y": the promise of the complement's subject.
            claims.commitments += commitments.from_promise(elided.group("act"), speakers, reference, span)
            continue
        if elided and claims.statements and claims.statements[-1].span == span:
            # "... that the policy will reinforce trust and will serve as a basis for X": one prediction, kept whole.
            last = claims.statements[-1]
            last.text = commitments.tidy(f"{last.text} and {text[a:b].strip()}")
            continue
        found = None if wish else commitments.from_clause(text, a, b, speakers, resolver, reference, span,
                                                          nouns=not _GRATITUDE.match(verb), agreed=bool(_AGREEMENT.match(verb.lower())))
        if found is not None:
            claims.commitments += found
            continue
        words = text[a:b].strip()
        if i > 0 and "that" in pieces[i - 1][2]:
            words = "that " + words
        said = _SAYING.fullmatch(verb)
        if said:
            # GUIDE: the text is the clause without its attribution; "said that", "told reporters that" only attribute.
            cut = (_TOLD_THAT.match(words) or _TOLD_AUDIENCE.match(words)) if said.group(1) else _THAT_LEAD.match(words)
            clause = words[cut.end():] if cut else words
        else:
            clause = f"{verb} {words}"
        occasion = commitments.OCCASION.search(clause)
        if occasion and len(clause[:occasion.start()].split()) >= 3:
            clause = clause[:occasion.start()]
        if len(words.split()) >= 2:
            claims.statements.append(ExtractedStatement(speakers, commitments.tidy(clause), False,
                                                        names, span))
    return claims


_COMPLEMENT_SUBJECT = re.compile(r"\s*(?:that\s+)?(?P<subj>[^,;]{1,80}?)\s+(?:is|are|was|were|has|have|had|will|would|"
                                 r"wants?|wanted|\w+ed|\w+s)\b")


def _party_subject(text: str, a: int, b: int, resolver: Resolver) -> bool:
    """Whether a complement's subject is a government at the meeting ("Australia wanted X"), not a thing ("the policy")."""
    m = _COMPLEMENT_SUBJECT.match(text, a, b)
    return bool(m) and commitments._party(resolver, m.start("subj"), m.end("subj")) is not None


def transcript_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Any label that opens a transcript paragraph: "SECRETARY AUSTIN:", "Minister Marles:", "Q:"."""
    m = _SPEAKER_LABEL.match(text, start, end)
    if m and m.group("aside") and _INTERPRETER.match(m.group("label")):
        return m.span("aside")
    return m.span("label") if m else None


def is_interpreter(label: str) -> bool:
    """Whether a label is an interpreter's who names no principal ("INTERPRETER:")."""
    return bool(_INTERPRETER.match(label))


def is_speaker(label: str) -> bool:
    """Whether a transcript label names someone who speaks for a government (not "Q:" or "Moderator:")."""
    return label.strip(" .").upper() not in NOT_SPEAKERS


def speaker_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The "SECRETARY AUSTIN:" label that opens a transcript paragraph (not a reporter's "Q:")."""
    label = transcript_label(text, start, end)
    return label if label and is_speaker(text[label[0]:label[1]]) else None


def find_quotes(text: str, start: int, end: int, label: tuple[int, int] | None = None) -> list[Quote]:
    """Whole quotations in a paragraph with the span of their attribution, if any.

    A transcript paragraph ("MINISTER MARLES: ...") is one quotation of its labelled speaker;
    so is an unlabelled paragraph that continues a labelled one (``label``, the label it continues).
    """
    own = speaker_label(text, start, end)
    if own is not None and label is not None and is_interpreter(text[own[0]:own[1]]):
        own = None       # the interpreter's words are the principal's, whose label ``label`` is
    if own is not None:
        return [Quote(text.index(":", own[1]) + 1, end, own)]
    if label is not None:
        colon = text.find(":", start, end) if transcript_label(text, start, end) else -1
        return [Quote(colon + 1 if colon >= 0 else start, end, label)]
    dashed = _dash_quotation(text, start, end)
    if dashed is not None:
        return [dashed]
    quotes, previous = [], None
    for m in _quotations(text, start, end):
        after = _ATTRIBUTION_AFTER.match(text, m.end(), min(end, m.end() + 120))
        before = _attribution_before(text, max(start, m.start() - 160), m.start())
        opens_sentence = m.start() == start or text[m.start() - 2:m.start()].strip() in ("", ".", ":", ",")
        if after:
            group = "after_v" if after.group("after_v") else "after_s"
            attribution = after.span(group)
        elif before:
            attribution = before
        elif opens_sentence and previous is not None and previous.attribution is not None:
            attribution = previous.attribution
        elif m.start() == start and not text[m.end():end].strip():
            quotes.append(Quote(m.start("body"), m.end("body"), None, continues=True))
            continue
        else:
            continue
        if not (opens_sentence or before):
            continue
        previous = Quote(m.start("body"), m.end("body"), attribution)
        quotes.append(previous)
    if not quotes and _OPEN_QUOTE.match(text, start, end) and not _ANY_CLOSING.search(text, start + 1, end):
        # "“The world has seen ..." to the paragraph's end: a quotation that goes on past it (or a page cut short),
        # whose speaker the paragraph before introduced.
        opening = _OPEN_QUOTE.match(text, start, end)
        return [Quote(opening.end(), end, None, continues=True)]
    return quotes


# "- We talked about X. I emphasized Y - said Minister A after the meeting.": a paragraph closed by a dash and its
# attribution is the speaker's quotation, whether or not a dash opens it (the quotation dash of Polish, Ukrainian and
# Russian writing, kept in their English pages).
_DASH_OPENING = re.compile(r"[-–—]\s+")
_SPACED_DASH = re.compile(r"\s[-–—]\s+")
_PARAGRAPH_END = re.compile(r"[\s.]*$")


def _dash_quotation(text: str, start: int, end: int) -> Quote | None:
    dashes = list(_SPACED_DASH.finditer(text, start, end))
    if not dashes or _QUOTE_MARK.search(text, start, dashes[-1].start()):
        return None
    closing = dashes[-1]     # the last spaced dash: a hyphen in the speaker's name ("Kosiniak-Kamysz") is none
    after = _ATTRIBUTION_AFTER.match(text, closing.end(), end)
    if after is None or not _PARAGRAPH_END.match(text, after.end(), end):
        return None
    opening = _DASH_OPENING.match(text, start, end)
    group = "after_v" if after.group("after_v") else "after_s"
    return Quote(opening.end() if opening else start, closing.start(), after.span(group))


class _Span:
    """A quotation found by ``_quotations``, read like a match of ``_QUOTE``."""
    __slots__ = ("_open", "_close")

    def __init__(self, open_at: int, close_at: int):
        self._open, self._close = open_at, close_at

    def start(self, group: str | None = None) -> int:
        return self._open + 1 if group == "body" else self._open

    def end(self, group: str | None = None) -> int:
        return self._close if group == "body" else self._close + 1


_QUOTE_MARK = re.compile(r"[“”\"„]")


def _quotations(text: str, start: int, end: int):
    """Outermost quotations of a paragraph, a quoted name inside one kept in it ("... the exercise "Zapad-2025," he
    said"): a straight mark after a space (or at the start) and before a word opens, any other closes. Unbalanced
    marks fall back to the plain pairing of ``_QUOTE``."""
    marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(text, start, end)]
    if len(marks) < 2:
        return []
    if all(mark != '"' for _, mark in marks) and all(mark != "„" for _, mark in marks):
        if not any(marks[i][1] == marks[i + 1][1] == "“" for i in range(len(marks) - 1)):
            return list(_QUOTE.finditer(text, start, end))     # plain curly pairs: nothing nests
    found, stack = [], []
    for at, mark in marks:
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        if mark == "„" or (mark == "“" and not (stack and stack[-1][1] == "„")):
            opens = True
        elif mark == '"':
            opens = (before.isspace() or before in "([—–-") and not after.isspace()
        else:
            opens = False
        if opens:
            stack.append((at, mark))
        elif stack:
            open_at, _ = stack.pop()
            if stack and _ATTRIBUTION_AFTER.match(text, at + 1, min(end, at + 121)):
                open_at, stack = stack[0][0], []     # '... exercise "Zapad-2025," he said': one mark closes both
            if not stack and at - open_at > 12:
                found.append(_Span(open_at, at))
    if stack:
        return list(_QUOTE.finditer(text, start, end))
    return found


def _attribution_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker phrase of "Minister Han said, “..." (from the clause start to the verb) or of "Said Han: “..."."""
    verb = _ATTRIBUTION_BEFORE.search(text, max(start, end - 40), end)
    if verb is None:
        inverted = _INVERTED_BEFORE.search(text, max(start, end - 80), end)
        return (inverted.start("who"), inverted.end("who")) if inverted else None
    clause_start = start
    for m in _CLAUSE_START.finditer(text, start, verb.start()):
        clause_start = m.end()
    return (clause_start, verb.start()) if verb.start() > clause_start else None


def quote_speaker(resolver: Resolver, quote: Quote) -> Person | None:
    return _attributed_participant(resolver, quote.attribution)


def claims_in_quote(text: str, quote: Quote, resolver: Resolver, reference: date | None) -> Claims:
    """A participant's quotation as direct statements; anyone else's as reported speech."""
    speaker = quote_speaker(resolver, quote)
    scope = resolver.scope
    last = scope.last_speaker
    if speaker is None and quote.continues and last is not None and any(p.key == last.key for p in scope.people) \
            and scope.last_speaker_at >= _paragraph_before(text, quote.start):
        speaker = last
    scope.last_quoted = speaker
    claims = Claims()
    for a, b in split_sentences(text, quote.start, quote.end):
        if speaker is None:
            claims.extend(claims_in_sentence(text, a, b, resolver, reference, (a, b)))
            continue
        scope.last_speaker, scope.last_speaker_at = speaker, b
        claims.extend(_direct(text[a:b], speaker, reference, (a, b), scope.countries, resolver))
    return claims


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` starts."""
    own = text.rfind("\n", 0, at)
    if own < 0:
        return 0
    previous_end = len(text[:own].rstrip())
    return text.rfind("\n", 0, previous_end) + 1


def _direct(sentence: str, speaker: Person, reference, span, table: list[str] = (), resolver: Resolver | None = None
            ) -> Claims:
    """A participant's own sentence: promises ("we will", "we agreed to", "Japan will") as commitments, the rest
    as statements."""
    claims = Claims()
    pieces = [sentence]
    if _STAGE_DIRECTION.search(sentence):
        if _MEETING_VERDICT.match(sentence):
            return claims    # "The issue of X -- (audio break) -- was on the agenda": its pieces say no more
        heard = _STAGE_DIRECTION.sub("", sentence)
        pieces = [" ".join(p.split()) for p in _BROKEN_SPEECH.split(heard) if len(p.split()) > 3
                  and not _CUT_OFF.search(p)] if "--" in heard else [" ".join(heard.split())]
    first_person = False
    for clause in (c for piece in pieces for c in _CLAUSE_SPLIT.split(piece)):
        clause = clause.strip().strip(",")
        if clause.lower().startswith("and "):
            clause = clause[4:]
        elided = _ELIDED_WILL.match(clause) if first_person else None
        first_person = bool(_FIRST_PERSON.search(clause))
        if elided:
            # "we have raised it with X, and will raise it with Y": the speaker's promise, its subject left out
            claims.commitments += commitments.make([speaker.country], [commitments.tidy(elided.group("act"))],
                                                   reference, span)
            continue
        if len(clause.split()) < 3 or _PLEASANTRY.match(clause) or _COURTESY.search(clause) or clause.endswith("?") \
                or _REFUSAL.search(clause) \
                or _DESCRIPTION.match(clause) or _MEETING_VERDICT.match(clause) or _BARE_AGREEMENT.match(clause) \
                or _PROGRAMME.match(clause):
            continue
        conditional = _CONDITIONAL.match(clause)
        table_promise = _DIRECT_AGREED_THAT.search(clause) or _DIRECT_BOTH_WILL.match(clause)
        if table_promise and not conditional:
            parties = list(table) if speaker.country in table and len(table) > 1 else [speaker.country]
            claims.commitments += commitments.make(parties, commitments.action_items(table_promise.group("act")),
                                                   reference, span)
            continue
        agreement = _DIRECT_AGREEMENT.search(clause)
        if agreement and not conditional:
            parties = list(table) if speaker.country in table and len(table) > 1 else [speaker.country]
            claims.commitments += commitments.make(parties, commitments.action_items(agreement.group("act")),
                                                   reference, span)
            continue
        promise = _DIRECT_PROMISE.search(clause) or _DIRECT_STANDING.search(clause) or \
            _DIRECT_COMMITMENT_NOUN.search(clause) or _own_country_will(
            clause, speaker, resolver)
        if promise and commitments.is_itinerary(promise.group("act")):
            continue     # "we will attend the summit in Vilnius": the trip's schedule
        if promise and not conditional:
            claims.commitments += commitments.make([speaker.country], [commitments.tidy(promise.group("act"))],
                                                   reference, span)
            continue
        claims.statements.append(ExtractedStatement([speaker.country], clause.rstrip(",;"), True, [speaker.name], span))
    return claims


def _own_country_will(clause: str, speaker: Person, resolver: Resolver | None) -> re.Match | None:
    """ "Japan will send F-35s", "I told him that the United States will help": a promise when the speaker names
    their own government."""
    that = clause.rfind(" that ")
    m = _COUNTRY_WILL.match(clause, that + 6 if that >= 0 else 0)
    if m is None or resolver is None:
        return None
    owner = m.group("subj")
    country = resolver.index.country_of_surface(owner) or resolver.index.country_of_surface(f"the {owner}")
    return m if country == speaker.country else None


def labelled_person(label: str, people) -> Person | None:
    """The participant a transcript label names by family name ("SECRETARY AUSTIN", "Minister Marles")."""
    words = {fold(w) for w in label.split()}
    named = [p for p in people if fold(p.family) in words]
    return named[0] if len(named) == 1 else None


_INVERTED_ATTRIBUTION = re.compile(r"(?:said|says|added|adds|stated|noted|stressed|emphasi[sz]ed|underlined|"
                                   r"declared|explained|remarked|pointed\s+out)\s+(?=[A-Z]|the\s|both\s)")


def _attributed_together(resolver: Resolver, attribution: tuple[int, int] | None) -> tuple[list[str], list[str]] | None:
    """ "..., said Defense Ministers A of X and B of Y after their meeting", "..., said the two ministers": an
    inverted attribution to several participants at once, whose governments all hold the position."""
    if attribution is None:
        return None
    inverted = _INVERTED_ATTRIBUTION.match(resolver.text, attribution[0], attribution[1])
    if inverted is None:
        return None
    if PLURAL_REFERENCE.match(resolver.text, inverted.end(), attribution[1]) and len(resolver.scope.countries) > 1:
        return list(resolver.scope.countries), []
    subject = resolver.subject(inverted.end(), attribution[1])
    if subject is None or len(subject.countries) < 2 or not set(subject.countries) <= set(resolver.scope.countries):
        return None
    return list(subject.countries), list(subject.names)


def _attributed_participant(resolver: Resolver, attribution: tuple[int, int] | None) -> Person | None:
    if attribution is None:
        return None
    phrase = resolver.text[attribution[0]:attribution[1]]
    if _HE_OR_SHE.fullmatch(phrase):
        # '"...," he added.': the participant the text last made its subject, in the two paragraphs before at most
        # (a photo's caption may stand between), else whoever it last quoted.
        scope = resolver.scope
        last = scope.last_speaker
        if last is not None and any(p.key == last.key for p in scope.people) and scope.last_speaker_at >= \
                _paragraph_before(resolver.text, _paragraph_before(resolver.text, attribution[0])):
            return last
        return scope.last_quoted
    if phrase.isupper() or _SPEAKER_LABEL.fullmatch(phrase + ": "):
        labelled = labelled_person(phrase, resolver.scope.people)
        if labelled is not None or phrase.isupper():
            return labelled
    inverted = _INVERTED_ATTRIBUTION.match(phrase)
    # "..., said Azerbaijan's Defense Minister Zakir Hasanov": the speaker after the verb.
    subject = resolver.subject(attribution[0] + inverted.end(), attribution[1]) if inverted else \
        resolver.subject(*attribution)
    if subject is None or len(subject.countries) != 1 or not subject.names:
        return None
    for person in resolver.scope.people:
        if person.name in subject.names:
            return person
    single = subject.single
    return single if single is not None and single.country in resolver.scope.countries else None
