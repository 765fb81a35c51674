"""New rows by the thousand, as plain tuples: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere.

A batch of the ingest inserts some fifteen rows per article across the meetings' tables, their many-to-many tables
and their History. Django's ``bulk_create`` builds a model instance per row and prepares every value of it in Python,
which cost more than PostgreSQL spent storing them; ``COPY`` takes the values as they are. The rows' ids are taken
from the tables' sequences beforehand (``new_ids``), so the rows that name them (History, its many-to-many rows)
are built before anything is inserted.
"""
from __future__ import annotations

from django.db import connection, models


def new_ids(model, count: int) -> list[int]:
    """``count`` unused ids of ``model``'s table, ascending, for rows inserted right after (in this transaction)."""
    if count == 0:
        return []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [model._meta.db_table, model._meta.pk.column, count])
            return sorted(row[0] for row in cursor.fetchall())
    start = first_free_sqlite_id(model)
    return list(range(start, start + count))


def first_free_sqlite_id(model) -> int:
    """The id SQLite's AUTOINCREMENT would give the next row: past the highest stored and the highest ever used."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT MAX("{model._meta.pk.column}") FROM "{table}"')
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
    return max(highest, row[0] if row else 0) + 1


def insert(model, attnames: list[str], rows: list[tuple]) -> None:
    """Insert ``rows``, each the values of ``attnames`` (Python values, as a model instance holds them)."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**dict(zip(attnames, row))) for row in rows], batch_size=500)
        return
    fields = [model._meta.get_field(name) for name in attnames]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    # JSON is the one kind of value psycopg would not write as the column wants it (a list would become an array)
    json_columns = [number for number, field in enumerate(fields) if isinstance(field, models.JSONField)]
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            if json_columns:
                row = list(row)
                for number in json_columns:
                    row[number] = fields[number].get_db_prep_save(row[number], connection)
            copy.write_row(row)


def values(obj, attnames: list[str]) -> tuple:
    return tuple(getattr(obj, name) for name in attnames)
