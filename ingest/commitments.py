"""Promises of future action: what was promised, by whom, and by when.

A commitment is read from a promising predicate ("pledged to A and to B", "will
hold X in February"), from a that-clause whose subject is a party ("...that the two
sides will make progress"), from a standing commitment ("they are committed to X")
or from a party's commitment noun ("the U.S.'s commitment to defend Japan"). Each
separate goal is one commitment; its due date is read from its own words.
"""
from __future__ import annotations

import re
from datetime import date

from .clauses import Resolver
from .dates import find_dates, resolve
from .document import ExtractedCommitment

# Where one promised action ends and the next begins.
_ITEM_SPLIT = re.compile(r",\s*as\s+well\s+as\s+(?:to\s+|(?=[a-z]+ing\b))|;\s*(?:and\s+)?|,?\s+while\s+(?:also\s+)?(?=\w+ing\b)|"
                         r",?\s+and\s+(?:would|will|shall)\s+(?:also\s+)?")
_PARALLEL_TO = re.compile(r",?\s+and\s+to\s+")
# "continue to work together and enhance their alliance": a second action after "and", opened by a verb that is
# never a noun; the first must have its own object ("deepen and expand ties" is one action).
_AND_VERB = re.compile(r"\s+and\s+(?=(?:further\s+|jointly\s+)?(?:deepen|enhance|strengthen|expand|promote|bolster|"
                       r"intensify|broaden|accelerate|improve|advance|ensure|implement|maintain|establish|conduct|"
                       r"develop|boost|increase|step\s+up)\s)")
# "work with X to implement Y, deepen Z, and jointly safeguard W": a series of actions, each opened by a verb that
# is never a noun, after a comma.
_SERIES_VERB = re.compile(r",\s+(?:and\s+)?(?=(?:(?:jointly|further|also|continue\s+to)\s+)?(?:deepen|expand|strengthen|"
                          r"enhance|safeguard|promote|bolster|intensify|uphold|broaden|accelerate|improve|advance|"
                          r"ensure|implement|maintain|explore|establish|conduct|develop|boost|increase|step\s+up)\s)")
_PURPOSE_TO = re.compile(
    r"\bto\s+(?:further\s+|better\s+)?(?:improve|strengthen|enhance|ensure|deter|respond|support|address|promote|"
    r"maintain|build|help|provide|facilitate|counter|boost|deepen|expand|develop|protect|deal|discuss|bolster|secure|"
    r"increase|reduce|prevent|achieve|advance|coordinate|implement|create|establish|\w+(?:ize|ise))\b")
_TAIL_CUT = re.compile(
    r",\s+as\s+(?=[A-Z][a-z]|the\b|tensions\b|part\b)|"
    r",\s+(?:adding|bringing)\s+(?:to|the)\b|"
    r",\s+(?:in\s+which|under\s+which|during\s+which|since|because|as\s+agreed|as\s+(?:they|the\s+two|both)\b|"
    r"amid|following|after|according\s+to)\b|\s+following\s+(?=the|a|an|its|their|his|her)\b|"
    # "enhance relations two days ahead of the US defence chief's visit": when it was said, not what was promised
    r"\s+(?:(?:one|two|three|four|five|six|\d+)\s+(?:days?|weeks?)\s+)ahead\s+of\b|"
    r",?\s+so\s+as\s+to\b"      # GUIDE: a purpose clause after the object ("so as to ...") is left out
)
# The occasion of the claim, when it is the encounter itself ("..., at a meeting on Friday at the naval base",
# "praised X during a meeting with his counterpart yesterday"): where it was said, not part of what was said. A
# future meeting ("agree at a ministerial meeting in October to ...") is kept.
OCCASION = re.compile(r",?\s+(?:at|during|in|on\s+the\s+sidelines\s+of)\s+(?:a|an|the|their|his|her|its|today['’]s)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:meeting|talks|call|session|encounter|conversation)\b(?=\s*$|,|\s+(?:with|"
                      r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|here|"
                      r"on\s+the\s+sidelines)\b)")
