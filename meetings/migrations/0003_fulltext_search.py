"""GIN indexes for the meeting list's full-text search (?q=), on PostgreSQL only.

Each index is on the very expression meetings.filters.MeetingFilter.search filters
on, SearchVector(field, config="english"), so PostgreSQL can use it. SQLite has
no such index type; there the search falls back to icontains and this migration
does nothing.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

SEARCH_CONFIG = "english"
INDEXES = [
    ("Meeting", "name", "meeting_name_fulltext"),
    ("Statement", "text", "statement_text_fulltext"),
    ("Commitment", "text", "commitment_text_fulltext"),
]


def fulltext_indexes(apps):
    for model_name, field, index_name in INDEXES:
        index = GinIndex(SearchVector(field, config=SEARCH_CONFIG), name=index_name)
        yield apps.get_model("meetings", model_name), index


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in fulltext_indexes(apps):
            schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in fulltext_indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_reference_data")]
    operations = [migrations.RunPython(add_indexes, remove_indexes)]
