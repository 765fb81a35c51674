"""How real reporting tells of meetings without the verb "met": by the meeting's noun, in plural bilaterals,
and in roundups. Every sentence here is written for the test."""
from datetime import date

import pytest

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def countries(found):
    return sorted(tuple(m.countries) for m in found)


def test_bilateral_meetings_with_several_counterparts_are_one_meeting_each():
    found = meetings("Defence Minister Rajnath Singh held bilateral meetings with Japanese Defense Minister "
                     "Minoru Kihara and Australian Defence Minister Richard Marles in Jakarta on Thursday.",
                     published=date(2024, 5, 10))
    assert countries(found) == [("AU", "IN"), ("IN", "JP")]


def test_met_respectively_with_several_counterparts_is_one_meeting_each():
    found = meetings("Chinese Defense Minister Dong Jun met respectively with Philippine Defense Secretary "
                     "Gilberto Teodoro and Indonesian Defense Minister Prabowo Subianto in Beijing on Monday.",
                     published=date(2024, 5, 10))
    assert countries(found) == [("CN", "ID"), ("CN", "PH")]


def test_subject_named_by_government_only_still_splits_separate_meetings():
    found = meetings("The Indian defence minister separately met his Japanese and Australian counterparts "
                     "in Tokyo, the ministry said on Saturday.", published=date(2024, 5, 11))
    assert countries(found) == [("AU", "IN"), ("IN", "JP")]


def test_a_trilateral_with_several_counterparts_stays_one_meeting():
    found = meetings("Defence Minister Richard Marles held a trilateral meeting with Japanese Defense Minister "
                     "Minoru Kihara and Secretary of Defense Lloyd Austin in Singapore on Saturday.",
                     published=date(2024, 6, 2))
    assert countries(found) == [("AU", "JP", "US")]


def test_at_a_meeting_after_the_agreement_reports_the_meeting():
    [meeting] = meetings("Japanese Defense Minister Gen Nakatani and his Philippine counterpart Gilberto Teodoro "
                         "agreed to expand joint training, at a meeting on Friday in Manila.",
                         published=date(2024, 11, 23))
    assert (meeting.countries, meeting.date) == (["JP", "PH"], date(2024, 11, 22))


def test_in_their_meeting_opening_the_sentence_reports_the_meeting():
    [meeting] = meetings("In their meeting, Defence Minister Rajnath Singh and Japanese Defense Minister "
                         "Minoru Kihara shared the view that cooperation had grown.", published=date(2024, 5, 10))
    assert meeting.countries == ["IN", "JP"]


def test_a_country_being_visited_is_the_venue_not_a_participant():
    [meeting] = meetings("Japanese Defense Minister Gen Nakatani, visiting Laos for the regional ministers' "
                         "session, held a meeting with Philippine Defense Secretary Gilberto Teodoro on Friday.",
                         published=date(2024, 11, 23))
    assert meeting.countries == ["JP", "PH"]


def test_countries_listed_after_a_trip_destination_are_places_too():
    [meeting] = meetings("On a trip that will also take him to Japan and South Korea, Secretary of Defense Lloyd "
                         "Austin held a meeting with Indonesian Defense Minister Prabowo Subianto in Jakarta today.",
                         published=date(2023, 11, 20))
    assert meeting.countries == ["ID", "US"]


def test_speaking_with_reporters_after_a_meeting_is_not_a_phone_call():
    [meeting] = meetings("Secretary of Defense Lloyd Austin spoke with reporters after a meeting with Indonesian "
                         "Defense Minister Prabowo Subianto in Jakarta today.", published=date(2023, 11, 20))
    assert meeting.format == "in_person"


def test_he_also_met_in_a_roundup_is_the_roundup_subject_not_the_last_counterpart():
    found = meetings("Indian Defence Minister Rajnath Singh was in Paris on Monday. Singh met French Armed Forces "
                     "Minister Sébastien Lecornu in the morning. Singh then held talks with Japanese Defense "
                     "Minister Minoru Kihara. He also met British Defence Secretary John Healey.",
                     published=date(2024, 9, 3))
    assert countries(found) == [("FR", "IN"), ("GB", "IN"), ("IN", "JP")]


def test_his_bilateral_meetings_belong_to_the_roundup_subject():
    found = meetings("Indian Defence Minister Rajnath Singh attended the ministers' session in Jakarta on Thursday. "
                     "Besides his bilateral meetings with Japanese Defense Minister Minoru Kihara and Australian "
                     "Defence Minister Richard Marles, Singh toured a shipyard.", published=date(2023, 11, 17))
    assert countries(found) == [("AU", "IN"), ("IN", "JP")]


def test_ministers_who_convened_a_trilateral_meeting_met():
    [meeting] = meetings("Australian Defence Minister Richard Marles, Japanese Defense Minister Minoru Kihara and "
                         "Secretary of Defense Lloyd Austin convened a trilateral ministerial meeting in Singapore "
                         "on Saturday.", published=date(2024, 6, 3))
    assert (meeting.countries, meeting.date) == (["AU", "JP", "US"], date(2024, 6, 1))


