"""FilterSets for the browsing pages: one place decides what a URL's query means.

The same MeetingFilter serves the HTML list, its facets and the JSON/CSV exports,
so every view of "these meetings" agrees. Invalid values become form errors
(the views answer 400), never exceptions.
"""
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field

from . import aggregates, search
from .models import (
    Commitment, CommitmentStatus, Country, Meeting, MeetingFormat, Official, Participant, Source, SourceStatus,
    Statement, Tenure,
)

COUNTRY_FACET_SIZE = 10
NOT_FILTERS = ("page", "format", "all_countries")  # a page, a representation or a longer facet: not a subset
DATE_ORDERS = [("-date", "Newest first"), ("date", "Oldest first")]
BEST_MATCH = ("best", "Best match first")
NAME_WORD = re.compile(r"\w+")
MAX_NAME_WORDS = 8


class CountryCodeField(forms.ModelChoiceField):
    """A country by its ISO code, in any letter case."""

    def to_python(self, value):
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)


class CountryCodesField(forms.ModelMultipleChoiceField):
    """Several countries by ISO code, in any letter case; empty values (an unchosen select) are ignored."""

    def clean(self, value):
        codes = [code.strip().upper() for code in value or [] if isinstance(code, str) and code.strip()]
        return super().clean(codes)


class YesNoField(forms.ChoiceField):
    """A strict boolean: true/false (or 1/0, yes/no); anything else is an error, not silently "any"."""

    ALIASES = {"1": "true", "yes": "true", "on": "true", "0": "false", "no": "false", "off": "false"}

    def __init__(self, *, true_label="Yes", false_label="No", **kwargs):
        super().__init__(choices=[("", "Any"), ("true", true_label), ("false", false_label)], **kwargs)

    def to_python(self, value):
        value = super().to_python(value).strip().lower()
        return self.ALIASES.get(value, value)

    def clean(self, value):
        value = super().clean(value)
        return {"true": True, "false": False}.get(value)


COUNTRY_CODE_SCHEMA = {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 alpha-2, any case"}


# The schema annotations say what each parameter takes in the API's OpenAPI schema (meetings/api/).
@extend_schema_field({"type": "array", "items": COUNTRY_CODE_SCHEMA})
class CountryCodesFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = CountryCodesField


@extend_schema_field(COUNTRY_CODE_SCHEMA)
class CountryCodeFilter(django_filters.ModelChoiceFilter):
    field_class = CountryCodeField


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})
class YearFilter(django_filters.NumberFilter):
    """A calendar year; bounded so that a date can be built from it."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "e.g. 2017"}))
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "string", "enum": ["true", "false", "1", "0", "yes", "no", "on", "off"]})
class YesNoFilter(django_filters.Filter):
    field_class = YesNoField


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", "The end date is before the start date.")
        return cleaned


def set_choices(choice_filter, choices):
    """Give one FilterSet's copy of a filter its choices. Its form field is built again: a copy carries the field
    its class's filter built before (the API schema builds them), whose choices would be stale."""
    choice_filter.extra["choices"] = choices
    choice_filter.__dict__.pop("_field", None)


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str


class FilterLinksMixin:
    """Links that add or drop one filter of the current query, for facets and the active-filter chips."""

    def _cleaned(self):
        """The filter values in use: none for an unfiltered (unbound) list."""
        return self.form.cleaned_data if self.is_bound and self.is_valid() else {}

    def _query(self):
        params = self.data.copy() if self.data is not None else QueryDict(mutable=True)
        for key in NOT_FILTERS:
            params.pop(key, None)
        return params

    def _url(self, params):
        return f"?{params.urlencode()}" if params else "?"

    def _with(self, key, value, add=False):
        """The query with ``key`` set to ``value``; with ``add``, one more value of a repeatable parameter."""
        params = self._query()
        if add:
            params.setlist(key, [*params.getlist(key), value])
        else:
            params[key] = value
        return self._url(params)

    def _without(self, key, value=None):
        """The query without ``key``; given a (cleaned) ``value``, without just the values that mean it."""
        params = self._query()
        if value is None:
            params.pop(key, None)
        else:
            params.setlist(key, [v for v in params.getlist(key) if self._param_value(key, v) != value])
        return self._url(params)

    def _param_value(self, key, raw):
        """What a raw query value of ``key`` stands for, to compare with a cleaned value."""
        return raw

    def selected_countries(self):
        """(code, name) of the countries asked for, as typed when they could not be recognised."""
        if not self.is_bound or self.is_valid():
            return [(country.code, country.name) for country in self._cleaned().get("country") or ()]
        codes = self.data.getlist("country") if self.data is not None else []
        return [(code, code) for code in codes if code.strip()]


