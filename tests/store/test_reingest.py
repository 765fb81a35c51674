"""Writing a source again updates it in place: ids kept, what is gone removed, curation untouched, History honest."""
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

import ingest
from ingest.document import Evidence, ExtractedCommitment, ExtractedMeeting, ExtractedParticipant, ExtractedStatement
from ingest.writer import write
from meetings.models import Commitment, Evidence as EvidenceRow, Meeting, Participant, Source, Statement
from tests.store.test_writer import TEXT, document, meeting, raw

pytestmark = pytest.mark.django_db

ARTICLE = """WASHINGTON, Oct. 23, 2017 -- U.S. Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori \
Onodera at the Pentagon on Monday.

"We stand shoulder to shoulder with Japan," Mattis told reporters after the talks.

Mattis said the two allies would deepen cooperation on missile defense.

The two ministers agreed to hold a joint air exercise by March 2018.
"""


def history_rows() -> dict[str, int]:
    """How many rows every history table holds (the models' and their many-to-many fields')."""
    return {model.__name__: model.objects.count() for model in apps.get_models()
            if model.__name__.startswith("Historical")}


def fact_ids() -> dict[str, list[int]]:
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True))
            for model in (Meeting, Participant, Statement, Commitment, EvidenceRow)}


def ingest_command(*args):
    call_command("ingest", *map(str, args), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE)
    return path


def with_evidence(extracted):
    extracted.evidence = [Evidence("reported", (0, TEXT.index(" They")), "in person"),
                          Evidence("statement", (TEXT.index("They"), len(TEXT)))]
    return extracted


# The same facts found again keep their ids.

def test_writing_a_source_again_keeps_the_id_of_every_fact():
    write(raw(), document(with_evidence(meeting())))
    before = fact_ids()
    write(raw(), document(with_evidence(meeting())))
    assert fact_ids() == before
    assert all(before.values())


def test_force_re_ingest_of_an_article_keeps_the_ids_of_its_facts(article):
    ingest_command(article)
    before = fact_ids()
    assert before["Participant"] and before["Statement"] and before["Commitment"]
    ingest_command(article, "--force")
    assert fact_ids() == before


def test_a_statement_reworded_by_the_extractor_is_updated_in_place():
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    stored = Statement.objects.get()
    write(raw(), document(meeting(statements=["strongly condemned the attack on the border post"])))
    assert Statement.objects.get().pk == stored.pk
    assert Statement.objects.get().text == "strongly condemned the attack on the border post"


def test_a_statement_read_anew_from_the_same_sentence_keeps_its_id():
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    stored = Statement.objects.get()
    write(raw(), document(meeting(statements=["voiced grave concern"])))
    assert Statement.objects.get().pk == stored.pk
    assert Statement.objects.get().text == "voiced grave concern"


def test_a_participant_found_again_takes_the_new_role_in_place():
    write(raw(), document(meeting()))
    stored = Participant.objects.get(name="Rui Sample")
    extracted = meeting()
    extracted.participants[1].role = "Minister of National Defence"
    write(raw(), document(extracted))
    assert Participant.objects.get(name="Rui Sample").pk == stored.pk
    assert Participant.objects.get(name="Rui Sample").role == "Minister of National Defence"


def test_a_commitment_found_again_takes_the_new_due_date_in_place():
    write(raw(), document(meeting()))
    stored = Commitment.objects.get()
    extracted = meeting()
    extracted.commitments[0].due, extracted.commitments[0].due_precision = date(2023, 6, 1), "month"
    write(raw(), document(extracted))
    assert Commitment.objects.get().pk == stored.pk
    assert Commitment.objects.get().due == date(2023, 6, 1)


def test_a_meeting_only_this_source_reports_takes_its_new_place_in_place():
    write(raw(), document(meeting()))
    stored = Meeting.objects.get()
    write(raw(), document(meeting(place="Sintra")))
    assert Meeting.objects.get().pk == stored.pk
    assert Meeting.objects.get().place == "Sintra"


def test_a_later_report_of_a_meeting_keeps_its_place():
    write(raw(), document(meeting()))
    later = document(meeting(place="Sintra"), text=TEXT + " Again.")
    later.published = date(2022, 3, 9)
    write(raw(TEXT + " Again.", "other.txt"), later)
    write(raw(TEXT + " Again.", "other.txt"), later)
    assert Meeting.objects.get().place == "Lisbon"


