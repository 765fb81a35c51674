"""When no body sentence reports a meeting in words the sentence rules know, the headline and lead still tell of
it: an encounter word reported as held, and officials of two governments each named with an office. Every
sentence here is written for the test."""
from datetime import date

import ingest.meetings
from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_officials_of_two_governments_named_by_demonym_and_office_who_signed_together_met():
    found = meetings("Japan, Philippines seal logistics pact\n\n"
                     "The Japanese and Philippine defence ministers finalized a logistics accord in Manila on "
                     "Tuesday.\n\nThe accord covers fuel and spare parts.", date(2024, 7, 10))
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "PH"], date(2024, 7, 9))]


def test_a_headline_in_the_present_tense_reports_a_held_call_the_lead_tells_of():
    found = meetings("Austin speaks with Marles on shipyard plans\n\n"
                     "Secretary of Defense Lloyd Austin was on the phone with Richard Marles for an hour.\n\n"
                     "Both men praised the shipyard workers.", date(2024, 3, 4))
    assert [(sorted(m.countries), m.format, m.place) for m in found] == [(["AU", "US"], "phone", None)]
    assert sorted(p.name for p in found[0].participants) == ["Lloyd Austin", "Richard Marles"]


def test_two_delegations_led_by_named_officials_at_a_session_held_in_the_lead():
    found = meetings("Joint defence committee convenes\n\n"
                     "The second session of the India-Japan defence committee was held in Tokyo on Monday.\n\n"
                     "The Indian delegation was headed by Defence Minister Rajnath Singh while the Japanese side was "
                     "headed by Defense Minister Minoru Kihara.", date(2024, 5, 14))
    assert [sorted(m.countries) for m in found] == [["IN", "JP"]]
    assert sorted(p.name for p in found[0].participants) == ["Minoru Kihara", "Rajnath Singh"]


def test_a_headline_preview_is_no_meeting_even_if_the_lead_names_both_sides():
    assert meetings("Marles to visit Tokyo next week\n\n"
                    "The Australian and Japanese defence ministers finalized the trip's agenda on Monday.",
                    date(2024, 5, 1)) == []


def test_the_same_lead_under_a_headline_of_a_held_visit_is_a_meeting():
    found = meetings("Marles visits Tokyo\n\n"
                     "The Australian and Japanese defence ministers finalized a training plan on Monday.",
                     date(2024, 5, 1))
    assert [(sorted(m.countries), m.date) for m in found] == [(["AU", "JP"], date(2024, 4, 29))]


def test_one_governments_officials_in_the_lead_are_no_meeting():
    assert meetings("Healey tours shipyard\n\n"
                    "British Defence Secretary John Healey and British officials visited a shipyard in Glasgow on "
                    "Friday.", date(2024, 9, 7)) == []


def test_a_call_on_another_government_is_no_encounter():
    assert meetings("Austin calls on China to halt drills\n\n"
                    "Secretary of Defense Lloyd Austin and Chinese officials traded accusations in statements "
                    "on Friday.", date(2024, 9, 7)) == []


def test_an_earlier_meeting_in_the_lead_is_context():
    assert meetings("Defence ties under review\n\n"
                    "The Japanese and Australian defence ministers last met in Darwin.\n\n"
                    "Officials are reviewing the plans.", date(2024, 9, 7)) == []


def test_a_briefing_by_one_minister_who_tells_of_bilaterals_in_the_first_person_gives_one_meeting_each():
    found = meetings("Press briefing\n\nby Lloyd Austin, Secretary of Defense\n\n"
                     "Thank you all for coming. This morning I held bilaterals with Japanese Defense Minister Minoru "
                     "Kihara, with the Australian Defence Minister, Richard Marles.", date(2024, 6, 1))
    assert sorted(tuple(m.countries) for m in found) == [("AU", "US"), ("JP", "US")]


def test_a_ministry_release_in_its_ministers_voice_stands_for_its_government():
    found = meetings("India and Japan deepen defence ties\n\n(Source: Indian Ministry of Defence)\n\n"
                     "Today I met with Japan's Defense Minister Minoru Kihara to discuss joint exercises.",
                     date(2024, 6, 1))
    assert [(sorted(m.countries), [p.name for p in m.participants]) for m in found] == \
        [(["IN", "JP"], ["Minoru Kihara"])]


