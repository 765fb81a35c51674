"""Pages analysts browse; every view reads the database only, never parses articles.

Lists fetch a fixed number of queries whatever their length (select_related and
prefetch_related), and page with a "next page" probe (one row more than shown)
instead of counting every matching row.
"""
import re
from typing import NamedTuple

from django.db.models import (
    Case, Count, Exists, F, IntegerField, Max, OuterRef, Prefetch, Q, Sum, Value, When,
)
from django.db.models.functions import ExtractMonth, Greatest, Substr
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView, YearArchiveView
from django_filters.views import FilterView

from . import aggregates, search
from .filters import CommitmentFilter, MeetingFilter, OfficialFilter, SourceFilter, StatementFilter, fact_order
from .pagecache import CachedPageMixin, cached_page
from .streaming import batched_rows, streamed_csv
from .support import SourceSupport
from .models import (
    Commitment, Country, CounterpartTally, DatePrecision, Meeting, Official, Participant, Source, SourceStatus,
    Statement, Tenure, rows_naming,
)

MEETING_PAGE_SIZE = 25
OFFICIAL_PAGE_SIZE = 50
SOURCE_PAGE_SIZE = 50
EXPORT_PAGE_SIZE = 500
MAX_PAGE = 10_000  # deeper offsets are refused (404) rather than sent to the database
COUNT_CAP = 100_000  # counts stop here ("100,000+"), so no page ever counts a whole large table
FACTS_SHOWN = 50  # statements or commitments on an official's page
SEARCH_CAP = 1_000  # a search on /meetings/ ranks and counts at most this many matches (search.first_matches)
RECENT_MEETINGS = 10
TIMELINE_MEETINGS = 100  # dots on an official's timeline: their latest meetings; the meeting list has the rest
SUGGESTIONS = 10  # officials and countries the header search suggests
SUGGEST_QUERY_LENGTH = 100
EXPORT_FORMATS = ("json", "csv")
MEETING_EXPORT_FIELDS = ["slug", "url", "title", "date", "date_precision", "mode", "place", "host_country",
                         "countries", "participants", "statements", "commitments", "review_status"]
FACT_PAGE_SIZE = 50
MeetingCountry = Meeting.countries.through


class CappedCount(NamedTuple):
    value: int
    more: bool  # there are more than ``value``


def capped_count(queryset):
    """How many rows, counting at most COUNT_CAP + 1 of them."""
    found = queryset.order_by().values("pk")[:COUNT_CAP + 1].count()
    return CappedCount(min(found, COUNT_CAP), found > COUNT_CAP)


def meeting_rows(queryset):
    """What a row of a meeting table shows, in a fixed number of queries."""
    return queryset.select_related("host_country").prefetch_related("countries")


def with_sentence(queryset):
    """Each fact's source sentence, cut out by the database instead of loading whole articles."""
    return queryset.annotate(sentence=Substr("source__cleaned_text", F("span_start") + 1,
                                             Greatest(F("span_end") - F("span_start"), Value(0))))


def with_source(queryset):
    """Facts with their sentence and their source's title (not its text), for pages that name the source."""
    return with_sentence(queryset).select_related("source").defer("source__raw_content", "source__cleaned_text")


def newest_first(queryset):
    """Latest meetings first, undated ones last on every database."""
    return queryset.order_by(F("date").desc(nulls_last=True), "-id")


class ProbePage:
    """One page of rows, found by fetching one row more than it shows: no COUNT(*) needed."""

    def __init__(self, rows, number, page_size):
        self.object_list = rows[:page_size]
        self.number = number
        self.has_next = len(rows) > page_size
        self.has_previous = number > 1
        self.start_index = (number - 1) * page_size + 1 if self.object_list else 0
        self.end_index = (number - 1) * page_size + len(self.object_list)

    def has_other_pages(self):
        return self.has_next or self.has_previous

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


class ProbePaginationMixin:
    """Replaces Django's counting paginator in any MultipleObjectMixin view."""

    def paginate_queryset(self, queryset, page_size):
        raw = self.request.GET.get(self.page_kwarg) or "1"
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:  # "²" is a digit, not a number
            raise Http404("No such page.")
        number = int(raw)
        offset = (number - 1) * page_size
        rows = list(queryset[offset:offset + page_size + 1])
        if number > 1 and not rows:
            raise Http404("No such page.")
        page = ProbePage(rows, number, page_size)
        return None, page, page.object_list, page.has_other_pages()


