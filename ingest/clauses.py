"""Who did what in a sentence: attribution stripped, subject found, predicates split.

News reports positions as "SUBJECT VERB ..., and VERB ..., White said." This module
finds the reporting/promising verbs that head such predicates, the subject each one
belongs to (resolved to the meeting's countries), and where each predicate ends. The
statement and commitment stages then read what each predicate says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import PLURAL_REFERENCE, DocumentEntities, EntityIndex, Person, trie_regex

# Verbs that report a position, as stems: each is found in every form ("stress", "stresses",
# "stressed", "stressing"), so a readout's past tense and a joint statement's "We underline" read alike.
_STATEMENT_STEMS = """
emphasize emphasise condemn denounce reaffirm affirm reiterate express warn urge underscore underline declare
recognize recognise acknowledge welcome concur stress note highlight laud praise commend hail applaud appreciate
encourage confirm assure reassure voice criticize criticise oppose reject insist assert explain describe
characterize characterise value support back endorse announce believe hope thank caution argue lament
deplore regret recall demand observe remark convey propose request evaluate assess deem consider
suggest invite repeat
""".split()
_DOUBLED = {"concur": "concurr", "regret": "regrett"}
# Bare forms head a predicate of their own only in a present-tense series ("We condemn X and call on Y"),
# not inside a promise ("will strengthen X and support Y").
_BARE = frozenset(_STATEMENT_STEMS)
# ... and only after a subject that can take a present-tense verb ("We underline", "Both sides support"),
# not after a noun phrase that makes it a noun ("the 30-minute call", "their support").
_BARE_SUBJECT = re.compile(r"(?:\b(?:[Ww]e|[Tt]hey|I|ministers|sides|countries|nations|leaders|governments|allies|"
                           r"partners|parties|members|delegations|participants|states)"
                           r"|\b[A-Z][\w.’'-]*(?<!The)(?<!This)(?<!Their)(?<!Its)(?<!Our))"
                           r"\s+(?:(?:also|strongly|fully|jointly|firmly|further|again|both|all|together|hereby)\s+)*$")


def _forms(stem: str) -> tuple[str, ...]:
    """A stem's regular forms: "note" -> note, notes, noted, noting."""
    base = _DOUBLED.get(stem, stem)
    if stem.endswith("e"):
        return stem, stem + "s", stem + "d", stem[:-1] + "ing"
    plural = stem + "es" if stem.endswith(("s", "sh", "ch", "x", "z")) else stem + "s"
    return stem, plural, base + "ed", base + "ing"


# The single words go into one trie-shaped alternation (fast to scan), the phrases after it.
# "offered to host X", "offered continued training support": a promise; "offered his condolences", "offered Indian
# firms to take part": a sentiment or a proposal (GUIDE: a statement).
_OFFER_OF_ACTION = r"\s+(?:to\s|(?:[\w-]+\s+){0,3}?(?:support|assistance|help|training|aid|cooperation)\b)"
STATEMENT_VERBS = "|".join([
    trie_regex({form for stem in _STATEMENT_STEMS for form in _forms(stem)} | {
        "said", "says", "saying", "adding", "told", "showed", "called", "calling"}),
    r"call(?:s|ed|ing)?\s+(?:on|for|upon)",
    r"add(?:s|ed)(?=\s+that\b)",     # "he added that X": "added" alone is any sum ("added two ships")
    # "wrote on X that ...", "posted on Telegram that ...": a position written, on a page or a social network.
    r"(?:wrote|posted|tweeted)(?=\s+(?:(?:on|in)\s+(?:[\w().'’-]+\s+){1,4}?)?that\b)",
    r"agreed\s+(?:that|on|upon)",
    r"(?:shared?|shares|sharing)\s+(?:the|their|his|her|a|our)\s+(?:[\w-]+\s+)?"
    r"(?:view|concerns?|assessment|understanding)",
    r"point(?:s|ed|ing)?\s+out",
    r"(?:offered|offering)(?!" + _OFFER_OF_ACTION + ")",
    r"look(?:s|ed|ing)?\s+forward\s+to",
    r"raised\s+(?:concerns?|the\s+issue)",
    r"(?:is|are|was|were|remain(?:s|ed)?)\s+(?:deeply\s+|seriously\s+|gravely\s+)?concerned",
])
_WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
_WHERE = r"(?:\s+(?:in|at)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"     # "agreed on Friday in Tokyo to ..."
# "agreed in their talks on Wednesday to ...", "agreed at the meeting to ...": the encounter it was agreed at.
_AT_ENCOUNTER = (r"(?:\s+(?:at|in|during|after)\s+(?:the|their|a|an|today[’']s)\s+(?:[\w-]+\s+){0,3}?"
                 r"(?:talks|meeting|discussions?|session|consultations|call|dialogue))?")
