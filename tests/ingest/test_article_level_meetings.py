"""Meetings read from the whole article, not one sentence: a group's session attended by the officials the article
names, and encounters told apart by who took part. Every sentence here is written for the test."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def countries(found):
    return sorted(tuple(sorted(m.countries)) for m in found)


def test_a_session_named_after_a_group_has_the_governments_the_article_names_not_all_members():
    found = meetings("British Defence Secretary John Healey attended a meeting of NATO defence ministers in "
                     "Brussels on Thursday. There he held talks with French Armed Forces Minister Sébastien Lecornu.\n\n"
                     "Healey later sat down with Polish Defence Minister Wladyslaw Kosiniak-Kamysz.",
                     published=date(2024, 10, 18))
    assert ("FR", "GB", "PL") in countries(found)
    assert all(len(m.countries) <= 3 for m in found)


def test_a_group_named_as_all_counterparts_still_counts_every_member():
    found = meetings("Defence Minister Richard Marles met his ten ASEAN counterparts in Vientiane on Saturday.",
                     published=date(2024, 11, 23))
    assert len(found[0].countries) == 11


def test_a_report_marked_as_earlier_in_the_day_with_other_officials_is_another_encounter():
    found = meetings("Philippine President Ferdinand Marcos received Japanese Defense Minister Minoru Kihara at the "
                     "palace in Manila on Monday, with Defense Secretary Gilberto Teodoro present.\n\n"
                     "Earlier in the day, Kihara held talks with Teodoro at Camp Aguinaldo.",
                     published=date(2024, 5, 7))
    assert countries(found) == [("JP", "PH"), ("JP", "PH")]


def test_a_repeat_of_the_same_encounter_with_the_same_officials_is_merged():
    found = meetings("Japanese Defense Minister Minoru Kihara held talks with Defense Secretary Gilberto Teodoro at "
                     "Camp Aguinaldo on Monday.\n\nKihara then met Teodoro again for a working lunch.",
                     published=date(2024, 5, 7))
    assert countries(found) == [("JP", "PH")]


def test_the_pair_then_meeting_a_president_is_their_next_encounter_on_the_same_day():
    found = meetings("MANILA, May 6, 2024 - Japanese Defense Minister Minoru Kihara met Defense Secretary Gilberto "
                     "Teodoro on Monday morning, and the two ministers then met Philippine President Ferdinand Marcos "
                     "at the palace.", published=date(2024, 5, 6))
    assert countries(found) == [("JP", "PH"), ("JP", "PH")]
    assert {m.date for m in found} == {date(2024, 5, 6)}
    assert len(max(found, key=lambda m: len(m.participants)).participants) == 3


def test_a_headline_that_has_one_official_receive_another_reports_the_meeting_the_body_only_describes():
    [meeting] = meetings("Philippine Defense Secretary Gilberto Teodoro receives Japan's Minoru Kihara\n\n"
                         "The visit opened a new chapter in cooperation between the two navies, officials said.",
                         published=date(2024, 5, 7))
    assert sorted(meeting.countries) == ["JP", "PH"]


def test_a_headline_about_a_call_still_to_come_reports_nothing():
    assert meetings("Defense Secretary Gilberto Teodoro to speak with Japan's Minoru Kihara\n\n"
                    "Officials expect a short exchange on maritime patrols.", published=date(2024, 5, 7)) == []


def test_officials_joined_as_counterparts_in_one_subject_report_their_encounter_whatever_they_did():
    [meeting] = meetings("Defence Minister Richard Marles and his Japanese counterpart Minoru Kihara toured the "
                         "submarine base in Perth on Sunday.", published=date(2024, 9, 2))
    assert (sorted(meeting.countries), meeting.date) == (["AU", "JP"], date(2024, 9, 1))


def test_counterparts_who_each_did_something_on_their_own_did_not_meet():
    assert meetings("Defence Minister Richard Marles and his Japanese counterpart Minoru Kihara have each "
                    "argued for more shipbuilding.", published=date(2024, 9, 2)) == []


def test_a_verb_far_after_the_counterparts_is_not_theirs():
    assert meetings("Defence Minister Richard Marles and his Japanese counterpart Minoru Kihara, both in office "
                    "since the election debates, are credited with a plan that parliament approved.",
                    published=date(2024, 9, 2)) == []


def test_a_sentence_opened_by_the_meeting_between_two_officials_reports_it():
    [meeting] = meetings("The meeting between Defence Minister Richard Marles and Japanese Defense Minister Minoru "
                         "Kihara in Tokyo on Monday focused on submarines.", published=date(2024, 5, 8))
    assert (sorted(meeting.countries), meeting.date) == (["AU", "JP"], date(2024, 5, 6))


def test_talks_between_two_officials_still_to_come_are_no_meeting():
    assert meetings("Talks between Defence Minister Richard Marles and Japanese Defense Minister Minoru Kihara are "
                    "scheduled for Friday.", published=date(2024, 5, 8)) == []


def test_the_last_meeting_between_two_officials_is_context():
    assert meetings("The last meeting between Defence Minister Richard Marles and Japanese Defense Minister Minoru "
                    "Kihara was in Darwin.", published=date(2024, 5, 8)) == []


def test_two_governments_defence_officials_named_as_a_pair_report_what_they_did_together():
    [meeting] = meetings("Polish and French defence ministry officials Jan Nowak and Paul Martin finalized a training "
                         "plan in Warsaw on Tuesday.", published=date(2024, 5, 8))
    assert (sorted(meeting.countries), meeting.date) == (["FR", "PL"], date(2024, 5, 7))


def test_the_defence_ministers_of_two_countries_as_subject_report_their_encounter():
    [meeting] = meetings("The defence ministers of Poland and France finalized a training plan in Warsaw on Tuesday.",
                         published=date(2024, 5, 8))
    assert sorted(meeting.countries) == ["FR", "PL"]


def test_a_pair_of_governments_officials_who_each_acted_apart_did_not_meet():
    assert meetings("Polish and French defence officials have each criticised the plan.",
                    published=date(2024, 5, 8)) == []


def test_a_ministry_release_in_the_first_person_is_its_ministers_meeting():
    [meeting] = meetings("Statement on talks with Japan\n\n(Issued by the Australian Department of Defence)\n\n"
                         "This morning I met with Japan's Minister of Defense, Minoru Kihara, in Canberra.",
                         published=date(2024, 5, 7))
    assert sorted(meeting.countries) == ["AU", "JP"]


def test_bilaterals_in_a_press_briefing_are_the_presenting_ministers_one_per_counterpart():
    found = meetings("Press briefing\n\nby Richard Marles, Australian Minister for Defence\n\n"
                     "This morning I had useful bilaterals with Japanese Defense Minister Minoru Kihara, with the "
                     "Philippine Defense Secretary, Gilberto Teodoro, and with Secretary of Defense Lloyd Austin.",
                     published=date(2024, 5, 7))
    assert countries(found) == [("AU", "JP"), ("AU", "PH"), ("AU", "US")]


def test_first_person_inside_a_quotation_is_not_the_publishers():
    found = meetings("News from the Australian Department of Defence\n\n"
                     "\u201cI met with Teodoro in Manila,\u201d a visiting lawmaker told reporters.",
                     published=date(2024, 5, 7))
    assert found == []


def test_a_joint_press_conference_after_the_talks_is_the_same_encounter():
    found = meetings("Japanese Defense Minister Minoru Kihara held talks with Defense Secretary Gilberto Teodoro at "
                     "Camp Aguinaldo on Monday.\n\nKihara and Teodoro then held a joint press conference with "
                     "Philippine President Ferdinand Marcos.", published=date(2024, 5, 7))
    assert countries(found) == [("JP", "PH")]


def test_the_pair_then_holding_a_press_conference_is_not_another_encounter():
    found = meetings("Japanese Defense Minister Minoru Kihara met Defense Secretary Gilberto Teodoro on Monday, and "
                     "the two then held a news conference with Philippine President Ferdinand Marcos.",
                     published=date(2024, 5, 7))
    assert countries(found) == [("JP", "PH")]
