"""Multilateral sessions, dates that look ahead, and places that are topics rather than venues."""
from datetime import date

import pytest

from ingest.knowledge import KnowledgeBase
from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()
SHIPPED_KB = KnowledgeBase.from_data_files()
ASEAN_TEN = ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_member_states_of_a_group_spelled_out_expand_to_all_members():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III joined his counterparts from the ten member nations "
                         "of the Association of Southeast Asian Nations in Vientiane today.", published=date(2024, 11, 21))
    assert meeting.countries == sorted([*ASEAN_TEN, "US"])


def test_a_session_that_brought_together_every_member_is_a_meeting_of_all():
    [meeting] = meetings("The annual meeting, chaired by Lao Defense Minister Chansamone Chanyalath in Vientiane on "
                         "Wednesday, brought together the defense ministers of all ten ASEAN member states and of "
                         "Japan, China and the United States.", published=date(2024, 11, 22))
    assert (meeting.countries, meeting.date) == (sorted([*ASEAN_TEN, "CN", "JP", "US"]), date(2024, 11, 20))


def test_tomorrow_never_dates_a_held_meeting():
    found = meetings("Secretary of Defense Lloyd J. Austin III met his ten ASEAN counterparts in Vientiane today. "
                     "On the sidelines of the meeting, Austin held talks with Japanese Defense Minister Minoru Kihara. "
                     "Austin travels to Manila tomorrow.", published=date(2024, 11, 21))
    assert [m.date for m in found] == [date(2024, 11, 21), date(2024, 11, 21)]


def test_a_country_in_the_topic_of_talks_is_not_the_venue():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles held "
                         "talks on Monday on maritime security and the situation in Ukraine.", published=date(2024, 5, 9))
    assert (meeting.place, meeting.place_country) == (None, None)


def test_a_session_described_after_the_sentence_that_dates_it_takes_that_day():
    found = meetings("Japanese Defense Minister Minoru Kihara led a delegation to the annual ASEAN forum in Vientiane "
                     "on November 20. The forum, chaired by Laos, brought together the defense ministers of all ten "
                     "ASEAN member states and of Japan and China.", published=date(2024, 11, 22))
    assert [(m.countries, m.date) for m in found] == [(sorted([*ASEAN_TEN, "CN", "JP"]), date(2024, 11, 20))]


def test_a_venue_named_earlier_in_the_paragraph_is_the_meetings():
    [meeting] = meetings("Press conference of Japanese Defense Minister Minoru Kihara and Australian Defence Minister "
                         "Richard Marles\n\nMINORU KIHARA: It is a pleasure to welcome Richard to Tokyo. We had a "
                         "very productive meeting this morning.\n\nRICHARD MARLES: Thank you, Minoru.", published=date(2024, 5, 9))
    assert (meeting.place, meeting.place_country) == ("Tokyo", "JP")


def test_a_known_city_opening_the_story_with_its_agency_in_brackets_is_the_venue_of_last_resort():
    [meeting] = meetings("JAKARTA, Indonesia, Aug 4 (Wire / Daily Herald - 4th Aug, 2024) Indonesian Defense Minister "
                         "Prabowo Subianto met Australian Defence Minister Richard Marles on Sunday.")
    assert (meeting.place, meeting.place_country) == ("Jakarta", "ID")


def test_a_city_and_agency_line_above_the_story_is_its_dateline():
    [meeting] = meetings("Manila - Wire\nPhilippine Defense Secretary Gilberto Teodoro held talks with Japanese "
                         "Defense Minister Minoru Kihara on Tuesday.")
    assert (meeting.place, meeting.place_country) == ("Manila", "PH")


def test_a_capital_introduced_by_its_common_noun_is_named_alone():
    [meeting] = meetings("Prabowo Subianto and Richard Marles met in the Indonesian capital of Jakarta on Monday.",
                         published=date(2024, 2, 6))
    assert (meeting.place, meeting.place_country) == ("Jakarta", "ID")


def test_a_headline_naming_where_the_talks_were_held_gives_the_venue():
    [meeting] = meetings("Japan, Australia hold defense talks in Canberra\n\nJapanese Defense Minister Minoru Kihara "
                         "met Australian Defence Minister Richard Marles on Monday.", published=date(2024, 5, 7))
    assert (meeting.place, meeting.place_country) == ("Canberra", "AU")