_LEAD = re.compile(r"^:?\s*(?:(?:to|on|upon|that)\s+)?(?:also\s+)?(?=\S)", re.I)
_THAT = r"^(?:(?:that|[^.;]{0,80}?\bthat)\s+)?"
MODAL_CLAUSE = re.compile(_THAT + r"(?P<subj>(?:(?!\bthat\b)[^;]){1,140}?)\s+(?:will|would|shall)\s+(?!not\b)(?P<act>.+)$", re.S)
STANDING = re.compile(_THAT + r"(?P<subj>(?:(?!\bthat\b)[^;]){1,60}?)\s+(?:are|is|remain|remained|were|was)\s+"
                      r"[“\"]?(?:(?:firmly|fully|strongly|still|absolutely|deeply|unwaveringly|steadfastly|very\s+much)\s+)?"
                      r"committed[”\"]?\s+to\s+(?P<act>.+)$", re.S)
# "the Chinese military is ready to work with ...": a stated readiness is a position, not a promise (GUIDE: "is ready
# to" is a statement), so a clause it heads promises nothing.
READY = re.compile(_THAT + r"(?P<subj>(?:(?!\bthat\b)[^;]){1,60}?)\s+(?:is|are|was|were|remains?|remained|stands?|stood)\s+"
                   r"(?:(?:fully|always|also|still)\s+)?(?:ready|willing|prepared)\s+to\s+(?P<act>.+)$", re.S)
# "(said) the two ministers also agreed to convene X": a reported agreement or pledge of the clause's subject.
AGREED = re.compile(_THAT + r"(?P<subj>(?:(?!\bthat\b)[^;]){1,60}?)\s+(?:(?:also|have|has|had|both|jointly)\s+)*"
                    r"(?:agreed|decided|pledged|vowed|plans?|planned|intends?|intended|(?:is|are|was|were)\s+planning|"
                    r"announced\s+(?:their|its|his|her)\s+plans?)\s+to\s+(?P<act>.+)$", re.S)
_NOUN_BEFORE = re.compile(r"(?:[’']s|[’']|\b(?:the|a|an|its|their|his|her|our|this|that))$", re.I)
_AGREED_WORDS = ("agreed", "decided", "pledged", "vowed", "plan", "intend")
PASSIVE_PLAN = re.compile(_THAT + r"(?P<clause>(?!any\b|every\b|all\b|if\b|no\b)[^,;]{1,80}?\s+(?:will|would)\s+be\s+\w+ed\b.*)$",
                          re.S | re.I)
# "agreed that we need to work closely together": what the speakers agree they must do, they promise.
AGREED_DUTY = re.compile(r"^\s*(?:that\s+)?(?:we|they)\s+"
                         r"(?:should|must|need\s+to)\s+(?!not\b)(?P<act>.+)$", re.S | re.I)
MEASURES = re.compile(r"^\s*(?:the\s+|new\s+|concrete\s+|further\s+|additional\s+)*(?:measures|steps|plans)\s+"
                      r"to\s+(?P<act>.+)$", re.S)
# What an agreement arranges ("agreed that the next round will take place in Tokyo"), unlike a prediction it shares
# ("agreed that closer ties will benefit the region").
_ARRANGEMENT = re.compile(r"(?:take\s+place|be\s+(?:held|hosted|convened|organi[sz]ed)|meet|hold|convene|begin|start|"
                          r"resume)\b")
_QUOTE_MARKS = re.compile(r"[\"“”„]")
_NON_PARTY_HEAD = re.compile(r"\s*(?:any|every|all|no|such|further|additional)\b", re.I)
# Future verbs that report a wish or a schedule, not a promise ("will seek", "will travel").
# "would be its seventh nuclear test", "will be a reliable partner": a prediction or a description, not an action
# ("will be signing", "will be deployed", "would be ready to deploy by August" still are).
# ... what will be talked over ("will discuss", "issues will be discussed"): an agenda, no act (GUIDE); and what
# "will likely" happen: a forecast.
_NOT_A_PROMISE = re.compile(r"(?:also\s+)?(?:likely|probably|seek|hope|aim|want|wish|try|consider|look|travel|visit|fly|"
                            # "Discussions will focus on X. They will also include Y": an agenda, no promise
                            r"include|focus\s+on|centre\s+on|center\s+on|cover|"
                            r"head|arrive|leave|depart|return|stop|discuss|be\s+(?:discussed|considered|reviewed|examined|"
                            r"explored|debated|talked\s+about)|be\s+(?![a-z]+ing\b|[a-z]+ed\b|ready\b|prepared\b|able\b))\b")
