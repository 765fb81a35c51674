"""General mechanisms that wire copy, readouts, joint statements and features need (texts written for these tests)."""
from datetime import date

import pytest

from ingest.clean import clean
from ingest.dates import find_dates, is_future_context
from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def only(text, published=None):
    [meeting] = meetings(text, published)
    return meeting


def statements(meeting):
    return {(tuple(s.speakers), s.text) for s in meeting.statements}


def commitments(meeting):
    return {(tuple(c.parties), c.text) for c in meeting.commitments}


# --- hard-wrapped plain text ----------------------------------------------------------

WRAPPED = """Japan and Australia to deepen air defence ties

CANBERRA, May 7, 2024 (Reuters) - Japanese Defense Minister Minoru Kihara and Australian Defence Minister
Richard Marles met in Canberra on Tuesday to discuss air and missile defence and the
situation in the region, officials said.

Marles said the two countries faced the most complex strategic environment in decades and
urged partners to invest more in deterrence.

Reporting by Jane Smith; Editing by
Tom Brown
"""


def test_hard_wrapped_paragraphs_are_joined_and_headings_datelines_bylines_kept_apart():
    article = clean(WRAPPED)
    lines = article.text.split("\n\n")
    assert lines[0] == "Japan and Australia to deepen air defence ties"
    assert lines[1].startswith("CANBERRA, May 7, 2024 (Reuters) - Japanese") and lines[1].endswith("officials said.")
    assert "Defence Minister Richard Marles met" in lines[1]
    assert "Editing" not in article.text
    for block in article.blocks:
        assert article.text[block.start:block.end].strip() == article.text[block.start:block.end]


def test_hard_wrapped_sentence_yields_its_meeting():
    meeting = only(WRAPPED)
    assert (meeting.countries, meeting.date, meeting.place) == (["AU", "JP"], date(2024, 5, 7), "Canberra")
    assert (("AU",), "urged partners to invest more in deterrence") in statements(meeting)


WRAPPED_NAMES = """Ministers meet in Wellington

New Zealand Minister of Defence Judith Collins and Philippine Secretary of
National Defense Gilberto Teodoro met in Wellington on Monday, the New Zealand
Defence Force said, to review their Status of Visiting Forces Agreement. Collins
welcomed the agreement, the first of its kind for the ADMM-
Plus partners, the ministry said. Teodoro thanked the Honourable Judith Collins
KC MP, Minister of Defence, for the welcome.
"""


def test_a_wrapped_line_of_capitalized_names_goes_on_with_the_next():
    """A line of offices and names ("... Secretary of" / "National Defense Gilberto ...") is no headline in the
    middle of a paragraph, nor where blank lines part the paragraphs."""
    paragraphs = clean(WRAPPED_NAMES).text.split("\n\n")
    assert paragraphs[0] == "Ministers meet in Wellington"
    assert "Secretary of National Defense Gilberto Teodoro met in Wellington" in paragraphs[1]
    assert "the New Zealand Defence Force said" in paragraphs[1]


def test_a_wrapped_line_that_begins_like_a_dateline_goes_on_inside_a_paragraph():
    """ "KC MP, Minister of Defence" under a cut line is no dateline where blank lines part the paragraphs."""
    assert "Judith Collins KC MP, Minister of Defence, for the welcome." in clean(WRAPPED_NAMES).text


def test_a_word_cut_at_its_hyphen_is_joined_without_a_space():
    assert "the ADMM-Plus partners" in clean(WRAPPED_NAMES).text


def test_a_line_per_sentence_still_reads_each_sentence():
    meeting = only("Published: 2024-05-10\n"
                   "Defense Secretary Lloyd Austin hosted Japanese Defense Minister Minoru Kihara at the Pentagon on Thursday.\n"
                   "Austin thanked Kihara for Japan's support to Ukraine.\n"
                   "The two ministers agreed to deepen cooperation on air defense.\n")
    assert (meeting.date, meeting.place, meeting.place_country) == (date(2024, 5, 9), "the Pentagon", "US")
    assert (("US",), "thanked Kihara for Japan's support to Ukraine") in statements(meeting)
    assert (("JP", "US"), "deepen cooperation on air defense") in commitments(meeting)


