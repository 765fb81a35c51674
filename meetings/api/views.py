"""The API's endpoints: read-only lists (filtered by the HTML pages' FilterSets, in keyset pages) and records.

Each list runs a fixed number of queries per page (select_related and prefetch_related), and orders its rows as
its HTML page does; the pagination (pagination.py) applies that order with empty values last on every database.
"""
from django.db.models import FloatField, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Cast
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from ..datasets import PAIR_YEAR_FIELDS, meeting_events, pair_years
from ..filters import CommitmentFilter, MeetingFilter, OfficialFilter, SourceFilter, StatementFilter
from ..pagecache import CachedPageMixin
from ..models import (
    Commitment, Country, Meeting, Official, Participant, Source, Statement, Tenure, rows_naming,
)
from ..streaming import batched_rows, streamed_csv
from ..views import source_rows, with_source
from . import serializers
from .pagination import Key, KeysetPagination

MEETING_ORDERS = {
    "-date": [Key("date", True, True), Key("id", True)],
    "date": [Key("date", False, True), Key("id")],
}
BEST_MATCH = [Key("match_rank", True), Key("date", True, True), Key("id", True)]
FACT_ORDERS = {
    "-date": [Key("meeting__date", True, True), Key("meeting_id", True), Key("span_start", False, True), Key("id")],
    "date": [Key("meeting__date", False, True), Key("meeting_id"), Key("span_start", False, True), Key("id")],
    "due": [Key("due", False, True), Key("id")],
    "-due": [Key("due", True, True), Key("id", True)],
}
OFFICIAL_ORDERS = {
    "-meetings": [Key("meeting_count", True), Key("name"), Key("id")],
    "name": [Key("name"), Key("id")],
}
SOURCE_ORDERS = {
    "-ingested": [Key("ingested_at", True), Key("id", True)],
    "ingested": [Key("ingested_at"), Key("id")],
    "-published": [Key("published", True, True), Key("id", True)],
    "published": [Key("published", False, True), Key("id")],
}
FORMAT_PARAMETER = OpenApiParameter("format", str, enum=["json", "csv"], default="json",
                                    description="json: keyset pages; csv: every row in one streamed download")
EVENT_FIELDS = ["event_id", "meeting", "meeting_url", "date", "date_precision", "place", "host_country",
                "meeting_mode", "countries", "source_country", "target_country", "source_role", "target_role",
                "cameo_code", "cameo_label", "plover_event", "plover_mode", "plover_source", "plover_recipient",
                "sources"]


