"""How news English writes offices, ranks, forms of address and names: the title tables, and the patterns of a
name, of the office before it and of the words that set it off, that the other modules read text with."""
from __future__ import annotations

import re

# Titles of defense officials in news English, on top of the KB's office titles and aliases.
GENERIC_TITLES = (
    "Defense Minister", "Defence Minister", "Minister of Defense", "Minister of Defence",
    "Minister of National Defense", "Minister of National Defence", "Minister for Defence",
    "Minister for Defense", "National Defense Minister", "National Defence Minister",
    "Defense Secretary", "Defence Secretary", "Secretary of Defense", "Secretary of Defence",
    "Secretary of State for Defence", "Defense Chief", "Defence Chief", "Minister of the Armed Forces",
    "Armed Forces Minister", "Minister of Armed Forces", "Pentagon chief", "counterpart",
)
_GENERIC_FOLDED = frozenset(t.lower() for t in GENERIC_TITLES)
# Canonical spellings for titles the KB does not know, keyed by their folded form.
TITLE_CANON = {
    "defence minister": "Defense Minister", "defense chief": "Defense Minister", "defence chief": "Defense Minister",
    "minister of defence": "Minister of Defense", "minister of national defence": "Minister of National Defense",
    "national defense minister": "Minister of National Defense", "national defence minister": "Minister of National Defense",
    "minister for defense": "Minister for Defence", "defence secretary": "Defense Secretary",
    "secretary of defence": "Secretary of Defense", "armed forces minister": "Minister of the Armed Forces",
    "minister of armed forces": "Minister of the Armed Forces",
}
# Officials of other offices who take part in defense meetings: foreign ministers in a 2+2, a head of state or
# government receiving a visitor, chiefs of staff and other defense officials named as attending. Each is given
# the office as written, in a normal spelling; none tells a government by itself except the few listed in
# OTHER_TITLE_COUNTRY.
OTHER_TITLES = {t.lower(): t for t in (
    "Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Foreign Affairs Minister",
    "External Affairs Minister", "Minister of External Affairs", "Foreign Secretary", "Secretary of State",
    "President", "Prime Minister", "King", "Crown Prince", "Emir", "Amir",
    "Chief of Defence Staff", "Chief of Defense Staff", "Chief of the Defence Staff", "Chief of the Defense Staff",
    "Chief of Defence Force", "Chief of the Defence Force", "Chief of the Defense Forces", "Chief of Defence Forces",
    "Chief of General Staff", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff",
    "Vice Chairman of the Joint Chiefs of Staff",
    "Chief of Staff of the Armed Forces", "Chief of Naval Staff", "Chief of Army Staff", "Chief of Air Staff",
    "Chief of Staff", "Chairman Joint Chiefs of Staff Committee", "Chairman of the Joint Chiefs of Staff Committee",
    "Commander of the Navy", "Commander of the Army", "Commander of the Air Force",
    "Under Secretary of Defense for Policy", "Undersecretary of Defense for Policy", "Under Secretary of Defense",
    "Undersecretary of Defense", "Deputy Secretary of Defense", "Permanent Secretary", "State Secretary",
    "Cabinet Secretary for Defence", "Cabinet Secretary for Defense", "Defence Cabinet Secretary",
    "Minister of State for Defence", "Minister of State for Defense", "Secretary Defence",
)}
OTHER_TITLES.update({"undersecretary of defense for policy": "Under Secretary of Defense for Policy",
                     "undersecretary of defense": "Under Secretary of Defense",
                     "deputy pm": "Deputy Prime Minister"})    # "Cambodian Deputy PM and Minister of ... Tea Seiha"
# Heads of state and of government: a government they alone represent hosts an audience, not a meeting (GUIDE).
LEADER_TITLES = frozenset(("President", "Prime Minister", "King", "Crown Prince", "Emir", "Amir"))
# Offices only one government has by that name.
OTHER_TITLE_COUNTRY = {"secretary of state": "US", "chairman of the joint chiefs of staff": "US",
                       "vice chairman of the joint chiefs of staff": "US",
                       "under secretary of defense for policy": "US", "undersecretary of defense for policy": "US",
                       "under secretary of defense": "US", "undersecretary of defense": "US",
                       "deputy secretary of defense": "US", "external affairs minister": "IN",
                       "minister of external affairs": "IN", "cabinet secretary for defence": "KE",
                       "cabinet secretary for defense": "KE", "defence cabinet secretary": "KE"}