def test_ministers_who_attended_a_two_plus_two_meeting_met():
    [meeting] = meetings("Indian Defence Minister Rajnath Singh and Australian Defence Minister Richard Marles "
                         "attended the 2+2 ministerial meeting in New Delhi on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "IN"]


def test_attending_a_forum_is_not_a_meeting():
    assert meetings("Indian Defence Minister Rajnath Singh and Australian Defence Minister Richard Marles "
                    "attended the regional security forum in Singapore on Saturday.", published=date(2024, 6, 3)) == []


def test_a_session_attended_by_listed_governments_is_a_meeting():
    [meeting] = meetings("The annual session of the regional defence council took place in Jakarta on Tuesday. "
                         "The session was attended by the defence ministers of Indonesia, Malaysia and Thailand.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["ID", "MY", "TH"]


def test_an_earlier_phone_call_named_in_passing_does_not_make_the_meeting_a_call():
    [meeting] = meetings("Secretary of Defense Lloyd Austin met Defense Minister Lee Jong-sup in Singapore on "
                         "Saturday after the two held phone talks on May 18.", published=date(2022, 6, 12))
    assert meeting.format == "in_person"


def test_the_last_time_they_met_is_context_not_a_meeting():
    assert meetings("The last time the defense chiefs of Japan and South Korea met was in November 2019 in "
                    "Bangkok.", published=None) == []


def test_a_topic_after_the_opening_meeting_phrase_is_not_at_the_table():
    [meeting] = meetings("In their first meeting, Japanese Defense Minister Minoru Kihara and Secretary of Defense "
                         "Lloyd Austin also covered the alliance between the United States and South Korea.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_discussed_with_a_named_counterpart_reports_a_meeting():
    [meeting] = meetings("Polish Defence Minister Władysław Kosiniak-Kamysz discussed with French Armed Forces "
                         "Minister Sébastien Lecornu the joint purchase of air defence systems.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["FR", "PL"]


def test_a_later_cue_is_read_when_the_first_names_no_one():
    [meeting] = meetings("The session took place in Brussels, where Indian Defence Minister Rajnath Singh had "
                         "already met Polish Defence Minister Władysław Kosiniak-Kamysz.", published=date(2024, 5, 9))
    assert meeting.countries == ["IN", "PL"]


def test_a_headline_reports_the_meeting_a_transcript_never_calls_one():
    [meeting] = meetings("U.S.-Japanese Talks at the Pentagon\n\nSecretary of Defense Lloyd Austin and Japanese "
                         "Defense Minister Minoru Kihara spoke to the press.\n\nAUSTIN: We had a fine lunch and a "
                         "good visit.", published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_a_headline_announcing_a_meeting_reports_none():
    assert meetings("Austin to meet Japanese Defense Minister Kihara in Tokyo\n\nSecretary of Defense Lloyd Austin "
                    "flew to Japan on Monday.", published=date(2024, 5, 9)) == []


def test_an_undated_article_counts_a_group_as_its_members_when_its_officials_took_office():
    # Timor-Leste joined ASEAN after this Secretary took office: the undated article cannot count it.
    [meeting] = meetings("Secretary of Defense Pete Hegseth met with his ASEAN counterparts in Kuala Lumpur.")
    assert meeting.countries == ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "US", "VN"]


def test_a_country_in_a_meetings_hyphenated_name_is_a_side_not_the_venue():
    [meeting] = meetings("Then, at the Japan-Australia Defense Ministerial Meeting, I conveyed our support for "
                         "closer training.", published=date(2024, 6, 3))
    assert meeting.countries == ["AU", "JP"]


def test_meetings_in_the_next_sentence_make_listed_counterparts_one_meeting_each():
    found = meetings("Indian Defence Minister Rajnath Singh met his Japanese and Australian counterparts in Tokyo "
                     "on Monday. In the meetings, the sides discussed maritime security.", published=date(2024, 5, 9))
    assert countries(found) == [("AU", "IN"), ("IN", "JP")]


def test_a_groups_session_is_never_split_into_bilaterals():
    found = meetings("Secretary of Defense Lloyd Austin attended a meeting of NATO defence ministers in Brussels "
                     "on Monday. He also held bilateral meetings on its sidelines.", published=date(2024, 5, 9))
    assert countries(found) == [("EE", "FR", "GB", "PL", "US")]


def test_a_transcript_speakers_we_met_meets_the_official_its_header_presents():
    [meeting] = meetings("Presenter: Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara\n\n"
                         "MINISTER KIHARA: We have met here today in a warm atmosphere to talk about the alliance.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_a_transcript_speakers_minister_x_and_i_discussed_is_their_meeting():
    [meeting] = meetings("Transcript - Press conference, Canberra\n\nGood afternoon. The weather is fine. Australian "
                         "Defence Minister Richard Marles hosts the press.\n\nMINISTER MARLES: Japanese Defense Minister "
                         "Minoru Kihara is here. Today, Minister Kihara and I discussed maritime security in the region.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"] and meeting.date == date(2024, 5, 9)


def test_a_label_alone_on_its_line_opens_the_speakers_paragraphs():
    [meeting] = meetings("Australian Defence Minister Richard Marles - Press conference with Japanese Defense Minister "
                         "Minoru Kihara, Canberra\n\n"
                         "RICHARD MARLES\n\nIt is good to be here. Today, Minister Kihara and I discussed maritime "
                         "security in the region.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"] and meeting.date == date(2024, 5, 9)

def test_separate_meetings_with_two_officials_of_one_government_are_two_meetings():
    found = meetings("Japanese Defense Minister Minoru Kihara held separate meetings on Tuesday with Indian Defence "
                     "Minister Rajnath Singh and India's Chief of Defence Staff Anil Chauhan.", published=date(2024, 5, 9))
    assert [sorted(p.name for p in m.participants) for m in found] == [
        ["Minoru Kihara", "Rajnath Singh"], ["Anil Chauhan", "Minoru Kihara"]]

def test_back_to_back_talks_with_two_governments_are_one_meeting_each():
    found = meetings("Japanese Defense Minister Minoru Kihara held back-to-back talks on Tuesday with Indian Defence "
                     "Minister Rajnath Singh and Australian Defence Minister Richard Marles.", published=date(2024, 5, 9))
    assert countries(found) == [("AU", "JP"), ("IN", "JP")]

def test_a_previous_meeting_told_as_context_lends_no_day():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara held talks with Australian Defence Minister Richard "
                         "Marles in Canberra, the ministry said on Thursday. A previous meeting between Kihara and "
                         "Marles took place on March 3.", published=date(2024, 5, 9))
    assert meeting.date is None

def test_an_encounter_since_which_time_has_passed_is_context():
    assert meetings("Japanese Defense Minister Minoru Kihara said it had been a year since he met Secretary of "
                    "Defense Lloyd Austin last, in Washington.", published=date(2024, 5, 9)) == []


def test_officials_who_attended_the_session_named_after_which_are_its_participants():
    [meeting] = meetings("Australian Defence Minister Richard Marles took part in the trilateral ministers' meeting, "
                         "which was attended by Secretary of Defense Lloyd Austin and Japanese Defense Minister "
                         "Minoru Kihara.", published=date(2024, 6, 3))
    assert sorted(p.name for p in meeting.participants) == ["Lloyd Austin", "Minoru Kihara", "Richard Marles"]


def test_a_session_that_brought_together_ministers_is_a_meeting_without_those_absent():
    [meeting] = meetings("The regional council brought together the defence ministers of Indonesia, Malaysia and "
                         "Thailand, while Vietnam and Laos did not send anyone.", published=date(2024, 5, 9))
    assert meeting.countries == ["ID", "MY", "TH"]


def test_central_american_is_a_region_not_the_united_states():
    [meeting] = meetings("The Central American defence council brought together the defence ministers of Indonesia "
                         "and Malaysia.", published=date(2024, 5, 9))
    assert meeting.countries == ["ID", "MY"]


def test_a_session_first_reported_without_its_members_gives_its_day_to_the_one_that_follows():
    [meeting] = meetings("The defence ministers of the region met in Bangkok on 3 February.\n\nThe session brought "
                         "together the defence ministers of Indonesia, Malaysia and Thailand.",
                         published=date(2024, 2, 5))
    assert (meeting.countries, meeting.date) == (["ID", "MY", "TH"], date(2024, 2, 3))


def test_the_day_of_an_earlier_meeting_after_the_trigger_is_not_the_meetings_own():
    found = meetings("Indian Defence Minister Rajnath Singh met Indonesian Defense Minister Prabowo Subianto in "
                     "Jakarta on Tuesday. Singh and Prabowo met for the second time, after the first meeting in "
                     "New Delhi on April 4.", published=date(2024, 5, 1))
    assert [(m.countries, m.date) for m in found] == [(["ID", "IN"], date(2024, 4, 30))]


def test_a_two_plus_two_ministerial_dialogue_is_a_meeting_and_its_plus_does_not_break_it():
    [meeting] = meetings("India and Australia reviewed their partnership at the Second India-Australia 2+2 "
                         "Ministerial Dialogue here today against rising tension with China.",
                         published=date(2024, 5, 9))
    assert (meeting.countries, meeting.date) == (["AU", "IN"], date(2024, 5, 9))


def test_a_forum_named_dialogue_is_not_a_meeting():
    assert meetings("Indian and Australian officers spoke at the Shangri-La Dialogue in Singapore on Saturday.",
                    published=date(2024, 6, 3)) == []


def test_a_meeting_one_hopes_for_is_not_held():
    assert meetings("Kihara said he hoped to raise the issue with Secretary of Defense Lloyd Austin and Australian "
                    "Defence Minister Richard Marles at a meeting later this month.", published=date(2024, 5, 9)) == []


def test_a_meeting_agreed_last_year_is_context():
    assert meetings("Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd Austin agreed last year, "
                    "at a meeting in Tokyo, to expand drills.", published=date(2024, 5, 9)) == []


def test_a_meeting_that_will_take_place_is_not_held():
    assert meetings("The meeting between Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd "
                    "Austin will take place in Tokyo.", published=date(2024, 5, 9)) == []


def test_a_head_of_state_receiving_a_defense_minister_alone_is_not_a_meeting():
    assert meetings("Indonesian President Joko Widodo received Japanese Defense Minister Minoru Kihara in Jakarta "
                    "on Monday.", published=date(2024, 5, 9)) == []


def test_a_head_of_state_receiving_a_defense_minister_at_a_joint_commission_is_not_a_meeting():
    assert meetings("Japanese Defense Minister Minoru Kihara met Indonesian President Joko Widodo during the 5th "
                    "Japan-Indonesia Joint Commission in Jakarta on Monday.", published=date(2024, 5, 9)) == []


def test_an_audience_with_the_hosts_defense_minister_present_is_a_meeting():
    [meeting] = meetings("Indonesian President Joko Widodo received Japanese Defense Minister Minoru Kihara in "
                         "Jakarta on Monday. Indonesian Defense Minister Prabowo Subianto also attended.",
                         published=date(2024, 5, 9))
    assert meeting.countries == ["ID", "JP"]


def test_a_foreign_minister_receiving_a_defense_minister_alone_is_not_a_meeting():
    assert meetings("Philippine Foreign Secretary Enrique Manalo and visiting Japanese Defense Minister Minoru Kihara "
                    "discussed maritime security on Monday. Kihara met Manalo at the headquarters of the "
                    "Philippines' Foreign Ministry.", published=date(2024, 5, 9)) == []


def test_foreign_and_defense_ministers_of_both_sides_are_a_meeting():
    [meeting] = meetings("Japanese Foreign Minister Yoko Kamikawa and Defense Minister Minoru Kihara met Australian "
                         "Defence Minister Richard Marles in Tokyo on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"]


def test_he_speaking_at_a_meeting_with_his_counterparts_is_at_it():
    [meeting] = meetings("Cooperation among the three neighbours is vital, said Indonesian Defense Minister Prabowo "
                         "Subianto. He made the remarks while speaking at the trilateral meeting with his Malaysian "
                         "and Philippine counterparts in Jakarta on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["ID", "MY", "PH"]


def test_a_trip_roundup_binds_each_he_met_to_the_traveller():
    found = meetings("Secretary of Defense Lloyd Austin wrapped up an Asian trip on Friday. On Tuesday, he met "
                     "Japanese Defense Minister Minoru Kihara in Tokyo. On Wednesday, he held talks with Indian "
                     "Defence Minister Rajnath Singh in New Delhi. On Thursday he met Australian Defence Minister "
                     "Richard Marles in Canberra.", published=date(2024, 5, 10))
    assert [(m.countries, m.date) for m in found] == [
        (["JP", "US"], date(2024, 5, 7)), (["IN", "US"], date(2024, 5, 8)), (["AU", "US"], date(2024, 5, 9))]


def test_having_met_one_counterpart_the_subject_met_another_is_two_meetings():
    found = meetings("Having earlier met Japanese Defense Minister Minoru Kihara, Secretary of Defense Lloyd Austin "
                     "also met Indian Defence Minister Rajnath Singh.", published=date(2024, 5, 10))
    assert countries(found) == [("IN", "US"), ("JP", "US")]


def test_after_meeting_one_counterpart_the_subject_held_talks_with_another():
    found = meetings("After meeting Japanese Defense Minister Minoru Kihara, Secretary of Defense Lloyd Austin held "
                     "talks with Indian Defence Minister Rajnath Singh on Monday.", published=date(2024, 5, 10))
    assert countries(found) == [("IN", "US"), ("JP", "US")]


def test_a_statement_issued_after_the_talks_is_not_a_meeting_cue():
    found = meetings("Indian Defence Minister Rajnath Singh hosted Japanese Defense Minister Minoru Kihara on Monday. "
                     "India will help maintain Japan's Australian-built ships, the ministry said in a statement after "
                     "the talks.", published=date(2024, 5, 9))
    assert countries(found) == [("IN", "JP")]


def test_a_later_cue_does_not_take_the_earlier_cues_topic_as_a_participant():
    found = meetings("Defence Secretary John Healey joined allied counterparts to discuss support for Ukraine and met "
                     "French Armed Forces Minister Sébastien Lecornu.", published=date(2024, 9, 3))
    assert countries(found) == [("FR", "GB")]


def test_a_telegraphic_held_the_two_plus_two_reports_the_meeting():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara held the 2+2 with Secretary of Defense Lloyd Austin "
                         "in Tokyo on July 28.", published=date(2024, 7, 30))
    assert (meeting.countries, meeting.date) == (["JP", "US"], date(2024, 7, 28))


def test_a_sentence_about_all_of_a_series_of_bilaterals_belongs_to_each():
    found = meetings("Chinese Defense Minister Dong Jun met respectively with Philippine Defense Secretary Gilberto "
                     "Teodoro and Indonesian Defense Minister Prabowo Subianto in Beijing on Monday. During the "
                     "meetings, all the parties expressed willingness to deepen military relations.",
                     published=date(2024, 5, 10))
    assert len(found) == 2 and all(m.statements for m in found)


def test_two_governments_officials_who_agreed_together_met():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara and his Australian counterpart Richard Marles agreed "
                         "on Monday to step up joint training.", published=date(2024, 5, 9))
    assert (meeting.countries, meeting.date) == (["AU", "JP"], date(2024, 5, 6))


def test_a_joint_subjects_topic_after_the_verb_is_not_at_the_table():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd Austin reaffirmed "
                         "their support for Ukraine on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_officials_who_agreed_to_meet_have_not_met():
    assert meetings("Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles agreed to "
                    "meet in person as soon as travel allows.", published=date(2024, 5, 9)) == []


def test_a_joint_subject_after_a_said_clause_is_not_read_as_one():
    assert meetings("Japanese Defense Minister Minoru Kihara said Australian Defence Minister Richard Marles "
                    "agreed with the plan.", published=date(2024, 5, 9)) == []


def test_last_year_in_a_relative_clause_about_an_official_does_not_date_the_meeting():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara, who took office last year, met Secretary of Defense "
                         "Lloyd Austin in Tokyo on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_officials_who_each_pledged_on_their_own_did_not_meet():
    assert meetings("Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd Austin each pledged more "
                    "aid to Ukraine last week.", published=date(2024, 5, 9)) == []
    assert meetings("Both Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd Austin have pledged "
                    "to raise spending.", published=date(2024, 5, 9)) == []


def test_governments_named_after_the_subject_of_at_the_meeting_are_a_topic():
    found = meetings("Secretary of Defense Lloyd Austin met Japanese Defense Minister Minoru Kihara in Tokyo on Monday. "
                     "At the meeting, Austin condemned the drills of China and Russia.", published=date(2024, 5, 9))
    assert countries(found) == [("JP", "US")]


def test_a_ceremony_attended_by_ministers_is_not_a_meeting():
    assert meetings("The ceremony was attended by Japanese Defense Minister Minoru Kihara and Secretary of Defense "
                    "Lloyd Austin.", published=date(2024, 5, 9)) == []


def test_a_headline_about_joint_drills_is_not_a_meeting():
    assert meetings("Japan, Australia hold joint naval drills\n\nThe navies of Japan and Australia began exercises "
                    "off Darwin.", published=date(2024, 5, 9)) == []


def test_meetings_named_elsewhere_in_the_sentence_do_not_split_a_meeting():
    [meeting] = meetings("Secretary of Defense Lloyd Austin met Japanese Defense Minister Minoru Kihara and Australian "
                         "Defence Minister Richard Marles in Singapore on Saturday ahead of NATO meetings next week.",
                         published=date(2024, 6, 3))
    assert meeting.countries == ["AU", "JP", "US"]


def test_he_can_be_the_official_the_headline_names():
    [meeting] = meetings("Secretary of Defense Lloyd Austin wraps up Asia trip\n\nOn Tuesday, he met Japanese Defense "
                         "Minister Minoru Kihara in Tokyo.", published=date(2024, 5, 10))
    assert meeting.countries == ["JP", "US"]


def test_a_session_first_reported_without_its_members_gives_its_venue_too():
    [meeting] = meetings("The defence ministers of the region met in Bangkok on 3 February.\n\nThe session brought "
                         "together the defence ministers of Indonesia, Malaysia and Thailand.",
                         published=date(2024, 2, 5))
    assert (meeting.place, meeting.place_country) == ("Bangkok", "TH")


def test_a_meeting_without_a_venue_takes_the_one_the_lead_names():
    found = meetings("Secretary of Defense Lloyd Austin reaffirmed the alliance with Japanese leaders on Monday in "
                     "Tokyo.\n\nAustin met with Japanese Defense Minister Minoru Kihara on likely his last trip.",
                     published=date(2024, 5, 9))
    assert [(m.place, m.place_country) for m in found] == [("Tokyo", "JP")]


def test_the_venue_of_an_earlier_meeting_in_the_lead_is_not_taken():
    found = meetings("It is good to see you again so soon after our last meeting in Canberra.\n\nSecretary of Defense "
                     "Lloyd Austin met with Japanese Defense Minister Minoru Kihara on Monday.", published=date(2024, 5, 9))
    assert [(m.place, m.place_country) for m in found] == [(None, None)]


def test_the_minister_named_by_title_alone_meeting_several_in_the_course_of_the_meetings_meets_each():
    found = meetings("Defence Minister Rajnath Singh, on May 6, 2024, held bilateral meetings with his counterparts "
                     "from Asia in New Delhi. In the course of the meetings, the Defence Minister met Japanese "
                     "Defense Minister Minoru Kihara; Australian Defence Minister Richard Marles and Philippine "
                     "Defense Secretary Gilberto Teodoro.", published=date(2024, 5, 7))
    assert [(m.countries, m.date) for m in found] == [
        (["IN", "JP"], date(2024, 5, 6)), (["AU", "IN"], date(2024, 5, 6)), (["IN", "PH"], date(2024, 5, 6))]


def test_spoke_on_a_weekday_over_the_phone_is_a_call():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara spoke on Tuesday over the phone with Australian "
                         "Defence Minister Richard Marles.", published=date(2024, 5, 9))
    assert (meeting.format, meeting.date) == ("phone", date(2024, 5, 7))


def test_a_headline_of_calls_with_several_ministers_makes_one_call_each():
    found = meetings("Readout of Secretary Austin's Phone Calls With Defense Ministers from Japan, Australia and "
                     "the Philippines\n\nSecretary of Defense Lloyd Austin spoke today with Defense Ministers from "
                     "Japan, Australia, and the Philippines to discuss regional security.", published=date(2024, 5, 9))
    assert countries(found) == [("AU", "US"), ("JP", "US"), ("PH", "US")]


def test_a_second_predicate_planning_another_meeting_is_not_the_first_meetings_party():
    [meeting] = meetings("Secretary of Defense Lloyd Austin met Japanese Defense Minister Minoru Kihara and was later "
                         "to meet his counterparts from Australia and the Philippines.", published=date(2024, 5, 9))
    assert meeting.countries == ["JP", "US"]


def test_a_countrys_vice_defense_minister_seats_that_government():
    [meeting] = meetings("South Korea's vice defense minister held talks with his counterparts from Japan and "
                         "Australia on Friday.", published=date(2024, 5, 10))
    assert meeting.countries == ["AU", "JP", "KR"]


def test_receiving_a_governments_delegation_is_a_meeting():
    [meeting] = meetings("Japanese and Australian defense ministers have signed a military cooperation plan, a news "
                         "agency reported. Japanese Defense Minister Minoru Kihara received the Australian military "
                         "delegation headed by the Chief of the Defence Force on May 6.", published=date(2024, 5, 9))
    assert (meeting.countries, meeting.date) == (["AU", "JP"], date(2024, 5, 6))


def test_a_news_agency_named_after_its_country_does_not_seat_that_government():
    [meeting] = meetings("(Wire- Philippine News Agency (PNA)) Japanese Defense Minister Minoru Kihara spoke by phone "
                         "with Australian Defence Minister Richard Marles on Tuesday.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"]


def test_what_the_host_says_after_a_series_of_calls_belongs_to_each_call_whatever_topic_country_it_names():
    found = meetings("Secretary of Defense Lloyd Austin spoke in separate calls with Japanese Defense Minister Minoru "
                     "Kihara and Australian Defence Minister Richard Marles on Monday. Austin reiterated that "
                     "American support for Ukraine will not change.", published=date(2024, 5, 9))
    assert [len(m.statements) for m in found] == [1, 1]


def test_a_compound_of_countries_before_their_border_names_a_topic_not_a_party():
    [meeting] = meetings("The situation on the Polish-Belarusian border was discussed during the meeting of the "
                         "defence ministers of Japan and Australia on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"]


def test_one_official_meeting_those_of_two_other_governments_holds_two_bilaterals():
    found = meetings("Japanese Defense Minister Minoru Kihara took part in the forum. He met with Richard Marles and "
                     "Indian Defence Minister Rajnath Singh, and discussed wider military cooperation.")
    assert countries(found) == [("AU", "JP"), ("IN", "JP")]


def test_also_meeting_the_ministers_of_two_governments_is_two_bilaterals():
    found = meetings("Japanese Defense Minister Minoru Kihara met Indian Defence Minister Rajnath Singh in Paris on "
                     "Saturday. He also met the Defence Ministers of France and Australia.")
    assert countries(found) == [("AU", "JP"), ("FR", "JP"), ("IN", "JP")]


def test_also_meeting_the_ministers_of_several_governments_is_one_bilateral_each():
    found = meetings("Japanese Defense Minister Minoru Kihara met Indian Defence Minister Rajnath Singh on the sidelines "
                     "of the forum on Saturday. Kihara also met Australian Defence Minister Richard Marles, French "
                     "Minister of the Armed Forces Sebastien Lecornu and US Secretary of Defense Lloyd Austin.")
    assert countries(found) == [("AU", "JP"), ("FR", "JP"), ("IN", "JP"), ("JP", "US")]


def test_any_past_verb_with_a_plural_object_before_an_official_of_another_government_is_an_encounter():
    [found] = meetings("Japanese Defense Minister Minoru Kihara exchanged views with Republic of Korea Minister of "
                       "National Defense Shin Won-sik on maritime security in Tokyo on Tuesday.",
                       published=date(2024, 5, 9))
    assert found.countries == ["JP", "KR"]


def test_met_one_official_and_then_another_is_two_encounters():
    found = meetings("Japanese Defense Minister Minoru Kihara met Indian Defence Minister Rajnath Singh in Paris and "
                     "then met with Australian Defence Minister Richard Marles.")
    assert countries(found) == [("AU", "JP"), ("IN", "JP")]


def test_three_governments_meet_as_one_when_the_text_says_so_or_one_hosts_both():
    assert countries(meetings("Japanese Defense Minister Minoru Kihara met Indian Defence Minister Rajnath Singh and "
                              "Australian Defence Minister Richard Marles for trilateral talks in Tokyo.")) == [
        ("AU", "IN", "JP")]
    assert countries(meetings("Japanese Defense Minister Minoru Kihara hosted Indian Defence Minister Rajnath Singh "
                              "and Australian Defence Minister Richard Marles in Tokyo.")) == [("AU", "IN", "JP")]


def test_talks_with_ambassadors_alone_are_no_meeting():
    assert meetings("Japanese Defense Minister Minoru Kihara yesterday held talks with ambassadors of France, India "
                    "and Poland on cooperation between Japan and the envoys' countries.") == []
    assert meetings("Japanese Defense Minister Minoru Kihara met French Ambassador Jean Dupont in Tokyo.") == []


def test_an_ambassador_beside_a_defense_official_of_the_same_government_leaves_the_meeting_whole():
    assert countries(meetings("Japanese Defense Minister Minoru Kihara met French Minister of the Armed Forces "
                              "Sebastien Lecornu in Tokyo on Monday, with the French ambassador present.")) == [
        ("FR", "JP")]


def test_a_bilateral_on_the_sidelines_of_a_numbered_session_does_not_take_its_name():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara hosted Indian Defence Minister Rajnath Singh to "
                         "breakfast on Tuesday on the sidelines of the 11th ASEAN Defence Ministers Meeting.",
                         published=date(2024, 5, 10))
    assert meeting.name is None


def test_a_meeting_reported_as_called_off_or_postponed_was_not_held():
    for text in ("Talks between Australian Defence Minister Richard Marles and Japanese Defense Minister Minoru "
                 "Kihara were called off.",
                 "A meeting between Australian Defence Minister Richard Marles and Japanese Defense Minister Minoru "
                 "Kihara has been postponed."):
        assert meetings(text) == [], text


def test_a_meeting_held_after_an_earlier_one_was_postponed_was_held():
    found = meetings("Australian Defence Minister Richard Marles met Japanese Defense Minister Minoru Kihara on "
                     "Monday after talks planned for May were postponed.")
    assert [sorted(m.countries) for m in found] == [["AU", "JP"]]


def test_an_article_that_refers_to_a_postponed_meeting_reports_none():
    assert meetings("Ministers in Manila\n\nAustralian Defence Minister Richard Marles and Japanese Defense Minister "
                    "Minoru Kihara are in Manila this week.\n\nThe meeting has been postponed.") == []


AUSTRALIAN = "Australian Defence Minister Richard Marles"
JAPANESE = "Japanese Defense Minister Minoru Kihara"


@pytest.mark.parametrize("sentence", [
    f"{AUSTRALIAN} met the demands of {JAPANESE} on Friday.",          # a condition met, not a person
    f"{AUSTRALIAN} received a letter from {JAPANESE} on Friday.",      # a thing received
    f"{AUSTRALIAN} welcomed the decision by {JAPANESE} on Friday.",
    f"{AUSTRALIAN} missed a meeting with {JAPANESE} on Friday.",       # an encounter not attended
    f"{AUSTRALIAN} skipped talks with {JAPANESE} on Friday.",
])
def test_a_sentence_with_a_meeting_word_that_tells_of_no_encounter_reports_none(sentence):
    assert meetings(sentence) == []
    assert meetings(f"Ministers\n\nOne. Two. Three. Four. Five.\n\n{sentence}") == []


@pytest.mark.parametrize("sentence", [
    f"{AUSTRALIAN} received a call from {JAPANESE} on Friday.",
    f"{AUSTRALIAN} received {JAPANESE} in Canberra on Friday.",
    f"{AUSTRALIAN} met the visiting {JAPANESE} in Canberra on Friday.",
])
def test_a_call_or_a_visitor_received_or_met_is_an_encounter(sentence):
    assert [sorted(m.countries) for m in meetings(sentence)] == [["AU", "JP"]]


@pytest.mark.parametrize("when", ["in 2019", "last year"])
def test_an_encounter_told_in_a_relative_clause_with_an_earlier_year_is_background(when):
    assert meetings(f"Ministers\n\nPublished: 12 May 2024\n\n{AUSTRALIAN}, who met {JAPANESE} {when}, said the "
                    "alliance was strong.") == []


def test_an_encounter_told_in_a_relative_clause_with_its_day_is_news():
    found = meetings(f"Ministers\n\nPublished: 12 May 2024\n\n{AUSTRALIAN}, who met {JAPANESE} on Monday, said the "
                     "alliance was strong.")
    assert [(sorted(m.countries), m.date) for m in found] == [(["AU", "JP"], date(2024, 5, 6))]


def test_an_earlier_year_in_a_relative_clause_about_office_does_not_date_the_meeting():
    found = meetings(f"Ministers\n\nPublished: 12 May 2024\n\n{AUSTRALIAN} met {JAPANESE}, who took office last "
                     "year, on Monday.")
    assert [m.date for m in found] == [date(2024, 5, 6)]


@pytest.mark.parametrize("sentence, fmt", [
    (f"{AUSTRALIAN} called on {JAPANESE} at the Defense Ministry in Tokyo on Monday.", "in_person"),  # courtesy call
    (f"{JAPANESE} held a bilateral with {AUSTRALIAN} on Monday.", "in_person"),
    (f"{AUSTRALIAN} and {JAPANESE} had dinner in Tokyo on Monday.", "in_person"),
    (f"{AUSTRALIAN} held a working lunch with {JAPANESE} in Tokyo on Monday.", "in_person"),
])
def test_more_ways_to_tell_an_encounter(sentence, fmt):
    found = meetings(f"Ministers\n\nOne. Two. Three. Four. Five.\n\n{sentence}")
    assert [(sorted(m.countries), m.format) for m in found] == [(["AU", "JP"], fmt)]


@pytest.mark.parametrize("sentence", [
    f"{AUSTRALIAN} called on {JAPANESE} to increase defence spending on Monday.",    # an appeal
    f"{AUSTRALIAN} discussed the issue with reporters in Tokyo on Monday.",
])
def test_an_appeal_or_a_talk_with_the_press_is_no_encounter(sentence):
    assert meetings(f"Ministers\n\nOne. Two. Three. Four. Five.\n\n{sentence}") == []


@pytest.mark.parametrize("told", ["held an online meeting", "met online", "held talks in a video format",
                                  "met via Zoom"])
def test_an_encounter_held_online_is_a_video_meeting(told):
    [found] = meetings(f"{AUSTRALIAN} and {JAPANESE} {told} on Monday.")
    assert found.format == "video"


def test_a_pair_of_countries_before_a_place_named_conflict_is_the_topic_not_a_side():
    [meeting] = meetings("The India-China Ladakh border standoff was the focus of talks at a meeting of Japanese "
                         "Defense Minister Minoru Kihara with his Indian counterpart Rajnath Singh on Wednesday.",
                         published=date(2024, 3, 1))
    assert meeting.countries == ["IN", "JP"]


def test_a_dialogue_between_two_defence_ministries_that_began_is_a_held_meeting():
    [meeting] = meetings("A two-day strategic dialogue between the defence ministries of Japan and Australia began in "
                         "Canberra on Monday.", published=date(2024, 3, 5))
    assert (meeting.countries, meeting.date) == (["AU", "JP"], date(2024, 3, 4))


CHIEFS_BEFORE_MINISTERS = (
    "Allies' annual consultations\n\nSEOUL, March 5, 2024\n\n"
    "South Korean Defense Minister Shin Won-sik and Defense Secretary Lloyd Austin held the annual security "
    "consultations in Seoul on Tuesday. On Monday, the South Korean Chairman of the Joint Chiefs of Staff, General "
    "Kim Myung-soo, and the U.S. Chairman of the Joint Chiefs of Staff, General Charles Brown, presided over the "
    "military committee meeting.\n\n"
    "The Minister and the Secretary condemned the missile launches.\n")


def test_officials_who_presided_over_a_meeting_held_it():
    found = meetings(CHIEFS_BEFORE_MINISTERS, published=date(2024, 3, 5))
    assert sorted((m.date, tuple(m.countries)) for m in found) == [
        (date(2024, 3, 4), ("KR", "US")), (date(2024, 3, 5), ("KR", "US"))]


def test_a_sentence_opened_by_the_offices_of_one_meetings_participants_speaks_of_that_meeting():
    found = {m.date: m for m in meetings(CHIEFS_BEFORE_MINISTERS, published=date(2024, 3, 5))}
    assert [s.text for s in found[date(2024, 3, 5)].statements] == ["condemned the missile launches"]
    assert found[date(2024, 3, 4)].statements == []


def test_a_host_defence_official_named_at_an_encounter_of_his_own_was_not_at_the_leaders_audience():
    found = meetings("Australian Prime Minister Anthony Albanese met with Indian Defence Minister Rajnath Singh on "
                     "Sunday to discuss regional security. Singh, who arrived on Friday, met his Australian "
                     "counterpart Richard Marles on Saturday and discussed submarine cooperation.",
                     published=date(2024, 3, 4))
    assert [sorted(p.name for p in m.participants) for m in found] == [["Rajnath Singh", "Richard Marles"]]


def test_a_meeting_the_two_previously_also_held_is_context_in_every_word_for_it():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara received Australian Defence Minister Richard Marles "
                         "in Tokyo on Monday.\n\nThe two ministers previously also met at the defence ministers' "
                         "meeting in Canberra on February 8, 2024.", published=date(2024, 5, 9))
    assert (meeting.date, meeting.place) == (date(2024, 5, 6), "Tokyo")


