"""One fact, many reports: a statement or commitment several sources of a meeting give, in their own words, is one
fact with all its sources; where the reports disagree on the day or on what was said, the meeting page shows each
version."""
from datetime import date

import pytest
from django.apps import apps

from ingest.document import (
    Evidence, ExtractedCommitment, ExtractedDocument, ExtractedMeeting, ExtractedParticipant, ExtractedStatement,
)
from meetings.text import same_text
from ingest.sources import RawSource
from ingest.writer import write
from meetings.models import Commitment, Meeting, Source, Statement

pytestmark = pytest.mark.django_db

WIRE = ("Minister Ana Example met Minister Rui Sample in Lisbon on Monday. "
        "They condemned the attack on the border post in the strongest terms. "
        "The two agreed to hold joint naval exercises in the Atlantic next year.")
MINISTRY = ("Defence Minister Rui Sample held talks with his counterpart Ana Example in Lisbon on Tuesday. "
            "The ministers strongly condemned the attack on the border post. "
            "Both sides will hold joint naval exercises in the Atlantic in the coming year. "
            "Sample also warned of a new arms race in the region.")


def span(text, words):
    start = text.index(words)
    return start, text.index(".", start) + 1


def report(text, day, statements, commitments, location):
    """One source's report of the meeting, with the evidence the extractor would give it (its day, its place)."""
    extracted = ExtractedMeeting(
        date=day, date_precision="day", format="in_person", name=None, place="Lisbon", place_country="PT",
        countries=["ES", "PT"],
        participants=[ExtractedParticipant("Ana Example", "PT", "Minister of National Defence", span=span(text, "Ana")),
                      ExtractedParticipant("Rui Sample", "ES", "Minister of Defence", span=span(text, "Rui"))],
        statements=[ExtractedStatement(["ES", "PT"], words, False, ["Ana Example", "Rui Sample"], span(text, first))
                    for first, words in statements],
        commitments=[ExtractedCommitment(["ES", "PT"], words, date(2023, 1, 1), "year", span(text, first))
                     for first, words in commitments])
    extracted.evidence = [Evidence("reported", span(text, text.split()[0]), "in person"),
                          Evidence("dated by", span(text, text.split()[0]), day.isoformat()),
                          Evidence("placed", span(text, text.split()[0]), "Lisbon"),
                          Evidence("participant", span(text, "Ana"), "Ana Example"),
                          Evidence("participant", span(text, "Rui"), "Rui Sample"),
                          *(Evidence("statement", span(text, first)) for first, _ in statements),
                          *(Evidence("commitment", span(text, first)) for first, _ in commitments)]
    raw = RawSource(location, content=text, data=text.encode())
    title = "Wire report" if location == "wire.txt" else "Ministry release"
    return raw, ExtractedDocument(location, text, title=title, publisher=title.split()[0], published=day,
                                  meetings=[extracted])


WIRE_STATEMENT = ("They condemned", "condemned the attack on the border post in the strongest terms")
WIRE_COMMITMENT = ("The two agreed", "hold joint naval exercises in the Atlantic next year")
MINISTRY_STATEMENT = ("The ministers", "strongly condemned the attack on the border post")
MINISTRY_COMMITMENT = ("Both sides", "hold joint naval exercises in the Atlantic in the coming year")
MINISTRY_OWN = ("Sample also", "warned of a new arms race in the region")


def wire(statements=(WIRE_STATEMENT,), commitments=(WIRE_COMMITMENT,), day=date(2022, 3, 7)):
    return report(WIRE, day, statements, commitments, "wire.txt")


def ministry(statements=(MINISTRY_STATEMENT, MINISTRY_OWN), commitments=(MINISTRY_COMMITMENT,), day=date(2022, 3, 7)):
    return report(MINISTRY, day, statements, commitments, "ministry.txt")


def sources_of(fact):
    return sorted(fact.sources.values_list("file_name", flat=True))


def history_rows():
    return {model.__name__: model.objects.count() for model in apps.get_models()
            if model.__name__.startswith("Historical")}


def test_the_chosen_threshold_folds_two_wordings_and_keeps_two_claims_apart():
    assert same_text("condemned the attack on the border post in the strongest terms",
                     "strongly condemned the attack on the border post")
    assert same_text("hold joint naval exercises in the Atlantic next year",
                     "hold joint naval exercises in the Atlantic in the coming year")
    assert not same_text("condemned the attack on the border post", "warned of a new arms race in the region")
    assert not same_text("agreed to expand officer exchanges", "agreed to open a hotline between their navies")


def test_a_fact_two_sources_report_in_two_wordings_is_one_fact_with_both_sources():
    write(*wire())
    write(*ministry())
    meeting = Meeting.objects.get()
    first = Source.objects.get(file_name="wire.txt")
    statements = {s.text: s for s in meeting.statements.all()}
    assert sorted(statements) == ["condemned the attack on the border post in the strongest terms",
                                  "warned of a new arms race in the region"]
    shared = statements["condemned the attack on the border post in the strongest terms"]
    assert sources_of(shared) == ["ministry.txt", "wire.txt"]
    assert shared.source == first  # the first report stays its source, and its sentence the one shown
    assert sources_of(statements["warned of a new arms race in the region"]) == ["ministry.txt"]
    commitment = Commitment.objects.get()
    assert sources_of(commitment) == ["ministry.txt", "wire.txt"] and commitment.source == first
    reasons = list(shared.history.values_list("history_change_reason", flat=True))
    assert any(reason.endswith("also reported") for reason in reasons)


