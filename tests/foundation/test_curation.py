"""What staff correct in the admin is marked curated, and the ingest leaves it alone."""
import pytest

from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def change_form_data(meeting=None, **overrides):
    """The admin form's POST data for ``meeting`` (a blank form when None), with ``overrides``."""
    data = {"name": "", "slug": "", "date": "", "date_precision": "", "format": "in_person", "place": "",
            "host_country": "", "countries": [], "review_status": "needs_review", "sources": []}
    if meeting is not None:
        data.update({
            "name": meeting.name, "slug": meeting.slug, "date": meeting.date.isoformat() if meeting.date else "",
            "date_precision": meeting.date_precision, "format": meeting.format, "place": meeting.place,
            "host_country": meeting.host_country_id or "", "countries": [c.code for c in meeting.countries.all()],
            "review_status": meeting.review_status, "sources": [s.pk for s in meeting.sources.all()],
        })
    for prefix in ("participants", "statements", "commitments"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_editing_a_meeting_in_the_admin_marks_the_changed_fields_curated(staff_client):
    meeting = make_meeting(place="Seoul")
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                                 change_form_data(meeting, place="Busan"))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.place == "Busan"
    assert meeting.curated_fields == ["place"]
    assert meeting.curated_by == staff_client.user
    assert meeting.curated_at is not None


def test_the_ingest_does_not_overwrite_a_curated_field():
    meeting = make_meeting(place="Busan")
    meeting.mark_curated(None, ["place"])
    changed = meeting.apply_extracted(place="Seoul", name="Defense Talks")
    assert changed
    assert meeting.place == "Busan"
    assert meeting.name == "Defense Talks"


def test_a_meeting_created_in_the_admin_is_curated_whole(staff_client):
    data = change_form_data(name="Phone call", date="2021-04-02", date_precision="day", format="phone",
                            countries=["JP", "AU"])
    response = staff_client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(name="Phone call")
    assert {"name", "date", "countries", "format"} <= set(meeting.curated_fields)
