"""Statements and commitments read from reported speech and quotes."""
from datetime import date

import pytest

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()
OPENING = ("Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard Marles "
           "in Canberra on Tuesday. ")


def meeting(text, published=date(2024, 5, 9)):
    [found] = extract_document("test.txt", OPENING + text, KB, published=published).meetings
    return found


def statements(text):
    return [(s.speakers, s.text, s.direct) for s in meeting(text).statements]


def commitments(text):
    return [(c.parties, c.text, c.due, c.due_precision) for c in meeting(text).commitments]


def test_reported_statement_without_attribution():
    assert statements("The two ministers strongly condemned the missile test, a spokesman said.") == [
        (["AU", "JP"], "condemned the missile test", False)]


def test_statement_speaker_is_the_subject():
    assert statements("Kihara welcomed the decision.") == [(["JP"], "welcomed the decision", False)]


def test_coordinated_that_clauses_are_separate_statements():
    assert [s[1] for s in statements("They reaffirmed that the sea lanes must stay open, and that disputes "
                                     "should be settled peacefully.")] == [
        "reaffirmed that the sea lanes must stay open", "reaffirmed that disputes should be settled peacefully"]


def test_called_on_list_splits_into_one_statement_per_demand():
    assert [s[1] for s in statements("The ministers called on Pyongyang to halt its launches; to return to "
                                     "talks; and to respect its obligations.")] == [
        "called on Pyongyang to halt its launches", "called on Pyongyang to return to talks",
        "called on Pyongyang to respect its obligations"]


def test_discussion_is_not_a_statement():
    assert statements("The ministers discussed regional security.") == []


def test_direct_quote_of_a_participant_split_into_sentences():
    assert statements('"Our partnership has never been stronger. It keeps the region safe," Marles said.') == [
        (["AU"], "Our partnership has never been stronger.", True), (["AU"], "It keeps the region safe", True)]


def test_spokesperson_quote_is_reported_speech():
    assert statements('"Kihara stressed the value of the alliance," a ministry spokesman said.') == [
        (["JP"], "stressed the value of the alliance", False)]


def test_commitment_from_promising_verb():
    assert commitments("They pledged to expand joint exercises.") == [
        (["AU", "JP"], "expand joint exercises", None, None)]


def test_two_goals_are_two_commitments():
    assert [c[1] for c in commitments("The ministers committed to enhancing cooperation and to maintaining "
                                      "a rules-based order.")] == ["enhancing cooperation", "maintaining a rules-based order"]


def test_purpose_clause_is_not_a_second_goal():
    assert [c[1] for c in commitments("They agreed to work together to improve data sharing and to strengthen "
                                      "their responses.")] == [
        "work together to improve data sharing and to strengthen their responses"]


def test_standing_commitment_reaffirmed():
    assert [c[1] for c in commitments("They reaffirmed they are committed to deterring aggression.")] == [
        "deterring aggression"]


def test_party_will_in_that_clause_is_a_commitment_of_that_party():
    assert commitments("Kihara said Japan will send two destroyers to the exercise.") == [
        (["JP"], "send two destroyers to the exercise", None, None)]


def test_prediction_in_that_clause_is_a_statement():
    assert statements("They agreed that closer ties will benefit the region.") == [
        (["AU", "JP"], "agreed that closer ties will benefit the region", False)]


def test_due_dates():
    found = commitments("They agreed to hold talks in Tokyo by July 2025. They also pledged to finish the review "
                        "within the year and to sign the pact on Friday.")
    assert [(c[2], c[3]) for c in found] == [(date(2025, 7, 1), "month"), (date(2024, 1, 1), "year"),
                                             (date(2024, 5, 10), "day")]


def test_offer_is_a_commitment():
    assert [c[1] for c in commitments("Marles offered continued training support to regional partners.")] == [
        "continued training support to regional partners"]


def test_commitment_noun_to_a_thing_that_is_no_action_is_a_statement():
    assert commitments("Marles said Australia's commitment to the alliance remains unshakeable.") == []
    assert [t[1] for t in statements("Marles said Australia's commitment to the alliance remains unshakeable.")] == [
        "Australia's commitment to the alliance remains unshakeable"]


def test_commitment_noun_to_an_action_or_an_action_noun_is_a_commitment():
    assert [c[1] for c in commitments("Marles said Australia's commitment to defend its partners is firm.")] == [
        "defend its partners"]
    assert [c[1] for c in commitments("Marles reaffirmed Australia's commitment to the security of Japan.")] == [
        "commitment to the security of Japan"]


def test_a_commitment_a_government_owns_after_an_emphasizing_participle_is_its_promise():
    assert [(c[0], c[1]) for c in commitments("The two reviewed training, with Marles emphasizing Australia's "
                                              "commitment to helping ensure that the region stays open.")] == [
        (["AU"], "helping ensure that the region stays open")]
    assert [(c[0], c[1]) for c in commitments("The talks focused on highlighting Japan's commitment to keep "
                                              "expanding maritime cooperation.")] == [
        (["JP"], "keep expanding maritime cooperation")]


def test_an_owned_commitment_to_a_thing_after_a_participle_is_no_promise():
    assert commitments("The talks focused on highlighting Japan's commitment to the alliance.") == []


def test_agreed_at_the_encounter_then_to_act_is_a_promise_of_both():
    assert [(c[0], c[1]) for c in commitments("Kihara and Marles agreed in their talks on Tuesday to hold joint "
                                              "drills next year.")] == [(["AU", "JP"], "hold joint drills next year")]
    assert [(c[0], c[1]) for c in commitments("The two ministers agreed at the meeting to expand training.")] == [
        (["AU", "JP"], "expand training")]


def test_a_transcript_speakers_first_person_report_of_his_words_is_his_statement():
    found = extract_document("t.txt", "Press Conference by the Defense Minister Kihara\nTime & Date: 6:35 P.M. June 3, 2024"
                             "\n\nQuestion:\nHow did the talks go?\n\nMinister:\nI held a meeting with Australian "
                             "Defence Minister Richard Marles. I expressed my gratitude for his support as the host.",
                             KB).meetings
    assert [(s.speakers, s.text) for m in found for s in m.statements] == [
        (["JP"], "expressed my gratitude for his support as the host")]


