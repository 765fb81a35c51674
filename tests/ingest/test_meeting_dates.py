"""Meeting days the text gives only indirectly: a yearless dateline and the lead's weekday, a slashed publication
line, an event the meeting was held on the sidelines of, a transcript's header; and triggers these depend on."""
from datetime import date

from ingest.pipeline import extract_document, read_article
from ingest.sentences import split_sentences
from ingest.statements import transcript_label
from testkb import small_kb

KB = small_kb()


def only_meeting(text):
    [meeting] = extract_document("x.txt", text, KB).meetings
    return meeting


def test_lead_weekday_after_a_dateline_alone_on_its_line_gives_the_year():
    text = ("Ministers talk about drones\n\nPARIS, 3 Oct. (AGENCY) -\n\n"
            "French Armed Forces Minister Sébastien Lecornu received this Tuesday Japanese Defense Minister "
            "Minoru Kihara, with whom he held talks on drones.")
    assert only_meeting(text).date == date(2023, 10, 3)


def test_a_dateline_with_nothing_after_it_on_its_line_dates_today_not_the_later_publication_line():
    text = ("Published 2024-10-23\n\nParis, October 22\n\n"
            "French Armed Forces Minister Sébastien Lecornu spoke with Japanese Defense Minister Minoru Kihara by "
            "phone today.")
    assert only_meeting(text).date == date(2024, 10, 22)


def test_a_release_date_before_a_dash_is_the_day_the_lead_counts_its_weekday_back_from():
    text = ("October 23, 2024 – French Armed Forces Minister Sébastien Lecornu met Japanese Defense Minister Minoru "
            "Kihara in Paris on Tuesday.")
    assert only_meeting(text).date == date(2024, 10, 22)


def test_the_weekday_a_source_revealed_a_meeting_held_this_week_on_is_not_its_day():
    text = ("Published on 15.05.2024\n\nJapanese Defense Minister Minoru Kihara met this week his Australian "
            "counterpart Richard Marles, a military source revealed Tuesday in Tokyo.")
    assert only_meeting(text).date is None


def test_yearless_dateline_falls_on_the_weekday_its_lead_tells_the_event_on():
    text = ("CANBERRA, Nov. 15 (AAP) -- Australia and the United States signed Wednesday a pact on missiles.\n\n"
            "Australian Defence Minister Richard Marles said at a joint press conference with U.S. Defense "
            "Secretary Lloyd Austin that the pact would speed up production.")
    assert only_meeting(text).date == date(2023, 11, 15)


def test_yearless_dateline_may_fall_the_day_after_the_weekday_its_lead_tells():
    text = ("CANBERRA, Nov. 15 (AAP) -- Australia and the United States signed Thursday a pact on missiles.\n\n"
            "Australian Defence Minister Richard Marles said at a joint press conference with U.S. Defense "
            "Secretary Lloyd Austin that the pact would speed up production.")
    assert only_meeting(text).date == date(2024, 11, 14)


def test_lead_weekday_days_before_a_dateline_whose_year_the_terms_fix_counts_back_from_it():
    text = ("SEOUL, Oct. 10 (Agency) -- South Korean Defense Minister Kim Yong-hyun met U.S. Defense Secretary "
            "Lloyd Austin in Seoul Monday.")
    assert only_meeting(text).date == date(2024, 10, 7)


def test_lead_weekday_that_fits_two_years_of_the_terms_leaves_the_day_unknown():
    text = ("CANBERRA, Nov. 15 (AAP) -- Australia and the United States signed Tuesday a pact on missiles.\n\n"
            "Australian Defence Minister Richard Marles said at a joint press conference with U.S. Defense "
            "Secretary Lloyd Austin that the pact would speed up production.")
    assert only_meeting(text).date is None


def test_slashed_publication_line_agrees_with_a_yearless_dateline():
    text = ("Drills to expand\n\n03/10/2024 09:15 AM\n\n"
            "SEOUL, Oct 3 (Agency) -- South Korean Defense Minister Kim Yong-hyun met U.S. Defense Secretary "
            "Lloyd Austin here today.")
    assert only_meeting(text).date == date(2024, 10, 3)


def test_sidelines_meeting_takes_the_day_of_the_event_it_refers_back_to():
    text = ("Intro.\n\nIndian Defence Minister Rajnath Singh attended the regional defence forum in Jakarta on "
            "May 14, 2024.\n\nOn the sidelines of the forum, Singh held talks with Australian Defence Minister "
            "Richard Marles.")
    assert only_meeting(text).date == date(2024, 5, 14)


def test_reporting_pronoun_took_part_in_the_meeting_it_reports():
    text = ("Intro.\n\nAustralian Defence Minister Richard Marles spoke to reporters in Canberra on March 4, 2024."
            "\n\nHe said the plan was settled during a long meeting with Indian Defence Minister Rajnath Singh.")
    assert set(only_meeting(text).countries) == {"AU", "IN"}


