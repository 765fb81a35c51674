"""Shared by test_golden.py and regenerate_golden.py: how a golden article is extracted and shown."""
from pathlib import Path

from ingest.pipeline import extract_document
from testkb import small_kb

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "golden"
KB = small_kb()


def articles() -> list[Path]:
    return sorted(p for p in GOLDEN_DIR.iterdir() if p.suffix in (".txt", ".html"))


def expected_path(article: Path) -> Path:
    return article.with_name(article.stem + ".expected.json")


def golden_view(article: Path) -> dict:
    """The GUIDE shape of an article's extraction, with each fact's sentence quoted from the text."""
    doc = extract_document(article.name, article.read_text(encoding="utf-8"), KB)
    view = doc.as_gold()
    view["title"] = doc.title
    for meeting, extracted in zip(view["meetings"], doc.meetings):
        meeting["sentence"] = _quote(doc.text, extracted.span)
        for key in ("statements", "commitments"):
            for item, fact in zip(meeting[key], getattr(extracted, key)):
                item["sentence"] = _quote(doc.text, fact.span)
    return view


def _quote(text: str, span) -> str | None:
    return text[span[0]:span[1]] if span else None