def participants_named(value):
    """Participants whose official's slug is ``value``, or whose name as written, or whose official's name, family
    name or alias, holds every word of ``value`` (typed with or without accents; hyphens split words)."""
    value = value.strip()
    words = NAME_WORD.findall(value)[:MAX_NAME_WORDS]
    if not words:
        return Participant.objects.none()
    by_slug = Q(official__slug=value)
    by_name = Q()
    for word in words:
        matches = Q()
        for form in dict.fromkeys([word, search.fold(word)]):
            matches |= (Q(name__icontains=form) | Q(official__name__icontains=form)
                        | Q(official__family_name__icontains=form) | Q(official__aliases__icontains=form))
        by_name &= matches
    return Participant.objects.filter(by_slug | by_name)


# Filters the meeting tallies cannot count by: with any of them, facets count the matching meetings themselves.
TALLY_BLIND_FILTERS = ("q", "date_after", "date_before", "official", "has_commitments")


def year_of_date(column, vendor):
    """SQL for the year of a date column, native on both databases (Django's year on SQLite calls Python per row)."""
    if vendor == "sqlite":
        return f"CAST(strftime('%%Y', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"


# How many of the newest meetings of two countries the country facet counts the other countries in (matched_counts).
PARTNER_FACET_CAP = 1_000


def matched_counts(queryset, newest: int | None = None):
    """({country: meetings}, {(year or None, mode): meetings}) of the meetings of ``queryset``, in one query that
    finds them once (a materialized common table expression) and counts them by country and by year and mode; with
    ``newest``, of its newest that many only."""
    rows = queryset.order_by()
    if newest is not None:
        rows = rows.order_by(F("date").desc(nulls_last=True), "-id")[:newest]
    try:
        sql, params = rows.values("pk", "date", "format").query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing (a search for punctuation alone)
        return {}, {}
    through = Meeting.countries.through._meta.db_table
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH matched (id, day, mode) AS MATERIALIZED ({sql}) "
            f"SELECT l.country_id, NULL, NULL, COUNT(*) FROM matched JOIN {through} l ON l.meeting_id = matched.id "
            "GROUP BY l.country_id "
            f"UNION ALL SELECT NULL, {year_of_date('day', connection.vendor)}, mode, COUNT(*) FROM matched "
            "GROUP BY 2, 3", params)
        rows = cursor.fetchall()
    by_country = {country: n for country, _, _, n in rows if country is not None}
    by_year_mode = {(year, mode): n for country, year, mode, n in rows if country is None}
    return by_country, by_year_mode


