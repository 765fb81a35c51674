"""Staff merge two Official records that are the same person; participations move, history stays."""
from datetime import date

import pytest

from meetings.models import Office, Official, Tenure
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicates():
    office = Office.objects.create(country_id="KR", title="Minister of National Defense (test)")
    known = Official.objects.create(name="Kim Dae-test", country_id="KR", family_name="Kim")
    Tenure.objects.create(official=known, office=office, start=date(2019, 1, 1), end=date(2020, 12, 31))
    found = Official.objects.create(name="Kim Dae Test", country_id="KR", family_name="Kim",
                                    review_status="needs_review")
    make_meeting(participants=[("Kim Dae Test", "KR", found)], day=date(2020, 2, 1))
    make_meeting(participants=[("Kim Dae-test", "KR", known)], day=date(2020, 3, 1))
    return known, found


def test_the_merge_action_asks_which_record_to_keep(staff_client, duplicates):
    response = staff_client.post("/admin/meetings/official/", {
        "action": "merge_selected", "_selected_action": [o.pk for o in duplicates]})
    assert response.status_code == 200
    assert b"Keep this record" in response.content


def test_merging_moves_participations_and_names_to_the_kept_record(staff_client, duplicates):
    known, found = duplicates
    response = staff_client.post("/admin/meetings/official/", {
        "action": "merge_selected", "_selected_action": [known.pk, found.pk], "apply": "1", "target": known.pk})
    assert response.status_code == 302
    known.refresh_from_db()
    assert not Official.objects.filter(pk=found.pk).exists()
    assert known.participations.count() == 2
    assert "Kim Dae Test" in known.aliases


def test_a_merge_is_kept_in_the_history(staff_client, duplicates):
    known, found = duplicates
    staff_client.post("/admin/meetings/official/", {
        "action": "merge_selected", "_selected_action": [known.pk, found.pk], "apply": "1", "target": known.pk})
    deleted = Official.history.filter(id=found.pk, history_type="-").get()
    assert deleted.history_user == staff_client.user
    assert known.history.latest().history_change_reason.startswith("merged")


def test_merging_folds_two_rows_of_the_same_meeting_into_one(duplicates):
    from meetings.merge import merge_officials

    known, found = duplicates
    make_meeting(participants=[("Kim Dae-test", "KR", known), ("Kim Dae Test", "KR", found)],
                 day=date(2020, 4, 1), name="Both rows")
    merge_officials(known, [found])
    assert known.participations.count() == 3
