"""Article text out of raw HTML or plain text, with each line's role.

The cleaned text is what gets stored and highlighted, so sentences are kept as the
article wrote them; only whole lines are dropped (site chrome, comment prompts,
copyright and credit lines), and the lines of a hard-wrapped paragraph are joined.
Every kept line is a block with a kind: ``body`` lines carry facts; ``heading``,
``caption`` and ``dateline`` lines only give context (section titles, the photo's
date and place, the publication day).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, NavigableString

from .dates import find_dates, parse_iso_day
from .plaintext import HEADING_MARK, ITEM_MARK, normalize


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str          # "body", "heading", "caption", "dateline"


@dataclass
class CleanedArticle:
    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    published: date | None = None


DEBRIS = re.compile(
    r"""^(?:
        an\ official\ website\ of\ the\ united\ states\ government
      | here['’]s\ how\ you\ know
      | official\ websites\ use\ \.gov | \.gov\ website | secure\ \.gov\ websites | a\ lock\ \(
      | you\ have\ accessed\ part\ of\ a\ historical\ collection
      | (?:more\ )?(?:related|recommended|popular|trending|latest|top|more)\s*(?:stories|news|articles|content|posts|reading|videos)?\s*:?
      | (?:also\ read|read\ more|read\ also|see\ also|more\ from\ [\w\s]+|most\ read|you\ may\ also\ like)\b.*
      | most\ popular | check\ also | in\ this\ section
      | leave\ a\ (?:reply|comment)\b.* | post\ a\ comment\b.* | no\ comments?:? | \d+\s+comments? | comments?:?
      | your\ email\ address\ will\ not\ be\ published\b.*
      | <?(?:copyright|©|\(c\)\ ).*
      | photo\ by:.* | virin:.* | photo\ credit:.*
      | \(?follow\ .{1,60}\ on\ (?:twitter|x|facebook|instagram|linkedin)\b.* | follow\ us\b.*
      | (?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|copy\ link)(?:\ this(?:\ article|\ story)?)?:?
      | share\ (?:on|via)\b.*
      | for\ all\ the\ latest\b.*
      | (?:sign\ up|subscribe)\b.*(?:newsletter|updates|alerts).*
      | advertisement | skip\ to\ (?:main\ )?content | accept(?:\ all)?\ cookies?.*
      | view\ (?:online|in\ browser|this\ email\ in\ your\ browser)
      | file | back\ to\ top | print\ this\ page
      | (?:additional\ )?(?:reporting|writing|editing|compiled)\ by\b.*
    )$""",
    re.I | re.X,
)
DEBRIS_ANYWHERE = re.compile(r"required fields are marked|all rights reserved|\bdownload (?:our|the)\b.*\bapp\b|"
                             r"\bwe use cookies\b", re.I)
# Words without one of which these patterns cannot match: a substring test on the lower-cased line is cheaper.
_DEBRIS_HINTS = ("required fields are marked", "all rights reserved", "download", "we use cookies")
_CAPTION_PLACEMENT = re.compile(r"\((?:file|above|below|left|right|center|centre|from\s|\d(?:st|nd|rd|th)|[lrc](?:\)|\s*-|\s+to))")
EMAIL_BYLINE = re.compile(r"^(?:by\s+)?[^.!?]{0,80}<?[\w.+-]+@[\w-]+\.[\w.-]+\s*>?\s*$", re.I)
CAPTION = re.compile(
    r"\bphoto(?:graph)?s?\s+(?:by|courtesy)\b|\(\s*photo\b|^\s*(?:photo|file photo|pictured)\s*:|"
    r"^this\s+(?:handout\s+)?(?:file\s+)?photo\b|\bin\s+this\s+(?:handout\s+)?(?:file\s+)?photo\b|"
    r"\(file\)|\b(?:AP|AFP|Reuters|Getty\s+Images|EPA|Yonhap|Xinhua)\s+(?:photo|images)\b|"
    r"\bfile\s+photo\b",
    re.I,
)
# Where someone stands in the picture ("X (left) welcoming Y", "Y (pictured)"): a caption's words, unless the line
# reports what someone said, as a story's paragraph does when it points at its photo ("Minister X (pictured) said").
_PLACEMENT = re.compile(r"\((?:above|below|left|right|center|centre)\)|\bpictured\b|"
                        # the agencies' short forms: "(L)", "(R)", "(C)", "(L-R)", "(From L to R)", "(3rd, L)"
                        r"(?:^|(?<=\s))\((?:(?:from\s+)?(?:\d(?:st|nd|rd|th),?\s+)?(?-i:[LRC])(?:\s*(?:-|to)\s*(?-i:R))?)\)", re.I)
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|stated|stressed|noted|added|emphasi[sz]ed)\b")
# A label before a publication date, with a list bullet before it and quotes after it ("• Published :`2024-...`").
# A database page's field label counts too: "[Date] June 21, 2011".
_PUBLICATION_PREFIX = re.compile(r"^(?:[•·▪*]\s*)?(?:\[?(?:published|posted|updated|date|released|first published)\]?"
                                 r"(?:\s+on)?\s*:?\s*)?[`'\"“‘]?", re.I)
# "Ministry of Defence, posted 24 May 2023 10:45": a publisher's name, then the label and the date.
_POSTED_AFTER_NAME = re.compile(r"[A-Z][^,:|]{2,60},\s*(?:posted|published|released|issued)(?:\s+on)?\s*:?\s*$", re.I)
# "Tokyo, 5 September 2024": a place before a statement's or a transcript's date line.
_PLACE_PREFIX = re.compile(r"^[A-Z][A-Za-z .'’-]{1,30},\s+(?=\d|[A-Z][a-z]{2,8}\.?\s+\d)")
_WEEKDAY_PREFIX = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
                             r"\.?,?\s+", re.I)
# A header line that ends with the publication date and perhaps its time: a byline ("Ana Ruiz, Juan
# PerezWednesday, 5 March 2025, 14:10") or a labelled line ("Presenter: ... March 3, 2009", "Time & Date: ...").
_BYLINE_HEAD = re.compile(r"(?:By\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*(?:,|and|&|/)\s*[A-Z][\w.'’-]*"
                          r"(?:\s+[A-Z][\w.'’-]*)*)*[\s,]*")
_LABEL_HEAD = re.compile(r"(?:Presenters?|Time\s*(?:&|and)\s*Date|Date(?:\s*(?:&|and)\s*Time)?|Dated|Released|Issued|"
                         r"Created|Published|Posted|Briefer|Speakers?|Location|"
                         # a transcript's title before its presenter: "DoD News Briefing: Secretary X, June 22, 2001"
                         r"(?:[A-Z][\w.-]*\s+){0,3}(?:Briefing|Transcript|Press\s+Conference|(?:Media|Press)\s+Availability))"
                         r"\s*:\s", re.I)
# A line that is only a label of the header ("On the Web:", "Public contact:"), not the story's first paragraph.
_LABEL_ONLY = re.compile(r"[A-Z][\w ]{0,30}:")
# A source note opening the story ("Source: News Transcript from ... Briefing: X, June 22, 2001. ..."): its
# sentences are header lines.
_SOURCE_NOTE = re.compile(r"Source\s*:\s")
_NOTE_SENTENCE = re.compile(r"(?<=[.])\s+(?=[A-Z])")
# (One flat class for the words after the time, read possessively: the nested groups it replaced backtracked for
# minutes over a byline that does not end the line, "March 3, 2009|By A and B | Staff Writers".)
_AFTER_DATE = re.compile(r"[\s,.;|]*+(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?[A-Za-z ()\s]*+$")
# The time a date line gives after its date: "at 10:15 a.m. EST", "10:15:00 GMT", "17:57 (IST)".
_CLOCK_TIME = re.compile(r"[\s,|]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?"
                         r"\s*(?:\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*")
_UPDATED = re.compile(r"^(?:[•·▪*]\s*)?(?:last\s+)?(?:updated|modified)\b", re.I)
# The date of an "Updated" label, at a line's start or after a headline, with the clock's zone before it: "Last
# updated at: (Beijing Time) Friday, April 05, 2002", "... (Xinhua) Updated: 2005-10-19 21:40".
_UPDATED_DATE = re.compile(r"(?:^|\s)(?:last\s+)?(?:updated|modified)(?:\s+(?:at|on))?\s*:\s*(?:\([A-Za-z ]{2,20}\)\s*)?"
                           r"(?P<rest>.{6,60})$", re.I)
# A line wholly in brackets that ends with a date: a source note at the head or a wire's closing credit line.
_BRACKETED_DATE_LINE = re.compile(r"\((?P<inner>[^()]{4,100})\)")
_MAX_WRAP = 120
_MINOR_WORDS = frozenset("a an the and or of to in on at for with by from as but".split())
# Lines that start a line of their own even in hard-wrapped text: transcript labels ("SECRETARY AUSTIN:", "Q:"),
# list items; and where no blank line parts the paragraphs, datelines ("LISBON (Reuters) -", "SEOUL, Feb. 3") and
# bylines (where one does, they open a paragraph, and a wrapped line may begin "CSC, Defence Minister").
_OWN_LINE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*:\s|[-*•–]\s|\d+[.)]\s")
_HEAD_LINE = re.compile(r"[A-Z][A-Z .'’-]{2,30}(?:,|\s+\(|\s+--|\s+—)|By\s+[A-Z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def looks_like_html(content: str) -> bool:
    head = content[:2000].lower()
    return bool(re.search(r"<(?:!doctype html|html|head|body|p|div|article)\b", head))


def clean(content: str, *, content_type: str | None = None, url: str | None = None) -> CleanedArticle:
    """Cleaned text and blocks for raw ``content`` (HTML sniffed when the type is unknown); ``url``, the page's
    address, can date an HTML page that carries no date in its markup ("/2024/05/30/...")."""
    is_html = ("html" in content_type.lower()) if content_type else looks_like_html(content)
    if is_html:
        return _clean_html(content, url)
    return _assemble([_marked(line) for line in unwrap(normalize(_CONTROL.sub(" ", content)).splitlines())])


def _marked(line: str) -> tuple[str, str | None]:
    """A line and the kind its plaintext mark forces: a markdown heading is a heading; a list item that goes on
    from a lead-in in lower case ("agreed to:" / "expand joint training in the Baltic") is body text though it has
    no full stop. Other items are classified as any line is: a breadcrumb's headline stays a heading."""
    if line.startswith(HEADING_MARK):
        return line[1:], "heading"
    if line.startswith(ITEM_MARK):
        line = line[1:]
        return line, "body" if line.lstrip()[:1].islower() else None
    return line, None


def unwrap(lines: list[str]) -> list[str]:
    """Paragraphs of hard-wrapped plain text (wire feeds, e-mails) joined back into single lines.

    A line continues onto the next when it was cut by the wrap width (it is long for the
    document and the next line follows without a blank line), or when it stops mid-sentence
    and the next line goes on in lower case. Headings, datelines, bylines, transcript labels
    and list items always start a line of their own.
    """
    width = _wrap_width(lines)
    # A headline stands apart: where blank lines part the paragraphs, or in the middle of a paragraph, a line of
    # capitalized words with another straight under it is a wrapped line of names and offices ("... and Minister
    # for Defence Richard" / "Marles, ..."), not a headline.
    blank_parted = any(not line.strip() for line in lines)
    joined: list[str] = []
    previous, opened = "", False
    for raw in lines:
        line = raw.strip()
        if line and previous and _continues(previous, line, width, opened=opened, blank_parted=blank_parted):
            # A word cut at its hyphen goes on without a space: "ADMM-" / "Plus".
            glue = "" if re.search(r"\w-$", previous) else " "
            joined[-1] = f"{joined[-1].rstrip()}{glue}{line}"
            opened = False
        else:
            joined.append(raw)
            opened = True
        previous = line
    return joined


def _wrap_width(lines: list[str]) -> int | None:
    """The width a plain text is wrapped at (most long lines end near it), or None when it is not wrapped:
    short lines that each end a sentence are paragraphs, not wrapped lines."""
    stripped = [line.strip() for line in lines if len(line.strip()) >= 20]
    if len(stripped) < 3:
        return None
    width = sorted(len(line) for line in stripped)[int(len(stripped) * 0.8)]
    cut = sum(1 for line in stripped if len(line) >= 0.7 * width and not _ends_sentence(line))
    return width if width <= _MAX_WRAP and cut >= 2 else None


def _continues(line: str, following: str, width: int | None, *, opened: bool, blank_parted: bool) -> bool:
    """Whether ``following`` goes on with ``line``: ``opened`` when ``line`` began its paragraph, ``blank_parted``
    when blank lines part the document's paragraphs."""
    ended = _ends_sentence(line)
    if following[:1].islower() and not ended:
        joined = True
    elif width is None or len(line) < 0.7 * width or (opened and not blank_parted and _is_title_case(line)):
        return False
    else:
        joined = not ended or len(line) >= 0.85 * width
    # A date line ("January 14, 2019  17:57") is a line of its own: a stray word after it ("image") is no part of it;
    # so is a headline that ends with the page's "Updated: 2005-10-19 21:40".
    return joined and not (_OWN_LINE.match(following) or (not blank_parted and _HEAD_LINE.match(following))
                           or is_debris(line) or is_debris(following) or _is_date_line(line)
                           or _UPDATED_DATE.search(line))


def _ends_sentence(line: str) -> bool:
    """Whether a line (no line break in it) ends with . ! ? : or ;, perhaps inside closing quotes or brackets."""
    return line.rstrip("\"”’')]")[-1:] in (".", "!", "?", ":", ";")


def _is_title_case(line: str) -> bool:
    """A headline ("Japan, Australia Agree to Deepen Ties"), not a dateline or a sentence full of names."""
    return not re.search(r"[(:;]|\s(?:-|--|—)\s", line) and _mostly_capitalized(line)


def _mostly_capitalized(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _MINOR_WORDS]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _assemble(lines: list[tuple[str, str | None]], title=None, publisher=None, published=None) -> CleanedArticle:
    """Join kept lines with blank lines between them and classify each."""
    parts, blocks, offset = [], [], 0
    for raw, forced_kind in lines:
        line = " ".join(raw.replace("\xa0", " ").split())
        if not line or is_debris(line):
            continue
        kind = forced_kind or classify_line(line)
        if parts:
            offset += 2
        blocks.append(Block(offset, offset + len(line), kind))
        parts.append(line)
        offset += len(line)
    text = "\n\n".join(parts)
    if len(blocks) >= 2 and blocks[0].kind == "body" and blocks[1].kind == "dateline" and not _ends_sentence(parts[0]):
        # A long first line with no full stop, right above the page's date line: the headline.
        blocks[0] = Block(blocks[0].start, blocks[0].end, "heading")
    if published is None:
        published = _publication_line_date(text, blocks)
    return CleanedArticle(text, blocks, title or _headline(text, blocks), publisher, published)


def _headline(text: str, blocks: list[Block]) -> str | None:
    """A saved text's title: the fullest heading above its first paragraph (the headline is longer than the site's
    name, its section and its notices), without the "Updated: ..." time a page may print after it."""
    above = []
    for block in blocks:
        if block.kind == "body":
            break
        if block.kind == "heading":
            line = _TITLE_LABEL.sub("", text[block.start:block.end]).rstrip(" |")
            if not _not_a_headline(line):
                above.append(_UPDATED_DATE.sub("", line).rstrip())
    return max((line for line in above if len(line.split()) >= 4), key=lambda line: len(line.split()), default=None)


# "[Title] Joint Statement ...": a saved page's field label before its title.
_TITLE_LABEL = re.compile(r"^\[?Title\]?:?\s+", re.I)
# "Last updated at: (Beijing Time) Friday, ...", "18:28 GMT +3 ...": a page's clock, not its headline.
_CLOCK_LINE = re.compile(r"^(?:(?:last\s+)?updated\b|posted\b|\d{1,2}:\d{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day,)"
                         r"|\bupdated\s+at\b", re.I)


def _not_a_headline(line: str) -> bool:
    """A site's menu ("Help | Sitemap | Archive"), a banner said twice ("U.S. Department of Defense U.S. Department
    of Defense"), or a clock line: heading-like lines above a saved story that do not name it."""
    words = line.split()
    half = len(words) // 2
    return line.count(" | ") >= 2 or bool(_CLOCK_LINE.match(line)) or (
        len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:])


def is_debris(line: str) -> bool:
    """Site chrome, prompts, credits: lines that never carry an article's facts."""
    if len(line) >= 300:
        return False
    lowered = line.lower()
    return bool(DEBRIS.match(line) or any(map(lowered.__contains__, _DEBRIS_HINTS)) and DEBRIS_ANYWHERE.search(line)
                or "@" in line and EMAIL_BYLINE.match(line))


# A list item that ends in "; and" or "; or" goes on to the next: a clause of its list, never a title.
_GOES_ON = re.compile(r";\s*(?:and|or)\s*$")


def classify_line(line: str) -> str:
    if _may_be_caption(line.lower()) and (CAPTION.search(line) or _PLACEMENT.search(line)
                                          and not _REPORTED_SPEECH.search(line)):
        return "caption"
    if _is_date_line(line) or _has_date_field(line):
        return "dateline"
    words = line.split()
    if not _ends_sentence(line) and not _GOES_ON.search(line) and (len(words) <= 20 or len(words) <= 40 and _mostly_capitalized(line)):
        return "heading"
    return "body"


def _may_be_caption(lowered: str) -> bool:
    """Whether a lower-cased line holds what every caption CAPTION finds does: substring tests rule most lines out
    faster than a pattern."""
    return "photo" in lowered or "pictur" in lowered or "images" in lowered or (
        "(" in lowered and bool(_CAPTION_PLACEMENT.search(lowered)))


def _is_date_line(line: str) -> bool:
    """A line that is a date: bare ("Tokyo, 5 September 2024"), or after a publication label, whatever follows it
    ("Published : Aug 9, 2019 - 18:05 Updated : Aug 9, 2019 - 18:05")."""
    if len(line) > 120 or not any(map(str.isdigit, line)):
        return False
    unlabelled = _PLACE_PREFIX.sub("", line)
    rest = _PUBLICATION_PREFIX.sub("", unlabelled)
    labelled = len(rest) < len(unlabelled)
    if len(line) > 60 and not labelled:
        return False
    rest = _WEEKDAY_PREFIX.sub("", rest)
    mentions = find_dates(rest)
    return bool(mentions) and mentions[0].start == 0 and mentions[0].kind == "day" and (
        labelled or len(rest) - mentions[0].end < 12 or bool(_CLOCK_TIME.fullmatch(rest, mentions[0].end)))


# Fields of a header line: "News Service | April 9, 2021 2:28 PM", "11/20/2021 | 12:24pm EST",
# "January 16, 2018 – Ottawa, Canada – Ministry of Defence", "March 5, 2024 / 10:15 AM / Updated 2 hours ago".
_FIELD_SEPARATOR = re.compile(r"\s+[|–—/·-]\s+|\s*\|\s*")    # a pipe needs no spaces: no date holds one


def _has_date_field(line: str) -> bool:
    """A short header line of a few fields, one of them a date (with its time): a page's publication line."""
    if len(line) > 120 or _ends_sentence(line) or not any(map(str.isdigit, line)):
        return False
    fields = _FIELD_SEPARATOR.split(line.strip())
    return 1 < len(fields) <= 4 and all(len(f) <= 60 for f in fields) and any(map(_is_date_line, fields))


def _publication_line_date(text: str, blocks: list[Block]) -> date | None:
    """The publication date when one of the first lines, or a line of a header before the first body
    paragraph (a transcript's office, contact and presenter lines), is a bare date line, a byline or labelled
    line that ends with the date, or a bracketed source line; else a bracketed credit line closing the article; else
    the day of an "Updated" line among them."""
    body_seen = False
    header: list[date] = []
    updated: list[date] = []
    for number, block in enumerate(blocks):
        if number >= 6 and body_seen:
            break
        line = text[block.start:block.end]
        if block.kind == "body" and not body_seen and _LABEL_ONLY.fullmatch(line.strip()):
            continue
        if block.kind == "body" and not body_seen and _SOURCE_NOTE.match(line):
            day = next((d for d in map(_ending_date, _NOTE_SENTENCE.split(line)) if d is not None), None)
            if day is not None:
                header.append(day)
        if block.kind == "body" and not body_seen and header:
            # Of several date lines above the story, the one nearest it is the story's: those above it are a
            # site's clock or a repost's date ("Last updated" lines aside).
            return header[-1]
        body_seen = body_seen or block.kind == "body"
        updated_at = _UPDATED_DATE.search(line)
        if updated_at and len(line) <= 160:
            day = parse_iso_day(_WEEKDAY_PREFIX.sub("", updated_at["rest"]))
            if day is not None:
                updated.append(day)
        if _UPDATED.match(line):
            continue
        if block.kind == "dateline":
            line = _PLACE_PREFIX.sub("", line)
            day = parse_iso_day(_WEEKDAY_PREFIX.sub("", _PUBLICATION_PREFIX.sub("", line)))
            if body_seen:
                return day
            if day is not None:
                header.append(day)
        elif block.kind == "heading" and not body_seen:
            day = _ending_date(line)
            if day is not None:
                header.append(day)
    if header:
        return header[-1]
    for block in blocks[-3:]:
        day = _bracketed_date(text[block.start:block.end])
        if day is not None:
            return day
    # A page that gives no other day of itself is dated by its "Last updated" line.
    return updated[0] if updated else None


def _ending_date(line: str) -> date | None:
    """The date a header line ends with, when what comes before it is a byline, a label or all in brackets."""
    if len(line) > 160 or not any(map(str.isdigit, line)):
        return None
    bracketed = _bracketed_date(line)
    if bracketed is not None:
        return bracketed
    mentions = [m for m in find_dates(line) if m.kind not in ("vague",)]
    if not mentions or mentions[-1].kind != "day" or not _AFTER_DATE.match(line, mentions[-1].end):
        return None
    last = mentions[-1]
    head = line[:last.start]
    if _LABEL_HEAD.match(head) or _BYLINE_HEAD.fullmatch(head) or _POSTED_AFTER_NAME.fullmatch(head):
        return date(last.year, last.month, last.day)
    return None


def _bracketed_date(line: str) -> date | None:
    """ "(Agency News Service March 3, 2009)", "(Source: Ministry of Defence; issued March 3, 2009)"."""
    m = _BRACKETED_DATE_LINE.fullmatch(line.strip())
    if m is None:
        return None
    mentions = find_dates(m.group("inner"))
    if mentions and mentions[-1].kind == "day" and not m.group("inner")[mentions[-1].end:].strip(" .,"):
        last = mentions[-1]
        return date(last.year, last.month, last.day)
    return None


# --- HTML ------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button", "input",
              "select", "nav", "aside", "footer", "menu", "dialog")
_JUNK_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|comments?|related|recommend\w*|"
    r"newsletter|subscribe|cookies?|consent|banner|promo|advert\w*|ads?|sidebar|footer|popup|modal|"
    r"tags|trending|most-?read|more-?stories|read-?more|outbrain|taboola|masthead|site-?header)(?:$|[\s_-])",
    re.I,
)
# An element that holds the story's date ("<span class="date">November 23, 2021, 6:15 pm</span>").
_DATE_ATTR = re.compile(r"(?:^|[\s_-])(?:date|dated|time|timestamp|published|pubdate|posted|dateline)(?:$|[\s_-])", re.I)
_JUNK_ROLES = {"navigation", "complementary", "banner", "contentinfo", "search", "dialog"}
_BLOCK_TAGS = {"p", "div", "section", "li", "blockquote", "pre", "td", "th", "dd", "dt", "address",
               "article", "main", "header", "ul", "ol", "table", "tr", "figure", "time"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MARK = "\x00"
_LINE_BREAK = "\x04"
_KIND_CODES = {"heading": "\x01", "caption": "\x02", "body": "\x03"}
_CODE_KINDS = {v: k for k, v in _KIND_CODES.items()}


def _clean_html(content: str, url: str | None = None) -> CleanedArticle:
    soup = BeautifulSoup(_CONTROL.sub(" ", content), "lxml")
    title, publisher, published = _html_metadata(soup, content, url)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_junk_container):
        tag.decompose()
    root = _content_root(soup)
    for tag in root.find_all(["ul", "ol", "div", "section", "p", "table"]):
        if not _decomposed(tag) and _link_dense(tag):
            tag.decompose()
    date_tags = root.find_all(_is_date_tag)
    if published is None:
        published = next((day for day in (_tag_day(tag) for tag in date_tags) if day), None)
    h1 = soup.find("h1")
    headline = h1.get_text(" ", strip=True) if h1 else None
    title = title or headline or None
    for br in root.find_all("br"):
        br.replace_with(_LINE_BREAK)
    for tag in root.find_all(True):
        if tag.name in _HEADING_TAGS:
            code = _KIND_CODES["heading"]
        elif tag.name == "figcaption":
            code = _KIND_CODES["caption"]
        elif tag.name in _BLOCK_TAGS or tag in date_tags:
            code = _KIND_CODES["body"]
        else:
            continue
        tag.insert_before(NavigableString(_MARK + code))
        tag.insert_after(NavigableString(_MARK))
    lines = []
    for chunk in root.get_text().split(_MARK):
        kind = _CODE_KINDS.get(chunk[:1])
        text = chunk[1:] if kind else chunk
        for piece in text.split(_LINE_BREAK):
            if piece.strip():
                forced = kind if kind in ("heading", "caption") else None
                lines.append((piece, forced))
    if _story_chars(lines) < _LOST_STORY_CHARS:
        recovered = _trafilatura_lines(content)
        if _story_chars(recovered) >= max(_LOST_STORY_CHARS, 2 * _story_chars(lines)):
            lines = recovered
    if headline and not any(headline in " ".join(line.split()) for line, _ in lines):
        lines.insert(0, (headline, "heading"))
    return _assemble(lines, title, publisher, published)


