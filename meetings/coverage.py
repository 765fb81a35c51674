"""/coverage/: which publishers and periods the database holds, and where it is thin, so a researcher can tell "no
meeting was reported" from "no report was collected". The database aggregates every figure: the page costs the same
few queries however many sources there are."""
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear, TruncMonth
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from .models import Meeting, Source, SourceStatus
from .pagecache import CachedPageMixin

SHADES = 4  # a month with sources is shaded 1 (fewest) to SHADES (as many as the busiest month)
GAPS_LISTED = 24  # the longest runs of months without a source; the calendar shows every one


def status_counts():
    return {status: Count("pk", filter=Q(status=status)) for status in SourceStatus.values}


def month_index(day):
    return day.year * 12 + day.month - 1


def month_of(index):
    return date(index // 12, index % 12 + 1, 1)


def month_end(first):
    following = month_of(month_index(first) + 1)
    return date.fromordinal(following.toordinal() - 1)


def sources_url(**params):
    return f"{reverse('meetings:source_list')}?{urlencode(params)}"


@dataclass
class MonthCell:
    month: date
    sources: int
    covered: bool  # inside the span from the first to the last month with a source
    shade: int = 0

    @property
    def is_gap(self):
        return self.covered and not self.sources

    @property
    def url(self):
        return sources_url(published_after=self.month.isoformat(), published_before=month_end(self.month).isoformat(),
                           sort="published")


@dataclass
class YearRow:
    year: int
    cells: list
    meetings: int

    @property
    def sources(self):
        return sum(cell.sources for cell in self.cells)

    @property
    def gaps(self):
        return sum(cell.is_gap for cell in self.cells)


@dataclass
class Gap:
    """A run of consecutive months without a single source, inside the covered span."""
    first: date
    last: date

    @property
    def months(self):
        return month_index(self.last) - month_index(self.first) + 1


def calendar_rows(per_month, meetings_per_year):
    """One row per year, from the first year with a source or a dated meeting to the last, each with twelve months."""
    years = {month.year for month in per_month} | set(meetings_per_year)
    if not years:
        return []
    covered = (month_index(min(per_month)), month_index(max(per_month))) if per_month else (0, -1)
    busiest = max(per_month.values(), default=0)
    rows = []
    for year in range(min(years), max(years) + 1):
        cells = []
        for number in range(1, 13):
            month = date(year, number, 1)
            count = per_month.get(month, 0)
            shade = -(-count * SHADES // busiest) if count else 0  # ceiling: one source is never shade 0
            cells.append(MonthCell(month, count, covered[0] <= month_index(month) <= covered[1], shade))
        rows.append(YearRow(year, cells, meetings_per_year.get(year, 0)))
    return rows


def gaps_in(rows):
    gaps = []
    for cell in (cell for row in rows for cell in row.cells):
        if not cell.is_gap:
            continue
        if gaps and month_index(gaps[-1].last) + 1 == month_index(cell.month):
            gaps[-1].last = cell.month
        else:
            gaps.append(Gap(cell.month, cell.month))
    return gaps


class CoverageView(CachedPageMixin, TemplateView):
    template_name = "meetings/coverage.html"

    def get_context_data(self, **kwargs):
        totals = Source.objects.aggregate(
            sources=Count("pk"), **status_counts(), undated=Count("pk", filter=Q(published__isnull=True)),
            first=Min("published"), last=Max("published"),
            publishers=Count("publisher", distinct=True, filter=~Q(publisher="")))
        publishers = list(
            Source.objects.order_by().values("publisher").annotate(
                sources=Count("pk"), **status_counts(), undated=Count("pk", filter=Q(published__isnull=True)),
                first=Min("published"), last=Max("published"),
                months=Count(TruncMonth("published"), distinct=True))
            .order_by("-sources", "publisher"))
        for publisher in publishers:
            publisher["span"] = (month_index(publisher["last"]) - month_index(publisher["first"]) + 1
                                 if publisher["first"] else 0)
            publisher["url"] = sources_url(publisher=publisher["publisher"]) if publisher["publisher"] else None
        per_month = dict(Source.objects.filter(published__isnull=False).annotate(month=TruncMonth("published"))
                         .order_by().values("month").annotate(n=Count("pk")).values_list("month", "n"))
        meetings_per_year = dict(Meeting.objects.filter(date__isnull=False).annotate(year=ExtractYear("date"))
                                 .order_by().values("year").annotate(n=Count("pk")).values_list("year", "n"))
        meetings = Meeting.objects.aggregate(total=Count("pk"), undated=Count("pk", filter=Q(date__isnull=True)),
                                             first=Min("date"), last=Max("date"))
        rows = calendar_rows(per_month, meetings_per_year)
        gaps = sorted(gaps_in(rows), key=lambda gap: (-gap.months, gap.first))  # the longest first
        return super().get_context_data(
            totals=totals, publishers=publishers, meetings=meetings, years=rows, gaps=gaps[:GAPS_LISTED],
            more_gaps=len(gaps) - GAPS_LISTED if len(gaps) > GAPS_LISTED else 0,
            gap_months=sum(gap.months for gap in gaps),
            failed_url=sources_url(status=SourceStatus.FAILED),
            months=[date(2000, number, 1) for number in range(1, 13)], **kwargs)
