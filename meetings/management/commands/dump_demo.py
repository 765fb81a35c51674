"""Writes the demo fixture: everything ingested, plus officials the ingest created, with natural keys.

Reference data (countries, groups, offices, known officials) is left out: the
data migration already loads it into every database. The articles' text (raw
content and cleaned text) is left out too unless --keep-text is given: it is
not ours to redistribute. What was extracted stays, with each source's address,
title, publisher and date, and each meeting's evidence (which sentence of which
source established what, as character spans into the original).
"""
from django.core import serializers
from django.core.management.base import BaseCommand

from meetings.models import Commitment, Evidence, Meeting, Official, Participant, ReviewStatus, Source, Statement


class Command(BaseCommand):
    help = "Dump ingested records to a fixture (see `make fixtures`); the articles' text is left out."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--keep-text", action="store_true",
                            help="keep each source's raw content and cleaned text (for a private copy only)")

    def handle(self, *args, path, keep_text=False, **options):
        sources = list(Source.objects.order_by("content_hash"))
        if not keep_text:
            for source in sources:
                source.raw_content = source.cleaned_text = ""
        querysets = [
            Official.objects.filter(review_status=ReviewStatus.NEEDS_REVIEW).order_by("slug"),
            sources,
            Meeting.objects.order_by("slug"),
            Participant.objects.order_by("pk"),
            Statement.objects.order_by("pk"),
            Commitment.objects.order_by("pk"),
            Evidence.objects.order_by("pk"),
        ]
        objects = [obj for queryset in querysets for obj in queryset]
        with open(path, "w") as out:
            serializers.serialize("json", objects, indent=1, use_natural_foreign_keys=True,
                                  use_natural_primary_keys=True, stream=out)
        meetings = sum(isinstance(obj, Meeting) for obj in objects)
        kept = "with" if keep_text else "without"
        self.stdout.write(f"{len(objects)} records ({meetings} meetings, {len(sources)} sources {kept} their text) "
                          f"written to {path}")
