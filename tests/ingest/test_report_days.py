"""Which day a meeting took place on, from what real reports give: the story's dateline in its many forms, a
roundup's lead, a weekday with its date in brackets, the officials' terms; and what must stay unknown."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text):
    return extract_document("x.txt", text, KB).meetings


def only_meeting(text):
    [meeting] = meetings(text)
    return meeting


def test_dateline_glued_to_the_story_dates_its_weekday():
    text = ("Osaka, Nov. 6 (Agency Press)--Japan and the United States pledged closer ties.\n\n"
            "Japanese Defense Minister Gen Nakatani held video talks with U.S. Defense Secretary Lloyd Austin on "
            "Tuesday.")
    assert only_meeting(text).date == date(2024, 11, 5)


def test_dateline_with_the_agency_after_a_comma_is_the_day_yesterday_counts_from():
    text = ("Perth, April 09, 2024, AGN -- Japanese Defense Minister Minoru Kihara was received yesterday by "
            "Australian Defence Minister Richard Marles at a naval base.")
    assert only_meeting(text).date == date(2024, 4, 8)


def test_a_full_dateline_is_the_story_day_even_under_a_later_page_date():
    text = ("05 June 2024\n\nMarles in Tokyo\n\nTOKYO, June 3, 2024 – Australian Defence Minister Richard Marles "
            "met Japanese Defense Minister Minoru Kihara here today.")
    assert only_meeting(text).date == date(2024, 6, 3)


def test_a_site_clock_line_gives_way_to_the_date_line_that_agrees_with_the_dateline():
    text = ("19 Apr 2026\n\nThursday 16 May 2024 - 10:05\n\nNew Delhi, May 16, AGENCY Indian Defence Minister "
            "Rajnath Singh met Australian Defence Minister Richard Marles in New Delhi on Wednesday.")
    assert only_meeting(text).date == date(2024, 5, 15)


def test_a_weekday_with_its_date_in_brackets_narrows_the_year():
    text = ("Intro.\n\nU.S. Defense Secretary Lloyd Austin met Australian Defence Minister Richard Marles on "
            "Thursday (Nov 7) in Washington.")
    assert only_meeting(text).date == date(2024, 11, 7)


def test_an_undated_later_meeting_does_not_take_the_day_of_the_one_before():
    text = ("Intro.\n\nIndian Defence Minister Rajnath Singh met Australian Defence Minister Richard Marles in "
            "New Delhi on May 14, 2024.\n\nSingh also met Philippine Defense Secretary Gilberto Teodoro.")
    first, second = meetings(text)
    assert first.date == date(2024, 5, 14) and second.date is None


def test_a_roundup_lead_dates_the_bilaterals_it_announces():
    text = ("Intro.\n\nIndian Defence Minister Rajnath Singh held bilateral meetings with counterparts from "
            "Australia and the Philippines in Jakarta on May 14, 2024.\n\nIn his meeting with Philippine Defense "
            "Secretary Gilberto Teodoro, Singh agreed to expand training.")
    assert [m.date for m in meetings(text) if set(m.countries) == {"IN", "PH"}] == [date(2024, 5, 14)]


def test_a_lead_dates_the_meeting_of_the_governments_it_names():
    text = ("Intro.\n\nU.S. Defense Secretary Lloyd Austin discussed the alliance with Japanese officials in "
            "Tokyo on Nov. 18.\n\nAustin met Defense Minister Gen Nakatani at the ministry.")
    assert only_meeting(text).date == date(2024, 11, 18)


def test_a_person_named_in_an_office_the_kb_does_not_record_does_not_date_the_year():
    text = ("Intro.\n\nJapanese Defense Minister Gen Nakatani met Australian Defence Minister Richard Marles and "
            "President Prabowo Subianto in Jakarta on Jan. 15.")
    assert meetings(text)[0].date == date(2025, 1, 15)


def test_earlier_in_the_day_after_an_undated_audience_is_unknown():
    text = ("September 20, 2024\n\nMarles in India\n\nAustralian Defence Minister Richard Marles laid a wreath at "
            "a war memorial in New Delhi.\n\nEarlier in the day, Marles held talks with Indian Defence Minister "
            "Rajnath Singh.")
    assert only_meeting(text).date is None


def test_a_meeting_during_a_multi_day_forum_is_undated():
    text = ("Intro.\n\nThe expo was held in Perth from June 2 to 5, 2023.\n\nOn the sidelines of the "
            "expo, Australian Defence Minister Richard Marles met Japanese Defense Minister Yasukazu Hamada.")
    assert only_meeting(text).date is None


def test_the_day_a_ministry_reported_a_meeting_is_not_the_day_it_was_held():
    text = ("March 9, 2024\n\nTalks\n\nAustralian Defence Minister Richard Marles met Japanese Defense Minister "
            "Minoru Kihara in Canberra, the defence ministry said on Saturday.")
    assert only_meeting(text).date is None


def test_a_meeting_dated_in_its_own_clause_keeps_its_day_before_the_attribution():
    text = ("March 9, 2024\n\nTalks\n\nAustralian Defence Minister Richard Marles met Japanese Defense Minister "
            "Minoru Kihara in Canberra on Thursday, the defence ministry said on Saturday.")
    assert only_meeting(text).date == date(2024, 3, 7)


def test_a_country_named_only_as_where_someone_arrived_does_not_date_the_meeting():
    text = ("Intro.\n\nU.S. Defense Secretary Lloyd Austin arrived in Japan on Nov. 17.\n\n"
            "Austin met Defense Minister Gen Nakatani at the ministry.")
    assert only_meeting(text).date is None


def test_a_photo_caption_dates_a_meeting_of_the_governments_it_shows():
    text = ("A headline\n\nAustralian Defence Minister Richard Marles, left, and Japanese Defense Minister Minoru "
            "Kihara at their talks in Perth on May 2, 2024. (Photo: Agency)\n\nMarles held talks with Kihara on "
            "the future of the alliance.")
    assert only_meeting(text).date == date(2024, 5, 2)


def test_an_official_who_also_met_another_on_the_story_day_met_them_that_day():
    text = ("May 2, 2024\n\nTalks\n\nAustralian Defence Minister Richard Marles met Japanese Defense Minister "
            "Minoru Kihara in Perth today.\n\nMarles also met Philippine Defense Secretary Gilberto Teodoro, "
            "the ministry said.")
    assert [m.date for m in meetings(text)] == [date(2024, 5, 2), date(2024, 5, 2)]


def test_without_also_a_later_meeting_keeps_no_day_of_its_own():
    text = ("May 2, 2024\n\nTalks\n\nAustralian Defence Minister Richard Marles met Japanese Defense Minister "
            "Minoru Kihara in Perth today.\n\nIndian Defence Minister Rajnath Singh met Philippine Defense "
            "Secretary Gilberto Teodoro in Manila.")
    assert [m.date for m in meetings(text)] == [date(2024, 5, 2), None]
