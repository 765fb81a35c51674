"""Encounters only planned or denied, days that belong to the report, and participants named by label or title."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=date(2024, 5, 9)):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_a_call_the_clause_after_it_calls_planned_is_not_held():
    assert meetings("A phone call between Japanese Defense Minister Minoru Kihara and Australian Defence Minister "
                    "Richard Marles is planned for the coming days, an official said.") == []


def test_talks_not_yet_held_are_not_a_meeting():
    assert meetings("A spokesperson said Japanese Defense Minister Minoru Kihara had not yet held talks with "
                    "Australian Defence Minister Richard Marles on the matter.") == []


def test_spoke_yesterday_with_is_a_phone_call():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara spoke yesterday with Australian Defence Minister "
                         "Richard Marles about the exercise.")
    assert (meeting.format, meeting.date) == ("phone", date(2024, 5, 8))


def test_transcript_labels_with_accented_capitals_name_the_speakers():
    [meeting] = meetings("Press conference of French Armed Forces Minister Sébastien Lecornu and Australian Defence "
                         "Minister Richard Marles\n\n"
                         "SÉBASTIEN LECORNU: We had a very good meeting this morning.\n\n"
                         "RICHARD MARLES: Thank you, Sébastien. France is a close partner.")
    assert meeting.countries == ["AU", "FR"]


def test_an_agency_in_brackets_without_a_dash_ends_the_dateline():
    [meeting] = meetings("Published: 25 Jul 2023\n\nNew Delhi, Jul 25 (PTI) Defence Minister Rajnath Singh on Monday "
                         "held talks with Australian Defence Minister Richard Marles.", published=None)
    assert meeting.date == date(2023, 7, 24)


def test_the_weekday_of_the_report_does_not_date_a_meeting_held_last_week():
    [meeting] = meetings("U.S. Defense Secretary Lloyd Austin met with Japanese Defense Minister Minoru Kihara, a "
                         "longtime partner, last week in Tokyo, the Pentagon said Monday.")
    assert meeting.date is None


def test_an_archive_photo_caption_does_not_date_the_story():
    [meeting] = meetings("FILE - Japanese Defense Minister Minoru Kihara at a ceremony in Tokyo, Sept. 16, 2023. "
                         "(AP Photo/File)\n\nJapanese Defense Minister Minoru Kihara met Australian Defence Minister "
                         "Richard Marles in Canberra on Tuesday.", published=None)
    assert meeting.date is None


def test_countries_in_a_relative_clause_about_a_participant_are_not_at_the_table():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara met in Canberra on Tuesday with his Australian "
                         "counterpart, Richard Marles, who thanked Japan for its support to the Philippines.")
    assert meeting.countries == ["AU", "JP"]


def test_ministers_from_all_the_allies_and_a_bilateral_with_the_secretary_named_by_title():
    found = meetings("British Defence Secretary John Healey joined defence ministers from all five NATO Allies in "
                     "Brussels on Tuesday. On the margins of the meeting, the Defence Secretary held a bilateral "
                     "meeting with French Armed Forces Minister Sébastien Lecornu.", published=date(2024, 10, 17))
    assert [m.countries for m in found] == [["EE", "FR", "GB", "PL", "US"], ["FR", "GB"]]


def test_talks_named_as_where_they_agreed_to_act_were_held():
    found = meetings("SEOUL, July 11 (Wire) -- The defense chiefs of South Korea and Japan agreed to cooperate "
                     "closely against missile threats in their phone talks Thursday, the ministry said.",
                     published=date(2024, 7, 11))
    assert [(sorted(m.countries), m.format) for m in found] == [(["JP", "KR"], "phone")]


def test_an_agreement_to_hold_talks_is_a_plan():
    assert meetings("SEOUL, July 11 (Wire) -- South Korea and Japan agreed to hold phone talks next week on missile "
                    "threats, the ministry said.", published=date(2024, 7, 11)) == []
