"""When neither a sentence nor the lead tells of the encounter in words the rules know, the article may still speak
of it as held ("In the meeting, ...", "The two ministers also discussed ...") and name the defense officials of
two governments: that is the meeting. Every sentence here is written for the test."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()

UNKNOWN_PHRASING = ("Australian Defence Minister Richard Marles was in Tokyo on Monday, where he paid his respects "
                    "to Japanese Defense Minister Minoru Kihara at the ministry's headquarters.\n\n"
                    "Tanks and drones were shown to the press. The weather was fine. Crowds gathered outside. "
                    "A band played.\n\n")


def meetings(text, published=date(2024, 5, 9)):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_an_article_that_speaks_of_the_meeting_as_held_reports_it():
    [found] = meetings(UNKNOWN_PHRASING + "The two ministers also discussed the joint air exercise planned for July.")
    assert (sorted(found.countries), found.format) == (["AU", "JP"], "in_person")
    assert sorted(p.name for p in found.participants) == ["Minoru Kihara", "Richard Marles"]


def test_the_meeting_named_by_its_noun_is_its_evidence():
    [found] = meetings(UNKNOWN_PHRASING + "“Today’s meeting confirmed how close our two navies are,” Marles told "
                                          "reporters.")
    assert sorted(found.countries) == ["AU", "JP"]


def test_a_meeting_spoken_of_as_planned_is_none():
    assert meetings(UNKNOWN_PHRASING + "The two ministers will meet again in Canberra, and the meeting will "
                                       "review the air exercise.") == []


def test_defense_officials_of_three_governments_leave_no_one_meeting_to_refer_to():
    assert meetings(UNKNOWN_PHRASING + "Secretary of Defense Lloyd Austin was in Manila.\n\n"
                                       "The two ministers also discussed the joint air exercise planned for July.") == []


def test_a_ministers_own_release_refers_to_the_meeting_of_its_government():
    [found] = meetings("Statement by the Minister for Defence\n\n(Source: Australian Department of Defence)\n\n"
                       "Today I paid my respects to Japan's Minister of Defense Minoru Kihara in Canberra.\n\n"
                       "Our meeting was a chance to plan the next exercise.")
    assert sorted(found.countries) == ["AU", "JP"]