def test_abbreviated_transcript_label_is_one_sentence_and_one_label():
    text = "MIN. KIHARA (through interpreter): We have just met. Thank you."
    first = split_sentences(text)[0]
    assert text[slice(*first)] == "MIN. KIHARA (through interpreter): We have just met."
    label = transcript_label(text, 0, len(text))
    assert text[slice(*label)] == "MIN. KIHARA"


def test_meeting_a_transcript_speaker_has_just_held_is_on_the_transcript_day():
    text = ("Joint Press Conference with Australian Defence Minister Richard Marles\n\nMarch 12, 2024\n\n"
            "MIN. MARLES: We have just concluded a good meeting with Japanese Defense Minister Minoru Kihara here in Canberra.")
    assert only_meeting(text).date == date(2024, 3, 12)


def test_meeting_a_transcript_speaker_tells_in_the_plain_past_is_on_the_transcript_day():
    text = ("Press Availability with Australian Defence Minister Richard Marles\n\nMarch 12, 2024\n\n"
            "MIN. MARLES: Japanese Defense Minister Minoru Kihara and I, we had a very useful discussion.")
    assert only_meeting(text).date == date(2024, 3, 12)

def test_a_former_defense_minister_named_in_another_office_does_not_void_the_articles_day():
    text = ("Published: 2025-06-03\n\nIndonesian Defense Minister Budi Santoso met Malaysian Defence Minister Ahmad "
            "Rahman in Jakarta on Tuesday. Indonesian President Prabowo Subianto welcomed the talks.")
    assert only_meeting(text).date == date(2025, 6, 3)

def test_a_quoted_term_does_not_end_the_clause_of_a_plan():
    text = ('Intro.\n\nKihara is scheduled to hold a "two-plus-two" security meeting with U.S. Defense Secretary '
            "Lloyd Austin in January.")
    assert extract_document("x.txt", text, KB).meetings == []


def test_yearless_dateline_never_takes_a_year_after_today(monkeypatch):
    import ingest.meetings.days as days
    monkeypatch.setattr(days, "_today", lambda: date(2026, 12, 6))
    # 2027 would fit both terms too; it is after today.
    text = ("Allies talk shipbuilding\n\nLONDON, Jan. 23 (Agency) -- U.S. Defense Secretary Pete Hegseth met "
            "British Defence Secretary John Healey in London on Friday to discuss shipbuilding.")
    assert only_meeting(text).date == date(2026, 1, 23)


def test_counterpart_named_only_after_the_report_gives_the_year_by_his_term():
    text = ("Minister meets two counterparts\n\nJakarta (Agency) - Indian Defence Minister Rajnath Singh held "
            "bilateral meetings with defence leaders from Japan and the Philippines on the sidelines of a regional "
            "forum in Jakarta on November 16.\n\nWelcoming his Japanese counterpart Minoru Kihara, Singh said "
            "the ties had grown fast.\n\nSingh and Philippine Defense Secretary Gilberto Teodoro agreed to hold "
            "more exercises.")
    meetings = extract_document("x.txt", text, KB).meetings
    assert {m.date for m in meetings} == {date(2023, 11, 16)}


def test_a_date_line_outside_every_named_officials_term_is_not_the_story_day():
    # A crawl's date line above the story: neither minister held office on it.
    text = ("19 Apr 2030\n\nMinisters meet in Seoul\n\nU.S. Defense Secretary Lloyd Austin met South Korean "
            "Defense Minister Shin Won-sik in Seoul on Monday.")
    doc = extract_document("x.txt", text, KB)
    assert doc.published is None
    assert doc.meetings[0].date is None


def test_a_meeting_the_lead_dates_vaguely_does_not_take_the_datelines_day():
    text = ("Allies talk\n\nSEOUL, March 5 (Agency) -- South Korean Defense Minister Shin Won-sik met U.S. Defense "
            "Secretary Lloyd Austin in Seoul last week to discuss drills.")
    assert only_meeting(text).date is None


def test_a_former_official_named_in_the_story_does_not_narrow_the_meetings_year():
    text = ("Ministers meet\n\nSouth Korean Defense Minister Shin Won-sik met his Japanese counterpart in Seoul on "
            "Feb. 6. Former Japanese Defense Minister Yasukazu Hamada joined a dinner later.")
    # Shin's term holds one Feb. 6; Hamada's, over by then, would leave none.
    assert only_meeting(text).date == date(2024, 2, 6)


def test_the_day_an_official_arrived_is_not_the_day_of_a_meeting_told_without_one():
    text = ("U.S. Defense Secretary Lloyd Austin arrived in Tokyo today from Seoul, where he held talks with South "
            "Korean Defense Minister Kim Yong-hyun.")
    [meeting] = extract_document("x.txt", text, KB, published=date(2024, 10, 4)).meetings
    assert meeting.date is None


