"""manage.py rebuild_search: rebuild every meeting's search document (meetings/search.py).

The ingest and the admin keep the documents fresh; run this after loading a fixture
(loaddata writes rows directly), after a bulk change made outside them, or after
changing how documents are built.
"""
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from meetings import search


class Command(BaseCommand):
    help = "Rebuild the search document of every meeting."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, database, **options):
        with transaction.atomic(using=database):
            count = search.refresh_all(using=database)
        self.stdout.write(f"Rebuilt the search documents of {count} meeting(s).")