COMMITMENT_VERBS = (
    r"pledged|pledges|pledge|pledging|committed|commit|vowed|vow|vowing|resolved|decided|promised|promising|"
    r"undert(?:ook|ake)|"
    rf"agreed{_AT_ENCOUNTER}{_WHEN}{_WHERE}\s+to|agree\s+to|agreeing\s+to|concurred\s+to|agreed\s+(?:on|upon)\s+(?=[a-z]+ing\s)|"
    r"reached\s+(?:a|an)\s+(?:consensus|agreement|understanding)|(?:offered|offering)(?=" + _OFFER_OF_ACTION + r")|will|"
    r"(?:made|took)\s+(?:a\s+|the\s+|joint\s+)?decisions?\s+(?:on|to)|"
    r"plan(?:s|ned)?\s+to|(?:is|are|was|were)\s+planning\s+to|announced\s+(?:their|its|his|her)\s+plans?\s+to|"
    r"intend(?:s|ed)?\s+to|"
    # "we hereby task our Chiefs of Defence to prepare X", "directed their staffs to explore Y": work ordered is promised
    r"(?:tasked|tasks?|directed|instructed|mandated)(?=\s+(?:their|our|the|respective)\s+(?:[\w-]+\s+){0,4}?"
    r"(?i:officials|staffs?|chiefs|teams|ministries|experts|officers|authorities|commanders|planners|working\s+groups?|"
    r"agencies)\b)|"
    r"are\s+(?:firmly\s+|fully\s+|strongly\s+)?committed|is\s+(?:firmly\s+|fully\s+|strongly\s+)?committed|"
    r"remain(?:ed)?\s+(?:firmly\s+|fully\s+|strongly\s+)?committed|were\s+(?:firmly\s+|fully\s+|strongly\s+)?committed"
)
NEUTRAL_VERBS = (
    r"discussed|addressed|exchanged|held|met|talked|reviewed|examined|spoke|explored|visited|attended|"
    r"arrived|signed|toured|inspected|conferred|briefed|received|hosted|congratulated|introduced|greeted|sat"
)
VERB = re.compile(rf"(?P<commit>{COMMITMENT_VERBS})\b|(?P<state>{STATEMENT_VERBS})\b|(?P<neutral>{NEUTRAL_VERBS})\b")
# The same verbs found in one scan of a clause (a word start, then the verb).
_VERB_SCAN = re.compile(r"\b(?=[a-z])(?:" + VERB.pattern + ")")   # every verb is lower-case: same as (?<!\w)
# "welcomed his counterpart", "called Umerov": the verb reports an encounter with the person, not a position.
_ENCOUNTER_VERBS = frozenset("welcomed welcomes welcome welcoming call calls called calling greeted received".split())
_PERSON_OBJECT = re.compile(r"\s+(?:(?:him|them)\b|(?:(?:his|her|their|the|a)\s+)?(?:(?:(?:[A-Z]\.)+|[\w’'-]+)\s+){0,4}?"
                            r"(?:counterparts?|[Mm]inisters?|[Ss]ecretary|delegation)\b)")
