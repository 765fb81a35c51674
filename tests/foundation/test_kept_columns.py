"""Columns kept from other rows so a list can read them from an index: an official's meeting_count and a
commitment's status_checked follow every write that changes what they summarize."""
import json
from datetime import date

import pytest
from django.core import serializers
from django.core.management import call_command

from meetings.merge import merge_officials
from meetings.models import Commitment, CommitmentStatus, Official, Participant
from tests.browse.builders import add_commitment, add_participant, make_official
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def counted(*officials):
    return [Official.objects.get(pk=official.pk).meeting_count for official in officials]


@pytest.fixture
def ministers():
    return make_official("Ana Duarte", "PT"), make_official("Rui Costa", "PT")


def test_meeting_count_follows_participants_added_moved_and_removed(ministers):
    duarte, costa = ministers
    meetings = [make_meeting(["PT", "ES"], date(2020, 1, n + 1)) for n in range(3)]
    participants = [add_participant(meeting, duarte) for meeting in meetings]
    assert counted(duarte, costa) == [3, 0]

    moved = Participant.objects.get(pk=participants[0].pk)
    moved.official = costa
    moved.save()
    assert counted(duarte, costa) == [2, 1]

    participants[1].delete()
    assert counted(duarte, costa) == [1, 1]
    meetings[2].delete()
    assert counted(duarte, costa) == [0, 1]


def test_a_stale_official_saved_keeps_the_true_count(ministers):
    duarte, _ = ministers
    stale = Official.objects.get(pk=duarte.pk)
    add_participant(make_meeting(["PT", "ES"]), duarte)
    stale.aliases = ["A. Duarte"]
    stale.save()
    assert counted(duarte) == [1]


def test_merging_two_officials_adds_up_their_meetings(ministers):
    duarte, costa = ministers
    shared = make_meeting(["PT", "ES"], date(2020, 1, 1))
    add_participant(shared, duarte)
    add_participant(shared, costa)
    add_participant(make_meeting(["PT", "FR"], date(2020, 2, 1)), costa)
    merge_officials(duarte, [costa])
    assert counted(duarte) == [2]


def test_a_fixture_loads_with_counts_of_the_rows_it_holds(ministers, tmp_path):
    duarte, _ = ministers
    meeting = make_meeting(["PT", "ES"])
    add_participant(meeting, duarte)
    fixture = tmp_path / "rows.json"
    rows = json.loads(serializers.serialize("json", [Official.objects.get(pk=duarte.pk), meeting,
                                                     *meeting.participants.all()]))
    for row in rows:
        row["fields"].pop("meeting_count", None)  # a fixture written before the column existed
    fixture.write_text(json.dumps(rows))
    Official.objects.filter(pk=duarte.pk).update(meeting_count=0)
    call_command("loaddata", str(fixture), verbosity=0)
    assert counted(duarte) == [1]


def test_status_checked_follows_the_curated_fields():
    commitment = add_commitment(make_meeting(["PT", "ES"]), "Hold a joint exercise", ["PT", "ES"])
    assert not Commitment.objects.get(pk=commitment.pk).status_checked
    commitment.status = CommitmentStatus.FULFILLED
    commitment.mark_curated(None, ["status"])
    commitment.save()
    assert Commitment.objects.filter(status_checked=True, status="fulfilled").get().pk == commitment.pk

    commitment.history.earliest().instance.save()  # restoring the version the ingest wrote
    assert not Commitment.objects.get(pk=commitment.pk).status_checked


def test_a_fixture_commitment_with_a_curated_status_counts_as_checked(tmp_path):
    commitment = add_commitment(make_meeting(["PT", "ES"]), "Hold a joint exercise", ["PT", "ES"])
    rows = json.loads(serializers.serialize("json", [commitment]))
    rows[0]["fields"].update(curated_fields=["status"], status="lapsed")
    rows[0]["fields"].pop("status_checked")
    fixture = tmp_path / "rows.json"
    fixture.write_text(json.dumps(rows))
    call_command("loaddata", str(fixture), verbosity=0)
    assert Commitment.objects.get(pk=commitment.pk).status_checked
