"""One search document per meeting (meetings/search.py), indexed the way each database can.

PostgreSQL: a GIN index on MeetingSearch.document (the weighted tsvector); the three
expression indexes of migration 0003 are dropped, the search no longer reads them.
SQLite: an FTS5 table over the four parts, with MeetingSearch as its external content
and triggers that copy every insert, update and delete of a MeetingSearch row into it.
Then every existing meeting gets its document.
"""
from importlib import import_module

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS = "meetings_search_fts"
CONTENT = "meetings_meetingsearch"
COLUMNS = "people, places, texts, titles"
NEW = "new.people, new.places, new.texts, new.titles"
OLD = "old.people, old.places, old.texts, old.titles"
SQLITE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{CONTENT}', content_rowid='meeting_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {CONTENT} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.meeting_id, {NEW}); END",
    f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {CONTENT} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.meeting_id, {OLD}); END",
    f"CREATE TRIGGER {FTS}_update AFTER UPDATE ON {CONTENT} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.meeting_id, {OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.meeting_id, {NEW}); END",
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS {FTS}_{name}" for name in ("insert", "delete", "update")] + [
    f"DROP TABLE IF EXISTS {FTS}"]
POSTGRESQL = ["CREATE INDEX meeting_search_document ON meetings_meetingsearch USING gin (document)"]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS meeting_search_document"]
fulltext_0003 = import_module("meetings.migrations.0003_fulltext_search")


def run(statements_by_vendor, then=None):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
        if then:
            then(apps, schema_editor)
    return operation


def fill(apps, schema_editor):
    from meetings.search import refresh_all
    refresh_all(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_source_list_indexes")]

    operations = [
        migrations.CreateModel(
            name="MeetingSearch",
            fields=[
                ("meeting", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                 related_name="search", serialize=False, to="meetings.meeting")),
                ("people", models.TextField(blank=True, help_text="A: participants' and officials' names, aliases, "
                                                                  "family names")),
                ("places", models.TextField(blank=True, help_text="B: countries (names, codes, aliases, demonyms) "
                                                                  "and the place")),
                ("texts", models.TextField(blank=True, help_text="C: statements and commitments")),
                ("titles", models.TextField(blank=True, help_text="D: the meeting's name, its sources' titles and "
                                                                  "publishers")),
                ("document", django.contrib.postgres.search.SearchVectorField(
                    editable=False, help_text="PostgreSQL only: the weighted tsvector", null=True)),
            ],
            options={"verbose_name": "meeting search document"},
        ),
        migrations.RunPython(run({"sqlite": SQLITE, "postgresql": POSTGRESQL}, then=fulltext_0003.remove_indexes),
                             run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE},
                                 then=fulltext_0003.add_indexes)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