_DEFENSE_OTHER = frozenset(t for t in OTHER_TITLES if "defen" in t)
_MILITARY_OTHER = frozenset(t for t in OTHER_TITLES if any(w in t for w in ("chief", "commander", "chairman")))
# Capital letters of the Latin alphabets: "Šutanovac", "Łukasz", "Çavuşoğlu" open names too.
_CAPITAL = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c not in "×")
SHORT_TITLES = re.compile(
    r"(?:M(?<![\w-].)(?:inister|rs?\.?|s\.?)|m(?<![\w-].)inister|S(?<![\w-].)ecretary|s(?<![\w-].)ecretary|"
    r"G(?<![\w-].)en(?:\.|eral)|A(?<![\w-].)d(?:m\.|miral))"   # whole words; opening letters let the engine skip
    r"\s+(?P<name>[" + _CAPITAL + r"](?:[^\W\d_]|['’](?![sS](?![^\W\d_])))+(?:-[^\W\d_]+)*)"
)
# A name's word: an initial before its dot ("Harjit S. Sajjan", Mongolian "L.Bold"), a capitalized word, or an Arabic
# "al-" family name ("al-Rumaithi"). Initials come first: "S" alone would leave the dot and end the name there.
_NAME_TOKEN = (r"(?:[A-Z]\.(?:[A-Z][^\W\d_]+(?:-[^\W\d_]+)*)?|(?:[ae]l-)?[" + _CAPITAL + r"][^\W\d_]*"
               r"(?:['’](?![sS](?![^\W\d_]))[^\W\d_]+)?(?:-[^\W\d_]+)*)")
# Lower-case particles inside a name: "Mohammed bin Ahmed Al Bowardi", "Maya Fernández de la Vega".
_NAME_PARTICLE = r"(?:bin|bint|ibn|binti|al|el|de|da|do|dos|das|del|della|di|van|von|der|den|la|le)[ \t]+"
_NAME = _NAME_TOKEN + r"(?:[ \t]+(?:" + _NAME_PARTICLE + r"){0,2}" + _NAME_TOKEN + r"){0,5}" \
    + r"(?:,?[ \t]+(?:Jr\.|Sr\.|III|II|IV))?"
_HONORIFICS = frozenset("shri sri smt mr mrs ms dr gen lt col maj brig adm sir dame general admiral prince princess "
                        "sheikh shaikh hon datuk dato tun hrh king".split())
# Forms of address and military ranks between a title and the name: "Defense Minister Col. Gen. Safar Abiyev",
# "Minister for Defence, the Hon Saki Soloma MP", "Defence Minister Datuk Seri Mohamed Khaled Nordin", "Secretary of
# Defense HE Lloyd Austin", "H E Dr Khalid" (His Excellency, in capitals: "He" is a family name too).
_ADDRESS = (r"(?:the[ \t]+)?(?:(?:(?:Hon(?:ourable|orable)?|Dr|Mr|Mrs|Ms|Smt|HE|H[ \t]E)\.?|"
            r"(?:Lt|Maj|Brig|Vice|Rear|Air)-(?:Gen|Col|Adm|Marshal|Cdr)\.?|"
            r"(?:Lieutenant|Major|Brigadier|Vice|Rear|Air)-(?:General|Colonel|Admiral|Marshal|Commander)|"
            r"\((?:[Rr]et|[Rr]etd|[Rr]td)\.?\)|(?:H\.[ \t]?E|Prof|Eng|Engr|Col|Gen|Lt|Maj|Brig|"
            r"Adm|Capt|Cdr)\.|Sheikh|Shaikh|Prince|Princess|Sir|Dame|Lord|Baroness|Shri|Datuk(?:[ \t]+Seri)?|"
            r"Dato['’]?(?:[ \t]+S(?:e)?ri)?|Tan[ \t]+Sri|Tun|Haji|Hajah|Hj\.|Pak|Ibu|Army|Air|Chief|Vice|Rear|Lieutenant|Major|Brigadier|"
            r"General|Colonel|Admiral|Field[ \t]+Marshal|Marshal|Commodore|Captain|Commander)[ \t]+)*")
_NAME_AFTER_TITLE = re.compile(r",?[ \t]+" + _ADDRESS + r"(?P<name>" + _NAME + ")")
# An office of a defense or military body, composed rather than listed: a head word ("Chief of Staff", "Chairman",
# "Commander", "Head", "Director General", "Minister of State"), a rank or a service before it, then "of"/"for" and
# the body's name up to its last institution noun: "Chairman of the Joint Chiefs of Staff Committee", "Vice Chairman
# of the Central Military Commission", "Assistant Secretary of Defense for International Security Affairs", "Army
# Chief-of-Staff". Read where no listed title names the official, as the office written.
_BODY_NOUN = (r"(?:Forces|Force|Staff|Chiefs|Army|Navy|Corps|Committee|Commission|Command|Agency|Office|Affairs|Production|"
              r"Ministry|Department|Defen[cs]e|Council|Guard|Services|Security|Operations|Policy|Acquisition|"
              r"Industry|Logistics|Cooperation|Headquarters|Marines)\b")