class FilteredListView(CachedPageMixin, ProbePaginationMixin, FilterView):
    """A FilterSet-driven list that answers 400, with the form's errors, to values it cannot use."""

    def filters_rejected(self):
        return self.filterset.is_bound and not self.filterset.is_valid()

    def render_to_response(self, context, **response_kwargs):
        if self.filters_rejected():
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class ExportMixin:
    """?format=json or ?format=csv: the same filtered rows as the page, in the same order. JSON comes in pages of
    EXPORT_PAGE_SIZE with a link to the next; CSV is every row in one download, streamed as it is read (see
    meetings/streaming.py). Subclasses give ``export_record(row)``, ``export_fields`` and ``export_name``;
    ``json_record`` and ``csv_row`` adapt a record to one of the two formats."""

    export_fields: list[str] = []
    export_name = "export"

    def get(self, request, *args, **kwargs):
        self.export_format = request.GET.get("format", "")
        if self.export_format and self.export_format not in EXPORT_FORMATS:
            message = f"Unknown format “{self.export_format}”: use format=json or format=csv."
            return render(request, "400.html", {"message": message}, status=400)
        if self.export_format == "csv":
            return self.streamed_csv_response()
        return super().get(request, *args, **kwargs)

    def streamed_csv_response(self):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_valid():
            return JsonResponse({"errors": self.filterset.errors}, status=400)
        records = (self.csv_row(self.export_record(row)) for row in batched_rows(self.filterset.qs))
        return streamed_csv(records, self.export_fields, self.export_name)

    def get_paginate_by(self, queryset):
        return EXPORT_PAGE_SIZE if self.export_format else self.paginate_by

    def export_record(self, row):
        raise NotImplementedError

    def json_record(self, row, record):
        """The record as the JSON export gives it: unchanged unless a subclass adds to it."""
        return record

    def csv_row(self, record):
        """The record as a CSV row: unchanged unless a subclass flattens a value."""
        return record

    def render_to_response(self, context, **response_kwargs):
        if not self.export_format:
            return super().render_to_response(context, **response_kwargs)
        if self.filters_rejected():
            return JsonResponse({"errors": self.filterset.errors}, status=400)
        page = context["page_obj"]
        records = [self.export_record(row) for row in page.object_list]
        next_url = self.next_page_url(page)
        results = [self.json_record(row, record) for row, record in zip(page.object_list, records)]
        response = JsonResponse({"page": page.number, "next": next_url, "results": results})
        if next_url:
            response["Link"] = f'<{next_url}>; rel="next"'
        return response

    def next_page_url(self, page):
        if not page.has_next:
            return None
        params = self.request.GET.copy()
        params["page"] = page.next_page_number()
        return self.request.build_absolute_uri(f"?{params.urlencode()}")


class FacetedListView(ExportMixin, FilteredListView):
    """A filtered list whose page shows facet counts, the active filters and their total (neither an export nor a
    400 counts them), with JSON and CSV exports of its rows. ``total_facet`` names a facet every row has exactly one
    value of, so that its counts add up to the total without a COUNT of their own."""

    total_facet = ""

    def facet_options(self):
        """Keyword arguments for the FilterSet's ``facets``."""
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filters_rejected() or self.export_format:
            return context
        facets = self.filterset.facets(**self.facet_options())
        total = sum(facet.count for facet in facets[self.total_facet])
        return {**context, "facets": facets, "active_filters": self.filterset.active_filters(), "total": total}


class HomeView(CachedPageMixin, TemplateView):
    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=[
                ("meetings", CappedCount(aggregates.meeting_total(), False), "meetings:meeting_list"),
                ("officials who met", capped_count(Official.objects.filter(Exists(Participant.objects.filter(
                    official=OuterRef("pk"))))), "meetings:official_list"),
                ("countries", CappedCount(len(aggregates.partner_counts()), False), "meetings:country_list"),
                ("statements", capped_count(Statement.objects.all()), None),
                ("commitments", capped_count(Commitment.objects.all()), None),
                ("sources", capped_count(Source.objects.all()), None),
            ],
            latest=meeting_rows(newest_first(Meeting.objects.all()))[:RECENT_MEETINGS],
            years=aggregates.years(),
            **kwargs,
        )


# Meetings ------------------------------------------------------------------------------------


