"""One test per general rule added for wire, readout and transcript styles (texts written for these tests)."""
from datetime import date

from ingest.dates import find_dates
from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=date(2024, 5, 9)):
    return extract_document("test.txt", text, KB, published=published).meetings


def only(text, published=date(2024, 5, 9)):
    [meeting] = meetings(text, published)
    return meeting


def test_dashed_and_dotted_dates_are_day_first():
    [dashed] = find_dates("News item | 05-03-2024 | 10:00")
    [dotted] = find_dates("Stand: 05.03.2024")
    assert (dashed.year, dashed.month, dashed.day) == (2024, 3, 5)
    assert (dotted.year, dotted.month, dotted.day) == (2024, 3, 5)


def test_slashed_dates_count_only_when_unambiguous():
    [us] = find_dates("Posted 04/25/2024")
    assert (us.month, us.day) == (4, 25)
    assert find_dates("Posted 04/05/2024") == []


def test_received_counterpart_is_a_meeting():
    meeting = only("Polish Defence Minister Władysław Kosiniak-Kamysz received his French counterpart Sébastien "
                   "Lecornu with military honours in Warsaw on Monday.")
    assert (meeting.countries, meeting.date) == (["FR", "PL"], date(2024, 5, 6))


def test_joining_the_ministers_of_all_members_is_a_group_meeting():
    meeting = only("Defence Secretary John Healey joined the defence ministers of all NATO allies in Brussels "
                   "on Thursday.", published=date(2024, 10, 18))
    assert meeting.countries == ["EE", "FR", "GB", "PL", "US"]


def test_pronoun_subject_of_a_meeting_is_the_last_person_named():
    found = meetings("Japanese Defense Minister Minoru Kihara spoke at a forum in Singapore on Friday. "
                     "On the sidelines, he also met his Indonesian counterpart Prabowo Subianto.")
    assert [m.countries for m in found] == [["ID", "JP"]]


def test_background_after_the_meeting_is_not_a_participant():
    meeting = only("Japanese Defense Minister Minoru Kihara and Australian Defence Minister Richard Marles spoke "
                   "on Monday. The two ministers held talks by video link, their first since a summit of Japan, "
                   "Australia and India in Tokyo last year.")
    assert (meeting.countries, meeting.format) == (["AU", "JP"], "video")


def test_appositive_after_the_meeting_is_not_a_participant():
    meeting = only("Japanese Defense Minister Minoru Kihara and South Korean Defense Minister Shin Won-sik met in "
                   "Tokyo on Monday, the latest step in a thaw between the two U.S. allies.")
    assert meeting.countries == ["JP", "KR"]


TRANSCRIPT = """Secretary of Defense Lloyd J. Austin III and Australian Defence Minister Richard Marles held a press conference.

MODERATOR: Welcome. The Minister will speak first and will take questions later.

MINISTER MARLES: Thanks, and it's a pleasure to host the Secretary.

In our meeting today we agreed to expand joint patrols in the north.

The alliance is strong, and the region is watching closely.

SECRETARY AUSTIN: The United States is fully committed to the alliance with Australia.

Q: Will patrols grow next year?
"""


def test_transcript_labels_hold_for_the_paragraphs_after_them():
    meeting = only(TRANSCRIPT)
    assert meeting.countries == ["AU", "US"]
    commitments = {(c.text, tuple(c.parties)) for c in meeting.commitments}
    assert ("expand joint patrols in the north", ("AU", "US")) in commitments
    assert ("fully committed to the alliance with Australia", ("US",)) in commitments
    statements = {(s.text, tuple(s.speakers), s.direct) for s in meeting.statements}
    assert ("The alliance is strong", ("AU",), True) in statements
    assert ("the region is watching closely.", ("AU",), True) in statements
    assert not any("pleasure" in s.text or "questions" in s.text or "patrols grow" in s.text
                   for s in meeting.statements)


def test_mixed_case_transcript_labels():
    meeting = only(TRANSCRIPT.replace("MINISTER MARLES:", "Minister Marles:").replace("SECRETARY AUSTIN:",
                                                                                       "Secretary Austin:"))
    assert {c.text for c in meeting.commitments} >= {"expand joint patrols in the north"}


def test_participle_after_a_comma_is_its_own_statement():
    meeting = only("Australian Defence Minister Richard Marles met Japanese Defense Minister Minoru Kihara in "
                   "Tokyo on Tuesday. Marles told Kihara that the sea lanes were crowded, describing the "
                   "situation as tense.")
    texts = {s.text for s in meeting.statements}
    assert "describing the situation as tense" in texts


def test_standing_commitment_with_a_quoted_adverb():
    meeting = only("Australian Defence Minister Richard Marles met Japanese Defense Minister Minoru Kihara in "
                   "Tokyo on Tuesday. Marles said Australia was \"deeply committed\" to supporting security "
                   "in the Pacific.")
    assert [(c.text, c.parties) for c in meeting.commitments] == [("supporting security in the Pacific", ["AU"])]


