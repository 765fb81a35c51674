"""Staff merge two Meeting records that are one meeting: the kept one gains everything once, History says so."""
from datetime import date

import pytest

from meetings.models import Commitment, Evidence, Meeting, Official, Participant, Statement
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db

URL = "/admin/meetings/meeting/"


@pytest.fixture
def pair():
    """Two reports of one meeting stored as two meetings: one person, one statement and one commitment in both."""
    first_source = make_source("First report of the harbour talks.", title="First report")
    second_source = make_source("Second report of the harbour talks.", title="Second report")
    ana = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example")
    rui = Official.objects.create(name="Rui Sample", country_id="ES", family_name="Sample")
    kept = make_meeting(["ES", "PT"], date(2022, 3, 7), name="Harbour talks",
                        participants=[("Ana Example", "PT", ana)])
    other = make_meeting(["PT", "FR"], date(2022, 3, 7), place="Lisbon", host_country_id="PT",
                         participants=[("Minister Ana Example", "PT", ana), ("Rui Sample", "ES", rui)])
    kept.sources.add(first_source)
    other.sources.add(second_source)
    said = Statement.objects.create(meeting=kept, text="praised the new harbour agreement", source=first_source)
    said.speakers.set(kept.participants.all())
    said_again = Statement.objects.create(meeting=other, text="warmly praised the new harbour agreement",
                                          source=second_source)
    said_again.speakers.set(other.participants.all())
    said_again.speaker_countries.set(["ES", "PT"])
    Statement.objects.create(meeting=other, text="discussed fishing quotas in the bay", source=second_source)
    Commitment.objects.create(meeting=kept, text="hold a joint harbour drill", source=first_source)
    promise = Commitment.objects.create(meeting=other, text="hold a joint harbour drill", source=second_source)
    promise.parties.set(["FR"])
    Evidence.objects.create(meeting=kept, source=first_source, kind="reported", span_start=0, span_end=10)
    Evidence.objects.create(meeting=other, source=second_source, kind="reported", span_start=0, span_end=10)
    return kept, other


def merge(client, kept, other, apply=True, **extra):
    data = {"action": "merge_two", "_selected_action": [kept.pk, other.pk]}
    if apply:
        data.update({"apply": "1", "target": kept.pk})
    return client.post(URL, {**data, **extra})


def test_the_merge_action_first_shows_a_confirmation_page(staff_client, pair):
    kept, other = pair
    response = merge(staff_client, kept, other, apply=False)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Merge two meetings" in page and "Yes, merge them" in page and "No, take me back" in page
    assert "First report" in page and "Second report" in page
    assert Meeting.objects.count() == 2


def test_merging_keeps_the_chosen_meeting_and_gives_it_everything_once(staff_client, pair):
    kept, other = pair
    response = merge(staff_client, kept, other)
    assert response.status_code == 302
    assert list(Meeting.objects.values_list("pk", flat=True)) == [kept.pk]
    kept.refresh_from_db()
    assert set(kept.sources.values_list("title", flat=True)) == {"First report", "Second report"}
    assert set(kept.countries.values_list("code", flat=True)) == {"ES", "FR", "PT"}
    assert sorted(kept.participants.values_list("name", flat=True)) == ["Ana Example", "Rui Sample"]
    assert sorted(kept.statements.values_list("text", flat=True)) == [
        "discussed fishing quotas in the bay", "praised the new harbour agreement"]
    assert kept.commitments.count() == 1
    assert set(kept.commitments.get().parties.values_list("code", flat=True)) == {"FR"}
    assert kept.evidence.count() == 2
    # Its own fields stay; the empty ones take the other's.
    assert (kept.name, kept.place, kept.host_country_id) == ("Harbour talks", "Lisbon", "PT")
    assert {"countries", "sources"} <= set(kept.curated_fields)


def test_a_folded_statement_takes_the_other_ones_speakers_and_countries(staff_client, pair):
    kept, other = pair
    merge(staff_client, kept, other)
    statement = Statement.objects.get(text="praised the new harbour agreement")
    assert sorted(statement.speakers.values_list("name", flat=True)) == ["Ana Example", "Rui Sample"]
    assert set(statement.speaker_countries.values_list("code", flat=True)) == {"ES", "PT"}
    assert Participant.objects.filter(name="Minister Ana Example").count() == 0


def test_every_step_of_a_merge_is_in_history_with_the_user_and_the_reason(staff_client, pair):
    kept, other = pair
    moved = Statement.objects.get(text="discussed fishing quotas in the bay")
    folded = Statement.objects.get(text="warmly praised the new harbour agreement")
    merge(staff_client, kept, other)
    entry = kept.history.latest()
    assert entry.history_user == staff_client.user
    assert entry.history_change_reason == f"merged meeting {other.pk} ({other.slug}) into this one"
    assert {row.country_id for row in entry.countries.all()} == {"ES", "FR", "PT"}
    gone = Meeting.history.get(id=other.pk, history_type="-")
    assert gone.history_user == staff_client.user and gone.history_change_reason.startswith("merged into meeting")
    assert moved.history.latest().history_change_reason.startswith("moved: merged into meeting")
    folded_entry = Statement.history.get(id=folded.pk, history_type="-")
    assert folded_entry.history_change_reason.startswith("the same as statement")
    folded_person = Participant.history.get(name="Minister Ana Example", history_type="-")
    assert folded_person.history_user == staff_client.user


@pytest.mark.parametrize("count", [1, 3])
def test_merging_refuses_anything_but_two_meetings(staff_client, pair, count):
    kept, other = pair
    third = make_meeting(["JP", "US"], date(2022, 4, 1))
    chosen = [kept, other, third][:count]
    response = staff_client.post(URL, {"action": "merge_two", "_selected_action": [m.pk for m in chosen],
                                       "apply": "1", "target": kept.pk}, follow=True)
    assert response.status_code == 200
    assert f"Select exactly two meetings to merge ({count} selected)." in response.content.decode()
    assert Meeting.objects.count() == 3


def test_a_survivor_not_among_the_two_is_a_form_error_not_a_merge(staff_client, pair):
    kept, other = pair
    third = make_meeting(["JP", "US"], date(2022, 4, 1))
    response = merge(staff_client, kept, other, target=third.pk)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Meeting.objects.count() == 3


def test_the_other_meeting_can_be_the_one_kept(staff_client, pair):
    kept, other = pair
    response = staff_client.post(URL, {"action": "merge_two", "_selected_action": [kept.pk, other.pk],
                                       "apply": "1", "target": other.pk})
    assert response.status_code == 302
    assert list(Meeting.objects.values_list("pk", flat=True)) == [other.pk]
    assert Meeting.objects.get().place == "Lisbon"


def test_a_merged_meeting_is_found_by_what_the_other_held(staff_client, pair):
    kept, other = pair
    merge(staff_client, kept, other)
    response = staff_client.get("/meetings/", {"q": "Sample"})
    assert response.status_code == 200
    assert "Harbour talks" in response.content.decode()