def test_a_city_and_country_before_a_colon_open_the_story_as_its_dateline():
    [meeting] = meetings("Manila, Philippines: Philippine Defense Secretary Gilberto Teodoro met Japanese Defense "
                         "Minister Minoru Kihara on Monday.", published=date(2024, 5, 7))
    assert (meeting.place, meeting.place_country) == ("Manila", "PH")


def test_a_day_written_after_the_city_in_wire_style_is_no_part_of_the_place():
    [meeting] = meetings("Chinese and Indian defense ministers held talks in Beijing Thursday on border patrols.",
                         published=date(2024, 5, 17))
    assert (meeting.place, meeting.place_country, meeting.date) == ("Beijing", "CN", date(2024, 5, 16))


def test_a_month_before_the_city_is_no_part_of_the_place():
    [meeting] = meetings("Chinese and Indian defense ministers held talks in May in Beijing on border patrols.",
                         published=date(2024, 6, 17))
    assert (meeting.place, meeting.place_country) == ("Beijing", "CN")


def test_other_members_of_a_group_are_some_of_them_not_the_whole_group():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III held talks with Polish Defence Minister Anna Nowak "
                         "in Warsaw today and bilateral discussions with other NATO members.", published=date(2024, 3, 1))
    assert meeting.countries == ["PL", "US"]


def test_a_session_named_by_whose_it_is_reported_as_held_is_a_meeting():
    # Past the lead, so only the body's own report of the session can open the meeting.
    [meeting] = meetings("Allies plan to buy more air defence, Secretary of Defense Lloyd J. Austin III said. The plan "
                         "covers ten years. It was drafted in January. Its cost is not known. The meeting of defence "
                         "ministers of the NATO member countries was held in Brussels on Thursday. Polish Defence "
                         "Minister Anna Nowak presented the plan there.", published=date(2024, 2, 16))
    assert (meeting.countries, meeting.date) == (["PL", "US"], date(2024, 2, 15))



def test_an_undated_article_takes_a_groups_members_on_the_day_its_text_gives():
    # No publication line: the day the text tells is a day those were the group's members (all joined in 2009).
    [meeting] = extract_document("test.txt", "The NORDEFCO defence ministers met in Oslo.\n\n12 May 2023, the "
                                 "NORDEFCO defence ministers met in Oslo, Norway.", SHIPPED_KB).meetings
    assert meeting.countries == ["DK", "FI", "IS", "NO", "SE"]


def test_the_nordic_defence_ministers_are_the_nordic_defence_cooperations_members():
    [meeting] = extract_document("test.txt", "The Nordic defence ministers met in Oslo on Friday to discuss air "
                                 "defence.", SHIPPED_KB, published=date(2023, 5, 13)).meetings
    assert meeting.countries == ["DK", "FI", "IS", "NO", "SE"]


def _kb_with_a_session_named_group():
    from dataclasses import replace

    from ingest.knowledge import Group
    from testkb import ASEAN
    kb = small_kb()
    admm = Group("ADMM", "ASEAN Defence Ministers' Meeting", ("ASEAN Defence Ministers' Meeting",), ASEAN.members)
    return replace(kb, groups=[*kb.groups, admm])


def test_a_group_named_by_its_session_reported_as_held_is_a_meeting_of_its_members():
    [found] = extract_document("t.txt", "Ministers meet\n\nThe ASEAN Defence Ministers' Meeting was held in Vientiane "
                               "on Monday.", _kb_with_a_session_named_group(), published=date(2024, 5, 15)).meetings
    assert (len(found.countries), found.date) == (10, date(2024, 5, 13))


def test_a_session_named_group_on_whose_sidelines_two_met_is_only_the_setting():
    [found] = extract_document("t.txt", "Ministers meet\n\nAustralian Defence Minister Richard Marles met Japanese "
                               "Defense Minister Minoru Kihara on the sidelines of the ASEAN Defence Ministers' Meeting "
                               "in Vientiane on Monday.", _kb_with_a_session_named_group(),
                               published=date(2024, 5, 15)).meetings
    assert sorted(found.countries) == ["AU", "JP"]


