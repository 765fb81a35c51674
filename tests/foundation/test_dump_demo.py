"""`manage.py dump_demo`: what was extracted, with its evidence, and no article's text unless asked."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from meetings.models import Evidence
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db


def test_dump_demo_leaves_the_text_out_unless_asked_to_keep_it(tmp_path):
    source = make_source("Two ministers met in Lisbon on Monday.")
    meeting = make_meeting(["ES", "PT"])
    meeting.sources.add(source)
    Evidence.objects.create(meeting=meeting, source=source, kind="reported", span_start=0, span_end=38)
    for options, kept in (([], ""), (["--keep-text"], source.cleaned_text)):
        path = tmp_path / "demo.json"
        call_command("dump_demo", str(path), *options, stdout=StringIO())
        records = json.loads(path.read_text())
        fields = next(r["fields"] for r in records if r["model"] == "meetings.source")
        assert fields["raw_content"] == kept and fields["cleaned_text"] == kept
        assert any(r["model"] == "meetings.evidence" for r in records)