# A trip's itinerary ("will also attend the ASEAN meeting", "will take part in a session of the council", "will deliver
# remarks", "will tour the shipyard", "will lay a wreath"): a schedule of events, no promise of policy. Taking part in
# an exercise or a mission may be one, so only events are named.
_ITINERARY = re.compile(r"(?:(?:also|then|later|first|next)\s+)*(?:(?:attend|take\s+part\s+in|participate\s+in|host|chair)\s+"
                        r"(?:(?:a|an|the|this|next|his|her|their)\s+)?(?:[\w’'-]+\s+){0,5}?(?:meetings?|summit|conference|ceremony|"
                        r"forum|dialogue|session|talks|council|parade|reception|dinner|lunch|change\s+of\s+command|"
                        r"commemorations?)\b|(?:address|speak\s+(?:at|to|before))\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?:conference|forum|"
                        r"summit|meeting|session|plenary|audience|gathering|parliament|press|media|troops|students|"
                        r"cadets|dialogue)\b|deliver\s+(?:a\s+|the\s+)?"
                        r"(?:[\w-]+\s+)?(?:remarks|speech|address|lecture)\b|tour\b|lay\s+a\s+wreath|pay\s+(?:a\s+)?"
                        r"(?:courtesy\s+)?(?:call|visit)\b|"
                        # the agenda of the encounter under way: "we'll spend some time today discussing X"
                        r"(?=[^.;]*\b(?:today|this\s+(?:morning|afternoon|evening)|here)\b)"
                        r"(?:spend\s+(?:some\s+|a\s+little\s+|a\s+lot\s+of\s+)?time\s+(?:\w+\s+){0,2}?)?(?:discuss(?:ing)?|"
                        r"talk(?:ing)?\s+about)\b)", re.I)
# "Montenegrin cooperation with X would continue to develop", "the relations would further develop": the ties
# between governments, not a government, are the subject; what they will do is a prediction, not a promise.
_RELATION_HEAD = re.compile(r"\b(?:cooperation|relations|ties|partnership|friendship|relationship|collaboration)\s*$",
                            re.I)
_SUBJECT_HEAD = re.compile(r",|\s(?:of|to|from|in|on|for|with|against|along|about|over|by|posed|that|which|between|"
                           r"among)\s")
