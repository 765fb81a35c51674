"""The publication day in the forms real pages print it: labelled, quoted, bulleted, in a byline, in a press
conference's header, in a bracketed source or closing credit line; and what is not the article's day."""
from datetime import date

import pytest

from ingest.clean import clean
from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()
STORY = "The two ministers spoke at length about training and logistics in the capital."


@pytest.mark.parametrize("line, day", [
    ("Published :`2022-03-14 08:10:05`", date(2022, 3, 14)),
    ("  • 3 Mar. 2009", date(2009, 3, 3)),
    ("5th June, 2020 (AGN)", date(2020, 6, 5)),
    ("Rosa Diaz, Ivan PetrovThursday, 7 March 2024, 18:20", date(2024, 3, 7)),
    ("Presenter: Secretary of Defense A and Minister of Defense B March 3, 2009", date(2009, 3, 3)),
    ("Time & Date: 10:10-10:20 A.M. March 3, 2009(Tokyo time)", date(2009, 3, 3)),
    ("(Source: Ministry of Defence; issued March 3, 2009)", date(2009, 3, 3)),
    ("2009/03/03 10:15", date(2009, 3, 3)),
    ("March 3, 2009|By Ana Ruiz and Ivan Petrov | Staff Writers", date(2009, 3, 3)),
])
def test_a_header_line_gives_the_publication_day(line, day):
    assert clean(f"A headline\n\n{line}\n\n{STORY}").published == day


def test_a_bracketed_credit_line_closing_the_article_gives_the_publication_day():
    assert clean(f"A headline\n\n{STORY}\n\n(Agency News Service March 3, 2009)").published == date(2009, 3, 3)


def test_a_headline_ending_in_a_date_is_not_a_publication_line():
    assert clean(f"Ministers to meet again on March 3, 2009\n\n{STORY}").published is None


def test_a_byline_run_into_the_story_dates_the_story_not_its_meeting():
    text = ("By Ana Ruiz/Agency June 10, 2024 Australian Defence Minister Richard Marles met Japanese Defense "
            "Minister Minoru Kihara in Tokyo on June 6.")
    document = extract_document("x.txt", text, KB)
    assert document.published == date(2024, 6, 10)
    assert [m.date for m in document.meetings] == [date(2024, 6, 6)]


def test_a_yearless_posted_line_takes_the_year_its_weekday_and_the_officials_allow():
    text = ("Posted Thu 7 Nov\n\nA headline\n\nU.S. Defense Secretary Lloyd Austin met Australian Defence Minister "
            "Richard Marles today in Washington.")
    assert [m.date for m in extract_document("x.txt", text, KB).meetings] == [date(2024, 11, 7)]


def test_an_archive_photo_credited_as_a_file_does_not_date_the_story():
    text = ("A headline\n\nMarles at a ceremony in Canberra, March 3, 2023. (AP Photo/Jo Smith, File)\n\n"
            "Australian Defence Minister Richard Marles spoke by phone today with Japanese Defense Minister "
            "Minoru Kihara.")
    assert [m.date for m in extract_document("x.txt", text, KB).meetings] == [None]


def test_a_caption_of_two_photos_of_two_days_does_not_date_the_story():
    text = ("A headline\n\nLeft: Marles in Canberra, March 3, 2023; right: Kihara in Tokyo, May 9, 2024. "
            "(Photos: Agency)\n\nAustralian Defence Minister Richard Marles spoke by phone today with Japanese "
            "Defense Minister Minoru Kihara.")
    assert [m.date for m in extract_document("x.txt", text, KB).meetings] == [None]


def test_of_two_date_lines_above_the_story_the_nearer_one_is_its_day():
    text = ("Sunday, May 12, 2024\n\nMinisters' Remarks at a Bilateral Meeting\n\n May 10, 2024\n\n"
            "SECRETARY AUSTIN: Welcome to the Pentagon, Minister Marles; we meet today to talk about submarines.")
    assert clean(text).published == date(2024, 5, 10)


def test_a_last_updated_line_is_not_the_publication_day():
    assert clean(f"A headline\n\n• 3 Mar. 2009\n\nLast updated: 4 Mar. 2009 10:12\n\n{STORY}").published == \
        date(2009, 3, 3)


def test_a_last_updated_line_dates_a_page_that_gives_no_other_day():
    assert clean(f"A headline\n\nLast updated at: (Tokyo Time) Monday, March 02, 2009\n\n{STORY}").published == \
        date(2009, 3, 2)


