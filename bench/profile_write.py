#!/usr/bin/env python3
"""Where one ingest batch's write goes: queries per statement kind and table, and (with --stats) a cProfile.

    .venv/bin/python bench/profile_write.py --articles 200 --batch-size 100 \
        --database-url postgres://postgres@127.0.0.1:5432/profile_write [--stats]

Invented articles of distinct meetings (bench/ingest_bench.py's generator) are extracted first; only the writes
are timed. The database is created afresh (PostgreSQL) and migrated. Run from the repository root.
"""
import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--stats", action="store_true", help="print the 45 costliest calls, cumulative")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import ingest_bench
    if args.database_url.startswith("postgres"):
        ingest_bench.fresh_database(args.database_url)
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ingest.knowledge import KnowledgeBase
    from ingest.pipeline import extract_document
    from ingest.sources import load
    from ingest.writer import write_batch

    call_command("migrate", verbosity=0)
    kb = KnowledgeBase.from_data_files()
    with tempfile.TemporaryDirectory() as folder:
        items = []
        for path in ingest_bench.make_invented(args.articles, Path(folder)):
            raw = next(iter(load(str(path))))
            items.append((raw, extract_document(raw.location, raw.content, kb, content_type=raw.content_type), ""))
    profile = cProfile.Profile()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        profile.enable()
        for first in range(0, len(items), args.batch_size):
            write_batch(items[first:first + args.batch_size])
        profile.disable()
    elapsed = time.perf_counter() - started
    in_database = sum(float(q["time"]) for q in queries.captured_queries)
    count = len(items)
    print(f"{count} articles, batch {args.batch_size}: {elapsed:.2f} s = {elapsed / count * 1000:.1f} ms/article; "
          f"{len(queries)} queries ({len(queries) / count:.1f}/article), query time {in_database:.2f} s")
    kinds = Counter()
    for query in queries.captured_queries:
        sql = query["sql"]
        table = next((w for w in sql.replace('"', " ").split() if w.startswith(("meetings_", "ingest_"))), "?")
        kinds[(sql.split()[0], table)] += 1
    for kind, number in kinds.most_common(40):
        print(f"  {number:6d} {kind}")
    if args.stats:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
