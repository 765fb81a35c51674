"""Plain text as outlets and scrapers publish it, turned into the lines the cleaner reads.

A ".txt" article is often not plain: a scraper leaves the page's inline markup in it
(``<span>``, ``<br />``, ``&nbsp;``, a tracking pixel), a CMS exports markdown
(``## heading``, ``**bold**``, ``[text](url)``), lists carry bullet glyphs ("•", "□"),
and paragraphs lose the space after their full stop ("in Singapore.In the meeting").
Each of these is undone here, before hard-wrapped lines are joined, so that every
paragraph and list item is a line of its own and sentences split where they end.
Only markup is removed; the words of the article are kept as written.
"""
from __future__ import annotations

import html
import re

# Inline HTML left in a text: a known tag name, so "<5 km" or "a <b> c" in prose is not taken for markup.
_TAG_NAMES = (r"a|abbr|b|big|blockquote|br|center|div|em|figcaption|figure|font|h[1-6]|hr|i|img|li|ol|p|"
              r"picture|section|small|source|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|wbr")
_HAS_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BREAK_TAG = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|blockquote|table|tr|section|figure|figcaption)\b[^<>]*>",
                        re.I)
_ANY_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]*>|<!--.*?-->", re.I | re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)

# A doubled apostrophe that quotes nothing: alone between spaces ("</span><br />'' <span>"), or a backslash-escaped
# pair before a possessive s ("the administration\'\'s support").
_LONE_QUOTES = re.compile(r"(?:(?<=\s)|^)''(?=\s|$)", re.M)
_ESCAPED_POSSESSIVE = re.compile(r"(?:\\')+(?=s\b)")

# Markdown: ATX headings, setext underlines and rules, emphasis, links and images, block quotes.
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^)\s]*)(?:\s+\"[^\"\n]*\")?\)|\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)

# A list item's glyph at the start of a line: bullets, squares, arrows, a hyphen or asterisk before a space.
# Anchored on "\n" rather than "^" with re.M: the engine then skips ahead to line ends instead of trying every position.
_BULLET = re.compile(r"\n[ \t]*(?:[•·▪▫□■●○◦‣◆◇►▶▸➢➤✓✔]|[-*+](?=[ \t]))[ \t]*")
# A press release's end mark on a line of its own ("- 30 -", "-ends-"), before a hyphen reads as a bullet.
_END_MARK = re.compile(r"\n[ \t]*-+[ \t]*(?:30|ends?)[ \t]*-+[ \t]*(?=\n)", re.I)
# A line left with no letter or digit once its bullet is gone ("• |"): a separator, not text.
_NO_WORD = re.compile(r"^[^\w\n]*$", re.M)

# "in Singapore.In the meeting": a sentence end run into the next sentence. Two lower-case letters before the stop
# (not "U.S.Army", not an initial), a capitalised word after it; a web address keeps its dots. The pattern finds the
# rare stop with no space after it; the letters around it are checked in code (a pattern that opens with a look-behind
# is tried at every position).
_RUN_TOGETHER = re.compile(r"[.!?][\"”“]?[A-Z]")
_BEFORE_STOP = re.compile(r"[a-z][a-z)]")
_ADDRESS = re.compile(r"https?://|www\.|@|\.(?:com|org|net|gov|mil|int|edu)\b", re.I)


# Marks at the start of a line for the cleaner (control characters, never left in stored text): a markdown heading,
# a list item.
HEADING_MARK = "\x06"
ITEM_MARK = "\x05"


def normalize(text: str) -> str:
    """``text`` with inline markup, markdown, bullet glyphs and run-together sentences undone. A markdown heading
    starts with HEADING_MARK, a list item with ITEM_MARK; each stands as a paragraph of its own."""
    if "<" in text and _HAS_TAG.search(text):
        text = _strip_tags(text)
    elif "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "\\" in text or "''" in text:
        text = _ESCAPED_POSSESSIVE.sub("'", text)
        text = _LONE_QUOTES.sub("", text)
        text = text.replace("''", '"')     # two apostrophes as a quotation mark, as wire copy types it
    text = _markdown(text)
    text = _bullets(text)
    return _split_run_together(text)


def _strip_tags(text: str) -> str:
    text = _SCRIPT.sub(" ", text)
    text = _BREAK_TAG.sub("\n\n", text)
    text = _ANY_TAG.sub("", text)
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _markdown(text: str) -> str:
    # Each step runs only when a character it needs is in the text: a one-character test costs next to nothing,
    # a pattern scan of the whole text does not.
    if "#" in text:
        text = _MD_HEADING.sub(lambda m: f"\n{HEADING_MARK}{m.group(1)}\n", text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    if "*" in text or "_" in text:
        text = _MD_STRONG.sub(r"\2", text)
    if "*" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
    if ">" in text:
        text = _MD_QUOTE.sub("", text)
    if "*" in text or "_" in text or "=" in text or "---" in text or "- -" in text:
        text = _MD_RULE.sub("", text)
    return text


def _bullets(text: str) -> str:
    """Each list item a paragraph of its own, without its glyph; a line that was only a glyph and punctuation goes."""
    text = "\n" + text + "\n"
    if "-" in text:
        text = _END_MARK.sub("\n", text)
    if not _BULLET.search(text):
        return text[1:-1]
    text = _NO_WORD.sub("", _BULLET.sub("\n\n" + ITEM_MARK, text))
    return text.replace(ITEM_MARK + "\n", "\n")[1:-1]


def _split_run_together(text: str) -> str:
    out, last = [], 0
    for m in _RUN_TOGETHER.finditer(text):
        stop, end = m.start(), m.end()
        if stop < 2 or not _BEFORE_STOP.fullmatch(text, stop - 2, stop) or not text[end:end + 1].islower():
            continue
        # A straight or closing quote after the stop ends the sentence before it ('said."The'); an opening one
        # begins the next ('said.“The').
        at = stop + 2 if text[stop + 1] in "\"”" else stop + 1
        token = text[max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1:at + 40].split(None, 1)[0]
        if _ADDRESS.search(token):
            continue
        out.append(text[last:at])
        out.append(" ")
        last = at
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
