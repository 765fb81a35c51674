"""Which meeting of an article a statement or commitment belongs to: the one whose governments its sentence
names, else the one the text is about. Every sentence here is written for the test."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()

SERIES = ("Chinese Defense Minister Dong Jun held bilateral meetings with Philippine Defense Secretary Gilberto "
          "Teodoro and Indonesian Defense Minister Prabowo Subianto in Beijing on Monday. ")


def claims_by_meeting(text):
    found = extract_document("test.txt", text, KB, published=date(2024, 5, 10)).meetings
    return {tuple(m.countries): ([s.text for s in m.statements], [c.text for c in m.commitments]) for m in found}


def test_a_sentence_naming_one_counterparts_government_turns_the_text_to_that_meeting():
    found = claims_by_meeting(SERIES + "The Philippine side had asked for the talks. "
                              "Both ministers stressed that channels of communication must stay open.")
    assert any("channels" in s for s in found[("CN", "PH")][0])
    assert not any("channels" in s for s in found[("CN", "ID")][0])


def test_a_sentence_after_one_meeting_of_a_series_is_reported_speaks_of_that_meeting_alone():
    found = claims_by_meeting(SERIES + "In his meeting with Prabowo, Dong discussed maritime security. "
                              "They also vowed to hold joint naval drills next year.")
    assert any("drills" in c for c in found[("CN", "ID")][1])
    assert not any("drills" in c for c in found[("CN", "PH")][1])


def test_a_sentence_right_after_the_series_report_still_speaks_of_every_meeting():
    found = claims_by_meeting(SERIES + "During the meetings, all the parties expressed willingness to deepen "
                              "military relations.")
    assert all(any("military relations" in s for s in statements) for statements, _ in found.values())


TRIP = ("Defence Minister Richard Marles ended a week-long trip to Japan and India on Friday. \"Japan and India are "
        "partners Australia can count on,\" Marles said. \"We stand together for an open region.\" "
        "In Tokyo, Marles met Japanese Defense Minister Minoru Kihara. They discussed regional security. "
        "In New Delhi, Marles then met Defence Minister Rajnath Singh. They discussed maritime cooperation. ")


def test_what_a_visitor_says_of_every_government_of_the_trip_belongs_to_each_meeting_of_it():
    found = claims_by_meeting(TRIP)
    for meeting in (("AU", "JP"), ("AU", "IN")):
        assert any("count on" in s for s in found[meeting][0])
        assert any("open region" in s for s in found[meeting][0])


def test_a_sentence_naming_the_governments_of_one_meeting_of_the_trip_stays_with_it():
    found = claims_by_meeting(TRIP + "Marles and Singh agreed that maritime security matters to both countries.")
    assert any("maritime security" in s for s in found[("AU", "IN")][0])
    assert not any("maritime security" in s for s in found[("AU", "JP")][0])


def test_the_countries_after_officials_of_one_meeting_are_a_topic_not_another_meeting():
    found = claims_by_meeting("Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard Marles "
                              "and Indian Defence Minister Rajnath Singh separately in Tokyo on Monday. "
                              "Kihara and Marles stressed that India is a key partner for both countries.")
    assert any("key partner" in s for s in found[("AU", "JP")][0])
    assert not any("key partner" in s for s in found[("IN", "JP")][0])


def test_a_nationality_in_the_topic_of_a_sentence_does_not_move_it_to_that_governments_meeting():
    found = claims_by_meeting("Secretary of Defense Lloyd Austin spoke by phone with Japanese Defense Minister Minoru "
                              "Kihara on Monday. On Tuesday, Austin spoke by phone with Australian Defence Minister "
                              "Richard Marles. Austin stressed that Washington welcomes the growing role of Japanese "
                              "forces in the region.")
    assert any("growing role" in s for s in found[("AU", "US")][0])
    assert not any("growing role" in s for s in found[("JP", "US")][0])


def test_a_sentence_that_says_it_speaks_of_all_the_meetings_belongs_to_each_also_after_one_was_reported():
    found = claims_by_meeting(SERIES + "In his meeting with Prabowo, Dong discussed maritime security. "
                              "During the meetings, all the parties expressed willingness to deepen military relations.")
    assert all(any("military relations" in s for s in statements) for statements, _ in found.values())


def test_the_first_of_two_nationalities_before_counterparts_names_a_party_too():
    found = claims_by_meeting("Defence Minister Richard Marles said on Friday that his Japanese and Indian counterparts "
                              "are partners Australia can count on. In Tokyo on Monday, Marles met Japanese Defense "
                              "Minister Minoru Kihara. In New Delhi on Wednesday, Marles met Defence Minister Rajnath "
                              "Singh.")
    for meeting in (("AU", "JP"), ("AU", "IN")):
        assert any("count on" in s for s in found[meeting][0])


def test_after_a_sentence_opened_by_an_earlier_encounter_the_text_speaks_of_the_main_clauses_meeting():
    found = claims_by_meeting("Having earlier met Australian Defence Minister Richard Marles, Secretary of Defense "
                              "Lloyd Austin also met Japanese Defense Minister Minoru Kihara on Monday. "
                              "The two ministers pledged to expand joint exercises.")
    assert any("joint exercises" in c for c in found[("JP", "US")][1])
    assert not any("joint exercises" in c for c in found[("AU", "US")][1])
