"""Who and which governments are at the meeting a cue reports: the officials and countries named in its
participant zone, groups whose members all took part (a session named after a group has those the article names),
leaders' audiences, transcript speakers, the first-person principal of a release or briefing, and people referred
back to ("he", "the Defence Secretary", "the two ministers").
"""
from __future__ import annotations

import re
from datetime import date

from ..dates import FUTURE_CUE, find_dates, resolve
from ..entities import LEADER_TITLES, Person
from ..sentences import Sentence
from .article import _FIRST_PERSON, _THE_TITLE, ArticleView, Draft, _title_holder, _unique
from .days import _sentence_date, _year_guess
from .held import (COUNTERPARTS_AFTER, DELEGATION_LED, _COUNTERPART_VERB, _JOINT_SUBJECT, PHONE_CUE, VIDEO_CUE,
                   _cue_in, _held_trigger)
from .setting import _is_location, _location, _meeting_name


# Every branch opens with a space or a comma: the lookahead rules out other characters at once.
_TOPIC_CUT = re.compile(
    r"(?=[\s,])(?:"
    r"\s(?:to\s+(?:discuss|talk|review|address|exchange|explore|strengthen|deepen|boost|bolster|enhance|coordinate|"
    r"consult|reaffirm|seek|push|press|condemn|mark)|discussing|about|regarding|concerning|amid|as(?!\s+well\b)(?<!well\sas)|where|who|"
    r"ahead\s+of|before|prior\s+to|for\s+(?:talks|discussions|consultations)|on\s+(?!(?:the\s+)?sidelines|behalf|\w+day\b|[A-Z][a-z]{2}|\d)|"
    r"which(?!\s+was\s+(?:also\s+)?attended)|while|whereas|against|after|following|over|that|focused|focusing|"
    r"on\s+(?:the\s+)?(?:issue|situation|threat|need|ways)|since|"
    r"(?:their|the|his|her)\s+first)\b"
    r"|,\s+(?:the|a|an)\s+(?:latest|last|second|third|new|sign|step|move|meeting|visit)\b"
    r"|,\s+(?:marking|underscoring|signaling|signalling|highlighting|reflecting|in\s+a\s+sign)\b"
    r"|,?\s+and\s+(?:the\s+(?:two|three|four|five|ministers|sides|leaders)|they|both)\s+[a-z]+"
    # "met A and then met with C", "attended the session, and later held talks with C": a second encounter
    r"|,?\s+and\s+(?:then|later|afterwards|subsequently)\s+(?:met|held|called|spoke|received|hosted)\b"
    # "met A and B and was later to meet C": a second predicate, with its own (here planned) encounter
    r"|,?\s+and\s+(?:was|were|is|are|will|would)\s+(?:(?:also|later|then|due|set|expected|scheduled)\s+)*to\b"
    r"|,?\s+and\s+(?:also\s+)?(?:agreed|pledged|vowed|decided|discussed|reaffirmed|signed|exchanged|confirmed|expressed|"
    r"stressed|emphasi[sz]ed|underscored|condemned|called|reviewed|committed)\b"
    # (not "..., with X, with the U.S. Defence Secretary, Y": a list of counterparts)
    r"|,\s+with\s+(?:the|both|each)\b(?!\s+[A-Z])"
    r")"
)
# A sentence opened by its meeting ("In their meeting, A and B agreed ..."): its participants are named up to the
# subject of the main clause, the capitalized words after the comma.
# ... and one opened by an earlier encounter of the main clause's subject: "Having earlier met A, B also met C".
_OPENING_PHRASE = re.compile(r"(?:In|During|At|Having\s+(?:\w+\s+)?(?:met|held|hosted)|"
                             r"After\s+(?:meeting|hosting|holding))\b")
_CLAUSE_SUBJECT = re.compile(r"(?:\s*(?:[A-Z][\w.’'-]*|and|the|his|her|their|of|for|we|both|two|three|sides|"
                             r"ministers|leaders|officials|,))*")