def test_a_first_person_plan_is_no_meeting():
    assert meetings("Press briefing\n\nby Lloyd Austin, Secretary of Defense\n\n"
                    "Tomorrow I will meet Japanese Defense Minister Minoru Kihara in Tokyo.", date(2024, 6, 1)) == []


def test_a_government_the_lead_names_without_an_office_is_not_at_the_table():
    found = meetings("Pact for the islands\n\n"
                     "The Indian and Japanese defence ministers signed a pact aboard a Philippine coast guard ship on "
                     "Tuesday.", date(2024, 7, 10))
    assert [sorted(m.countries) for m in found] == [["IN", "JP"]]


def test_governments_named_after_the_office_count_as_named_with_it():
    found = meetings("New memorandum on training\n\n"
                     "The vice defence ministers of Japan and India signed a training memorandum in Delhi on Tuesday.",
                     date(2024, 7, 10))
    assert [sorted(m.countries) for m in found] == [["IN", "JP"]]


def test_a_lead_that_first_tells_of_the_encounter_as_to_come_is_an_announcement():
    assert meetings("Defence dialogue\n\n"
                    "The defence ministers of India and Japan will preside in Delhi on Friday, July 12, over the first "
                    "session of their new dialogue.\n\n"
                    "The dialogue between India and Japan serves regional peace.", date(2024, 7, 10)) == []


def test_a_news_page_that_quotes_a_minister_saying_we_is_not_in_his_voice():
    assert meetings("Kihara hopes for more drills\n\nMinoru Kihara.\n\n"
                    "Japanese Defense Minister Minoru Kihara addressed a business forum in Tokyo on Tuesday.\n\n"
                    "“We discussed the drills with Lloyd Austin,” Kihara told the forum.", date(2024, 7, 10)) == []


def test_a_heading_that_only_names_a_minister_does_not_make_the_page_his():
    assert meetings("Drills on the agenda\n\nMinoru Kihara\n\n"
                    "At the forum on Tuesday we discussed the drills with Lloyd Austin, a delegate said.",
                    date(2024, 7, 10)) == []


def test_a_head_of_state_receiving_a_visiting_minister_alone_is_no_meeting():
    assert meetings("Marles in Jakarta\n\n"
                    "The Indonesian President received Australian Defence Minister Richard Marles at the palace on "
                    "Monday.\n\nThe two discussed maritime patrols.", date(2024, 7, 10)) == []


def lead_only(monkeypatch, text, published):
    """What the headline and lead alone give, as when no body sentence reports the meeting in words the rules know."""
    import ingest.meetings
    monkeypatch.setattr(ingest.meetings, "_find_drafts", lambda view: [])
    return meetings(text, published)


def test_a_first_meeting_is_the_one_the_lead_reports_not_an_earlier_one(monkeypatch):
    found = lead_only(monkeypatch, "Kihara and Austin compare notes\n\n"
                      "In the first meeting between Japanese Defense Minister Minoru Kihara and his U.S. counterpart "
                      "Lloyd Austin, the pair went over regional issues on Friday.", date(2024, 7, 13))
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "US"], date(2024, 7, 12))]


def test_since_they_first_met_speaks_of_an_earlier_encounter(monkeypatch):
    assert lead_only(monkeypatch, "Kihara and Austin compare notes\n\n"
                     "Japanese Defense Minister Minoru Kihara said ties with U.S. Defense Secretary Lloyd Austin had "
                     "grown since they first met in 2023.", date(2024, 7, 13)) == []


def test_bilateral_meetings_the_lead_lists_are_one_encounter_per_counterpart(monkeypatch):
    found = lead_only(monkeypatch, "Vietnamese minister holds talks on forum sidelines\n\n"
                      "Vietnamese Defence Minister Phan Van Giang held bilateral meetings with the defence ministers "
                      "of India, Japan and the Philippines in Jakarta on Thursday.", date(2023, 11, 17))
    assert sorted(sorted(m.countries) for m in found) == [["IN", "VN"], ["JP", "VN"], ["PH", "VN"]]


def test_ministers_the_lead_says_met_together_are_one_meeting(monkeypatch):
    found = lead_only(monkeypatch, "Ministers hold trilateral talks\n\n"
                      "The defence ministers of India, Japan and the Philippines held a trilateral meeting in Jakarta "
                      "on Thursday.", date(2023, 11, 17))
    assert [sorted(m.countries) for m in found] == [["IN", "JP", "PH"]]


