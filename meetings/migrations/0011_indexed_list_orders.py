"""Indexes behind two list orders and filters that could use none:

- /officials/, most meetings first: each official keeps its meeting_count (set here from the participants, then
  kept current by the signals in meetings/models.py), read in order from official_most_meetings;
- /commitments/?status=: whether staff set the status was a JSON match on the curated fields; it is now the
  status_checked column (set here, then on every save), indexed with the status.

The statement and commitment lists' order by meeting date needs no new index: both databases walk the meetings'
date index and each meeting's facts by their meeting_id index (tests/browse/test_list_indexes.py).
"""
from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def fill(apps, schema_editor):
    Official = apps.get_model("meetings", "Official")
    Participant = apps.get_model("meetings", "Participant")
    Commitment = apps.get_model("meetings", "Commitment")
    counts = (Participant.objects.filter(official=OuterRef("pk")).order_by().values("official")
              .annotate(n=Count("pk")).values("n"))
    Official.objects.update(meeting_count=Coalesce(Subquery(counts, output_field=models.IntegerField()), 0))
    Commitment.objects.filter(curated_fields__icontains='"status"').update(status_checked=True)


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0010_merge_0009_fact_sources_0009_verify_review_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="status_checked",
            field=models.BooleanField(default=False, editable=False, help_text='Whether staff set the status ("status" is in its curated fields): the ingest only reads a promise, never whether it was kept'),
        ),
        migrations.AddField(
            model_name="official",
            name="meeting_count",
            field=models.PositiveIntegerField(default=0, editable=False, help_text="How many meetings they took part in, kept current on every write of a participant (count_meetings)"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="commitment",
            index=models.Index(fields=["status", "status_checked"], name="commitment_checked_status"),
        ),
        migrations.AddIndex(
            model_name="official",
            index=models.Index(fields=["-meeting_count", "name", "id"], name="official_most_meetings"),
        ),
    ]
