"""Every change is kept with its author and time, and can be reverted in the admin."""
import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_an_admin_edit_is_recorded_with_its_author(staff_client):
    from tests.foundation.test_curation import change_form_data

    meeting = make_meeting(place="Seoul")
    staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", change_form_data(meeting, place="Busan"))
    latest = meeting.history.latest()
    assert latest.place == "Busan"
    assert latest.history_user == staff_client.user
    assert latest.history_date is not None


def test_the_history_page_lists_changes(staff_client):
    meeting = make_meeting(place="Seoul")
    response = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/history/")
    assert response.status_code == 200
    assert b"Created" in response.content or b"Changed" in response.content


def test_a_change_can_be_reverted_from_the_history(staff_client):
    from tests.foundation.test_curation import change_form_data

    meeting = make_meeting(place="Seoul")
    original = meeting.history.earliest()
    staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", change_form_data(meeting, place="Busan"))
    revert_url = f"/admin/meetings/meeting/{meeting.pk}/history/{original.history_id}/"
    assert staff_client.get(revert_url).status_code == 200
    meeting.refresh_from_db()
    response = staff_client.post(revert_url, change_form_data(meeting, place="Seoul"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Seoul"


def test_one_admin_save_of_a_field_and_a_relation_is_one_entry(staff_client):
    """A statement's text and speakers changed in one save read as one change, by its author."""
    from meetings.models import Participant, Statement

    meeting = make_meeting(["PT", "ES"], participants=[("Ana Example", "PT", None), ("Rui Sample", "ES", None)])
    statement = Statement.objects.create(meeting=meeting, text="discussed the harbour")
    statement.speakers.set(Participant.objects.filter(meeting=meeting))
    before = statement.history.count()
    kept = Participant.objects.get(name="Ana Example")
    response = staff_client.post(f"/admin/meetings/statement/{statement.pk}/change/", {
        "meeting": meeting.pk, "text": "discussed the harbour and the bay", "speaker_countries": ["PT"],
        "speakers": [kept.pk], "source": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert statement.history.count() == before + 1
    latest = statement.history.latest()
    assert latest.text == "discussed the harbour and the bay" and latest.history_user == staff_client.user
    assert [row.participant_id for row in latest.speakers.all()] == [kept.pk]
