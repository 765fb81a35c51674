#!/usr/bin/env python3
"""Extract with the knowledge base's officials removed, as for officials the KB has never heard of.

    .venv/bin/python eval/without_officials.py DIR > var/nokb.json
    .venv/bin/python eval/score_real.py var/nokb.json          # or ../shared/eval/score.py GOLD var/nokb.json

Every official in a hidden article the KB does not know must be found from the text alone: by his title, the
government it names, the sentence's other side or the article's lead. On the real corpus with the KB, a rule that
fits one article's wording hides behind the KB's names; without them, participants found or lost show whether the
text-only mechanisms generalize. Countries, groups and offices stay; only people are dropped. Run from the
worktree root (the pipeline is imported from there); no database is read.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from ingest.knowledge import KnowledgeBase  # noqa: E402
from ingest.pipeline import ExtractionError, extract_document  # noqa: E402


def main(argv=None):
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        sys.exit(__doc__.splitlines()[2].strip())
    kb = KnowledgeBase.from_data_files()
    kb.officials = []
    documents = []
    for path in sorted(Path(args[0]).iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        try:
            document = extract_document(str(path), path.read_text(encoding="utf-8", errors="replace"), kb,
                                        content_type="text/html" if path.suffix == ".html" else "text/plain")
        except ExtractionError:
            continue
        documents.append(document.as_gold())
    print(json.dumps({"documents": documents}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
