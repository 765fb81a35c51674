"""Indexes for /sources/ in the orders it lists: newest stored first, failed sources newest stored first, oldest
published first (each with the id that breaks ties, so a page is read in order without a sort).

status, publisher, published and ingested_at each have their own index already
(db_index). On PostgreSQL only, more: newest published first with undated sources last (SQLite
cannot index NULLS LAST; there that order sorts without one), and trigram GIN
indexes for ?q=, which matches words anywhere (icontains, that is
UPPER(field) LIKE UPPER('%word%')) in the title, address, file name or publisher.
"""
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models.functions import Upper

SEARCHED = ("title", "url", "file_name", "publisher")


def postgresql_indexes():
    yield models.Index(models.F("published").desc(nulls_last=True), models.F("id").desc(),
                       name="source_newest_published")
    for field in SEARCHED:
        yield GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=f"source_{field}_trigram")


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in postgresql_indexes():
            schema_editor.add_index(apps.get_model("meetings", "Source"), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in postgresql_indexes():
            schema_editor.remove_index(apps.get_model("meetings", "Source"), index)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_meeting_evidence")]
    operations = [
        migrations.AddIndex("source", models.Index(fields=["-ingested_at", "-id"], name="source_stored_order")),
        migrations.AddIndex("source", models.Index(fields=["status", "-ingested_at", "-id"],
                                                   name="source_status_stored")),
        migrations.AddIndex("source", models.Index(fields=["published", "id"], name="source_published_order")),
        TrigramExtension(),  # does nothing on other databases
        migrations.RunPython(add_indexes, remove_indexes),
    ]