class MeetingFilter(FilterLinksMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search", max_length=200, widget=forms.TextInput(
        attrs={"type": "search", "placeholder": "e.g. Mattis, Seoul, missile defense"}))
    country = CountryCodesFilter(label="Countries (all of)", queryset=Country.objects.all(), to_field_name="code",
                                 method="with_all_countries")
    date_after = django_filters.DateFilter(label="From", field_name="date", lookup_expr="gte", widget=date_input())
    date_before = django_filters.DateFilter(label="To", field_name="date", lookup_expr="lte", widget=date_input())
    year = YearFilter(label="Year", field_name="date", lookup_expr="year")
    mode = django_filters.ChoiceFilter(label="Mode", field_name="format", choices=MeetingFormat.choices,
                                       empty_label="Any")
    official = django_filters.CharFilter(label="Official", method="filter_official", max_length=200,
                                         widget=forms.TextInput(attrs={
                                             "type": "search", "placeholder": "e.g. Mattis", "autocomplete": "off",
                                             "list": "official-suggestions", "data-suggest-kind": "official",
                                             "data-suggest-url": reverse_lazy("meetings:suggest")}))
    has_commitments = YesNoFilter(label="Commitments", method="filter_has_commitments",
                                  true_label="With commitments", false_label="Without commitments")
    sort = django_filters.ChoiceFilter(label="Order", method="sort_by_date", empty_label=None,
                                       choices=DATE_ORDERS + [BEST_MATCH])

    class Meta:
        model = Meeting
        fields = []
        form = MeetingFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and (self.data.get("q") or "").strip():
            # A search lists the best match first unless told otherwise; the order menu says so.
            set_choices(self.filters["sort"], [BEST_MATCH] + DATE_ORDERS)

    # The meeting page sets search_cap (views.SEARCH_CAP): a search there ranks, marks and counts only the first that
    # many of its matches in date order (search.first_matches), and search_capped says whether more matched. The
    # exports and the API leave it unset: they give every match.
    search_cap = None
    search_capped = False
    # Set by facets: how many newest meetings the country facet counted in, when that is fewer than were listed.
    partners_counted = None

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        cleaned = self.form.cleaned_data
        value, sort = cleaned.get("q") or "", cleaned.get("sort")
        if not (self.search_cap and value.strip()):
            return queryset
        ids, self.search_capped = search.first_matches(queryset, self.search_cap, oldest_first=sort == "date")
        rows = search.ranked(self.queryset.filter(pk__in=ids), value)  # no second match: the ids are the matches
        return self.sort_by_date(rows, "sort", sort) if sort else rows

    def with_all_countries(self, queryset, name, countries):
        return queryset.with_all_countries([country.code for country in countries])

    def filter_official(self, queryset, name, value):
        return queryset.filter(Exists(participants_named(value).filter(meeting=OuterRef("pk"))))

    def filter_has_commitments(self, queryset, name, value):
        has_one = Exists(Commitment.objects.filter(meeting=OuterRef("pk")))
        return queryset.filter(has_one if value else ~has_one)

    def sort_by_date(self, queryset, name, value):
        if value == BEST_MATCH[0]:
            return queryset  # the search's order; without a search, the list's own (newest first)
        if value == "date":
            return queryset.order_by(F("date").asc(nulls_last=True), "id")
        return queryset.order_by(F("date").desc(nulls_last=True), "-id")

    def search(self, queryset, name, value):
        """Meetings whose search document matches the words, best first (meetings/search.py says what a document
        holds and how each database reads the query); each carries ``search_snippet``, what matched."""
        return search.search(queryset, value)

    # Facets and the active-filter summary -----------------------------------------------------

    def _param_value(self, key, raw):
        return raw.strip().upper()  # country codes, in any letter case and spacing

    def facets(self, all_countries=False):
        """Counts of the filtered meetings by country, year and mode; each links to the list narrowed to it.
        Countries: the busiest COUNTRY_FACET_SIZE, or every one with ``all_countries``; ``country_links`` (set here)
        says how many there are, with links to show them all or fewer.

        The meetings of at most two countries, a year and a mode are counted from the meeting tallies
        (meetings/aggregates.py), exact and without reading the meetings; other filters count the matching meetings
        in one query that finds them once (a search matches once, not once a facet)."""
        cleaned = self._cleaned()
        selected = [c.code for c in cleaned.get("country") or ()]
        year, mode = cleaned.get("year"), cleaned.get("mode") or None
        if len(selected) <= 2 and not any(cleaned.get(name) not in (None, "") for name in TALLY_BLIND_FILTERS):
            cells = aggregates.tallies(selected, year, mode).values_list("year", "format").annotate(
                n=Sum("meetings")).order_by()
            by_year_mode = {(y or None, m): n for y, m, n in cells}  # the undated meetings' year is 0
            if len(selected) < 2:
                by_country = aggregates.partner_counts(selected[0] if selected else None, year, mode)
                if selected:
                    by_country[selected[0]] = sum(by_year_mode.values())  # in every meeting listed
            else:
                # The other countries at two countries' meetings: no tally holds them, so they are counted in the
                # newest PARTNER_FACET_CAP meetings only, as Datasette caps its facets (the page says so).
                listed = sum(by_year_mode.values())
                by_country = matched_counts(self.qs, newest=PARTNER_FACET_CAP)[0]
                by_country.update({code: listed for code in selected})
                self.partners_counted = PARTNER_FACET_CAP if listed > PARTNER_FACET_CAP else None
        else:
            by_country, by_year_mode = matched_counts(self.qs)
        names = dict(Country.objects.filter(code__in=by_country).values_list("code", "name"))
        countries = sorted(((code, names[code], n) for code, n in by_country.items() if n),
                           key=lambda row: (-row[2], row[1]))
        shown = len(countries) if all_countries else COUNTRY_FACET_SIZE + len(selected)
        self.country_links = {
            "total": len(countries),
            "all_url": self._with("all_countries", "1") if len(countries) > shown else "",
            "fewer_url": self._url(self._query()) if all_countries else "",
        }
        years, modes = Counter(), Counter()
        for (year_, mode_), n in by_year_mode.items():
            if year_ is not None:
                years[year_] += n
            modes[mode_] += n
        mode_labels = dict(MeetingFormat.choices)
        return {
            "countries": [FacetValue(name, n, self._with("country", code, add=True), code in selected)
                          for code, name, n in countries[:shown]],
            "years": [FacetValue(str(y), years[y], self._with("year", str(y)), y == year)
                      for y in sorted(years, reverse=True) if years[y]],
            "modes": [FacetValue(mode_labels.get(m, m), modes[m], self._with("mode", m), m == mode)
                      for m in sorted(modes, key=lambda m: (-modes[m], m)) if modes[m]],
        }

    def active_filters(self):
        """What narrows the list now, each with a link that drops it."""
        data = self._cleaned()
        active = [ActiveFilter("Country", country.name, self._without("country", country.code))
                  for country in data.get("country") or ()]
        for name in ("q", "date_after", "date_before", "year", "mode", "official", "has_commitments"):
            value = data.get(name)
            if value in (None, ""):
                continue
            shown = {"mode": lambda v: MeetingFormat(v).label,
                     "has_commitments": lambda v: "with" if v else "without"}.get(name, str)(value)
            active.append(ActiveFilter(self.filters[name].label, shown, self._without(name)))
        return active


class OfficialFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Name", method="filter_name", max_length=200,
                                     widget=forms.TextInput(attrs={"type": "search"}))
    country = CountryCodeFilter(label="Country", queryset=Country.objects.all(), to_field_name="code",
                                empty_label="Any country")
    role = django_filters.CharFilter(label="Office title", method="applied_with_tenures", max_length=200,
                                     widget=forms.TextInput(attrs={"placeholder": "e.g. Minister of Defence"}))
    year = YearFilter(label="In office in", method="applied_with_tenures")
    sort = django_filters.ChoiceFilter(label="Order", method="sort_officials", empty_label=None,
                                       choices=[("-meetings", "Most meetings"), ("name", "Name")])

    class Meta:
        model = Official
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(family_name__icontains=value))

    def applied_with_tenures(self, queryset, name, value):
        """Role and year are applied together in filter_queryset."""
        return queryset

    def filter_queryset(self, queryset):
        """Role and year describe one tenure: "Minister of Defence in 2017", not one office and another year."""
        queryset = super().filter_queryset(queryset)
        role, year = self.form.cleaned_data.get("role"), self.form.cleaned_data.get("year")
        if not role and not year:
            return queryset
        tenures = Tenure.objects.filter(official=OuterRef("pk"))
        if role:
            tenures = tenures.filter(office__title__icontains=role)
        if year:
            tenures = tenures.filter(Q(start__isnull=True) | Q(start__year__lte=year),
                                     Q(end__isnull=True) | Q(end__year__gte=year))
        return queryset.filter(Exists(tenures))

    def sort_officials(self, queryset, name, value):
        if value == "-meetings":
            return queryset.order_by("-meeting_count", "name", "id")
        return queryset.order_by("name", "id")


# Sources -------------------------------------------------------------------------------------