def test_a_release_writers_i_is_the_government_none_of_the_named_participants_stands_for():
    found = extract_document("r.txt", "Australia and Japan Further Strengthen Defence Partnership\n\n(Source: "
                             "Australian Department of Defence; issued June 3, 2024)\n\nToday I met "
                             "Japanese Defense Minister Minoru Kihara in Canberra to discuss our partnership.\n\n"
                             "Minister Kihara and I committed to annual ministerial meetings.\n\nI look forward to "
                             "visiting Tokyo later this year.", KB).meetings
    assert [(c.parties, c.text) for m in found for c in m.commitments] == [(["AU", "JP"], "annual ministerial meetings")]
    assert [(s.speakers, s.text) for m in found for s in m.statements] == [
        (["AU"], "look forward to visiting Tokyo later this year")]


def test_a_statement_issued_by_the_ministry_is_the_attribution_not_the_claim():
    assert commitments("The two sides will expand training, said a statement issued by the ministry on Tuesday.") == [
        (["AU", "JP"], "expand training", None, None)]
    assert statements("Kihara is visiting Australia at Marles' invitation, said a statement issued by the ministry.") == []


def test_wish_is_not_a_commitment():
    assert commitments("Kihara said Japan will seek closer ties with Canberra.") == []


def test_debris_and_captions_give_no_claims():
    found = meeting("\n\nMarles welcomed the talks in this photo by Jane Roe.\n\nLeave a Reply\n")
    assert found.statements == []


def test_hope_that_something_will_happen_is_a_statement():
    assert commitments("Kihara expressed his hope that the two navies will train together more often.") == []
    assert [s[1] for s in statements("Kihara expressed his hope that the two navies will train together more "
                                     "often.")] == ["expressed his hope that the two navies will train together more often"]


def test_an_account_of_what_was_discussed_takes_no_position():
    assert statements("Marles said he and Kihara discussed maritime security and supply chains.") == []
    assert statements("Kihara added that they also exchanged views on the defence industry.") == []
    assert statements("According to Kihara, they did not discuss the basing plan.") == []


def test_a_speakers_own_account_of_the_agenda_after_an_aside_takes_no_position():
    assert statements('"Of course, we discussed the situation on the peninsula," Marles said.') == []


def test_a_prediction_with_two_modals_stays_one_statement():
    found = meeting("Marles noted that the new treaty will deepen trust and will serve as a model for the region.")
    assert found.commitments == []
    assert [s.text for s in found.statements] == [
        "noted that the new treaty will deepen trust and will serve as a model for the region"]


def test_an_elided_modal_of_a_government_is_still_its_promise():
    assert [c[1] for c in commitments("Marles said Australia valued the partnership and would send more "
                                      "instructors to Japan.")] == ["send more instructors to Japan"]


def test_a_participants_contracted_will_is_a_promise():
    assert [(s[0], s[1]) for s in commitments('"We’ll keep sending instructors to the north," Marles said.')] == [
        (["AU"], "keep sending instructors to the north")]


def test_agreeing_that_we_should_act_promises_for_the_table():
    assert [(s[0], s[1]) for s in commitments('"We’ve agreed that we should continue to exercise together," '
                                              'Marles said.')] == [(["AU", "JP"], "continue to exercise together")]
    assert [(s[0], s[1]) for s in commitments("Japan and Australia agreed that they need to share more "
                                              "intelligence.")] == [(["AU", "JP"], "share more intelligence")]


def test_a_listed_subject_is_every_government_in_the_list():
    [found] = extract_document("test.txt", "Japanese Defense Minister Minoru Kihara met Australian Defence Minister "
                               "Richard Marles and U.S. Defense Secretary Lloyd Austin in Singapore on Saturday. "
                               "However, Japan, the U.S., and Australia agreed that they need to hold joint drills.",
                               KB, published=date(2024, 6, 2)).meetings
    assert [(sorted(c.parties), c.text) for c in found.commitments] == [(["AU", "JP", "US"], "hold joint drills")]


def test_announcing_or_explaining_a_thing_is_an_account_not_a_position():
    assert statements("Marles announced the renewal of a logistics agreement.") == []
    assert statements("Kihara explained the contents of the new strategy.") == []


def test_explaining_that_takes_a_position():
    assert [s[1] for s in statements("Kihara explained that the drills are purely defensive.")] == [
        "explained that the drills are purely defensive"]


def test_quote_attributed_with_told_and_a_described_audience():
    assert statements('"The alliance is in good shape," Marles told a crowd of cadets and officers.') == [
        (["AU"], "The alliance is in good shape", True)]


def test_reported_speech_goes_on_in_the_next_sentence_about_the_speakers_government():
    found = meeting("Kihara said that the region faces a grave situation. Japan is willing to deepen training "
                    "with Australia and share more data. The two countries have built strong trust over the years.")
    texts = [s.text for s in found.statements]
    assert "Japan is willing to deepen training with Australia and share more data" in texts
    assert "The two countries have built strong trust over the years" in texts


def test_a_sentence_of_background_after_reported_speech_is_not_the_speakers():
    found = meeting("Kihara said that the region faces a grave situation. These are the first such drills since "
                    "2019. In May, the two countries held a naval exercise off Darwin.")
    assert [s.text for s in found.statements] == ["the region faces a grave situation"]


def test_a_participle_promise_after_the_meeting_verb_is_the_meetings_commitment():
    [found] = extract_document("test.txt", "Japanese Defense Minister Minoru Kihara and Australian Defence Minister "
                               "Richard Marles met in Canberra on Tuesday, pledging to expand joint exercises.", KB,
                               published=date(2024, 5, 9)).meetings
    assert [(c.parties, c.text) for c in found.commitments] == [(["AU", "JP"], "expand joint exercises")]


def test_agreed_with_a_day_and_a_place_before_to_is_a_promise():
    assert [c[1] for c in commitments("The two ministers agreed on Tuesday in Canberra to hold joint drills.")] == [
        "hold joint drills"]


def test_agreed_on_a_gerund_is_a_promise():
    assert [c[1] for c in commitments("The ministers agreed on taking concrete steps against piracy.")] == [
        "taking concrete steps against piracy"]


