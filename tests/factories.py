"""Small builders for records, so each test states only what it is about."""
import hashlib
from datetime import date

from meetings import search
from meetings.models import Meeting, Participant, Source


def make_source(text="A short article.", **fields):
    digest = hashlib.sha256(f"{text}{fields}".encode()).hexdigest()
    defaults = {"file_name": "article.txt", "title": "An article", "raw_content": text, "cleaned_text": text,
                "content_hash": digest, "status": "ok"}
    return Source.objects.create(**{**defaults, **fields})


def make_meeting(countries=("KR", "US"), day=date(2020, 5, 4), participants=(), **fields):
    """participants: (name, country_code, official or None) triples."""
    fields.setdefault("date_precision", "day" if day else "")
    meeting = Meeting.objects.create(date=day, **fields)
    meeting.countries.set(countries)
    for name, country, official in participants:
        Participant.objects.create(meeting=meeting, name=name, country_id=country, official=official,
                                   role="Defense Minister")
    search.refresh([meeting.pk])  # as the ingest and the admin do after they write
    return meeting
