"""The evidence stage: each meeting keeps the sentences it was built from, and what each one established."""
from datetime import date

from ingest.document import ExtractedCommitment, ExtractedMeeting, ExtractedParticipant, ExtractedStatement
from ingest.evidence import add_evidence
from ingest.pipeline import extract_document
from ingest.sentences import Sentence

from testkb import small_kb

KB = small_kb()

HEADLINE = "Hale and Han agree on missile drills"
DATELINE = "SEOUL, Oct. 24, 2017"
REPORT = "Defense Secretary Robert Hale met South Korean Defense Minister Han Min-jun on Monday."
VENUE = "The talks took place at the defense ministry in Seoul."
QUOTE = '"We stand together," Hale said.'
PROMISE = "The two ministers agreed to hold a combined missile drill."
LINES = [("heading", HEADLINE), ("dateline", DATELINE), ("body", REPORT), ("body", VENUE), ("body", QUOTE),
         ("body", PROMISE)]
TEXT = "\n".join(line for _, line in LINES)


def sentences():
    found, position = [], 0
    for number, (kind, line) in enumerate(LINES):
        found.append(Sentence(position, position + len(line), line, kind, number))
        position += len(line) + 1
    return found


def span(line):
    start = TEXT.index(line)
    return start, start + len(line)


def name_span(name):
    start = TEXT.index(name)
    return start, start + len(name)


def meeting(**fields):
    values = dict(date=date(2017, 10, 23), date_precision="day", format="in_person", name=None, place="Seoul",
                  place_country="KR", countries=["KR", "US"], span=span(REPORT))
    values.update(fields)
    return ExtractedMeeting(
        **values,
        participants=[ExtractedParticipant("Robert Hale", "US", "Secretary of Defense", span=name_span("Robert Hale"),
                                           family="Hale"),
                      ExtractedParticipant("Han Min-jun", "KR", "Minister of National Defense",
                                           span=name_span("Han Min-jun"), family="Han")],
        statements=[ExtractedStatement(["US"], "We stand together", True, ["Robert Hale"], span(QUOTE))],
        commitments=[ExtractedCommitment(["KR", "US"], "hold a combined missile drill", span=span(PROMISE))],
    )


def evidence_of(found, reference=date(2017, 10, 24)):
    add_evidence(TEXT, sentences(), [found], reference)
    return {(item.kind, item.detail): TEXT[item.span[0]:item.span[1]] if item.span else None
            for item in found.evidence}


def test_the_sentence_that_reports_the_meeting_is_its_first_evidence():
    assert evidence_of(meeting())[("reported", "in person")] == REPORT


def test_a_weekday_in_the_report_dates_the_meeting_there():
    assert evidence_of(meeting())[("dated by", "2017-10-23")] == REPORT


def test_a_day_only_the_dateline_gives_is_dated_by_the_dateline():
    assert evidence_of(meeting(date=date(2017, 10, 24)))[("dated by", "2017-10-24")] == DATELINE


def test_a_day_no_sentence_gives_is_kept_without_a_sentence():
    assert evidence_of(meeting(date=date(2017, 10, 2)))[("dated by", "2017-10-02")] is None


def test_a_weekday_far_from_the_article_day_dates_nothing():
    found = evidence_of(meeting(date=date(2017, 9, 4)), reference=date(2017, 10, 24))
    assert found[("dated by", "2017-09-04")] is None


def test_the_venue_is_placed_by_the_nearest_sentence_naming_it():
    assert evidence_of(meeting(place="defense ministry in Seoul"))[("placed", "defense ministry in Seoul")] == VENUE


def test_each_participant_points_at_the_whole_sentence_naming_them():
    found = evidence_of(meeting())
    assert found[("participant", "Robert Hale")] == REPORT
    assert found[("participant", "Han Min-jun")] == REPORT


def test_a_heading_naming_a_participant_is_evidence_too():
    assert evidence_of(meeting())[("headline", "")] == HEADLINE


def test_statements_and_commitments_are_part_of_the_evidence():
    found = evidence_of(meeting())
    assert found[("statement", "")] == QUOTE
    assert found[("commitment", "")] == PROMISE


def test_evidence_is_listed_in_text_order():
    found = meeting()
    add_evidence(TEXT, sentences(), [found], date(2017, 10, 24))
    starts = [item.span[0] for item in found.evidence if item.span]
    assert starts == sorted(starts)


def test_the_pipeline_fills_each_meetings_evidence():
    article = ("Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles met in Tokyo "
               "on Monday.\nThey agreed to hold a joint air exercise next year.\n")
    document = extract_document("talks.txt", article, KB, published=date(2023, 12, 5))
    kinds = {item.kind for m in document.meetings for item in m.evidence}
    assert document.meetings and {"reported", "dated by"} <= kinds


def test_a_heading_is_evidence_only_where_it_names_the_person_as_a_word():
    found = meeting(place=None)
    found.participants = [ExtractedParticipant("Al Hal", "US", "Secretary of Defense", span=name_span("Robert Hale"),
                                               family="Hal")]    # "Hal" is only inside "Hale"
    add_evidence(TEXT, sentences(), [found], date(2017, 10, 24))
    assert "headline" not in {item.kind for item in found.evidence}
