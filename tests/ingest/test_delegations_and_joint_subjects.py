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


def test_one_delegation_with_its_head_is_no_meeting():
    text = ("Visit abroad\n\n"
            "The Indian delegation was led by Defence Minister Rajnath Singh and flew to Australia on Monday.\n")
    assert meetings(text, published=date(2023, 6, 2)) == []
