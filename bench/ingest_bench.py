"""Ingest speed and memory: the dry-run extraction and the database ingest over N articles.

    .venv/bin/python bench/ingest_bench.py [--articles 1000] [--corpus ../shared/corpus/seeds]

Writes N distinct article files (the corpus articles, each copy made unique by a
reference line, so content hashes differ), then measures:
- extraction alone, on one core: articles per second, and peak memory after N/5
  and after N articles (the two should match: memory must not grow with N);
- the full `manage.py ingest` into a fresh SQLite database: articles per second.
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


def bench_database(files: list[Path], workdir: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    started = time.perf_counter()
    subprocess.run([*manage, "ingest", str(files[0].parent)], env=env, check=True, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    return {"articles": len(files), "seconds": elapsed, "per_second": len(files) / elapsed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--skip-database", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "articles").mkdir()
        files = make_corpus(args.corpus, args.articles, workdir / "articles")
        extraction = bench_extraction(files)
        print(f"extraction (dry run, one core): {extraction['articles']} articles in {extraction['seconds']:.2f} s"
              f" = {extraction['per_second']:.0f} articles/s ({extraction['per_cpu_second']:.0f} per CPU-second: the figure"
              f" to trust on a busy machine); peak RSS {extraction['rss_mb_at_fifth']:.0f} MB"
              f" after {len(files) // 5}, {extraction['rss_mb_at_end']:.0f} MB after {len(files)}")
        if not args.skip_database:
            database = bench_database(files, workdir)
            print(f"database ingest (SQLite, manage.py ingest): {database['articles']} articles in "
                  f"{database['seconds']:.1f} s = {database['per_second']:.0f} articles/s")


if __name__ == "__main__":
    main()
