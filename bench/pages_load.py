"""Pages under load at N meetings: each page driven by wrk beside a trivial /ok/ view, on gunicorn and PostgreSQL.

    .venv/bin/python bench/pages_load.py [--meetings 100000] [--server postgres://postgres@127.0.0.1:5432]
        [--database NAME] [--seconds 10] [--ok-seconds 5] [--connections 8] [--json] [--explain] [--no-datasette]

The database (default ministerial_pages_<N>) is kept between runs: it is reused when it holds exactly N meetings and
no real source, else created again and filled by `manage.py synthesize --meetings N`; `migrate` runs either way,
so the same database serves any branch. gunicorn runs the production settings (gunicorn.conf.py, 2 workers, DEBUG
off, a random SECRET_KEY) with bench/pages_urls.py's URLconf, the site's plus /ok/ (no database). For each page,
wrk (apt-get install -y wrk), from its own process, holds 8 connections on /ok/ and then on the page; the table gives
the page's p50/p95/p99 latency, requests/s and errors (answers of 400 and above, socket errors), and its ratio to the
/ok/ figures measured just before it.

Datasette (`pip install -e '.[bench]'`) serves the same meetings, their countries and participants, copied into a
SQLite file, and is measured the same way on a faceted list filtered by one country and on one row, beside its own
floor (/-/versions.json).

--page-cache on (default) serves with the page cache (meetings/pagecache.py), off without it, both off then on in
one run; REDIS_URL in the environment puts it in Redis (shared by the workers) instead of each worker's memory. Each
row gives the page's first request (cold: nothing cached, with the cache on a miss that renders and stores) and the
load average when its run started. --only LABEL measures only the pages whose label starts with LABEL.

--explain prints, for the list, facet, official and country pages, each page's query count and the plans
(EXPLAIN (ANALYZE, BUFFERS)) of its slowest queries, captured through Django's test client.
"""
import argparse
import json
import math
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
WRK_SCRIPT = BENCH / "load_wrk.lua"
CSV_ROWS = 10_000
MAX_SECONDS = 120  # the longest wrk run on one page
EXPLAINED_PAGES = ["/meetings/", "/meetings/?country=KR", "/meetings/?country=US&country=JP", "/meetings/?q=maritime",
                   "/officials/", "{official}", "/countries/US/"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The database --------------------------------------------------------------------------------


def holds_meetings(database_url: str, count: int) -> bool:
    """Whether the database exists and holds exactly ``count`` meetings and no real source."""
    try:
        with psycopg.connect(database_url) as db:
            meetings, = db.execute("SELECT count(*) FROM meetings_meeting").fetchone()
            real, = db.execute("SELECT count(*) FROM meetings_source WHERE url NOT LIKE 'https://synthetic.invalid/%%'"
                               ).fetchone()
    except psycopg.Error:
        return False
    return meetings == count and real == 0


def prepare_database(server: str, name: str, count: int, env: dict) -> dict:
    """Reuse or build the database; returns how (and, when built, how long synthesize took)."""
    database_url = f"{server}/{name}"
    reused = holds_meetings(database_url, count)
    if not reused:
        log(f"creating {name} and synthesizing {count} meetings")
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "--no-input", "-v0")
    built = {"database": name, "reused": reused}
    if not reused:
        started = time.perf_counter()
        manage(env, "synthesize", "--meetings", str(count))
        built["synthesize_seconds"] = round(time.perf_counter() - started, 1)
    with psycopg.connect(database_url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    manage(env, "collectstatic", "--no-input", "-v0")
    return built


def manage(env, *arguments):
    """A management command, its output on stderr (stdout is the report's)."""
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True, stdout=sys.stderr)