# A person named after a meeting verb or "with" is its object: "he met Kihara", "talks with Marles".
_OBJECT_CUE = re.compile(r"\b(?:met|meets?|meeting|talks|hosted|hosts|received|receives|welcomed|welcomes|greeted|called|"
                         r"with)\b", re.I)
# "He also met ...": the trigger's subject is a person named before ("..., he also met", "On Thursday he met").
# "He met ...", "He said the matter was agreed during a meeting with ...": one who reports a meeting was at it.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s+|\band\s+|^(?:On\s+\w+|Later|Then|Afterwards|Next|Earlier|Also|"
                              r"Separately|Meanwhile)\s+)(?:he|she)\s+(?:[a-z]+\s+){0,2}$"
                              r"|^(?:he|she)\s+(?:said|told|noted|added)\b[^,;\"“]*$", re.I)
# "He made the remarks while speaking at the trilateral meeting with his Turkish and Georgian counterparts": a
# sentence opened by "he" whose meeting is with his counterparts is his meeting, however far the verb.
_PRONOUN_OPENING = re.compile(r"(?:He|She)\s")
_HIS_COUNTERPARTS = re.compile(r"\b(?:his|her)" + COUNTERPARTS_AFTER)
# "Apart from his bilateral meetings with ...": the trigger's subject is the owner of the meetings.
_POSSESSIVE_SUBJECT = re.compile(r"(?:^|\b(?:from|of|after|besides|beyond|to)\s+)(?:his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "..., the Defence Secretary held a bilateral meeting with ...": a participant named earlier by name, now by title.
_TITLE_SUBJECT = re.compile(rf"(?:^|[,;]\s+){_THE_TITLE}\s+(?:[a-z]+\s+){{0,2}}$")
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which|whose)\b[^,]*$")
_YEARS_BACK = re.compile(r"\blast\s+year\b|\b(?:a|one|two|three|four|five|several|many|\d+)\s+years?\s+ago\b", re.I)
# A clause about an earlier encounter after the trigger: "..., after the first meeting in X on April 4".
# "..., after the two held phone talks on May 18".
_EARLIER_MEETING = re.compile(r"\b(?:after|since|following)\s+(?:(?:the|their|a)\s+(?:first|previous|last|earlier|"
                              r"inaugural)\s+(?:[\w-]+\s+)?(?:meeting|talks|visit|round|call)\b|(?:the\s+(?:two|three)|"
                              r"they|both)\s+(?:had\s+|have\s+)?(?:met|held|spoke|talked)\b)", re.I)
# "Indonesian President", "Japan's Prime Minister", "President of Azerbaijan": a government named by its leader.
_LEADER = r"(?:President|Prime\s+Minister|King|Queen|Emir|Amir|Crown\s+Prince|Chancellor|Premier|Sultan|Head\s+of\s+State)"
_IN_COMPOUND = re.compile(r"[-–][A-Z]")
# A compound of governments before a noun of their relations ("the Polish-Belarusian border", "Sino-US relations"),
# unlike "the Japan-US talks" or "the India-Africa Defence Dialogue", whose sides they name.
_COMPOUND_TOPIC = re.compile(r"(?:[A-Z][\w.’']*[-–])+[A-Z][\w.’']*\s+(?!(?:talks|meetings?|summit|dialogue|"
                             r"consultations?|ministerial|defen[cs]e|military|joint|strategic|security|2\s?\+\s?2)\b)"
                             # ... named by its place: "the Armenia-Azerbaijan Nagorno Karabakh conflict"
                             r"(?:(?!(?:Talks|Meetings?|Summit|Dialogue|Defen[cs]e|Military|Joint)\b)[A-Z][\w’'-]*\s+){0,3}"
                             r"(?:border|frontier|relations|ties|conflict|war|tensions?|crisis|dispute|standoff|"
                             r"stand-off|rapprochement|friendship)\b")
