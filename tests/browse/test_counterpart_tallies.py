"""Counterpart tallies (meetings/aggregates.py): how many meetings each ordered pair of officials took part in
together, kept equal to a recount through every kind of write of a participant, and an official's page reads its
counterparts met most from them (by their index) instead of counting the participants of every meeting."""
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.aggregates import refresh_counterparts
from meetings.merge import merge_officials
from meetings.models import CounterpartTally, Meeting, Official, Participant
from meetings.views import top_counterparts
from tests.browse.builders import make_official
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"


def pairs():
    return sorted(CounterpartTally.objects.values_list("official__name", "counterpart__name", "meetings"))


def recounted():
    """The pairs as refresh_counterparts computes them from the participants (the kept rows are put back)."""
    kept = list(CounterpartTally.objects.values_list("official_id", "counterpart_id", "meetings"))
    refresh_counterparts()
    fresh = pairs()
    CounterpartTally.objects.all().delete()
    CounterpartTally.objects.bulk_create(CounterpartTally(official_id=a, counterpart_id=b, meetings=n)
                                         for a, b, n in kept)
    return fresh


def test_a_meeting_counts_each_ordered_pair_of_its_officials_once(world):
    assert pairs() == [("Han Min-jun", "Kenji Kato", 1), ("Han Min-jun", "Robert Hale", 3),
                       ("Kenji Kato", "Han Min-jun", 1), ("Kenji Kato", "Robert Hale", 2),
                       ("Robert Hale", "Han Min-jun", 3), ("Robert Hale", "Kenji Kato", 2)]
    assert pairs() == recounted()


@pytest.mark.parametrize("write", [
    "add", "add unresolved", "resolve", "move to another official", "unresolve", "move to another meeting",
    "delete", "queryset delete", "meeting delete", "meetings queryset delete", "official delete", "merge",
    "unchanged save", "fixture",
])
def test_every_write_keeps_the_counterpart_tallies_equal_to_a_recount(world, write, tmp_path):
    lee = make_official("Lee Jong-sup", "KR", "Minister of National Defense", start=date(2022, 5, 10))
    trilateral = Meeting.objects.get(pk=world.trilateral.pk)
    kato = Participant.objects.get(meeting=trilateral, official=world.kato)
    han = Participant.objects.get(meeting=trilateral, official=world.han)
    unresolved = Participant.objects.create(meeting=world.busan, name="Someone", country_id="KR")

    def fixture():
        path = tmp_path / "participants.json"
        call_command("dumpdata", "meetings.participant", output=str(path))
        Participant.objects.filter(meeting=trilateral).update(official=None)  # sends no signal: the tallies lag...
        refresh_counterparts()
        call_command("loaddata", str(path), verbosity=0)  # ...until the fixture's rows are saved again

    {
        "add": lambda: Participant.objects.create(meeting=world.busan, name="Robert Hale", country_id="US",
                                                  official=world.hale),
        "add unresolved": lambda: Participant.objects.create(meeting=trilateral, name="Nobody", country_id="KR"),
        "resolve": lambda: (setattr(unresolved, "official", lee), unresolved.save()),
        "move to another official": lambda: (setattr(han, "official", lee), han.save()),
        "unresolve": lambda: (setattr(kato, "official", None), kato.save()),
        "move to another meeting": lambda: (setattr(kato, "meeting", world.busan), kato.save()),
        "delete": lambda: kato.delete(),
        "queryset delete": lambda: Participant.objects.filter(official__in=[world.kato, world.han]).delete(),
        "meeting delete": lambda: trilateral.delete(),
        "meetings queryset delete": lambda: Meeting.objects.filter(countries="JP").delete(),
        "official delete": lambda: Official.objects.get(pk=world.kato.pk).delete(),
        "merge": lambda: merge_officials(Official.objects.get(pk=world.han.pk), [Official.objects.get(pk=lee.pk)]),
        "unchanged save": lambda: kato.save(),
        "fixture": fixture,
    }[write]()
    assert pairs() == recounted()
    assert all(n > 0 for *_, n in pairs())  # emptied pairs go


def test_rebuild_aggregates_recomputes_the_counterpart_tallies(world):
    CounterpartTally.objects.all().delete()
    call_command("rebuild_aggregates", verbosity=0)
    assert pairs() == [("Han Min-jun", "Kenji Kato", 1), ("Han Min-jun", "Robert Hale", 3),
                       ("Kenji Kato", "Han Min-jun", 1), ("Kenji Kato", "Robert Hale", 2),
                       ("Robert Hale", "Han Min-jun", 3), ("Robert Hale", "Kenji Kato", 2)]


def test_an_officials_counterparts_are_read_from_the_tallies_not_the_participants(client, world):
    with CaptureQueriesContext(connection) as queries:
        counterparts = top_counterparts(world.hale)
    assert [(c["official__name"], c["meetings"]) for c in counterparts] == [("Han Min-jun", 3), ("Kenji Kato", 2)]
    assert len(queries.captured_queries) == 1
    assert "meetings_participant" not in queries.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as queries:
        client.get(world.hale.get_absolute_url())
    assert not [q for q in queries.captured_queries if "meetings_participant" in q["sql"] and "GROUP BY" in q["sql"]]


def test_ties_are_ordered_by_name(db):
    hale = make_official("Robert Hale", "US", "Secretary of Defense", start=date(2015, 1, 20))
    others = [make_official(name, "KR", "Minister of National Defense", start=date(2015, 1, 1))
              for name in ("Zed Kim", "Ahn Park")]
    for other in others:
        make_meeting(["KR", "US"], date(2016, 1, 1), participants=[(hale.name, "US", hale), (other.name, "KR", other)])
    assert [c["official__name"] for c in top_counterparts(hale)] == ["Ahn Park", "Zed Kim"]


@pytest.mark.skipif(not POSTGRESQL, reason="EXPLAIN's plan format is PostgreSQL's")
def test_the_counterparts_are_found_by_the_tally_index(world):
    from meetings.models import CounterpartTally as Tally

    sql, params = (Tally.objects.filter(official=world.hale).order_by("-meetings", "counterpart__name",
                                                                         "counterpart_id")
                   .values_list("counterpart__slug", "meetings")[:10].query.sql_with_params())
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "counterpart_most_met" in plan or "counterpart_one_per_pair" in plan, plan
    assert "meetings_participant" not in plan
