"""Ingest speed and memory: the dry-run extraction and the database ingest over N articles.

    .venv/bin/python bench/ingest_bench.py [--articles 1000] [--corpus ../shared/corpus/seeds]
    .venv/bin/python bench/ingest_bench.py --articles 10000 --skip-extraction \
        --database-url postgres://postgres@127.0.0.1:5432/ministerial_ingest_bench [--workers 2] [--batch-size 100]

Writes N distinct article files (the corpus articles, each copy made unique by a
reference line, so content hashes differ), then measures:
- extraction alone, on one core: articles per second, and peak memory after N/5
  and after N articles (the two should match: memory must not grow with N);
- the full `manage.py ingest` into a fresh database (SQLite by default; --database-url names another, which is
  dropped and created again when it is PostgreSQL): articles per second, with --workers extraction processes, and
  the peak resident memory of the whole ingest (its process and its workers) in the first fifth of the run and
  over the whole run (the two should match).
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def make_corpus(corpus: Path, count: int, target: Path) -> list[Path]:
    seeds = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))
    files = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        path = target / f"{seed.stem}-{i:05d}{seed.suffix}"
        text = seed.read_text()
        path.write_text(f"{text}\n\nReference {i:05d}\n" if seed.suffix == ".txt" else text.replace(
            "</body>", f"<p>Reference {i:05d}</p></body>"))
        files.append(path)
    return files


def make_invented(count: int, target: Path, seed: int = 11) -> list[Path]:
    """COUNT articles of COUNT/2 invented meetings, each reported twice (bench/load_articles.py's host and guest
    reports of real ministers in office), no two meetings of one pair of countries within two days of each other:
    the ingest creates one meeting per pair of articles and merges the second report into it, as with real news."""
    import random
    from datetime import timedelta

    from load_articles import COUNTRIES, FIRST_DAY, LAST_DAY, InventedMeeting, defense_ministers, guest_report, \
        host_report, minister_on
    import json

    rng = random.Random(seed)
    tenures = defense_ministers()
    places = {entry["code"]: entry["places"][0] for entry in json.loads((ROOT / "meetings" / "data" / "countries.json")
                                                                       .read_text()) if entry["code"] in COUNTRIES}
    codes, span, taken, files = sorted(COUNTRIES), (LAST_DAY - FIRST_DAY).days, set(), []
    while len(files) < count:
        day = FIRST_DAY + timedelta(days=rng.randrange(span))
        host_code, guest_code = rng.sample(codes, 2)
        pair = frozenset((host_code, guest_code))
        host, guest = minister_on(tenures, host_code, day), minister_on(tenures, guest_code, day)
        if (pair, day) in taken or host is None or guest is None:
            continue
        taken.update((pair, day + timedelta(days=shift)) for shift in range(-2, 3))
        meeting = InventedMeeting(day, host, guest, places[host_code])
        number = len(files) // 2
        for side, report in (("host", host_report), ("guest", guest_report)):
            path = target / f"invented-{number:05d}-{side}.txt"
            path.write_text(report(meeting, rng))
            files.append(path)
    return files


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extraction(files: list[Path]) -> dict:
    from ingest.knowledge import KnowledgeBase
    from ingest.pipeline import extract_document

    kb = KnowledgeBase.from_data_files()
    extract_document("warm-up.txt", files[0].read_text(), kb)  # builds the knowledge base's indexes once
    checkpoint = len(files) // 5
    rss_at_checkpoint = None
    started, cpu_started = time.perf_counter(), time.process_time()
    for i, path in enumerate(files, 1):
        extract_document(path.name, path.read_text(), kb)
        if i == checkpoint:
            rss_at_checkpoint = peak_rss_mb()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"articles": len(files), "seconds": elapsed, "per_second": len(files) / elapsed,
            "per_cpu_second": len(files) / cpu,
            "rss_mb_at_fifth": rss_at_checkpoint, "rss_mb_at_end": peak_rss_mb()}


def fresh_database(url: str) -> None:
    """Drop and create a PostgreSQL database (the bench's own: never point it at one that matters)."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total / 1024


def bench_database(files: list[Path], workdir: Path, database_url: str | None, workers: int | None,
                   batch_size: int | None) -> dict:
    url = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    if url.startswith("postgres"):
        fresh_database(url)
    env = {**os.environ, "DATABASE_URL": url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    options = [*(["--workers", str(workers)] if workers else []), *(["--batch-size", str(batch_size)] if batch_size else [])]
    started = time.perf_counter()
    run = subprocess.Popen([*manage, "ingest", *options, str(files[0].parent)], env=env, stderr=subprocess.PIPE,
                           text=True)
    samples = []
    while run.poll() is None:
        samples.append((time.perf_counter() - started, tree_rss_mb(run.pid)))
        time.sleep(0.5)
    elapsed = time.perf_counter() - started
    summary = run.stderr.read().strip().splitlines()[-1:]
    if run.returncode != 0:
        raise SystemExit(f"the ingest failed: {summary}")
    early = [rss for at, rss in samples if at <= elapsed / 5] or [0.0]
    return {"articles": len(files), "seconds": elapsed, "per_second": len(files) / elapsed,
            "rss_mb_first_fifth": max(early), "rss_mb_peak": max((rss for _, rss in samples), default=0.0),
            "summary": summary[0] if summary else "", "database": url.split(":", 1)[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--skip-database", action="store_true")
    parser.add_argument("--invented", action="store_true",
                        help="articles of distinct invented meetings, two reports each, instead of copies of the "
                             "corpus (whose copies all report the same few meetings: a worst case for merging)")
    parser.add_argument("--skip-extraction", action="store_true", help="only the database ingest")
    parser.add_argument("--database-url", help="the database to ingest into (a PostgreSQL one is dropped and created)")
    parser.add_argument("--workers", type=int, help="manage.py ingest --workers (default: its own, the cores)")
    parser.add_argument("--batch-size", type=int, help="manage.py ingest --batch-size (default: its own)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "articles").mkdir()
        files = (make_invented(args.articles, workdir / "articles") if args.invented
                 else make_corpus(args.corpus, args.articles, workdir / "articles"))
        extraction = None if args.skip_extraction else bench_extraction(files)
        if extraction:
            print(f"extraction (dry run, one core): {extraction['articles']} articles in {extraction['seconds']:.2f} s"
                  f" = {extraction['per_second']:.0f} articles/s ({extraction['per_cpu_second']:.0f} per CPU-second: the figure"
                  f" to trust on a busy machine); peak RSS {extraction['rss_mb_at_fifth']:.0f} MB"
                  f" after {len(files) // 5}, {extraction['rss_mb_at_end']:.0f} MB after {len(files)}")
        if not args.skip_database:
            database = bench_database(files, workdir, args.database_url, args.workers, args.batch_size)
            print(f"database ingest ({database['database']}, manage.py ingest, workers {args.workers or 'default'}): "
                  f"{database['articles']} articles in {database['seconds']:.1f} s = {database['per_second']:.1f} "
                  f"articles/s; peak RSS of the ingest and its workers {database['rss_mb_first_fifth']:.0f} MB in the "
                  f"first fifth, {database['rss_mb_peak']:.0f} MB over the run\n  {database['summary']}")


if __name__ == "__main__":
    main()
