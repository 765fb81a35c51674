#!/usr/bin/env python3
"""Extract with the body's sentence rules switched off, so only the headline-and-lead fallback speaks.

    .venv/bin/python eval/lead_only.py DIR > var/lead-only.json
    .venv/bin/python eval/score_real.py var/lead-only.json --part tune --notes

On an article we tuned on, the body rules usually find the meeting first, which hides whether the fallback would
have: on an unseen article whose wording the body rules miss, the fallback is all there is. Scoring the fallback
alone on every tuning article measures it on many more reports than the few it rescues in a normal run. Run from
the worktree root; no database is read.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import ingest.meetings  # noqa: E402
from django.core.management import call_command  # noqa: E402


def main(argv=None):
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        sys.exit(__doc__.splitlines()[2].strip())
    ingest.meetings._find_drafts = lambda view: []
    call_command("ingest", "--dry-run", "--json", args[0])


if __name__ == "__main__":
    main()
