"""Date patterns and their resolution against the article's reference day."""
from datetime import date, timedelta

import pytest

from ingest.dates import find_dates, is_future_context, resolve

MONDAY = date(2024, 3, 18)


def only(text):
    mentions = find_dates(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize("text, expected", [
    ("on Oct. 23, 2017 in Manila", date(2017, 10, 23)),
    ("JAN. 31, 2023", date(2023, 1, 31)),
    ("on 3 February 2023", date(2023, 2, 3)),
    ("dated 2023-01-31", date(2023, 1, 31)),
    ("on Sept. 3, 2021", date(2021, 9, 3)),
    ("Lisbon (March 3,2021)", date(2021, 3, 3)),
    ("6 August , 2020", date(2020, 8, 6)),    # a date line's stray space before its comma
])
def test_full_dates(text, expected):
    assert resolve(only(text), None) == (expected, "day")


def test_month_and_day_take_the_reference_year():
    assert resolve(only("talks on February 3"), date(2017, 2, 10)) == (date(2017, 2, 3), "day")


def test_future_month_day_rolls_into_next_year():
    assert resolve(only("scheduled for Jan. 5"), date(2023, 12, 20), future=True) == (date(2024, 1, 5), "day")


def test_past_weekday_is_the_nearest_past_day():
    assert resolve(only("met Thursday"), MONDAY) == (date(2024, 3, 14), "day")


def test_weekday_of_the_reference_day_itself():
    assert resolve(only("reaffirmed Monday"), MONDAY) == (MONDAY, "day")


def test_future_weekday_is_the_nearest_coming_day():
    assert resolve(only("will meet Saturday"), MONDAY, future=True) == (date(2024, 3, 23), "day")


@pytest.mark.parametrize("phrase, offset", [("today", 0), ("yesterday", -1), ("tomorrow", 1)])
def test_relative_days(phrase, offset):
    day, precision = resolve(only(f"the ministers spoke {phrase}"), MONDAY)
    assert (day - MONDAY).days == offset and precision == "day"


@pytest.mark.parametrize("phrase, offset", [("Earlier in the day", 0), ("The previous day", -1), ("The next day", 1),
                                           ("On the same day", 0), ("A day earlier", -1), ("Two days later", 2),
                                           ("One day later", 1)])
def test_days_told_from_the_event_before_count_from_that_event(phrase, offset):
    told = date(2024, 3, 12)
    assert resolve(only(f"{phrase}, Austin met Marles."), MONDAY, told=told) == \
        (told + timedelta(days=offset), "day")


def test_a_day_told_from_an_undated_event_is_unknown_even_with_a_publication_day():
    assert resolve(only("Earlier in the day, Kihara met Marles."), MONDAY) == (None, None)


@pytest.mark.parametrize("text", ["the fair ran from June 2 to 5 in Lyon", "talks on 4-7 March",
                                  "the exercise, Mar. 4–7, 2024,", "during the Oct 30-Nov 2 visit"])
def test_a_span_of_days_is_no_one_day(text):
    mention = only(text)
    assert mention.kind == "span" and resolve(mention, MONDAY) == (None, None)


@pytest.mark.parametrize("text", ["they dined on Friday evening (Jun 7) in the capital",
                                  "the drills began on Sunday (Feb 9) near the coast"])
def test_a_weekday_with_its_date_in_brackets_is_one_mention(text):
    mention = only(text)
    assert mention.kind == "month_day" and mention.weekday is not None


def test_last_week_gives_no_day():
    assert resolve(only("they met last week"), MONDAY) == (None, None)


def test_bare_month_has_month_precision():
    assert resolve(only("will hold an exercise in February"), date(2023, 1, 31), future=True) == \
        (date(2023, 2, 1), "month")


def test_month_alone_needs_a_preposition():
    assert find_dates("Marles said March would be busy") == []


@pytest.mark.parametrize("text, year", [("this year", 2023), ("within the year", 2023), ("next year", 2024),
                                         ("by 2025", 2025), ("in late 2022", 2022)])
def test_years(text, year):
    assert resolve(only(text), date(2023, 6, 1)) == (date(year, 1, 1), "year")


def test_relative_dates_need_a_reference():
    assert resolve(only("they met on Monday"), None) == (None, None)


def test_yearless_date_takes_the_one_year_the_officials_allow():
    assert resolve(only("on February 3"), None, year_for=lambda month, day, weekday: 2017) == (date(2017, 2, 3), "day")


def test_modal_verbs_are_not_months():
    assert find_dates("the sides may agree and march on") == []


def test_future_context_from_the_clause():
    text = "They agreed to continue talks on Saturday when they meet in Seoul."
    mention = only(text)
    assert is_future_context(text, mention.start, mention.end)


def test_past_context():
    text = "The two ministers met on Saturday in Seoul."
    mention = only(text)
    assert not is_future_context(text, mention.start, mention.end)


def test_the_day_before_another_named_event_is_no_day():
    assert resolve(only("they met the day before the summit"), MONDAY, told=MONDAY) == (None, None)


def test_the_day_before_yesterday_counts_from_the_reference():
    assert resolve(only("they met the day before yesterday"), MONDAY) == (date(2024, 3, 16), "day")


@pytest.mark.parametrize("text, expected", [
    ("the ministers met on Thursday 4/7/2024 in Canberra", date(2024, 7, 4)),
    ("the ministers met on Sunday, 4/7/2024 in Canberra", date(2024, 4, 7)),
])
def test_the_weekday_before_a_slashed_date_tells_day_first_from_month_first(text, expected):
    assert resolve(only(text), None) == (expected, "day")


def test_a_slashed_date_whose_readings_both_miss_its_weekday_gives_no_day():
    assert [m.kind for m in find_dates("the ministers met on Monday 4/7/2024 in Canberra")] == ["weekday"]


def test_last_night_is_the_day_before_the_reference():
    assert resolve(only("the two ministers dined together last night"), MONDAY) == (date(2024, 3, 17), "day")


def test_a_day_written_with_a_full_stop_before_its_month():
    mention = only("Ministerial meeting in Oslo 4. March 2023")
    assert (mention.kind, mention.year, mention.month, mention.day) == ("day", 2023, 3, 4)



@pytest.mark.parametrize("written", ["2024/05/15", "2024.05.15", "2024/5/15", "2024-05-15T10:32:00+09:00"])
def test_a_date_written_year_first_with_slashes_dots_or_a_time_is_read_as_year_month_day(written):
    mention = only(written)
    assert (mention.kind, mention.year, mention.month, mention.day) == ("day", 2024, 5, 15)


def test_a_reference_number_ending_in_digits_before_a_month_is_no_day_and_the_date_after_it_is_read():
    found = find_dates("Release No. NR-123-19 March 04, 2019")
    assert [(m.kind, m.year, m.month, m.day) for m in found] == [("day", 2019, 3, 4)]
