"""Extraction quality on the shared corpus of real published articles, scored by ../shared/eval/score.py.

Real reporting is the only evidence of quality (our invented sets read cleaner than
what outlets publish). The floors sit just under what the extractor reaches, so a
change that fits one article and breaks a kind of article fails here. Skipped when
../shared is absent.
"""
import pytest

from tests.store.scoring import SCORER, SHARED, score_below_floors

REAL, GOLD = SHARED / "corpus" / "real", SHARED / "gold" / "real"
FLOORS = {"meetings": 0.82, "participants": 0.86, "statements": 0.71, "commitments": 0.69, "date": 0.93}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not (REAL.is_dir() and SCORER.is_file()), reason=f"the shared real corpus is not at {SHARED}"),
]


def test_real_articles_stay_above_their_floors(tmp_path):
    assert not score_below_floors(REAL, GOLD, FLOORS, tmp_path)
