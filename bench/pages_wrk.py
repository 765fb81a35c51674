"""The pages of issue 11 under concurrent load: gunicorn + PostgreSQL, wrk on loopback, each page beside a trivial one.

    .venv/bin/python bench/pages_wrk.py --database-url postgres://postgres@127.0.0.1:5432/pages100k [--seconds 10]

Serves an existing database (built by bench/pages_bench.py) with the production command (gunicorn.conf.py,
WEB_CONCURRENCY workers, 2 by default), less its restart of a worker every 1,000 requests (at a trivial page's rate,
a restart every second, in the figures). Then runs wrk (`apt-get install -y wrk`) with 8 connections on one page
at a time, the trivial /healthz (one SELECT 1, answered before the rest of the middleware) first and after the
others; the 10,000-row CSV comes last, since its long answers hold the workers after wrk's run. Prints p50, p95
and p99 in ms, requests/s, non-2xx answers and socket errors, and each page's p95 as a multiple of the trivial
page's (the mean of its two runs).
"""
import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = "/healthz"
PAGES = ["/", "/meetings/", "/meetings/?country=KR", "/meetings/?country=US&country=JP", "/meetings/?q=maritime",
         "/meetings/bench-49999/", "/officials/", "/officials/bench-official-us/", "/countries/US/",
         "/meetings/2015/06/", "/api/meetings/"]
# After the second trivial run: its long answers outlast wrk's run and hold the workers for a while after it.
LONG_PAGES = ["/meetings/?format=csv&date_after=2005-01-01&date_before=2006-11-30"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base: str, deadline: float):
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + TRIVIAL, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("pages_wrk: gunicorn did not answer")


def run_wrk(base: str, path: str, clients: int, seconds: int) -> dict:
    output = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
                             "-s", str(ROOT / "bench" / "pages_wrk.lua"), base + path],
                            capture_output=True, text=True, check=True).stdout
    figures = dict(line.split() for line in output.splitlines() if len(line.split()) == 2
                   and line.split()[1].isdigit())
    return {key: int(value) for key, value in figures.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("pages", nargs="*", default=PAGES + LONG_PAGES)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("pages_wrk: wrk is not installed (apt-get install -y wrk)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DEBUG": "0", "DATABASE_URL": args.database_url, "ALLOWED_HOSTS": "127.0.0.1",
           "SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0",
           "CSRF_COOKIE_SECURE": "0", "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(args.workers)}
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
                   cwd=ROOT, env=env, check=True)
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py",
                               "--access-logfile", "/dev/null", "--max-requests", "0", "config.wsgi"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(base, time.monotonic() + 60)
        for path in args.pages:  # warm each page once (and fail early on a broken one)
            with urllib.request.urlopen(base + path, timeout=60) as answer:
                answer.read()
        pages = [path for path in args.pages if path not in LONG_PAGES]
        results = [(TRIVIAL, run_wrk(base, TRIVIAL, args.clients, args.seconds))]
        results += [(path, run_wrk(base, path, args.clients, args.seconds)) for path in pages]
        results.append((TRIVIAL, run_wrk(base, TRIVIAL, args.clients, args.seconds)))
        results += [(path, run_wrk(base, path, args.clients, args.seconds)) for path in args.pages
                    if path in LONG_PAGES]
    finally:
        server.terminate()
        server.wait(timeout=60)
    trivial = [figures["p95_us"] for path, figures in results if path == TRIVIAL]
    floor = sum(trivial) / len(trivial)
    print(f"{args.clients} connections, {args.seconds} s a page, {args.workers} gunicorn workers; "
          f"trivial p95 {floor / 1000:.1f} ms (mean of first and last run)")
    print("| page | p50 ms | p95 ms | p99 ms | requests/s | p95 / trivial | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path, figures in results:
        rate = figures["requests"] / (figures["duration_us"] / 1e6)
        print(f"| `{path}` | {figures['p50_us'] / 1000:.1f} | {figures['p95_us'] / 1000:.1f} | "
              f"{figures['p99_us'] / 1000:.1f} | {rate:.0f} | {figures['p95_us'] / floor:.0f}x | "
              f"{figures['errors_status'] + figures['errors_socket']} |")


if __name__ == "__main__":
    main()