class MeetingListView(FacetedListView):
    """/meetings/: filters, facets, sorting and pages; ?format=json or csv for the same rows."""

    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    paginate_by = MEETING_PAGE_SIZE
    export_fields = MEETING_EXPORT_FIELDS
    export_name = "meetings"
    total_facet = "modes"  # every meeting has a mode

    def get_queryset(self):
        meetings = meeting_rows(newest_first(Meeting.objects.all()))
        if not self.export_format:
            return meetings
        return meetings.annotate(statement_count=rows_naming(Statement, "meeting"),
                                 commitment_count=rows_naming(Commitment, "meeting")
                                 ).prefetch_related(Prefetch("participants", queryset=Participant.objects.select_related(
                                     "official").order_by("id")))

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        if not self.export_format:  # the page ranks the first SEARCH_CAP matches; the exports give every match
            filterset.search_cap = SEARCH_CAP
        return filterset

    def facet_options(self):
        return {"all_countries": self.request.GET.get("all_countries") == "1"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            selected_countries=self.filterset.selected_countries(),
            all_countries=Country.objects.only("code", "name"), **kwargs)
        context["country_links"] = getattr(self.filterset, "country_links", None)
        context["search_capped"] = self.filterset.search_capped
        context["search_cap"] = SEARCH_CAP
        return context

    def export_record(self, meeting):
        """One meeting as the JSON and CSV exports give it (JSON adds ``matched`` when the list is a search)."""
        return {
            "slug": meeting.slug,
            "url": self.request.build_absolute_uri(meeting.get_absolute_url()),
            "title": meeting.title,
            "date": meeting.date.isoformat() if meeting.date else None,
            "date_precision": meeting.date_precision or None,
            "mode": meeting.format,
            "place": meeting.place,
            "host_country": meeting.host_country_id,
            "countries": [country.code for country in meeting.countries.all()],
            "participants": [{"name": p.official.name if p.official else p.name, "as_written": p.name,
                              "country": p.country_id, "official": p.official.slug if p.official else None}
                             for p in meeting.participants.all()],
            "statements": meeting.statement_count,
            "commitments": meeting.commitment_count,
            "review_status": meeting.review_status,
        }

    def json_record(self, meeting, record):
        if hasattr(meeting, "search_snippet"):
            record["matched"] = str(search.marked(meeting.search_snippet))
        return record

    def csv_row(self, record):
        return {**record, "countries": " ".join(record["countries"]),
                "participants": "; ".join(f"{p['name']} ({p['country']})" for p in record["participants"])}


def month_counts(year):
    """Meetings per month of ``year``, for the timeline; those known only by their year are left out."""
    rows = (Meeting.objects.filter(date__year=year).exclude(date_precision=DatePrecision.YEAR)
            .annotate(month=ExtractMonth("date")).values("month").annotate(n=Count("pk")).order_by())
    counts = {row["month"]: row["n"] for row in rows}
    return [counts.get(month, 0) for month in range(1, 13)]


class MeetingArchiveMixin(CachedPageMixin, ProbePaginationMixin):
    queryset = Meeting.objects.all()
    date_field = "date"
    allow_future = True
    ordering = ["date", "id"]
    paginate_by = MEETING_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        """Only the listed rows need their countries; the previous/next lookups do not."""
        return super().paginate_queryset(meeting_rows(queryset), page_size)

    def get_context_data(self, **kwargs):
        kwargs["year"] = int(self.get_year())  # the year archive passes a date; templates want the number
        return super().get_context_data(month_counts=month_counts(kwargs["year"]), **kwargs)


class MeetingYearView(MeetingArchiveMixin, YearArchiveView):
    """/meetings/2017/: that year's meetings in order, with a timeline of meetings per month."""

    template_name = "meetings/meeting_archive.html"
    make_object_list = True


class MeetingMonthView(MeetingArchiveMixin, MonthArchiveView):
    """/meetings/2017/10/: one month's meetings (those dated to the day or month)."""

    template_name = "meetings/meeting_archive.html"
    month_format = "%m"
    queryset = Meeting.objects.exclude(date_precision=DatePrecision.YEAR)


def same_countries_neighbours(meeting):
    """The meetings of exactly these countries just before and just after this one: read from the
    meeting_same_countries index (country key, date, id), however many meetings each of the countries has."""
    codes = [country.code for country in meeting.countries.all()]
    if not codes or meeting.date is None:
        return None, None
    peers = Meeting.objects.filter(country_key=aggregates.country_key(codes), date__isnull=False).exclude(
        pk=meeting.pk)
    day = meeting.date
    # The bound on the date alone lets the index start at the meeting instead of filtering every meeting past it.
    previous = (peers.filter(Q(date__lt=day) | Q(date=day, pk__lt=meeting.pk), date__lte=day)
                .order_by("-date", "-pk").first())
    following = (peers.filter(Q(date__gt=day) | Q(date=day, pk__gt=meeting.pk), date__gte=day)
                 .order_by("date", "pk").first())
    return previous, following


