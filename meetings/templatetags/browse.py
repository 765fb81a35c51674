"""Template helpers for the browsing pages: links to and highlights of source sentences, and charts.

Charts are SVG drawn on the server (no JavaScript); the geometry is computed here
so the SVG templates only place shapes. Every chart has a table or list beside it
that carries the same data for screen readers and keyboards.
"""
import calendar
from collections import defaultdict
from datetime import date

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from meetings import search

register = template.Library()

LABEL_CHARACTERS = 22
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
MAX_TICKS = 8


def shorten(text, limit=LABEL_CHARACTERS):
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@register.filter
def search_snippet(snippet):
    """What a search matched in a meeting's document: HTML-escaped, the matched words in <mark>."""
    return search.marked(snippet)


@register.filter
def span_url(fact):
    """Where a fact's sentence sits in its source: /sources/<id>/#span-START-END (empty when unknown)."""
    if fact.source_id is None or fact.span_start is None or fact.span_end is None:
        return ""
    return f"{reverse('meetings:source_detail', args=[fact.source_id])}#span-{fact.span_start}-{fact.span_end}"


@register.simple_tag
def highlighted_text(text, spans):
    """``text`` escaped, with each (start, end, label) span in <mark id="span-START-END">.

    Spans sharing their bounds share one mark; a span inside another nests; a span
    crossing the end of the one it starts in is cut there, so the HTML stays well formed
    and its id still marks where it begins.
    """
    labels = defaultdict(list)
    for start, end, label in spans:
        if start is None or end is None or not 0 <= start < end:
            continue
        if start < len(text) and label not in labels[(start, end)]:
            labels[(start, end)].append(label)
    html, position, open_ends = [], 0, []

    def close_marks_until(limit):
        nonlocal position
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            html.append(escape(text[position:end]) + "</mark>")
            position = end

    for start, end in sorted(labels, key=lambda span: (span[0], -span[1])):
        close_marks_until(start)
        shown_end = min(end, len(text), *open_ends[-1:])
        html.append(escape(text[position:start]))
        html.append(f'<mark id="span-{start}-{end}" title="{escape("; ".join(labels[(start, end)]))}">')
        position = start
        open_ends.append(shown_end)
    close_marks_until(len(text))
    html.append(escape(text[position:]))
    return mark_safe("".join(html))


@register.filter
def month_abbr(number):
    return calendar.month_abbr[number]


@register.inclusion_tag("meetings/svg/month_timeline.html")
def month_timeline(year, counts, current_month=None):
    """Twelve columns, one per month of ``year``, each linking to that month's page when it has meetings."""
    width, baseline, tallest = 600, 132, 100
    slot, bar_width = width / 12, 32
    top = max(counts, default=0) or 1
    bars = []
    for month, count in enumerate(counts, start=1):
        height = round(tallest * count / top) if count else 0
        x = round((month - 1) * slot + (slot - bar_width) / 2, 1)
        bars.append({
            "x": x, "y": baseline - height, "width": bar_width, "height": height, "centre": x + bar_width / 2,
            "count": count, "label": calendar.month_abbr[month], "current": month == current_month,
            "title": f"{calendar.month_name[month]} {year}: {plural(count, 'meeting')}",
            "url": reverse("meetings:meeting_month", args=[f"{year:04d}", f"{month:02d}"]) if count else "",
        })
    return {"bars": bars, "width": width, "height": baseline + 24, "baseline": baseline, "year": year,
            "total": sum(counts)}


@register.inclusion_tag("meetings/svg/bar_chart.html")
def bar_chart(rows, title, limit=15):
    """Horizontal bars, longest first: rows of {"label", "count", "url"}."""
    rows = list(rows)[:limit]
    width, row_height, label_width, count_room = 480, 26, 150, 36
    top = max((row["count"] for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        length = max(2, round((width - label_width - count_room) * row["count"] / top))
        y = index * row_height + 4
        bars.append({"label": shorten(row["label"]), "full_label": row["label"], "count": row["count"],
                     "url": row["url"], "y": y, "text_y": y + row_height / 2 + 1, "length": length,
                     "height": row_height - 8, "count_x": label_width + length + 6})
    return {"bars": bars, "title": title, "width": width, "height": len(rows) * row_height + 8,
            "label_width": label_width}


@register.inclusion_tag("meetings/svg/meeting_dots.html")
def meeting_dots(meetings, title):
    """A dot per meeting, stacked in a column per year, each linking to its meeting."""
    by_year = defaultdict(list)
    for meeting in meetings:
        if meeting.date:
            by_year[meeting.date.year].append(meeting)
    if not by_year:
        return {"columns": []}
    stack, slot, step = 9, 44, 14
    years = range(min(by_year), max(by_year) + 1)
    tallest = min(stack, max(len(found) for found in by_year.values()))
    baseline = 24 + tallest * step
    width = max(480, len(years) * slot)
    left = (width - len(years) * slot) / 2
    columns = []
    for index, year in enumerate(years):
        centre = round(left + index * slot + slot / 2, 1)
        shown = sorted(by_year[year], key=lambda m: m.date)
        dots = [{"cx": centre, "cy": baseline - 10 - n * step, "meeting": meeting,
                 "title": f"{meeting.date_display}: {meeting.title}"} for n, meeting in enumerate(shown[:stack])]
        columns.append({"year": year, "centre": centre, "dots": dots, "more": max(0, len(shown) - stack),
                        "more_y": baseline - 10 - stack * step + 4, "count": len(shown)})
    return {"columns": columns, "width": width, "height": baseline + 22, "baseline": baseline, "title": title}


def tick_years(first, last):
    step = next(s for s in TICK_STEPS if (last - first) / s <= MAX_TICKS)
    return range((first + step - 1) // step * step, last + 1, step)


@register.inclusion_tag("meetings/svg/tenure_chart.html")
def tenure_chart(tenures, today, title):
    """A bar per tenure from start to end (or today), on a shared time axis; tenures without a start are omitted."""
    dated = [t for t in tenures if t.start]
    if not dated:
        return {"rows": []}
    first, last = date(min(t.start.year for t in dated), 1, 1), date(today.year + 1, 1, 1)
    width, label_width, row_height, top = 640, 170, 22, 26
    days = (last - first).days or 1

    def x(day):
        return round(label_width + (width - label_width - 8) * (day - first).days / days, 1)

    rows = []
    for index, tenure in enumerate(dated):
        end = min(tenure.end or today, last)
        y = top + index * row_height
        start_x = x(tenure.start)
        rows.append({"tenure": tenure, "label": shorten(tenure.official.name), "y": y, "text_y": y + row_height / 2 + 1,
                     "x": start_x, "length": max(2, round(x(end) - start_x, 1)), "height": row_height - 6,
                     "title": f"{tenure.official.name}, {tenure.office.title}: "
                              f"{tenure.start:%Y}–{tenure.end.strftime('%Y') if tenure.end else 'now'}"})
    ticks = [{"x": x(date(year, 1, 1)), "year": year} for year in tick_years(first.year, last.year)]
    height = top + len(rows) * row_height + 4
    return {"rows": rows, "ticks": ticks, "width": width, "height": height, "top": top, "title": title,
            "label_width": label_width}


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A main-navigation link, marked aria-current on the pages of its section."""
    url = reverse(url_name)
    request = context.get("request")
    current = ' aria-current="page"' if request is not None and request.path.startswith(url) else ""
    return mark_safe(f'<a href="{url}"{current}>{escape(label)}</a>')


@register.filter
def source_title(source):
    """What a page calls a source: its title, else its publisher and date, else its site; never a file path."""
    from meetings.views import source_title as title
    return title(source)