_BEFORE_NAME = re.compile(r"\s+(?:[\w.’'-]+\s+){0,4}$")
# Verbs that attribute a quotation or a reported sentence to its speaker ('..., White said.', '"...," Marles told
# reporters'); statements.py reads quotations with the same list.
SPEECH_VERBS = (r"(?:said|says|stated|states|added|adds|noted|notes|told\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?)?"
                r"(?:reporters|journalists|the\s+press|a\s+news\s+conference|[A-Z][\w-]+|audience|crowd|gathering|"
                r"conference|briefing|media|press)|declared|stressed|emphasi[sz]ed|underlined|wrote|warned|insisted|"
                r"asserted|explained|remarked|pointed\s+out|argued|cautioned|recalled|observed|announced|reported|"
                r"responded|replied|revealed|disclosed|went\s+on|concluded)")
_ATTRIBUTION_WORD = re.compile(r"\b(?:according|said|says|added|stated|noted|reported|wrote|told|announced|warned|"
                               r"insisted|explained|remarked|argued|stressed|underlined|revealed|disclosed|went\s+on)\b")

_ADVERBS = (r"also both all jointly strongly further again additionally separately then later each firmly repeatedly "
            r"once\s+again unanimously themselves together today yesterday on\s+\w+day \w+day earlier subsequently "
            r"meanwhile in\s+turn hereby").split()
_TRAILING_ADVERBS = re.compile(r"(?:[\s,]+(?:" + "|".join(_ADVERBS) + r"))+\s*$", re.I)
# The words they end with ("again", "day", "turn" for the phrases), for a cheap test before the regex's slow scan.
_ADVERB_ENDINGS = tuple({adverb.split("+")[-1] for adverb in _ADVERBS})
_COORD_SAME = re.compile(
    r"(?:(?:,\s*|\s+)(?:and|but|while|then)|;\s*(?:and)?|,)\s*"
    r"(?:(?:also|further|then|both|jointly|strongly|again|additionally|later|subsequently|firmly|together)\s+)*$"
)
_COORD_NEW = re.compile(
    r"(?:(?:,\s*(?:and|but|while)|;\s*(?:and)?)\s+(?P<subj>(?!that\b)[^,;]{1,80}?)"
    # "... on Monday and the two agreed": a plural subject needs no comma before it.
    r"|\s+and\s+(?P<plural>(?:the\s+(?:two|three|four|five)(?:\s+[a-z]+)?|the\s+(?:ministers|sides|leaders)|they|both"
    r"(?:\s+(?:ministers|sides|men|leaders))?))"
    # "... and Secretary Austin welcomed the initiative", "... and Pevkur highlighted X": a named official of its own
    r"|\s+and\s+(?P<named>(?-i:(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)))\s*"
    r"(?:(?:also|further|then|both|jointly|strongly|again|additionally)\s+)*$"
)
_TAIL_ATTRIBUTION = re.compile(
    r"^(?:according\s+to\b.{1,100}|[^\"“”]{0,90}?\b" + SPEECH_VERBS +
    r"(?:\s+(?:in|on|at|during|after|following|via|to)\b.{0,160})?"
    # inverted: "..., said Azerbaijan's Defense Minister, Colonel General Zakir Hasanov."
    r"|(?:said|says|added|stated|noted|stressed|emphasi[sz]ed|underlined|declared|explained|remarked)\s+"
    r"(?:the\s+)?(?:[A-Z]|(?:two|three|four|both)\s+(?:[a-z]+\s+)?(?:ministers|sides|leaders|officials|chiefs)\b|"
    # unnamed relays: "..., said sources from the ministry", "..., said a ministry spokesman", "said the ministry"
    r"(?:a\s+|an\s+)?(?:[a-z-]+\s+){0,2}?(?:sources?|officials?|ministry|spokes(?:man|woman|person)|statement|"
    r"release|readout|communiqu[eé])\b)"
    r"[^\"“”]{0,160}?)\s*[.!?]?\s*$",
)
# What an attribution says before its verb ("Healey" of "Healey said during a visit").
_BEFORE_SPEECH_VERB = re.compile(r"\b(?:said|says|added|stated|noted|according)\b")
# "said China and Japan have agreed ...": a verb opening a reported clause, not an inverted attribution ("said Healey").
_CLAUSE_AFTER_VERB = re.compile(r"(?:said|says|added|stated|noted|stressed|emphasi[sz]ed|underlined|declared|explained|"
                                r"remarked)\s+[^\"“”]*?\b(?:is|are|was|were|has|have|had|will|would|can|could|should|"
                                r"must|may|might|do|does|did|"
                                # not the relay's own participle: "said a statement issued by the ministry"
                                r"(?<!statement\s)(?<!release\s)(?<!readout\s)(?<!communique\s)[a-z]{3,}ed)\b")
