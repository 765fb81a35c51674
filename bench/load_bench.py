"""Load: 32 clients for 60 s on gunicorn and PostgreSQL while an ingest of 1,000 articles writes to that database.

    .venv/bin/python bench/load_bench.py [--clients 32] [--seconds 60] [--articles 1000]
                                         [--server postgres://postgres@127.0.0.1:5432] [--database ministerial_load]

Needs wrk (`apt-get install -y wrk`) and a PostgreSQL server. The database is created for the run (the demo data
loaded, as CI's smoke run does) and dropped at the end. gunicorn runs the production command (gunicorn.conf.py,
DEBUG off). The articles are invented (bench/load_articles.py): 500 meetings, each reported twice.

While wrk holds the clients on the list, a meeting, a filtered list, a search, an official, a country, the API and
the CSV export, `manage.py ingest` writes the articles, and PostgreSQL's activity is sampled five times a second for
any query waiting on a lock. Afterwards the database must hold every source with a status, exactly the meetings the
articles report and no meeting twice. Exits 1 when a check fails.
"""
import argparse
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_articles import write_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ACCESS_LINE = re.compile(r'"GET (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) \S+ (?P<ms>\d+)ms')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def recreate_database(server: str, name: str, *, create: bool = True):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if create:
            admin.execute(f"CREATE DATABASE {name}")