# ... or by its foreign minister ("Colombian Foreign Minister", "Minister of Foreign Affairs of Colombia").
_OUTSIDE_DEFENSE = (rf"(?:{_LEADER}|Foreign\s+(?:Affairs\s+)?(?:Minist(?:er|ry)|Secretary)|"
                    r"(?:Minister|Secretary)\s+(?:of|for)\s+Foreign\s+Affairs)")
# ... in a headline's or a sentence's lower case too: "Ukrainian president meets new Lithuanian defense minister".
_LEADER_AFTER = re.compile(rf"(?:[’']s?)?\s+(?:new\s+|then\s+)?{_OUTSIDE_DEFENSE}\b", re.I)
_LEADER_BEFORE = re.compile(rf"\b{_OUTSIDE_DEFENSE}\s+of\s+(?:the\s+)?$")
# "ambassadors of Ukraine, the UK and Belgium", "the French ambassador", "Canada's Ambassador to the United States": a
# government an envoy stands for, or is posted to. A diplomat is no defense official (GUIDE: a meeting is one of
# defense officials), so such a government sits at the table only with a defense official of its own, as with leaders.
_ENVOY = r"(?i:ambassadors?|envoys?|embass(?:y|ies)|charg[ée]s?\s+d['’]affaires)"
_ENVOY_AFTER = re.compile(rf"(?:[’']s)?\s+{_ENVOY}\b")
_ENVOY_BEFORE = re.compile(rf"\b{_ENVOY}\s+(?i:of|from|to)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?,?\s+(?:and\s+)?(?:the\s+)?){0,4}$")
_REGION_BEFORE = re.compile(r"\b(?:Central|Latin|South|North|Pan)[ -]$")
_GROUP_ALL = re.compile(r"(?:counterparts?|ministers|chiefs|members|states|nations|countries|all|(?<!\d)\d+|ten|nine|eleven|twelve|"
                        r"fifteen|eighteen|twenty)\s+(?:(?:from|of)\s+)?(?:the\s+)?(?:\w+\s+){0,3}$", re.I)
# Some of a group's members, not all (GUIDE: a group counts as its members only where all took part).
_SOME_OF = re.compile(r"\b(?:other|some|several|few|many|most|various|certain|individual)\s+(?:of\s+the\s+)?$", re.I)
# A group in the possessive owns what follows: "countries taking part in NATO's training mission".
_POSSESSIVE_AFTER = re.compile(r"[’']s?\s")
_GROUP_ALL_AFTER = re.compile(r"^(?:\s*\([A-Z][\w-]{1,8}\))?(?:[’']s?)?\s+(?:member\s+(?:states|nations|countries)|members|"
                              r"(?:defen[cs]e\s+)?(?:ministers|chiefs|"
                              r"counterparts|leaders))\b", re.I)