class MeetingDetailView(CachedPageMixin, DetailView):
    """/meetings/<slug>/: everything known about one meeting, each fact with the sentence it came from."""

    template_name = "meetings/meeting_detail.html"
    queryset = Meeting.objects.select_related("host_country").prefetch_related(
        "countries",
        Prefetch("participants", queryset=with_source(Participant.objects.select_related("official", "country"))),
        Prefetch("statements", queryset=with_source(Statement.objects.prefetch_related(
            "speaker_countries", Prefetch("speakers", queryset=Participant.objects.select_related("official"))))),
        Prefetch("commitments", queryset=with_source(Commitment.objects.prefetch_related("parties"))),
        Prefetch("sources", queryset=Source.objects.defer("raw_content", "cleaned_text")),
    )

    def get_context_data(self, **kwargs):
        meeting = self.object
        previous, following = same_countries_neighbours(meeting)
        statements = list(meeting.statements.all())
        return super().get_context_data(
            direct_quotes=[s for s in statements if s.direct],
            reported_statements=[s for s in statements if not s.direct],
            previous_meeting=previous, next_meeting=following, **kwargs)


# Statements and commitments ------------------------------------------------------------------

STATEMENT_EXPORT_FIELDS = ["id", "meeting", "meeting_url", "meeting_date", "text", "direct", "speakers",
                           "speaker_countries", "source", "sentence_url"]
COMMITMENT_EXPORT_FIELDS = ["id", "meeting", "meeting_url", "meeting_date", "text", "parties", "due", "due_precision",
                            "status", "source", "sentence_url"]


def fact_rows(queryset):
    """Facts as a list shows them: their meeting (with its countries), their sentence, their source's title."""
    return with_source(queryset).select_related("meeting").prefetch_related("meeting__countries")


class FactListView(FacetedListView):
    """A list of statements or commitments: its meeting's newest first; ?format=json or csv for the same rows."""

    paginate_by = FACT_PAGE_SIZE

    def get_context_data(self, **kwargs):
        return super().get_context_data(selected_countries=self.filterset.selected_countries(),
                                        all_countries=Country.objects.only("code", "name"), **kwargs)

    def fact_record(self, fact):
        meeting = fact.meeting
        return {
            "id": fact.pk,
            "meeting": meeting.slug,
            "meeting_url": self.request.build_absolute_uri(meeting.get_absolute_url()),
            "meeting_date": meeting.date.isoformat() if meeting.date else None,
            "text": fact.text,
            "source": source_title(fact.source) if fact.source_id else None,
            "sentence_url": (self.request.build_absolute_uri(sentence_url(fact)) if sentence_url(fact) else None),
        }

    def csv_row(self, record):
        return {key: " ".join(value) if isinstance(value, list) else value for key, value in record.items()}


def sentence_url(fact):
    if fact.source_id is None or fact.span_start is None or fact.span_end is None:
        return ""
    return f"{reverse('meetings:source_detail', args=[fact.source_id])}#span-{fact.span_start}-{fact.span_end}"


def source_title(source):
    """What to call a source: its title, else its publisher and date, else its address's host; never a file path."""
    if source.title:
        return source.title
    published = source.published.strftime("%-d %b %Y") if source.published else ""
    if source.publisher:
        return f"{source.publisher}, {published}" if published else source.publisher
    host = re.sub(r"^[a-z]+://(www\.)?", "", source.url or "").split("/")[0]
    if host:
        return f"Article from {host}" + (f", {published}" if published else "")
    return f"Article of {published}" if published else f"Untitled source #{source.pk}"


class StatementListView(FactListView):
    """/statements/: every statement, filterable by speaker's country, the meeting's countries and year, kind."""

    filterset_class = StatementFilter
    template_name = "meetings/statement_list.html"
    export_fields = STATEMENT_EXPORT_FIELDS
    export_name = "statements"
    total_facet = "kinds"  # every statement is quoted directly or reported

    def get_queryset(self):
        return fact_rows(Statement.objects.order_by(*fact_order("-date"))).prefetch_related(
            "speaker_countries", Prefetch("speakers", queryset=Participant.objects.select_related("official")))

    def export_record(self, statement):
        return {**self.fact_record(statement), "direct": statement.direct,
                "speakers": [s.official.name if s.official else s.name for s in statement.speakers.all()],
                "speaker_countries": [c.code for c in statement.speaker_countries.all()]}

    def csv_row(self, record):
        return {**super().csv_row(record), "speakers": "; ".join(record["speakers"])}


