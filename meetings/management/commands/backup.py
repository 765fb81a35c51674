"""manage.py backup [PATH]: the whole database in one file (meetings/backups.py); `make backup` runs it."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from meetings.backups import BackupError, back_up, default_name


class Command(BaseCommand):
    help = "Back up the whole database: pg_dump on PostgreSQL, SQLite's backup API on SQLite."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="The backup file (default: DIRECTORY/ministerial-<UTC time>.dump "
                                                    "or .sqlite3).")
        parser.add_argument("--directory", default="var/backups", help="Where a backup without PATH goes.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, path, directory, database, **options):
        connection = connections[database]
        target = Path(path) if path else Path(directory) / default_name(connection.settings_dict)
        try:
            written = back_up(connection, target)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Backed up to {written} ({written.stat().st_size:,} bytes).")