_BACK_REFERENCE = re.compile(r"\b(?:the|all|both)\s+(?P<n>two|three|four|five)\b|\b(?:they|both\s+ministers|"
                             r"the\s+ministers|the\s+(?:defen[cs]e\s+)?(?:chiefs|leaders|ministers))\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_ATTRIBUTION_CUT = re.compile(r"\b(?:said|says|according\s+to|told)\b|;")
# "called Marles": a call; "called on Marles at the ministry": a visit.
_CALLED = re.compile(r"called\b(?!\s+on\b)")
_IN_PERSON = re.compile(r"\b(?:met|visit|hosted|in\s+person)\b")
# "in talks dominated by Iran's nuclear program": a government named as a topic's owner, not as who met.
_TOPIC_POSSESSIVE = re.compile(r"[’']s\s+(?!(?:top\s+|new\s+|visiting\s+|vice\s+|senior\s+)?(?:defen[cs]e|military|armed|foreign|"
                               r"counterpart|minister|secretary|delegation|army|navy|air|government|chief|deputy|"
                               r"[A-Z]))[a-z]")


def _word_start(text: str, position: int) -> int:
    """Where the hyphenated word holding ``position`` begins ("Polish-Belarusian" for "Belarusian")."""
    while position > 0 and (text[position - 1].isalpha() or text[position - 1] in "-–.’'"):
        position -= 1
    return position


_SENTENCE_STOP = re.compile(r"[.;]\s|\n")


def _zone_end(text: str, sentence: Sentence, trigger: re.Match, opening: bool = False) -> int:
    """Where the participants of a trigger's encounter stop being named: before the topic ("to discuss ...");
    after an opening phrase ("In the meeting between A and B, the pair also covered Korea"), at the end of the
    main clause's subject; before the verb of a joint subject ("A and B reaffirmed support for Ukraine")."""
    if trigger.re is _JOINT_SUBJECT or trigger.re is _COUNTERPART_VERB:
        return trigger.start()
    if trigger.re is DELEGATION_LED:
        # "The A delegation is led by X. The B delegation is headed by Y.": up to the end of the second head's name
        second = DELEGATION_LED.search(text, sentence.end, sentence.end + 400)
        stop = _SENTENCE_STOP.search(text, second.end()) if second else None
        return stop.start() if stop else (len(text) if second else sentence.end)
    if DELEGATION_LED.fullmatch(trigger.group()):
        # The cue of two delegations each with its head (``held.MEETING_TRIGGER``): "The A delegation was led by X,
        # while the B side was led by Y": the sentence names the sides throughout.
        return sentence.end
    cut = _TOPIC_CUT.search(text, trigger.end(), sentence.end)
    end = cut.start() if cut else sentence.end
    if opening and _OPENING_PHRASE.match(text, sentence.start) and text.find(", ", sentence.start, trigger.start()) < 0:
        comma = text.find(", ", trigger.end(), end)
        if comma >= 0:
            end = _CLAUSE_SUBJECT.match(text, comma + 1, end).end()
    return max(end, trigger.end())


# A passive verb of discussion just before "during the talks", "at the meeting": what came before was talked about.
_DISCUSSED_AT = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+|also\s+)?(?:discussed|raised|reviewed|addressed|"
                           r"covered|examined|considered|touched\s+(?:up)?on|highlighted|mentioned|debated)\s*$")


def _draft(view: ArticleView, sentence: Sentence, trigger: re.Match, subject: list[Person] = (),
           skip: tuple[int, int] = (0, 0)) -> Draft | None:
    """The meeting a trigger reports, read in the zone where its participants are named; a sentence opened by its
    meeting is read up to its main clause's subject ("At the meeting, Austin condemned China's drills" names no
    new meeting). ``skip`` is a span of the zone whose governments are not at the table (the topic of an earlier
    cue of the sentence); an official named there may still be the subject."""
    zone_end = _zone_end(view.text, sentence, trigger, opening=True)
    if skip == (0, 0) and _DISCUSSED_AT.search(view.text, sentence.start, trigger.start()):
        # "Chinese and Russian drills were discussed during the talks": the governments before are its topic.
        skip = (sentence.start, trigger.start())
    if _JOINT_SUBJECT.fullmatch(trigger.group()) and len({view.entities.people[m.key].country for m in
                                                          view.entities.people_in(sentence.start, trigger.start())}) >= 2:
        # The lead's "A and B have discussed support for Ukraine": a joint subject's verb, whichever rule read it.
        zone_end = trigger.start()
    return _draft_in(view, sentence, trigger, subject, zone_end, skip)