@pytest.mark.parametrize("earlier_first", [True, False])
def test_the_earliest_published_report_gives_the_place_whichever_arrives_first(earlier_first):
    earlier = (raw(TEXT + " Again.", "earlier.txt"), document(meeting(place="Sintra"), text=TEXT + " Again."))
    earlier[1].published = date(2022, 3, 7)
    later = (raw(), document(meeting()))
    for report in (earlier, later) if earlier_first else (later, earlier):
        write(*report)
    assert Meeting.objects.get().place == "Sintra"
    assert Meeting.objects.get().sources.count() == 2


# Facts no longer found go, unless curated or supported by another source.

def test_a_statement_the_source_no_longer_yields_is_removed():
    write(raw(), document(meeting(statements=["condemned the attack on the border post", "warned of escalation"])))
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    assert list(Statement.objects.values_list("text", flat=True)) == ["condemned the attack on the border post"]


def test_a_participant_the_source_no_longer_yields_is_removed_and_leaves_the_speakers_in_history():
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    extracted = meeting()
    extracted.participants.pop()
    extracted.statements[0].speaker_names = ["Ana Example"]
    write(raw(), document(extracted))
    assert list(Participant.objects.values_list("name", flat=True)) == ["Ana Example"]
    assert list(statement.speakers.values_list("name", flat=True)) == ["Ana Example"]
    latest = statement.history.first()
    assert [p.participant.name for p in latest.speakers.all()] == ["Ana Example"]


def test_a_commitment_staff_curated_is_kept_when_the_source_no_longer_yields_it():
    write(raw(), document(meeting()))
    commitment = Commitment.objects.get()
    commitment.status = "fulfilled"
    commitment.mark_curated(None, ["status"])
    commitment.save()
    extracted = meeting()
    extracted.commitments = []
    write(raw(), document(extracted))
    assert Commitment.objects.get().pk == commitment.pk


SECOND = "Ministers Ana Example and Rui Sample met in Lisbon. They condemned the attack on the border post."


def test_a_fact_another_source_supports_is_kept_for_that_source():
    write(raw(), document(with_evidence(meeting())))
    statement = Statement.objects.get()
    second = meeting(statements=["condemned the attack on the border post"])
    second.evidence = [Evidence("reported", (0, SECOND.index(" They")), "in person"),
                       Evidence("statement", (SECOND.index("They"), len(SECOND)))]
    write(raw(SECOND, "second.txt"), document(second, text=SECOND))
    assert Statement.objects.get().source.file_name == "report.txt"    # the second report adds no duplicate
    write(raw(), document(with_evidence(meeting(statements=[]))))
    kept = Statement.objects.get()
    assert kept.pk == statement.pk
    assert kept.source.file_name == "second.txt"
    assert kept.source_sentence == "They condemned the attack on the border post."
    assert "kept for source" in kept.history.first().history_change_reason


def test_a_meeting_the_source_no_longer_reports_is_removed_with_its_facts():
    write(raw(), document(meeting()))
    write(raw(), document())
    assert not Meeting.objects.exists() and not Participant.objects.exists()
    assert Meeting.history.filter(history_type="-").get().history_change_reason.endswith("no longer found")


# Curated fields and relations are never changed by the ingest.

def test_curated_speakers_stay_as_staff_set_them():
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    statement.speakers.set(Participant.objects.filter(name="Ana Example"))
    statement.mark_curated(None, ["speakers"])
    statement.save()
    write(raw(), document(meeting()))
    assert list(statement.speakers.values_list("name", flat=True)) == ["Ana Example"]


def test_a_participant_a_curated_statement_names_as_speaker_is_kept():
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    statement.mark_curated(None, ["speakers"])
    statement.save()
    extracted = meeting()
    extracted.participants.pop()
    write(raw(), document(extracted))
    assert sorted(statement.speakers.values_list("name", flat=True)) == ["Ana Example", "Rui Sample"]


def test_curated_parties_stay_as_staff_set_them():
    write(raw(), document(meeting()))
    commitment = Commitment.objects.get()
    commitment.parties.set(["PT"])
    commitment.mark_curated(None, ["parties"])
    commitment.save()
    write(raw(), document(meeting()))
    assert list(commitment.parties.values_list("code", flat=True)) == ["PT"]


def test_curated_meeting_countries_stay_as_staff_set_them():
    write(raw(), document(meeting(name="Iberian talks")))
    stored = Meeting.objects.get()
    stored.countries.set(["ES", "PT", "FR"])
    stored.mark_curated(None, ["countries"])
    stored.save()
    another = meeting(countries=["ES", "PT", "FR", "IT"], name="Iberian talks")
    write(raw(TEXT + " Again.", "other.txt"), document(another, text=TEXT + " Again."))
    assert sorted(stored.countries.values_list("code", flat=True)) == ["ES", "FR", "PT"]