def test_the_previous_numbered_session_of_a_council_is_context():
    found = meetings("Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles met in "
                     "Tokyo on Monday.\n\nRecall, the previous 13th meeting of the two ministers took place in "
                     "Canberra on June 8, 2023.", published=date(2024, 5, 9))
    assert [(m.date, m.place) for m in found] == [(date(2024, 5, 6), "Tokyo")]


def test_counterparts_met_together_then_each_on_their_own_are_bilaterals_only():
    found = meetings("Defence Minister Rajnath Singh met his counterparts from Japan and Australia on Thursday.\n\n"
                     "The ASEAN meeting opens on Friday.\n\nThe forum has met every year since 2010.\n\n"
                     "At their meeting, Singh and Japanese Defense Minister Minoru Kihara reviewed exercises.\n\n"
                     "Separately, Singh hosted Australian Defence Minister Richard Marles for lunch, where they "
                     "discussed submarines.", published=date(2024, 5, 10))
    assert countries(found) == [("AU", "IN"), ("IN", "JP")]


def test_a_trilateral_stays_a_meeting_beside_bilaterals_of_its_members():
    found = meetings("Defence Minister Rajnath Singh held a trilateral meeting with Japanese Defense Minister Minoru "
                     "Kihara and Australian Defence Minister Richard Marles on Thursday.\n\nAt their meeting, Singh "
                     "and Kihara reviewed exercises.\n\nSeparately, Singh hosted Marles for lunch, where they "
                     "discussed submarines.", published=date(2024, 5, 10))
    assert ("AU", "IN", "JP") in countries(found)