def test_a_defence_industry_minister_in_a_story_of_australia_is_australian():
    [meeting] = extract_document("x.txt", "PERTH, Oct 12, 2023 (AAP) - Defence Industry Minister Pat Conroy met PNG "
                                 "Defence Minister Win Bakri Daki on Thursday.", SHIPPED_KB).meetings
    assert sorted(meeting.countries) == ["AU", "PG"]


def test_a_group_on_whose_sidelines_two_ministers_met_is_their_setting_not_their_parties():
    [meeting] = meetings("Indian Defence Minister Rajnath Singh met US Defense Secretary Lloyd Austin on the "
                         "sidelines of ASEAN Defence Ministers' Meet in Vientiane on Nov. 20, 2024.")
    assert sorted(meeting.countries) == ["IN", "US"]


def test_a_series_of_bilaterals_with_a_groups_ministers_is_one_meeting_per_government_it_names():
    found = meetings("Indian Defence Minister Rajnath Singh on Nov. 20, 2024 held a series of bilateral meetings "
                     "with his counterparts from ASEAN nations and US Defense Secretary Lloyd Austin in Vientiane.")
    assert [sorted(m.countries) for m in found] == [["IN", "US"]]


def test_ministers_met_one_after_another_during_a_days_meetings_are_met_apart():
    found = meetings("Indian Defence Minister Rajnath Singh also met his Philippine counterpart Gilberto Teodoro, "
                     "Australian Defence Minister Richard Marles and Japanese Defense Minister Minoru Kihara during "
                     "his day-long meetings in Vientiane on Nov. 20, 2024.")
    assert sorted(sorted(m.countries) for m in found) == [["AU", "IN"], ["IN", "JP"], ["IN", "PH"]]


def test_a_named_ministers_session_that_wrapped_up_was_held():
    [meeting] = meetings("The fifth Indo-Pacific Defence Ministers’ Meeting (IPDMM) wrapped up today in Tokyo, "
                         "featuring Defence Ministers and representatives from Japan, Australia, India and the "
                         "Philippines.",
                         published=date(2024, 5, 8))
    assert (sorted(meeting.countries), meeting.date) == (["AU", "IN", "JP", "PH"], date(2024, 5, 8))


def test_a_groups_members_listed_in_brackets_are_named_so_their_one_minister_dates_the_session():
    [meeting] = meetings("Defence ministers of the ASEAN countries (Indonesia, the Philippines, Laos and Cambodia) met "
                         "for talks in Vientiane on Wednesday, Nov. 20, and agreed to expand drills.\n\nAccording to "
                         "Philippine Defense Secretary Gilberto Teodoro, cooperation is gaining in importance.")
    assert "Gilberto Teodoro" in [p.name for p in meeting.participants]


def test_the_shipped_groups_know_the_g5_sahel_as_its_members_were_on_the_day():
    [meeting] = extract_document("test.txt", "The defence ministers of the G5 Sahel countries and France held a "
                                 "videoconference on 4 May 2021 on the fight against armed groups.", SHIPPED_KB).meetings
    assert (meeting.countries, meeting.format) == (["BF", "FR", "ML", "MR", "NE", "TD"], "video")


COMMUNIQUE = """Joint Statement of the Defence Ministers of the ASEAN Member States

Vientiane, 20 November 2024

The Ministers of Defence of the ASEAN Member States:

Reaffirm the central role of ASEAN in the regional security architecture. Unity is the region's best protection.

Underline the need for restraint in the South China Sea.
"""


def test_a_heading_presenting_the_defence_ministers_joint_statement_reports_their_meeting():
    [meeting] = meetings(COMMUNIQUE)
    assert (meeting.countries, meeting.date) == (ASEAN_TEN, date(2024, 11, 20))


def test_a_communique_lead_in_names_whose_ministers_they_are_and_each_item_is_their_position():
    [meeting] = meetings(COMMUNIQUE)
    assert [s.text for s in meeting.statements] == [
        "Reaffirm the central role of ASEAN in the regional security architecture",
        "Unity is the region's best protection",
        "Underline the need for restraint in the South China Sea"]


