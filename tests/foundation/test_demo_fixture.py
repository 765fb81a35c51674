"""The demo fixture (`make fixtures`: the shared seeds and real corpus through our own ingest) loads into a fresh
database, shows a real spread of meetings, names where each article was published, and carries no article's text."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from meetings.models import Country, Meeting, Source

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "demo.json"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The fixture loaded once for this module (loading takes seconds), inside a transaction undone at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", str(FIXTURE), verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    pass


def test_the_demo_fixture_loads_meetings_with_their_sources(demo):
    assert Meeting.objects.exists()
    assert all(meeting.sources.exists() for meeting in Meeting.objects.all())


def test_the_demo_shows_at_least_sixty_meetings_across_thirty_countries(demo):
    assert Meeting.objects.count() >= 60
    assert Country.objects.filter(meetings__isnull=False).distinct().count() >= 30


def test_the_demo_carries_no_articles_text():
    records = json.loads(FIXTURE.read_text())
    sources = [record["fields"] for record in records if record["model"] == "meetings.source"]
    assert sources
    assert all(fields["raw_content"] == "" and fields["cleaned_text"] == "" for fields in sources)


def test_each_real_article_in_the_demo_links_to_where_it_was_published(demo):
    real = Source.objects.filter(file_name__contains="corpus/real/")
    assert real.exists()
    assert not real.exclude(url__startswith="http").exists()
    assert not real.filter(publisher="").exists()


def test_each_demo_meeting_keeps_the_evidence_it_was_built_from(demo):
    assert not Meeting.objects.exclude(evidence__kind="reported").exists()


def test_a_demo_source_page_says_its_text_is_not_stored_and_links_to_the_original(demo, client):
    source = Source.objects.filter(file_name__contains="corpus/real/", meetings__isnull=False).first()
    page = client.get(source.get_absolute_url()).content.decode()
    assert "This article's text is not stored here" in page
    assert f'href="{source.url}"' in page
    assert 'id="evidence-heading"' in page