def manage(env, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def pages_to_load(database_url: str) -> list[str]:
    """The paths the clients go round, on the demo data's busiest meeting, official and country."""
    with psycopg.connect(database_url) as db:
        slug, year = db.execute(
            "SELECT m.slug, EXTRACT(YEAR FROM m.date)::int FROM meetings_meeting m "
            "JOIN meetings_meeting_sources s ON s.meeting_id = m.id WHERE m.date IS NOT NULL "
            "GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1").fetchone()
        official, = db.execute(
            "SELECT o.slug FROM meetings_official o JOIN meetings_participant p ON p.official_id = o.id "
            "GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1").fetchone()
        country, = db.execute(
            "SELECT country_id FROM meetings_meeting_countries GROUP BY country_id "
            "ORDER BY count(*) DESC, country_id LIMIT 1").fetchone()
    return ["/meetings/", f"/meetings/{slug}/", f"/meetings/?country={country}&year={year}", "/meetings/?q=missile",
            f"/officials/{official}/", f"/countries/{country}/", "/api/meetings/", "/meetings/?format=csv"]


def wait_until_serving(base: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


class LockWatch(threading.Thread):
    """Samples pg_stat_activity: every query of the load database seen waiting on a lock, and for how long."""

    def __init__(self, database_url: str, name: str, interval: float = 0.2):
        super().__init__(daemon=True)
        self.database_url, self.name, self.interval = database_url, name, interval
        self.stopping = threading.Event()
        self.samples = 0
        self.waits = []  # (wait_event, seconds waited so far, query)

    def run(self):
        with psycopg.connect(self.database_url, autocommit=True) as db:
            while not self.stopping.wait(self.interval):
                self.samples += 1
                self.waits += db.execute(
                    "SELECT wait_event, EXTRACT(EPOCH FROM now() - query_start)::float, left(query, 120) "
                    "FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
                    [self.name]).fetchall()


def run_wrk(base: str, paths: list[str], clients: int, seconds: int) -> dict:
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
               "-s", str(ROOT / "bench" / "load_wrk.lua"), base]
    output = subprocess.run(command, env={**os.environ, "LOAD_PATHS": " ".join(paths)}, capture_output=True, text=True,
                            check=True).stdout
    figures, per_second = {}, {}
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "second":
            per_second[int(words[1])] = int(words[2])
        elif len(words) == 2 and words[1].isdigit():
            figures[words[0]] = int(words[1])
    figures["per_second"] = per_second
    return figures


def access_log_by_path(log: Path) -> dict:
    """Per path of the access log: answers, their statuses and the server's own times in ms."""
    by_path = defaultdict(lambda: {"statuses": defaultdict(int), "ms": []})
    for match in ACCESS_LINE.finditer(log.read_text(errors="replace")):
        entry = by_path[match["path"]]
        entry["statuses"][match["status"]] += 1
        entry["ms"].append(int(match["ms"]))
    return by_path


def percentile(values: list, share: float):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def check_database(database_url: str, meetings, article_count: int, started: float, stopped: float) -> dict:
    """What the ingest left: sources by status, the articles' meetings, duplicates, and its rate during the load."""
    with psycopg.connect(database_url) as db:
        statuses = dict(db.execute(
            "SELECT status, count(*) FROM meetings_source WHERE file_name LIKE %s GROUP BY status",
            ["%/load-%"]).fetchall())
        unstatused = db.execute("SELECT count(*) FROM meetings_source WHERE file_name LIKE %s AND "
                                "status NOT IN ('ok', 'no_meetings', 'failed')", ["%/load-%"]).fetchone()[0]
        rows = db.execute(
            "SELECT m.id, m.date, array_agg(DISTINCT c.country_id ORDER BY c.country_id), "
            "       count(DISTINCT s.id) FILTER (WHERE s.file_name LIKE %s) "
            "FROM meetings_meeting m JOIN meetings_meeting_countries c ON c.meeting_id = m.id "
            "LEFT JOIN meetings_meeting_sources ms ON ms.meeting_id = m.id "
            "LEFT JOIN meetings_source s ON s.id = ms.source_id "
            "GROUP BY m.id", ["%/load-%"]).fetchall()
        during_load = db.execute(
            "SELECT count(*) FROM meetings_source WHERE file_name LIKE %s AND ingested_at BETWEEN "
            "to_timestamp(%s) AND to_timestamp(%s)", ["%/load-%", started, stopped]).fetchone()[0]
        total_meetings = db.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]
    from_articles = [(day, frozenset(countries), reports) for _, day, countries, reports in rows if reports]
    expected = {(meeting.day, meeting.countries) for meeting in meetings}
    found = defaultdict(list)
    for day, countries, reports in from_articles:
        found[(day, countries)].append(reports)
    everyone = defaultdict(int)  # every meeting, the demo data's too, by day and countries
    for _, day, countries, _ in rows:
        everyone[(day, frozenset(countries))] += 1
    return {
        "sources": sum(statuses.values()), "statuses": statuses, "unstatused": unstatused,
        "meetings_from_articles": len(from_articles), "meetings_expected": len(expected),
        "expected_found_once_with_both_reports": sum(found.get(key) == [2] for key in expected),
        "unexpected": len(set(found) - expected),
        "duplicates": sum(everyone[key] > 1 for key in found),
        "total_meetings": total_meetings, "sources_during_load": during_load, "articles": article_count,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--articles", type=int, default=1000, help="an even number: two reports a meeting")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="ministerial_load")
    parser.add_argument("--latency-bound", type=float, default=10.0,
                        help="seconds no request may exceed (gunicorn's own timeout is 30)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("load_bench: wrk is not installed (apt-get install -y wrk)")

    database_url = f"{args.server}/{args.database}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DEBUG": "0", "DATABASE_URL": database_url, "ALLOWED_HOSTS": "127.0.0.1",
           "SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0",
           "CSRF_COOKIE_SECURE": "0", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    recreate_database(args.server, args.database)
    gunicorn = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            articles = workdir / "articles"
            articles.mkdir()
            meetings = write_articles(articles, args.articles)
            manage(env, "migrate", "--no-input", "-v0")
            manage(env, "loaddata", "fixtures/demo.json", "-v0")
            manage(env, "rebuild_search")
            manage(env, "collectstatic", "--no-input", "-v0")
            paths = pages_to_load(database_url)

            access_log = workdir / "gunicorn.log"
            with access_log.open("a") as log:  # appended to, so that emptying it after the warm-up works
                gunicorn = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py",
                                             "config.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            wait_until_serving(base, time.monotonic() + 60)
            before = {path: fetch_status(base + path) for path in paths}
            if any(status != 200 for status in before.values()):
                raise SystemExit(f"load_bench: a page fails before the load: {before}")
            access_log.write_text("")  # the warm-up requests are not part of the figures

            watch = LockWatch(database_url, args.database)
            watch.start()
            ingest_log = workdir / "ingest.log"
            with ingest_log.open("w") as log:
                ingest_started = time.time()
                ingest = subprocess.Popen([PYTHON, "manage.py", "ingest", str(articles)], cwd=ROOT, env=env,
                                          stdout=log, stderr=subprocess.STDOUT)
                load_started = time.time()
                load = run_wrk(base, paths, args.clients, args.seconds)
                load_stopped = time.time()
                ingest_during_load = ingest.poll() is None
                ingest_status = ingest.wait()
                ingest_seconds = time.time() - ingest_started
            watch.stopping.set()
            watch.join()
            gunicorn.terminate()
            gunicorn.wait(timeout=60)
            gunicorn = None
            served = access_log_by_path(access_log)
            stored = check_database(database_url, meetings, args.articles, load_started, load_stopped)
            ingest_tail = ingest_log.read_text().splitlines()[-3:]
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=60)
        recreate_database(args.server, args.database, create=False)

    seconds = sorted(load["per_second"])
    timeline = [load["per_second"].get(second, 0) for second in range(seconds[0], seconds[-1] + 1)]
    socket_errors = sum(load[f"errors_{kind}"] for kind in ("connect", "read", "write", "timeout"))
    print(f"load: {args.clients} clients for {load['duration_us'] / 1e6:.1f} s on {len(paths)} paths, "
          f"{len(meetings)} meetings in {args.articles} articles ingested at the same time")
    print(f"requests {load['requests']} ({load['requests'] / (load['duration_us'] / 1e6):.1f}/s); latency "
          f"p50 {load['latency_p50_us'] / 1000:.0f} ms, p95 {load['latency_p95_us'] / 1000:.0f} ms, "
          f"p99 {load['latency_p99_us'] / 1000:.0f} ms, max {load['latency_max_us'] / 1000:.0f} ms")
    print(f"errors: {load['errors_status']} answers not 2xx/3xx, {socket_errors} socket errors "
          f"(connect {load['errors_connect']}, read {load['errors_read']}, write {load['errors_write']}, "
          f"timeout {load['errors_timeout']})")
    print(f"answers per second: min {min(timeline)}, median {statistics.median(timeline):.0f}, max {max(timeline)} "
          f"over {len(timeline)} seconds: {' '.join(map(str, timeline))}")
    print("per path (the server's own time, from gunicorn's access log): answers, p50 / p99 / max ms, statuses")
    for path in paths:
        entry = served.get(path)
        print(f"  {path}: none" if entry is None else
              f"  {path}: {len(entry['ms'])}, {percentile(entry['ms'], 0.5)} / {percentile(entry['ms'], 0.99)} / "
              f"{max(entry['ms'])} ms, {dict(entry['statuses'])}")
    print(f"lock waits seen in {watch.samples} samples of pg_stat_activity: {len(watch.waits)}"
          + "".join(f"\n  {event} {waited:.2f} s: {query}" for event, waited, query in watch.waits[:10]))
    print(f"ingest: exit {ingest_status}, {args.articles} articles in {ingest_seconds:.1f} s = "
          f"{args.articles / ingest_seconds:.1f} articles/s; {stored['sources_during_load']} sources stored during "
          f"the load ({stored['sources_during_load'] / (load_stopped - load_started):.1f}/s); "
          f"{'still running when the load ended' if ingest_during_load else 'ended before the load did'}; "
          f"{' | '.join(ingest_tail)}")
    print(f"stored: {stored['sources']} sources {stored['statuses']}, {stored['unstatused']} without a status; "
          f"{stored['meetings_from_articles']} meetings from the articles ({stored['meetings_expected']} expected, "
          f"{stored['expected_found_once_with_both_reports']} found once with both reports, {stored['unexpected']} "
          f"unexpected); {stored['duplicates']} of their days and countries held by two meetings "
          f"(among all {stored['total_meetings']} meetings, the demo data's included)")

    checks = {
        "every answer 2xx/3xx, no socket error": load["errors_status"] == 0 and socket_errors == 0,
        f"no request slower than {args.latency_bound:g} s": load["latency_max_us"] / 1e6 < args.latency_bound,
        "answers in every second of the load": min(timeline) > 0,
        "no query waited on a lock": not watch.waits,
        "the ingest exited 0": ingest_status == 0,
        "every article stored as a source with a status":
            stored["sources"] == args.articles and stored["unstatused"] == 0,
        "every meeting stored once, with both its reports": stored["expected_found_once_with_both_reports"]
            == stored["meetings_expected"] == stored["meetings_from_articles"],
        "no duplicate meeting": stored["duplicates"] == 0,
    }
    for name, passed in checks.items():
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