def test_two_actions_joined_by_and_are_two_commitments():
    assert [c[1] for c in commitments("The two ministers agreed to keep talking regularly and strengthen their "
                                      "maritime cooperation.")] == [
        "keep talking regularly", "strengthen their maritime cooperation"]


def test_verbs_sharing_one_infinitive_stay_one_commitment():
    assert [c[1] for c in commitments("Marles pledged to help the region continue to modernize and expand its "
                                      "coast guards.")] == [
        "help the region continue to modernize and expand its coast guards"]


def _transcript(body):
    [found] = extract_document("test.txt", "Remarks by Secretary of Defense Lloyd Austin and Japanese Defense Minister "
                               "Minoru Kihara\n\nThe two ministers met at the Pentagon on Tuesday.\n\n" + body, KB,
                               published=date(2024, 5, 9)).meetings
    return found


def test_a_long_upper_case_label_with_initials_names_its_speaker():
    found = _transcript("SECRETARY OF DEFENSE LLOYD J. AUSTIN III: Our alliance is the cornerstone of peace in the "
                        "region.")
    assert [(s.speakers, s.direct) for s in found.statements] == [(["US"], True)]


def test_a_bare_family_name_label_names_its_speaker():
    found = _transcript("Kihara: The security situation around Japan is the most severe since the war.")
    assert [(s.speakers, s.text) for s in found.statements] == [
        (["JP"], "The security situation around Japan is the most severe since the war.")]


def test_the_hosts_courtesies_are_no_statements():
    found = _transcript("AUSTIN: Well, good morning, and thank you for coming. I'm delighted to host you here at the "
                        "Pentagon. It's very good to see you again. Minister Kihara and I have just had a good lunch.")
    assert found.statements == []


def test_going_to_and_intend_to_in_a_speakers_own_words_are_promises():
    found = _transcript("KIHARA: We in Japan are going to revise our defense guidelines. We also intend to buy more "
                        "patrol aircraft.")
    assert [(c.parties, c.text) for c in found.commitments] == [
        (["JP"], "revise our defense guidelines"), (["JP"], "buy more patrol aircraft")]


def test_an_interpreter_speaks_for_the_principal_before():
    found = _transcript("KIHARA: Thank you.\n\nINTERPRETER: Japan will send two destroyers to the exercise.")
    assert [(c.parties, c.text) for c in found.commitments] == [(["JP"], "send two destroyers to the exercise")]


def test_an_interpreter_naming_a_principal_speaks_for_them():
    found = _transcript("AUSTIN: Thank you.\n\nINTERPRETER (for Minister Kihara): Japan will send two destroyers to "
                        "the exercise.")
    assert [(c.parties, c.text) for c in found.commitments] == [(["JP"], "send two destroyers to the exercise")]


def test_an_interpreter_after_a_reporters_question_speaks_for_nobody():
    found = _transcript("Q: Will Japan send ships?\n\nINTERPRETER: Japan will send two destroyers, the reporter "
                        "asked.\n\nKIHARA: Thank you.")
    assert found.commitments == [] and found.statements == []


def test_framing_of_the_visit_is_nobodys_promise():
    found = meeting("Japan's defense ministry said the visit marked Japan's continued commitment to deepen ties with "
                    "Australia.")
    assert found.commitments == [] and found.statements == []


def test_a_purchase_already_announced_is_no_new_promise():
    assert commitments("Marles said Australia will proceed with the previously announced purchase of patrol "
                       "boats.") == []
    assert commitments("Kihara said Japan will buy twelve radars, which was announced last year.") == []


def test_an_invitation_or_a_suggestion_is_a_statement_of_who_makes_it():
    assert statements("Kihara invited Marles to visit Tokyo next year.") == [
        (["JP"], "invited Marles to visit Tokyo next year", False)]
    assert statements("Marles suggested that the two sides should hold more drills.") == [
        (["AU"], "suggested that the two sides should hold more drills", False)]
    assert commitments("Marles suggested that the two sides should hold more drills.") == []


def test_repeating_a_position_is_a_statement():
    assert statements("Kihara repeated Japan's position on the radar incident.") == [
        (["JP"], "repeated Japan's position on the radar incident", False)]


def test_a_schedule_of_the_next_encounter_is_no_promise():
    assert commitments("Kihara and Marles will also hold trilateral talks with their U.S. counterpart in the "
                       "afternoon.") == []
    assert commitments("The two ministers plan to hold the next two-plus-two meeting in Tokyo.") == []


def test_agreeing_to_hold_a_meeting_is_a_promise():
    assert [c[1] for c in commitments("The two ministers agreed to hold a two-plus-two meeting in Tokyo.")] == [
        "hold a two-plus-two meeting in Tokyo"]


def test_a_body_of_both_governments_promises_for_both():
    assert [(c[0], c[1]) for c in commitments("Marles said that the defence ministries of the two countries agreed "
                                              "to set up a joint working group.")] == [
        (["AU", "JP"], "set up a joint working group")]
    assert [(c[0], c[1]) for c in commitments('"Expert teams of the two sides will draft a new plan," Marles '
                                              'said.')] == [(["AU", "JP"], "draft a new plan")]


def test_a_policy_of_both_governments_is_no_party():
    assert commitments("Marles said that the firm policy of the two countries will bring stability.") == []


def test_a_joint_statements_bullets_and_numbered_items_are_kept_apart():
    [found] = extract_document("test.txt", "Joint Statement of the Japan-Australia Defence Ministers' Meeting\n\n"
                               "Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles "
                               "met in Canberra on 8 May 2024 and issued the following joint statement.\n\n"
                               "  • We will expand joint exercises in the north. We will also deepen cooperation on "
                               "cyber defence.\n  • We condemn the missile launches by North Korea.\n\n"
                               "2. The Ministers decided to set up a working group on logistics and to share more "
                               "intelligence.", KB, published=date(2024, 5, 9)).meetings
    assert [(c.parties, c.text) for c in found.commitments] == [
        (["AU", "JP"], "expand joint exercises in the north"), (["AU", "JP"], "deepen cooperation on cyber defence"),
        (["AU", "JP"], "set up a working group on logistics"), (["AU", "JP"], "share more intelligence")]
    assert [(s.speakers, s.text) for s in found.statements] == [
        (["AU", "JP"], "condemn the missile launches by North Korea")]


