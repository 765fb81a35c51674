"""The admin as staff read it: facts show their source by title and sentence, never by id or character offsets,
and the country filters offer only the countries the records have."""
import re

import pytest
from django.urls import reverse

from meetings.models import Commitment, Country, Official, Participant, Source, Statement
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db

TEXT = "Ana Example met Rui Sample in Lisbon. They condemned the attack on the border post."
SENTENCE = "They condemned the attack on the border post."
FIRST = "Ana Example met Rui Sample in Lisbon."


@pytest.fixture
def source():
    return make_source(TEXT, title="Ministers meet in Lisbon", publisher="Example Gazette", file_name="lisbon.html")


@pytest.fixture
def meeting(source):
    meeting = make_meeting(countries=["PT", "ES"], participants=[("Ana Example", "PT", None)])
    meeting.sources.add(source)
    Participant.objects.filter(meeting=meeting).update(source=source, span_start=0, span_end=len(FIRST))
    Participant.objects.create(meeting=meeting, name="Rui Sample", country_id="ES")
    start = TEXT.index(SENTENCE)
    Statement.objects.create(meeting=meeting, text="condemned the attack on the border post", source=source,
                             span_start=start, span_end=start + len(SENTENCE))
    Commitment.objects.create(meeting=meeting, text="meet again", source=source, span_start=0, span_end=len(FIRST))
    return meeting


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def meeting_page(client, meeting):
    return page(client, reverse("admin:meetings_meeting_change", args=[meeting.pk]))


def test_the_meeting_inlines_have_no_source_id_or_offset_inputs(staff_client, meeting):
    html = meeting_page(staff_client, meeting)
    for prefix in ("participants", "statements", "commitments"):
        assert f'name="{prefix}-0-span_start"' not in html
        assert f'name="{prefix}-0-span_end"' not in html
        assert f'name="{prefix}-0-source"' not in html
    assert "vForeignKeyRawIdAdminField" not in html


def test_the_meeting_inlines_show_each_source_by_title_and_publisher_linked_to_its_admin_page(staff_client, meeting,
                                                                                             source):
    html = meeting_page(staff_client, meeting)
    link = f'<a href="{reverse("admin:meetings_source_change", args=[source.pk])}">Ministers meet in Lisbon ' \
           f'(Example Gazette)</a>'
    assert html.count(link) == 3  # the participant, the statement and the commitment
    assert f"<q>{SENTENCE}</q>" in html
    assert f"<q>{FIRST}</q>" in html


def test_no_character_offsets_are_shown(staff_client, meeting):
    start = TEXT.index(SENTENCE)
    html = meeting_page(staff_client, meeting)
    assert f"[{start}–{start + len(SENTENCE)}]" not in html
    assert f"[0–{len(FIRST)}]" not in html


def test_the_participant_inline_picks_country_and_official_by_autocomplete_without_icons(staff_client, meeting):
    html = meeting_page(staff_client, meeting)
    row = re.search(r'<tr[^>]*id="participants-0".*?</tr>', html, re.S).group(0)
    assert re.search(r'<select[^>]*name="participants-0-country"[^>]*class="admin-autocomplete', row) or \
        re.search(r'<select[^>]*class="admin-autocomplete[^"]*"[^>]*name="participants-0-country"', row)
    assert 'data-ajax--url="/admin/autocomplete/"' in row
    assert "related-widget-wrapper-link" not in row


@pytest.mark.parametrize("model", [Participant, Statement, Commitment])
def test_a_fact_page_offers_its_source_by_title_and_no_offsets(staff_client, meeting, source, model):
    record = model.objects.filter(source=source).get()
    html = page(staff_client, reverse(f"admin:meetings_{model._meta.model_name}_change", args=[record.pk]))
    assert 'name="span_start"' not in html and 'name="span_end"' not in html
    assert "vForeignKeyRawIdAdminField" not in html
    source_select = re.search(r'<select[^>]*name="source".*?</select>', html, re.S).group(0)
    assert "admin-autocomplete" in source_select
    assert f'<option value="{source.pk}" selected>Ministers meet in Lisbon</option>' in source_select
    assert "Ministers meet in Lisbon (Example Gazette)</a>" in html


def test_choosing_another_source_for_a_fact_drops_the_span_that_pointed_into_the_old_one(staff_client, meeting):
    statement = Statement.objects.get()
    other = make_source("Another report of the talks.", title="Another report")
    data = {"meeting": meeting.pk, "text": statement.text, "speaker_countries": ["PT"], "source": other.pk}
    response = staff_client.post(reverse("admin:meetings_statement_change", args=[statement.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statement.refresh_from_db()
    assert statement.source == other
    assert (statement.span_start, statement.span_end) == (None, None)
    assert "source" in statement.curated_fields


def test_editing_a_fact_keeps_its_source_and_span(staff_client, meeting, source):
    statement = Statement.objects.get()
    span = (statement.span_start, statement.span_end)
    data = {"meeting": meeting.pk, "text": "condemned the attack", "speaker_countries": ["PT"], "source": source.pk}
    response = staff_client.post(reverse("admin:meetings_statement_change", args=[statement.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statement.refresh_from_db()
    assert (statement.source, statement.span_start, statement.span_end) == (source, *span)


def filter_choices(html, title):
    """The country codes one list filter offers, by its title."""
    block = re.search(rf'<details data-filter-title="{title}".*?</details>', html, re.S).group(0)
    return set(re.findall(r'__code__exact=([A-Z]{2})', block))


@pytest.mark.parametrize("model, title, expected", [
    ("meeting", "countries", {"ES", "PT"}),
    ("participant", "country", {"ES", "PT"}),
    ("statement", "speaker countries", {"ES"}),
    ("commitment", "parties", {"ES", "PT"}),
    ("official", "country", {"FJ", "NZ"}),
])
def test_the_country_filters_list_only_the_countries_that_occur(staff_client, meeting, model, title, expected):
    assert Country.objects.count() > 200
    Statement.objects.get().speaker_countries.set(["ES"])
    Commitment.objects.get().parties.set(["PT", "ES"])
    Official.objects.all().delete()
    Official.objects.create(name="Nia Example", family_name="Example", country_id="NZ")
    Official.objects.create(name="Tevita Sample", family_name="Sample", country_id="FJ")
    html = page(staff_client, reverse(f"admin:meetings_{model}_changelist"))
    assert filter_choices(html, title) == expected


def test_a_country_filter_is_one_drop_down_list(staff_client, meeting):
    html = page(staff_client, reverse("admin:meetings_meeting_changelist"))
    block = re.search(r'<details data-filter-title="countries".*?</details>', html, re.S).group(0)
    assert '<select class="choice-filter"' in block
    assert ">Portugal</option>" in block and ">Spain</option>" in block
    assert "js/admin-filters.js" in html
