"""Countries, groups and officials found in text and resolved against the KB."""
from datetime import date

import pytest

from ingest.entities import find_entities
from ingest.knowledge import KnowledgeBase
from testkb import small_kb

KB = small_kb()


def people(text, on=date(2024, 3, 1)):
    found = find_entities(text, KB.entity_index, on)
    return {p.name: (p.country, p.role, p.official.name if p.official else None) for p in found.people.values()}


def mentioned(text, person_key, on=date(2024, 3, 1)):
    found = find_entities(text, KB.entity_index, on)
    return [text[m.start:m.end] for m in found.person_mentions if m.key == person_key]


def test_known_official_with_title_and_demonym():
    assert people("Japanese Defense Minister Minoru Kihara arrived.") == {
        "Minoru Kihara": ("JP", "Minister of Defense", "Minoru Kihara")}


def test_possessive_country_title_and_either_name_order():
    assert people("South Korea's Defense Minister Won-sik Shin spoke.") == {
        "Won-sik Shin": ("KR", "Minister of National Defense", "Shin Won-sik")}


def test_a_family_name_after_its_country_in_the_possessive_is_that_official():
    text = "Japanese Defense Minister Minoru Kihara met Richard Marles. Later, Japan’s Kihara said the talks went well."
    assert mentioned(text, "Minoru Kihara") == ["Minoru Kihara", "Kihara"]


def test_initials_and_suffix_resolve_to_the_known_official():
    assert people("U.S. Secretary of Defense Lloyd J. Austin III said.")["Lloyd J. Austin III"][2] == "Lloyd Austin"


def test_unknown_person_with_a_defense_title_keeps_a_normalized_role():
    assert people("Estonian Defence Minister Hanno Pevkur said.") == {
        "Hanno Pevkur": ("EE", "Defense Minister", None)}


def test_counterpart_with_demonym():
    assert people("Austin called his Australian counterpart Richard Marles.")["Richard Marles"][0] == "AU"


def test_spokesperson_is_not_a_person_of_interest():
    assert people("Pentagon spokesperson Jane Roe said the ministers met.") == {}


def test_former_officials_are_not_picked_up_by_title():
    assert people("Former Defense Minister Hanno Pevkur of Estonia said.") == {}


def test_family_name_later_mentions():
    text = "Japanese Defense Minister Minoru Kihara met reporters. Kihara said the talks went well."
    assert mentioned(text, "Minoru Kihara") == ["Minoru Kihara", "Kihara"]


def test_short_title_with_family_name_resolves_by_date():
    assert "Shin Won-sik" in people("In Seoul, Minister Shin welcomed the plan for South Korea.", on=date(2024, 2, 1))


def test_a_name_said_alone_never_reaches_an_official_of_a_government_the_article_does_not_name():
    assert people("Minister Shin welcomed the plan.", on=date(2024, 2, 1)) == {}


def test_a_short_title_before_a_longer_name_is_not_a_family_name_mention():
    assert people("South Korea hosted General Shin Kwang-ho on Monday.", on=date(2024, 2, 1)) == {}


def test_a_known_name_inside_a_longer_patronymic_is_not_that_official():
    assert people("Princess Sara bint Lloyd Austin spoke.") == {}


def test_a_name_with_particles_resolves_to_the_known_form_without_them():
    assert people("Indonesian Defense Minister Prabowo bin Subianto spoke.")["Prabowo bin Subianto"][2] \
        == "Prabowo Subianto"


def test_name_without_title_is_found_from_the_kb():
    assert people("Marles and Kihara shook hands; Richard Marles smiled.")["Richard Marles"][0] == "AU"


def test_countries_demonyms_and_groups():
    found = find_entities("The U.S.-ROK alliance, Japanese ships and ASEAN members", KB.entity_index, None)
    assert [(m.kind, m.code) for m in found.mentions] == [
        ("country", "US"), ("country", "KR"), ("demonym", "JP"), ("group", "ASEAN")]


def test_a_middle_initial_does_not_end_the_name():
    assert "Hanno K. Pevkur" in people("Estonian Defence Minister Hanno K. Pevkur said.")


def test_an_initial_written_against_the_name_is_part_of_it():
    assert people("Estonian Defence Minister H.Pevkur said.") == {"H.Pevkur": ("EE", "Defense Minister", None)}


def test_ranks_and_forms_of_address_between_title_and_name_are_not_the_name():
    assert "Hanno Pevkur" in people("Estonian Defence Minister Lt. Gen. Hanno Pevkur said.")
    assert "Hanno Pevkur" in people("Estonia's Minister of Defence, the Hon Hanno Pevkur MP, said.")
    assert "Hanno Pevkur" in people("Estonian Defence Minister Air Vice Marshal Hanno Pevkur said.")


def test_his_excellency_in_capitals_is_a_form_of_address_and_not_a_second_person():
    assert people("The US Secretary of Defense HE Lloyd Austin met Estonian Defence Minister HE Dr. Hanno Pevkur.") \
        .keys() == {"Lloyd Austin", "Hanno Pevkur"}
    assert people("The US Secretary of Defense H E Lloyd Austin met Estonian Defence Minister H E Dr Hanno Pevkur.") \
        .keys() == {"Lloyd Austin", "Hanno Pevkur"}


def test_a_given_name_that_looks_like_a_rank_abbreviation_stays():
    assert "Gen Nakatani" in people("Japanese Defense Minister Gen Nakatani said.", on=date(2024, 12, 1))


def test_lower_case_particles_inside_a_name():
    assert "Ahmed bin Saleh Al Harbi" in people("Estonian Defence Minister Ahmed bin Saleh Al Harbi said.")


def test_a_foreign_minister_is_found_with_the_office_as_written():
    assert people("Japanese Foreign Minister Yoko Kamikawa joined the talks.") == {
        "Yoko Kamikawa": ("JP", "Foreign Minister", None)}


def test_a_title_only_one_government_uses_tells_the_country():
    assert people("Secretary of State Antony Blinken joined the talks.") == {
        "Antony Blinken": ("US", "Secretary of State", None)}
    assert people("Chairman of the Joint Chiefs of Staff General Charles Brown attended.") == {
        "Charles Brown": ("US", "Chairman of the Joint Chiefs of Staff", None)}


def test_a_deputy_minister_is_kept_with_the_deputy_office():
    assert people("Polish Deputy Defence Minister Pawel Bejda attended.") == {
        "Pawel Bejda": ("PL", "Deputy Defense Minister", None)}