def test_what_comes_after_the_meeting_places_the_meeting_before_it(monkeypatch):
    found = lead_only(monkeypatch, "Joint press conference\n\nPresenter: Secretary of Defense Lloyd Austin\n\n"
                      "MODERATOR: We will now begin the joint press conference after the defense ministers' meeting of "
                      "Japan and the United States.\n\n"
                      "We will first hear from Defense Minister Minoru Kihara.", date(2024, 5, 2))
    assert [sorted(m.countries) for m in found] == [["JP", "US"]]


def test_a_lead_that_tells_of_talks_ahead_is_an_announcement(monkeypatch):
    assert lead_only(monkeypatch, "Ministers to confer\n\n"
                     "The Japanese and Australian defence ministers will begin talks in Tokyo ahead of the summit.",
                     date(2024, 5, 2)) == []


def test_words_spoken_at_a_meeting_report_the_meeting(monkeypatch):
    found = lead_only(monkeypatch, "Ties expanding, minister says\n\n"
                      "Cooperation is growing, Japanese Defense Minister Minoru Kihara said at a meeting with U.S. "
                      "Defense Secretary Lloyd Austin in Tokyo on Friday.", date(2024, 7, 13))
    assert [sorted(m.countries) for m in found] == [["JP", "US"]]


def test_what_one_says_another_agreed_to_is_no_meeting(monkeypatch):
    assert lead_only(monkeypatch, "Minister hopeful on pact\n\n"
                     "Japanese Defense Minister Minoru Kihara said U.S. Defense Secretary Lloyd Austin agreed with the "
                     "plan.", date(2024, 7, 13)) == []


def test_an_encounter_in_the_attribution_after_a_quote_is_reported(monkeypatch):
    found = lead_only(monkeypatch, "Ties strong, says Kihara\n\n"
                      "\"Our forces train together every year,\" Japanese Defense Minister Minoru Kihara told reporters "
                      "after receiving a courtesy call from U.S. Defense Secretary Lloyd Austin in Tokyo on Tuesday.",
                      date(2024, 7, 10))
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "US"], date(2024, 7, 9))]


def test_an_encounter_inside_a_quote_may_be_any_earlier_one(monkeypatch):
    assert lead_only(monkeypatch, "Ties strong, says Kihara\n\n"
                     "\"We discussed it when I received a courtesy call from U.S. Defense Secretary Lloyd Austin,\" "
                     "Japanese Defense Minister Minoru Kihara said.", date(2024, 7, 10)) == []



def test_agreeing_to_work_together_is_no_plan_that_hides_the_talks_the_lead_reports():
    found = meetings("Tokyo and Seoul vow closer defence ties\n\n"
                     "The Japanese and South Korean defence ministers have agreed to work together against missile "
                     "threats.\n\nIn their video talks on Monday, the ministers also discussed drills.", date(2024, 5, 14))
    assert [(sorted(m.countries), m.format, m.date) for m in found] == [(["JP", "KR"], "video", date(2024, 5, 13))]


def test_a_gathering_that_brought_officials_together_is_an_encounter_word():
    found = meetings("Regional defence forum\n\n"
                     "The forum brought together the Malaysian and Thai defence ministers in Bangkok on Tuesday.",
                     date(2024, 5, 15))
    assert [sorted(m.countries) for m in found] == [["MY", "TH"]]



def test_a_wire_leads_later_sentence_dates_the_talks_its_first_sentence_dates_only_by_the_dateline(monkeypatch):
    # The fallback alone, as on an article whose body words the sentence rules do not know.
    monkeypatch.setattr(ingest.meetings, "_find_drafts", lambda view: [])
    found = meetings("Tokyo and Seoul vow closer defence ties\n\n"
                     "TOKYO, May 15 (Kyodo) -- The Japanese and South Korean defence ministers have agreed to work "
                     "together against missile threats.\n\nIn their video talks Monday, the Japanese and South "
                     "Korean ministers also discussed drills.", date(2024, 5, 15))
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "KR"], date(2024, 5, 13))]


def test_a_speakers_words_in_the_lead_never_date_the_meeting(monkeypatch):
    monkeypatch.setattr(ingest.meetings, "_find_drafts", lambda view: [])
    found = meetings("Japanese and South Korean Defence Ministers Opening Remarks at a Bilateral Meeting\n\n"
                     "May 15, 2024\n\n"
                     "MINISTER KIM: Welcome to Seoul, and thank you for the talks today with the Japanese and South "
                     "Korean ministers. Your visit falls between two holidays, May 5th and May 27th.")
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "KR"], date(2024, 5, 15))]


