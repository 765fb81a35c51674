"""Adds what the bundled reference data files hold and the database lacks; keeps staff additions."""
from django.core.management.base import BaseCommand
from django.db import transaction

from meetings.pagecache import bump_version
from meetings.reference import load_reference_data


class Command(BaseCommand):
    help = "Load countries, groups, offices and officials from meetings/data/ (adds; never removes)."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = load_reference_data()
            bump_version()  # countries are bulk-created (no signal): the pages' data version changes here
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))