def test_an_unclosed_quotation_paragraph_is_the_words_of_the_speaker_before():
    found = meeting("Marles noted that the talks came at a testing time.\n\n"
                    "“Our region has changed more in five years than in the previous fifty. We must adapt quickly.")
    assert [(s.speakers, s.text, s.direct) for s in found.statements][1:] == [
        (["AU"], "Our region has changed more in five years than in the previous fifty.", True),
        (["AU"], "We must adapt quickly.", True)]


def test_a_whole_quoted_paragraph_without_attribution_is_the_words_of_the_speaker_quoted_just_before():
    found = meeting("“We train together every year,” Marles told reporters after the talks.\n\n"
                    "“Our navies now share one logistics chain. That saves both of us money.”")
    assert [(s.speakers, s.text, s.direct) for s in found.statements] == [
        (["AU"], "We train together every year", True),
        (["AU"], "Our navies now share one logistics chain.", True),
        (["AU"], "That saves both of us money.", True)]


def test_a_whole_quoted_paragraph_after_the_reporters_own_paragraph_is_nobodys_statement():
    found = meeting("“We train together every year,” Marles told reporters after the talks.\n\n"
                    "The exercise was first held in 1998 off the coast of Darwin.\n\n"
                    "“Our navies now share one logistics chain. That saves both of us money.”")
    assert [s.text for s in found.statements] == ["We train together every year"]


def test_a_quotation_with_a_quoted_name_inside_is_kept_whole():
    found = meeting('"We train together every year. We will end with the exercise "Southern Cross," Marles said.')
    assert [(s.speakers, s.text) for s in found.statements] == [(["AU"], "We train together every year.")]
    assert [(c.parties, c.text) for c in found.commitments] == [(["AU"], "end with the exercise Southern Cross")]


def test_a_quotation_spanning_sentences_is_kept_whole():
    found = meeting("“Our alliance is strong. It has never been stronger. It keeps the peace,” Kihara said.")
    assert [(s.speakers, s.text) for s in found.statements] == [
        (["JP"], "Our alliance is strong."), (["JP"], "It has never been stronger."), (["JP"], "It keeps the peace")]


def test_welcoming_another_governments_commitment_is_the_welcomers_statement():
    assert commitments("Kihara welcomed the Australian commitment to send more instructors.") == []
    assert statements("Kihara welcomed the Australian commitment to send more instructors.") == [
        (["JP"], "welcomed the Australian commitment to send more instructors", False)]


def test_a_second_predicate_of_the_same_subject_stays_in_its_statement():
    assert [s[1] for s in statements("Kihara said that both countries are old friends, and have trained together "
                                     "for decades.")] == [
        "both countries are old friends, and have trained together for decades"]


def test_a_governments_plan_or_intent_reported_in_a_complement_is_its_promise():
    assert [(c[0], c[1]) for c in commitments("Kihara said Japan plans to buy more radars.")] == [
        (["JP"], "buy more radars")]
    assert [(c[0], c[1]) for c in commitments("Kihara said Japan intends to deploy more ships.")] == [
        (["JP"], "deploy more ships")]


def test_being_planning_to_or_announcing_a_plan_to_act_is_a_promise():
    assert [(c[0], c[1]) for c in commitments("Both ministers are planning to bring a joint proposal to the forum.")] \
        == [(["AU", "JP"], "bring a joint proposal to the forum")]
    assert [(c[0], c[1]) for c in commitments("The two ministers announced their plan to expand naval drills.")] == [
        (["AU", "JP"], "expand naval drills")]

def test_the_respective_ministries_are_every_government_at_the_table():
    assert [(c[0], c[1]) for c in commitments("The respective ministries plan to expand staff talks.")] == [
        (["AU", "JP"], "expand staff talks")]


def test_looking_forward_is_a_statement_of_its_own():
    assert [s[1] for s in statements("Kihara expressed satisfaction over the growing exchanges and looked forward "
                                     "to meeting again in Tokyo.")] == [
        "expressed satisfaction over the growing exchanges", "looked forward to meeting again in Tokyo"]


def test_journalists_and_hosts_of_a_press_conference_are_not_participants():
    found = _transcript("JOURNALIST: Japan will surely send ships, won't it? Everyone says Japan will send ships.\n\n"
                        "KIHARA: We will send two destroyers.")
    assert [(c.parties, c.text) for c in found.commitments] == [(["JP"], "send two destroyers")]


def test_a_statement_leaves_out_the_words_that_only_attribute_it():
    assert [s[1] for s in statements("Kihara told reporters that the alliance has never been stronger.")] == [
        "the alliance has never been stronger"]
    assert [s[1] for s in statements("Kihara said the alliance has never been stronger.")] == [
        "the alliance has never been stronger"]
    assert [s[1] for s in statements("Kihara stressed that the alliance has never been stronger.")] == [
        "stressed that the alliance has never been stronger"]


def test_a_colon_list_of_promises_is_one_commitment_each():
    assert [c[1] for c in commitments("The ministers agreed to: strengthen maritime cooperation; expand training "
                                      "exchanges; and hold regular staff talks.")] == [
        "strengthen maritime cooperation", "expand training exchanges", "hold regular staff talks"]


def test_so_as_to_purpose_clause_is_left_out():
    assert [c[1] for c in commitments("Marles and Kihara committed to further strengthen cooperation so as to "
                                      "deter aggression.")] == ["further strengthen cooperation"]


def test_an_adjective_before_the_owner_of_a_commitment():
    assert [(c[0], c[1]) for c in commitments("Marles reiterated the ironclad Australian commitment to the defense "
                                              "of Japan.")] == [(["AU"], "commitment to the defense of Japan")]


def test_the_chair_taking_questions_is_no_promise():
    found = _transcript("AUSTIN: I'll take one more and then we'll let the minister go.")
    assert found.commitments == [] and found.statements == []


def test_told_leaves_out_its_audience():
    assert [s[1] for s in statements("Kihara told reporters Japan was watching the region with concern.")] == [
        "Japan was watching the region with concern"]


