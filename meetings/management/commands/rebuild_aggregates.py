"""manage.py rebuild_aggregates: recompute the meeting tallies (meetings/aggregates.py) from the meetings, and the
counterpart tallies (pairs of officials who met) from the participants.

Every ORM write keeps them current; run this after writes that send no signals (bulk_create, QuerySet.update, raw
SQL, a restore made outside Django).
"""
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from meetings.aggregates import refresh_aggregates
from meetings.models import CounterpartTally


class Command(BaseCommand):
    help = "Recompute the meeting tallies behind the facets and a country's partners, and the counterpart tallies."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, database, **options):
        count = refresh_aggregates(using=database)
        pairs = CounterpartTally.objects.using(database).count()
        self.stdout.write(f"Recomputed {count} meeting tally cell(s) and {pairs} counterpart tally row(s).")
