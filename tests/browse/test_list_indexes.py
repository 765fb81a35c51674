"""The orders and the status filter of /statements/, /commitments/ and /officials/ are read from indexes, as a large
table would be planned, on PostgreSQL (EXPLAIN) and SQLite (EXPLAIN QUERY PLAN)."""
import re
from datetime import date

import pytest
from django.db import connection
from django.http import QueryDict

from meetings.filters import CommitmentFilter, OfficialFilter, StatementFilter
from meetings.models import Commitment
from meetings.views import CommitmentListView, OfficialListView, StatementListView
from tests.browse.builders import add_commitment, add_statement, make_official
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"
FULL_SORT = re.compile(r"(^|->\s+)Sort\s+\(cost", re.M)  # a Sort node (an Incremental Sort of presorted rows is not)


@pytest.fixture
def lists(db):
    """Six meetings (one undated), each with its minister, its report and three statements and commitments."""
    for n in range(6):
        official = make_official(f"Minister Number{n}", "FR", start=date(2010, 1, 1))
        meeting = make_meeting(["FR", "DE"], date(2015, 1 + n, 1) if n else None, name=f"Talks {n}",
                               participants=[(official.name, "FR", official)])
        source = make_source(f"Report {n}.")
        for k in range(3):
            add_statement(meeting, f"Statement {n}.{k}", ["FR"], source=source)
            add_commitment(meeting, f"Commitment {n}.{k}", ["FR", "DE"], source=source, status="open",
                           curated_fields=["status"] if n % 2 else [])


def plan(queryset):
    """The plan of ``queryset``'s SQL as a large database would be planned, since a tiny test table would be scanned
    or sorted anyway: on PostgreSQL with table scans and full sorts made a last resort; on SQLite with the tables'
    statistics (ANALYZE) scaled to ten thousand times as many rows of the same shape."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if not POSTGRESQL:
            cursor.execute("ANALYZE")
            cursor.execute("UPDATE sqlite_stat1 SET stat = (CAST(substr(stat, 1, instr(stat, ' ') - 1) AS INTEGER) "
                           "* 10000) || substr(stat, instr(stat, ' ')) WHERE instr(stat, ' ') > 0")
            cursor.execute("ANALYZE sqlite_schema")  # reads the statistics again
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(row[-1] for row in cursor.fetchall())
        for setting in ("enable_seqscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def listed(view, filterset, **params):
    """The page of rows the list view reads (the probe's one more included), filtered as the URL would."""
    query = QueryDict(mutable=True)
    query.update(params)
    return filterset(query, queryset=view().get_queryset()).qs[:51]


@pytest.mark.parametrize("view, filterset", [(StatementListView, StatementFilter),
                                             (CommitmentListView, CommitmentFilter)])
@pytest.mark.parametrize("sort", ["-date", "date"])
def test_facts_by_meeting_date_walk_the_meetings_date_index_and_each_meetings_facts(lists, view, filterset, sort):
    found = plan(listed(view, filterset, sort=sort))
    table = view.filterset_class._meta.model._meta.db_table
    if POSTGRESQL:
        index = "meeting_newest_first" if sort == "-date" else "meeting_date_order"
        assert re.search(rf"Index Scan (Backward )?using {index} on meetings_meeting", found), found
        assert re.search(rf"Index Scan using \w+ on {table}\s+\(.*\n\s+Index Cond: \(meeting_id = ", found), found
        assert "Incremental Sort" in found and not FULL_SORT.search(found), found
    else:
        assert re.search(r"SCAN meetings_meeting USING INDEX meetings_meeting_date_\w+", found), found
        assert f"SEARCH {table} USING INDEX {table}_meeting_id" in found, found
        assert "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" in found, found  # within a meeting only


def test_officials_by_most_meetings_are_read_from_their_index(lists):
    found = plan(listed(OfficialListView, OfficialFilter))
    if POSTGRESQL:
        assert "Index Scan using official_most_meetings on meetings_official" in found, found
        assert not FULL_SORT.search(found) and "Aggregate" not in found, found
    else:
        assert "SCAN meetings_official USING INDEX official_most_meetings" in found, found
        assert "TEMP B-TREE" not in found and "meetings_participant" not in found, found


@pytest.mark.parametrize("status", ["open", "fulfilled"])
def test_the_status_staff_set_is_found_from_its_index(lists, status):
    query = QueryDict(mutable=True)
    query["status"] = status
    found = plan(CommitmentFilter(query, queryset=Commitment.objects.all()).qs.order_by())
    assert "commitment_checked_status" in found and "curated_fields" not in found, found


def test_the_filtered_lists_show_what_the_indexed_columns_say(lists, client):
    assert [c.text for c in client.get("/commitments/", {"status": "open"}).context["object_list"]] == [
        f"Commitment {n}.{k}" for n in (5, 3, 1) for k in range(3)]
    assert len(client.get("/commitments/", {"status": "not_checked"}).context["object_list"]) == 9
    assert [s.text for s in client.get("/statements/", {"sort": "date"}).context["object_list"]] == [
        f"Statement {n}.{k}" for n in (1, 2, 3, 4, 5, 0) for k in range(3)]  # the undated meeting last