def test_welcoming_a_governments_plan_is_no_promise():
    assert commitments("Marles welcomed Japan's plan to raise defense spending to two percent of GDP.") == []


def _communique(body):
    [found] = extract_document("test.txt", "Joint Statement\n\nJapanese Defense Minister Minoru Kihara and Australian "
                               "Defence Minister Richard Marles met in Canberra on 8 May 2024.\n\n" + body, KB,
                               published=date(2024, 5, 9)).meetings
    return found


def test_a_communique_list_after_the_ministers_colon_gives_each_item_its_subject():
    found = _communique("The Ministers:\n\n  • Reaffirmed the importance of the partnership.\n\n  • Committed to "
                        "expand joint exercises in the north.\n\n  • Condemned the missile launches.\n\n"
                        "Kihara thanked Marles for his hospitality.")
    assert [(c.parties, c.text) for c in found.commitments] == [(["AU", "JP"], "expand joint exercises in the north")]
    assert [(s.speakers, s.text) for s in found.statements] == [
        (["AU", "JP"], "Reaffirmed the importance of the partnership"), (["AU", "JP"], "Condemned the missile launches"),
        (["JP"], "thanked Marles for his hospitality")]


def test_a_list_after_the_ministers_agreed_to_colon_is_one_commitment_per_item():
    found = _communique("The Ministers agreed to:\n\n  • strengthen maritime cooperation;\n\n  • hold regular staff "
                        "talks.")
    assert [(c.parties, c.text) for c in found.commitments] == [
        (["AU", "JP"], "strengthen maritime cooperation"), (["AU", "JP"], "hold regular staff talks")]


def test_a_numbered_list_after_they_committed_to_colon_keeps_every_item_even_one_ending_in_and():
    found = _communique("They committed to:\n\n(1) Continue to share information on maritime security;\n\n"
                        "(2) Further develop joint exercises in the north; and\n\n(3) Promote industry cooperation.")
    assert [c.text for c in found.commitments] == [
        "Continue to share information on maritime security", "Further develop joint exercises in the north",
        "Promote industry cooperation"]


def test_will_be_a_thing_is_no_promise_but_will_be_doing_is():
    assert commitments("Marles said that Australia would be a reliable partner.") == []
    assert [c[1] for c in commitments("Kihara said Japan will be signing a new logistics pact.")] == [
        "be signing a new logistics pact"]


def test_sharing_assessments_on_a_subject_describes_the_talks():
    assert statements("Kihara said the two sides also shared assessments on the missile launches.") == []
    assert [s[1] for s in statements("The ministers shared the view that the launches threaten the region.")] == [
        "shared the view that the launches threaten the region"]


def test_the_pair_is_both_ministers():
    assert [(c[0], c[1]) for c in commitments("The pair agreed to expand drills.")] == [(["AU", "JP"], "expand drills")]


def test_forces_ready_to_deploy_by_a_date_are_a_promise():
    assert [(c[0], c[1]) for c in commitments("Marles said the first Australian troops would be ready to deploy by "
                                              "the end of August.")] == [
        (["AU"], "be ready to deploy by the end of August")]


def test_a_verdict_on_the_meeting_itself_is_no_statement():
    assert statements('"The discussion was very productive. Our alliance keeps the region safe," Marles said.') == [
        (["AU"], "Our alliance keeps the region safe", True)]


def test_a_good_dinner_and_a_good_meeting_is_no_statement():
    assert statements('"A very good dinner and a very good meeting," Kihara said.') == []


def test_what_was_on_the_agenda_is_no_statement():
    assert statements('"Maritime security was on the agenda. Japan values this partnership," Kihara said.') == [
        (["JP"], "Japan values this partnership", True)]


def test_agreeing_on_nothing_named_is_no_statement():
    assert statements('"On most of the points, we agreed. The region needs stability," Kihara said.') == [
        (["JP"], "The region needs stability", True)]


def test_a_transcripts_stage_direction_is_left_out():
    assert statements('"(Laughter) Our partnership has never been stronger," Marles said.') == [
        (["AU"], "Our partnership has never been stronger", True)]


def test_speech_broken_by_an_audio_gap_keeps_only_what_was_heard_whole():
    assert statements('"The issue of -- (audio break) -- we support a larger allied presence in the region," '
                      'Marles said.') == [(["AU"], "we support a larger allied presence in the region", True)]


def test_two_gerunds_joined_by_and_are_one_promised_action():
    assert commitments("They also committed to consulting and supporting each other at international forums.") == [
        (["AU", "JP"], "consulting and supporting each other at international forums", None, None)]
    assert statements("They also committed to consulting and supporting each other at international forums.") == []


def test_the_occasion_set_off_after_a_promise_is_left_out():
    assert commitments("The two ministers agreed to hold joint drills every spring, at a meeting on Tuesday at the "
                       "naval base in Darwin.") == [(["AU", "JP"], "hold joint drills every spring", None, None)]


def test_the_occasion_of_a_statement_is_left_out():
    assert statements("Kihara praised the Australian navy during a meeting with his counterpart on Tuesday.") == [
        (["JP"], "praised the Australian navy", False)]


def test_a_meeting_on_the_sidelines_reported_with_a_parenthesis_is_no_statement():
    assert statements("Kihara said he had, on the sidelines of the forum, met several counterparts.") == []


def test_a_stop_on_the_trip_is_no_promise():
    assert commitments("Kihara will also attend the ASEAN defence ministers' meeting in Laos.") == []
    assert commitments('"We will take part in the council session on Thursday," Kihara said.') == []


def test_taking_part_in_an_exercise_is_still_a_promise():
    assert [c[1] for c in commitments("Kihara said Japan will take part in the Talisman Sabre exercise next year.")] == [
        "take part in the Talisman Sabre exercise next year"]


def test_the_count_of_their_meetings_is_no_statement():
    assert statements("Kihara noted that this is the third meeting of the two ministers this year.") == []
    assert statements('"It has been six months since I last met Richard. We need closer ties," Kihara said.') == [
        (["JP"], "We need closer ties", True)]


def test_a_quoted_verdict_on_the_talks_is_no_statement():
    assert statements("Kihara said the talks today were “very productive” for both sides.") == []


