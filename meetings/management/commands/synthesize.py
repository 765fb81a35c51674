"""manage.py synthesize --meetings N: fill a database with generated meetings for benchmarks (meetings/synthetic.py).

Refuses a database holding sources an ingest or staff stored (real data) unless --force: generated meetings
mixed into real ones would be shown as real.
"""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from meetings import synthetic


class Command(BaseCommand):
    help = "Add N generated meetings (with participants, statements, commitments, sources) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, required=True, help="How many meetings to add.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
        parser.add_argument("--force", action="store_true",
                            help="Add them even though the database holds real (non-synthetic) sources.")

    def handle(self, *args, meetings, seed, force, **options):
        if meetings < 1:
            raise CommandError("--meetings must be at least 1.")
        real = synthetic.real_sources().count()
        if real and not force:
            raise CommandError(f"This database holds {real} real source(s): generated meetings would be mixed with "
                               "real ones. Use an empty database, or --force to add them anyway.")
        started = time.perf_counter()
        quiet = options["verbosity"] < 1
        with transaction.atomic():
            with tqdm(total=meetings, unit="meeting", desc="meetings", disable=quiet) as bar:
                meeting_ids = synthetic.synthesize(meetings, seed, progress=bar.update)
        self.stdout.write(f"Added {len(meeting_ids)} synthetic meetings in {time.perf_counter() - started:.1f} s.")
