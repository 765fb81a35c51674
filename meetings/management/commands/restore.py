"""manage.py restore FILE [--replace]: put a backup back (meetings/backups.py); `make restore BACKUP=FILE` runs it.

Stop the web processes first: a restore replaces every table.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from meetings.backups import BackupError, restore
from meetings.pagecache import bump_if_present


class Command(BaseCommand):
    help = "Restore a backup made by manage.py backup into the database (empty, unless --replace)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument("--replace", action="store_true",
                            help="Overwrite a database that already holds sources or meetings.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, path, replace, database, **options):
        connection = connections[database]
        connection.close()  # the restore replaces the tables under any open connection
        try:
            restore(connection.settings_dict, path, replace=replace)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        bump_if_present(database)  # the restored data is not what pages cached under any token were made from
        self.stdout.write(f"Restored {path} into {connection.settings_dict['NAME']}.")
