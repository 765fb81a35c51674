"""A merge of two meetings and a later re-ingest of the merged-away meeting's source."""
from datetime import date

import pytest

from ingest.writer import write
from meetings.merge import merge_meetings
from meetings.models import Meeting, Statement
from tests.store.test_writer import TEXT, document, meeting, raw

pytestmark = pytest.mark.django_db

OTHER = TEXT + " More."


def test_writing_the_merged_meetings_source_again_does_not_split_it_again():
    write(raw(), document(meeting()))
    write(raw(OTHER, "other.txt"), document(meeting(day=date(2022, 3, 15)), text=OTHER))
    kept, other = Meeting.objects.order_by("pk")
    merge_meetings(kept, other)
    assert (Meeting.objects.count(), Statement.objects.count()) == (1, 1)
    write(raw(OTHER, "other.txt"), document(meeting(day=date(2022, 3, 15)), text=OTHER))
    assert (Meeting.objects.count(), Statement.objects.count()) == (1, 1)
