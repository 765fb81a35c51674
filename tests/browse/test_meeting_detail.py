"""/meetings/<slug>/: the meeting, who took part, what they said and promised, and where each fact came from."""
import re
from datetime import date

import pytest

from meetings.models import Participant
from tests.browse.builders import SEOUL_TALKS
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, world):
    response = client.get(world.seoul.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_shows_date_place_mode_and_countries(page):
    assert '<time datetime="2017-10-23">23 October 2017</time>' in page
    assert "Seoul (host: <a href=\"/countries/KR/\">South Korea</a>)" in page
    assert '<dt>Mode</dt><dd><span class="badge badge-in_person">in person</span></dd>' in page
    assert '<a href="/countries/KR/">South Korea</a>, <a href="/countries/US/">United States</a>' in page


def test_participants_link_to_their_official_pages_with_their_roles(page, world):
    assert f'<a href="/officials/{world.hale.slug}/">Robert Hale</a>' in page
    assert '<td data-label="Role">Defense Secretary</td>' in page


def test_an_unresolved_participant_is_shown_as_written_without_a_link(client, world):
    Participant.objects.create(meeting=world.seoul, name="Gen. Park", country_id="KR")
    page = client.get(world.seoul.get_absolute_url()).content.decode()
    assert "Gen. Park <span class=\"muted\">(not matched to a known official)</span>" in page


def test_direct_quotes_are_set_apart_from_reported_statements(page):
    quoted, reported = page.split("<h3>Quoted directly</h3>")[1].split("<h3>Reported</h3>")
    assert "<blockquote><p>“Our alliance stands ready to answer any provocation on the peninsula.”</p></blockquote>" \
        in quoted
    assert '<p class="reported">The two militaries would share more information' in reported


def test_commitments_show_parties_due_date_and_status(page):
    commitment = page.split("Review the transfer of wartime operational control")[1].split("</li>\n</ul>")[0]
    assert 'Parties: <a href="/countries/KR/">South Korea</a>, <a href="/countries/US/">United States</a>' in commitment
    assert '<time datetime="2018-03-01">March 2018</time>' in commitment
    assert 'not checked</span>' in commitment


def test_an_extracted_commitment_past_its_due_day_is_not_called_overdue(page):
    commitment = page.split("Review the transfer of wartime operational control")[1].split("</li>\n</ul>")[0]
    assert "overdue" not in commitment
    assert ('due <time datetime="2018-03-01">March 2018</time>, status <span class="badge badge-status-unknown" '
            'title="Nobody has checked whether it was kept">not checked</span>') in commitment


def test_a_due_day_reads_as_a_fact_with_the_status_nobody_checked(client, world):
    commitment = world.seoul.commitments.get(text__startswith="Review the transfer")
    commitment.due, commitment.due_precision = date(2017, 10, 28), "day"
    commitment.save()
    page = client.get(world.seoul.get_absolute_url()).content.decode()
    shown = re.sub(r"<[^>]+>", "", page.split("Review the transfer of wartime operational control")[1]
                   .split("</li>")[0])
    assert shown.strip() == "due 28 Oct 2017, status not checked"


def test_a_commitment_staff_checked_as_open_and_past_due_is_overdue(client, world):
    commitment = world.seoul.commitments.get(text__startswith="Review the transfer")
    commitment.curated_fields = ["status"]
    commitment.save()
    page = client.get(world.seoul.get_absolute_url()).content.decode()
    shown = page.split("Review the transfer of wartime operational control")[1].split("</li>\n</ul>")[0]
    assert '<span class="badge badge-status-open">open</span> <span class="badge badge-overdue">overdue</span>' in shown


def test_sources_show_title_publisher_date_and_link(page, world):
    source = world.seoul.sources.get()
    assert f'<a href="/sources/{source.pk}/">Allies hold annual security talks in Seoul</a>' in page
    assert 'Example Wire, <time datetime="2017-10-23">23 October 2017</time>' in page
    assert 'href="https://news.example.org/seoul-talks"' in page


def test_each_fact_shows_its_source_sentence_and_links_to_it_in_the_source(page, world):
    source = world.seoul.sources.get()
    sentence = SEOUL_TALKS.splitlines()[3]
    start = SEOUL_TALKS.index(sentence)
    assert f"<blockquote>{sentence}</blockquote>" in page
    assert f'href="/sources/{source.pk}/#span-{start}-{start + len(sentence)}"' in page


def test_a_fact_without_a_source_shows_no_sentence(client, world):
    page = client.get(world.washington.get_absolute_url()).content.decode()
    assert "Source sentence" not in page


def test_links_to_the_previous_and_next_meeting_of_the_same_countries(page, world):
    assert f'<a rel="prev" href="{world.washington.get_absolute_url()}">' in page
    assert f'<a rel="next" href="{world.busan.get_absolute_url()}">' in page


def test_meetings_with_other_countries_too_are_not_neighbours(client, world):
    page = client.get(world.call.get_absolute_url()).content.decode()
    assert world.trilateral.get_absolute_url() not in page
    assert 'rel="prev"' not in page and 'rel="next"' not in page


def test_meetings_on_the_same_day_are_ordered_by_creation(client, world):
    same_day = make_meeting(["KR", "US"], day=date(2017, 10, 23), name="Second meeting that day")
    page = client.get(world.seoul.get_absolute_url()).content.decode()
    assert f'<a rel="next" href="{same_day.get_absolute_url()}">' in page


def test_an_undated_meeting_has_no_neighbours(client, world):
    undated = make_meeting(["KR", "US"], day=None, name="Some time")
    page = client.get(undated.get_absolute_url()).content.decode()
    assert "<dt>Date</dt><dd>unknown</dd>" in page and 'rel="prev"' not in page
