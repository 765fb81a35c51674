"""Writing extractions: sources kept whole, reports of one meeting merged, staff corrections respected."""
from datetime import date

import pytest

from ingest.document import (
    Evidence, ExtractedCommitment, ExtractedDocument, ExtractedMeeting, ExtractedParticipant, ExtractedStatement,
)
from ingest.sources import RawSource
from ingest.writer import write
from meetings.models import Evidence as EvidenceRow
from meetings.models import Meeting, Official, Source, Statement

pytestmark = pytest.mark.django_db

TEXT = "Minister Ana Example met Minister Rui Sample in Lisbon on Monday. They condemned the attack."


def raw(text=TEXT, location="report.txt"):
    return RawSource(location, content=text, data=text.encode())


def meeting(statements=("condemned the attack on the border post",), day=date(2022, 3, 7), **fields):
    values = dict(date=day, date_precision="day" if day else None, format="in_person", name=None,
                  place="Lisbon", place_country="PT", countries=["ES", "PT"])
    values.update(fields)
    return ExtractedMeeting(
        **values,
        participants=[ExtractedParticipant("Ana Example", "PT", "Minister of National Defence", span=(0, 64)),
                      ExtractedParticipant("Rui Sample", "ES", "Minister of Defence", span=(0, 64))],
        statements=[ExtractedStatement(["ES", "PT"], text, False, ["Ana Example", "Rui Sample"], (TEXT.index("They"), len(TEXT)))
                    for text in statements],
        commitments=[ExtractedCommitment(["ES", "PT"], "hold joint naval exercises", date(2023, 1, 1), "year",
                                         (TEXT.index("They"), len(TEXT)))],
    )


def document(*meetings, text=TEXT):
    return ExtractedDocument("report.txt", text, title="Ministers meet", publisher="Example Wire",
                             published=date(2022, 3, 8), meetings=list(meetings))


def test_a_source_is_stored_whole_with_its_hash():
    result = write(raw(), document(meeting()))
    source = Source.objects.get()
    assert result.status == "new"
    assert source.raw_content == TEXT and source.cleaned_text == TEXT
    assert source.status == "ok" and source.published == date(2022, 3, 8)
    assert len(source.content_hash) == 64 and source.extractor_version


def test_an_unreadable_source_is_stored_as_failed_with_the_reason():
    write(RawSource("broken.html", data=b"\x00\x01", error="binary content"), None, "binary content")
    source = Source.objects.get()
    assert source.status == "failed" and source.failure_reason == "binary content"


def test_a_source_reporting_no_meeting_is_marked_so():
    write(raw(), document())
    assert Source.objects.get().status == "no_meetings"


def test_every_extracted_record_keeps_its_source_and_span():
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    assert statement.source_sentence == "They condemned the attack."
    assert statement.speakers.count() == 2
    assert sorted(statement.speaker_countries.values_list("code", flat=True)) == ["ES", "PT"]


def test_two_reports_of_one_meeting_become_one_meeting_with_both_sources():
    write(raw(), document(meeting()))
    write(raw(TEXT + " More.", "other.txt"),
          document(meeting(statements=["strongly condemned the attack on the border post", "warned of escalation"]),
                   text=TEXT + " More."))
    stored = Meeting.objects.get()
    assert stored.sources.count() == 2
    assert stored.participants.count() == 2
    assert sorted(stored.statements.values_list("text", flat=True)) == [
        "condemned the attack on the border post", "warned of escalation"]
    assert stored.commitments.count() == 1


def test_meetings_on_other_days_or_with_other_countries_stay_apart():
    write(raw(), document(meeting()))
    write(raw("x", "b.txt"), document(meeting(day=date(2022, 3, 9)), text="x"))
    write(raw("y", "c.txt"), document(meeting(countries=["PT", "JP"]), text="y"))
    assert Meeting.objects.count() == 3


def test_undated_meetings_are_never_merged_by_guess():
    write(raw(), document(meeting(day=None)))
    write(raw("x", "b.txt"), document(meeting(day=None), text="x"))
    assert Meeting.objects.count() == 2


def test_an_unknown_named_official_becomes_an_official_to_review():
    write(raw(), document(meeting()))
    official = Official.objects.get(name="Rui Sample")
    assert official.review_status == "needs_review"
    assert official.family_name == "Sample"
    assert official.participations.count() == 1


def test_a_known_official_is_linked_by_the_name_the_extractor_resolved():
    known = Official.objects.create(name="Ana Maria Example", country_id="PT", family_name="Example")
    extracted = meeting()
    extracted.participants[0].official = "Ana Maria Example"
    write(raw(), document(extracted))
    assert known.participations.get().name == "Ana Example"


def test_reingesting_keeps_a_curated_field():
    write(raw(), document(meeting()))
    stored = Meeting.objects.get()
    stored.place = "Sintra"
    stored.mark_curated(None, ["place"])
    stored.save()
    write(raw(), document(meeting()))
    assert Meeting.objects.get().place == "Sintra"


def test_reingesting_keeps_a_curated_statement_and_replaces_the_others():
    write(raw(), document(meeting(statements=["condemned the attack on the border post", "warned of escalation"])))
    corrected = Statement.objects.get(text="warned of escalation")
    corrected.text = "warned of a dangerous escalation"
    corrected.mark_curated(None, ["text"])
    corrected.save()
    write(raw(), document(meeting(statements=["condemned the attack on the border post"])))
    assert sorted(Statement.objects.values_list("text", flat=True)) == [
        "condemned the attack on the border post", "warned of a dangerous escalation"]


def test_a_statement_staff_deleted_is_not_written_again(staff_client):
    write(raw(), document(meeting()))
    statement = Statement.objects.get()
    response = staff_client.post(f"/admin/meetings/statement/{statement.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    write(raw(), document(meeting()))
    assert not Statement.objects.exists()


# Evidence: the sentences each meeting was built from, kept with its link to the source.

def with_evidence(extracted):
    report = (0, TEXT.index(" They"))
    extracted.evidence = [Evidence("reported", report, "in person"), Evidence("dated by", report, "2022-03-07"),
                          Evidence("statement", (TEXT.index("They"), len(TEXT)))]
    return extracted


def test_each_meeting_keeps_the_sentences_it_was_built_from_with_its_source():
    write(raw(), document(with_evidence(meeting())))
    stored = Meeting.objects.get()
    found = [(e.kind, e.detail, e.source.cleaned_text[e.span_start:e.span_end]) for e in stored.evidence.all()]
    assert found == [("reported", "in person", "Minister Ana Example met Minister Rui Sample in Lisbon on Monday."),
                     ("dated by", "2022-03-07", "Minister Ana Example met Minister Rui Sample in Lisbon on Monday."),
                     ("statement", "", "They condemned the attack.")]
    assert {e.source for e in stored.evidence.all()} == {Source.objects.get()}


def test_reingesting_a_source_replaces_its_evidence():
    write(raw(), document(with_evidence(meeting())))
    write(raw(), document(with_evidence(meeting())))
    assert EvidenceRow.objects.count() == 3


def test_a_second_report_of_a_meeting_adds_its_own_evidence():
    write(raw(), document(with_evidence(meeting())))
    write(raw(TEXT + " More.", "other.txt"), document(with_evidence(meeting()), text=TEXT + " More."))
    stored = Meeting.objects.get()
    assert stored.evidence.values("source").distinct().count() == 2


def test_a_meeting_unlinked_from_a_source_keeps_no_evidence_from_it():
    write(raw(), document(with_evidence(meeting())))
    stored = Meeting.objects.get()
    stored.sources.remove(Source.objects.get())
    assert not stored.evidence.exists()