def pages_of(database_url: str) -> list[tuple[str, str]]:
    """(label, path) of every page measured, on this database's busiest official and a typical meeting."""
    with psycopg.connect(database_url) as db:
        official, = db.execute("SELECT slug FROM meetings_official ORDER BY meeting_count DESC, id LIMIT 1").fetchone()
        meeting, = db.execute(
            "SELECT m.slug FROM meetings_meeting m WHERE m.date IS NOT NULL AND "
            "(SELECT count(*) FROM meetings_meeting_sources s WHERE s.meeting_id = m.id) = 2 "
            "ORDER BY m.date DESC, m.id DESC LIMIT 1").fetchone()
        since, = db.execute("SELECT date FROM meetings_meeting WHERE date IS NOT NULL "
                            "ORDER BY date DESC LIMIT 1 OFFSET %s", [CSV_ROWS - 1]).fetchone()
        csv_rows, = db.execute("SELECT count(*) FROM meetings_meeting WHERE date >= %s", [since]).fetchone()
    return [
        ("home", "/"),
        ("list (facets)", "/meetings/"),
        ("list, one country", "/meetings/?country=KR"),
        ("list, two countries", "/meetings/?country=US&country=JP"),
        ("full-text search", "/meetings/?q=maritime"),
        ("one meeting", f"/meetings/{meeting}/"),
        ("officials", "/officials/"),
        ("busiest official", f"/officials/{official}/"),
        ("country", "/countries/US/"),
        ("month", "/meetings/2015/06/"),
        (f"CSV, {csv_rows:,} rows", f"/meetings/?format=csv&date_after={since.isoformat()}"),
        ("JSON list (page)", "/meetings/?format=json"),
        ("API list", "/api/meetings/"),
    ]


# Serving and measuring -----------------------------------------------------------------------