class ReadOnlyAPIView(CachedPageMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A list in keyset pages (ordered by ``orders[sort]``, the FilterSet's own ``sort`` parameter) and its
    records."""

    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination
    orders: dict = {}
    default_order = ""

    def keyset_keys(self, request, queryset):
        return self.orders.get(request.query_params.get("sort") or self.default_order, self.orders[self.default_order])

    def get_serializer_class(self):
        """A record may say more than its row in the list (``detail_serializer_class``)."""
        if self.action == "retrieve":
            return getattr(self, "detail_serializer_class", self.serializer_class)
        return self.serializer_class


def with_facts(queryset):
    """Facts with their sentence, their first source (without its text) and every source that reports them."""
    return with_source(queryset).prefetch_related(
        Prefetch("sources", queryset=Source.objects.defer("raw_content", "cleaned_text").order_by("id")))


def statements():
    return with_facts(Statement.objects.select_related("meeting")).prefetch_related(
        "speaker_countries", Prefetch("speakers", queryset=Participant.objects.select_related("official")))


def commitments():
    return with_facts(Commitment.objects.select_related("meeting")).prefetch_related("parties")


def meetings():
    """Meetings with their countries, participants (with their sentences) and sources, and their fact counts."""
    return (Meeting.objects.annotate(statement_count=rows_naming(Statement, "meeting"),
                                   commitment_count=rows_naming(Commitment, "meeting"))
            .prefetch_related("countries",
                              Prefetch("participants", queryset=with_source(
                                  Participant.objects.select_related("official").order_by("id"))),
                              Prefetch("sources", queryset=Source.objects.defer("raw_content", "cleaned_text")
                                       .order_by("id"))))


class MeetingOrderMixin:
    """The meetings' order: a search lists the best match first, as the page does, unless ``sort`` says otherwise."""

    def filter_queryset(self, queryset):
        """A search's rank, as a double: PostgreSQL ranks in single precision, whose decimal form (in a cursor) is
        not exactly the value it stands for, so the rank a cursor holds would not find its own row again."""
        queryset = super().filter_queryset(queryset)
        if "search_rank" in queryset.query.annotations:
            queryset = queryset.annotate(match_rank=Cast("search_rank", FloatField()))
        return queryset

    def keyset_keys(self, request, queryset):
        searching = bool((request.query_params.get("q") or "").strip())
        sort = request.query_params.get("sort") or ("best" if searching else "-date")
        if sort == "best":
            return BEST_MATCH if "match_rank" in queryset.query.annotations else MEETING_ORDERS["-date"]
        return MEETING_ORDERS[sort]


@extend_schema_view(
    list=extend_schema(summary="Meetings", description="The meetings /meetings/ lists, with the same filters; "
                                                       "each with its countries, participants and sources."),
    retrieve=extend_schema(summary="A meeting", description="Everything known about one meeting: participants, "
                                                            "statements and commitments, each with its sources."))
class MeetingViewSet(MeetingOrderMixin, ReadOnlyAPIView):
    serializer_class = serializers.MeetingSerializer
    detail_serializer_class = serializers.MeetingDetailSerializer
    filterset_class = MeetingFilter
    lookup_field = "slug"
    orders = MEETING_ORDERS
    default_order = "-date"

    def get_queryset(self):
        if self.action == "retrieve":
            return meetings().prefetch_related(Prefetch("statements", queryset=statements()),
                                               Prefetch("commitments", queryset=commitments()))
        return meetings()


@extend_schema_view(list=extend_schema(summary="Officials", description="The officials /officials/ lists, with the "
                                                                        "same filters, and their offices."),
                    retrieve=extend_schema(summary="An official"))
class OfficialViewSet(ReadOnlyAPIView):
    serializer_class = serializers.OfficialSerializer
    filterset_class = OfficialFilter
    lookup_field = "slug"
    orders = OFFICIAL_ORDERS
    default_order = "-meetings"

    def get_queryset(self):
        # Each official keeps its meeting count (kept current on write), which the most-meetings order reads.
        return (Official.objects
                .prefetch_related(Prefetch("tenures", queryset=Tenure.objects.select_related("office")
                                           .order_by("start", "id"))))


@extend_schema_view(list=extend_schema(summary="Countries", description="Every country, those that met most first."),
                    retrieve=extend_schema(summary="A country"))
class CountryViewSet(ReadOnlyAPIView):
    serializer_class = serializers.CountrySerializer
    filter_backends = []
    lookup_field = "code"
    orders = {"": [Key("meeting_count", True), Key("name"), Key("code")]}

    def get_queryset(self):
        through = Meeting.countries.through
        latest = (through.objects.filter(country=OuterRef("pk")).order_by().values("country")
                  .annotate(day=Max("meeting__date")).values("day"))
        return Country.objects.annotate(meeting_count=rows_naming(through, "country"), latest=Subquery(latest))

    def get_object(self):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


@extend_schema_view(list=extend_schema(summary="Statements", description="The statements /statements/ lists, with "
                                                                         "the same filters."),
                    retrieve=extend_schema(summary="A statement"))
class StatementViewSet(ReadOnlyAPIView):
    serializer_class = serializers.StatementSerializer
    filterset_class = StatementFilter
    orders = FACT_ORDERS
    default_order = "-date"

    def get_queryset(self):
        return statements()


@extend_schema_view(list=extend_schema(summary="Commitments", description="The commitments /commitments/ lists, "
                                                                          "with the same filters."),
                    retrieve=extend_schema(summary="A commitment"))
class CommitmentViewSet(ReadOnlyAPIView):
    serializer_class = serializers.CommitmentSerializer
    filterset_class = CommitmentFilter
    orders = FACT_ORDERS
    default_order = "-date"

    def get_queryset(self):
        return commitments()


@extend_schema_view(list=extend_schema(summary="Sources", description="The stored articles /sources/ lists, with "
                                                                      "the same filters (without their text)."),
                    retrieve=extend_schema(summary="A source", description="One stored article with its cleaned "
                                                                           "text, which the facts' spans point into."))
class SourceViewSet(ReadOnlyAPIView):
    serializer_class = serializers.SourceSerializer
    detail_serializer_class = serializers.SourceDetailSerializer
    filterset_class = SourceFilter
    orders = SOURCE_ORDERS
    default_order = "-ingested"

    def get_queryset(self):
        queryset = source_rows(Source.objects.all())
        return queryset.defer("raw_content") if self.action == "retrieve" else queryset


def requested_format(request):
    value = request.query_params.get("format") or "json"
    if value not in ("json", "csv"):
        raise ValidationError({"format": [f"“{value}” is not a format of this list: json or csv."]})
    return value


class MeetingDatasetView(CachedPageMixin, MeetingOrderMixin, GenericAPIView):
    """A dataset made of the meetings MeetingFilter selects (the /meetings/ filters), as JSON or CSV."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = MeetingFilter

    def get_queryset(self):
        return Meeting.objects.select_related("host_country").prefetch_related(
            "countries", Prefetch("sources", queryset=Source.objects.only("id").order_by("id")))


@extend_schema(summary="Dyadic events", parameters=[FORMAT_PARAMETER],
               description="Each meeting the /meetings/ filters select, as one CONSULT event per ordered pair of its "
                           "countries, with CAMEO codes 040-044 and PLOVER's mode, source and recipient. JSON pages "
                           "hold the events of up to `limit` meetings; CSV holds every event.",
               responses={200: serializers.EventSerializer(many=True),
                          (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR)})
class EventListView(MeetingDatasetView):
    serializer_class = serializers.EventSerializer
    pagination_class = KeysetPagination

    def get(self, request):
        output = requested_format(request)
        meetings_selected = self.filter_queryset(self.get_queryset())
        if output == "csv":
            events = (event for meeting in batched_rows(meetings_selected) for event in meeting_events(meeting))
            records = (self.csv_record(self.get_serializer(event).data) for event in events)
            return streamed_csv(records, EVENT_FIELDS, "events")
        page = self.paginate_queryset(meetings_selected)
        events = [event for meeting in page for event in meeting_events(meeting)]
        return self.get_paginated_response(self.get_serializer(events, many=True).data)

    @staticmethod
    def csv_record(record):
        return {**record, "sources": " ".join(str(pk) for pk in record["sources"])}


@extend_schema(summary="Country-pair-years", parameters=[FORMAT_PARAMETER],
               description="For every unordered pair of countries and every year: meetings by mode, statements and "
                           "commitments, counted over the meetings the /meetings/ filters select (undated meetings "
                           "left out).",
               responses={200: serializers.PairYearSerializer(many=True),
                          (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR)})
class PairYearListView(MeetingDatasetView):
    serializer_class = serializers.PairYearSerializer

    def get_queryset(self):
        return Meeting.objects.all()

    def get(self, request):
        output = requested_format(request)
        rows = pair_years(self.filter_queryset(self.get_queryset()))
        if output == "csv":
            return streamed_csv(rows, PAIR_YEAR_FIELDS, "pair-years")
        return Response(rows)