def test_a_heading_announcing_a_joint_statement_to_come_reports_no_meeting():
    assert meetings(COMMUNIQUE.replace("Joint Statement of", "Defence Ministers to issue Joint Statement of")) == []


def test_a_session_named_with_its_groups_abbreviation_in_brackets_is_the_groups_session():
    found = meetings("British Defence Secretary John Healey today attended the North Atlantic Treaty Organization "
                     "(NATO) Defence Ministers' meeting in Brussels. Polish Defence Minister Wladyslaw "
                     "Kosiniak-Kamysz told the session that air defence came first.", published=date(2025, 2, 13))
    assert [(m.countries, m.date) for m in found] == [(["GB", "PL"], date(2025, 2, 13))]


def test_a_session_that_it_was_attended_by_ministers_of_several_governments_reports_them():
    [meeting] = meetings("The annual ministers' meeting of the partnership is hosted in turn by its members. Chaired by "
                         "Indonesia's Defense Minister Prabowo Subianto, it was attended by Australia's Defence "
                         "Minister Richard Marles and Japan's Defense Minister Minoru Kihara.", published=date(2024, 5, 31))
    assert meeting.countries == ["AU", "ID", "JP"]


def test_ministers_of_several_governments_who_gathered_somewhere_for_a_meeting_met():
    [meeting] = meetings("WE, the Defence Ministers of Japan, Australia and the Republic of Indonesia, gathered here in "
                         "Jakarta on 7 May 2024, declare our resolve to keep the sea lanes open.", published=date(2024, 5, 7))
    assert (meeting.countries, meeting.date) == (["AU", "ID", "JP"], date(2024, 5, 7))


def test_a_group_named_as_a_session_that_was_convened_is_that_session_of_its_members():
    [meeting] = extract_document("test.txt", "1. The Third ASEAN Defence Ministers' Meeting - Plus (ADMM-Plus) was "
                                 "convened in Bandar Seri Begawan on 29 August 2013.", SHIPPED_KB).meetings
    assert len(meeting.countries) == 18 and {"US", "CN", "RU", "BN"} <= set(meeting.countries)


@pytest.mark.parametrize("verb", ["addressed", "chaired", "spoke at"])
def test_an_official_who_addressed_or_chaired_a_groups_session_was_at_it(verb):
    [meeting] = meetings(f"Philippine Defense Secretary Gilberto Teodoro {verb} the 18th session of the ASEAN defence "
                         "ministers' meeting in Vientiane on Wednesday.", published=date(2024, 11, 21))
    assert (meeting.countries, meeting.date) == (ASEAN_TEN, date(2024, 11, 20))


def test_attending_a_meeting_are_the_governments_listed_after_the_verb_observers_too():
    [meeting] = meetings("Attending the annual defence ministers' meeting in Suva were delegates from Australia, "
                         "Indonesia and Japan, as well as observer nations France and the United States.",
                         published=date(2024, 11, 21))
    assert meeting.countries == ["AU", "FR", "ID", "JP", "US"]


def test_a_groups_defence_ministers_in_the_lead_are_all_its_members_at_their_session():
    [meeting] = meetings("ASEAN ministers vow joint response to outbreaks\n\nASEAN defence ministers yesterday pledged "
                         "to pool their military medical teams against infectious diseases.\n\nIn Vientiane, the "
                         "ministers adopted a joint statement on the plan.", published=date(2024, 11, 21))
    assert (meeting.countries, meeting.date) == (ASEAN_TEN, date(2024, 11, 20))


def test_a_groups_acronym_written_as_a_word_is_the_group():
    [meeting] = meetings("Philippine Defense Secretary Gilberto Teodoro met his Asean counterparts in Vientiane "
                         "today.", published=date(2024, 11, 21))
    assert meeting.countries == ASEAN_TEN


def test_governments_named_in_what_was_discussed_at_the_talks_are_not_at_another_meeting():
    found = meetings("Japanese Defense Minister Minoru Kihara and Secretary of Defense Lloyd Austin held talks in Tokyo "
                     "on Monday.\n\nKihara added that the drills of Chinese and Russian troops near Japan were "
                     "thoroughly discussed during the talks.", published=date(2024, 5, 9))
    assert [m.countries for m in found] == [["JP", "US"]]


