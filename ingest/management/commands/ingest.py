"""python manage.py ingest SOURCE... [--dry-run] [--json] [--publisher NAME] [--published DATE] [--force]
[--sources-table FILE] [--time-limit SECONDS] [--memory-limit MB] [--workers N] [--batch-size N]

Sources are extracted in parallel by a pool of worker processes (ingest/pool.py), each source under the time and
memory limits; whatever goes wrong with one source is recorded with it as its failure reason, and the ingest goes on
with the next. Results are written in the order the sources were given, many per transaction (ingest/writer.py
write_batch), so a parallel run stores what a serial one (--workers 1 --batch-size 1) stores."""
import json as json_module
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from ingest.knowledge import KnowledgeBase
from ingest.guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, warm_up
from ingest.pool import ExtractionPool, Request, default_workers
from ingest.snapshot import load_knowledge
from ingest.sources import RawSource, SourceRecord, SourcesTableError, expand, load, read_sources_table
from ingest.writer import find_source, is_current, record_original_url, write_batch
from meetings.models import Source

DEFAULT_BATCH_SIZE = 100
BATCH_SECONDS = 2.0


class Progress:
    """A tqdm progress bar on standard error: shown on a terminal, or anywhere with --progress; never on stdout."""

    def __init__(self, stream, total, *, forced=False):
        self.stream = stream
        self.active = forced or (total > 1 and stream.isatty())
        self.bar = tqdm(total=total, file=stream, unit="source", dynamic_ncols=True, leave=True,
                        mininterval=0.2, disable=not self.active)

    def step(self, label):
        if self.active:
            self.bar.set_postfix_str(label[-40:], refresh=False)
        self.bar.update(1)

    def grow(self):
        """One more source than counted at the start (a feed yields one per entry)."""
        self.bar.total += 1
        if self.active:
            self.bar.refresh()

    def write(self, message):
        """A line on standard error that does not break the bar."""
        if self.active:
            self.bar.write(message, file=self.stream)
        else:
            self.stream.write(message + "\n")

    def close(self):
        self.bar.close()


