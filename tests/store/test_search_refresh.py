"""A meeting's search document follows every write: the ingest, the admin, and manage.py rebuild_search."""
from datetime import date

import pytest
from django.core.management import call_command

from ingest.document import ExtractedDocument, ExtractedMeeting, ExtractedParticipant, ExtractedStatement
from ingest.sources import RawSource
from ingest.writer import write
from meetings.models import Meeting, MeetingSearch, Participant, Statement
from tests.factories import make_meeting
from tests.foundation.test_curation import change_form_data

pytestmark = pytest.mark.django_db
TEXT = "Minister Ana Exemplo met Minister Rui Muestra in Lisbon on Monday. They praised the frigate programme."


def extracted(statement="praised the frigate programme", participant="Ana Exemplo"):
    meeting = ExtractedMeeting(
        date=date(2022, 3, 7), date_precision="day", format="in_person", name=None, place="Lisbon",
        place_country="PT", countries=["ES", "PT"],
        participants=[ExtractedParticipant(participant, "PT", "Minister of National Defence", span=(0, 64)),
                      ExtractedParticipant("Rui Muestra", "ES", "Minister of Defence", span=(0, 64))],
        statements=[ExtractedStatement(["ES", "PT"], statement, False, [participant], (66, len(TEXT)))],
        commitments=[])
    return ExtractedDocument("report.txt", TEXT, title="Iberian ministers meet", publisher="Example Wire",
                             published=date(2022, 3, 8), meetings=[meeting])


def found(client, q):
    return [m.slug for m in client.get("/meetings/", {"q": q}).context["object_list"]]


def test_an_ingested_meeting_is_found_by_its_people_place_words_and_source(client):
    write(RawSource("report.txt", content=TEXT, data=TEXT.encode()), extracted())
    meeting = Meeting.objects.get()
    for q in ("Exemplo", "Muestra", "Lisbon", "Spain", "frigate", "Iberian ministers", "Example Wire"):
        assert found(client, q) == [meeting.slug], q


def test_a_re_extraction_refreshes_the_document(client):
    raw = RawSource("report.txt", content=TEXT, data=TEXT.encode())
    write(raw, extracted())
    write(raw, extracted(statement="praised the corvette programme"))
    assert found(client, "corvette") == [Meeting.objects.get().slug]
    assert found(client, "frigate") == []


def test_an_admin_edit_of_a_meeting_and_its_inlines_refreshes_the_document(staff_client):
    meeting = make_meeting(["KR", "US"], place="Seoul", participants=[("Han Min-jun", "KR", None)])
    participant = meeting.participants.get()
    data = change_form_data(meeting, place="Busan", **{
        "participants-TOTAL_FORMS": "1", "participants-INITIAL_FORMS": "1", "participants-0-id": participant.pk,
        "participants-0-meeting": meeting.pk, "participants-0-name": "Han Min-joon", "participants-0-role": "",
        "participants-0-country": "KR", "participants-0-official": "", "participants-0-source": "",
        "participants-0-span_start": "", "participants-0-span_end": "",
        "statements-TOTAL_FORMS": "1", "statements-0-meeting": meeting.pk,
        "statements-0-text": "They discussed the torpedo incident.", "statements-0-speaker_countries": ["KR"],
    })
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert found(staff_client, "Busan") == [meeting.slug]
    assert found(staff_client, "Seoul") == []
    assert found(staff_client, "Min-joon") == [meeting.slug]
    assert found(staff_client, "torpedo") == [meeting.slug]


def test_deleting_a_statement_in_the_admin_refreshes_the_document(staff_client):
    meeting = make_meeting(["KR", "US"])
    statement = Statement.objects.create(meeting=meeting, text="They discussed the torpedo incident.")
    call_command("rebuild_search", verbosity=0)
    assert found(staff_client, "torpedo") == [meeting.slug]
    response = staff_client.post(f"/admin/meetings/statement/{statement.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert found(staff_client, "torpedo") == []


def test_renaming_an_official_in_the_admin_refreshes_the_meetings_they_took_part_in(staff_client):
    from tests.browse.builders import make_official
    official = make_official("Kenji Kato", "JP")
    meeting = make_meeting(["JP", "US"], participants=[("Minister Kato", "JP", official)])
    response = staff_client.post(f"/admin/meetings/official/{official.pk}/change/", {
        "name": "Kenji Kato", "slug": official.slug, "country": "JP", "family_name": "Kato",
        "aliases": '["Katou Kenji"]', "review_status": "verified",
        "tenures-TOTAL_FORMS": "0", "tenures-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert found(staff_client, "Katou") == [meeting.slug]


def test_a_deleted_meeting_takes_its_document_with_it(client):
    meeting = make_meeting(["KR", "US"], name="Alliance talks")
    meeting.delete()
    assert not MeetingSearch.objects.exists()
    assert found(client, "Alliance") == []


def test_rebuild_search_builds_every_document(client):
    meeting = make_meeting(["KR", "US"], name="Alliance talks")
    Participant.objects.create(meeting=meeting, name="Han Min-jun", country_id="KR")  # written outside the app
    MeetingSearch.objects.all().delete()
    call_command("rebuild_search", verbosity=0)
    assert found(client, "Alliance") == [meeting.slug]
    assert found(client, "Minjun") == [meeting.slug]