def test_holding_the_named_session_and_what_was_on_its_agenda_describe_the_meeting():
    assert statements("Kihara announced that the ministers held the Fifth Regular Session of the council, where "
                      "they discussed the training plan, as well as relief programs for typhoon seasons.") == []


def test_two_gerund_goals_are_two_commitments():
    assert [c[1] for c in commitments("The two ministers pledged to cooperate in securing the sea lanes of the region "
                                      "and building lasting stability.")] == [
        "cooperate in securing the sea lanes of the region and building lasting stability"]
    assert [c[1] for c in commitments("The two ministers committed to securing the sea lanes of the region and "
                                      "building lasting stability.")] == [
        "securing the sea lanes of the region", "building lasting stability"]


def test_discussing_the_importance_of_a_thing_takes_a_position():
    assert statements("The ministers discussed the importance of open sea lanes in the Pacific.") == [
        (["AU", "JP"], "discussed the importance of open sea lanes in the Pacific", False)]
    assert statements("The ministers discussed open sea lanes in the Pacific.") == []


def test_an_impersonal_plan_or_decision_is_the_tables_promise():
    assert commitments("During the drills, it is planned to rehearse the defence of the northern ports.") == [
        (["AU", "JP"], "rehearse the defence of the northern ports", None, None)]
    assert commitments("It was decided to open a liaison office in Perth.") == [
        (["AU", "JP"], "open a liaison office in Perth", None, None)]


def test_making_a_decision_on_a_thing_is_a_promise():
    assert commitments("They also made decisions on the joint development of a missile warning network.") == [
        (["AU", "JP"], "the joint development of a missile warning network", None, None)]


def test_the_agenda_of_the_talks_under_way_is_no_promise():
    assert commitments('"We will also spend some time today discussing the submarine programme," Marles said.') == []
    assert [c[1] for c in commitments('"We will discuss it with our Pacific partners in June," Marles said.')] == [
        "discuss it with our Pacific partners in June"]


def test_a_promise_whose_subject_the_speaker_left_out_after_and_will():
    assert commitments('"We have raised the matter with our Pacific partners, and will raise it with Indonesia '
                       'next month," Marles said.') == [(["AU"], "raise it with Indonesia next month", None, None)]


def test_and_i_opens_a_second_clause_of_a_quotation():
    assert [s[1] for s in statements('"As Pacific partners, we share many interests and I look forward to deeper '
                                     'ties in the coming years," Marles said.')] == [
        "As Pacific partners, we share many interests", "I look forward to deeper ties in the coming years"]


def test_the_minister_and_i_stay_one_subject():
    assert [s[1] for s in statements('"Minister Kihara and I think the region needs stronger deterrence," '
                                     'Marles said.')] == ["Minister Kihara and I think the region needs stronger deterrence"]


def test_the_members_of_the_committee_are_every_government_at_the_table():
    assert statements("The members of the Joint Defence Committee affirmed that the alliance remains vital.") == [
        (["AU", "JP"], "affirmed that the alliance remains vital", False)]
    assert statements("The JDC members recognized the need to deter coercion.") == [
        (["AU", "JP"], "recognized the need to deter coercion", False)]


def test_to_a_noun_and_to_another_is_one_statement():
    assert [s[1] for s in statements("The ministers affirmed that the alliance remains vital to the security of both "
                                     "nations, and to the stability of the region.")] == [
        "affirmed that the alliance remains vital to the security of both nations, and to the stability of the region"]


def test_a_reporting_verb_after_an_adjective_is_a_noun():
    assert statements("Both nations have been leading calls for the alliance to modernise.") == []


def test_what_we_considered_or_covered_in_the_talks_is_an_account():
    assert statements('"We also considered the joint repair of submarines in Perth," Kihara said.') == []
    assert statements('"We have covered a wide range of questions," Kihara said.') == []


def test_a_verdict_that_goes_on_to_a_position_stays_a_statement():
    assert [s[1] for s in statements('"The visit was a good opportunity to deepen our defence ties," Marles said.')] == [
        "The visit was a good opportunity to deepen our defence ties"]


def test_a_promise_after_the_agenda_in_one_sentence_is_kept():
    assert [c[1] for c in commitments('"Maritime security was on the agenda, and we agreed to hold joint patrols next '
                                      'year," Kihara said.')] == ["hold joint patrols next year"]


def test_addressing_a_threat_is_a_promise_addressing_a_forum_is_not():
    assert [c[1] for c in commitments("The two ministers will address the threat of cyber attacks together.")] == [
        "address the threat of cyber attacks together"]
    assert commitments("Kihara will address the plenary session of the dialogue on Saturday.") == []


def test_a_noun_in_ing_after_and_is_no_second_goal():
    assert [c[1] for c in commitments("The two ministers committed to expanding joint exercises and peacekeeping "
                                      "operations in the region.")] == [
        "expanding joint exercises and peacekeeping operations in the region"]


def test_a_quoted_account_of_the_visits_programme_is_no_statement():
    assert statements('"The minister received a briefing on our radar network. The region needs vigilance," '
                      'Marles said.') == [(["AU"], "The region needs vigilance", True)]


def test_an_attribution_with_the_speaker_after_its_verb_gives_the_speaker():
    assert statements("Cooperation between the two democracies is vital for the region, said Japan's Defense "
                      "Minister, Minoru Kihara.") == [
        (["JP"], "Cooperation between the two democracies is vital for the region", False)]


def test_a_verb_after_said_opens_the_reported_clause_not_an_inverted_attribution():
    assert statements("Kihara, also a member of the cabinet, said Japan and Australia have built a close "
                      "partnership over the past years.") == [
        (["JP"], "Japan and Australia have built a close partnership over the past years", False)]


def test_a_plan_to_host_a_later_dialogue_is_a_schedule_not_a_commitment():
    assert commitments("On May 10, Marles will host the Indo-Pacific Defence Dialogue in Canberra.") == []


def test_what_will_be_discussed_is_an_agenda_not_a_commitment():
    assert commitments("Defence cooperation issues between Japan and Australia will be discussed during the "
                       "dialogue.") == []