def _draft_in(view: ArticleView, sentence: Sentence, trigger: re.Match, subject: list[Person],
              zone_end: int, skip: tuple[int, int] = (0, 0)) -> Draft | None:
    text = view.text
    people = _unique([*subject, *(view.entities.people[m.key] for m in view.entities.people_in(sentence.start, zone_end))])
    people = [p for p in people if p.country]
    countries = [p.country for p in people]
    group_members: list[str] = []
    sessions: list[str] = []         # groups a session is named after ("a meeting of NATO defence ministers")
    leaders: set[str] = set()        # governments named only by their head of state or government, or foreign minister
    governments: set[str] = set()
    spelled: set[str] = set()        # governments the zone names itself, not only as a group's members
    for mention in view.entities.mentions_in(sentence.start, zone_end, kinds=("country", "demonym", "group")):
        if skip[0] <= mention.start < skip[1]:
            continue
        if mention.start < view.dateline_end and len({p.country for p in people}) >= 2:
            continue    # "Dushanbe [Tajikistan] July 28 (ANI): A met his Belarusian counterpart B": where it was filed
        if mention.kind == "group":
            if _SIDELINES_OF.search(text, max(sentence.start, mention.start - 30), mention.start):
                continue    # "on the sidelines of ASEAN Defence Ministers' Meet": the setting, not a party (GUIDE)
            after = text[mention.end:mention.end + 40]
            if _SESSION_OF_BEFORE.search(text, max(sentence.start, mention.start - 70), mention.start) \
                    or _SESSION_OF_AFTER.match(after) \
                    or (_SESSION_NAME.search(mention.surface) and (mention.start <= trigger.start() <= mention.end
                                                                    or _SESSION_HELD_AFTER.match(after))):
                # "a meeting of NATO defence ministers": the name of a session, not a list of who sat at it.
                sessions.append(mention.code)
                continue
            if _SOME_OF.search(text, max(sentence.start, mention.start - 20), mention.start):
                continue    # "bilateral discussions with other NATO members": some of them, not the whole group
            if _GROUP_ALL_AFTER.match(after) or not _POSSESSIVE_AFTER.match(after) \
                    and _GROUP_ALL.search(text[max(sentence.start, mention.start - 40):mention.start]):
                group_members += view.index.groups[mention.code].members_on(_membership_day(view))
            continue
        if mention.kind == "country" and _is_location(view, sentence.start, mention.start):
            continue
        if _COMPOUND_TOPIC.match(text, _word_start(text, mention.start)):
            continue    # "the situation on the Polish-Belarusian border": what the talks were about
        if _REGION_BEFORE.search(text, max(sentence.start, mention.start - 8), mention.start):
            continue    # "Central American", "Latin American": a region, not the United States
        if mention.code == "KP" and not any(p.country == "KP" for p in people):
            continue
        if _TOPIC_POSSESSIVE.match(text, mention.end) and not any(p.country == mention.code for p in people):
            continue
        if _LEADER_AFTER.match(text, mention.end) or _LEADER_BEFORE.search(text, max(sentence.start, mention.start - 30),
                                                                             mention.start) \
                or _ENVOY_AFTER.match(text, mention.end) or _ENVOY_BEFORE.search(
                    text, max(sentence.start, mention.start - 90), mention.start):
            leaders.add(mention.code)
        elif _IN_COMPOUND.match(text, mention.end) or text[max(0, mention.start - 1):mention.start] in "-–":
            pass    # "the 11th Nigeria-South Africa Bi-National Commission": a side of a forum's name, nobody at it
        else:
            governments.add(mention.code)
        countries.append(mention.code)
        spelled.add(mention.code)
    leaders |= {p.country for p in people if _outside_defense(p.role)}
    for code in leaders - governments - {p.country for p in people if not _outside_defense(p.role)}:
        if not _host_defense_present(view, sentence, code):
            # "President X received the visiting defense minister": an audience, not a meeting, unless a defense
            # official of the host is there too (GUIDE).
            countries = [c for c in countries if c != code]
            people = [p for p in people if p.country != code]
    countries = list(dict.fromkeys([*countries, *group_members]))
    if sessions:
        # Its governments are those of the group's members whose officials the article names (GUIDE: a group counts
        # as all its members only where the article says all took part).
        present = _session_people(view, sessions)
        named_here = list(dict.fromkeys([*countries, *(p.country for p in present)]))
        if len(named_here) >= 2:
            people = _unique([*people, *present])
            countries = named_here
        else:
            # An article that names a single government's official at the session: it stands for the group's members.
            day = _membership_day(view)
            group_members += [c for code in sessions for c in view.index.groups[code].members_on(day)]
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
    elif speaker is None and not _QUOTE_MARK.search(text, sentence.start, sentence.end) \
            and not _SAID_BY_ANOTHER.search(text, trigger.end(), sentence.end) and (
            _FIRST_PERSON_SUBJECT.search(text, sentence.start, trigger.start())
            or text[sentence.end - 1] == "?" and _YOU.search(text, sentence.start, zone_end)):
        # "Today I met with X", "I had bilaterals with X and Y", "the meeting you just had?": a release or press
        # briefing told in the first person (outside any quotation) is its principal's, whom the headings present.
        principal, government = _principal(view)
        if government and government not in countries:
            people = _unique([*people, *principal])
            countries = list(dict.fromkeys([government, *countries]))
    # "..., the Defence Secretary held talks with A", "the Raksha Mantri met with A, B and C": the subject, named
    # before by name, is at the meeting however many governments its object names.
    title = _TITLE_SUBJECT.search(text[sentence.start:trigger.start()]) \
        if len(countries) < 2 or not view.entities.people_in(sentence.start, trigger.start()) else None
    if title:
        holder = _title_holder(view, sentence.start, title.group("title"), countries)
        if holder is not None:
            people = _unique([*people, holder])
            countries = list(dict.fromkeys([*countries, holder.country]))
    before = text[sentence.start:trigger.start()]
    if not subject and not view.entities.people_in(sentence.start, trigger.start()) and (
            _PRONOUN_SUBJECT.search(before) or _POSSESSIVE_SUBJECT.search(before)
            or _PRONOUN_OPENING.match(before) and _HIS_COUNTERPARTS.search(text, trigger.end(), zone_end)):
        # "He also met ...", "Apart from his bilateral meetings with ...": the one the roundup is about.
        # (Their government may be there already as a group's member: "he addressed the GCC ministers' session".)
        represented = {p.country for p in people}
        actor = [p for p in _roundup_subject(view, sentence.start) if p.country not in represented]
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
    # ("the Visegrad Four countries (Slovakia, Poland, Hungary and the Czech Republic)": each named too)
    named = [c for c in countries if c not in group_members or c in spelled or any(p.country == c for p in people)]
    window = text[sentence.start:sentence.end]
    # The format is read up to where the participants stop being named: "met ... after the two held phone talks on
    # May 18" is a meeting in person.
    fmt = "video" if _cue_in(view, VIDEO_CUE, sentence.start, zone_end) else "phone" if _cue_in(
        view, PHONE_CUE, sentence.start, zone_end) or _CALLED.match(trigger.group()) else "in_person"
    draft = Draft(sentence, countries, people, fmt, named_countries=named, explicit_format=fmt != "in_person" or bool(
        _IN_PERSON.search(window)), session=bool(sessions), by_deed=trigger.re is _COUNTERPART_VERB)
    # The encounter's own day is the one in its own clause: "met for the second time, after the first meeting in
    # Kuala Lumpur on April 4" was not held on April 4.
    after = _EARLIER_MEETING.search(text, trigger.end(), sentence.end)
    own = sentence if after is None else Sentence(sentence.start, after.start(), text[sentence.start:after.start()],
                                                  sentence.kind, sentence.block)
    # (A wire dateline's day is the day the story was filed, not one the report gives.)
    day, precision = _sentence_date(view, own, view.reference, _year_guess(people), strict=False, dateline=False)
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
    # "A, who met B last year, said ...": a relative clause holds the encounter, and its time, up to its comma.
    relative = _RELATIVE_BEFORE.search(text, max(sentence.start, trigger.start() - 80), trigger.start())
    reach = zone_end
    if relative:
        close = text.find(",", trigger.end(), sentence.end)
        reach = close if close >= 0 else sentence.end
    back = _YEARS_BACK.search(text, max(sentence.start, trigger.start() - 40), reach)
    if back and (relative or not _RELATIVE_BEFORE.search(text, max(sentence.start, back.start() - 60), back.start())):
        # "agreed last year, at a meeting in Tokyo, ...": an earlier encounter, context (GUIDE); but "A, who took
        # office last year, met B" dates A's office, not the meeting.
        draft.past = draft.past or (0, 0)
    if draft.past is None and day is None and view.reference is not None:
        # "met B in 2019" in a story of 2024: dated by an earlier year alone, an earlier encounter.
        earlier = [d.year for d in find_dates(text[trigger.end():reach])
                   if d.kind == "year" and d.qualifier == "in" and d.year < view.reference.year]
        if earlier:
            draft.past = (earlier[0], 0)
    draft.name = _meeting_name(text, sentence)
    if fmt == "in_person":
        draft.place, draft.place_country = _location(view, sentence.start, sentence.end)
    draft.members.append(sentence)
    return draft


