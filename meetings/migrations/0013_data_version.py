"""The data version the page cache keys its pages by (meetings/pagecache.py): one row, its token random."""
import secrets

from django.db import migrations, models


def first_version(apps, schema_editor):
    DataVersion = apps.get_model("meetings", "DataVersion")
    DataVersion.objects.using(schema_editor.connection.alias).update_or_create(
        pk=1, defaults={"version": secrets.randbits(62)})


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0012_meeting_tallies'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