class Command(BaseCommand):
    help = ("Extract meetings from articles: .txt/.html files, directories, http(s) URLs or RSS/Atom feeds. "
            "Exits 1 when a source failed.")

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="SOURCE")
        parser.add_argument("--dry-run", action="store_true", help="extract without writing to the database")
        parser.add_argument("--json", action="store_true",
                            help='print {"documents": [...]} on standard output (the shape of gold/GUIDE.md)')
        parser.add_argument("--publisher", help="the publisher of every source given")
        parser.add_argument("--published", type=parse_date, help="the publication date (YYYY-MM-DD) of every source")
        parser.add_argument("--force", action="store_true",
                            help="re-extract sources whose content is already stored by this extractor version "
                                 "(a source stored by another version is re-extracted anyway)")
        parser.add_argument("--sources-table", metavar="FILE",
                            help="a Markdown or CSV table with `file` and `url` columns (optionally `publisher`): "
                                 "the original address of each saved file, stored as the source's address")
        parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                            help="extraction time per source; a source that takes longer is recorded as failed "
                                 f"(timeout) and the ingest goes on (default {DEFAULT_TIME_LIMIT:g})")
        parser.add_argument("--memory-limit", type=int, default=DEFAULT_MEMORY_LIMIT, metavar="MB",
                            help="memory the extraction of one source may take beyond the ingest's own; a source "
                                 f"that needs more is recorded as failed (default {DEFAULT_MEMORY_LIMIT})")
        parser.add_argument("--workers", type=int, metavar="N",
                            help="extraction processes run in parallel (default: the number of cores)")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                            help="sources written per transaction (at most; a batch is also written after "
                                 f"{BATCH_SECONDS:g} s) (default {DEFAULT_BATCH_SIZE})")
        parser.add_argument("--enqueue", action="store_true",
                            help="queue the sources for `manage.py ingest_worker` processes instead of ingesting them "
                                 "here (PostgreSQL only; a directory becomes one job per file; paths must be readable "
                                 "by the workers)")
        parser.add_argument("--progress", action="store_true",
                            help="show the progress bar on standard error even when it is not a terminal "
                                 "(it is shown on a terminal anyway)")

    def _knowledge(self, dry_run: bool) -> KnowledgeBase:
        """The database's knowledge base; a dry run on a database not yet set up reads the bundled reference data
        (what the migrations load into a new database) instead of failing."""
        try:
            return load_knowledge()
        except DatabaseError as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            if not dry_run:
                raise CommandError(f"cannot read the knowledge base from the database ({reason}); "
                                   "run `python manage.py migrate` first")
            self.stderr.write(f"note: the database is not ready ({reason}); extracting with the bundled reference data")
            return KnowledgeBase.from_data_files()

    def handle(self, *args, sources, dry_run, json: bool, publisher, published, force, sources_table=None,
               progress=False, time_limit=DEFAULT_TIME_LIMIT, memory_limit=DEFAULT_MEMORY_LIMIT, workers=None,
               batch_size=DEFAULT_BATCH_SIZE, **options):
        err = self.stderr
        if workers is not None and workers < 1:
            raise CommandError(f"--workers wants at least 1, not {workers}")
        if batch_size < 1:
            raise CommandError(f"--batch-size wants at least 1, not {batch_size}")
        try:
            originals = read_sources_table(sources_table) if sources_table else {}
        except SourcesTableError as exc:
            raise CommandError(str(exc)) from None
        locations = list(expand(sources))
        if options.get("enqueue"):
            return self._enqueue(locations, originals, publisher=publisher, published=published, force=force,
                                 dry_run=dry_run)
        knowledge = self._knowledge(dry_run)
        warm_up(knowledge)
        # The raw stream under Django's wrapper: tqdm redraws its line with \r and must not get a newline per write.
        progress = Progress(getattr(err, "_out", err), len(locations), forced=progress)
        self.tally = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0, "no_meetings": 0,
                      "meetings created": 0, "meetings merged": 0, "meetings found": 0}
        documents, batch = [], Batch(batch_size)
        plan = Plan(originals, publisher=publisher, published=published, check_stored=not (dry_run or force),
                    progress=progress)
        with ExtractionPool(knowledge, workers or default_workers(), time_limit=time_limit,
                            memory_limit=memory_limit) as pool:
            for (raw, stored, repeated), document, error in pool.run(plan.requests(locations)):
                error = raw.error or error
                if stored is not None or repeated:
                    if repeated:
                        self._write(batch)   # the earlier copy in this run is stored before this one is looked at
                    record_original_url(stored or find_source(raw), raw)
                    self.tally["unchanged"] += 1
                    progress.step(raw.location)
                    continue
                if error:
                    self.tally["failed"] += 1
                    progress.write(f"failed: {raw.location}: {error}")
                else:
                    document.publisher = document.publisher or original_of(raw, originals).site or None
                    self.tally["meetings found"] += len(document.meetings)
                    self.tally["no_meetings"] += not document.meetings
                if dry_run:
                    documents.append(document.as_gold() if document is not None
                                     else {"source": raw.location, "error": error, "meetings": []})
                elif batch.add((raw, document, error)):
                    self._write(batch)
                progress.step(raw.location)
            self._write(batch)
        progress.close()
        if json:
            self.stdout.write(json_module.dumps({"documents": documents}, indent=2, ensure_ascii=False))
        self.stderr.write(summary(self.tally, dry_run))
        if self.tally["failed"]:
            raise CommandError(f"{self.tally['failed']} source(s) failed; they are recorded with the reason",
                               returncode=1)

    def _enqueue(self, locations, originals, *, publisher, published, force, dry_run) -> None:
        """Queue each location (ingest/tasks.py); one already waiting in the queue is not queued again."""
        if not settings.TASK_QUEUE:
            raise CommandError("--enqueue needs the task queue, which lives in PostgreSQL (set DATABASE_URL); "
                               "on SQLite, ingest here without --enqueue")
        if dry_run:
            raise CommandError("--enqueue stores what the workers extract: it cannot be a --dry-run")
        from ingest.tasks import enqueue

        queued = 0
        for location in locations:
            is_url = location.startswith(("http://", "https://"))
            original = SourceRecord("") if is_url else originals.get(Path(location).name, SourceRecord(""))
            queued += enqueue(location if is_url else str(Path(location).resolve()), original_url=original.url,
                              publisher=publisher or original.publisher or None,
                              published=published.isoformat() if published else None, force=force)
        self.stderr.write(f"queued {queued}, already in the queue {len(locations) - queued}")

    def _write(self, batch: "Batch") -> None:
        for result in write_batch(batch.take()) if batch.items else ():
            if result.status != "failed":
                self.tally[result.status] += 1
            self.tally["meetings created"] += len(result.meetings_created)
            self.tally["meetings merged"] += len(result.meetings_merged)


