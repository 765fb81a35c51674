"""Where one page's uncached rendering goes: its queries (through Django's test client, the page cache off), each
EXPLAIN ANALYZEd, and the time outside the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/profile_page.py PATH [PATH ...]
        [--repeat 5] [--plans 2]

Prints, for each path: the median wall time of --repeat requests, the query count, the sum of the queries' execution
times (EXPLAIN ANALYZE, so the rest is Python: the view, the templates), each query's time and first 160
characters, slowest first, and the full plans of the --plans slowest.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plans", type=int, default=2)
    args = parser.parse_args()
    os.environ.update({"PAGE_CACHE": "0", "DEBUG": "0", "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "0"})
    os.environ.setdefault("SECRET_KEY", "profile-page-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    for path in args.paths:
        walls = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path).status_code
            walls.append((time.perf_counter() - started) * 1000)
        timed = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                plan = [line for line, in cursor.fetchall()]
                timed.append((float(plan[-1].split(":")[1].split()[0]), query["sql"], plan))
        timed.sort(key=lambda item: -item[0])
        print(f"{path}: status {status}, median {statistics.median(walls):.1f} ms of {args.repeat} requests, "
              f"{len(captured.captured_queries)} queries, {sum(t for t, _, _ in timed):.1f} ms executing them")
        for ms, sql, _ in timed:
            print(f"  {ms:8.2f} ms  {sql[:160]}")
        for ms, sql, plan in timed[:args.plans]:
            print(f"\n  {ms:.2f} ms: {sql}\n    " + "\n    ".join(plan))
        print()


if __name__ == "__main__":
    main()