PUBLISHER_FACET_SIZE = 10


def start_of_day(day):
    """The first instant of ``day`` in the site's time zone (a bound the ingested_at index can use)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class SourceFilterForm(forms.Form):
    RANGES = (("published_after", "published_before"), ("ingested_after", "ingested_before"))

    def clean(self):
        cleaned = super().clean()
        for first, last in self.RANGES:
            after, before = cleaned.get(first), cleaned.get(last)
            if after and before and after > before:
                self.add_error(last, "The end date is before the start date.")
        return cleaned


class SourceFilter(FilterLinksMixin, django_filters.FilterSet):
    """/sources/: every stored article, so staff can find the failed ones; each filter and order has an index."""

    q = django_filters.CharFilter(label="Title, address, file or publisher", method="search", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. reuters"}))
    status = django_filters.ChoiceFilter(label="Status", choices=SourceStatus.choices, empty_label="Any")
    publisher = django_filters.ChoiceFilter(label="Publisher", choices=[], empty_label="Any publisher")
    published_after = django_filters.DateFilter(label="Published from", field_name="published", lookup_expr="gte",
                                                widget=date_input())
    published_before = django_filters.DateFilter(label="Published to", field_name="published", lookup_expr="lte",
                                                 widget=date_input())
    ingested_after = django_filters.DateFilter(label="Stored from", method="stored_from", widget=date_input())
    ingested_before = django_filters.DateFilter(label="Stored to", method="stored_until", widget=date_input())
    sort = django_filters.ChoiceFilter(label="Order", method="sort_sources", empty_label=None, choices=[
        ("-ingested", "Newest stored first"), ("ingested", "Oldest stored first"),
        ("-published", "Newest published first"), ("published", "Oldest published first")])

    class Meta:
        model = Source
        fields = []
        form = SourceFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self.filters["publisher"], [
            (name, name) for name in Source.objects.exclude(publisher="").order_by("publisher")
            .values_list("publisher", flat=True).distinct()])

    def search(self, queryset, name, value):
        """Every word in the title, the address, the file name or the publisher (ignoring case)."""
        for word in value.replace('"', " ").split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(url__icontains=word)
                                       | Q(file_name__icontains=word) | Q(publisher__icontains=word))
        return queryset

    def stored_from(self, queryset, name, day):
        return queryset.filter(ingested_at__gte=start_of_day(day))

    def stored_until(self, queryset, name, day):
        if day == date.max:
            return queryset
        return queryset.filter(ingested_at__lt=start_of_day(day + timedelta(days=1)))

    def sort_sources(self, queryset, name, value):
        field = value.lstrip("-")
        field = {"ingested": "ingested_at"}.get(field, field)
        if value.startswith("-"):
            return queryset.order_by(F(field).desc(nulls_last=True), "-id")
        return queryset.order_by(F(field).asc(nulls_last=True), "id")

    def facets(self):
        """Counts of the filtered sources by status and publisher; each links to the list narrowed to it."""
        cleaned = self._cleaned()
        sources = self.qs.order_by()
        statuses = sources.values("status").annotate(n=Count("pk")).order_by("-n", "status")
        publishers = (sources.exclude(publisher="").values("publisher").annotate(n=Count("pk"))
                      .order_by("-n", "publisher")[:PUBLISHER_FACET_SIZE])
        labels = dict(SourceStatus.choices)
        return {
            "statuses": [FacetValue(labels.get(row["status"], row["status"]), row["n"],
                                    self._with("status", row["status"]), row["status"] == cleaned.get("status"))
                         for row in statuses],
            "publishers": [FacetValue(row["publisher"], row["n"], self._with("publisher", row["publisher"]),
                                      row["publisher"] == cleaned.get("publisher")) for row in publishers],
        }

    def active_filters(self):
        data = self._cleaned()
        active = []
        for name in ("q", "status", "publisher", "published_after", "published_before", "ingested_after",
                     "ingested_before"):
            value = data.get(name)
            if value in (None, ""):
                continue
            shown = SourceStatus(value).label if name == "status" else str(value)
            active.append(ActiveFilter(self.filters[name].label, shown, self._without(name)))
        return active


# Statements and commitments ------------------------------------------------------------------

FACT_FACET_SIZE = 10
NOT_CHECKED = "not_checked"
STATUS_CHOICES = [(NOT_CHECKED, "not checked")] + [
    (value, label) for value, label in CommitmentStatus.choices if value != CommitmentStatus.UNKNOWN]


def status_checked():
    """Whether staff set a commitment's status (Commitment.status_checked, indexed with the status): the ingest only
    reads a promise, never whether it was kept."""
    return Q(status_checked=True)


def meeting_year(queryset, name, year):
    """Facts of meetings in ``year``: a range on the meeting's (indexed) date."""
    return queryset.filter(meeting__date__gte=date(year, 1, 1), meeting__date__lte=date(year, 12, 31))