def test_a_headline_ending_in_its_updated_time_stands_apart_from_the_wrapped_story():
    text = ("Japan, Peru defense chiefs agree to widen ties (Wire) Updated: 2009-03-02 21:40\n"
            "Japanese Defense Minister Taro Kono and his Peruvian\n"
            "counterpart Jorge Chavez agreed on Monday to widen military\n"
            "exchanges between their forces and to hold talks again next year in the\n"
            "Peruvian capital.\n")
    article = clean(text)
    assert article.published == date(2009, 3, 2)
    assert article.title == "Japan, Peru defense chiefs agree to widen ties (Wire)"


def test_a_labelled_headline_announcing_a_date_is_not_a_publication_line():
    assert clean(f"Preview: Ministers Meet in Tokyo on March 3, 2009\n\n{STORY}").published is None


def test_a_copyright_year_does_not_date_the_story():
    text = ("A headline\n\nAustralian Defence Minister Richard Marles spoke by phone today with Japanese Defense "
            "Minister Minoru Kihara.\n\n© 2024 Agency Name, all rights reserved 2024-01-01")
    assert [m.date for m in extract_document("x.txt", text, KB).meetings] == [None]


def test_a_transcript_header_is_read_past_its_label_only_lines_to_the_presenter_line():
    text = ("Department of Defense\n\nNews Transcript\n\nOn the Web:\n\nhttps://example.org/t/42\n\n"
            "Press contact:\n\n+1 555 0100\n\nContact form\n\n"
            "Presenter: Secretary of Defense A and Minister of Defense B May 5, 2005\n\n"
            f"Press Availability after their meeting\n\nSECRETARY A: {STORY}")
    assert clean(text).published == date(2005, 5, 5)


def test_a_source_note_naming_a_briefing_and_its_day_gives_the_publication_day():
    text = ("Ministers talk at the Pentagon\n\nSource: A transcript from the ministry. News Briefing: Secretary "
            f"of Defense A, Tuesday, May 3, 2005. Remarks outside the building with Minister B.\n\nA: {STORY}")
    assert clean(text).published == date(2005, 5, 3)


@pytest.mark.parametrize("line, day", [
    ("Radio News | May 7, 2022 3:15 PM", date(2022, 5, 7)),
    ("05/27/2022 | 09:40am EST", date(2022, 5, 27)),
    ("March 4, 2019 – Ottawa, Canada – Ministry of Defence", date(2019, 3, 4)),
])
def test_a_header_line_of_fields_one_of_them_a_date_gives_the_publication_day(line, day):
    assert clean(f"A headline\n\n{line}\n\n{STORY}").published == day


def test_a_headline_with_a_dash_and_no_date_is_no_date_line():
    assert clean(f"Ministers meet - talks on drills\n\n{STORY}").published is None


def test_a_stray_word_after_a_date_line_does_not_join_it():
    assert clean(f"A headline\n2 March 2020  10:05\nphoto\n{STORY}").published == date(2020, 3, 2)


@pytest.mark.parametrize("line, day", [
    ("[Date] March 3, 2009", date(2009, 3, 3)),
    ("Ministry of Defence of Estonia, posted 3 March 2009 10:45", date(2009, 3, 3)),
])
def test_a_bracketed_field_label_or_a_label_after_the_publisher_gives_the_publication_day(line, day):
    assert clean(f"A headline\n\n{line}\n\n{STORY}").published == day


@pytest.mark.parametrize("line, day", [
    ("May 7, 2022 at 3:15 p.m. EST", date(2022, 5, 7)),
    ("Sat, 07 May 2022 15:15:00 GMT", date(2022, 5, 7)),
    ("May 07, 2022 03:15 PM IST", date(2022, 5, 7)),
    ("May 7, 2022 / 3:15 PM / Updated an hour ago", date(2022, 5, 7)),
])
def test_a_date_line_with_its_time_and_zone_gives_the_publication_day(line, day):
    assert clean(f"A headline\n\n{line}\n\n{STORY}").published == day


@pytest.mark.parametrize("lead", [
    "TOKYO, Japan (May 8,2024) – Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard "
    "Marles signed a training accord yesterday.",
    "TOKYO (Pacific Wire / Agency - 8th May, 2024) Japanese Defense Minister Minoru Kihara and Australian Defence "
    "Minister Richard Marles signed a training accord yesterday.",
])
def test_a_date_in_the_datelines_brackets_is_the_storys_day(lead):
    [found] = extract_document("test.txt", f"Japan and Australia sign accord\n\n{lead}", KB).meetings
    assert found.date == date(2024, 5, 7)


def test_a_heading_with_a_byline_after_its_date_is_read_in_linear_time():
    # The words after a date were read by nested repeats that backtracked for minutes over a byline that does not
    # end the line: this line took four minutes before.
    cleaned = clean("Ministers meet\n\nMarch 3, 2009 By Ana Ruiz and Ivan Petrov and Maria Lopez, Staff Writers\n\n"
                    + STORY)
    assert cleaned.published is None