def test_curated_meeting_participants_are_neither_added_to_nor_removed():
    write(raw(), document(meeting()))
    stored = Meeting.objects.get()
    stored.mark_curated(None, ["participants"])
    stored.save()
    extracted = meeting()
    extracted.participants[1] = ExtractedParticipant("Eva Newname", "ES", "Minister of Defence", span=(0, 64))
    write(raw(), document(extracted))
    assert sorted(stored.participants.values_list("name", flat=True)) == ["Ana Example", "Rui Sample"]


def test_a_curated_host_country_is_not_filled_by_another_report():
    write(raw(), document(meeting(place_country=None)))
    stored = Meeting.objects.get()
    stored.mark_curated(None, ["host_country"])
    stored.save()
    write(raw(TEXT + " Again.", "other.txt"), document(meeting(), text=TEXT + " Again."))
    assert Meeting.objects.get().host_country is None


def test_removing_a_participant_in_the_meeting_admin_curates_the_meetings_participants(staff_client):
    from tests.foundation.test_curation import change_form_data

    write(raw(), document(meeting()))
    stored = Meeting.objects.get()
    kept, removed = stored.participants.order_by("pk")
    data = change_form_data(stored, **{"participants-TOTAL_FORMS": "2", "participants-INITIAL_FORMS": "2"})
    for number, row in enumerate((kept, removed)):
        data.update({f"participants-{number}-{name}": value for name, value in {
            "id": row.pk, "meeting": stored.pk, "name": row.name, "role": row.role, "country": row.country_id,
            "official": row.official_id or "", "source": row.source_id, "span_start": row.span_start,
            "span_end": row.span_end}.items()})
    data["participants-1-DELETE"] = "on"
    response = staff_client.post(f"/admin/meetings/meeting/{stored.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "participants" in Meeting.objects.get().curated_fields
    write(raw(), document(meeting()))
    assert list(stored.participants.values_list("name", flat=True)) == [kept.name]


# Every change is in History with its reason; nothing is recorded when nothing changed.

def test_a_change_made_by_the_ingest_names_the_ingest_and_the_extractor_version():
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    write(raw(), document(meeting(statements=["strongly condemned the attack on the border post"])))
    latest = Statement.objects.get().history.first()
    source = Source.objects.get()
    assert latest.history_type == "~"
    assert latest.history_change_reason == (f"ingest of source {source.pk} (extractor {ingest.EXTRACTOR_VERSION}): "
                                            "found again")
    assert latest.history_user is None


def test_a_fact_the_ingest_creates_is_one_history_entry_with_its_relations():
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    entries = list(statement.history.all())
    assert [entry.history_type for entry in entries] == ["+"]
    assert entries[0].history_change_reason.endswith(": found")
    assert sorted(row.participant.name for row in entries[0].speakers.all()) == ["Ana Example", "Rui Sample"]
    assert sorted(row.country_id for row in entries[0].speaker_countries.all()) == ["ES", "PT"]


def test_a_fact_the_ingest_removes_is_in_history_with_the_reason():
    write(raw(), document(meeting(statements=["condemned the attack on the border post", "warned of escalation"])))
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    removed = Statement.history.get(history_type="-")
    assert removed.text == "warned of escalation"
    assert removed.history_change_reason.endswith(": no longer found")
    assert removed.history_user is None


def test_writing_the_same_extraction_again_adds_no_history():
    write(raw(), document(with_evidence(meeting())))
    before = history_rows()
    write(raw(), document(with_evidence(meeting())))
    assert history_rows() == before


def test_a_second_identical_force_ingest_adds_no_history(article):
    ingest_command(article)
    before = history_rows()
    assert before["HistoricalStatement"] and before["HistoricalCommitment"] and before["HistoricalParticipant"]
    ingest_command(article, "--force")
    assert history_rows() == before


def test_another_report_of_a_meeting_adds_no_empty_history_entry_to_it():
    write(raw(), document(meeting()))
    stored = Meeting.objects.get()
    count = stored.history.count()
    write(raw(TEXT + " Again.", "other.txt"), document(meeting(), text=TEXT + " Again."))
    assert stored.history.count() == count


# A new extractor version re-extracts, with the same guarantees.

def test_a_new_extractor_version_re_extracts_a_stored_source_without_force(article, monkeypatch):
    ingest_command(article)
    monkeypatch.setattr(ingest, "EXTRACTOR_VERSION", "test-next")
    err = StringIO()
    call_command("ingest", str(article), stdout=StringIO(), stderr=err)
    assert "updated 1" in err.getvalue()
    assert Source.objects.get().extractor_version == "test-next"


def test_a_new_extractor_version_that_reads_the_same_keeps_ids_and_history(article, monkeypatch):
    ingest_command(article)
    before, history = fact_ids(), history_rows()
    monkeypatch.setattr(ingest, "EXTRACTOR_VERSION", "test-next")
    ingest_command(article)
    assert Source.objects.get().extractor_version == "test-next"
    assert fact_ids() == before
    assert history_rows() == history


def test_the_same_extractor_version_skips_a_stored_source(article):
    ingest_command(article)
    err = StringIO()
    call_command("ingest", str(article), stdout=StringIO(), stderr=err)
    assert "unchanged 1" in err.getvalue()


# Restoring a version restores its relations.

def test_reverting_a_statement_in_the_admin_brings_back_a_removed_speaker(staff_client):
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    both = statement.history.get()
    statement.speakers.set(Participant.objects.filter(name="Ana Example"))
    revert_url = f"/admin/meetings/statement/{statement.pk}/history/{both.history_id}/"
    response = staff_client.get(revert_url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    response = staff_client.post(revert_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert sorted(statement.speakers.values_list("name", flat=True)) == ["Ana Example", "Rui Sample"]
    statement.refresh_from_db()
    assert "speakers" in statement.curated_fields


# Rows loaded from a fixture.

FIXTURE = """[{"model": "meetings.meeting", "fields": {"slug": "2020-01-02-fixture-talks",
        "date": "2020-01-02", "date_precision": "day", "format": "in_person", "name": "Fixture talks",
        "place": "", "review_status": "needs_review", "countries": [["KR"], ["US"]], "sources": [],
        "curated_fields": [], "created_at": "2020-01-03T00:00:00Z"}}]"""


def test_a_row_loaded_from_a_fixture_is_in_history_once_as_created_from_a_fixture(tmp_path):
    fixture = tmp_path / "one.json"
    fixture.write_text(FIXTURE)
    call_command("loaddata", str(fixture), verbosity=0)
    entries = list(Meeting.objects.get(slug="2020-01-02-fixture-talks").history.all())
    assert [(entry.history_type, entry.history_change_reason) for entry in entries] == [
        ("+", "loaded from a fixture")]
    assert sorted(row.country_id for row in entries[0].countries.all()) == ["KR", "US"]


def test_loading_a_fixture_again_adds_no_history(tmp_path):
    fixture = tmp_path / "one.json"
    fixture.write_text(FIXTURE)
    call_command("loaddata", str(fixture), verbosity=0)
    before = history_rows()
    call_command("loaddata", str(fixture), verbosity=0)
    assert history_rows() == before


# The whole walk: corrections in the admin survive `ingest --force`, and an older version can be restored.

def form_data(response) -> dict:
    """What the admin form on the page would post, as it is shown."""
    form = response.context["adminform"].form
    return {name: "" if value is None else value for name, value in
            ((name, form[name].value()) for name in form.fields)}


def test_admin_corrections_survive_a_forced_re_ingest_and_an_older_version_can_be_restored(article, staff_client):
    ingest_command(article)
    statement = Statement.objects.get()
    visitor = Participant.objects.get(country="JP")
    url = f"/admin/meetings/statement/{statement.pk}/change/"
    data = form_data(staff_client.get(url))
    data["speakers"] = [*data["speakers"], visitor.pk]
    assert staff_client.post(url, data).status_code == 302
    url = f"/admin/meetings/participant/{visitor.pk}/change/"
    extracted_role = visitor.role
    data = form_data(staff_client.get(url))
    data["role"] = "Minister of Defense of Japan"
    assert staff_client.post(url, data).status_code == 302
    before, history = fact_ids(), history_rows()

    ingest_command(article, "--force")

    assert fact_ids() == before and history_rows() == history
    assert statement.speakers.count() == 2
    visitor.refresh_from_db()
    assert visitor.role == "Minister of Defense of Japan"
    first = visitor.history.earliest()
    assert first.role == extracted_role and first.history_change_reason.endswith(": found")
    url = f"/admin/meetings/participant/{visitor.pk}/history/{first.history_id}/"
    assert staff_client.post(url, form_data(staff_client.get(url))).status_code == 302
    visitor.refresh_from_db()
    assert visitor.role == extracted_role
