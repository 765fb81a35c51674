"""Backups: `manage.py backup` (make backup) writes the whole database to one file, and `manage.py restore`
(make restore) puts it into a fresh database, where every row of every table is found again, History included.
Runs on the database under test: pg_dump/pg_restore on PostgreSQL, SQLite's backup API on SQLite."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from meetings.backups import BackupError, _psycopg_arguments, _sqlite, holds_data, is_postgresql, restore
from meetings.models import Meeting

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # pg_dump sees committed rows only


@pytest.fixture
def site_data(django_user_model):
    """Articles ingested (sources, meetings, facts, evidence, History), a correction and a deletion by staff
    (History with its user), on top of the reference data the migrations load."""
    call_command("ingest", str(GOLDEN), stdout=io.StringIO(), stderr=io.StringIO())
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    meeting = Meeting.objects.order_by("pk").first()
    meeting.place, meeting._history_user = "Corrected place", editor
    meeting.save()
    last = Meeting.objects.order_by("-pk").first()
    last._history_user = editor
    last.delete()
    assert Meeting.history.filter(history_user=editor).count() == 2


@pytest.fixture
def fresh_database(tmp_path):
    """The settings of a database that exists but holds nothing: a new SQLite file, or a new PostgreSQL database
    beside the test one."""
    settings_dict = dict(connection.settings_dict)
    if not is_postgresql(settings_dict):
        settings_dict["NAME"] = str(tmp_path / "fresh.sqlite3")
        yield settings_dict
        return
    import psycopg

    settings_dict["NAME"] = f"{connection.settings_dict['NAME']}_restored"
    server = {**_psycopg_arguments(settings_dict), "dbname": "postgres"}
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
        admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    yield settings_dict
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}" WITH (FORCE)')


def every_row(settings_dict):
    """{table: its rows, sorted}, for every table of the database, read through a plain DB-API connection."""
    if is_postgresql(settings_dict):
        import psycopg

        with psycopg.connect(**_psycopg_arguments(settings_dict)) as db:
            tables = [name for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
            return {table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
    db = _sqlite(settings_dict)
    try:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
    finally:
        db.close()


def test_a_backup_restored_into_a_fresh_database_has_every_row_and_every_history_entry(site_data, fresh_database,
                                                                                        tmp_path):
    out = io.StringIO()
    call_command("backup", str(tmp_path / "site.backup"), stdout=out)
    assert out.getvalue().startswith(f"Backed up to {tmp_path / 'site.backup'}")
    restore(fresh_database, tmp_path / "site.backup")

    before, after = every_row(connection.settings_dict), every_row(fresh_database)
    assert set(after) == set(before)
    assert [table for table in before if before[table] != after[table]] == []
    assert sum(map(len, after.values())) > 1000
    for table in ("meetings_source", "meetings_meeting", "meetings_participant", "meetings_statement",
                  "meetings_commitment", "meetings_evidence", "auth_user"):
        assert after[table], table
    histories = [table for table in after if table.startswith("meetings_historical")]
    assert len(histories) >= 7 and all(after[table] for table in ("meetings_historicalmeeting",
                                                                 "meetings_historicalofficial",
                                                                 "meetings_historicalparticipant",
                                                                 "meetings_historicalstatement",
                                                                 "meetings_historicalcommitment"))
    assert len(after["meetings_historicalmeeting"]) == Meeting.history.count()


def test_a_restore_leaves_a_database_holding_data_alone_unless_told_to_replace_it(site_data, fresh_database,
                                                                                  tmp_path):
    call_command("backup", str(tmp_path / "site.backup"), stdout=io.StringIO())
    restore(fresh_database, tmp_path / "site.backup")
    with pytest.raises(BackupError, match="already holds sources or meetings"):
        restore(fresh_database, tmp_path / "site.backup")
    assert holds_data(fresh_database)
    restore(fresh_database, tmp_path / "site.backup", replace=True)
    assert every_row(fresh_database) == every_row(connection.settings_dict)


def test_the_restore_command_runs_as_make_restore_does(site_data, fresh_database, tmp_path):
    call_command("backup", str(tmp_path / "site.backup"), stdout=io.StringIO())
    environment = {**os.environ, "DATABASE_URL": database_url(fresh_database)}
    result = subprocess.run([sys.executable, "manage.py", "restore", str(tmp_path / "site.backup")], cwd=ROOT,
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert every_row(fresh_database)["meetings_source"] == every_row(connection.settings_dict)["meetings_source"]
    again = subprocess.run([sys.executable, "manage.py", "restore", str(tmp_path / "site.backup")], cwd=ROOT,
                           env=environment, capture_output=True, text=True)
    assert again.returncode == 1 and "already holds sources or meetings" in again.stderr


def database_url(settings_dict):
    if not is_postgresql(settings_dict):
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{settings_dict['NAME']}"


def test_a_backup_of_the_other_kind_or_no_backup_is_refused(fresh_database, tmp_path):
    wrong = tmp_path / "wrong.backup"
    wrong.write_bytes(b"PGDMP" if not is_postgresql(fresh_database) else b"SQLite format 3\x00")
    with pytest.raises(BackupError, match="SQLite backup"):
        restore(fresh_database, wrong)
    with pytest.raises(BackupError, match="no such backup file"):
        restore(fresh_database, tmp_path / "missing.backup")