def test_a_known_official_whose_given_name_is_spelled_one_letter_otherwise_is_not_another_governments():
    found = extract_document("test.txt", "The South Africa-Zimbabwe Joint Commission held its session in Durban on "
                             "Monday.\n\nThe South African delegation was led by Mosiuoa Lekota, Minister of Defence."
                             "\n\nThe Zimbabwean delegation was led by Dr Sidney Sekeramayi, Minister of State for "
                             "National Security.\n\nThe meeting was held in a cordial atmosphere, reflective of the "
                             "relations between the two countries.", SHIPPED_KB, published=date(2005, 6, 1)).meetings
    assert [m.countries for m in found] == [["ZA", "ZW"]]


def test_the_defence_ministers_of_a_groups_member_states_in_the_lead_are_all_its_members():
    [meeting] = meetings("Documents for ASEAN summit agreed on\n\nVIENTIANE, Nov 20 - The defence and foreign ministers of "
                         "the Association of Southeast Asian Nations (ASEAN)'s member states have finalized a package "
                         "of documents for the summit.", published=date(2024, 11, 20))
    assert meeting.countries == ASEAN_TEN


def test_a_groups_name_with_its_abbreviation_before_member_nations_is_all_its_members():
    [meeting] = meetings("The heads of delegation of the Association of Southeast Asian Nations (ASEAN) member "
                         "nations met in Vientiane today to discuss defence cooperation.", published=date(2024, 11, 20))
    assert meeting.countries == ASEAN_TEN


def test_he_who_addressed_a_groups_session_is_its_participant_though_his_government_is_a_member():
    [meeting] = meetings("Philippine Defense Secretary Gilberto Teodoro arrived in Vientiane on Tuesday.\n\nOn "
                         "Wednesday he addressed the 18th session of the ASEAN defence ministers' meeting.",
                         published=date(2024, 11, 21))
    assert [p.name for p in meeting.participants] == ["Gilberto Teodoro"]


def test_a_foreign_minister_named_as_background_is_not_at_a_defence_ministers_session():
    [meeting] = meetings("Philippine Defense Secretary Gilberto Teodoro attended the meeting of defence ministers of the "
                         "ASEAN member states in Vientiane on Wednesday.\n\nLast month, Vietnamese Foreign Minister Bui "
                         "Thanh Son visited Vientiane for the ASEAN foreign ministers' meeting.", published=date(2024, 11, 21))
    assert "Bui Thanh Son" not in [p.name for p in meeting.participants]
    assert meeting.countries == ASEAN_TEN


def test_a_series_announced_in_the_sentence_before_splits_the_list_of_counterparts_that_follows():
    found = meetings("Indian Defence Minister Rajnath Singh on Monday held bilateral meetings with his counterparts from "
                     "Asia.\n\nSingh met Japanese Defense Minister Minoru Kihara (Japan) and Australian Defence Minister "
                     "Richard Marles (Australia) and discussed defence cooperation.", published=date(2024, 5, 7))
    assert sorted(m.countries for m in found) == [["AU", "IN"], ["IN", "JP"]]


def test_irans_defence_office_written_as_defense_minister_and_armed_forces_logistics_places_its_holder():
    [meeting] = extract_document("t.txt", "YEREVAN, November 8, 2007 - Armenian Defense Minister Arman Petrosyan and "
                                 "Iran’s Defense Minister and Armed Forces Logistics, Major General Ali Karimi signed "
                                 "a memorandum on cooperation.", SHIPPED_KB).meetings
    assert ("Ali Karimi", "IR") in [(p.name, p.country) for p in meeting.participants]


def test_countries_taking_part_in_a_groups_mission_are_not_all_its_members():
    found = meetings("BRUSSELS, February 13, 2024: Within the scope of the NATO Defence Ministers Meeting, Polish "
                     "Defence Minister Wladyslaw Kosiniak-Kamysz took part in a session held for countries taking part "
                     "in NATO's training mission and met French Minister of the Armed Forces Sebastien Lecornu.")
    assert all(len(m.countries) == 2 for m in found)