# --- dates ------------------------------------------------------------------------------

def test_weekday_resolves_against_the_dateline_not_to_the_dateline_day():
    meeting = only("TOKYO, Nov. 12, 2024 (Kyodo) -- Japanese Defense Minister Gen Nakatani hosted Australian "
                   "Defence Minister Richard Marles in Tokyo on Sunday.")
    assert meeting.date == date(2024, 11, 10)


def test_past_weekday_is_not_a_plan_because_a_promise_follows_it():
    meeting = only("CANBERRA, Aug. 6, 2024 (Reuters) - Australian Defence Minister Richard Marles met Philippine "
                   "Defense Secretary Gilberto Teodoro in Canberra on Monday, and the two pledged to expand joint "
                   "patrols in the South China Sea.")
    assert (meeting.date, meeting.countries) == (date(2024, 8, 5), ["AU", "PH"])
    text = "The ministers met on Monday and agreed to hold drills."
    [monday] = find_dates(text)
    assert not is_future_context(text, monday.start, monday.end)


def test_yearless_date_with_its_weekday_picks_the_year_within_the_terms():
    meeting = only("Australian Defence Minister Richard Marles met Indian Defence Minister Rajnath Singh in "
                   "Canberra on Tuesday, March 12.")
    assert meeting.date == date(2024, 3, 12)
    assert only("Australian Defence Minister Richard Marles met Indian Defence Minister Rajnath Singh in "
                "Canberra on March 12.").date is None


@pytest.mark.parametrize("dateline, day", [
    ("PARIS, 14th September, 2024 (AFP) --", date(2024, 9, 9)),
    ("Manila [Philippines], Sept. 14, 2024 (ANI):", date(2024, 9, 9)),
    ("SEOUL, Sept. 14, 2024 Yonhap -", date(2024, 9, 9)),
])
def test_dateline_styles(dateline, day):
    meeting = only(f"{dateline} South Korean Defense Minister Shin Won-sik met Philippine Defense Secretary "
                   f"Gilberto Teodoro on Monday.")
    assert meeting.date == day


# --- meeting verbs and places ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, place", [
    ("Secretary of Defense Lloyd Austin hosted Japanese Defense Minister Minoru Kihara at the Pentagon on Thursday.",
     "the Pentagon"),
    ("Indian Defence Minister Rajnath Singh received Japanese Defense Minister Minoru Kihara in New Delhi on Thursday.",
     "New Delhi"),
    ("Polish Defence Minister Wladyslaw Kosiniak-Kamysz welcomed his British counterpart John Healey to Warsaw on "
     "Thursday.", "Warsaw"),
    ("British Defence Secretary John Healey visited Kyiv on Thursday, where he met Polish Defence Minister "
     "Wladyslaw Kosiniak-Kamysz.", "Kyiv"),
    ("Healey and his French counterpart Sebastien Lecornu signed an agreement in Paris on Thursday.", "Paris"),
    ("Austin sat down with Indonesian Defense Minister Prabowo Subianto in Jakarta on Thursday.", "Jakarta"),
    ("Japanese Defense Minister Minoru Kihara paid a courtesy call on Indian Defence Minister Rajnath Singh in "
     "New Delhi on Thursday.", "New Delhi"),
    ("Japanese Defense Minister Minoru Kihara was welcomed on Thursday by Indian Defence Minister Rajnath Singh in "
     "New Delhi.", "New Delhi"),
])
def test_meeting_verbs(sentence, place):
    text = ("Published: 2024-05-10\n\nBritish Defence Secretary John Healey spoke to reporters. "
            "Secretary of Defense Lloyd Austin was in Asia.\n\n" + sentence)
    meeting = only(text)
    assert (meeting.date, meeting.place, meeting.format) == (date(2024, 5, 9), place, "in_person")
    assert not [s for s in meeting.statements if s.text.startswith(("welcomed", "signed"))]


