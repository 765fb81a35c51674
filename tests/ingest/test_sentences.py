"""Sentence splitting around news abbreviations and quotes."""
from ingest.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = "Gen. Kim met U.S. Defense Secretary Lloyd J. Austin III on Oct. 5 at St. Mary's. They talked."
    assert sentences(text) == ["Gen. Kim met U.S. Defense Secretary Lloyd J. Austin III on Oct. 5 at St. Mary's.",
                               "They talked."]


def test_country_abbreviation_can_end_a_sentence():
    assert sentences("Seoul values its ties with the U.S. We will stand together.") == [
        "Seoul values its ties with the U.S.", "We will stand together."]


def test_suffix_before_a_new_sentence():
    assert sentences("Austin met Gilberto Teodoro Jr. The two spoke.") == [
        "Austin met Gilberto Teodoro Jr.", "The two spoke."]


def test_closing_quote_stays_with_its_sentence():
    assert sentences('"We are ready," Marles said. "We will act."') == ['"We are ready," Marles said.',
                                                                         '"We will act."']


def test_a_full_stop_without_a_space_after_a_word_still_ends_the_sentence():
    text = "The ministers met in Singapore.In the meeting they spoke of Korea."
    assert [text[a:b] for a, b in split_sentences(text)] == ["The ministers met in Singapore.",
                                                             "In the meeting they spoke of Korea."]


def test_a_full_stop_inside_an_abbreviation_without_a_space_is_no_boundary():
    text = "He flew to the U.S.Army base."
    assert len(split_sentences(text)) == 1


def test_a_day_written_with_a_full_stop_before_its_month_ends_no_sentence():
    assert sentences("Ministers met in Oslo 4. March 2023. They signed a letter.") == [
        "Ministers met in Oslo 4. March 2023.", "They signed a letter."]
