"""CSV sent while the database is read: a list of 100,000 rows never sits in memory, on the server or in a page."""
import csv
import io

from django.http import StreamingHttpResponse

CHUNK_ROWS = 1000  # rows fetched (and their related rows prefetched) per query, and written per piece sent


def batched_rows(queryset, chunk_size=None):
    """The queryset's rows, fetched ``chunk_size`` at a time (a server-side cursor on PostgreSQL); each chunk's
    prefetch_related lookups run once for the chunk."""
    return queryset.iterator(chunk_size=chunk_size or CHUNK_ROWS)


def csv_lines(records, fields):
    """The CSV text of ``records`` (dicts) under a header of ``fields``, in pieces of CHUNK_ROWS rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    for number, record in enumerate(records, 1):
        writer.writerow(record)
        if number % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def streamed_csv(records, fields, filename):
    """A download of ``records`` (an iterable of dicts, read as it is sent) as ``filename``.csv."""
    response = StreamingHttpResponse(csv_lines(records, fields), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