def test_meeting_verb_with_its_object_only():
    assert meetings("Indian Defence Minister Rajnath Singh received an award in Tokyo on Thursday.",
                    date(2024, 5, 10)) == []
    assert meetings("Japan and Australia signed a reciprocal access agreement in 2022.", date(2024, 5, 10)) == []


def test_passing_mentions_and_plans_are_not_meetings():
    assert meetings("Australian Defence Minister Richard Marles and Japanese Defense Minister Minoru Kihara have met "
                    "several times this year.", date(2024, 9, 20)) == []
    assert meetings("Kihara is scheduled to travel to Canberra on Saturday for talks with his Australian "
                    "counterpart Richard Marles.", date(2024, 9, 20)) == []


def test_background_meeting_with_its_own_date_is_held():
    meeting = only("Analysis: a close partnership\n\nThe two have met several times. Richard Marles first met Japanese "
                   "Defense Minister Minoru Kihara in Tokyo on Sept. 20, 2023, where the two agreed to expand "
                   "exercises.", date(2024, 9, 20))
    assert (meeting.date, meeting.countries) == (date(2023, 9, 20), ["AU", "JP"])


def test_one_sentence_two_encounters():
    found = meetings("JAKARTA, May 10, 2024 (AFP) - Secretary of Defense Lloyd Austin held talks with Indonesian "
                     "Defense Minister Prabowo Subianto on Friday, a day after meeting Australian Defence Minister "
                     "Richard Marles in Canberra.\n\nIn Canberra on Thursday, Austin and Marles reaffirmed the "
                     "alliance.")
    assert {(tuple(m.countries), m.date) for m in found} == {(("ID", "US"), date(2024, 5, 10)),
                                                             (("AU", "US"), date(2024, 5, 9))}


def test_two_calls_with_the_same_counterpart_on_different_days_are_two_meetings():
    found = meetings("Secretary of Defense Lloyd Austin spoke by phone with South Korean Defense Minister Shin "
                     "Won-sik on Monday.\n\nAustin called Shin again on Thursday. He reaffirmed U.S. support.",
                     date(2024, 5, 10))
    assert [(m.format, m.date) for m in found] == [("phone", date(2024, 5, 6)), ("phone", date(2024, 5, 9))]


def test_a_list_of_countries_is_not_a_place():
    meeting = only("Defence ministers of the United States, Japan, Australia and the Philippines met in Singapore "
                   "on Saturday.", date(2024, 6, 2))
    assert (meeting.countries, meeting.place) == (["AU", "JP", "PH", "US"], "Singapore")


# --- people -------------------------------------------------------------------------------------

def test_unknown_official_takes_the_country_of_the_dateline():
    meeting = only("BANGKOK (Reuters) -- Defence Minister Sutin Klungsang met Japanese Defense Minister Minoru "
                   "Kihara in Bangkok on Friday.", date(2024, 5, 11))
    assert {(p.name, p.country, p.official) for p in meeting.participants} >= {("Sutin Klungsang", "TH", None)}


def test_unknown_official_after_a_name_or_with_of_country():
    meeting = only("Minister for Defence Pat Conroy of Australia held talks with Gen. Luong Tam Quang, Minister "
                   "of National Defence of Vietnam, in Hanoi on Thursday.", date(2024, 5, 11))
    assert {(p.name, p.country) for p in meeting.participants} == {("Pat Conroy", "AU"), ("Luong Tam Quang", "VN")}


def test_unknown_official_takes_the_other_side_of_a_bilateral():
    meeting = only("In talks between Thailand and Japan, Defence Minister Sutin Klungsang met his Japanese "
                   "counterpart Minoru Kihara in Tokyo on Friday.", date(2024, 5, 11))
    assert ("Sutin Klungsang", "TH") in {(p.name, p.country) for p in meeting.participants}