# Fewer characters of prose than this, and our main-text finder has likely lost the story (a container whose class
# reads as junk, "layout--with-sidebar", "share-enabled", took the paragraphs with it): trafilatura tries instead.
_LOST_STORY_CHARS = 300


def _story_chars(lines: list[tuple[str, str | None]]) -> int:
    """Characters in lines that read as prose: a dozen words or more, ending a sentence."""
    return sum(len(line) for line, kind in lines
               if kind is None and _ends_sentence(line.strip()) and len(line.split()) >= 12)


def _trafilatura_lines(content: str) -> list[tuple[str, str | None]]:
    """The page's main text as trafilatura finds it, one line per paragraph (kinds left to classify_line)."""
    import trafilatura  # imported on first use: only pages whose story our finder lost need it

    try:
        text = trafilatura.extract(content, fast=True, include_comments=False, include_tables=False,
                                   deduplicate=False) or ""
    except Exception:  # a third-party parser on any page: a failure only means no second opinion
        return []
    return [(line, None) for line in text.splitlines() if line.strip()]


def _is_junk_container(tag) -> bool:
    if tag.name in ("html", "body", "article", "main") or _decomposed(tag):
        return False
    if tag.get("role") in _JUNK_ROLES:
        return True
    if tag.name == "header":
        return tag.find("h1") is None
    attrs = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(attrs and _JUNK_ATTR.search(attrs)) and tag.find(["h1", "article"]) is None