_BODY_WORDS = r"(?:[A-Z][\w’'-]*(?:['’]s)?[ \t]+){0,3}"
COMPOSED_OFFICE = re.compile(
    r"(?<![\w-])(?P<title>(?:(?:Army|Navy|Air[ \t]+Force|Military|Defen[cs]e(?:[ \t]+Ministry)?)[ \t]+)?"
    # "State Secretary for Defence", "Permanent Secretary of the Ministry of Defence": a ministry's senior officials.
    r"(?:(?:[Ff]irst|[Dd]eputy|[Vv]ice|[Aa]ssistant|[Uu]nder|State|Permanent|Principal)[ \t-]+)*"
    r"(?:[Cc]hief[ \t-]+of[ \t-]+[Ss]taff|[Cc]hief|[Cc]hairman|[Cc]ommander(?:[ \t-]+in[ \t-]+[Cc]hief)?|[Hh]ead|"
    r"Director[ \t-]+General|Secretary|Minister[ \t]+of[ \t]+State)"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?" + _BODY_WORDS + _BODY_NOUN +
    r"(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?" + _BODY_WORDS + _BODY_NOUN + r")*)?)")
# An abbreviation in brackets after an office: "Chief of Army Staff (COAS)".
_ABBREVIATION = re.compile(r"[ \t]*\([A-Z]{2,6}\)(?=[ \t]|,[ \t])")
# A name that ends in an institution noun names a body, not a person: "Coast Guard", "External Affairs".
_INSTITUTION_END = re.compile(r"(?<![\w-])" + _BODY_NOUN + r"$")
# A composed office names a defense official only when its words say so.
_DEFENSE_BODY = re.compile(r"Defen[cs]e|Military|Armed|Army|Navy|Naval|Air[ \t]+Force|Staff|Joint[ \t]+Chiefs|Security", re.I)
_NAME_STOP = frozenset("""
The A An And Or Of On In At To For With By From As Is Was Were Said Says Told Met Meets Held Also
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
He She They It His Her Their This That Minister Secretary Defense Defence
Armed Forces Force Army Navy Ministry Government Embassy Council Command Staff Republic Kingdom Office Head
Visits Receives Hosts Holds Calls Signs Discusses Welcomes Arrives Pays Attends Joins Urges Hails Thanks Praises
Tours Inspects Addresses Opens Leads Concludes Speaks Agrees Vows Pledges Seeks Backs Warns Lauds
""".split())    # the last two lines: a title-case headline's verbs ("Defense Minister Visits Tbilisi")
_INITIAL = re.compile(r"[A-Z]\.")
_TRAILING_INITIAL = re.compile(r"(?:[ \t]+[A-Z]\.?)+$")
_JOINED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")
_PARTICLES = frozenset(("bin", "bint", "binti", "ibn"))
_AND_TITLE = re.compile(r"[ \t]+and(?:[ \t]+the)?[ \t]+")
# A known name inside a longer one: "Reema bint Bandar bin Sultan bin Abdulaziz" names no Sultan bin Abdulaziz.
_PATRONYMIC_BEFORE = re.compile(r"\b(?:bin|bint|binti|ibn)\s+$")
# A name that goes on after its first word ("Minister Mohammed bin Ahmed Al Bowardi", "General Mark Milley").
_NAME_GOES_ON = re.compile(r"[ \t]+(?:" + _NAME_PARTICLE + r"|(?P<next>[A-Z][a-z]+))")
# Letters after a name that are not part of it: "the Hon Saki Soloma MP".
_POST_NOMINALS = frozenset(("MP", "MLA", "MNA", "PhD", "KC", "QC"))
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# An appositive before a title: "Rodolfo Sanchez, Mexico's Minister of National Defence".
_NAME_BEFORE_TITLE = re.compile(r"(?P<name>" + _NAME + r"),[ \t]+(?:(?:the|his|her)[ \t]+)?$")  # "X, his Latvian counterpart,"
_OF_COUNTRY = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?")     # "Minister of Latvia", "his counterpart from Latvia"
PLURAL_REFERENCE = re.compile(
    r"\b(?:they|we|both|all|participants|(?:the\s+)?(?:two|three|four|five|\d+)\b|"
    r"(?:ministers|leaders|chiefs|heads|members|officials|sides|secretaries|nations|countries|counterparts|parties|delegations|allies|"
    r"governments))\b",
    re.I,
)
