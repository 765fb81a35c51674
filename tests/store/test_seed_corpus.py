"""Extraction quality on the shared seed corpus, scored by ../shared/eval/score.py against the gold files.

These five articles are a smoke test, not the target: the same scorer runs on
articles we never see. Skipped when ../shared is absent.
"""
import json
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from tests.store.scoring import SCORER, SHARED, score_below_floors

SEEDS, GOLD = SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds"
THRESHOLDS = {"meetings": 0.90, "participants": 0.90, "statements": 0.75, "commitments": 0.75}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not (SEEDS.is_dir() and SCORER.is_file()),
                       reason=f"the shared corpus and scorer are not at {SHARED}"),
]


def test_seed_extraction_reaches_the_quality_bar(tmp_path):
    assert not score_below_floors(SEEDS, GOLD, THRESHOLDS, tmp_path)


def test_ingesting_every_seed_stores_each_meeting_once_with_all_its_sources():
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    reports = defaultdict(set)
    for gold in GOLD.glob("*.json"):
        document = json.loads(gold.read_text())
        for meeting in document["meetings"]:
            if meeting["date"]:
                reports[(meeting["date"], tuple(sorted(meeting["countries"])))].add(document["source"])
    stored = defaultdict(list)
    for meeting in Meeting.objects.exclude(date=None).prefetch_related("countries", "sources"):
        key = (meeting.date.isoformat(), tuple(sorted(c.code for c in meeting.countries.all())))
        stored[key].append({Path(s.file_name).name for s in meeting.sources.all()})
    for key, sources in reports.items():
        assert len(stored[key]) == 1, f"{key} stored {len(stored[key])} times"
        assert stored[key][0] == sources, key