def test_a_former_defense_minister_in_another_office_takes_the_office_the_article_gives():
    assert people("Indonesian President Prabowo Subianto received Marles.", on=date(2025, 2, 1))[
        "Prabowo Subianto"] == ("ID", "President", "Prabowo Subianto")


def test_the_first_of_two_words_is_a_given_name_not_a_known_family_name():
    assert people("Australian Defence Minister Austin Reed said.") == {
        "Austin Reed": ("AU", "Minister for Defence", None)}


def test_one_word_never_resolves_to_an_official_out_of_office_that_day():
    assert people("South Korean President Lee said.", on=date(2025, 7, 1)) == {"Lee": ("KR", "President", None)}


def test_a_possessive_ends_the_name():
    assert "Yoko Kamikawa" in people("Japanese Foreign Minister Yoko Kamikawa's plan was discussed.")


def test_a_president_without_a_country_in_the_text_is_not_placed_by_the_other_side():
    assert "Jose Ramos" not in people("Lloyd Austin met President Jose Ramos on a visit to Timor-Leste.")


def test_a_president_does_not_speak_for_the_defense_side_of_his_government():
    found = people("Lloyd Austin met Defense Minister Gen. Tito Branco and Timorese President Jose Ramos.")
    assert found["Tito Branco"][0] == "TL" and found["Jose Ramos"] == ("TL", "President", None)


def test_a_known_name_with_particles_is_found_when_written_with_more_of_them():
    from testkb import COUNTRIES, OFFICES, OFFICIALS, _official
    from ingest.knowledge import CountryNames, KnowledgeBase
    kb = KnowledgeBase(countries=[*COUNTRIES, CountryNames("SA", "Saudi Arabia", (), ("Saudi",), ("Riyadh",))],
                       offices=list(OFFICES), officials=[*OFFICIALS, _official(
                           "Khalid bin Salman", "SA", "Khalid", "Minister of Defense", "2022-09-27")])
    found = find_entities("Lloyd Austin met Prince Khalid bin Salman bin Abdulaziz, the Saudi Deputy Minister of "
                          "Defense, on Monday.", kb.entity_index, date(2021, 7, 6))
    khalid = found.people["Khalid bin Salman"]
    assert (khalid.country, khalid.role) == ("SA", "Deputy Minister of Defense")


def test_two_unknown_officials_of_one_family_name_stay_two_people():
    found = people("Timorese President Jose Ramos and Timorese Foreign Minister Maria Ramos attended.")
    assert set(found) == {"Jose Ramos", "Maria Ramos"}


def test_two_offices_joined_by_and_name_the_person_by_the_last_with_the_government_of_the_first():
    assert people("Estonian Deputy Prime Minister and Minister of Defence Hanno Pevkur said.") == {
        "Hanno Pevkur": ("EE", "Minister of Defense", None)}


def test_a_serving_defense_minister_named_by_another_office_he_holds_keeps_the_defense_office():
    assert people("Indonesian President Prabowo Subianto said.", on=date(2024, 3, 1))["Prabowo Subianto"][1] \
        == "Minister of Defense"


def test_a_title_of_a_named_country_before_the_name():
    assert people("Lloyd Austin met the Defence Minister of Estonia Lt. Gen. Hanno Pevkur.") == {
        "Lloyd Austin": ("US", "Secretary of Defense", "Lloyd Austin"), "Hanno Pevkur": ("EE", "Defense Minister", None)}


def test_in_a_list_of_names_each_followed_by_an_office_the_office_belongs_to_the_name_before_it():
    found = people("Present were Hanno Pevkur, Estonian Defence Minister, Kaja Tamm, Chair of the Budget Office.")
    assert found == {"Hanno Pevkur": ("EE", "Defense Minister", None)}


def test_an_institution_after_the_country_of_a_title_is_not_a_name():
    assert people("Speaking was the Chief of Staff of the Estonian Armed Forces.") == {}


def test_a_former_defense_minister_titled_by_another_office_on_an_unknown_day_takes_that_office():
    assert people("Indonesian President Prabowo Subianto spoke.", on=None)["Prabowo Subianto"][1] == "President"


def test_a_name_may_open_with_any_latin_capital():
    assert "Ivan Šimić" in people("Estonian Defence Minister Ivan Šimić said.")
    assert "Łukasz Nowak" in people("Estonian Defence Minister Łukasz Nowak said.")


def test_a_defense_official_is_resolved_by_country_and_day_then_family_name_whatever_the_given_names():
    assert people("Japanese Defense Minister Minoru K. Tanaka Kihara said.", on=date(2024, 3, 1))[
        "Minoru K. Tanaka Kihara"][2] == "Minoru Kihara"


def test_on_an_unknown_day_the_given_name_must_be_alike_too():
    assert people("Japanese Defense Minister Minoro Kihara said.", on=None)["Minoro Kihara"][2] == "Minoru Kihara"
    assert people("Japanese Defense Minister Taro Kihara said.", on=None)["Taro Kihara"][2] is None


def test_another_office_of_the_same_family_name_is_not_the_defense_official():
    assert people("Indian Chief of Naval Staff Admiral Karan Singh attended.", on=date(2024, 3, 1)) == {
        "Karan Singh": ("IN", "Chief of Naval Staff", None)}


def test_a_weekday_after_a_short_title_mention_does_not_make_it_a_longer_name():
    assert "Shin Won-sik" in people("South Korea said Minister Shin Tuesday welcomed the plan.", on=date(2024, 2, 1))


def test_malay_forms_of_address_are_not_the_name():
    assert "Khaled Nordin" in people("Malaysian Defence Minister Dato' Seri Haji Khaled Nordin spoke.")


def test_a_counterpart_holds_his_governments_defense_office():
    assert people("Lloyd Austin met his Estonian counterpart Hanno Pevkur.")["Hanno Pevkur"] == (
        "EE", "Defense Minister", None)


def test_a_fathers_name_inside_a_patronymic_is_not_looked_up_as_the_person():
    assert people("Estonian Defence Minister Sara bint Lloyd Austin said.") == {
        "Sara bint Lloyd Austin": ("EE", "Defense Minister", None)}


def test_a_family_name_after_another_given_name_is_another_person():
    text = "Rajnath Singh met the press. Indian Chief of Naval Staff Admiral Karan Singh attended."
    assert mentioned(text, "Rajnath Singh") == ["Rajnath Singh"]


