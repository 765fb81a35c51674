"""Writes the demo fixture: everything ingested, plus officials the ingest created, with natural keys.

Reference data (countries, groups, offices, known officials) is left out: the
data migration already loads it into every database.
"""
from django.core import serializers
from django.core.management.base import BaseCommand

from meetings.models import Commitment, Meeting, Official, Participant, ReviewStatus, Source, Statement


class Command(BaseCommand):
    help = "Dump ingested records to a fixture (see `make fixtures`)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        querysets = [
            Official.objects.filter(review_status=ReviewStatus.NEEDS_REVIEW).order_by("slug"),
            Source.objects.order_by("content_hash"),
            Meeting.objects.order_by("slug"),
            Participant.objects.order_by("pk"),
            Statement.objects.order_by("pk"),
            Commitment.objects.order_by("pk"),
        ]
        objects = [obj for queryset in querysets for obj in queryset]
        with open(path, "w") as out:
            serializers.serialize("json", objects, indent=1, use_natural_foreign_keys=True,
                                  use_natural_primary_keys=True, stream=out)
        self.stdout.write(f"{len(objects)} records written to {path}")
