"""Each golden article extracts exactly as its reviewed expected file says."""
import json

import pytest

from golden import articles, expected_path, golden_view


@pytest.mark.parametrize("article", articles(), ids=lambda p: p.name)
def test_golden_article(article):
    expected = json.loads(expected_path(article).read_text(encoding="utf-8"))
    assert golden_view(article) == expected