# --- statements and commitments ----------------------------------------------------------------

def test_first_person_joint_statement_speaks_for_all():
    meeting = only("Joint Statement\n\nMinoru Kihara and Richard Marles met in Tokyo on 8 July 2024.\n\nWe share the view that "
                   "the region is increasingly severe. We underline the importance of the rule of law at sea. "
                   "We will deepen cooperation between our forces.")
    assert {(("AU", "JP"), "share the view that the region is increasingly severe"),
            (("AU", "JP"), "underline the importance of the rule of law at sea")} <= statements(meeting)
    assert (("AU", "JP"), "deepen cooperation between our forces") in commitments(meeting)


def test_second_predicate_after_and_is_its_own_claim():
    meeting = only("British Defence Secretary John Healey met Polish Defence Minister Wladyslaw Kosiniak-Kamysz in Warsaw on Tuesday. Healey "
                   "condemned Russia's attacks on energy infrastructure and called on allies to send more air "
                   "defence. Kosiniak-Kamysz said Poland wanted more ammunition, and would consult closely with "
                   "London on drones.", date(2024, 5, 9))
    assert {(("GB",), "condemned Russia's attacks on energy infrastructure"),
            (("GB",), "called on allies to send more air defence")} <= statements(meeting)
    assert (("PL",), "consult closely with London on drones") in commitments(meeting)


def test_welcoming_a_counterpart_is_not_a_position():
    meeting = only("Polish Defence Minister Wladyslaw Kosiniak-Kamysz welcomed his British counterpart John Healey "
                   "to Warsaw on Tuesday. Healey welcomed the decision to buy more air defence.", date(2024, 5, 9))
    assert statements(meeting) == {(("GB",), "welcomed the decision to buy more air defence")}


def test_group_paragraph_belongs_to_the_multilateral():
    found = meetings("Defence ministers of the United States, Japan, Australia and the Philippines met in Singapore "
                     "on Saturday.\n\nOn the sidelines, Secretary of Defense Lloyd Austin also held a bilateral "
                     "meeting with Philippine Defense Secretary Gilberto Teodoro.\n\nThe ministers expressed serious "
                     "concern about dangerous actions at sea.", date(2024, 6, 2))
    by_size = {len(m.countries): m for m in found}
    assert [s.text for s in by_size[4].statements] == ["expressed serious concern about dangerous actions at sea"]
    assert by_size[2].statements == []


def test_a_vaguely_dated_meeting_takes_no_other_sentences_day():
    found = meetings("U.S. Defense Secretary Lloyd Austin said on Thursday that Washington would keep supplying "
                     "air defense. Austin, who met Polish Defence Minister Wladyslaw Kosiniak-Kamysz in Warsaw last "
                     "month, said the alliance was strong.", date(2024, 5, 10))
    assert [(m.countries, m.date) for m in found] == [(["PL", "US"], None)]


@pytest.mark.parametrize("text", [
    "Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara agreed on Thursday to expand "
    "exercises.\n\nMeeting at the Pentagon, the two officials also agreed to deepen cooperation.",
    "Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara co-chaired on Thursday the first "
    "meeting of the new defense industry forum in Tokyo.",
])
def test_participle_and_chairing_report_meetings(text):
    meeting = only(text, date(2024, 5, 10))
    assert (meeting.countries, meeting.date) == (["JP", "US"], date(2024, 5, 9))


def test_a_courtesy_call_on_a_person_is_not_a_position():
    meeting = only("Japanese Defense Minister Minoru Kihara paid a courtesy call on Indian Defence Minister Rajnath "
                   "Singh in New Delhi on Thursday. Kihara called on both countries to deepen cooperation.",
                   date(2024, 5, 10))
    assert [s.text for s in meeting.statements] == ["called on both countries to deepen cooperation"]


