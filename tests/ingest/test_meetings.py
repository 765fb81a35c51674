"""Which meetings an article reports: held ones only, with their countries, format, date and place."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_held_meeting_with_place_and_date():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara met Australian Defence Minister Richard Marles "
                         "in Canberra on Tuesday.", published=date(2024, 5, 9))
    assert (meeting.countries, meeting.format, meeting.date, meeting.place, meeting.place_country) == (
        ["AU", "JP"], "in_person", date(2024, 5, 7), "Canberra", "AU")


def test_future_meeting_is_not_a_meeting():
    assert meetings("Japanese Defense Minister Minoru Kihara will meet Australian Defence Minister "
                    "Richard Marles in Canberra on Saturday.", published=date(2024, 5, 9)) == []


def test_article_without_meeting():
    assert meetings("Japanese Defense Minister Minoru Kihara said on Monday that the missile fell into the sea. "
                    "He condemned the launch.", published=date(2024, 5, 9)) == []


def test_phone_call_format_and_no_place():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III spoke by phone with Japanese Defense Minister "
                         "Minoru Kihara in Tokyo today.", published=date(2024, 5, 9))
    assert (meeting.format, meeting.place, meeting.date) == ("phone", None, date(2024, 5, 9))


def test_video_call_format():
    [meeting] = meetings("Indian Defence Minister Rajnath Singh and Australian Defence Minister Richard Marles "
                         "held a virtual meeting on Friday.", published=date(2024, 5, 11))
    assert meeting.format == "video"


def test_group_counterparts_expand_to_members_on_the_day():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III met with his ten ASEAN counterparts in "
                         "Vientiane today.", published=date(2024, 11, 21))
    assert meeting.countries == ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "US", "VN"]


def test_subject_of_talks_is_not_a_participant():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III met South Korean Defense Minister "
                         "Shin Won-sik in Seoul to discuss North Korea and China.", published=date(2024, 2, 1))
    assert meeting.countries == ["KR", "US"]


def test_back_reference_the_two_met():
    [meeting] = meetings("Japanese Defense Minister Minoru Kihara praised Australian Defence Minister Richard "
                         "Marles. The two met in Tokyo on Monday.", published=date(2024, 5, 9))
    assert meeting.countries == ["AU", "JP"] and meeting.date == date(2024, 5, 6)


def test_each_encounter_is_its_own_meeting_and_repeats_merge():
    found = meetings(
        "Secretary of Defense Lloyd J. Austin III met Japanese Defense Minister Minoru Kihara in Tokyo on Monday. "
        "Austin also met South Korean Defense Minister Shin Won-sik. "
        "Austin and Kihara held talks on Monday.", published=date(2024, 5, 9))
    assert [m.countries for m in found] == [["JP", "US"], ["KR", "US"]]


def test_yearless_date_takes_the_year_all_participants_were_in_office():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III met South Korean Defense Minister "
                         "Shin Won-sik in Seoul on November 13.")
    assert meeting.date == date(2023, 11, 13)


def test_yearless_date_stays_unknown_when_several_years_fit():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III met Indian Defence Minister Rajnath Singh "
                         "in New Delhi on June 5.")
    assert meeting.date is None


def test_yearless_date_stays_unknown_when_no_year_fits():
    [meeting] = meetings("Jim Mattis met South Korean Defense Minister Shin Won-sik in Seoul on June 5.")
    assert meeting.date is None


def test_meeting_name_and_venue_phrase():
    [meeting] = meetings("Defense Minister Shin Won-sik and Secretary of Defense Lloyd J. Austin III held the "
                         "55th Security Consultative Meeting at the Defense Ministry building in Seoul on "
                         "Nov. 13, 2023.")
    assert (meeting.name, meeting.place) == ("Security Consultative Meeting", "Defense Ministry building, Seoul")


def test_later_paragraphs_follow_the_meeting_they_speak_of():
    found = meetings(
        "Secretary of Defense Lloyd J. Austin III met Japanese Defense Minister Minoru Kihara in Tokyo on Monday.\n\n"
        "Austin also met South Korean Defense Minister Shin Won-sik on Monday.\n\n"
        "Kihara and Austin condemned the missile launch.", published=date(2024, 5, 9))
    assert [len(m.statements) for m in found] == [1, 0]


def test_an_unnamed_counterpart_is_never_filled_in_with_the_countrys_president():
    from datetime import date as _date
    from ingest.pipeline import extract_document
    from testkb import small_kb
    text = ("Timorese President Jose Ramos opened the forum on Monday.\n\n"
            "Lloyd Austin met his Timorese counterpart in Dili on Tuesday.")
    doc = extract_document("t.txt", text, small_kb(), published=_date(2024, 3, 6))
    assert [p.name for m in doc.meetings for p in m.participants] == ["Lloyd Austin"]


def test_those_a_list_of_attendees_names_take_part_in_the_meeting():
    from datetime import date as _date
    from ingest.pipeline import extract_document
    from testkb import small_kb
    text = ("Lloyd Austin met Japanese Defense Minister Minoru Kihara in Tokyo on Tuesday. "
            "The meeting was attended by Admiral Ken Ito, the Japanese chief of staff, and Dr. Aya Mori.")
    doc = extract_document("t.txt", text, small_kb(), published=_date(2024, 3, 6))
    assert {(p.name, p.country) for m in doc.meetings for p in m.participants} == {
        ("Lloyd Austin", "US"), ("Minoru Kihara", "JP"), ("Ken Ito", "JP"), ("Aya Mori", "JP")}


def test_a_video_conversation_is_a_video_meeting():
    [meeting] = meetings("Indian Defence Minister Rajnath Singh had a video conversation with Australian Defence "
                         "Minister Richard Marles on Friday.", published=date(2024, 5, 11))
    assert meeting.format == "video"


def test_a_telephonic_conversation_is_a_call():
    [meeting] = meetings("Indian Defence Minister Rajnath Singh held a telephonic conversation with Australian Defence "
                         "Minister Richard Marles on Friday.", published=date(2024, 5, 11))
    assert meeting.format == "phone"



def test_a_headlines_words_running_on_into_a_group_are_no_ones_name():
    from ingest.knowledge import KnowledgeBase
    [meeting] = extract_document(
        "test.txt", "Austin, Polish Defense Minister Discuss NATO Air Defense Plans\n\nSecretary of Defense Lloyd Austin and "
        "Polish Defense Minister Anna Nowak told reporters at the Pentagon on Tuesday that their talks had focused on "
        "NATO issues.", KnowledgeBase.from_data_files(), published=date(2024, 5, 9)).meetings
    assert sorted(p.name for p in meeting.participants) == ["Anna Nowak", "Lloyd Austin"]


def test_a_meeting_in_an_earlier_month_beside_the_dated_news_is_its_background():
    [meeting] = meetings("Secretary of Defense Lloyd J. Austin III called Japanese Defense Minister Minoru Kihara last "
                         "night, the Pentagon said. Austin and Kihara met at the White House in December during the "
                         "Japanese prime minister's visit.", published=date(2024, 1, 15))
    assert (meeting.format, meeting.date) == ("phone", date(2024, 1, 14))