# "a meeting of NATO defence ministers", "the meeting of the defense heads of the SCO member states", "NATO Defence
# Ministers meeting": a group named as whose session it is.
_SIDELINES_OF = re.compile(r"\b(?:sidelines?|side-lines?|margins?)\s+of\s+(?:the\s+)?(?:\d+\w*\s+)?$", re.I)
_SESSION_OF_BEFORE = re.compile(r"\b(?:meetings?|session|ministerial|gathering)\s+of\s+(?:the\s+)?"
                                r"(?:[\w’'-]+\s+){0,8}$", re.I)
_SESSION_OF_AFTER = re.compile(r"(?:\s*\([A-Z][\w-]{1,8}\))?(?:[’']s?)?\s+(?:member\s+states[’']?\s+)?(?:(?:defen[cs]e\s+)?(?:ministers|chiefs|heads)"
                               r"[’']?\s+)?(?:meetings?|session|ministerial)\b", re.I)
# A group named by its session, the subject of the report: "the ASEAN Defence Ministers' Meeting was held ..." (not
# "on the sidelines of the ASEAN Defence Ministers' Meeting").
_SESSION_NAME = re.compile(r"\b(?:Meeting|Ministerial|Session)(?:(?:\s*[-–]\s*|\s)?Plus)?$", re.I)
# ... that is the subject of its being held: "The First ASEAN Defence Ministers' Meeting - Plus (ADMM-Plus) was convened".
_SESSION_HELD_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:was|were|has\s+been)\s+(?:\w+\s+)?(?:convened|held|opened)\b",
                                 re.I)