def test_two_of_three_named_as_present_at_the_trilateral_are_at_that_meeting():
    found = meetings("The defence ministers of India, Japan and Australia held a trilateral meeting in Tokyo on "
                     "Thursday.\n\nJapanese Defense Minister Minoru Kihara and Australian Defence Minister Richard "
                     "Marles were also present at the trilateral meeting.", published=date(2024, 5, 10))
    assert countries(found) == [("AU", "IN", "JP")]


def test_a_bilateral_on_the_sidelines_of_a_trilateral_stays_its_own_meeting():
    found = meetings("The defence ministers of India, Japan and Australia held a trilateral meeting in Tokyo on "
                     "Thursday.\n\nOn the sidelines of the meeting, Japanese Defense Minister Minoru Kihara held a "
                     "bilateral meeting with Australian Defence Minister Richard Marles.", published=date(2024, 5, 10))
    assert countries(found) == [("AU", "IN", "JP"), ("AU", "JP")]


def test_a_session_named_with_its_abbreviation_took_place_on_its_day():
    found = meetings("The Meeting of Ministers of Defence of the Mekong States (MDMS) took place on 14 March 2024 in "
                     "Vientiane. It was attended by the ministers of Laos, Cambodia, Thailand and Vietnam.",
                     published=date(2024, 3, 18))
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2024, 3, 14), ["KH", "LA", "TH", "VN"])]


