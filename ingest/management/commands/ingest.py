"""python manage.py ingest SOURCE... [--dry-run] [--json] [--publisher NAME] [--published DATE] [--force]
[--sources-table FILE] [--time-limit SECONDS] [--memory-limit MB]

Each source is extracted in a worker process under the time and memory limits (ingest/guard.py); whatever goes
wrong with one source is recorded with it as its failure reason, and the ingest goes on with the next."""
import json as json_module
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from ingest.knowledge import KnowledgeBase
from ingest.guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, ExtractionFailed, extract_source, warm_up
from ingest.snapshot import load_knowledge
from ingest.sources import RawSource, SourceRecord, SourcesTableError, expand, load, read_sources_table
from ingest.writer import find_source, is_current, record_original_url, write


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
               progress=False, time_limit=DEFAULT_TIME_LIMIT, memory_limit=DEFAULT_MEMORY_LIMIT, **options):
        err = self.stderr
        try:
            originals = read_sources_table(sources_table) if sources_table else {}
        except SourcesTableError as exc:
            raise CommandError(str(exc)) from None
        locations = list(expand(sources))
        knowledge = self._knowledge(dry_run)
        warm_up(knowledge)
        # The raw stream under Django's wrapper: tqdm redraws its line with \r and must not get a newline per write.
        progress = Progress(getattr(err, "_out", err), len(locations), forced=progress)
        documents, tally = [], {"new": 0, "updated": 0, "unchanged": 0, "failed": 0, "no_meetings": 0,
                                "meetings created": 0, "meetings merged": 0, "meetings found": 0}
        for location in locations:
            for number, raw in enumerate(load(location)):
                if number:
                    progress.grow()    # a feed's second and later entries: sources not counted at the start
                document, error = None, raw.error
                original = original_of(raw, originals)
                raw.original_url = original.url
                stored = None if error or dry_run or force else find_source(raw)
                if stored is not None and is_current(stored):
                    record_original_url(stored, raw)
                    tally["unchanged"] += 1
                    progress.step(raw.location)
                    continue
                if not error:
                    try:
                        document = extract_source(raw, knowledge, published=published,
                                                  publisher=publisher or original.publisher or None,
                                                  time_limit=time_limit, memory_limit=memory_limit)
                    except ExtractionFailed as exc:
                        error = str(exc)
                    else:
                        document.publisher = document.publisher or original.site or None
                if error:
                    tally["failed"] += 1
                    progress.write(f"failed: {raw.location}: {error}")
                else:
                    tally["meetings found"] += len(document.meetings)
                    tally["no_meetings"] += not document.meetings
                if dry_run:
                    if document is not None:
                        documents.append(document.as_gold())
                    else:
                        documents.append({"source": raw.location, "error": error, "meetings": []})
                else:
                    result = write(raw, document, error)
                    if result.status != "failed":
                        tally[result.status] += 1
                    tally["meetings created"] += len(result.meetings_created)
                    tally["meetings merged"] += len(result.meetings_merged)
                progress.step(raw.location)
        progress.close()
        if json:
            self.stdout.write(json_module.dumps({"documents": documents}, indent=2, ensure_ascii=False))
        self.stderr.write(summary(tally, dry_run))
        if tally["failed"]:
            raise CommandError(f"{tally['failed']} source(s) failed; they are recorded with the reason", returncode=1)


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