def test_a_family_name_after_a_title_or_a_sentence_end_is_still_the_person():
    text = "Rajnath Singh met the press on Monday. Singh said so. Minister Singh left."
    assert mentioned(text, "Rajnath Singh") == ["Rajnath Singh", "Singh", "Singh"]


def test_a_list_of_attendees_after_its_cue_names_people_of_the_government_it_states():
    found = find_entities("The meeting was attended by Lt. Gen. Kenji Sato, the Japanese vice minister, and "
                          "Aya Mori, an adviser.", KB.entity_index, date(2024, 3, 1))
    assert {(found.people[k].name, found.people[k].country) for _, _, keys in found.attendance for k in keys} == {
        ("Kenji Sato", "JP"), ("Aya Mori", "JP")}


def test_a_list_of_attendees_before_its_cue_takes_the_government_of_those_placed_in_it():
    found = find_entities("Japanese Defense Minister Minoru Kihara, Admiral Ken Ito and Dr. Aya Mori were also "
                          "present.", KB.entity_index, date(2024, 3, 1))
    assert {(found.people[k].name, found.people[k].country) for _, _, keys in found.attendance for k in keys} == {
        ("Minoru Kihara", "JP"), ("Ken Ito", "JP"), ("Aya Mori", "JP")}


def test_an_attendee_written_after_an_office_without_a_government_is_listed():
    found = find_entities("Prime Minister Fumio Kishida received Richard Marles. Defense Minister Minoru Kihara was "
                          "also present.", KB.entity_index, date(2024, 3, 1))
    assert [keys for _, _, keys in found.attendance] == [["Minoru Kihara"]]


def test_an_office_in_a_list_of_attendees_is_not_a_name():
    found = find_entities("The meeting was attended by Japanese officials, Deputy Prime Minister and the Chief "
                          "Cabinet Secretary.", KB.entity_index, date(2024, 3, 1))
    assert found.attendance == []


def test_an_attendee_takes_the_office_the_list_gives_before_the_name_or_after_it():
    found = find_entities("The meeting was attended by Deputy Chief of Mission Dr. Kenji Sato; Aya Mori, Japanese "
                          "Chair of the Budget Office; and Sheikh Ali Hassan, Sheikh Omar Farouk.", KB.entity_index,
                          date(2024, 3, 1))
    assert {found.people[k].name: found.people[k].role for _, _, keys in found.attendance for k in keys} == {
        "Kenji Sato": "Deputy Chief of Mission", "Aya Mori": "Chair of the Budget Office", "Ali Hassan": None,
        "Omar Farouk": None}


def _kb_with_saudi_princes():
    from testkb import COUNTRIES, OFFICES, OFFICIALS, _official
    from ingest.knowledge import CountryNames, KnowledgeBase
    return KnowledgeBase(
        countries=[*COUNTRIES, CountryNames("SA", "Saudi Arabia", (), ("Saudi",), ("Riyadh",)),
                   CountryNames("NG", "Nigeria", (), ("Nigerian",), ("Abuja",))],
        offices=list(OFFICES), officials=[
            *OFFICIALS, _official("Mohammed bin Salman", "SA", "Mohammed", "Minister of Defense", "2015-01-23",
                                  "2022-09-27"),
            _official("Khalid bin Salman", "SA", "Khalid", "Minister of Defense", "2022-09-27")])


def test_a_given_name_shared_with_a_known_official_of_another_country_never_resolves_to_him():
    kb = _kb_with_saudi_princes()
    found = find_entities("Nigerian Defence Minister Mohammed Badaru met Minister Khalid Ahmed of Nigeria. "
                          "Mohammed said so.", kb.entity_index, date(2021, 5, 1))
    assert {(p.name, p.country, p.official) for p in found.people.values()} == {
        ("Mohammed Badaru", "NG", None)}


def test_a_known_official_named_by_family_name_alone_is_given_his_full_name():
    assert "Lloyd Austin" in people("Next to the U.S. Defense Secretary, Mr. Austin, sat the minister.")


def test_those_a_delegation_of_a_named_government_is_led_by_belong_to_it():
    found = find_entities("The Japanese delegation was headed by Foreign Minister Taro Yamada, accompanied by "
                          "Vice Admiral Ken Ito and Dr. Aya Mori. The delegation of Indonesia is led by State "
                          "Secretary Budi Santoso.", KB.entity_index, date(2024, 3, 1))
    assert {(p.name, p.country) for p in found.people.values()} == {
        ("Taro Yamada", "JP"), ("Ken Ito", "JP"), ("Aya Mori", "JP"), ("Budi Santoso", "ID")}


def test_an_office_outside_defense_with_no_delegation_stated_stays_without_a_government():
    assert people("Foreign Minister Taro Yamada met the press.") == {}


def test_an_initial_written_against_the_family_name_finds_the_official_known_with_a_space():
    from testkb import COUNTRIES, OFFICES, OFFICIALS, _official
    from ingest.knowledge import CountryNames, KnowledgeBase
    kb = KnowledgeBase(countries=[*COUNTRIES, CountryNames("MN", "Mongolia", (), ("Mongolian",), ("Ulaanbaatar",))],
                       offices=list(OFFICES), officials=[*OFFICIALS, _official(
                           "Luvsanvandan Bold", "MN", "Bold", "Minister of Defence", "2008-09-19", "2012-08-21",
                           ("L. Bold",))])
    found = find_entities("Defense Minister L.Bold flew to Ottawa for talks.", kb.entity_index, date(2011, 5, 2))
    assert [(p.name, p.country) for p in found.people.values()] == [("Luvsanvandan Bold", "MN")]


def test_a_name_cut_after_an_initial_makes_no_person():
    assert people("Estonian Defence Minister Hanno Pevkur met his Polish counterpart Piotr K.") == {
        "Hanno Pevkur": ("EE", "Defense Minister", None)}


def test_an_attendee_named_with_an_initial_before_the_family_name_is_kept_whole():
    found = find_entities("The talks were attended by Gen. Ken T. Ito and Dr. Aya M. of the Japanese ministry.",
                          KB.entity_index, date(2024, 3, 1))
    assert {found.people[k].name for _, _, keys in found.attendance for k in keys} == {"Ken T. Ito"}


def test_a_known_official_out_of_office_that_day_takes_the_title_the_article_gives():
    assert people("Defense Secretary Jim Mattis spoke.", on=date(2024, 3, 1))["Jim Mattis"][1] == "Secretary of Defense"


def test_a_known_official_out_of_office_that_day_and_untitled_has_no_role():
    assert people("Jim Mattis spoke in Tokyo.", on=date(2024, 3, 1))["Jim Mattis"][1] is None


