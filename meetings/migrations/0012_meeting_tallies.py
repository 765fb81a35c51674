"""Meeting tallies (meetings/aggregates.py): the counts behind the meeting list's facets and a country's partners,
filled here from the meetings already stored."""
from django.db import migrations, models


def fill(apps, schema_editor):
    from meetings.aggregates import refresh_aggregates

    refresh_aggregates(using=schema_editor.connection.alias, apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0011_indexed_list_orders'),
    ]

    operations = [
        migrations.CreateModel(
            name='MeetingTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', models.CharField(blank=True, max_length=2)),
                ('partner', models.CharField(blank=True, max_length=2)),
                ('year', models.PositiveSmallIntegerField()),
                ('format', models.CharField(choices=[('in_person', 'in person'), ('phone', 'phone call'), ('video', 'video call')], max_length=10)),
                ('meetings', models.PositiveIntegerField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('country', 'partner', 'year', 'format'), name='tally_one_per_cell')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
