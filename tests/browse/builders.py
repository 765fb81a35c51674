"""Builders for the browsing tests: articles whose facts point at real sentences in them.

The people are invented, so their pages never collide with the reference officials
the migrations load.
"""
from datetime import date

from meetings import search
from meetings.models import Commitment, Evidence, Office, Official, Participant, Statement, Tenure
from tests.factories import make_meeting, make_source

SEOUL_TALKS = (
    "SEOUL -- Defense Minister Han Min-jun of South Korea and U.S. Defense Secretary Robert Hale met in Seoul "
    "on Monday for their annual security consultative talks.\n"
    "\"Our alliance stands ready to answer any provocation on the peninsula,\" Hale told reporters after the talks.\n"
    "Han said the two militaries would share more information on ballistic missile launches.\n"
    "The ministers agreed to hold a combined missile defense exercise before the end of the year.\n"
    "They also pledged to review the transfer of wartime operational control by March 2018.\n"
)


def span_of(text, sentence):
    start = text.index(sentence)
    return start, start + len(sentence)


def make_official(name, country, office_title="Minister of Defence", start=date(2016, 1, 1), end=None):
    """An invented official holding ``office_title`` of ``country`` from ``start`` to ``end``."""
    official = Official.objects.create(name=name, country_id=country, family_name=name.split()[-1])
    office, _ = Office.objects.get_or_create(country_id=country, title=office_title)
    Tenure.objects.create(official=official, office=office, start=start, end=end)
    return official


def add_participant(meeting, official, source=None, sentence=None, role="Defense Minister"):
    start, end = span_of(source.cleaned_text, sentence) if sentence else (None, None)
    participant = Participant.objects.create(meeting=meeting, official=official, name=official.name, role=role,
                                             country=official.country, source=source, span_start=start, span_end=end)
    search.refresh([meeting.pk])
    return participant


def add_statement(meeting, text, countries, source=None, sentence=None, direct=False, speakers=()):
    start, end = span_of(source.cleaned_text, sentence) if sentence else (None, None)
    statement = Statement.objects.create(meeting=meeting, text=text, direct=direct, source=source,
                                         span_start=start, span_end=end)
    statement.speaker_countries.set(countries)
    statement.speakers.set(speakers)
    search.refresh([meeting.pk])
    return statement


def add_commitment(meeting, text, parties, source=None, sentence=None, due=None, due_precision="", **fields):
    start, end = span_of(source.cleaned_text, sentence) if sentence else (None, None)
    commitment = Commitment.objects.create(meeting=meeting, text=text, due=due, due_precision=due_precision,
                                           source=source, span_start=start, span_end=end, **fields)
    commitment.parties.set(parties)
    search.refresh([meeting.pk])
    return commitment


def add_evidence(meeting, source, kind, sentence=None, detail=""):
    start, end = span_of(source.cleaned_text, sentence) if sentence else (None, None)
    return Evidence.objects.create(meeting=meeting, source=source, kind=kind, detail=detail, span_start=start,
                                   span_end=end)


def make_seoul_talks(day=date(2017, 10, 23), han=None, hale=None):
    """A fully extracted meeting: its source, two resolved participants, statements and commitments."""
    han = han or make_official("Han Min-jun", "KR", "Minister of National Defense")
    hale = hale or make_official("Robert Hale", "US", "Secretary of Defense")
    source = make_source(SEOUL_TALKS, title="Allies hold annual security talks in Seoul", publisher="Example Wire",
                         published=day, url="https://news.example.org/seoul-talks", file_name="")
    meeting = make_meeting(countries=["KR", "US"], day=day, name="Security Consultative Meeting", place="Seoul",
                           host_country_id="KR")
    meeting.sources.add(source)
    first = SEOUL_TALKS.splitlines()[0]
    add_evidence(meeting, source, "reported", first, "in person")
    add_evidence(meeting, source, "dated by", first, day.isoformat())
    add_evidence(meeting, source, "placed", first, "Seoul")
    add_evidence(meeting, source, "commitment", SEOUL_TALKS.splitlines()[3])
    han_part = add_participant(meeting, han, source, first, role="Defense Minister")
    hale_part = add_participant(meeting, hale, source, first, role="Defense Secretary")
    quote = SEOUL_TALKS.splitlines()[1]
    add_statement(meeting, "Our alliance stands ready to answer any provocation on the peninsula.", ["US"],
                  source, quote, direct=True, speakers=[hale_part])
    add_statement(meeting, "The two militaries would share more information on ballistic missile launches.", ["KR"],
                  source, SEOUL_TALKS.splitlines()[2], speakers=[han_part])
    add_commitment(meeting, "Hold a combined missile defense exercise", ["KR", "US"], source,
                   SEOUL_TALKS.splitlines()[3], due=date(day.year, 1, 1), due_precision="year")
    add_commitment(meeting, "Review the transfer of wartime operational control", ["KR", "US"], source,
                   SEOUL_TALKS.splitlines()[4], due=date(2018, 3, 1), due_precision="month")
    return meeting


def make_meetings(count, countries=("FR", "DE"), start=date(2010, 1, 1)):
    """``count`` plain meetings of ``countries``, one a week from ``start``."""
    return [make_meeting(countries=countries, day=date.fromordinal(start.toordinal() + 7 * n), name=f"Talks {n}")
            for n in range(count)]


def titles(response):
    """The meetings a list page shows, by title, in order."""
    return [meeting.title for meeting in response.context["object_list"]]


VARIED_PAIRS = [("FR", "DE"), ("GB", "PL"), ("IN", "AU"), ("PH", "JP"), ("SG", "VN"), ("IT", "ES"), ("CA", "NO"),
                ("ID", "MY"), ("TR", "GR"), ("NL", "BE"), ("SE", "FI"), ("BR", "AR")]
VARIED_PLACES = ["Paris", "Warsaw", "New Delhi", "Manila", "Singapore", "Rome", "Ottawa", "Jakarta", "Ankara", "",
                 "Stockholm", "Brasília"]
VARIED_MODES = ["in_person", "in_person", "phone", "video"]


def make_varied_meetings(count=24, first=date(2016, 1, 12)):
    """Meetings of many pairs of countries, places and modes, a few weeks apart: a list that looks lived in."""
    meetings = []
    for n in range(count):
        pair, place = VARIED_PAIRS[n % len(VARIED_PAIRS)], VARIED_PLACES[n % len(VARIED_PLACES)]
        mode = VARIED_MODES[n % len(VARIED_MODES)]
        name = f"Defence talks in {place}" if place and mode == "in_person" else ""
        day = date.fromordinal(first.toordinal() + 41 * n)
        meetings.append(make_meeting(countries=pair, day=day, name=name, place=place if mode == "in_person" else "",
                                     format=mode))
    return meetings


def admin_page_paths(user):
    """Every registered admin model's list, add (where ``user`` may add), change and history pages (the last two
    for its first record), and the admin's index: the pages the security tests walk."""
    from django.contrib import admin
    from django.test import RequestFactory
    from django.urls import reverse

    request = RequestFactory().get("/admin/")
    request.user = user
    paths = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        paths.append(reverse("admin:%s_%s_changelist" % info))
        if model_admin.has_add_permission(request):
            paths.append(reverse("admin:%s_%s_add" % info))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            paths.append(reverse("admin:%s_%s_change" % info, args=[first.pk]))
            paths.append(reverse("admin:%s_%s_history" % info, args=[first.pk]))
    return paths