def _session_people(view: ArticleView, groups: list[str]) -> list[Person]:
    """The officials of a group's members who attended its session: those of its members' governments the article
    names with an office, leaders aside."""
    day = _membership_day(view)
    members = {c for code in groups for c in view.index.groups[code].members_on(day)}
    return [p for p in view.entities.people.values()
            if p.country in members and p.role is not None and not _outside_defense(p.role)]


def _membership_day(view: ArticleView) -> date | None:
    """The day whose members a group stands for: the article's own day; else the latest full day its text gives;
    in an article with neither, the latest day on which one of its named officials took office (a member then is
    one for certain; today's members may not have been). In an undated article that names no known official no
    member is certain: the group stands for none."""
    if view.reference is not None:
        return view.reference
    # An article with no publication day may still date what it tells ("11 May 2022, the Nordic defence ministers
    # met in Kirkenes"): the group had those members on the latest full day it gives.
    written = [resolve(d, None)[0] for s in view.sentences for d in view.dates_in(s) if d.kind == "day"]
    if written:
        return max(written)
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
    # One the paragraph names at an encounter of their own ("... met his Syrian counterpart B on Saturday") was not
    # at the audience.
    elsewhere = [(s.start, s.end) for s in view.sentences if s.kind == "body" and start <= s.start < end
                 and s.start != sentence.start and _another_encounter_told(view, s)]
    present = (view.entities.people[m.key] for m in view.entities.people_in(start, end)
               if not any(a <= m.start < b for a, b in elsewhere))
    return any(p.country == code and not _outside_defense(p.role) for p in present)