class CommitmentListView(FactListView):
    """/commitments/: every commitment, filterable by party, due year, status and the meeting's countries; a status
    nobody checked reads "not checked", and a passed due date is a fact, not "overdue"."""

    filterset_class = CommitmentFilter
    template_name = "meetings/commitment_list.html"
    export_fields = COMMITMENT_EXPORT_FIELDS
    export_name = "commitments"
    total_facet = "statuses"  # every commitment has one status, "not checked" included

    def get_queryset(self):
        return fact_rows(Commitment.objects.order_by(*fact_order("-date"))).prefetch_related("parties")

    def export_record(self, commitment):
        return {**self.fact_record(commitment), "parties": [c.code for c in commitment.parties.all()],
                "due": commitment.due.isoformat() if commitment.due else None,
                "due_precision": commitment.due_precision or None,
                "status": commitment.status if commitment.status_checked else "not_checked"}


# Officials -----------------------------------------------------------------------------------


OFFICIAL_EXPORT_FIELDS = ["slug", "url", "name", "country", "meetings", "offices"]


class OfficialListView(ExportMixin, FilteredListView):
    """/officials/: every known official, filtered by country, office, year in office and name; ?format=json or csv
    for the same rows."""

    filterset_class = OfficialFilter
    template_name = "meetings/official_list.html"
    paginate_by = OFFICIAL_PAGE_SIZE
    export_fields = OFFICIAL_EXPORT_FIELDS
    export_name = "officials"

    def export_record(self, official):
        return {
            "slug": official.slug,
            "url": self.request.build_absolute_uri(official.get_absolute_url()),
            "name": official.name,
            "country": official.country_id,
            "meetings": official.meeting_count,
            "offices": [{"office": tenure.office.title, "start": tenure.start.isoformat() if tenure.start else None,
                         "end": tenure.end.isoformat() if tenure.end else None} for tenure in official.tenures.all()],
        }

    def csv_row(self, record):
        offices = "; ".join(f"{o['office']} ({o['start'] or '?'}–{o['end'] or ''})" for o in record["offices"])
        return {**record, "offices": offices}

    def get_queryset(self):
        """Most meetings first (the sort filter may say by name), read in the order of the official_most_meetings
        index: the count is kept on each official, and the name breaks ties."""
        return (Official.objects.select_related("country")
                .prefetch_related(Prefetch("tenures", queryset=Tenure.objects.select_related("office")
                                           .order_by(F("start").desc(nulls_last=True))))
                .order_by("-meeting_count", "name", "id"))


class OfficialDetailView(CachedPageMixin, DetailView):
    """/officials/<slug>/: offices held, meetings on a timeline, statements, commitments, counterparts."""

    template_name = "meetings/official_detail.html"
    queryset = Official.objects.select_related("country")

    def get_context_data(self, **kwargs):
        official = self.object
        # Their latest meeting's day bounds the newest-first walks below: read from their own participant rows, it
        # lets the date index start where their meetings are instead of at the database's newest meeting (an official
        # who left office years ago would otherwise be looked for in every meeting since). Not when some of their
        # meetings are undated, since those come last.
        span = Participant.objects.filter(official=official).aggregate(
            latest=Max("meeting__date"), undated=Count("pk", filter=Q(meeting__date__isnull=True)))
        bound = {"date__lte": span["latest"]} if span["latest"] and not span["undated"] else {}
        fact_bound = {f"meeting__{key}": value for key, value in bound.items()}
        meetings = list(meeting_rows(newest_first(Meeting.objects.filter(participants__official=official, **bound)))
                        [:TIMELINE_MEETINGS])
        # Their newest facts lie in their newest meetings: when the timeline is full, every meeting of theirs dated
        # after its oldest day is on it, so the facts are read from meetings from that day on (a few hundred rows
        # instead of all a busy minister's), and from all of them only when those hold too few.
        if len(meetings) == TIMELINE_MEETINGS and meetings[-1].date is not None:
            recent = {"meeting__date__gte": meetings[-1].date}
        else:
            recent = None
        statements = newest_facts(with_source(
            Statement.objects.filter(speakers__official=official, **fact_bound).select_related("meeting")
            .prefetch_related("meeting__countries", "speaker_countries",
                              Prefetch("speakers", queryset=Participant.objects.select_related("official")))
            .order_by(F("meeting__date").desc(nulls_last=True), "span_start", "id")), recent)
        commitments = newest_facts(with_source(
            Commitment.objects.filter(meeting__participants__official=official, **fact_bound).select_related("meeting")
            .prefetch_related("parties", "meeting__countries")
            .order_by(F("meeting__date").desc(nulls_last=True), "span_start", "id")), recent)
        return super().get_context_data(
            tenures=official.tenures.select_related("office__country").order_by(F("start").asc(nulls_first=True)),
            meetings=meetings[:MEETING_PAGE_SIZE], timeline_meetings=meetings,
            more_meetings=len(meetings) > MEETING_PAGE_SIZE,
            timeline_capped=official.meeting_count > len(meetings) == TIMELINE_MEETINGS,
            statements=statements[:FACTS_SHOWN], more_statements=len(statements) > FACTS_SHOWN,
            commitments=commitments[:FACTS_SHOWN], more_commitments=len(commitments) > FACTS_SHOWN,
            counterparts=top_counterparts(official), **kwargs)


