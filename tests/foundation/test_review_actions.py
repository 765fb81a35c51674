"""The admin's "mark verified" and "mark needs review" actions: status set, History kept, the ingest held off."""
from datetime import date

import pytest

from ingest.writer import write
from meetings.models import Commitment, Meeting, Official, Participant, Statement
from tests.factories import make_meeting, make_source
from tests.store.test_writer import document, meeting as extracted_meeting, raw

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks():
    source = make_source("Two ministers met and talked about the harbour.")
    official = Official.objects.create(name="Ana Example", country_id="PT", family_name="Example",
                                       review_status="needs_review")
    meeting = make_meeting(["ES", "PT"], date(2022, 3, 7), participants=[("Ana Example", "PT", official)])
    participant = meeting.participants.get()
    statement = Statement.objects.create(meeting=meeting, text="praised the new harbour agreement", source=source)
    commitment = Commitment.objects.create(meeting=meeting, text="hold a joint harbour drill", source=source)
    return {"meeting": meeting, "official": official, "participant": participant, "statement": statement,
            "commitment": commitment}


def act(client, name, action, *objs):
    return client.post(f"/admin/meetings/{name}/", {"action": action, "_selected_action": [o.pk for o in objs]},
                       follow=True)


@pytest.mark.parametrize("name", ["meeting", "official", "participant", "statement", "commitment"])
def test_mark_verified_sets_the_status_with_a_history_entry_by_the_user(staff_client, talks, name):
    obj = talks[name]
    before = obj.history.count()
    response = act(staff_client, name, "mark_verified", obj)
    assert response.status_code == 200
    assert "marked verified" in response.content.decode()
    obj.refresh_from_db()
    assert obj.review_status == "verified"
    assert obj.history.count() == before + 1
    entry = obj.history.latest()
    assert entry.history_user == staff_client.user and entry.history_change_reason == "marked verified"
    assert entry.review_status == "verified"


@pytest.mark.parametrize("name", ["meeting", "official", "participant", "statement", "commitment"])
def test_mark_needs_review_sets_the_status_back_with_a_history_entry(staff_client, talks, name):
    obj = talks[name]
    act(staff_client, name, "mark_verified", obj)
    act(staff_client, name, "mark_needs_review", obj)
    obj.refresh_from_db()
    assert obj.review_status == "needs_review"
    assert obj.history.latest().history_change_reason == "marked as needing review"
    assert obj.history.latest().history_user == staff_client.user


@pytest.mark.parametrize("name", ["meeting", "official", "participant", "statement", "commitment"])
def test_marking_a_record_already_so_adds_no_history(staff_client, talks, name):
    obj = talks[name]
    act(staff_client, name, "mark_verified", obj)
    count = obj.history.count()
    response = act(staff_client, name, "mark_verified", obj)
    assert "1 already were" in response.content.decode()
    assert obj.history.count() == count


def test_verifying_a_fact_curates_every_field_the_ingest_could_change(staff_client, talks):
    act(staff_client, "statement", "mark_verified", talks["statement"])
    act(staff_client, "commitment", "mark_verified", talks["commitment"])
    act(staff_client, "meeting", "mark_verified", talks["meeting"])
    statement, commitment = Statement.objects.get(), Commitment.objects.get()
    meeting = Meeting.objects.get()
    assert {"text", "direct", "speaker_countries", "speakers", "review_status"} <= set(statement.curated_fields)
    assert {"text", "parties", "due", "due_precision", "status"} <= set(commitment.curated_fields)
    assert {"date", "place", "host_country", "countries", "participants", "sources"} <= set(meeting.curated_fields)
    assert statement.curated_by == staff_client.user


def test_the_changelists_filter_facts_by_review_status(staff_client, talks):
    act(staff_client, "statement", "mark_verified", talks["statement"])
    response = staff_client.get("/admin/meetings/statement/?review_status__exact=verified")
    assert response.status_code == 200
    assert "praised the new harbour agreement" in response.content.decode()
    response = staff_client.get("/admin/meetings/statement/?review_status__exact=needs_review")
    assert "praised the new harbour agreement" not in response.content.decode()


# A verified record is held off from the ingest the way a curated one is.

def test_a_verified_statement_survives_a_re_extraction_that_no_longer_finds_it(staff_client):
    write(raw(), document(extracted_meeting()))
    statement = Statement.objects.get()
    act(staff_client, "statement", "mark_verified", statement)
    write(raw(), document(extracted_meeting(statements=["warned of an escalation at sea"])))
    kept = Statement.objects.get(pk=statement.pk)
    assert kept.text == statement.text and kept.review_status == "verified"


@pytest.mark.parametrize("verify", [True, False])
def test_a_verified_participant_survives_a_re_extraction_that_no_longer_finds_it(staff_client, verify):
    write(raw(), document(extracted_meeting(statements=[])))
    participant = Participant.objects.get(name="Rui Sample")
    if verify:
        act(staff_client, "participant", "mark_verified", participant)
    fewer = extracted_meeting(statements=[])
    fewer.participants = fewer.participants[:1]
    write(raw(), document(fewer))
    assert Participant.objects.filter(pk=participant.pk).exists() == verify


def test_a_verified_statement_keeps_its_words_and_speakers_when_the_extractor_rewords_it(staff_client):
    write(raw(), document(extracted_meeting()))
    statement = Statement.objects.get()
    speakers = set(statement.speakers.values_list("pk", flat=True))
    act(staff_client, "statement", "mark_verified", statement)
    reworded = extracted_meeting(statements=["strongly condemned the attack on the border post"])
    reworded.statements[0].speaker_names = ["Ana Example"]
    write(raw(), document(reworded))
    statement.refresh_from_db()
    assert statement.text == "condemned the attack on the border post"
    assert set(statement.speakers.values_list("pk", flat=True)) == speakers


def test_a_verified_meeting_keeps_its_place_when_its_only_source_says_another(staff_client):
    write(raw(), document(extracted_meeting()))
    act(staff_client, "meeting", "mark_verified", Meeting.objects.get())
    write(raw(), document(extracted_meeting(place="Porto")))
    assert Meeting.objects.get().place == "Lisbon"


def test_setting_verified_on_a_meetings_page_verifies_it_as_the_action_does(staff_client, talks):
    from tests.foundation.test_curation import change_form_data

    meeting = talks["meeting"]
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/",
                                 change_form_data(meeting, review_status="verified"))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.review_status == "verified"
    assert {"date", "place", "countries", "participants", "sources", "review_status"} <= set(meeting.curated_fields)


def test_a_facts_page_shows_its_review_status_without_a_field_for_it(staff_client, talks):
    response = staff_client.get(f"/admin/meetings/commitment/{talks['commitment'].pk}/change/")
    page = response.content.decode()
    assert "Review status" in page and 'name="review_status"' not in page