_LEAD_ATTRIBUTION = re.compile(
    r"(?:(?:and|but|also)\s*,?\s*)?(?:according\s+to\s+[^,]{3,80},\s*|"
    r"(?:the|a|their|in\s+a|in\s+the)\s+(?:joint\s+)?(?:press\s+)?(?:statement|readout|release|communiqu[eé])"
    r"\s+(?:said|says|stated|noted|added|read)(?:\s+that)?,?\s+)",
    re.I,
)
_TITLE_REFERENCE = re.compile(r"\b[Tt]he\s+(?P<demonym>(?:(?!Defen[cs]e\b)[A-Z][\w-]*\s+){1,2})?(?:[Dd]efen[cs]e\s+)?"
                              r"(?P<title>[Ss]ecretary|[Mm]inister|[Cc]hief|side|delegation|counterpart)\b")
_PRONOUN_SAID = re.compile(r",?\s+(?:she|he|they|officials)\s+(?:said|added)$")
# What a sentence must end with for it to match ("$" also matches before a final newline): a cheap test before its scan.
_PRONOUN_SAID_ENDS = ("said", "added", "said\n", "added\n")
# Words after which a verb form is a noun or not a finite verb ("a courtesy call on", "the will to", "to urge").
# A word that makes the next one a noun ("the calls", "our support", "leading calls for X", "repeated warnings").
_NOT_A_HEAD = re.compile(r"\b(?:to|not|be|been|being|who|which|that|was|were|if|when|a|an|the|courtesy|his|her|their|its|"
                         r"our|my|your|these|those|such|many|several|leading|growing|mounting|repeated|renewed|recent)\s+$"
                         # a passive with an adverb between: "martial law was briefly declared"
                         r"|\b(?:was|were|be|been|being|is|are)\s+[a-z]+ly\s+$")
_AND_AFTER_COMMA = re.compile(r",\s*(?:and|but|while|then)\b")
_THAT = re.compile(r"\bthat\b")
# "he", "his", and "the (visiting) dignitary": the participant the text has just been about.
_PRONOUN = re.compile(r"^\s*(?:he|she|his|her|the\s+(?:visiting\s+)?dignitary)\b", re.I)
# "I", "Minister Soloma and I": the writer of a release in the first person, outside any quotation.
_FIRST_PERSON_SINGULAR = re.compile(r"(?<![\w’'])I(?![\w’'])")
# "an American defense official", "a senior Australian source", "two officials": someone unnamed, no participant.
_UNNAMED_RELAY = re.compile(r"\s*(?:an?|one|another|two|three|several|some)\s+(?:[\w.-]+\s+){0,4}?"
                            r"(?:officials?|officers?|sources?|spokes(?:man|woman|person)|diplomats?|aides?)\b", re.I)

# "the respective ministries plan to ...": the bodies of every government at the table.
_BODIES_OF_ALL = re.compile(r"\b(?:respective|both|the\s+two|the\s+three)\s+(?:defen[cs]e\s+)?(?:ministries|militaries|"
                            r"armed\s+forces|navies|departments)\b|\bthe\s+(?:pair|duo)\b|"    # "the pair agreed"
                            # the body the meeting is: "the members of the Security Consultative Committee", "the SCC
                            # members", "the meeting participants"
                            r"^\s*(?:the\s+)?(?:members\s+of\s+the\s+(?:[\w-]+\s+){0,4}?(?:committee|council|commission|"
                            r"group|meeting|dialogue)\b(?:\s+\([A-Z]{2,6}\))?|(?-i:[A-Z]{2,6})\s+members|"
                            r"(?:meeting|conference|forum)\s+participants)\s*$", re.I)