def newest_facts(queryset, recent: dict | None) -> list:
    """The first FACTS_SHOWN + 1 facts of ``queryset``, looked for under the ``recent`` filter first when given."""
    if recent is not None:
        facts = list(queryset.filter(**recent)[:FACTS_SHOWN + 1])
        if len(facts) > FACTS_SHOWN:
            return facts
    return list(queryset[:FACTS_SHOWN + 1])


def top_counterparts(official, size=10):
    """The officials met most often by ``official``, most meetings first, then by name: read from the counterpart
    tallies (meetings/aggregates.py) by their (official, meetings) index, one row per official they met, however
    many meetings that took."""
    rows = (CounterpartTally.objects.filter(official=official)
            .order_by("-meetings", "counterpart__name", "counterpart_id")
            .values_list("counterpart__slug", "counterpart__name", "counterpart__country__name", "meetings")[:size])
    return [{"official__slug": slug, "official__name": name, "official__country__name": country, "meetings": n}
            for slug, name, country, n in rows]


# Countries -----------------------------------------------------------------------------------


class CountryListView(CachedPageMixin, ListView):
    """/countries/: the countries that met, busiest first, then every other country."""

    template_name = "meetings/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return (Country.objects.annotate(meeting_count=Count("meetings"), latest=Max("meetings__date"))
                .filter(meeting_count__gt=0).order_by("-meeting_count", "name"))

    def get_context_data(self, **kwargs):
        has_met = Exists(MeetingCountry.objects.filter(country=OuterRef("pk")))
        return super().get_context_data(other_countries=Country.objects.filter(~has_met).only("code", "name"),
                                        **kwargs)


class CountryDetailView(CachedPageMixin, DetailView):
    """/countries/<code>/ (any letter case): partners, recent meetings, the defense office's holders."""

    template_name = "meetings/country_detail.html"
    context_object_name = "country"

    def get_object(self, queryset=None):
        try:
            return Country.objects.get(code=self.kwargs["code"].upper())
        except Country.DoesNotExist:
            raise Http404("No such country.") from None

    def get_context_data(self, **kwargs):
        country = self.object
        by_partner = aggregates.partner_counts(country.code)  # the meeting tallies: no meeting is read
        names = dict(Country.objects.filter(code__in=by_partner).values_list("code", "name"))
        partners = sorted(({"country_id": code, "country__name": names[code], "meetings": n}
                           for code, n in by_partner.items()), key=lambda p: (-p["meetings"], p["country__name"]))
        meetings_url = reverse("meetings:meeting_list")
        for partner in partners:
            partner["url"] = f"{meetings_url}?country={country.code}&country={partner['country_id']}"
        return super().get_context_data(
            meeting_count=CappedCount(aggregates.tallies([country.code]).aggregate(n=Sum("meetings"))["n"] or 0, False),
            partners=partners,
            chart_rows=[{"label": p["country__name"], "count": p["meetings"], "url": p["url"]} for p in partners],
            recent=meeting_rows(newest_first(Meeting.objects.filter(countries=country)))[:RECENT_MEETINGS],
            tenures=Tenure.objects.filter(office__country=country).select_related("official", "office")
            .order_by(F("start").asc(nulls_first=True), "id"),
            today=timezone.localdate(), **kwargs)


# Sources -------------------------------------------------------------------------------------

SOURCE_EXPORT_FIELDS = ["id", "url", "title", "address", "file_name", "publisher", "published", "status",
                        "failure_reason", "meetings", "ingested_at", "extractor_version"]


def source_rows(queryset):
    """What a row of the source list shows: no article text, and how many meetings each source reported."""
    return queryset.defer("raw_content", "cleaned_text").annotate(
        meeting_count=rows_naming(Meeting.sources.through, "source"))


