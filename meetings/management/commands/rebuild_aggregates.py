"""manage.py rebuild_aggregates: recompute the meeting tallies (meetings/aggregates.py) from the meetings.

Every ORM write keeps them current; run this after writes that send no signals (bulk_create, QuerySet.update, raw
SQL, a restore made outside Django).
"""
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from meetings.aggregates import refresh_aggregates


class Command(BaseCommand):
    help = "Recompute the meeting tallies behind the facets and a country's partners."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, database, **options):
        count = refresh_aggregates(using=database)
        self.stdout.write(f"Recomputed {count} meeting tally cell(s).")