def test_a_meeting_the_same_day_as_the_one_told_before_takes_its_day():
    found = meetings("Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard Marles in Jakarta "
                     "on November 21.\n\nThe same day, Kihara also held talks with his Indian counterpart Rajnath "
                     "Singh.", published=date(2024, 11, 22))
    assert sorted((m.date, tuple(sorted(m.countries))) for m in found) == [
        (date(2024, 11, 21), ("AU", "JP")), (date(2024, 11, 21), ("IN", "JP"))]


def test_a_joint_commission_named_by_its_two_governments_with_a_slash_was_held():
    found = meetings("The 5th Session of the Indonesia/Malaysia Joint Defence Committee was held in Jakarta on 3 "
                     "March 2024.", published=date(2024, 3, 8))
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2024, 3, 3), ["ID", "MY"])]


def test_a_date_in_a_relative_clause_after_the_encounter_does_not_make_it_an_earlier_one():
    found = meetings("The Indian defence minister and the Japanese defense minister have signed a new defence accord "
                     "that replaces the memorandum signed in March 2010.", published=date(2024, 6, 3))
    assert countries(found) == [("IN", "JP")]


def test_a_date_in_a_who_clause_dates_the_person_not_the_meeting():
    found = meetings("The Indian defence minister met the Japanese defense minister, who took office in January "
                     "2024, in Tokyo on Monday.", published=date(2024, 6, 5))
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2024, 6, 3), ["IN", "JP"])]