class SourceListView(FacetedListView):
    """/sources/: every stored article, newest stored first, filterable by status, publisher and dates, so staff
    find the failed ingests; ?format=json or csv for the same rows."""

    filterset_class = SourceFilter
    template_name = "meetings/source_list.html"
    paginate_by = SOURCE_PAGE_SIZE
    export_fields = SOURCE_EXPORT_FIELDS
    export_name = "sources"
    total_facet = "statuses"  # every source has a status

    def get_queryset(self):
        return source_rows(Source.objects.order_by("-ingested_at", "-id"))

    def export_record(self, source):
        return {
            "id": source.pk,
            "url": self.request.build_absolute_uri(source.get_absolute_url()),
            "title": source.title,
            "address": source.url,
            "file_name": source.file_name,
            "publisher": source.publisher,
            "published": source.published.isoformat() if source.published else None,
            "status": source.status,
            "failure_reason": source.failure_reason,
            "meetings": source.meeting_count,
            "ingested_at": source.ingested_at.isoformat(),
            "extractor_version": source.extractor_version,
        }


class SourceDetailView(CachedPageMixin, DetailView):
    """/sources/<id>/: a stored article with the sentence of every extracted fact highlighted, and every fact of
    every meeting it reports: first found in it, found in it again, or from the meeting's other sources."""

    template_name = "meetings/source_detail.html"
    model = Source

    def get_context_data(self, **kwargs):
        source = self.object
        meetings = list(meeting_rows(newest_first(Meeting.objects.filter(
            Q(pk__in=Meeting.sources.through.objects.filter(source=source).values("meeting_id"))
            | Q(pk__in=Participant.objects.filter(source=source).values("meeting_id"))
            | Q(pk__in=Statement.objects.filter(source=source).values("meeting_id"))
            | Q(pk__in=Commitment.objects.filter(source=source).values("meeting_id"))))))
        ids = [meeting.pk for meeting in meetings]
        participants = list(meeting_facts(Participant, ids).select_related("official", "country"))
        statements = list(meeting_facts(Statement, ids).prefetch_related("speaker_countries"))
        commitments = list(meeting_facts(Commitment, ids).prefetch_related("parties"))
        evidence = list(source.evidence.all())
        own = [fact for fact in [*participants, *statements, *commitments] if fact.source_id == source.pk]
        spans = ([(f.span_start, f.span_end, f"participant: {f.name}") for f in own if isinstance(f, Participant)]
                 + [(f.span_start, f.span_end, "statement") for f in own if isinstance(f, Statement)]
                 + [(f.span_start, f.span_end, "commitment") for f in own if isinstance(f, Commitment)]
                 + [(e.span_start, e.span_end, str(e)) for e in evidence])
        return super().get_context_data(
            meetings=meetings,
            built_from=evidence_by_meeting(meetings, evidence, source.cleaned_text),
            facts=facts_by_meeting(source, meetings, participants, statements, commitments, evidence),
            text_withheld=not source.cleaned_text and source.status != SourceStatus.FAILED,
            has_own_facts=bool(own), spans=spans, **kwargs)


class FactGroup(NamedTuple):
    key: str                       # "here", "again", "elsewhere"
    label: str
    facts: list                    # SourceFact


class SourceFact(NamedTuple):
    kind: str                      # "participant", "statement", "commitment"
    fact: object
    start: int | None = None       # found again: the sentence of this source it was matched in
    end: int | None = None


def facts_by_meeting(source, meetings, participants, statements, commitments, evidence):
    """Each meeting with its facts in three groups: first found in this source (the fact's own source); found in
    it again (first found in another source, and matched in the sentences this source's report of the meeting was
    built from: a participant by name, a statement or commitment by its words); and the rest, from the meeting's
    other sources or added by staff."""
    evidence_of = {}
    for item in evidence:
        evidence_of.setdefault(item.meeting_id, []).append(item)
    facts = {meeting.pk: [] for meeting in meetings}
    for kind, rows in (("participant", participants), ("statement", statements), ("commitment", commitments)):
        for row in rows:
            facts[row.meeting_id].append((kind, row))
    result = []
    for meeting in meetings:
        found = SourceSupport(evidence_of.get(meeting.pk, []), source.cleaned_text,
                         [row for kind, row in facts[meeting.pk] if kind == "participant"])
        groups = {"here": [], "again": [], "elsewhere": []}
        for kind, row in facts[meeting.pk]:
            if row.source_id == source.pk:
                groups["here"].append(SourceFact(kind, row))
            elif (span := found.again(kind, row)) is not None:
                groups["again"].append(SourceFact(kind, row, *span))
            else:
                groups["elsewhere"].append(SourceFact(kind, row))
        result.append((meeting, [FactGroup(key, FACT_GROUP_LABELS[key], groups[key]) for key in groups
                                 if groups[key]]))
    return result