def _decomposed(tag) -> bool:
    """bs4's ``tag.decomposed`` without its cost: on a tag never decomposed, the attribute it reads is missing and
    bs4's ``__getattr__`` searches the whole subtree for a child tag of that name."""
    return tag.__dict__.get("_decomposed", False)


def _is_date_tag(tag) -> bool:
    attrs = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("itemprop") or ""])
    return bool(attrs.strip() and _DATE_ATTR.search(attrs)) and len(tag.get_text()) < 80


def _tag_day(tag) -> date | None:
    """The day a date element gives, in its machine-readable attribute or its text."""
    return parse_iso_day(tag.get("datetime") or tag.get("content") or tag.get_text(" ", strip=True))


def _content_root(soup):
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    return soup.find("main") or soup.body or soup


def _link_dense(tag) -> bool:
    text = tag.get_text(" ", strip=True)
    if not text or tag.name not in ("ul", "ol", "table") and len(text) >= 400:
        return False    # a long block of another kind is never dropped: no need to weigh its links
    link_text = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return link_text / len(text) > 0.6


def _html_metadata(soup, content: str, url: str | None = None) -> tuple[str | None, str | None, date | None]:
    first = {}   # (attribute, value) -> the first <meta> carrying it: one pass over the page, not one per name
    for tag in soup.find_all("meta"):
        for attribute in ("property", "name", "itemprop"):
            value = tag.get(attribute)
            if isinstance(value, str):
                first.setdefault((attribute, value), tag)

    def meta(*keys):
        for key in keys:
            tag = first.get(("property", key)) or first.get(("name", key)) or first.get(("itemprop", key))
            if tag and tag.get("content"):
                return tag["content"].strip()
        return None

    title = meta("og:title", "twitter:title")
    if not title and soup.title and soup.title.string:
        title = soup.title.string.strip()
    publisher = meta("og:site_name", "application-name", "publisher")
    published = parse_iso_day(meta("article:published_time", "datePublished", "pubdate", "publishdate",
                                    "date", "dc.date", "dcterms.date", "DC.date.issued", "sailthru.date",
                                    "parsely-pub-date"))
    if published is None:
        for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
            published = _json_ld_date(script.string or "")
            if published:
                break
    if published is None:
        published = _htmldate(content, url)
    return title or None, publisher, published


def _htmldate(content: str, url: str | None = None) -> date | None:
    """The publication day htmldate reads from the page's address (a full day only: "/2024/05/30/") and markup
    (more meta names than ours, <time> and <abbr> elements told apart as published or updated, dates outside
    1995..today refused), without searching the text, which would guess from any date it meets (a copyright
    year)."""
    import htmldate  # imported on first use: most sources are plain text

    try:
        found = htmldate.find_date(content, url=url, original_date=True, extensive_search=False,
                                   outputformat="%Y-%m-%d")
    except Exception:  # a third-party parser on any page: a failure only means no date from it
        return None
    return parse_iso_day(found) if found else None


def _json_ld_date(raw: str) -> date | None:
    try:
        data = json.loads(raw)
    except ValueError:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', raw)
        return parse_iso_day(m.group(1)) if m else None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return parse_iso_day(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
