"""On PostgreSQL the search (?q=) is answered from the GIN indexes of migration 0003."""
import pytest
from django.db import connection
from django.http import QueryDict

from meetings.filters import MeetingFilter
from meetings.models import Meeting

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text GIN indexes exist on PostgreSQL only"),
]
INDEXES = {"meeting_name_fulltext", "statement_text_fulltext", "commitment_text_fulltext"}


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned anyway
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_migration_adds_a_gin_index_per_searched_text():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [list(INDEXES)])
        found = dict(cursor.fetchall())
    assert set(found) == INDEXES
    assert all("USING gin (to_tsvector('english'" in definition for definition in found.values())


def test_the_search_uses_every_index(world):
    queryset = MeetingFilter(QueryDict("q=missile defense"), queryset=Meeting.objects.all()).qs
    assert all(f"Bitmap Index Scan on {index}" in plan(queryset) for index in INDEXES)


def test_the_search_understands_web_search_syntax(world):
    found = MeetingFilter(QueryDict('q="answer any provocation" -Busan'), queryset=Meeting.objects.all()).qs
    assert list(found) == [world.seoul]


def test_the_search_matches_other_forms_of_a_word(world):
    found = MeetingFilter(QueryDict("q=provocations"), queryset=Meeting.objects.all()).qs
    assert list(found) == [world.seoul]