def test_two_claims_of_one_source_are_never_folded_into_one():
    write(*ministry(statements=(MINISTRY_STATEMENT, ("Sample also", "strongly condemned the attack on the embassy"))))
    assert Statement.objects.count() == 2


def test_the_meeting_page_lists_the_other_reports_of_a_fact(client):
    write(*wire())
    write(*ministry())
    page = client.get(Meeting.objects.get().get_absolute_url()).content.decode()
    assert "Also reported by" in page and "Ministry release" in page


def test_reports_that_disagree_on_the_day_show_both_days_side_by_side(client):
    write(*wire(day=date(2022, 3, 7)))
    write(*ministry(day=date(2022, 3, 8)))
    meeting = Meeting.objects.get()  # one meeting: a day apart, the same countries and ministers
    assert meeting.date == date(2022, 3, 7)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    versions = page[page.index('id="versions-heading"'):page.index('id="participants-heading"')]
    assert "7 March 2022" in versions and "8 March 2022" in versions
    assert "Wire report" in versions and "Ministry release" in versions
    assert 'class="differs"' in versions


def test_reports_that_agree_show_no_versions(client):
    write(*wire())
    write(*ministry(statements=(MINISTRY_STATEMENT,)))
    page = client.get(Meeting.objects.get().get_absolute_url()).content.decode()
    assert "versions-heading" not in page


def test_readouts_that_differ_show_what_each_report_alone_gives(client):
    write(*wire())
    write(*ministry())    # the ministry's release also has the visitor warn of an arms race
    page = client.get(Meeting.objects.get().get_absolute_url()).content.decode()
    versions = page[page.index('id="versions-heading"'):page.index('id="participants-heading"')]
    assert "do not give the same statements and commitments" in versions
    wire_row, ministry_row = (versions[versions.index(title):] for title in ("Wire report", "Ministry release"))
    assert wire_row.split("</tr>")[0].count("only in this report") == 0
    assert "2 statements, 1 commitment; <strong>1 only in this report</strong>" in ministry_row.split("</tr>")[0]


def test_re_ingest_keeps_ids_sources_and_history():
    write(*wire())
    write(*ministry())
    ids = sorted(Statement.objects.values_list("pk", flat=True)) + sorted(Commitment.objects.values_list("pk", flat=True))
    links = {s.pk: sources_of(s) for s in [*Statement.objects.all(), *Commitment.objects.all()]}
    history = history_rows()
    write(*wire())
    write(*ministry())
    assert sorted(Statement.objects.values_list("pk", flat=True)) + sorted(
        Commitment.objects.values_list("pk", flat=True)) == ids
    assert {s.pk: sources_of(s) for s in [*Statement.objects.all(), *Commitment.objects.all()]} == links
    assert history_rows() == history  # nothing changed, nothing recorded


def test_a_source_that_no_longer_reports_a_fact_only_leaves_its_sources():
    write(*wire())
    write(*ministry())
    shared = Statement.objects.get(text__startswith="condemned")
    write(*ministry(statements=(MINISTRY_OWN,)))
    shared.refresh_from_db()
    assert sources_of(shared) == ["wire.txt"]
    write(*ministry())
    assert sources_of(Statement.objects.get(pk=shared.pk)) == ["ministry.txt", "wire.txt"]


def test_a_fact_its_first_source_no_longer_gives_is_kept_for_the_other_with_its_id():
    write(*wire())
    write(*ministry())
    shared = Statement.objects.get(text__startswith="condemned")
    write(*wire(statements=()))
    kept = Statement.objects.get(pk=shared.pk)
    ministry_source = Source.objects.get(file_name="ministry.txt")
    assert kept.source == ministry_source and sources_of(kept) == ["ministry.txt"]
    assert kept.source_sentence == "The ministers strongly condemned the attack on the border post."
    assert "kept for source" in kept.history.first().history_change_reason


def test_a_curated_fact_keeps_its_curated_text_when_another_source_reports_it():
    write(*wire())
    statement = Statement.objects.get()
    statement.text = "condemned the attack on the border post (corrected)"
    statement.mark_curated(None, ["text"])
    statement.save()
    write(*ministry())
    statement.refresh_from_db()
    assert statement.text == "condemned the attack on the border post (corrected)"
    assert sources_of(statement) == ["ministry.txt", "wire.txt"]
    write(*wire(statements=()))
    write(*ministry(statements=(MINISTRY_OWN,)))
    statement.refresh_from_db()  # curated: never removed, never rewritten
    assert statement.text == "condemned the attack on the border post (corrected)"


def test_the_page_of_a_meeting_many_reports_give_reads_their_sources_in_a_bounded_number_of_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(Meeting.objects.get().get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    write(*wire(day=date(2022, 3, 7)))
    write(*ministry(statements=(MINISTRY_STATEMENT,), day=date(2022, 3, 8)))
    few = queries()
    write(*ministry(day=date(2022, 3, 8)))
    assert Statement.objects.count() == 2
    assert queries() == few  # a fact more is not a query more
