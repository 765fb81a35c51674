"""Counterpart tallies (meetings/aggregates.py): how many meetings each ordered pair of officials took part in
together, behind an official's counterparts met most; filled here from the participants already stored."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from meetings.aggregates import refresh_counterparts

    refresh_counterparts(using=schema_editor.connection.alias, apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0013_data_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='CounterpartTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('meetings', models.PositiveIntegerField()),
                ('counterpart', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.official')),
                ('official', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='counterpart_tallies', to='meetings.official')),
            ],
            options={
                'indexes': [models.Index(fields=['official', '-meetings'], name='counterpart_most_met')],
                'constraints': [models.UniqueConstraint(fields=('official', 'counterpart'), name='counterpart_one_per_pair')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