def test_later_mentions_in_the_articles_own_spelling_of_an_accented_family_name():
    from testkb import COUNTRIES, NATO, OFFICES, OFFICIALS, _official
    from ingest.knowledge import KnowledgeBase
    kb = KnowledgeBase(countries=list(COUNTRIES), groups=[NATO], offices=list(OFFICES), officials=[
        *OFFICIALS, _official("Mariusz Błaszczak", "PL", "Błaszczak", "Minister of National Defence", "2018-01-09",
                              "2023-11-27", ("Mariusz Blaszczak",))])
    [meeting] = extract_document("t.txt", "Secretary of Defense Lloyd Austin met Polish Defense Minister Mariusz "
                                 "Blaszczak in Warsaw on Tuesday. Blaszczak stressed that Poland needs more air "
                                 "defense.", kb, published=date(2023, 2, 23)).meetings
    assert statements(meeting) == {(("PL",), "stressed that Poland needs more air defense")}


def test_stated_readiness_is_a_statement_and_an_agreement_a_commitment():
    meeting = only("Chinese Defense Minister Dong Jun held talks with Indonesian Defense Minister Prabowo Subianto in "
                   "Beijing on Thursday and the two agreed to expand naval drills. Dong said China appreciates "
                   "Indonesia's support, and the Chinese military is ready to work with Indonesia on training. "
                   "Prabowo said Indonesia values the partnership and is willing to host more exchanges.",
                   date(2024, 5, 10))
    assert commitments(meeting) == {(("CN", "ID"), "expand naval drills")}
    texts = " | ".join(s.text for s in meeting.statements)
    assert "ready to work with Indonesia on training" in texts and "willing to host more exchanges" in texts


def test_thai_officials_are_called_by_their_given_name():
    meeting = only("BANGKOK (Reuters) -- Defence Minister Sutin Klungsang met Japanese Defense Minister Minoru "
                   "Kihara in Bangkok on Friday. Sutin stressed that Thailand values the partnership.",
                   date(2024, 5, 11))
    assert (("TH",), "stressed that Thailand values the partnership") in statements(meeting)


def test_quotations_attributed_with_any_speech_verb():
    meeting = only("Australian Defence Minister Richard Marles met Japanese Defense Minister Minoru Kihara in Tokyo on "
                   "Thursday.\n\n\"The region is more dangerous than at any time in decades,\" Marles warned.\n\n"
                   "\"Our alliance has never been stronger,\" Kihara told reporters.", date(2024, 5, 10))
    assert {(s.speakers[0], s.direct) for s in meeting.statements} == {("AU", True), ("JP", True)}


def test_transcript_speaker_promising_for_their_government():
    meeting = only("Joint press conference: Minister Marles and Minister Kihara\n\nTokyo, 5 September 2024\n\nMINISTER MARLES: Today we had a very "
                   "productive meeting with Minister Kihara.\n\nMINISTER KIHARA: Japan will send F-35 fighters to "
                   "Australia next year.")
    assert (meeting.countries, meeting.date) == (["AU", "JP"], date(2024, 9, 5))
    assert (("JP",), "send F-35 fighters to Australia next year") in commitments(meeting)


def test_short_paragraphs_one_per_line_are_not_joined():
    text = ("Kihara and Marles met in Tokyo on Monday to discuss regional security issues.\n"
            "Marles said Australia and Japan were the closest of partners in the region.\n"
            "\"We will train together more often,\" Kihara said after the talks ended.\n")
    assert clean(text).text.count("\n\n") == 2


def test_a_third_governments_institution_does_not_speak_for_the_table():
    meeting = only("Australian Defence Minister Richard Marles met Philippine Defense Secretary Gilberto Teodoro in "
                   "Manila on Thursday.\n\nThe Chinese Embassy in Manila said the Philippines should stop provoking "
                   "tensions.", date(2024, 5, 10))
    assert meeting.statements == []