_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass
class Scope:
    """The meeting a sentence is about, as far as subjects resolve to it."""
    countries: list[str]
    people: list[Person]
    last_speaker: Person | None = None      # the last single participant a subject named ("he" refers to)
    last_speaker_at: int = -1               # where the sentence that named them ended
    last_quoted: Person | None = None       # who the last attributed quotation was from ("she said")
    reporting: Person | None = None         # whose reported speech the last sentence was ("Dong said that ...")
    reporting_end: int = -1                 # where that sentence ended
    lead_in: "Subject | None" = None        # "The Ministers:" before a list whose items open with their verb
    lead_in_end: int = -1
    lead_in_promises: bool = False          # "The Ministers agreed to:": every item is a promise
    first_person: str | None = None         # the government whose official an unquoted "I" is (a release's writer)


@dataclass(frozen=True)
class Subject:
    countries: tuple[str, ...]
    names: tuple[str, ...] = ()
    single: Person | None = None


@dataclass
class Head:
    start: int                 # the verb
    verb_end: int
    verb: str
    kind: str                  # "commit", "state", "neutral"
    subject: Subject
    end: int = 0               # where the predicate ends
    coordinator: int = 0       # where the coordinator before it starts


@dataclass
class Resolver:
    """Resolves subject phrases (spans of the document text) to the countries they name."""
    text: str
    entities: DocumentEntities
    index: EntityIndex
    scope: Scope

    def subject(self, start: int, end: int) -> Subject | None:
        phrase = self.text[start:end]
        if not phrase.strip() or len(phrase) > 160 or _UNNAMED_RELAY.match(phrase):
            return None
        countries, names, single = [], [], None
        for mention in self.entities.people_in(start, end):
            person = self.entities.people[mention.key]
            if self._stands_in(person):
                continue
            if person.country and person.country not in countries:
                countries.append(person.country)
                names.append(person.name)
                single = person
        for m in _TITLE_REFERENCE.finditer(phrase):
            person = self._title_reference(m)
            if person and person.country not in countries:
                countries.append(person.country)
                names.append(person.name)
                single = person
        writer = self.scope.first_person
        if writer and writer not in countries and _FIRST_PERSON_SINGULAR.search(phrase):
            person = next((p for p in self.scope.people if p.country == writer), None)
            countries.append(writer)
            names.append(person.name if person else writer)
            single = person if len(countries) == 1 else single
        if countries:
            in_scope = [c for c in countries if c in self.scope.countries] or countries
            if "counterpart" in phrase.lower() and PLURAL_REFERENCE.search(phrase):
                return Subject(tuple(self.scope.countries), tuple(names))
            return Subject(tuple(in_scope), tuple(names), single if len(countries) == 1 else None)
        if _PRONOUN.match(phrase) and self.scope.last_speaker is not None:
            person = self.scope.last_speaker
            return Subject((person.country,), (person.name,), person)
        named = [m.code for m in self.entities.mentions_in(start, end, kinds=("country", "demonym", "place"))
                 if m.kind != "place" or self.index.is_capital(m.surface, m.code)]
        if named:
            if named[0] not in self.scope.countries:
                # "the Chinese Embassy in Manila": the phrase's head belongs to a government not at the table.
                return None
            return Subject(tuple(dict.fromkeys(c for c in named if c in self.scope.countries)))
        for group in self.entities.mentions_in(start, end, kinds=("group",)):
            members = {m.country for m in self.index.groups[group.code].members}
            if not set(self.scope.countries) <= members:
                return None    # "NATO allies" at a table with others: a group that is not the table
        body = _BODIES_OF_ALL.search(phrase)
        if (PLURAL_REFERENCE.search(phrase) or body) and len(self.scope.countries) > 1 \
                and (self._plain_reference(phrase) or (body and body.start() == 0 and len(_LETTERS.findall(phrase)) <= 10)):
            return Subject(tuple(self.scope.countries), tuple(p.name for p in self.scope.people))
        return None

    def _stands_in(self, person: Person) -> bool:
        """Someone of a participant's government who is not at the table (a cabinet secretary, a spokesperson):
        the government's position at the meeting is its participant's."""
        if not self.scope.people or any(p.key == person.key for p in self.scope.people):
            return False
        return any(p.country == person.country for p in self.scope.people)

    def _plain_reference(self, phrase: str) -> bool:
        """A phrase like "the three ministers", not "the talks between two countries"."""
        words = _LETTERS.findall(phrase)
        return 0 < len(words) <= 7

    def _title_reference(self, m: re.Match) -> Person | None:
        title, demonym = m.group("title").lower(), m.group("demonym")
        if demonym:
            country = self.index.country_of_surface(demonym.strip())
            if country is None:
                return None
            people = [p for p in self.scope.people if p.country == country]
            return people[0] if people else Person(country, demonym, demonym, country, None)
        if title in ("secretary", "minister"):
            people = [p for p in self.scope.people if p.role and title in p.role.lower()]
            return people[0] if len(people) == 1 else None
        return None