def test_the_dignitary_is_the_participant_the_text_has_just_been_about():
    assert statements("The Australian minister appreciated Japan's help after the floods. The dignitary commended "
                      "the role of Japan in regional peace.") == [
        (["AU"], "appreciated Japan's help after the floods", False),
        (["AU"], "commended the role of Japan in regional peace", False)]


def test_what_the_ministers_will_likely_discuss_is_a_forecast_not_a_commitment():
    assert commitments("The two ministers will likely discuss the situation in the South China Sea.") == []


def test_a_quotation_after_said_and_the_speaker_is_the_speakers():
    assert statements("Said Kihara: \"Our alliance has never been stronger.\"") == [
        (["JP"], "Our alliance has never been stronger.", True)]


def test_a_quotation_a_participant_responded_with_is_his():
    assert statements("Asked about the drills, Marles responded, \"Australia stands with its partners.\"") == [
        (["AU"], "Australia stands with its partners.", True)]


def test_a_participle_of_speech_opening_a_sentence_is_a_position_of_its_subject():
    assert ((["AU", "JP"], "Praising the steady growth of their defense ties", False)
            in statements("Praising the steady growth of their defense ties, the two ministers agreed to hold more "
                          "joint exercises."))
    assert ((["JP"], "Thanking Australia for its support of the maritime initiative", False)
            in statements("Thanking Australia for its support of the maritime initiative, Kihara said the two navies "
                          "would train together more often."))


def test_a_participle_of_agreeing_on_a_finding_is_a_shared_position():
    assert ((["AU", "JP"], "Agreeing on the existence of wide scope for closer ties", False)
            in statements("Agreeing on the existence of wide scope for closer ties, the ministers agreed on taking "
                          "practical steps."))


def test_a_participle_of_travel_opening_a_sentence_is_no_position():
    assert all(not text.startswith("Arriving") for _, text, _ in statements(
        "Arriving in the capital on Monday, Kihara said the talks would cover drones."))


def test_a_report_that_the_ministers_met_is_no_position():
    assert statements("The Japanese Defense Ministry announced that Defense Minister Minoru Kihara met with "
                      "Australian Defence Minister Richard Marles.") == []


def test_what_cooperation_between_governments_will_do_is_a_prediction_not_a_promise():
    assert commitments("Minister Marles said Australian cooperation with Japan would continue to develop.") == []
    assert (["AU"], "Australian cooperation with Japan would continue to develop", False) in statements(
        "Minister Marles said Australian cooperation with Japan would continue to develop.")


def test_an_inverted_attribution_to_both_ministers_is_a_position_of_both():
    assert statements("Japan and Australia remain close and reliable partners, said the two ministers.") == [
        (["AU", "JP"], "Japan and Australia remain close and reliable partners", False)]


def test_an_inverted_attribution_naming_both_ministers_after_a_wire_dateline_is_theirs():
    [found] = extract_document("test.txt", "Tokyo, 24 May 2024 (Agency) - Japan and Australia remain close partners, "
                               "said Defense Ministers Minoru Kihara of Japan and Richard Marles of Australia after "
                               "their meeting in Tokyo.", KB).meetings
    assert [(s.speakers, s.text) for s in found.statements] == [
        (["AU", "JP"], "Japan and Australia remain close partners")]


def test_a_participle_greeting_a_delegation_is_no_position():
    assert all(not text.startswith("Welcoming") for _, text, _ in statements(
        "Welcoming the Australian delegation, Kihara said the visit was a chance to deepen ties."))


def test_added_that_reports_speech_like_said_that():
    assert statements("Marles later added that the region faced its hardest test in decades.") == [
        (["AU"], "the region faced its hardest test in decades", False)]


def test_added_without_that_is_no_speech():
    assert statements("Marles added two frigates to the joint patrol.") == []


@pytest.mark.parametrize("verb", ["wrote on X", "posted on Telegram", "tweeted"])
def test_a_position_written_on_a_social_network_is_a_statement(verb):
    assert statements(f"Marles {verb} that the region faced its hardest test in decades.") == [
        (["AU"], "the region faced its hardest test in decades", False)]


def test_a_thing_written_or_posted_is_no_statement():
    assert statements("Marles posted a photo of the two ministers.") == []


def test_an_inverted_attribution_to_unnamed_sources_is_cut_from_the_position():
    assert statements("Kihara stressed the importance of maritime cooperation, said officials from the ministry.") == [
        (["JP"], "stressed the importance of maritime cooperation", False)]


def test_he_after_a_sentence_whose_subject_is_a_participant_with_an_unread_verb_is_that_participant():
    found = statements("Marles stressed the value of the visit. Speaking after the talks, Defense Minister Minoru "
                       "Kihara first made reference to the storm. He added that the common goal is to continue "
                       "joint patrols.")
    assert (["JP"], "the common goal is to continue joint patrols", False) in found


def test_a_quote_he_added_after_a_reported_sentence_is_the_participant_just_reported():
    found = statements('Marles said he was glad to see Japan join the drills.\n\n'
                       '"Japan\'s role changes the whole region, and our plans must be integrated," he added.')
    assert (["AU"], "Japan's role changes the whole region", True) in found


def test_what_an_unnamed_official_of_a_participant_government_said_is_no_participants_position():
    assert statements("A senior Australian official said the drills would grow next year.") == []


def test_a_passive_speech_verb_after_an_adverb_is_no_statement():
    assert statements("Kihara had mulled a visit in 2023, but it was put off after martial law was briefly declared "
                      "in the region.") == []


def test_a_quotation_closed_by_went_on_is_the_speakers_own_words():
    assert statements('"We are glad Australian troops will be joining our drills," Kihara went on.') == [
        (["JP"], "We are glad Australian troops will be joining our drills", True)]


def test_ministers_who_task_their_officials_with_work_promise_it():
    assert [c[1] for c in commitments("The ministers directed their staffs to explore co-production of missiles.")] \
        == ["their staffs to explore co-production of missiles"]
    assert [c[1] for c in commitments("To carry out the plan, we hereby task our Chiefs of Defence to prepare a "
                                      "training calendar.")] == ["our Chiefs of Defence to prepare a training calendar"]


def test_when_a_promise_was_made_is_no_part_of_it():
    assert [c[1] for c in commitments("The two ministers vowed to deepen ties two days ahead of the US secretary's "
                                      "visit.")] == ["deepen ties"]


