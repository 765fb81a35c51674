"""Promises made for the whole table: reported agreements, and a speaker's "we agreed that ..." or "the two sides will"."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()
OPENING = ("Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard Marles "
           "in Canberra on Tuesday. ")


def meeting(text):
    [found] = extract_document("test.txt", OPENING + text, KB, published=date(2024, 5, 9)).meetings
    return found


def commitments(text):
    return [(c.parties, c.text) for c in meeting(text).commitments]


def test_a_reported_agreement_of_both_ministers_binds_both():
    assert commitments("Kihara said the two ministers also agreed to open a liaison office in Darwin and to "
                       "finish the radar study.") == [
        (["AU", "JP"], "open a liaison office in Darwin"), (["AU", "JP"], "finish the radar study")]


def test_concurred_to_is_an_agreement():
    assert commitments("The two ministers concurred to hold the next meeting in Tokyo.") == [
        (["AU", "JP"], "hold the next meeting in Tokyo")]


def test_we_agreed_that_someone_will_is_a_promise_of_the_table():
    assert commitments('"We agreed this morning that our navies will train together in July," Marles said.') == [
        (["AU", "JP"], "train together in July")]


def test_the_two_sides_will_in_a_quote_is_a_promise_of_the_table():
    assert commitments('"The two sides will hold the next dialogue in Tokyo," Kihara said.') == [
        (["AU", "JP"], "hold the next dialogue in Tokyo")]


def test_own_government_will_after_told_that_is_the_speakers_promise():
    assert commitments('"I told the minister that Japan will send two more destroyers," Kihara said.') == [
        (["JP"], "send two more destroyers")]


def test_a_speaker_describing_the_meeting_just_concluded_takes_no_position():
    assert meeting('"We\'ve just concluded a very useful meeting," Marles said.').statements == []


def test_a_commitment_whose_owner_follows_the_noun_is_that_governments():
    assert commitments("Marles reaffirmed the steadfast commitment of Australia to Japan's security.") == [
        (["AU"], "steadfast commitment of Australia to Japan's security")]


def test_what_the_ministers_agreed_will_happen_is_their_commitment():
    assert commitments("The two ministers agreed that the next round of talks will take place in Tokyo in 2025.") == [
        (["AU", "JP"], "the next round of talks will take place in Tokyo in 2025")]


def test_declining_to_give_figures_is_no_statement():
    assert meeting('"I will not give figures here," Kihara said.').statements == []


def test_the_paragraph_after_a_speaker_named_by_title_is_theirs():
    [found] = extract_document("test.txt", "U.S. Secretary of Defense Lloyd Austin met Australian Defence Minister "
                               "Richard Marles in Canberra on Tuesday.\n\nSpeaking after the talks, the Secretary said:\n\n"
                               "Deterrence in the region is stronger when allies act together.", KB,
                               published=date(2024, 5, 9)).meetings
    assert [(s.speakers, s.direct) for s in found.statements] == [(["US"], True)]
