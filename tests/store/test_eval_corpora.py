"""Extraction quality on our own development corpora (eval/), scored like the shared seeds.

These articles were written from the annotation guide, independently of the
extractor; the floors guard against a change that fits one text and breaks a kind
of article. The strict holdout (eval/holdout/) is never tested here: it is scored
by hand (`make holdout`) and must not steer the rules.
"""
import pytest

from tests.store.scoring import ROOT, SCORER, score_below_floors

FLOORS = {
    "eval": {"meetings": 0.95, "participants": 0.95, "statements": 0.85, "commitments": 0.85},
    "eval/dev2": {"meetings": 0.85, "participants": 0.85, "statements": 0.75, "commitments": 0.85},
    "eval/dev3": {"meetings": 0.90, "participants": 0.90, "statements": 0.85, "commitments": 0.90},
    "eval/dev4": {"meetings": 0.90, "participants": 0.90, "statements": 0.80, "commitments": 0.85},
    "eval/dev5": {"meetings": 0.75, "participants": 0.90, "statements": 0.85, "commitments": 0.90},
    "eval/dev6": {"meetings": 0.90, "participants": 0.90, "statements": 0.80, "commitments": 0.85},
}

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not SCORER.is_file(), reason=f"the shared scorer is not at {SCORER}")]


@pytest.mark.parametrize("corpus", FLOORS)
def test_extraction_stays_above_its_floor(corpus, tmp_path):
    assert not score_below_floors(ROOT / corpus / "articles", ROOT / corpus / "gold", FLOORS[corpus], tmp_path)