class Batch:
    """Extracted sources waiting to be written in one transaction: full at ``size`` sources or after
    ``BATCH_SECONDS`` (so a slow stream of sources is still committed as it goes)."""

    def __init__(self, size: int):
        self.size, self.items, self.started = size, [], 0.0

    def add(self, item) -> bool:
        """Add one; whether the batch is now due to be written."""
        if not self.items:
            self.started = time.monotonic()
        self.items.append(item)
        return len(self.items) >= self.size or time.monotonic() - self.started >= BATCH_SECONDS

    def take(self) -> list:
        items, self.items = self.items, []
        return items


class Plan:
    """What the pool is asked to extract: each loaded source with the options that apply to it, except those
    already stored by this extractor version (looked up once per chunk of sources) and later copies of one content
    in this run (unless --force)."""

    CHUNK = 200

    def __init__(self, originals, *, publisher, published, check_stored: bool, progress: Progress):
        self.originals, self.publisher, self.published = originals, publisher, published
        self.check_stored, self.progress = check_stored, progress
        self.seen: set[str] = set()

    def requests(self, locations):
        chunk = []
        for location in locations:
            for number, raw in enumerate(load(location)):
                if number:
                    self.progress.grow()    # a feed's second and later entries: sources not counted at the start
                raw.original_url = original_of(raw, self.originals).url
                chunk.append(raw)
                if len(chunk) >= self.CHUNK:
                    yield from self._planned(chunk)
                    chunk = []
        yield from self._planned(chunk)

    def _planned(self, chunk):
        """Each source as ``((raw, its stored current record or None, whether an earlier source of this run had
        its content), the extraction request or None)``."""
        stored = {}
        if self.check_stored:
            hashes = [raw.content_hash for raw in chunk if not raw.error]
            stored = {s.content_hash: s for s in Source.objects.filter(content_hash__in=hashes) if is_current(s)}
        for raw in chunk:
            if raw.error:
                yield (raw, None, False), None
                continue
            digest = raw.content_hash
            if digest in stored:
                yield (raw, stored[digest], False), None
                continue
            if self.check_stored and digest in self.seen:
                yield (raw, None, True), None
                continue
            self.seen.add(digest)
            original = original_of(raw, self.originals)
            yield (raw, None, False), Request(raw.location, raw.content, raw.content_type,
                                       published=self.published or raw.published,
                                       publisher=self.publisher or original.publisher or None)


def original_of(raw: RawSource, originals: dict[str, SourceRecord]) -> SourceRecord:
    """What the sources table says of a file: its original address and publisher (nothing for a URL)."""
    if raw.is_url:
        return SourceRecord("")
    return originals.get(Path(raw.location).name, SourceRecord(""))


def summary(tally, dry_run):
    if dry_run:
        keys = ["meetings found", "no_meetings", "failed"]
    else:
        keys = ["new", "updated", "unchanged", "failed", "no_meetings", "meetings created", "meetings merged"]
    return "sources: " + ", ".join(f"{key.replace('_', ' ')} {tally[key]}" for key in keys)


def parse_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published wants a date as YYYY-MM-DD, not {value!r}") from None