def _another_encounter_told(view: ArticleView, sentence: Sentence) -> bool:
    """Whether a sentence reports an encounter of its own, not who attended one ("The meeting was also attended
    by ...")."""
    trigger = _held_trigger(view, sentence)
    return trigger is not None and not _ATTENDED_BY.search(trigger.group())


_ATTENDED_BY = re.compile(r"\battended\s+by\b", re.I)


# "Foreign Minister", "Minister of Foreign Affairs", "External Affairs Minister", the US "Secretary of State" (not the
# British "Secretary of State for Defence").
_FOREIGN_OFFICE = re.compile(r"\bForeign\b|\bExternal\s+Affairs\b|^Secretary\s+of\s+State$")


def _outside_defense(role: str | None) -> bool:
    """A head of state or government, or a foreign minister: a government such an official alone represents has no
    defense official at the table, and a meeting needs two governments' (GUIDE; a 2+2 has both ministers)."""
    return bool(role) and (role in LEADER_TITLES or bool(_FOREIGN_OFFICE.search(role)))


_QUOTE_MARK = re.compile(r"[\"“”]")
# "..., we discussed the drills with X, a delegate said": first person another speaker's words carry, not the page's.
_SAID_BY_ANOTHER = re.compile(r",\s+(?:[\w.’'-]+\s+){1,6}?(?:said|says|told\s+\w+)\W*$")
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:I|[Ww]e)\b")
_YOU = re.compile(r"\byou\b", re.I)
# A heading that names an office: only such a heading makes a page someone's.
_OFFICE_WORD = re.compile(r"\b(?:Minister|Secretary|Ministry|Department)\b")
# "(Source: Australian Department of Defence ...)": a heading naming the ministry that publishes.
_MINISTRY = re.compile(r"\b(?:Department|Ministry|Minister|Secretary)\s+(?:of|for)\s+(?:National\s+)?Defen[cs]e\b|"
                       r"\bDefen[cs]e\s+(?:Ministry|Department|Minister|Secretary)\b")


def _principal(view: ArticleView) -> tuple[list[Person], str | None]:
    """Who speaks in the first person in a release or press briefing: the officials the headings before the body
    name with an office ("Remarks by X, Minister of Defence"), when they are of one government; else the government a
    heading names with its defence ministry. A heading that only names someone ("X." under a photo) names nobody's
    page."""
    people = [p for p in _heading_people(view, with_office=True) if p.country and p.role]
    if people:
        governments = {p.country for p in people}
        return (people, governments.pop()) if len(governments) == 1 else ([], None)
    for sentence in view.sentences:
        if sentence.kind == "body":
            break
        if sentence.kind != "heading" or not _MINISTRY.search(view.text, sentence.start, sentence.end):
            continue
        codes = {m.code for m in view.entities.mentions_in(sentence.start, sentence.end)}
        if len(codes) == 1:
            return [], codes.pop()
    return [], None


def _heading_people(view: ArticleView, with_office: bool = False) -> list[Person]:
    """The officials the headings before the body name ("Presenter: Secretary of Defense ... and Minister ..."); with
    ``with_office``, only headings that name an office."""
    found = []
    for sentence in view.sentences:
        if sentence.kind == "body":
            break
        if sentence.kind == "heading" and (not with_office or _OFFICE_WORD.search(sentence.text)):
            found += [view.entities.people[m.key] for m in view.entities.people_in(sentence.start, sentence.end)]
    return found


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
