"""Every admin list and form renders, with the source sentence beside each extracted record."""
import pytest
from django.urls import reverse

from meetings.models import Commitment, Official, Participant, Statement
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db

MODELS = ["meeting", "participant", "statement", "commitment", "source", "country", "countrygroup", "office",
          "official"]


@pytest.fixture
def meeting():
    source = make_source("Ana Example met Rui Sample. They condemned the attack.")
    meeting = make_meeting(countries=["PT", "ES"], participants=[("Ana Example", "PT", None)])
    meeting.sources.add(source)
    Statement.objects.create(meeting=meeting, text="condemned the attack", source=source, span_start=28, span_end=54)
    Commitment.objects.create(meeting=meeting, text="hold talks", source=source, span_start=0, span_end=27)
    return meeting


@pytest.mark.parametrize("model", MODELS)
def test_the_list_renders(staff_client, meeting, model):
    assert staff_client.get(reverse(f"admin:meetings_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_the_add_form_renders(staff_client, model):
    assert staff_client.get(reverse(f"admin:meetings_{model}_add")).status_code == 200


def test_the_meeting_form_shows_its_records_with_their_source_sentences(staff_client, meeting):
    page = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert "Ana Example" in page
    assert "<q>They condemned the attack.</q>" in page


@pytest.mark.parametrize("model", [Participant, Statement, Commitment])
def test_each_extracted_record_form_renders(staff_client, meeting, model):
    record = model.objects.get()
    url = reverse(f"admin:meetings_{model._meta.model_name}_change", args=[record.pk])
    assert staff_client.get(url).status_code == 200


def test_the_official_form_lists_the_offices_held(staff_client):
    official = Official.objects.filter(tenures__isnull=False).first()
    tenure = official.tenures.order_by("start").first()
    page = staff_client.get(reverse("admin:meetings_official_change", args=[official.pk])).content.decode()
    assert f'name="tenures-0-start" value="{tenure.start.isoformat()}"' in page
