"""Ways of reporting a meeting that name no meeting verb (texts written for these tests): two delegations each with
its head."""
from datetime import date

from ingest.pipeline import extract_document
from testkb import small_kb

KB = small_kb()


def meetings(text, published=None):
    return extract_document("test.txt", text, KB, published=published).meetings


def test_two_delegations_each_led_by_its_head_report_their_meeting():
    text = ("Defence ties reviewed\n\n"
            "The Indian delegation was led by Defence Minister Rajnath Singh, while the Australian delegation was "
            "headed by Defence Minister Richard Marles.\n\n"
            "The sides reviewed training and exercises.\n")
    [meeting] = meetings(text, published=date(2023, 6, 2))
    assert meeting.countries == ["AU", "IN"]
    assert {p.name for p in meeting.participants} == {"Rajnath Singh", "Richard Marles"}


def test_two_delegations_led_in_the_present_tense_of_an_ongoing_session_report_it():
    text = ("Dialogue opens\n\n"
            "The Indian delegation is led by Defence Minister Rajnath Singh and the Australian team is headed by "
            "Defence Minister Richard Marles.\n")
    [meeting] = meetings(text, published=date(2023, 6, 2))
    assert meeting.countries == ["AU", "IN"]


def test_two_delegations_each_with_its_head_in_its_own_sentence_report_their_meeting():
    text = ("Dialogue opens\n\n"
            "The Indian delegation is led by Defence Minister Rajnath Singh. The Australian delegation is headed by "
            "Defence Minister Richard Marles.\n\nThe sides reviewed training and exercises.\n")
    [meeting] = meetings(text, published=date(2023, 6, 2))
    assert {p.name for p in meeting.participants} == {"Rajnath Singh", "Richard Marles"}


def test_one_delegation_with_its_head_is_no_meeting():
    text = ("Visit abroad\n\n"
            "The Indian delegation was led by Defence Minister Rajnath Singh and flew to Australia on Monday.\n")
    assert meetings(text, published=date(2023, 6, 2)) == []


def test_two_officials_each_with_government_and_office_as_joint_subject_report_their_meeting():
    # The second official is one the knowledge base does not know: his government and office say who he is.
    text = ("Ties to grow\n\n"
            "NEW DELHI — Indian Defence Minister Rajnath Singh and French Chief of Staff of the Armed Forces Paul "
            "Durand have agreed to expand joint exercises next year.\n")
    [meeting] = meetings(text, published=date(2023, 6, 2))
    assert meeting.countries == ["FR", "IN"]
    assert "Rajnath Singh" in {p.name for p in meeting.participants}


def test_a_joint_subject_of_two_governments_not_officials_reports_no_meeting():
    text = ("Ties to grow\n\n"
            "India and France have agreed over the years to expand joint exercises.\n")
    assert meetings(text, published=date(2023, 6, 2)) == []


def test_two_officials_of_one_government_as_joint_subject_report_no_meeting():
    text = ("Review at home\n\n"
            "Indian Defence Minister Rajnath Singh and Indian Army Chief Manoj Pande have reviewed border readiness.\n")
    assert meetings(text, published=date(2023, 6, 2)) == []


def test_a_pair_of_ministers_with_the_office_in_capitals_after_a_dateline_signing_report_their_meeting():
    text = ("Agreement signed\n\n"
            "CANBERRA, Australia (June 4, 2024) – The Australian and Japanese Defence Ministers Richard Marles and "
            "Minoru Kihara signed an agreement on logistics in the capital.\n")
    [meeting] = meetings(text, published=date(2024, 6, 4))
    assert meeting.countries == ["AU", "JP"]
    assert {p.name for p in meeting.participants} == {"Richard Marles", "Minoru Kihara"}