def test_a_known_official_on_an_unknown_day_takes_his_one_office():
    assert people("Jim Mattis spoke in Tokyo.", on=None)["Jim Mattis"][1] == "Secretary of Defense"


def test_an_attendee_written_after_an_office_without_a_rank_is_named():
    found = find_entities("Japanese Defense Minister Minoru Kihara, Director (Policy Planning) Kenji Sato, Deputy "
                          "Director of the Ministry of Defense Aya Mori and other officials were also present.",
                          KB.entity_index, date(2024, 3, 1))
    assert {found.people[k].name: found.people[k].role for _, _, keys in found.attendance for k in keys} == {
        "Minoru Kihara": "Minister of Defense", "Kenji Sato": "Director (Policy Planning)",
        "Aya Mori": "Deputy Director of the Ministry of Defense"}


def test_an_attendee_after_an_office_whose_end_is_not_told_is_left_out():
    found = find_entities("Japanese Defense Minister Minoru Kihara and Deputy Director of the Bureau of Defense "
                          "Policy Aya Mori were also present.", KB.entity_index, date(2024, 3, 1))
    assert {p.name for p in found.people.values()} == {"Minoru Kihara"}


def test_what_an_office_in_a_list_of_attendees_is_of_is_not_a_name():
    found = find_entities("The talks were attended by Japanese Vice Admiral Ken Ito, Minister of the Imperial "
                          "Household.", KB.entity_index, date(2024, 3, 1))
    assert {found.people[k].name for _, _, keys in found.attendance for k in keys} == {"Ken Ito"}


def test_an_attendee_with_a_patronymic_after_his_office_is_named_whole():
    found = find_entities("The talks were attended by Saudi Ambassador Reem Al-Saud; and Head of the Minister's "
                          "Office Omar bin Khalid bin Nasser.", _kb_with_saudi_princes().entity_index,
                          date(2021, 5, 1))
    assert {found.people[k].name: found.people[k].role for _, _, keys in found.attendance for k in keys} == {
        "Omar bin Khalid bin Nasser": "Head of the Minister's Office", "Reem Al-Saud": "Ambassador"}


def test_a_defence_secretary_of_a_government_led_by_a_defence_minister_keeps_his_own_title():
    assert people("Ravi Menon, the Defence Secretary of India, met Japanese officials.") == {
        "Ravi Menon": ("IN", "Defense Secretary", None)}


def test_a_generic_minister_title_takes_the_government_s_own_name_for_the_office():
    assert people("Defence Minister of India Arun Kapoor met Japanese officials.")["Arun Kapoor"][1] == \
        "Minister of Defence"


def test_a_country_after_an_office_that_names_a_body_is_followed_by_no_person():
    assert people("Austin met the Chief of Defence Staff of Japan Maritime Self-Defense Force on Monday.") == {}


def test_a_known_official_named_again_by_title_and_family_name_is_one_person():
    found = find_entities("Minoru Kihara spoke. Later the Minister of Defense of Japan, General Kihara, left.",
                          KB.entity_index, date(2020, 3, 1))
    assert [(p.name, p.country) for p in found.people.values()] == [("Minoru Kihara", "JP")]


def test_an_unplaced_official_takes_the_one_named_government_whose_own_office_his_title_is():
    found = find_entities("South Korea and Britain talk defense. Vice Minister of National Defense Kang Min-ho called "
                          "his British counterpart John Healey.", KB.entity_index, date(2024, 8, 1))
    assert {(p.name, p.country) for p in found.people.values()} == {("Kang Min-ho", "KR"), ("John Healey", "GB")}


def test_an_office_already_held_by_someone_named_is_not_given_to_a_second_person():
    assert people("South Korea and Japan talk. Minister of National Defense Shin Won-sik met Japan's Minoru "
                  "Kihara. Minister of National Defense Kang Min-ho left.")["Shin Won-sik"][0] == "KR" \
        and "Kang Min-ho" not in people("South Korea and Japan talk. Minister of National Defense Shin Won-sik "
                                        "met Japan's Minoru Kihara. Minister of National Defense Kang Min-ho left.")


def test_a_country_ending_the_line_before_is_not_the_owner_of_a_title():
    assert people("Minister ends his visit to Australia and Japan\nDefence Minister Tariq Hamdan flew home.") == {}


def test_an_informal_title_gives_no_government_from_the_article_alone():
    assert people("China and Japan. Defense Minister Tariq Hamdan met the press.") == {}


def test_a_visited_country_is_not_the_other_side_of_a_meeting():
    assert people("Defense Minister Tariq Hamdan, visiting Laos for a forum, met Philippine Defense Secretary "
                  "Ramon Cruz.") == {"Ramon Cruz": ("PH", "Secretary of National Defense", None)}


def headed_people(text, headings):
    spans = [(text.index(h), text.index(h) + len(h)) for h in headings]
    found = find_entities(text, KB.entity_index, date(2024, 3, 1), skip=spans)
    return {p.name: p.country for p in found.people.values()}


def test_a_titled_name_of_a_stated_government_in_the_article_s_own_headline_is_a_person():
    text = "Austin Hosts Talks\nSecretary Austin; Estonian Defence Minister Hanno Pevkur\nThe two met today."
    assert headed_people(text, ["Austin Hosts Talks", "Secretary Austin; Estonian Defence Minister Hanno Pevkur"]) \
        == {"Hanno Pevkur": "EE"}


def test_a_titled_name_in_a_later_heading_is_a_person_only_if_the_body_names_him_again():
    text = "The two met today in Tallinn.\nRelated: Polish Defence Minister Piotr Nowak Visits Kyiv\nEnd."
    assert headed_people(text, ["Related: Polish Defence Minister Piotr Nowak Visits Kyiv"]) == {}
    text = "The two met today.\nPolish Defence Minister Piotr Nowak Opening Remarks\nNowak said so."
    assert headed_people(text, ["Polish Defence Minister Piotr Nowak Opening Remarks"]) == {"Piotr Nowak": "PL"}