def test_commitment_owned_by_a_capital():
    meeting = only("Secretary of Defense Lloyd J. Austin III met Japanese Defense Minister Minoru Kihara in Tokyo "
                   "on Tuesday. Austin reaffirmed Washington's firm commitment to the defense of Japan.")
    assert [c.parties for c in meeting.commitments] == [["US"]]
    assert not meeting.statements


def test_an_official_not_at_the_table_does_not_speak_for_the_meeting():
    meeting = only("Secretary of Defense Lloyd J. Austin III spoke by phone with Japanese Defense Minister Minoru "
                   "Kihara on Tuesday. Defense Minister Yasukazu Hamada told reporters that the launch was "
                   "reckless.", published=date(2024, 5, 9))
    assert meeting.statements == []


def test_plural_reference_naming_another_country_is_not_the_participants():
    meeting = only("Secretary of Defense Lloyd J. Austin III spoke by phone with Japanese Defense Minister Minoru "
                   "Kihara on Tuesday. South Korea's military chiefs said the missile flew 1,000 km.")
    assert meeting.statements == []


def test_attribution_with_asides_is_stripped():
    meeting = only("Australia will send more patrol boats to the Pacific, Richard Marles said during a visit to "
                   "Tokyo, where he met Japanese Defense Minister Minoru Kihara, on Tuesday.")
    assert [c.text for c in meeting.commitments] == ["send more patrol boats to the Pacific"]


def test_direct_quote_splits_at_a_new_named_subject():
    meeting = only("Australian Defence Minister Richard Marles met Japanese Defense Minister Minoru Kihara in "
                   "Tokyo on Tuesday. \"The seas are calm, and Beijing is watching every move,\" Marles said.")
    assert {s.text for s in meeting.statements} == {"The seas are calm", "Beijing is watching every move"}


def test_low_high_quotation_marks():
    meeting = only("Polish Defence Minister Władysław Kosiniak-Kamysz met his French counterpart Sébastien Lecornu "
                   "in Warsaw on Monday. „France is a partner we can always count on“, Kosiniak-Kamysz said.")
    assert [(s.text, s.direct) for s in meeting.statements] == [("France is a partner we can always count on", True)]


def test_tass_dateline_with_slashed_agency_dates_the_story():
    meeting = only("BEIJING, March 5. /TASS/. Chinese Defense Minister Dong Jun spoke by phone on Tuesday with "
                   "Indonesian Defense Minister Prabowo Subianto, the ministry said.", published=None)
    assert (meeting.date, meeting.format) == (date(2024, 3, 5), "phone")


OFFICE_LABEL_TRANSCRIPT = ("Press Conference by the Defense Minister Kihara\n\n"
              "Time & Date: 06:35-06:45 P.M. November 4, 2023(Japan time)\n\n"
              "Question:\n\nCan you tell us about the conference?\n\n"
              "Minister:\n\nAfter the plenary session, I had bilateral meetings with Australian and Indian counterparts. "
              "First, I had a bilateral talk with Australia's Deputy Prime Minister Marles. In the meeting, we "
              "confirmed that we would further deepen defense cooperation. Secondly, I had a bilateral meeting with "
              "Indian Minister of Defence Rajnath Singh. I expressed my gratitude for his work as the chair.\n")


def test_an_office_label_alone_on_its_line_gives_the_transcripts_day_to_the_meetings_its_speaker_tells():
    found = meetings(OFFICE_LABEL_TRANSCRIPT, published=None)
    assert sorted((tuple(m.countries), m.date) for m in found) == [
        (("AU", "JP"), date(2023, 11, 4)), (("IN", "JP"), date(2023, 11, 4))]


def test_a_transcript_paragraph_telling_two_meetings_gives_each_its_own_words():
    by_countries = {tuple(m.countries): m for m in meetings(OFFICE_LABEL_TRANSCRIPT, published=None)}
    assert [c.text for c in by_countries[("AU", "JP")].commitments] == ["further deepen defense cooperation"]
    assert [c.text for c in by_countries[("IN", "JP")].commitments] == []


def test_a_transcript_label_spelling_a_known_officials_whole_name_in_capitals_is_that_official():
    found = extract_document("test.txt", "Joint Press Conference\n\nRICHARD MARLES: Thank you, Japanese Defense "
                             "Minister Minoru Kihara, for your hospitality and for our most productive meeting.\n",
                             KB, published=date(2024, 3, 4)).meetings
    assert [sorted(p.name for p in m.participants) for m in found] == [["Minoru Kihara", "Richard Marles"]]


def test_a_speakers_courtesies_and_remarks_on_the_occasion_are_no_statements():
    found = extract_document("test.txt", "Secretary of Defense Lloyd Austin Joint Press Conference with Australian "
                             "Defence Minister Richard Marles\n\nMarch 4, 2024\n\nSECRETARY AUSTIN: Well, Richard, "
                             "welcome back to the Pentagon. We just finished a very productive meeting. Let me express my "
                             "thanks for your hospitality in Canberra last year. I have nothing to add. Our alliance "
                             "deters aggression in the Indo-Pacific.\n\nMINISTER MARLES: Thank you, Lloyd.\n",
                             KB, published=date(2024, 3, 4)).meetings
    assert [s.text for m in found for s in m.statements] == ["Our alliance deters aggression in the Indo-Pacific."]