COMMITMENT_NOUN = re.compile(
    # ... or, opening what the speakers reaffirmed, theirs: "reaffirmed the commitment to further strengthen X",
    # "affirmed the country's commitment to prioritising X"
    r"(?P<owner>^\s*the(?:\s+(?:country|nation|government)[’']s)?(?=\s)|"
    r"\b(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.]*(?:[’']s\b|’|')|\b(?:its|their|his|her|our)|"
    r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w-]*\s+)?[A-Z][\w.]*(?<![’'s]))\s+(?P<mods>(?:[“\"‘]?[a-z][\w-]*[”\"’]?\s+){0,2}?)"
    r"(?P<noun>commitments?|intent|intention|pledge|promise|determination|resolve)\s+"
    r"(?P<prep>to|toward|towards)\s+(?P<obj>.+)$",
    re.S,
)
# "the ironclad commitment of the United States to Israel's security": the owner after the noun.
OWNED_COMMITMENT = re.compile(r"\b(?:the\s+)?(?P<phrase>(?:[a-z][\w-]*\s+){0,2}?commitments?\s+of\s+"
                              r"(?P<owner>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+to\s+.+)$", re.S)
_FORCES = re.compile(r"\b(?:troops|soldiers|marines|forces|personnel|jets|aircraft|fighters|ships|warships|vessels|"
                     r"battalions?|brigades?|engineers|instructors|trainers|batteries)\b", re.I)
_NOUN_HINT = re.compile(r"commitment|intent|pledge|promise|determination|resolve")
_NOUN_PHRASE_END = re.compile(r",?\s+(?:remains?|is|was|are|were|stays?)\b|,\s+as\s+well\s+as\b")
# Word endings of nouns and adjectives, never of the verb after "to" ("to regional security", "to peace talks");
# "-ss" verbs ("address", "discuss") and gerunds are actions.
_NOUN_FORM = re.compile(r"(?:al|ity|ion|ment|ness|ship|ic|ive|ous|ian|ese|cy|ty|ism|[^s]s)$|^peace$")
_ACTION_NOUN = re.compile(r"(?:(?:the|a|an|its|their|his|her|our|[A-Z][\w.-]*(?:[’']s)?)\s+)*(?:[a-z-]+\s+){0,2}?"
                          r"(?:defen[cs]e|security|protection|implementation|development|modernization|modernisation|"
                          r"deployment|strengthening|expansion|reform|establishment|support|deterrence|reconstruction|"
                          r"settlement|resolution|obligations?|Article\s+\d+)"
                          r"(?:\s+(?:of|and|for|in|against|to)\b|[,.;]|\s*$)")
_NOT_A_VERB = frozenset("the a an its their his her our this that these those any all each every".split())
_DUE_QUALIFIED = re.compile(r"\b(?:by|before|within|in|on|until|no\s+later\s+than|scheduled\s+for|set\s+for|slated\s+for|"
                            r"this|next|later|the\s+end\s+of)\s*$", re.I)
_PAST_CONTEXT = re.compile(r"\b(?:conducted|held|adopted|agreed|launched|carried\s+out|took\s+place|last|recent|since|ago)\b[^,]{0,30}$",
                           re.I)
_LEAD_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:[’']s|’|')$")


def tidy(text: str) -> str:
    """A claim's text without quotation marks, outer punctuation or a doubled space."""
    if '"' in text or "“" in text or "”" in text or "„" in text:     # rare: testing is cheaper than the regex's scan
        text = _QUOTE_MARKS.sub("", text)
    text = " ".join(text.split()).strip(" ,;:-")
    return text.rstrip(".") if not text.endswith("etc.") else text


def action_items(text: str) -> list[str]:
    """The separate goals of one promise ("to A; to B; and to C", "A and to B", "A, as well as to B")."""
    items = []
    # Most promises have no separator, and the regex's scan is slow: each of its separators needs one of these.
    chunks = _ITEM_SPLIT.split(text) if ";" in text or "well" in text or "while" in text or "will" in text or \
        "would" in text or "shall" in text else [text]
    for part in (p for chunk in chunks for p in _SERIES_VERB.split(chunk) for p in _and_verb_split(p)):
        pieces = _PARALLEL_TO.split(part) if "and" in part else [part]
        if len(pieces) > 1 and not _PURPOSE_TO.search(_LEAD.sub("", pieces[0].strip())):
            items.extend(pieces)
        else:
            items.append(part)
    cleaned = []
    for item in items:
        item = _LEAD.sub("", item.strip())
        cut = _TAIL_CUT.search(item) if "," in item or "following" in item or "so as" in item or "ahead" in item \
            else None
        if cut:
            item = item[:cut.start()]
        occasion = OCCASION.search(item) if " meeting" in item or " talks" in item or " call" in item else None
        if occasion and item[occasion.start()] == ",":     # set off by a comma; "hold X at a meeting with Y" may be the act
            item = item[:occasion.start()]
        item = tidy(item)
        if len(item.split()) >= 2:
            cleaned.append(item)
    return cleaned


_BARE_INFINITIVE_END = re.compile(r"\bto\s+[a-z]+$")    # "continue to reform and increase X": both under "to"


# "achieving X and building Y": a second goal in the gerund the first one opens with (GUIDE: "committed to enhancing A
# and to maintaining B" is two); "consulting and supporting each other" (no object between) stays one.
_LEAD_GERUND = re.compile(r"\s*(?:to\s+)?(?:(?:further|jointly|also|actively)\s+)?[a-z]{3,}ing\s+(?!and\b)\S")
# The second gerund must read as a verb with its object: not a noun in -ing ("and peacekeeping operations", "and
# training programs") nor a gerund before a plural it may modify.
_AND_GERUND = re.compile(r"\s+and\s+(?=(?:further\s+|jointly\s+)?(?!(?:training|peacekeeping|planning|funding|engineering|"
                         r"shipbuilding|understanding|meeting|briefing|spending|manufacturing|warning|landing|reporting|"
                         r"housing|processing)\b)[a-z]{3,}ing\s+(?!and\b)[a-z]+(?<!s)\b)")


def _and_verb_split(text: str) -> list[str]:
    if " and " not in text:
        return [text]
    if _LEAD_GERUND.match(text):
        g = _AND_GERUND.search(text)
        if g and len(text[:g.start()].split()) >= 3:
            return [text[:g.start()], *_and_verb_split(text[g.end():])]
    m = _AND_VERB.search(text)
    if m is None or len(text[:m.start()].split()) < 3 or _PURPOSE_TO.search(text, 0, m.start()) or \
            _BARE_INFINITIVE_END.search(text, 0, m.start()):
        return [text]
    return [text[:m.start()], *_and_verb_split(text[m.end():])]


def due_date(item: str, reference: date | None) -> tuple[date | None, str | None]:
    """The date by which an action is due, when its own words fix one."""
    for mention in find_dates(item):
        before = item[:mention.start]
        if mention.kind in ("vague",) or _PAST_CONTEXT.search(before):
            continue
        if mention.kind in ("day", "month", "month_day", "bare_month", "weekday", "relative_year") or \
                _DUE_QUALIFIED.search(before) or mention.qualifier:
            day, precision = resolve(mention, reference, future=True)
            if day is not None:
                return day, precision
    return None, None


# "proceed with the previously announced purchase of X", "buy X, which was announced last year": a decision already
# made known, not a new promise (brief: a purchase already announced is not a commitment).
_ANNOUNCED_BEFORE = re.compile(r"\b(?:already|previously|earlier|recently)[\s-]+announced\b|"
                               r"\b(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+(?:already\s+)?announced\b|"
                               r"\bannounced\s+(?:last|earlier|in\s+(?:January|February|March|April|May|June|July|August|"
                               r"September|October|November|December|\d{4}))\b")


def make(parties, items, reference: date | None, span) -> list[ExtractedCommitment]:
    found = []
    for item in items:
        if "announced" in item and _ANNOUNCED_BEFORE.search(item):
            continue
        due, precision = due_date(item, reference)
        found.append(ExtractedCommitment(sorted(set(parties)), item, due, precision, span))
    return found


def is_itinerary(act: str) -> bool:
    """Whether a future act is a stop on a trip ("attend the summit", "tour the base"), not a promise."""
    return bool(_ITINERARY.match(act.strip()))


def from_promise(obj: str, parties, reference, span) -> list[ExtractedCommitment]:
    """A promising predicate's object ("to continue X and to Y") as commitments."""
    if _NOT_A_PROMISE.match(obj.strip()) or _ITINERARY.match(obj.strip()):
        return []
    return make(parties, action_items(obj), reference, span)


def from_clause(text: str, start: int, end: int, speakers, resolver: Resolver, reference, span,
                nouns: bool = True, agreed: bool = False) -> list[ExtractedCommitment] | None:
    """Commitments in a reported clause, or None when it promises nothing.

    ``nouns``: whether a commitment noun counts; not after thanks or praise ("thanked the UK for its commitment
    to ..."), which only acknowledge another government's promise. ``agreed``: the clause is what the speakers
    agreed on, so an arrangement in it is their promise ("agreed that the next meeting will take place in ...").
    """
    clause = text[start:end]
    modal_words = " will " in clause or " would " in clause or " shall " in clause
    standing = STANDING.match(clause) if "committed" in clause else None
    if standing and _party(resolver, start + standing.start("subj"), start + standing.end("subj")):
        return from_promise(standing.group("act"), speakers, reference, span)
    if ("ready" in clause or "willing" in clause or "prepared" in clause) and READY.match(clause):
        return None
    agreement = AGREED.match(clause) if any(map(clause.__contains__, _AGREED_WORDS)) else None
    if agreement and _NOUN_BEFORE.search(agreement.group("subj")):
        agreement = None     # "Japan's plan to reach X", "the plan to": a noun, which a welcome or a report may name
    if agreement:
        subject = _party(resolver, start + agreement.start("subj"), start + agreement.end("subj"))
        if subject:
            return from_promise(agreement.group("act"), subject, reference, span)
    modal = MODAL_CLAUSE.match(clause) if modal_words else None
    if modal and not _NOT_A_PROMISE.match(modal.group("act")):
        subject = _party(resolver, start + modal.start("subj"), start + modal.end("subj"))
        if not subject and len(speakers) == 1 and _FORCES.search(_subject_head(modal.group("subj"))):
            # "confirmed that 350 Royal Marines will deploy to Poland": the speaker's government sends its forces.
            subject = list(speakers)
        if subject:
            return from_promise(modal.group("act"), subject, reference, span)
    passive = PASSIVE_PLAN.match(clause) if modal_words else None
    if passive:
        return make(speakers, [tidy(passive.group("clause"))], reference, span)
    if agreed and modal and _ARRANGEMENT.match(modal.group("act")):
        return make(speakers, [tidy(_LEAD.sub("", clause.strip()))], reference, span)
    duty = AGREED_DUTY.match(clause) if agreed and ("need" in clause or "should" in clause or "must" in clause) else None
    if duty:
        return from_promise(duty.group("act"), speakers, reference, span)
    measures = MEASURES.match(clause)
    if measures:
        return from_promise(measures.group("act"), speakers, reference, span)
    noun = COMMITMENT_NOUN.search(clause) if nouns and _NOUN_HINT.search(clause) else None
    if noun:
        parties = _owner(noun, clause, start, speakers, resolver)
        if parties:
            obj = noun.group("obj")
            stop = _NOUN_PHRASE_END.search(obj)
            if stop and " that " not in obj[:stop.start()]:    # "to helping ensure that X is Y": the clause's own verb
                obj = obj[:stop.start()]
            first = obj.split(" ", 1)[0].lower()
            if noun.group("prep") == "to" and first not in _NOT_A_VERB and not obj[:1].isupper() and \
                    not _NOUN_FORM.search(first):
                return from_promise(obj, parties, reference, span) or None
            if _ACTION_NOUN.match(obj):
                # "commitment to the defense of Japan", "to Israel's security": an action named by its noun.
                phrase = f"{noun.group('mods')}{noun.group('noun')} {noun.group('prep')} {obj}"
                return make(parties, [tidy(phrase)], reference, span)
            # GUIDE: a "commitment to" a thing that is not an action ("to the alliance", "to ASEAN centrality", "to a
            # robust defence posture") is a statement.
            return None
    owned = OWNED_COMMITMENT.search(clause) if nouns and "commitment of" in clause else None
    if owned:
        country = _country_or_capital(resolver, _LEAD_THE.sub("", owned.group("owner")))
        if country in resolver.scope.countries:
            stop = _NOUN_PHRASE_END.search(owned.group("phrase"))
            phrase = owned.group("phrase")[:stop.start()] if stop else owned.group("phrase")
            return make([country], [tidy(phrase)], reference, span)
    return None


_GOVERNMENT_BODY = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,3}(?:ministries|ministry|officials|teams|forces|militaries|"
                              r"navies|armies|governments|delegations|ministers|leaders|experts|staffs|departments)\s*",
                              re.I)


