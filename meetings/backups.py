"""Backups of the whole database in one file, and their restore (manage.py backup / restore, make backup / restore).

PostgreSQL: pg_dump's custom format, a consistent snapshot taken while the site runs, restored by pg_restore in one
transaction (all of it or nothing). SQLite: its online backup API, a consistent page-by-page copy, restored the same
way. Everything is in the database (sources' texts, facts, History, users), so one file is the whole site.
"""
import os
import sqlite3
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from meetings.models import Meeting, Source

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that did not happen; the message says why."""


def is_postgresql(settings_dict):
    return settings_dict["ENGINE"] == "django.db.backends.postgresql"


def default_name(settings_dict, moment=None):
    """ministerial-20250131T020000Z.dump (PostgreSQL) or .sqlite3 (SQLite)."""
    stamp = (moment or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    return f"ministerial-{stamp}.{'dump' if is_postgresql(settings_dict) else 'sqlite3'}"


def back_up(connection, path):
    """Write the whole database behind Django ``connection`` to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_postgresql(connection.settings_dict):
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path)], connection.settings_dict)
    else:
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    return path


def restore(settings_dict, path, replace=False):
    """Replace the content of the database ``settings_dict`` names with the backup at ``path``. A database that
    already holds sources or meetings is left alone unless ``replace``: a restore into the wrong database would
    lose everything written since the backup."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    with path.open("rb") as file:
        is_sqlite_file = file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    if is_sqlite_file and is_postgresql(settings_dict):
        raise BackupError(f"{path} is an SQLite backup; this database is PostgreSQL")
    if not is_sqlite_file and not is_postgresql(settings_dict):
        raise BackupError(f"{path} is not an SQLite backup (a pg_dump file?); this database is SQLite")
    if not replace and holds_data(settings_dict):
        raise BackupError(f"{settings_dict['NAME']} already holds sources or meetings: restore into an empty "
                          "database, or pass --replace to overwrite it")
    if is_postgresql(settings_dict):
        _run(["pg_restore", "--no-owner", "--no-privileges", "--clean", "--if-exists", "--single-transaction",
              "--exit-on-error", "--dbname", settings_dict["NAME"], str(path)], settings_dict)
        return
    source, target = sqlite3.connect(path), _sqlite(settings_dict)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def holds_data(settings_dict):
    """Whether the database has a Source or a Meeting (no tables at all counts as empty)."""
    query = f"SELECT EXISTS (SELECT 1 FROM {Source._meta.db_table}) OR EXISTS (SELECT 1 FROM {Meeting._meta.db_table})"
    if is_postgresql(settings_dict):
        import psycopg

        try:
            with psycopg.connect(**_psycopg_arguments(settings_dict)) as connection:
                return bool(connection.execute(query).fetchone()[0])
        except psycopg.errors.UndefinedTable:
            return False
    connection = _sqlite(settings_dict)
    try:
        return bool(connection.execute(query).fetchone()[0])
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def _sqlite(settings_dict):
    name = str(settings_dict["NAME"])
    return sqlite3.connect(name, uri=name.startswith("file:"))


def _psycopg_arguments(settings_dict):
    arguments = {"dbname": settings_dict["NAME"], "user": settings_dict.get("USER"),
                 "password": settings_dict.get("PASSWORD"), "host": settings_dict.get("HOST"),
                 "port": settings_dict.get("PORT")}
    return {key: value for key, value in arguments.items() if value}


def _run(command, settings_dict):
    """A PostgreSQL client program, connected as Django is: host, port, user and password by the environment."""
    environment = {**os.environ, "PGDATABASE": settings_dict["NAME"]}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
