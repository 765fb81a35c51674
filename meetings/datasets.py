"""Meetings reshaped as the datasets researchers load: dyadic events and country-pair-years.

Events follow CAMEO's consultation codes (040 to 044) and PLOVER's CONSULT with its mode. Direction comes from the
meeting's recorded host (``Meeting.host_country``, set by the ingest from the place's country and editable in the
admin): the other countries of an in-person meeting held in the host's country visited it. Nothing is guessed from
word order. README.md ("API and data export") has the mapping as a table.
"""
from collections import defaultdict
from dataclasses import dataclass
from itertools import permutations

from django.db.models import Count, F
from django.db.models.functions import ExtractYear

from .models import Meeting, MeetingFormat

CAMEO_LABELS = {
    "040": "Consult, not specified below",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
}
PLOVER_EVENT = "CONSULT"
PLOVER_MODES = ["visit", "third-party", "multilateral", "phone", ""]
ROLES = ["visitor", "host", "participant"]
REMOTE_FORMATS = (MeetingFormat.PHONE, MeetingFormat.VIDEO)


@dataclass
class DyadicEvent:
    """One ordered pair of a meeting's countries: CAMEO's source and target, PLOVER's source and recipient."""
    meeting: Meeting
    source: str
    target: str
    source_role: str        # "visitor", "host" or "participant" (no host recorded among the meeting's countries)
    target_role: str
    cameo_code: str
    plover_mode: str        # "visit", "third-party", "multilateral", "phone", or "" (not known)
    plover_source: str
    plover_recipient: str

    plover_event = PLOVER_EVENT

    @property
    def cameo_label(self):
        return CAMEO_LABELS[self.cameo_code]

    @property
    def country_count(self):
        return len(self.meeting.countries.all())

    @property
    def event_id(self):
        return f"{self.meeting.slug}:{self.source}-{self.target}"


def meeting_events(meeting):
    """The meeting as one event per ordered pair of its countries (reads ``meeting.countries``, prefetched)."""
    codes = sorted(country.code for country in meeting.countries.all())
    multilateral = len(codes) > 2
    remote = meeting.format in REMOTE_FORMATS
    host = meeting.host_country_id if meeting.host_country_id in codes else None
    elsewhere = meeting.host_country_id is not None and host is None
    events = []
    for source, target in permutations(codes, 2):
        roles = [role_of(code, host) for code in (source, target)]
        plover_source, plover_recipient = source, target
        if remote:
            cameo, mode = "041", "phone"
        elif host is None:
            cameo = "044" if elsewhere else "040"
            mode = "multilateral" if multilateral else ("third-party" if elsewhere else "")
        elif target == host:
            cameo, mode = "042", "multilateral" if multilateral else "visit"
        elif source == host:
            cameo, mode = "043", "multilateral" if multilateral else "visit"
            plover_source, plover_recipient = target, source  # PLOVER: the visitor is the source
        else:
            cameo, mode = "044", "multilateral"  # two visitors of a third country, the host
        events.append(DyadicEvent(meeting, source, target, *roles, cameo, mode, plover_source, plover_recipient))
    return events


def role_of(code, host):
    if host is None:
        return "participant"
    return "host" if code == host else "visitor"


# Country-pair-years ---------------------------------------------------------------------------

MODE_COLUMNS = {MeetingFormat.IN_PERSON: "in_person", MeetingFormat.PHONE: "phone", MeetingFormat.VIDEO: "video"}
PAIR_YEAR_FIELDS = ["country_a", "country_b", "year", "meetings", "in_person", "phone", "video", "statements",
                    "commitments"]


def pair_years(meetings):
    """For every unordered pair of countries that met in ``meetings`` (a queryset) and every year: meetings by mode,
    and the statements and commitments of those meetings. Undated meetings are left out; pairs in the alphabetical
    order of their codes. Three grouped queries, whatever the number of meetings."""
    ids = meetings.filter(date__isnull=False).order_by().values("pk")
    pairs = (Meeting.countries.through.objects.filter(meeting__in=ids)
             .annotate(partner=F("meeting__countries__code"), year=ExtractYear("meeting__date"))
             .filter(partner__gt=F("country_id")).order_by())
    rows = defaultdict(lambda: dict.fromkeys(PAIR_YEAR_FIELDS[3:], 0))
    for row in pairs.values("country_id", "partner", "year", "meeting__format").annotate(n=Count("meeting_id")):
        counts = rows[(row["country_id"], row["partner"], row["year"])]
        counts["meetings"] += row["n"]
        counts[MODE_COLUMNS.get(row["meeting__format"], "in_person")] += row["n"]
    for column in ("statements", "commitments"):
        facts = pairs.values("country_id", "partner", "year").annotate(n=Count(f"meeting__{column}"))
        for row in facts:
            rows[(row["country_id"], row["partner"], row["year"])][column] += row["n"]
    return [{"country_a": a, "country_b": b, "year": year, **counts}
            for (a, b, year), counts in sorted(rows.items())]