def test_visits_a_meeting_agreed_to_exchange_do_not_make_the_meeting_that_agreed_a_plan(monkeypatch):
    monkeypatch.setattr(ingest.meetings, "_find_drafts", lambda view: [])
    found = meetings("Defence chiefs of Japan and South Korea deepen ties\n\n"
                     "The Japanese and South Korean defence ministers agreed to exchange naval visits each year, at a "
                     "meeting on Friday at a naval base near Tokyo.", date(2024, 5, 18))
    assert [(sorted(m.countries), m.date) for m in found] == [(["JP", "KR"], date(2024, 5, 17))]


def test_visits_agreed_to_in_a_lead_with_no_held_encounter_are_no_meeting(monkeypatch):
    monkeypatch.setattr(ingest.meetings, "_find_drafts", lambda view: [])
    assert meetings("Japan and South Korea plan visits\n\n"
                    "The Japanese and South Korean defence ministries will exchange visits next year, officials "
                    "said.", date(2024, 5, 18)) == []


def test_a_headline_welcoming_a_foreign_minister_reports_the_reception_a_transcript_tells():
    [meeting] = meetings("Defense Secretary Pete Hegseth Welcoming Australian Defence Minister Richard Marles to "
                         "the Pentagon\n\nSECRETARY HEGSETH: Richard, it is good to see you again. Our two countries "
                         "stand together.\n", published=date(2025, 5, 20))
    assert meeting.countries == ["AU", "US"]


def test_a_headline_welcoming_a_decision_reports_no_meeting():
    assert meetings("Australian Defence Minister Richard Marles welcomes the decision by Japan's Defense Minister "
                    "Gen Nakatani\n\nMarles said the choice of frigate was good news for both navies.\n",
                    published=date(2025, 5, 20)) == []


def test_the_meeting_an_announcement_speaks_of_afterwards_is_the_one_to_come():
    found = meetings("Ministers in Canberra this week\n\n"
                     "Defence Minister Rajnath Singh will meet his Australian counterpart Richard Marles in Canberra "
                     "on Friday.\n\nThe meeting is part of a three-day official trip, the ministry said.",
                     date(2024, 5, 14))
    assert found == []


def test_a_phrase_naming_the_encounter_after_a_comma_takes_the_tense_of_its_clause():
    found = meetings("Defence visit\n\n"
                     "In Canberra, Defence Minister Rajnath Singh will meet Defence Minister Richard Marles, in "
                     "the first such meeting since 2019.\n\nHe will also tour a shipyard.", date(2024, 5, 14))
    assert found == []


def test_a_head_of_state_with_a_visiting_minister_is_an_audience_however_the_topic_names_his_country():
    found = meetings("Indonesian president meets new Australian defence minister\n\n"
                     "Indonesian President Budi Santoso and the newly appointed Australian Defence Minister, Richard "
                     "Marles, have discussed further support for Indonesia.\n\nThe president thanked Australia.",
                     date(2024, 5, 14))
    assert found == []


def test_talks_whose_own_verb_is_a_future_are_no_meeting_held():
    found = meetings("Indian defence minister in Tokyo today\n\n"
                     "The Indian defence minister arrives in Tokyo today, and talks with the Japanese defense "
                     "minister will follow at the ministry.", date(2024, 7, 10))
    assert found == []


def test_an_announcement_names_the_meeting_to_come_without_reporting_it_held():
    found = meetings("Australian and Japanese defence chiefs to meet in Tokyo\n\n"
                     "The defence chiefs of Australia and Japan will hold talks in Tokyo next week, the ministry "
                     "said.\n\nThe meeting between Defence Minister Richard Marles and his Japanese counterpart, "
                     "Minoru Kihara, comes as Marles is set to attend a forum in Tokyo.", date(2024, 7, 10))
    assert found == []


def test_an_announcement_s_vaguely_dated_earlier_call_is_background():
    found = meetings("Australian and Japanese defence chiefs to meet in Tokyo\n\n"
                     "The defence chiefs of Australia and Japan will hold talks in Tokyo next week, the ministry "
                     "said.\n\nIn phone talks held last month, Richard Marles and Minoru Kihara agreed to meet at "
                     "an early date.", date(2024, 7, 10))
    assert found == []