def test_a_date_naming_the_meeting_in_a_later_sentence_dates_it():
    found = meetings("Ministers\n\nPublished: 10 July 2024\n\nThe Indian defence minister met the Japanese defense "
                     "minister at the ministry. The July 2 meeting marked a milestone for the partnership.")
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2024, 7, 2), ["IN", "JP"])]


def test_a_relative_clause_telling_the_event_is_held_today_dates_the_sideline_meeting():
    found = meetings("Ministers\n\nPublished: 14 February 2023\n\nThe Indian defence minister met the Japanese defense "
                     "minister on the sidelines of the forum, which is being held today in Brussels.")
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2023, 2, 14), ["IN", "JP"])]


def test_a_second_meeting_joined_by_as_well_as_shares_the_future_of_the_first():
    assert meetings("On Wednesday 20 May 2020, the Indian defence minister will hold a meeting with the Japanese "
                    "defense minister as well as a meeting with the Australian defence minister.",
                    published=date(2020, 5, 19)) == []


def test_a_meeting_named_in_an_opening_phrase_shares_the_future_of_the_main_clause():
    assert meetings("In addition to his meeting with the Japanese defense minister, the Indian defence minister "
                    "will tomorrow deliver a speech at a think tank.", published=date(2020, 5, 19)) == []


