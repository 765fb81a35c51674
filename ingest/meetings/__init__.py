"""The meetings an article reports, and which of its sentences speak of which.

A meeting is opened by a sentence that reports an encounter as held ("met",
"held talks", "spoke by phone", "during a videoconference with"); plans ("will
meet") and negations are not meetings. Its governments come from the named
officials, the countries in the sentence's participant part (not the place, not
the topic after "to discuss"), groups whose members all took part, and references
back ("the two met"). Some evidence is the article's, not the sentence's: a group's session has the governments
whose officials the article names; a release or briefing in the first person is its principal's (the official or
ministry the headings present); a headline's "X receives Y" stands when the body tells the meeting in no words the
rules know. The same encounter reported twice is merged, unless a report marks itself apart ("Earlier in the day",
"then") and names other officials of a government. Every other
sentence belongs to the meeting whose participants it speaks of, or else to the
meeting the text is currently about.

Each module answers one question: ``held`` which sentences report a held meeting,
``participants`` who and which governments are at it, ``encounters`` how reports
merge or split into encounters, ``assignment`` which sentences speak of which
meeting, ``days`` and ``setting`` when, where and how it was held, ``claims``
what its participants said and committed to; ``lead``, ``referred`` and ``communique`` the meeting an article
tells only in its headline and lead, only by referring to it, or only by the joint statement its heading presents;
``article`` holds the shared types.
"""
from __future__ import annotations

from ..dates import resolve
from ..document import ExtractedMeeting
from .article import ArticleView
from .assignment import _assign_sentences
from .claims import _claims
from .communique import communique_drafts
from .days import _all_people, _settle_dates, _year_guess
from .encounters import _find_drafts, _merge_same
from .lead import _lead_drafts, headline_preview, lead_announces, names_the_announced
from .participants import _principal
from .referred import referred_drafts
from .setting import _settle_format, _settle_places


def extract_meetings(view: ArticleView) -> list[ExtractedMeeting]:
    preview = headline_preview(view)
    # A preview headline ("A to visit B") leaves the article's lead to no fallback, and what a pair did ("A and B
    # finalized the agenda on Monday") reports no encounter under it.
    drafts = _find_drafts(view) or ([] if preview else
                                    _lead_drafts(view) or referred_drafts(view) or communique_drafts(view))
    if preview:
        drafts = [draft for draft in drafts if not draft.by_deed]
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
    writer = _principal(view)[1]
    # An article that announces a meeting to come (its headline a preview, or its lead telling of the meeting as
    # one to come) speaks of it afterwards as "the meeting", with no verb of its own in the past; and what it dates
    # only vaguely ("in phone talks held last month") is background to that announcement, not news.
    announced = preview or lead_announces(view)
    return [_claims(view, draft, assignment, reference, writer) for draft in drafts
            if draft.past is None and not _earlier_month(draft, drafts, reference)
            and not (announced and draft.date is None and (draft.vague or names_the_announced(draft)))]


def _earlier_month(draft, drafts, reference) -> bool:
    """ "Hagel called Pinzon last night ... The two met at the White House in December": a month before the story's,
    named beside a dated encounter of the same governments, is the background of that news, not news of its own."""
    if draft.precision != "month" or draft.date is None or reference is None:
        return False
    if (draft.date.year, draft.date.month) >= (reference.year, reference.month):
        return False
    return any(other is not draft and set(other.countries) == set(draft.countries) and other.precision == "day"
               for other in drafts)