def test_the_day_an_official_departed_after_meetings_is_not_their_day():
    text = ("Australian Defence Minister Richard Marles left Jakarta on Friday after holding talks with Indonesian "
            "Defense Minister Prabowo Subianto.")
    [meeting] = extract_document("x.txt", text, KB, published=date(2024, 5, 12)).meetings
    assert meeting.date is None


def test_a_yearless_dateline_a_day_before_the_page_date_is_the_day_today_means():
    meeting = only_meeting("Austin in Manila\nPublished: 2024-03-05\n\nManila, Mar. 4 (Wire): Philippine Defense "
                           "Secretary Gilberto Teodoro today received US Defense Secretary Lloyd Austin.")
    assert meeting.date == date(2024, 3, 4)


def test_a_month_abbreviation_run_into_its_day_is_a_date():
    meeting = only_meeting("Austin in Manila\nPublished: 2024-03-05\n\nManila, Mar.4 (Wire): Philippine Defense "
                           "Secretary Gilberto Teodoro today received US Defense Secretary Lloyd Austin.")
    assert meeting.date == date(2024, 3, 4)


def test_the_day_a_trip_began_does_not_date_the_talks_on_it():
    meeting = only_meeting("Kihara visit\nPublished: 2024-05-09\n\nJapanese Defense Minister Minoru Kihara held "
                           "talks with Australian Defence Minister Richard Marles, a ministry statement said on "
                           "Wednesday. Kihara started a trip to the Australian capital on Saturday, leading a "
                           "delegation.")
    assert meeting.date is None


def test_a_date_spelled_out_after_yesterday_is_the_day():
    meeting = only_meeting("Kihara in Canberra\nPublished: 2024-05-20\n\nAustralian Defence Minister Richard Marles "
                           "received Japanese Defense Minister Minoru Kihara yesterday, May 6.")
    assert meeting.date == date(2024, 5, 6)


def test_the_day_a_ministry_said_that_talks_were_held_is_not_their_day():
    meeting = only_meeting("Kihara in Canberra\nPublished: 2024-05-20\n\nThe ministry said on May 8 that Japanese "
                           "Defense Minister Minoru Kihara held talks with Australian Defence Minister Richard Marles.")
    assert meeting.date is None


def test_a_wire_dateline_after_an_aggregators_credit_is_the_storys_dateline():
    text = ("(Wire- Philippine News Agency (PNA)) MANILA, May 7 (PNA) -- Philippine Defense Secretary Gilberto "
            "Teodoro spoke on Tuesday over the phone with Japanese Defense Minister Minoru Kihara.")
    _, view, _ = read_article("x.txt", text, KB)
    assert text[:view.dateline_end].endswith("(PNA) --")


def test_the_first_day_of_a_dialogue_that_lasts_does_not_date_it():
    text = ("Japan and India hold defense talks\n\nMay 9, 2024\n\n"
            "The annual Japan-India Defense Dialogue commenced on Monday (May 6) in Tokyo. "
            "Japanese Defense Minister Minoru Kihara met Indian Defence Minister Rajnath Singh at the dialogue.")
    assert only_meeting(text).date is None


def test_the_day_a_visit_started_does_not_date_the_talks_during_it():
    text = ("Published: May 10, 2024\n\nJapanese Defense Minister Ends Visit to India\n\n"
            "During his visit, Kihara held talks with his counterpart, Indian Defence Minister Rajnath Singh. "
            "Japanese Defense Minister Minoru Kihara described the visit starting Monday as a success.")
    assert only_meeting(text).date is None


def test_talks_held_on_a_day_are_dated_though_a_visit_began_before():
    text = ("Published: May 10, 2024\n\nJapanese Defense Minister Minoru Kihara began a visit to India on Monday. "
            "He held talks with Indian Defence Minister Rajnath Singh in New Delhi on Wednesday.")
    assert only_meeting(text).date == date(2024, 5, 8)


def test_a_meeting_held_on_two_days_joined_by_and_has_no_one_day():
    text = ("We, the defence ministers, Japanese Defense Minister Minoru Kihara and Australian Defence Minister "
            "Richard Marles, have met in Tokyo on 14 and 15 March 2024 to continue our talks.")
    assert only_meeting(text).date is None


def test_a_meeting_told_a_day_earlier_is_its_own_meeting_on_the_day_before():
    found = extract_document("t.txt", "CANBERRA, May 9, 2024: Japanese Defense Minister Minoru Kihara met Australian "
                             "Defence Minister Richard Marles on Thursday.\n\nA day earlier, Kihara met Australian "
                             "Chief of the Defence Force Angus Campbell.", KB).meetings
    assert sorted(m.date for m in found) == [date(2024, 5, 8), date(2024, 5, 9)]


def test_of_the_years_the_terms_allow_the_one_the_article_names_dates_a_yearless_dateline():
    meeting = only_meeting("NEW DELHI, May 16 (PTI) - Defence Minister Rajnath Singh held talks with Australian Defence "
                           "Minister Richard Marles. They reviewed plans for the Malabar-2024 naval exercise.")
    assert meeting.date == date(2024, 5, 16)