FACT_GROUP_LABELS = {"here": "First found in this source", "again": "Found again in this source",
                     "elsewhere": "From the meeting's other sources"}


def meeting_facts(model, meeting_ids):
    """A model's facts of these meetings, each with its own source (without its text) and sentence."""
    return (with_sentence(model.objects.filter(meeting_id__in=meeting_ids))
            .select_related("source").defer("source__raw_content", "source__cleaned_text"))


class Established(NamedTuple):
    kind: str
    label: str                     # "dated by"
    detail: str                    # "2017-10-23"
    count: int = 1                 # sentences that established it (where the text is not stored)


class EvidenceSentence(NamedTuple):
    start: int | None
    end: int | None
    sentence: str                  # empty when the source's text is not stored, or no sentence gave it
    established: list[Established]  # what the sentence established: reported, dated by, placed...
    withheld: bool = False         # the text is not stored: one summary of what the sentences established


def evidence_by_meeting(meetings, evidence, text):
    """Each meeting with the sentences of this source it was built from, in text order; the established facts no
    sentence gave (a day from the page's metadata) come last. Without the text, one summary per meeting."""
    by_meeting = {}
    for item in evidence:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    return [(meeting, (_evidence_sentences if text else _evidence_summary)(by_meeting[meeting.pk], text))
            for meeting in meetings if meeting.pk in by_meeting]


def _evidence_sentences(items, text):
    sentences = {}
    for item in items:
        key = (item.span_start, item.span_end) if item.span_start is not None and item.span_end is not None else None
        if key not in sentences:
            sentences[key] = EvidenceSentence(*(key or (None, None)), text[key[0]:key[1]] if key else "", [])
        sentences[key].established.append(Established(item.kind, item.get_kind_display(), item.detail))
    return sorted(sentences.values(), key=lambda s: (s.start is None, s.start or 0, s.end or 0))


def _evidence_summary(items, text):
    counts = {}
    for item in items:
        key = (item.kind, item.get_kind_display(), item.detail)
        counts[key] = counts.get(key, 0) + 1
    return [EvidenceSentence(None, None, "", [Established(*key, n) for key, n in counts.items()], withheld=True)]


# Suggestions ---------------------------------------------------------------------------------


@cached_page
def suggest(request):
    """/suggest/?q=: officials and countries whose names or aliases contain every word typed, those whose name
    starts with it first; at most SUGGESTIONS, as JSON for the header search's list. ``kind=official``: officials
    only, for the official filters of the lists."""
    text = request.GET.get("q", "")[:SUGGEST_QUERY_LENGTH].strip()
    words = re.findall(r"\w+", text)
    kind = request.GET.get("kind", "")
    if kind not in ("", "official"):
        return JsonResponse({"error": "kind is “official” or absent (officials and countries)."}, status=400)
    if not words or "\x00" in text:
        return JsonResponse({"query": text, "results": []})
    countries = Country.objects.none() if kind == "official" else Country.objects.all()
    officials = Official.objects.select_related("country")
    for word in words:
        countries = countries.filter(Q(name__icontains=word) | Q(code__iexact=word) | Q(aliases__icontains=word)
                                     | Q(demonyms__icontains=word))
        folded = search.fold(word)
        officials = officials.filter(Q(name__icontains=word) | Q(name__icontains=folded)
                                     | Q(family_name__icontains=word) | Q(aliases__icontains=word))
    first = Case(When(name__istartswith=text, then=0), default=1, output_field=IntegerField())
    countries = list(countries.annotate(first=first).order_by("first", "name")[:SUGGESTIONS])
    officials = list(officials.annotate(first=first).order_by("first", "name")[:SUGGESTIONS - min(len(countries), 3)])
    results = [{"kind": "country", "label": country.name, "detail": f"Country · {country.code}",
                "url": country.get_absolute_url()} for country in countries[:SUGGESTIONS - len(officials)]]
    results += [{"kind": "official", "label": official.name, "detail": f"Official · {official.country.name}",
                 "url": official.get_absolute_url()} for official in officials]
    response = JsonResponse({"query": text, "results": results[:SUGGESTIONS]})
    response["Cache-Control"] = "max-age=300"
    return response
