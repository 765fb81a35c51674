"""Rewrite tests/golden/*.expected.json after a deliberate change to the extractor.

    .venv/bin/python tests/ingest/regenerate_golden.py

Review every changed file (git diff tests/golden) before accepting it.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent.parent)]

from golden import articles, expected_path, golden_view  # noqa: E402


def main() -> None:
    for article in articles():
        path = expected_path(article)
        path.write_text(json.dumps(golden_view(article), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