def test_yearless_dateline_takes_its_year_from_the_weekday_the_story_was_told():
    text = ("CANBERRA, Nov. 15 (AAP) -- Australian Defence Minister Richard Marles met U.S. Defense Secretary Lloyd "
            "Austin in Canberra on Monday, the ministry said{}.")
    assert only(text.format(" Wednesday")).date == date(2023, 11, 13)
    assert only(text.format("")).date is None


def test_a_telecon_held_with_a_counterpart_is_a_phone_meeting():
    found = only("On May 8, 2024, Defense Minister Kihara held a telecon with Australian Defence Minister Marles.")
    assert (found.format, found.date) == ("phone", date(2024, 5, 8))


def test_a_call_held_with_a_counterpart_is_by_phone_unless_video_is_named():
    assert only("On May 8, 2024, Defense Minister Kihara held an introductory call with Australian Defence Minister Marles.").format \
        == "phone"
    assert only("On May 8, 2024, Defense Minister Kihara held a video call with Australian Defence Minister Marles.").format == "video"


def test_a_virtual_meeting_with_words_between_is_by_video():
    found = only("On May 8, 2024, Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard "
                 "Marles convened a virtual bilateral defense ministerial meeting.")
    assert found.format == "video"


def test_a_two_word_name_shortened_to_its_other_word_is_the_same_person():
    found = only("June 3, 2024 — Indonesian Defense Minister Prabowo Subianto met Japanese Defense Minister Minoru "
                 "Kihara in Singapore on June 2.\n\nSubianto said Indonesia supports "
                 "freedom of navigation.")
    assert (("ID",), "Indonesia supports freedom of navigation") in statements(found)


def test_an_earlier_call_a_minister_referenced_in_a_speech_is_no_meeting():
    assert meetings("Japanese Defense Minister Minoru Kihara spoke to a business forum in Tokyo on May 8, 2024.\n\n"
                    "Kihara referenced his recent phone conversation with Australian Defence Minister Richard "
                    "Marles, during which he stressed the value of joint drills.") == []


def test_where_a_minister_said_he_went_is_no_position():
    found = only("On May 8, 2024, Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard "
                 "Marles in Canberra. Kihara said he attended the ceremony on behalf of the prime minister.")
    assert statements(found) == set()


def test_the_head_of_a_state_is_no_person_named_head():
    found = only("On May 8, 2024, Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard "
                 "Marles in Canberra. During a meeting with the Defence Minister of Japan, the Head of Australia "
                 "emphasized that the partnership is a priority.")
    assert sorted(p.name for p in found.participants) == ["Minoru Kihara", "Richard Marles"]


def test_a_family_name_alone_as_the_speaker_is_the_known_official_of_a_government_the_article_names():
    found = only('"Australia is a crucial partner for us, and Japan values our cooperation," Kihara said after a '
                 'video meeting with his Australian counterpart, Richard Marles, on May 8, 2024.')
    assert "Minoru Kihara" in [p.name for p in found.participants]


def test_an_office_then_its_government_then_the_name_names_that_governments_official():
    found = only("On May 8, 2024, the meeting in Tokyo was attended by Japanese Defense Minister Minoru Kihara, "
                 "Chief of the General Staff of the Armed Forces of Indonesia General Agus "
                 "Subiyanto, and Australian Defence Minister Richard Marles.")
    assert ("Agus Subiyanto", "ID") in [(p.name, p.country) for p in found.participants]
    assert all("Kihara" not in p.name or p.country == "JP" for p in found.participants)


def test_two_reports_of_one_ministers_session_one_government_apart_are_one_meeting():
    found = meetings("On 29 April 2024, Tokyo hosted the meeting of defence ministers of Japan, Australia, Indonesia, "
                     "the Philippines and India. The meeting was attended by Japanese Defense Minister Minoru Kihara, "
                     "Australian Defence Minister Richard Marles, Indonesian Defense Minister Prabowo Subianto, "
                     "Philippine Defense Secretary Gilberto Teodoro, Indian Defence Minister Rajnath Singh and "
                     "Chinese Defense Minister Dong Jun.")
    assert len(found) == 1


