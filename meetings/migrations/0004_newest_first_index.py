"""An index for the meeting list's default order, newest first with undated meetings last, on PostgreSQL only.

SQLite cannot create an index with NULLS LAST; there the list sorts without it.
"""
from django.db import migrations, models

INDEX = models.Index(models.F("date").desc(nulls_last=True), models.F("id").desc(), name="meeting_newest_first")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("meetings", "Meeting"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("meetings", "Meeting"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_fulltext_search")]
    operations = [migrations.RunPython(add_index, remove_index)]