def test_a_quotation_of_two_clauses_each_with_its_own_subject_is_two_statements():
    assert statements('"Australia is a crucial partner for us, and Japan highly values its cooperation," Kihara '
                      'said.') == [(["JP"], "Australia is a crucial partner for us", True),
                                   (["JP"], "Japan highly values its cooperation", True)]
    assert [s[1] for s in statements('"The region has changed and we must plan as one," Kihara said.')] == [
        "The region has changed", "we must plan as one"]
    assert [s[1] for s in statements('"Our ties are deep, but naturally, our nations are bound by history," '
                                     'Kihara said.')] == ["Our ties are deep", "naturally, our nations are bound by history"]


def test_a_named_official_after_and_opens_a_predicate_of_his_own():
    assert statements("Kihara resolved to reinforce Japan's defense through a new strategy and Minister Marles "
                      "welcomed the initiative.") == [(["AU"], "welcomed the initiative", False)]


def test_welcoming_a_thing_is_a_position_even_when_the_next_sentence_names_ministers():
    assert statements("Marles welcomed the initiative. The Ministers condemned the launch.") == [
        (["AU"], "welcomed the initiative", False), (["AU", "JP"], "condemned the launch", False)]


def test_condolences_offered_are_a_sentiment_not_a_promise():
    assert commitments("Marles offered his condolences following the deadly storm.") == []
    assert statements("Marles offered his condolences following the deadly storm.") == [
        (["AU"], "offered his condolences following the deadly storm", False)]


def test_the_heads_of_delegations_together_speak_for_every_government_at_the_table():
    assert statements("The Heads of Defence Agencies noted that the region faces new threats.") == [
        (["AU", "JP"], "noted that the region faces new threats", False)]


def test_a_participant_quoting_what_the_members_agreed_quotes_a_promise_of_all():
    assert commitments('"Members have agreed to maintain our efforts to raise the group\'s profile, as well as its '
                       'visibility," Kihara concluded.') == [
        (["AU", "JP"], "maintain our efforts to raise the group's profile, as well as its visibility", None, None)]


def test_a_ministers_post_that_tells_of_the_call_with_its_subject_left_out_takes_no_position():
    assert statements('"It was a pleasure to speak with Minister Marles. Had a telephonic conversation with him on '
                      'maritime issues. Discussed a wide range of defence issues," Kihara wrote.') == []


def test_offering_others_a_part_is_a_proposal_and_offering_to_act_a_promise():
    assert commitments("Kihara offered Australian firms to take part in co-production in Japan.") == []
    assert statements("Kihara offered Australian firms to take part in co-production in Japan.") == [
        (["JP"], "offered Australian firms to take part in co-production in Japan", False)]
    assert [c[1] for c in commitments("Kihara offered to host the next round of talks.")] == [
        "host the next round of talks"]


def test_what_the_talks_will_include_is_an_agenda_not_a_promise():
    assert commitments("Discussions will focus on regional drills. They will also include support for the coast "
                       "guard.") == []


def test_a_participant_quoting_the_resolve_both_expressed_quotes_a_promise_of_both():
    assert commitments('"We expressed firm resolve to strengthen defence cooperation," Kihara said.') == [
        (["AU", "JP"], "strengthen defence cooperation", None, None)]


def test_two_governments_in_one_that_complement_are_its_subject_not_a_new_predicate():
    assert [c[1] for c in commitments("The ministers confirmed that Japan and Australia will continue to cooperate "
                                      "closely on maritime security.")] == [
        "continue to cooperate closely on maritime security"]


def test_cooperation_offered_is_a_promise():
    assert [c[1] for c in commitments("Marles offered continued cooperation in maritime domain awareness.")] == [
        "continued cooperation in maritime domain awareness"]


def test_the_parties_take_a_present_tense_statement_verb():
    assert statements("The parties stress the importance of open sea lanes.") == [
        (["AU", "JP"], "stress the importance of open sea lanes", False)]


def test_a_group_that_leaves_out_a_government_at_the_table_speaks_for_none_of_it():
    assert statements("NATO allies expressed concern over drone incursions.") == []


def test_forces_named_only_in_a_complement_of_the_subject_make_no_promise():
    assert commitments("Marles said that further expanding exchanges between the two armed forces will benefit both.") == []


def test_forces_as_the_subject_of_a_will_clause_are_the_speakers_promise():
    assert [c[:2] for c in commitments("Marles said that 300 Australian troops will deploy to Darwin.")] == [
        (["AU"], "deploy to Darwin")]


def test_a_paragraph_closed_by_a_dash_and_its_attribution_is_the_speakers_quotation():
    assert statements("\n\n- Our alliance is strong. It keeps the sea lanes open - said Minister Marles after the "
                      "talks.") == [(["AU"], "Our alliance is strong.", True), (["AU"], "It keeps the sea lanes open", True)]


def test_a_hyphen_in_the_speakers_name_does_not_hide_the_closing_dash():
    assert statements("\n\n- Our alliance is strong - said Minister Richard Marles-Smith.") == [
        (["AU"], "Our alliance is strong", True)]


def test_a_dash_quotation_needs_no_opening_dash():
    assert statements("\n\nThe region needs more cooperation - Kihara said.") == [
        (["JP"], "The region needs more cooperation", True)]


def test_a_dash_inside_a_paragraph_without_attribution_is_no_quotation():
    assert statements("\n\n- Exercises - joint and bilateral - were on the agenda.") == []


def test_the_commitment_the_speakers_reaffirm_to_an_action_is_theirs():
    assert commitments("The two ministers reaffirmed the commitment to further strengthen maritime cooperation.") == [
        (["AU", "JP"], "further strengthen maritime cooperation", None, None)]


def test_the_countrys_commitment_a_speaker_affirms_to_an_action_is_his_governments():
    assert [c[:2] for c in commitments("Kihara affirmed the country's commitment to deepening ties with Australia.")] \
        == [(["JP"], "deepening ties with Australia")]


def test_the_commitment_reaffirmed_to_a_thing_not_an_action_stays_a_statement():
    assert commitments("Kihara reaffirmed the commitment to the alliance.") == []
