"""The search (?q=) reads one indexed document per meeting: a GIN index on PostgreSQL, an FTS5 table on SQLite."""
import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.http import QueryDict

from meetings.filters import MeetingFilter
from meetings.models import Meeting, MeetingSearch
from meetings.search import SEARCH_CONFIG

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite")


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned anyway
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def search(query):
    return list(MeetingFilter(QueryDict(query), queryset=Meeting.objects.all()).qs)


@postgresql_only
def test_the_migration_adds_a_gin_index_on_the_weighted_document_and_drops_the_old_ones():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'meetings_%%' "
                       "AND indexdef LIKE '%%USING gin%%'")
        found = dict(cursor.fetchall())
    assert "meeting_search_document" in found and "(document)" in found["meeting_search_document"]
    assert not {"meeting_name_fulltext", "statement_text_fulltext", "commitment_text_fulltext"} & set(found)


@postgresql_only
def test_the_search_can_use_the_index(world):
    queryset = MeetingSearch.objects.filter(document=SearchQuery("missile defense", search_type="websearch",
                                                                   config=SEARCH_CONFIG))
    explained = plan(queryset)
    assert "Bitmap Index Scan on meeting_search_document" in explained, explained


@postgresql_only
def test_the_search_matches_other_forms_of_a_word(world):
    assert search("q=provocations") == [world.seoul]


@sqlite_only
def test_the_migration_adds_an_fts5_table_that_folds_accents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'meetings_search_fts'")
        (sql,) = cursor.fetchone()
    assert "fts5(" in sql and "unicode61 remove_diacritics 2" in sql


@sqlite_only
def test_the_fts5_table_follows_the_documents_it_mirrors(world):
    def indexed_ids():
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM meetings_search_fts WHERE meetings_search_fts MATCH 'alliance'")
            return {row[0] for row in cursor.fetchall()}

    assert indexed_ids() == {world.washington.pk, world.busan.pk, world.seoul.pk}
    world.busan.delete()
    assert indexed_ids() == {world.washington.pk, world.seoul.pk}


def test_the_search_understands_web_search_syntax(world):
    assert search('q="answer any provocation" -Busan') == [world.seoul]
    assert set(search("q=Busan or Sydney")) == {world.sydney, world.busan}
    assert world.busan not in search("q=-Busan") and world.seoul in search("q=-Busan")