def _subject_head(subject: str) -> str:
    """A subject up to its first complement: "350 Royal Marines", not "cooperation between the two armed forces"."""
    head = _SUBJECT_HEAD.search(subject)
    return subject[:head.start()] if head else subject


def _party(resolver: Resolver, start: int, end: int) -> list[str] | None:
    """The countries a clause's subject names, judged by its head ("the ROK-U.S. Alliance, along with...")."""
    full = end
    head = _SUBJECT_HEAD.search(resolver.text, start, end)
    if head:
        end = head.start()
    if _NON_PARTY_HEAD.match(resolver.text, start, end) or _RELATION_HEAD.search(resolver.text, start, end):
        return None
    subject = resolver.subject(start, end)
    if subject is None and head and _GOVERNMENT_BODY.fullmatch(resolver.text, start, end):
        # "the defense ministries of the two countries", "technical teams of the two parties": a body of the
        # governments its complement names.
        subject = resolver.subject(head.end(), full)
    return list(subject.countries) if subject else None


def _owner(noun: re.Match, clause: str, start: int, speakers, resolver: Resolver) -> list[str] | None:
    owner = _LEAD_THE.sub("", noun.group("owner"))
    if owner[:1].isupper():
        words = _POSSESSIVE.sub("", owner).split()
        for begin in range(len(words)):
            country = _country_or_capital(resolver, " ".join(words[begin:]))
            if country:
                return [country] if country in resolver.scope.countries else None
        return None
    named = [m.code for m in resolver.entities.mentions_in(start, start + noun.start())
             if m.code in resolver.scope.countries]
    return [named[-1]] if named else list(speakers)


def _country_or_capital(resolver: Resolver, surface: str) -> str | None:
    """The government a name stands for: a country, its demonym, or its capital ("Washington's commitment")."""
    country = resolver.index.country_of_surface(surface)
    if country:
        return country
    for kind, code in resolver.index.surfaces.get(surface, ()):
        if kind == "place" and resolver.index.is_capital(surface, code):
            return code
    return None
