"""Page speed on a large database: the list, facet and detail pages over N meetings.

    .venv/bin/python bench/pages_bench.py [--meetings 20000] [--database-url postgres://postgres@127.0.0.1:5432/bench]

Builds N meetings (each with countries, two participants, a statement and a
commitment, and its search document) in a fresh database, then times each page
(median of 5 requests) and counts its SQL queries. Given a database that already
holds the bench's meetings, it measures them without building again. The lists must not slow down with N: they page by a
next-page probe and cap their counts.
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ["/", "/meetings/", "/meetings/?country=US", "/meetings/?country=KR", "/meetings/?country=US&country=JP",
         "/meetings/?country=US&country=KR&mode=phone", "/meetings/?q=maritime", "/meetings/?q=4242",
         "/meetings/?year=2015", "/meetings/2015/", "/meetings/2015/06/", "/meetings/bench-49999/",
         "/meetings/?format=json", "/api/meetings/", "/countries/US/", "/officials/", "/officials/bench-official-us/"]
PARTNERS = ["KR", "JP", "AU", "IN", "PH", "GB", "FR", "DE", "PL", "VN", "ID", "SG"]


def build(count):
    from meetings import search
    from meetings.aggregates import refresh_aggregates
    from meetings.models import Commitment, Meeting, Official, Participant, Statement

    rng = random.Random(7)
    us = Official.objects.create(name="Bench Official US", slug="bench-official-us", country_id="US",
                                 family_name="Official")
    partners = {code: Official.objects.create(name=f"Bench Official {code}", country_id=code, family_name="Official")
                for code in PARTNERS}
    meetings = Meeting.objects.bulk_create(
        Meeting(slug=f"bench-{i}", date=date(2005, 1, 1) + timedelta(days=rng.randrange(7000)), date_precision="day",
                format=rng.choice(["in_person", "in_person", "phone", "video"]), name=f"Bench talks {i}")
        for i in range(count))
    pairs = [(m, rng.choice(PARTNERS)) for m in meetings]
    Meeting.countries.through.objects.bulk_create(
        row for m, partner in pairs for row in (Meeting.countries.through(meeting=m, country_id="US"),
                                                Meeting.countries.through(meeting=m, country_id=partner)))
    Participant.objects.bulk_create(
        row for m, partner in pairs
        for row in (Participant(meeting=m, official=us, name=us.name, country_id="US"),
                    Participant(meeting=m, official=partners[partner], name=f"Bench Official {partner}",
                                country_id=partner)))
    topics = ["maritime security", "missile defense", "cyber cooperation", "joint exercises"]
    Statement.objects.bulk_create(Statement(meeting=m, text=f"stressed {rng.choice(topics)} cooperation")
                                  for m in meetings)
    Commitment.objects.bulk_create(Commitment(meeting=m, text=f"hold talks on {rng.choice(topics)}")
                                   for m in meetings)
    search.refresh_all()
    refresh_aggregates()  # bulk_create sends no signal


def explain_slowest(queries, top):
    """EXPLAIN (ANALYZE, BUFFERS) of the page's ``top`` slowest queries (PostgreSQL)."""
    from django.db import connection

    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:top]:
        print(f"  -- {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            print("\n".join("     " + row[0] for row in cursor.fetchall()))


def measure(client, url, explain=0):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    if explain:
        explain_slowest(queries, explain)
    return statistics.median(timings) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=20000)
    parser.add_argument("--database-url")
    parser.add_argument("--explain", type=int, default=0, metavar="N",
                        help="print EXPLAIN (ANALYZE, BUFFERS) of each page's N slowest queries (PostgreSQL)")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/pages.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client, override_settings
        from django.test.utils import setup_test_environment

        setup_test_environment()
        override_settings(STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }).enable()
        from meetings.models import Meeting

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        if Meeting.objects.filter(slug="bench-0").exists():
            print(f"{Meeting.objects.count()} meetings already built")
        else:
            build(args.meetings)
            print(f"{args.meetings} meetings built in {time.perf_counter() - started:.1f} s "
                  f"({os.environ['DATABASE_URL'].split(':')[0]})")
        client = Client()
        for url in args.pages:
            ms, queries = measure(client, url, args.explain)
            print(f"{url:50s} {ms:7.1f} ms  {queries:3d} queries")


if __name__ == "__main__":
    main()
