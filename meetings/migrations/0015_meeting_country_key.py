"""Meeting.country_key (meetings/aggregates.py): its countries' codes, sorted, joined by commas, indexed with the date,
so a meeting's page finds the previous and next meeting of the same countries by one index; filled here."""

from django.conf import settings
from django.db import migrations, models


def fill(apps, schema_editor):
    from meetings.aggregates import refresh_country_keys

    refresh_country_keys(using=schema_editor.connection.alias, apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0014_counterpart_tallies'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='meeting',
            name='country_key',
            field=models.CharField(blank=True, default='', editable=False, help_text='Its countries\' codes, sorted, joined by commas ("KR,US"): the meetings of exactly the same countries are found by one index. Kept current with the countries (meetings/aggregates.py)', max_length=1000),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['country_key', 'date', 'id'], name='meeting_same_countries'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