def test_an_unqualified_official_meeting_a_placed_one_is_of_the_government_the_lead_names_without_one():
    text = ("Estonia and Japan deepen defense ties\nTALLINN - Talks were held on Monday.\n"
            "Defence Minister Tariq Kask met visiting Japanese Defense Minister Minoru Kihara.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_an_unqualified_official_stays_unplaced_when_the_lead_names_two_governments_without_officials():
    text = ("Estonia and Poland talk with Japan\nTalks were held on Monday.\n"
            "Defence Minister Tariq Kask met visiting Japanese Defense Minister Minoru Kihara.")
    assert "Tariq Kask" not in people(text)


def test_an_unqualified_official_is_of_the_government_the_article_names_again_and_again():
    text = ("Defence Minister Tariq Kask met Japanese Defense Minister Minoru Kihara on Monday.\n\n"
            "The two ministers discussed cooperation. Kihara thanked the armed forces of Estonia for their help.\n\n"
            "Kask said relations between Japan and Estonia are strong, and mentioned Ukraine and Poland.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_an_unqualified_official_stays_unplaced_when_no_government_is_named_more_than_once():
    text = ("Defence Minister Tariq Kask met Japanese Defense Minister Minoru Kihara on Monday.\n\n"
            "They discussed Estonia, Poland and Ukraine.")
    assert "Tariq Kask" not in people(text)


def test_the_lead_is_its_first_two_sentences_across_paragraphs():
    text = ("Defence Minister Tariq Kask met his Japanese counterpart Minoru Kihara on Monday.\n\n"
            "Kask said Estonia and Japan share goals.\n\nLater, Poland was mentioned.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_an_unqualified_official_takes_the_one_government_named_further_down_when_the_lead_names_none_free():
    text = ("Defence Minister Tariq Kask met his Japanese counterpart Minoru Kihara on Monday.\n\n"
            "They spoke for an hour.\n\nKask thanked the Estonian troops.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_a_country_talked_about_further_down_is_no_side():
    text = ("Defence Minister Tariq Kask met his Japanese counterpart Minoru Kihara on Monday.\n\n"
            "They spoke for an hour.\n\nThey voiced concern over Ukraine.")
    assert "Tariq Kask" not in people(text)


def test_the_lead_s_own_government_comes_before_a_country_the_sentence_talks_about():
    text = ("The defense chiefs of Estonia and Japan met in Tallinn.\n"
            "Defence Minister Tariq Kask and Japanese Defense Minister Minoru Kihara discussed threats from China.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_an_unqualified_official_meeting_his_counterparts_is_of_the_lead_s_other_government():
    text = ("Estonia hosts talks on Baltic security\n"
            "Defence Minister Tariq Kask held talks with his Japanese and Polish counterparts on Monday.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_countries_joined_to_a_visited_one_are_places_too():
    text = ("Estonian minister ends visit to Japan and Poland\n"
            "Defence Minister Tariq Kask met his counterparts there last week.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_a_headline_name_said_again_in_the_possessive_is_a_person():
    text = "Polish Defence Minister Piotr Nowak April 2\nNowak's remarks came first."
    assert headed_people(text, ["Polish Defence Minister Piotr Nowak April 2"]) == {"Piotr Nowak": "PL"}


def test_a_peninsula_named_after_a_country_in_lower_case_is_no_side():
    text = ("Defence Minister Tariq Kask met Japanese Defense Minister Minoru Kihara. "
            "Kask stressed Estonia's support for a peaceful Korean peninsula.")
    assert people(text)["Tariq Kask"][0] == "EE"


def test_a_web_page_s_menu_lines_above_the_headline_block_name_no_side():
    text = ("Sports\nWorld News\nChina Daily Digest\nJapan Mirror\nWeather\n"
            "Estonia hosts Japanese minister\nMarch 4, 2024\n"
            "Defence Minister Tariq Kask met visiting Japanese Defense Minister Minoru Kihara. They spoke an hour.")
    lines = text.split("\n")[:7]
    spans = [(text.index(line), text.index(line) + len(line)) for line in lines]
    found = find_entities(text, KB.entity_index, date(2024, 3, 1), skip=spans)
    assert {p.name: p.country for p in found.people.values()}["Tariq Kask"] == "EE"


def test_a_short_month_name_is_a_given_name_unless_a_day_follows():
    assert "Hu Jun" in people("Chinese Defense Minister Hu Jun met the press.")
    assert "Hu Lan" in people("Chinese Defense Minister Hu Lan Jun 5 remarks.")


def test_a_two_word_name_said_later_by_its_first_word_puts_the_family_name_first():
    text = "Chinese Defense Minister Hu Jun arrived on Monday. Admiral Hu said the talks went well."
    found = find_entities(text, KB.entity_index, date(2024, 3, 1))
    assert [text[m.start:m.end] for m in found.person_mentions] == ["Hu Jun", "Hu"]


def test_a_plural_title_after_two_governments_pairs_them_with_its_two_names_in_order():
    text = "The Estonian and Japanese Defence Ministers Hanno Pevkur and Minoru Kihara signed a plan."
    assert {n: v[0] for n, v in people(text).items()} == {"Hanno Pevkur": "EE", "Minoru Kihara": "JP"}


def test_a_plural_title_of_two_governments_pairs_them_with_its_two_names_in_order():
    text = "Defense Ministers of Estonia and Japan Hanno Pevkur and Minoru Kihara met in Tokyo."
    assert {n: v[0] for n, v in people(text).items()} == {"Hanno Pevkur": "EE", "Minoru Kihara": "JP"}


def test_a_plural_title_without_two_governments_names_nobody():
    assert people("The defence ministers Hanno Pevkur and Tariq Kask met.") == {}


def test_a_middle_name_the_kb_lacks_still_resolves_the_official():
    text = "The Estonian and Japanese Defence Ministers Hanno Pevkur and Minoru Taro Kihara met."
    assert people(text)["Minoru Taro Kihara"][2] == "Minoru Kihara"


def test_a_rank_s_short_form_without_its_stop_before_one_word_is_a_given_name_of_an_unknown_official():
    assert "Gen Tanabe" in people("Japanese Defense Minister Gen Tanabe said.")
    assert "Hanno Pevkur" in people("Estonian Defence Minister Gen Hanno Pevkur said.")
    assert "Pevkur" in people("Estonian Defence Minister Lt Gen Pevkur said.")


def test_a_joint_chiefs_of_staff_committee_chairman_is_found_with_his_office():
    assert people("Indian Chairman Joint Chiefs of Staff Committee General Anil Rao arrived.") == {
        "Anil Rao": ("IN", "Chairman Joint Chiefs of Staff Committee", None)}


def test_a_headline_list_of_a_name_and_another_s_title_gives_the_name_no_office():
    text = "Tariq Kask, Japanese Defense Minister discuss drills\nThe two met in Tokyo on Monday."
    assert "Tariq Kask" not in headed_people(text, ["Tariq Kask, Japanese Defense Minister discuss drills"])


def test_a_headline_name_with_its_office_after_it_closing_the_line_is_a_person():
    text = "Talks in Tallinn\nTariq Kask, Estonian Defence Minister\nKask spoke first."
    assert headed_people(text, ["Talks in Tallinn", "Tariq Kask, Estonian Defence Minister"]) == {"Tariq Kask": "EE"}


def test_an_unqualified_official_in_the_headline_lines_is_placed_like_one_in_the_body():
    text = ("Estonia Ministry of Defence\nPresenter: Defence Minister Tariq Kask and Japanese Defense Minister "
            "Minoru Kihara\nKask opened the talks.")
    headings = ["Estonia Ministry of Defence",
                "Presenter: Defence Minister Tariq Kask and Japanese Defense Minister Minoru Kihara"]
    assert headed_people(text, headings)["Tariq Kask"] == "EE"


def test_an_unqualified_headline_name_the_body_never_says_again_is_no_one():
    text = ("Estonia Ministry of Defence\nPresenter: Defence Minister Tariq Kask and Japanese Defense Minister "
            "Minoru Kihara\nThe talks opened.")
    headings = ["Estonia Ministry of Defence",
                "Presenter: Defence Minister Tariq Kask and Japanese Defense Minister Minoru Kihara"]
    assert "Tariq Kask" not in headed_people(text, headings)


def test_an_office_of_a_named_national_body_belongs_to_that_government():
    assert people("The talks included Yuki Tanaka, Minister of Defence of the Japanese Government.") == {
        "Yuki Tanaka": ("JP", "Minister of Defense", None)}


def test_a_demonym_after_a_title_opens_another_office_not_a_name():
    assert people("Thailand's King, Japanese Military Chief discuss ties") == {}


def test_an_office_composed_of_a_head_word_and_a_defense_body_names_its_holder():
    assert people("Japan's Vice Chief of Staff of the Ground Self-Defense Force Kenta Mori attended.") == {
        "Kenta Mori": ("JP", "Vice Chief of Staff of the Ground Self-Defense Force", None)}


def test_a_listed_title_inside_a_longer_composed_office_gives_way_to_it():
    found = people("U.S. Assistant Secretary of Defense for Indo-Pacific Security Affairs Ely Ratner spoke.")
    assert found == {"Ely Ratner": ("US", "Assistant Secretary of Defense for Indo-Pacific Security Affairs", None)}


def test_a_composed_office_after_the_name_set_off_by_a_comma():
    assert people("General Li Ming, vice chairman of China's Central Military Commission, arrived.") == {
        "Li Ming": ("CN", "Vice Chairman of China's Central Military Commission", None)}


def test_the_government_before_the_first_of_two_joined_offices_holds_for_the_second():
    assert people("India's Chief of Army Staff and Chief of Defense Forces, General Anil Rao, arrived.") == {
        "Anil Rao": ("IN", "Chief of Defense Forces", None)}


def test_an_office_of_no_defense_body_names_nobody():
    assert people("The Chairman of the Board Kenta Mori spoke.") == {}


def test_a_hyphenated_rank_before_the_name_is_no_part_of_it():
    assert people("Japanese Defense Minister Lt-Gen Kenta Mori arrived.") == {
        "Kenta Mori": ("JP", "Minister of Defense", None)}


def test_a_rank_written_out_with_a_hyphen_before_the_name_is_no_part_of_it():
    assert people("The Chief of General Staff of Japan, Lieutenant-General Kenta Mori, arrived.") == {
        "Kenta Mori": ("JP", "Chief of General Staff", None)}


def test_a_capital_in_the_possessive_names_its_government_before_an_office():
    assert people("Tokyo's Vice Defense Minister Kenta Mori arrived.") == {
        "Kenta Mori": ("JP", "Vice Defense Minister", None)}


def test_a_capital_not_in_the_possessive_names_no_one_s_government():
    assert people("In Tokyo Vice Defense Minister Kenta Mori arrived.") == {}


def test_a_name_set_off_before_his_counterpart_title_takes_its_government():
    assert people("Kenta Mori, the Japanese defense minister, and Aki Sato, his Australian counterpart, met.") == {
        "Kenta Mori": ("JP", "Minister of Defense", None), "Aki Sato": ("AU", "Minister for Defence", None)}


def test_two_names_set_off_after_a_plural_office_of_two_governments_pair_in_order():
    assert people("The defense ministers of Japan and Australia, Kenta Mori and Aki Sato, met.") == {
        "Kenta Mori": ("JP", "Minister of Defense", None), "Aki Sato": ("AU", "Minister for Defence", None)}


def test_a_country_in_brackets_after_a_name_is_its_government():
    assert people("Defense Minister Kenta Mori (Japan) met Defence Minister Aki Sato (Australia).") == {
        "Kenta Mori": ("JP", "Minister of Defense", None), "Aki Sato": ("AU", "Minister for Defence", None)}


@pytest.mark.parametrize("office", ["State Secretary for Defence", "Defence Ministry Permanent Secretary",
                                    "Permanent Secretary of the Ministry of Defence"])
def test_a_defence_ministrys_senior_civil_servant_is_an_official(office):
    assert people(f"Japanese {office} Kenta Mori arrived.") == {"Kenta Mori": ("JP", office, None)}


@pytest.mark.parametrize("rank", ["Gen. (Ret.)", "Major General (Rtd)"])
def test_a_retired_rank_before_the_name_is_no_part_of_it(rank):
    assert people(f"Japanese Defense Minister {rank} Kenta Mori arrived.") == {
        "Kenta Mori": ("JP", "Minister of Defense", None)}


def test_a_counterpart_from_a_country_set_off_before_the_name_takes_that_government():
    found = people("Defence Minister Aki Sato met his counterpart from Japan, Kenta Mori, in Tokyo.")
    assert found["Kenta Mori"][0] == "JP"


def test_a_name_set_off_before_a_government_and_its_composed_office():
    assert people("Kihara met General Kenta Mori, French Chief of Defense, in Paris.")["Kenta Mori"] == (
        "FR", "Chief of Defense", None)


def test_an_official_named_after_and_shares_the_government_of_the_one_before():
    found = people("Japanese Defense Minister Lt-Gen Kenta Mori and Chief of Staff of the Army General Aki Sato spoke.")
    assert found["Aki Sato"] == ("JP", "Chief of Staff of the Army", None)


def test_bodies_listed_among_a_delegation_are_not_people():
    found = find_entities("Mr. Kenji Sato was accompanied by senior officers from the Japanese Army, Navy, Air Force "
                          "and Coast Guard.", KB.entity_index, date(2024, 3, 1))
    assert "Coast Guard" not in {p.name for p in found.people.values()}


def test_an_abbreviation_in_brackets_after_an_office_stands_before_the_name():
    assert people("Japan's Chief of Army Staff (COAS) General Kenta Mori arrived.") == {
        "Kenta Mori": ("JP", "Chief of Army Staff", None)}


def test_a_chief_of_staff_is_placed_like_a_defense_official():
    found = people("Japan and the United States discussed drills. U.S. Defense Secretary Lloyd Austin called on "
                   "Chief of Army Staff General Kenta Mori.")
    assert found["Kenta Mori"][:2] == ("JP", "Chief of Army Staff")


def test_a_head_of_state_named_by_one_word_is_no_defense_official_the_kb_knows_by_that_word():
    from dataclasses import replace as with_
    from testkb import COUNTRIES, CountryNames, _official
    kb = with_(KB, countries=[*COUNTRIES, CountryNames("JO", "Jordan", (), ("Jordanian",), ("Amman",)),
                             CountryNames("KW", "Kuwait", (), ("Kuwaiti",), ("Kuwait City",))],
               officials=[*KB.officials, _official("Abdullah Ali Al-Sabah", "KW", "Abdullah", "Minister of Defense",
                                                   "2025-01-01")])
    found = find_entities("Jordan's King Abdullah II received the Japanese Defense Minister Minoru Kihara.",
                          kb.entity_index, date(2025, 6, 1))
    assert {p.name: (p.country, p.role) for p in found.people.values()}["Abdullah II"] == ("JO", "King")


def test_the_government_of_a_listed_official_holds_for_the_next_title_and_name():
    assert people("He met Indonesian President Joko Widodo and Defense Minister Budi Santoso.")["Budi Santoso"][0] \
        == "ID"



def test_an_unknown_officials_joined_offices_keep_their_small_words_in_lower_case():
    kb = KnowledgeBase.from_data_files()
    kb.officials = []    # as for an official the reference data has never heard of
    found = find_entities("German Defence Minister Boris Pistorius met Australian Deputy Prime Minister and Defence "
                          "Minister Jane Citizen in Berlin.", kb.entity_index, date(2024, 3, 1))
    roles = {p.name: p.role for p in found.people.values()}
    assert roles["Jane Citizen"] == "Deputy Prime Minister and Defence Minister"



def unknown_people(text, on=date(2024, 3, 1)):
    """People found with the full reference data but none of its officials, as in an article naming only strangers."""
    kb = KnowledgeBase.from_data_files()
    kb.officials = []
    return {p.name: p.country for p in find_entities(text, kb.entity_index, on).people.values()}


def test_an_unqualified_official_meeting_someone_named_by_family_name_takes_the_leads_other_government():
    found = unknown_people("Australian Defence Minister Tom Reed praised the partnership with Fijian leaders in Suva."
                           "\n\nReed met with Defence Minister Pio Tuwai on his first trip to the Pacific.")
    assert found["Pio Tuwai"] == "FJ"


def test_a_photo_credit_under_the_headline_is_not_a_sentence_of_the_lead():
    found = unknown_people("Australian Defence Minister Tom Reed lays a wreath in Suva. (Jane Doe)\n\n"
                           "Reed praised the partnership with Fijian leaders on his first trip to the Pacific.\n\n"
                           "Reed met with Defence Minister Pio Tuwai on Tuesday. Both noted Chinese fishing fleets.")
    assert found["Pio Tuwai"] == "FJ"


def test_an_abbreviated_month_does_not_end_the_sentence():
    found = unknown_people("Australian Defence Minister Tom Reed arrived in Suva on Dec. 4. He thanked Fijian leaders."
                           "\n\nReed met with Defence Minister Pio Tuwai. Both noted Chinese fishing fleets.")
    assert found["Pio Tuwai"] == "FJ"


def test_a_country_named_as_the_issue_talked_about_is_not_the_unqualified_officials():
    found = unknown_people("SUVA, May 2 - The meeting between Defence Minister Tom Reed and his Fijian counterpart Pio "
                           "Tuwai today discussed maritime security.\n\nThe talks also touched on the issue of Myanmar.")
    assert found.get("Tom Reed") != "MM"


def test_a_plural_office_lists_names_each_with_its_own_government():
    found = unknown_people("Present at the opening were defence ministers Tom Reed of Fiji, Pio Tuwai of Tonga and "
                           "Samoa's Ana Lemalu, along with their army chiefs.")
    assert found == {"Tom Reed": "FJ", "Pio Tuwai": "TO", "Ana Lemalu": "WS"}


def test_a_plural_office_naming_one_government_twice_lists_nobody():
    assert unknown_people("Defence ministers Tom Reed of Fiji and Pio Tuwai of Fiji spoke.") == {}


def test_a_delegation_led_by_one_official_ends_where_the_sentence_turns_to_the_other_side():
    found = unknown_people("The Fijian delegation was led by Defence Secretary Pio Tuwai, while the Tongan side by "
                           "Deputy Defence Minister Sione Vaka.")
    assert found == {"Pio Tuwai": "FJ", "Sione Vaka": "TO"}


def test_a_deputy_pm_written_short_carries_its_government_to_the_office_joined_to_it():
    found = unknown_people("Fijian Deputy PM and Minister of Defence General Pio Tuwai spoke of the cooperation "
                           "between the three militaries.")
    assert found == {"Pio Tuwai": "FJ"}



def test_a_title_opening_with_its_own_government_keeps_it_after_and():
    # The government before the first office holds for a second office only when that one names none of its own;
    # the shipped KB spells "British Defence Secretary" as one title.
    found = find_entities("Japanese Defense Minister Taro Yamada and British Defence Secretary John Smith met.",
                          KnowledgeBase.from_data_files().entity_index, date(2024, 3, 1))
    assert {p.name: p.country for p in found.people.values()} == {"Taro Yamada": "JP", "John Smith": "GB"}


def test_a_known_officials_name_keeps_the_further_words_the_body_writes():
    # The name as first written (GUIDE), beyond the KB's shorter form; not a day or post-nominal letters after it.
    found = people("Indonesian Defense Minister Prabowo Subianto Djojohadikusumo met Australian Defence Minister "
                   "Richard Marles AO Monday.", on=date(2024, 3, 1))
    assert set(found) == {"Prabowo Subianto Djojohadikusumo", "Richard Marles"}


def test_a_known_name_written_family_name_first_inside_a_longer_name_is_someone_else():
    from testkb import COUNTRIES, OFFICES, OFFICIALS, _official
    from ingest.knowledge import CountryNames, KnowledgeBase
    kb = KnowledgeBase(countries=[*COUNTRIES, CountryNames("CL", "Chile", (), ("Chilean",), ("Santiago",)),
                                  CountryNames("MX", "Mexico", (), ("Mexican",), ("Mexico City",))],
                       offices=list(OFFICES), officials=[*OFFICIALS, _official(
                           "Pedro Vargas", "CL", "Vargas", "Minister of National Defense", "2009-03-12", "2010-03-11")])
    found = find_entities("The Mexican delegation was led by Admiral Vargas Pedro Ruiz Soto, Secretary of the Navy.",
                          kb.entity_index, None)
    assert all(p.country != "CL" for p in found.people.values())
    assert [(p.country, p.official.name) for p in find_entities("Chilean Defence Minister Vargas Pedro spoke.",
                                                                kb.entity_index, None).people.values()] == [
        ("CL", "Pedro Vargas")]


def test_an_unknown_official_called_later_by_a_middle_word_of_his_name_is_mentioned_again():
    text = ("Japanese Defense Minister Minoru Kihara met Indian Chief of Naval Staff Admiral R Kumar Singh. "
            "Kumar said the navies would train together.")
    found = find_entities(text, KB.entity_index, date(2024, 3, 1))
    assert [text[m.start:m.end] for m in found.person_mentions if found.people[m.key].name == "R Kumar Singh"] == [
        "R Kumar Singh", "Kumar"]


def test_a_middle_word_inside_another_name_is_not_a_mention_of_him():
    text = ("Japanese Defense Minister Minoru Kihara met Indian Chief of Naval Staff Admiral R Kumar Singh. "
            "Kumar Gupta of the embassy attended.")
    found = find_entities(text, KB.entity_index, date(2024, 3, 1))
    assert [text[m.start:m.end] for m in found.person_mentions if found.people[m.key].name == "R Kumar Singh"] == [
        "R Kumar Singh"]


def test_of_several_governments_the_lead_names_an_unqualified_official_takes_the_one_named_with_an_office():
    text = ("The vice defense ministers of South Korea and Japan talked security on Wednesday, officials said, as both "
            "seek closer ties with the United States in the face of North Korean missile launches.\n"
            "Vice Defense Minister Kang Min-ho sat down with his Japanese counterpart, Kenji Sato, at the forum.")
    found = find_entities(text, KB.entity_index, date(2024, 3, 1))
    assert {(p.name, p.country) for p in found.people.values()} == {("Kang Min-ho", "KR"), ("Kenji Sato", "JP")}


def test_the_vice_chairman_of_the_joint_chiefs_is_a_us_official():
    found = find_entities("Qi met Vice Chairman of the Joint Chiefs of Staff James Winnefeld.", KB.entity_index,
                          date(2012, 12, 12))
    assert {(p.name, p.country) for p in found.people.values()} == {("James Winnefeld", "US")}


def test_a_country_named_among_the_issues_discussed_is_no_side_for_an_unplaced_official():
    text = ("China, US hold defense talks\n"
            "Chinese Defense Minister Dong Jun held talks with U.S. Defense Secretary Lloyd Austin in Singapore. "
            "The two sides had an in-depth exchange of views on military relations.\n"
            "Dong restated China's positions on such issues as Taiwan and the South China Sea.\n"
            "Dong also met Navy Secretary Carlos Del Toro.")
    from testkb import COUNTRIES, OFFICES, OFFICIALS
    from ingest.knowledge import CountryNames, KnowledgeBase
    kb = KnowledgeBase(countries=[*COUNTRIES, CountryNames("TW", "Taiwan", (), ("Taiwanese",), ("Taipei",))],
                       offices=list(OFFICES), officials=list(OFFICIALS))
    found = find_entities(text, kb.entity_index, date(2024, 5, 31))
    assert all(p.country != "TW" for p in found.people.values())


def test_an_outlet_named_after_a_country_names_no_government():
    found = find_entities("TOKYO (Japan Point News / Agency - 11th Jan, 2024) Japanese Defense Minister Minoru Kihara "
                          "received his Indian counterpart.", KB.entity_index, date(2024, 1, 11))
    assert [m.code for m in found.mentions if m.kind in ("country", "demonym")] == ["JP", "IN"]
    assert [m.surface for m in find_entities("The Japan Times reported it.", KB.entity_index, None).mentions] == []


def test_a_title_case_headline_verb_after_a_title_is_no_name():
    assert people("Estonian Defence Minister Visits Warsaw") == {}


def test_a_known_officials_family_name_spelled_one_letter_otherwise_is_that_official():
    assert people("Japanese Defense Minister Minoru Kiharra said.")["Minoru Kiharra"][2] == "Minoru Kihara"


def test_an_office_between_two_names_is_the_second_ones_when_the_first_has_an_office_of_its_own():
    found = people("We met with Ambassador Kumar, the Defence Minister, Mr. Marles, and others.")
    assert found["Richard Marles"][:2] == ("AU", "Minister for Defence")


def test_a_title_of_a_country_written_with_its_article_then_the_name():
    found = find_entities("In The Hague the Minister of Defence of the Netherlands Frank De Grave received his guest.",
                          KnowledgeBase.from_data_files().entity_index, date(2001, 5, 2))
    assert [(p.name, p.country) for p in found.people.values()] == [("Frank De Grave", "NL")]


def test_a_family_name_led_by_a_particle_said_without_it_is_that_person():
    found = find_entities("The Minister of Defence of the Netherlands Frank de Grave arrived. Grave said the visit "
                          "went well.", KnowledgeBase.from_data_files().entity_index, date(2001, 5, 2))
    assert [found.people[m.key].name for m in found.person_mentions] == ["Frank de Grave", "Frank de Grave"]


def test_an_offices_abbreviation_then_a_comma_stands_between_the_office_and_its_holders_name():
    assert people("Japan's Chief of Army Staff (COAS), General Kenta Mori, arrived.") == {
        "Kenta Mori": ("JP", "Chief of Army Staff", None)}
    assert people("The Chief of the Japanese Maritime Self-Defense Force (JMSDF), Admiral Ryo Sakai, arrived.") == {
        "Ryo Sakai": ("JP", "Chief of the Japanese Maritime Self-Defense Force", None)}