def test_a_name_goes_on_past_a_lower_case_al():
    found = only("On May 8, 2024, Australian Defence Minister Richard Marles met Mohammed bin Ahmad al Bawardi, "
                 "Indonesian Minister of State for Defense Affairs, in Jakarta.")
    assert ("Mohammed bin Ahmad al Bawardi", "ID") in [(p.name, p.country) for p in found.participants]


def test_the_meeting_held_in_the_presence_of_some_of_its_ministers_is_the_session_just_reported():
    found = meetings("Tokyo hosted the meeting of defence ministers of Japan, Australia, Indonesia, the Philippines "
                     "and India on May 8, 2024.\n\nThe meeting was held in the presence of Australian Defence "
                     "Minister Richard Marles, Indonesian Defense Minister Prabowo Subianto and Philippine Defense "
                     "Secretary Gilberto Teodoro.")
    assert len(found) == 1


def test_an_official_who_joined_some_ministers_of_a_session_is_at_that_session():
    found = meetings("On May 8, 2024, Japanese Defense Minister Minoru Kihara took part in a videoconference of the "
                     "defence ministers of Japan, Australia, India, the Philippines and Indonesia.\n\nKihara joined "
                     "defence ministers from Australia, India and the Philippines.")
    assert [(m.format, sorted(m.countries)) for m in found] == [("video", ["AU", "ID", "IN", "JP", "PH"])]


def test_an_official_hosting_another_government_today_is_a_meeting_and_looking_forward_to_it_is_not():
    found = only("8 May 2024\n\nToday, Australian Defence Minister Richard Marles is hosting Japanese Defense Minister "
                 "Minoru Kihara in Canberra.")
    assert (sorted(found.countries), found.date) == (["AU", "JP"], date(2024, 5, 8))
    assert meetings("8 May 2024\n\nMarles looks forward to hosting Japanese Defense Minister Minoru Kihara in "
                    "Canberra next month.") == []


def test_a_one_line_summary_above_a_bracketed_dateline_leaves_the_dateline_and_its_country_out_of_the_meeting():
    found = meetings("Defence Minister Rajnath Singh on Wednesday met his Japanese counterpart Minoru Kihara.\n\n"
                     "Vientiane [Laos] Nov 20, 2024 (ANI): Defence Minister Rajnath Singh on Wednesday met his "
                     "Japanese counterpart Minoru Kihara on the sidelines of the ADMM-Plus.")
    assert [sorted(m.countries) for m in found] == [["IN", "JP"]]


def test_a_headline_clause_is_no_meeting_name():
    found = only("Kihara Says Talks Went Smoothly With Australian Minister\n\nSpeaking to reporters after meeting "
                 "with Australian Defence Minister Richard Marles on May 8, 2024, Japanese Defense Minister Minoru "
                 "Kihara said the two agreed to collaborate more.")
    assert found.name is None


def test_a_joint_press_conference_of_two_governments_defense_officials_is_their_meeting():
    found = only("Joint Press Conference with Japanese Defense Minister Minoru Kihara and the Australian Minister for "
                 "Defence: Parliament House, Canberra: 8 May 2024.\n\nMINISTER KIHARA: Our partnership is as strong "
                 "as ever.")
    assert (sorted(found.countries), found.date, found.name) == (["AU", "JP"], date(2024, 5, 8), None)


def test_a_2_plus_2_held_in_the_presence_of_both_sides_ministers_has_them_all():
    found = only("TOKYO, May 8, 2024 - Foreign and defense ministers of Japan and Australia take part in the 2+2 "
                 "dialogue in Tokyo.\n\nThe meeting began at 10:30 AM in the presence of Japan's Foreign Minister "
                 "Yoko Kamikawa and Defense Minister Minoru Kihara, together with their Australian counterparts "
                 "Penny Wong and Richard Marles, respectively.")
    assert sorted((p.name, p.country) for p in found.participants) == [
        ("Minoru Kihara", "JP"), ("Penny Wong", "AU"), ("Richard Marles", "AU"), ("Yoko Kamikawa", "JP")]


