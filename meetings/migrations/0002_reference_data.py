"""Loads every country, group, defense office and official, so a fresh database can resolve names."""
from django.db import migrations


def load(apps, schema_editor):
    from meetings.reference import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