def strip_attribution(text: str, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """The sentence without "..., White said." / "According to the statement, ..." parts."""
    while end > start and text[end - 1] in " .!?\"”’":
        end -= 1
    attribution = None
    lead = _LEAD_ATTRIBUTION.match(text, start, end)
    if lead:
        attribution = (start, lead.end())
        start = lead.end()
    comma = text.rfind(", ", start, end)
    if comma > start and _ATTRIBUTION_WORD.search(text, max(start, end - 250), end):
        # The attribution may carry asides of its own (", Healey said during a visit to Kyiv, where ...").
        for _ in range(4):
            tail = text[comma + 2:end]
            if _TAIL_ATTRIBUTION.match(tail) and " that " not in tail and \
                    not VERB.search(_BEFORE_SPEECH_VERB.split(tail, 1)[0]) and not _CLAUSE_AFTER_VERB.match(tail):
                attribution = (comma + 2, end)
                end = comma
                break
            comma = text.rfind(", ", start, comma)
            if comma <= start:
                break
    elif text.endswith(_PRONOUN_SAID_ENDS, start, end) and (m := _PRONOUN_SAID.search(text, start, end)):
        attribution = (m.start(), end)
        end = m.start()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end, attribution


_GERUND_PAIR = re.compile(r"^\s+(?:to\s+)?[a-z]+ing,?\s+(?:and|or)\s+$")    # right after the verb: "committed to A-ing and"


def find_heads(text: str, start: int, end: int, resolver: Resolver) -> list[Head]:
    """The predicates of a clause, each with its verb and resolved subject."""
    heads: list[Head] = []
    for m in _VERB_SCAN.finditer(text, start, end):
        kind = m.lastgroup
        verb = " ".join(m.group().split()).lower()
        if _NOT_A_HEAD.search(text, max(start, m.start() - 12), m.start()):
            continue
        if verb == "adding" and text.startswith(" to ", m.end()):
            continue     # "adding to the 150 engineers already there": not reporting speech
        if kind == "state" and verb.split()[0] in _ENCOUNTER_VERBS and _meets_person(text, m.end(), resolver):
            kind = "neutral"
        if verb in _BARE and not (heads and heads[-1].verb in _BARE) and \
                not _BARE_SUBJECT.search(text, max(start, m.start() - 60), m.start()):
            continue
        if not heads:
            subject, subject_start = _first_subject(text, start, m.start(), resolver)
            if subject is None:
                continue
            heads.append(Head(m.start(), m.end(), verb, kind, subject, coordinator=subject_start))
            continue
        previous = heads[-1]
        if m.start() - previous.verb_end < 2:
            continue
        gap = text[previous.verb_end:m.start()]
        if verb.endswith("ing") and _GERUND_PAIR.match(gap):
            continue     # "committed to consulting and supporting each other": one gerund object, no new predicate
        same = _COORD_SAME.search(gap)
        if same and same.group().strip().startswith(",") and not _AND_AFTER_COMMA.match(same.group().strip()) \
                and (kind != "state" or verb in ("said", "says", "told") or _THAT.search(gap)) \
                and not (kind in ("state", "commit") and verb.split()[0].endswith("ing")):
            same = None
        if same and verb in _BARE and previous.verb not in _BARE:
            continue
        if same and kind == "commit" and verb in ("will", "would") and previous.kind == "state" and _THAT.search(gap):
            continue     # "noted that the policy will reinforce X and will serve Y": the complement's own modal
        if same and _balanced(gap[:same.start()]):
            heads.append(Head(m.start(), m.end(), verb, kind, previous.subject,
                              coordinator=previous.verb_end + same.start()))
            continue
        new = _COORD_NEW.search(gap)
        if new:
            group = "subj" if new.group("subj") else "plural" if new.group("plural") else "named"
            if group == "named" and (verb in ("will", "would", "shall") or _THAT.search(gap)):
                continue    # "confirmed that the United States and Japan will continue ...": one complement
            subj_start = previous.verb_end + new.start(group)
            subj_end = previous.verb_end + new.end(group)
            trimmed = _trim_subject_end(text, subj_start, subj_end)
            subject = resolver.subject(subj_start, trimmed)
            if subject is not None:
                heads.append(Head(m.start(), m.end(), verb, kind, subject, coordinator=previous.verb_end + new.start()))
    for i, head in enumerate(heads):
        head.end = heads[i + 1].coordinator if i + 1 < len(heads) else end
        while head.end > head.start and text[head.end - 1] in " ,;":
            head.end -= 1
    return heads


def _meets_person(text: str, position: int, resolver: Resolver) -> bool:
    """Whether a verb's object is a person ("welcomed his counterpart", "called Umerov again")."""
    if _PERSON_OBJECT.match(text, position):
        return True
    following = resolver.entities.people_in(position, position + 60)
    return bool(following) and bool(_BEFORE_NAME.fullmatch(text, position, following[0].start))


def _balanced(gap: str) -> bool:
    """A coordinator outside parentheses and dashes-asides only."""
    return gap.count("(") == gap.count(")") and gap.count(" -- ") % 2 == 0


def _first_subject(text: str, start: int, verb: int, resolver: Resolver) -> tuple[Subject | None, int]:
    end = _trim_subject_end(text, start, verb)
    if end <= start:
        return None, start
    cut = max(text.rfind(", ", start, end), text.rfind(" -- ", start, end), text.rfind(": ", start, end))
    if cut > start:
        segment_start = cut + 2 if text[cut] != " " else cut + 4
        if text.startswith("and ", segment_start) and text[cut] == ",":
            # "Japan, the U.S., and Australia agreed": the subject is the whole list.
            segment_start = _list_start(text, start, cut)
        subject = resolver.subject(segment_start, end)
        if subject is not None:
            return subject, segment_start
        first_comma = text.find(", ", start, end)
        subject = resolver.subject(start, first_comma)
        if subject is not None and subject.names:
            return subject, start
        return None, start
    return resolver.subject(start, end), start


def _list_start(text: str, start: int, comma: int) -> int:
    """Where a list of short names ending "..., and X" begins ("Japan, the U.S., and Australia")."""
    while True:
        previous = text.rfind(", ", start, comma)
        item_start = previous + 2 if previous >= start else start
        if len(text[item_start:comma].split()) > 3:
            return comma + 2
        if previous < start:
            return start
        comma = previous


def _trim_subject_end(text: str, start: int, end: int) -> int:
    words = text[start:end].rstrip()
    # Non-ASCII words go to the regex untested: its case folding also matches "ſ" to "s" and "ı" to "i".
    if not words.isascii() or words.lower().endswith(_ADVERB_ENDINGS):
        m = _TRAILING_ADVERBS.search(text, start, end)
        if m and m.end() == end:
            end = m.start()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end