# --- a verb no rule knows, told by who was met ---------------------------------------------

def test_any_past_verb_with_an_official_of_another_government_reports_their_encounter():
    meeting = only("Marles in Tokyo\n\nTOKYO, March 4, 2024\n\nAustralian Defence Minister Richard Marles "
                   "interacted with Japanese Defense Minister Minoru Kihara in Tokyo on Monday to discuss "
                   "submarine maintenance.\n")
    assert (meeting.countries, meeting.date) == (["AU", "JP"], date(2024, 3, 4))


def test_any_past_verb_with_his_counterparts_reports_an_encounter():
    meeting = only("Rajnath in Paris\n\nPARIS, June 3, 2024\n\nIndian Defence Minister Rajnath Singh huddled with "
                   "his French counterpart Sebastien Lecornu on Monday over engine co-development.\n")
    assert meeting.countries == ["FR", "IN"]


def test_a_standing_relation_with_a_foreign_official_is_no_encounter():
    assert meetings("Marles speech\n\nCANBERRA, March 4, 2024\n\nAustralian Defence Minister Richard Marles said he "
                    "had long cooperated with Japanese Defense Minister Minoru Kihara on submarine maintenance.\n") == []


def test_a_past_verb_with_an_official_of_ones_own_government_is_no_encounter():
    assert meetings("Austin at home\n\nWASHINGTON, March 4, 2024\n\nDefense Secretary Lloyd Austin lunched with "
                    "Pentagon comptroller Mike McCord on Monday.\n") == []


def test_he_with_any_past_verb_and_two_officials_at_a_forum_holds_two_bilaterals():
    found = meetings("Singh at the dialogue\n\nSINGAPORE, June 2, 2024\n\nIndian Defence Minister Rajnath Singh "
                     "attended the Shangri-La Dialogue forum. He parleyed with Richard Marles and Japanese Defense "
                     "Minister Minoru Kihara, and discussed maritime security.\n")
    assert sorted(m.countries for m in found) == [["AU", "IN"], ["IN", "JP"]]


def test_making_a_call_to_a_counterpart_is_a_phone_call():
    meeting = only("Austin tests the line\n\nWASHINGTON, March 4, 2024\n\nDefense Secretary Lloyd Austin spoke briefly "
                   "to Australian Defence Minister Richard Marles this morning, making a call to his counterpart over "
                   "a new secure link.\n")
    assert (meeting.countries, meeting.format) == (["AU", "US"], "phone")


def test_the_news_agency_named_after_france_is_no_party():
    meeting = only("Austin calls Marles\n\nWASHINGTON, March 4, 2024\n\nDefense Secretary Lloyd Austin spoke by phone "
                   "with Australian Defence Minister Richard Marles on Saturday, Agence France-Presse reported.\n")
    assert meeting.countries == ["AU", "US"]


def test_an_encounter_one_briefs_another_on_is_context_not_news():
    found = meetings("Austin calls Marles\n\nWASHINGTON, March 4, 2024\n\nDefense Secretary Lloyd Austin spoke by phone "
                     "with Australian Defence Minister Richard Marles on Monday. Austin also briefed Marles on his "
                     "phone conversation with Japanese Defense Minister Minoru Kihara last week.\n")
    assert [m.countries for m in found] == [["AU", "US"]]


def test_a_virtual_ministerial_is_held_by_video():
    meeting = only("Austin and counterparts\n\nWASHINGTON, March 4, 2024\n\nDefense Secretary Lloyd Austin met with "
                   "Australian Defence Minister Richard Marles and Japanese Defense Minister Minoru Kihara during a "
                   "virtual Trilateral Ministerial today.\n")
    assert meeting.format == "video"