def wait_until_serving(url: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(base: str, path: str, connections: int, seconds: int) -> dict:
    """wrk on one path (or on several, separated by spaces, each asked once) from its own process
    (bench/load_wrk.lua prints the figures)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", str(WRK_SCRIPT), base]
    stride = str(max(1, len(path.split()) // 2))  # two threads: each its own half of the paths
    with tempfile.NamedTemporaryFile("w", suffix=".paths") as listed:
        listed.write(path)
        listed.flush()
        output = subprocess.run(command, env={**os.environ, "LOAD_PATHS_FILE": listed.name, "LOAD_STRIDE": stride},
                                capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in output.splitlines():
        words = line.split()
        if len(words) == 2 and words[1].isdigit():
            figures[words[0]] = int(words[1])
    seconds_run = figures["duration_us"] / 1e6
    return {
        "requests": figures["requests"],
        "requests_per_second": round(figures["requests"] / seconds_run, 1),
        "p50_ms": figures["latency_p50_us"] / 1000, "p95_ms": figures["latency_p95_us"] / 1000,
        "p99_ms": figures["latency_p99_us"] / 1000,
        "errors_status": figures["errors_status"],
        "errors_socket": sum(figures[f"errors_{kind}"] for kind in ("connect", "read", "write", "timeout")),
    }


def drain(base: str, floor_path: str, workers: int, deadline: float = 300):
    """Wait until every worker is free: wrk stops at the end of its run, but the server still works through the
    requests it had taken, and a floor measured behind them would wait for them."""
    give_up = time.monotonic() + deadline
    with ThreadPoolExecutor(workers) as pool:
        while time.monotonic() < give_up:
            started = time.perf_counter()
            list(pool.map(lambda _: status_of(base + floor_path), range(workers)))
            if time.perf_counter() - started < 0.25:
                return
            time.sleep(0.5)


def measure(base: str, pages, floor_path: str, args, workers: int) -> list[dict]:
    """Each page beside the floor. A slow page's run is longer, so that every connection gets about three answers
    (wrk counts only the answers that arrive within its run)."""
    rows = []
    for label, path in pages:
        drain(base, floor_path, workers)
        first, *others = path.split()  # distinct pages: the first (measured apart) stands for the others
        started = time.perf_counter()
        status = status_of(base + first)  # warms the caches: a first request can take many times a later one's
        cold = time.perf_counter() - started
        started = time.perf_counter()
        status_of(base + (others[0] if others else first))
        alone = time.perf_counter() - started
        seconds = max(args.seconds, min(MAX_SECONDS, math.ceil(alone * args.connections / workers * 3)))
        drain(base, floor_path, workers)
        load = os.getloadavg()[0]
        floor = wrk(base, floor_path, args.connections, args.ok_seconds)
        page = wrk(base, path, args.connections, seconds)
        shown = first + (f" and {len(others):,} more" if others else "")
        row = {"page": label, "path": shown, "status": status, "cold_ms": round(cold * 1000, 1),
               "alone_ms": round(alone * 1000, 1), "load": load, "seconds": seconds, **page,
               "floor_p50_ms": floor["p50_ms"], "floor_p95_ms": floor["p95_ms"],
               "p50_ratio": round(page["p50_ms"] / floor["p50_ms"], 1) if page["requests"] else None,
               "p95_ratio": round(page["p95_ms"] / floor["p95_ms"], 1) if page["requests"] else None}
        log(f"{label}: {shown} status {status}, cold {cold * 1000:.1f} ms, p50 {page['p50_ms']:.1f} ms, "
            f"p95 {page['p95_ms']:.1f} ms, {page['requests_per_second']}/s in {seconds} s, "
            f"floor p50 {floor['p50_ms']:.1f} ms, load {load:.1f}")
        rows.append(row)
    return rows


def gunicorn_env(database_url: str, port: int) -> dict:
    return {**os.environ, "DEBUG": "0", "DATABASE_URL": database_url, "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0", "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2",
            "DJANGO_SETTINGS_MODULE": "pages_settings",
            "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT), os.environ.get("PYTHONPATH", "")])}


def run_site(env: dict, port: int, pages, args, workdir: Path) -> list[dict]:
    base = f"http://127.0.0.1:{port}"
    with (workdir / "gunicorn.log").open("w") as output:
        # Production settings less the restart of a worker every 1,000 requests: at the trivial page's rate that is
        # a restart every second, which would be measured as the floor.
        server = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py",
                                   "--max-requests", "0", "config.wsgi"],
                                  cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(f"{base}/ok/", time.monotonic() + 60)
        return measure(base, pages, "/ok/", args, workers=int(env["WEB_CONCURRENCY"]))
    finally:
        server.terminate()
        server.wait(timeout=60)


# Datasette -----------------------------------------------------------------------------------


def export_sqlite(database_url: str, target: Path) -> dict:
    """The meetings (with their countries as a JSON array, for Datasette's array facets), the meeting–country pairs
    and the participants, copied into a SQLite file with an index on every column filtered by."""
    started = time.perf_counter()
    lite = sqlite3.connect(target)
    lite.executescript("""
        CREATE TABLE meetings (id INTEGER PRIMARY KEY, slug TEXT, date TEXT, year INTEGER, format TEXT, name TEXT,
                               place TEXT, host_country TEXT, countries TEXT);
        CREATE TABLE meeting_countries (meeting_id INTEGER REFERENCES meetings(id), country_id TEXT);
        CREATE TABLE participants (id INTEGER PRIMARY KEY, meeting_id INTEGER REFERENCES meetings(id),
                                   official_id INTEGER, name TEXT, role TEXT, country_id TEXT);
    """)
    with psycopg.connect(database_url) as db:
        lite.executemany("INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            (row[0], row[1], row[2].isoformat() if row[2] else None, row[2].year if row[2] else None, *row[3:7],
             json.dumps(row[7])) for row in db.execute(
                "SELECT m.id, m.slug, m.date, m.format, m.name, m.place, m.host_country_id, "
                "array_agg(c.country_id ORDER BY c.country_id) FROM meetings_meeting m "
                "JOIN meetings_meeting_countries c ON c.meeting_id = m.id GROUP BY m.id")))
        lite.executemany("INSERT INTO meeting_countries VALUES (?, ?)",
                         db.execute("SELECT meeting_id, country_id FROM meetings_meeting_countries"))
        lite.executemany("INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?)", db.execute(
            "SELECT id, meeting_id, official_id, name, role, country_id FROM meetings_participant"))
    lite.executescript("""
        CREATE INDEX meetings_date ON meetings(date);
        CREATE INDEX meetings_year ON meetings(year);
        CREATE INDEX meetings_format ON meetings(format);
        CREATE INDEX meeting_countries_country ON meeting_countries(country_id, meeting_id);
        CREATE INDEX meeting_countries_meeting ON meeting_countries(meeting_id);
        CREATE INDEX participants_meeting ON participants(meeting_id);
        ANALYZE;
    """)
    lite.commit()
    lite.close()
    return {"export_seconds": round(time.perf_counter() - started, 1), "bytes": target.stat().st_size}


def run_datasette(database_url: str, args, workdir: Path) -> tuple[list[dict], dict]:
    datasette = Path(PYTHON).parent / "datasette"
    if not datasette.exists():
        sys.exit("pages_load: datasette is not installed (pip install -e '.[bench]'), or pass --no-datasette")
    target = workdir / "meetings.db"
    exported = export_sqlite(database_url, target)
    with psycopg.connect(database_url) as db:
        row, = db.execute("SELECT id FROM meetings_meeting ORDER BY id LIMIT 1 OFFSET "
                          "(SELECT count(*) / 2 FROM meetings_meeting)").fetchone()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Time limits raised so that every facet is counted in full, as the site's facets are (Datasette's defaults
    # stop a query after 1 s and a facet after 200 ms).
    with (workdir / "datasette.log").open("w") as output:
        server = subprocess.Popen([str(datasette), "serve", "-i", str(target), "-h", "127.0.0.1", "-p", str(port),
                                   "--setting", "sql_time_limit_ms", "60000",
                                   "--setting", "facet_time_limit_ms", "60000"],
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(f"{base}/-/versions.json", time.monotonic() + 60)
        pages = [("Datasette: faceted list, one country",
                  "/meetings/meetings?countries__arraycontains=KR&_facet_array=countries&_facet=year&_facet=format"),
                 ("Datasette: one row", f"/meetings/meetings/{row}")]
        return measure(base, pages, "/-/versions.json", args, workers=1), exported
    finally:
        server.terminate()
        server.wait(timeout=60)


# EXPLAIN -------------------------------------------------------------------------------------


def explain(env: dict, official_path: str, slowest: int) -> list[dict]:
    """Each explained page's queries (through the test client), and the plans of its ``slowest`` queries."""
    os.environ.update({key: env[key] for key in ("DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "SECRET_KEY",
                                                 "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE")})
    sys.path[:0] = [str(BENCH), str(ROOT)]
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    report = []
    for path in EXPLAINED_PAGES:
        path = path.format(official=official_path)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        timed = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if not query["sql"].lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                plan = [line for line, in cursor.fetchall()]
                total = float(plan[-1].split(":")[1].split()[0])  # "Execution Time: 12.3 ms"
                timed.append((total, query["sql"], plan))
        timed.sort(key=lambda item: -item[0])
        report.append({"path": path, "status": status, "queries": len(captured.captured_queries),
                       "total_ms": round(sum(item[0] for item in timed), 1),
                       "slowest": [{"ms": ms, "sql": sql, "plan": plan} for ms, sql, plan in timed[:slowest]]})
    return report


# Output --------------------------------------------------------------------------------------


def markdown(rows: list[dict]) -> str:
    lines = ["| page | cache | first (cold) ms | p50 ms | p95 ms | p99 ms | requests/s | errors | floor p50 / p95 ms "
             "| p50 ratio | p95 ratio | load |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        errors = row["errors_status"] + row["errors_socket"]
        status = "" if row["status"] == 200 else f" (status {row['status']})"
        cache = row.get("page_cache", "")
        if not row["requests"]:
            lines.append(f"| {row['page']}{status} | {cache} | {row['cold_ms']:,.1f} | no answer within "
                         f"{row['seconds']} s | | | 0 | {errors} | | | | {row['load']:.1f} |")
            continue
        lines.append(f"| {row['page']}{status} | {cache} | {row['cold_ms']:,.1f} | {row['p50_ms']:,.1f} "
                     f"| {row['p95_ms']:,.1f} | {row['p99_ms']:,.1f} "
                     f"| {row['requests_per_second']:,} | {errors} | {row['floor_p50_ms']:.1f} / "
                     f"{row['floor_p95_ms']:.1f} | {row['p50_ratio']:,}x | {row['p95_ratio']:,}x | {row['load']:.1f} |")
    return "\n".join(lines)


def explain_markdown(report: list[dict]) -> str:
    parts = []
    for page in report:
        parts.append(f"### `{page['path']}`: {page['queries']} queries, {page['total_ms']} ms in the database "
                     f"(status {page['status']})")
        for query in page["slowest"]:
            sql = query["sql"] if len(query["sql"]) < 600 else query["sql"][:600] + " …"
            parts.append(f"{query['ms']:.1f} ms: `{sql}`\n\n```\n" + "\n".join(query["plan"]) + "\n```")
    return "\n\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432",
                        help="the PostgreSQL server, without a database name")
    parser.add_argument("--database", help="default: ministerial_pages_<meetings>")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's run on each page")
    parser.add_argument("--ok-seconds", type=int, default=5, help="wrk's run on the floor before each page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of markdown")
    parser.add_argument("--explain", action="store_true", help="also EXPLAIN ANALYZE the slowest queries")
    parser.add_argument("--slowest", type=int, default=3, help="queries explained per page")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--page-cache", choices=["on", "off", "both"], default="on",
                        help="serve with the page cache (meetings/pagecache.py) on, off, or off then on in one run; "
                             "REDIS_URL in the environment makes it Redis, else each worker's own memory")
    parser.add_argument("--distinct", type=int, default=0,
                        help="also N distinct meeting pages, each asked once: what the cache does for requests that "
                             "are not repeated (every one a miss)")
    parser.add_argument("--only", action="append", default=[],
                        help="measure only the pages whose label starts with this (repeatable)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("pages_load: wrk is not installed (apt-get install -y wrk)")
    name = args.database or f"ministerial_pages_{args.meetings}"
    database_url = f"{args.server}/{name}"
    port = free_port()
    env = gunicorn_env(database_url, port)
    result = {"meetings": args.meetings, "connections": args.connections, "seconds": args.seconds,
              "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
              "load_before": os.getloadavg()[0]}
    result["database"] = prepare_database(args.server, name, args.meetings, env)
    pages = pages_of(database_url)
    measured = [page for page in pages if not args.only or any(page[0].startswith(only) for only in args.only)]
    if args.distinct:
        with psycopg.connect(database_url) as db:
            slugs = [slug for slug, in db.execute("SELECT slug FROM meetings_meeting ORDER BY random() LIMIT %s",
                                                  [args.distinct + 1])]
        measured.append((f"{args.distinct:,} distinct meetings, each once",
                         " ".join(f"/meetings/{slug}/" for slug in slugs)))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        result["pages"] = []
        for cache in (["off", "on"] if args.page_cache == "both" else [args.page_cache]):
            env["PAGE_CACHE"] = "1" if cache == "on" else "0"
            result["pages"] += [{**row, "page_cache": cache + (" (Redis)" if cache == "on" and env.get("REDIS_URL")
                                                               else "")}
                                for row in run_site(env, port, measured, args, workdir)]
        if not args.no_datasette:
            datasette_rows, result["datasette_export"] = run_datasette(database_url, args, workdir)
            result["pages"] += datasette_rows
    result["load_after"] = os.getloadavg()[0]
    if args.explain:
        official = next(path for label, path in pages if label == "busiest official")
        result["explain"] = explain(env, official, args.slowest)
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return
    built = result["database"]
    how = "reused" if built["reused"] else f"synthesized in {built['synthesize_seconds']} s"
    print(f"{args.meetings:,} meetings in {name} ({how}), "
          f"{args.connections} connections, {args.seconds} s a page, started {result['started']}, "
          f"load average {result['load_before']:.1f} before and {result['load_after']:.1f} after\n")
    print(markdown(result["pages"]))
    if args.explain:
        print("\n" + explain_markdown(result["explain"]))


if __name__ == "__main__":
    main()