class FactFilter(FilterLinksMixin, django_filters.FilterSet):
    """What statements and commitments share: the meeting's countries, its year, and words of the text."""

    q = django_filters.CharFilter(label="Words in the text", method="filter_text", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. missile"}))
    country = CountryCodesFilter(label="Meeting countries (all of)", queryset=Country.objects.all(),
                                 to_field_name="code", method="with_meeting_countries")
    year = YearFilter(label="Meeting year", method=meeting_year)
    official = django_filters.CharFilter(label="Official at the meeting", method="filter_official", max_length=200,
                                         widget=forms.TextInput(attrs={
                                             "type": "search", "placeholder": "e.g. Mattis", "autocomplete": "off",
                                             "list": "official-suggestions", "data-suggest-kind": "official",
                                             "data-suggest-url": reverse_lazy("meetings:suggest")}))

    def filter_text(self, queryset, name, value):
        for word in NAME_WORD.findall(value)[:MAX_NAME_WORDS]:
            queryset = queryset.filter(text__icontains=word)
        return queryset

    def with_meeting_countries(self, queryset, name, countries):
        for country in countries:
            queryset = queryset.filter(meeting__countries=country)
        return queryset

    def filter_official(self, queryset, name, value):
        return queryset.filter(Exists(participants_named(value).filter(meeting=OuterRef("meeting"))))

    def _param_value(self, key, raw):
        return raw.strip().upper() if key in ("country", "party", "speaker") else raw

    def _country_facet(self, through, owner, key, selected):
        facts = self.qs.order_by().values("pk")
        rows = (through.objects.filter(**{f"{owner}__in": facts}).values("country_id", "country__name")
                .annotate(n=Count(f"{owner}_id")).order_by("-n", "country__name")[:FACT_FACET_SIZE])
        return [FacetValue(row["country__name"], row["n"], self._with(key, row["country_id"]),
                           row["country_id"] == selected) for row in rows]

    def _year_facet(self):
        cleaned = self._cleaned()
        years = (self.qs.order_by().filter(meeting__date__isnull=False).annotate(y=ExtractYear("meeting__date"))
                 .values("y").annotate(n=Count("pk")).order_by("-y"))
        return [FacetValue(str(row["y"]), row["n"], self._with("year", str(row["y"])), row["y"] == cleaned.get("year"))
                for row in years]

    def active_filters(self):
        data = self._cleaned()
        active = [ActiveFilter("Meeting country", country.name, self._without("country", country.code))
                  for country in data.get("country") or ()]
        for name, field in self.filters.items():
            value = data.get(name)
            if name in ("country", "sort") or value in (None, ""):
                continue
            active.append(ActiveFilter(field.label, self.shown_value(name, value), self._without(name)))
        return active

    def shown_value(self, name, value):
        if isinstance(value, Country):
            return value.name
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)