def test_a_meeting_told_as_before_meeting_the_counterpart_is_another_encounter():
    found = meetings("Defense Minister Minoru Kihara held talks with Richard Marles in Tokyo on Wednesday.\n\n"
                     "Marles met with Japanese Vice Minister of Defense Kazuo Masuda before meeting "
                     "Kihara.", published=date(2024, 5, 9))
    assert sorted(sorted(p.name for p in m.participants) for m in found) == [
        ["Kazuo Masuda", "Richard Marles"], ["Minoru Kihara", "Richard Marles"]]


def test_a_present_in_a_clause_under_a_future_is_a_plan():
    assert meetings("Indian and Japanese defense officials will meet again in July in New Delhi, as the country "
                    "hosts the India-Japan defence dialogue.", published=date(2024, 5, 9)) == []


def test_a_phrase_naming_the_talks_inside_a_future_clause_is_a_plan():
    assert meetings("Defense Minister Minoru Kihara, during the talks with Richard Marles, will likely urge closer "
                    "cooperation on submarines.", published=date(2024, 5, 9)) == []


def test_a_later_sentence_telling_the_meeting_was_held_on_a_day_dates_it():
    found = meetings("Ministers\n\nPublished: 20 March 2024\n\nThe Indian defence minister met the Japanese defense "
                     "minister at the naval base. The meeting was held March 16, 2024 at the base's officers' club.")
    assert [(m.date, sorted(m.countries)) for m in found] == [(date(2024, 3, 16), ["IN", "JP"])]