class StatementFilter(FactFilter):
    """/statements/: what was said, by the speaker's country, the meeting's countries and year, quote or report."""

    speaker = CountryCodeFilter(label="Speaker's country", queryset=Country.objects.all(), to_field_name="code",
                                field_name="speaker_countries", empty_label="Any country")
    direct = YesNoFilter(label="Kind", field_name="direct", true_label="Quoted directly", false_label="Reported")
    sort = django_filters.ChoiceFilter(label="Order", method="sort_facts", empty_label=None, choices=DATE_ORDERS)

    class Meta:
        model = Statement
        fields = []

    def sort_facts(self, queryset, name, value):
        return queryset.order_by(*fact_order(value))

    def shown_value(self, name, value):
        if name == "direct":
            return "quoted directly" if value else "reported"
        return super().shown_value(name, value)

    def facets(self):
        cleaned = self._cleaned()
        kinds = self.qs.order_by().values("direct").annotate(n=Count("pk")).order_by("-direct")
        speaker = cleaned.get("speaker")
        return {
            "kinds": [FacetValue("quoted directly" if row["direct"] else "reported", row["n"],
                                 self._with("direct", "true" if row["direct"] else "false"),
                                 row["direct"] == cleaned.get("direct")) for row in kinds],
            "speakers": self._country_facet(Statement.speaker_countries.through, "statement", "speaker",
                                            speaker.code if speaker else None),
            "years": self._year_facet(),
        }


def fact_order(value):
    """Statements and commitments by their meeting's date (newest first unless ``date``), then in text order."""
    if value == "date":
        return [F("meeting__date").asc(nulls_last=True), "meeting_id", "span_start", "id"]
    return [F("meeting__date").desc(nulls_last=True), "-meeting_id", "span_start", "id"]


class CommitmentFilter(FactFilter):
    """/commitments/: promises, by party, due year, status (as staff checked it) and the meeting's countries."""

    party = CountryCodeFilter(label="Party", queryset=Country.objects.all(), to_field_name="code",
                              field_name="parties", empty_label="Any country")
    due_year = YearFilter(label="Due in", method="filter_due_year")
    status = django_filters.ChoiceFilter(label="Status", choices=STATUS_CHOICES, method="filter_status",
                                         empty_label="Any")
    sort = django_filters.ChoiceFilter(label="Order", method="sort_commitments", empty_label=None,
                                       choices=DATE_ORDERS + [("due", "Soonest due first"),
                                                              ("-due", "Latest due first")])

    class Meta:
        model = Commitment
        fields = []

    def filter_due_year(self, queryset, name, year):
        return queryset.filter(due__gte=date(year, 1, 1), due__lte=date(year, 12, 31))

    def filter_status(self, queryset, name, value):
        """``not_checked``: nobody set the status (or staff set it to unknown); otherwise what staff set."""
        if value == NOT_CHECKED:
            return queryset.filter(~status_checked() | Q(status=CommitmentStatus.UNKNOWN))
        return queryset.filter(status_checked(), status=value)

    def sort_commitments(self, queryset, name, value):
        if value == "due":
            return queryset.order_by(F("due").asc(nulls_last=True), "id")
        if value == "-due":
            return queryset.order_by(F("due").desc(nulls_last=True), "-id")
        return queryset.order_by(*fact_order(value))

    def shown_value(self, name, value):
        if name == "status":
            return dict(STATUS_CHOICES)[value]
        return super().shown_value(name, value)

    def facets(self):
        cleaned = self._cleaned()
        commitments = self.qs.order_by()
        checked = (commitments.filter(status_checked()).exclude(status=CommitmentStatus.UNKNOWN)
                   .values("status").annotate(n=Count("pk")))
        counts = {row["status"]: row["n"] for row in checked}
        unchecked = commitments.filter(~status_checked() | Q(status=CommitmentStatus.UNKNOWN)).count()
        counts[NOT_CHECKED] = unchecked
        statuses = [FacetValue(label, counts[value], self._with("status", value), value == cleaned.get("status"))
                    for value, label in STATUS_CHOICES if counts.get(value)]
        due_years = (commitments.filter(due__isnull=False).annotate(y=ExtractYear("due")).values("y")
                     .annotate(n=Count("pk")).order_by("-y"))
        party = cleaned.get("party")
        return {
            "statuses": statuses,
            "parties": self._country_facet(Commitment.parties.through, "commitment", "party",
                                           party.code if party else None),
            "due_years": [FacetValue(str(row["y"]), row["n"], self._with("due_year", str(row["y"])),
                                     row["y"] == cleaned.get("due_year")) for row in due_years],
        }
