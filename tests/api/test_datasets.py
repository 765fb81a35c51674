"""/api/events/ (dyadic CAMEO and PLOVER events) and /api/pair-years/ (country-pair-years), as JSON and CSV."""
import csv
import io
from datetime import date

import pytest
from django.http import StreamingHttpResponse

from meetings.datasets import meeting_events
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def events_of(client, **query):
    return {(row["source_country"], row["target_country"]): row
            for row in client.get("/api/events/", query).json()["results"]}


def summary(event):
    return (event["cameo_code"], event["plover_mode"], event["plover_source"], event["plover_recipient"],
            event["source_role"], event["target_role"])


def test_a_visit_is_made_by_the_visitor_and_hosted_by_the_host(client, world):
    events = events_of(client, country="KR", year="2017")  # the Seoul talks, hosted by South Korea
    assert summary(events[("US", "KR")]) == ("042", "visit", "US", "KR", "visitor", "host")
    assert summary(events[("KR", "US")]) == ("043", "visit", "US", "KR", "host", "visitor")
    row = events[("US", "KR")]
    assert (row["cameo_label"], row["plover_event"], row["date"], row["place"], row["host_country"]) == (
        "Make a visit", "CONSULT", "2017-10-23", "Seoul", "KR")
    assert row["event_id"] == f"{world.seoul.slug}:US-KR" and row["sources"] == [world.seoul.sources.get().pk]


def test_without_a_recorded_host_the_direction_is_not_guessed(client, world):
    events = events_of(client, country="KR", year="2016")  # Washington: the place is named, the host not recorded
    assert summary(events[("KR", "US")]) == ("040", "", "KR", "US", "participant", "participant")
    assert summary(events[("US", "KR")]) == ("040", "", "US", "KR", "participant", "participant")


def test_calls_are_consultations_by_telephone_whatever_their_size(client, world):
    events = events_of(client, mode="video")  # the trilateral video call
    assert len(events) == 6
    assert {summary(event)[:2] for event in events.values()} == {("041", "phone")}
    assert {row["meeting_mode"] for row in events_of(client, mode="phone").values()} == {"phone"}


def test_a_meeting_hosted_by_a_country_not_at_the_table_is_at_a_third_location(db):
    meeting = make_meeting(["JP", "KR"], date(2019, 6, 1), place="Singapore", host_country_id="SG")
    assert {(e.source, e.target, e.cameo_code, e.plover_mode) for e in meeting_events(meeting)} == {
        ("JP", "KR", "044", "third-party"), ("KR", "JP", "044", "third-party")}


def test_a_hosted_multilateral_meeting_has_visits_to_the_host_and_visitors_meeting_each_other(db):
    meeting = make_meeting(["JP", "KR", "US"], date(2019, 6, 1), place="Tokyo", host_country_id="JP")
    found = {(e.source, e.target): (e.cameo_code, e.plover_mode, e.plover_source, e.plover_recipient)
             for e in meeting_events(meeting)}
    assert found == {
        ("KR", "JP"): ("042", "multilateral", "KR", "JP"), ("US", "JP"): ("042", "multilateral", "US", "JP"),
        ("JP", "KR"): ("043", "multilateral", "KR", "JP"), ("JP", "US"): ("043", "multilateral", "US", "JP"),
        ("KR", "US"): ("044", "multilateral", "KR", "US"), ("US", "KR"): ("044", "multilateral", "US", "KR"),
    }


def test_events_page_by_meeting_and_take_the_meeting_filters(client, world):
    first = client.get("/api/events/", {"limit": 1, "country": "US"}).json()
    assert {row["meeting"] for row in first["results"]} == {world.sydney.slug}
    second = client.get(first["next"]).json()
    assert {row["meeting"] for row in second["results"]} == {world.busan.slug}


def test_the_events_csv_streams_every_event(client, world):
    response = client.get("/api/events/", {"format": "csv"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="events.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert len(rows) == 2 + 2 + 2 + 6 + 2 + 2  # a pair is two events; the trilateral call six
    seoul = [row for row in rows if row["meeting"] == world.seoul.slug and row["source_country"] == "US"]
    assert [(r["cameo_code"], r["plover_source"], r["plover_recipient"], r["sources"]) for r in seoul] == [
        ("042", "US", "KR", str(world.seoul.sources.get().pk))]


def test_pair_years_count_meetings_by_mode_and_their_facts(client, world):
    rows = client.get("/api/pair-years/").json()
    table = {(r["country_a"], r["country_b"], r["year"]): (r["meetings"], r["in_person"], r["phone"], r["video"],
                                                           r["statements"], r["commitments"]) for r in rows}
    assert table == {
        ("KR", "US", 2016): (1, 1, 0, 0, 0, 0),
        ("KR", "US", 2017): (1, 1, 0, 0, 2, 2),
        ("JP", "US", 2017): (1, 0, 1, 0, 0, 0),
        ("JP", "KR", 2018): (1, 0, 0, 1, 0, 0),
        ("JP", "US", 2018): (1, 0, 0, 1, 0, 0),
        ("KR", "US", 2018): (1, 0, 0, 1, 0, 0),
        ("KR", "US", 2019): (1, 1, 0, 0, 0, 0),
        ("AU", "US", 2019): (1, 1, 0, 0, 0, 0),
    }
    assert [(r["country_a"], r["country_b"], r["year"]) for r in rows] == sorted(table)


def test_pair_years_add_up_meetings_and_leave_out_undated_ones(client, world):
    make_meeting(["KR", "US"], date(2017, 11, 2), format="phone")
    make_meeting(["KR", "US"], None)
    rows = client.get("/api/pair-years/", {"country": "KR", "year": "2017"}).json()
    assert [(r["country_a"], r["country_b"], r["meetings"], r["in_person"], r["phone"]) for r in rows] == [
        ("KR", "US", 2, 1, 1)]


def test_the_pair_years_csv(client, world):
    response = client.get("/api/pair-years/", {"format": "csv", "mode": "video"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="pair-years.csv"' in response["Content-Disposition"]
    text = response.getvalue().decode()
    assert text.splitlines()[0] == "country_a,country_b,year,meetings,in_person,phone,video,statements,commitments"
    assert [(r["country_a"], r["country_b"], r["video"]) for r in csv.DictReader(io.StringIO(text))] == [
        ("JP", "KR", "1"), ("JP", "US", "1"), ("KR", "US", "1")]


def test_the_meeting_list_csv_is_csv(client, world):
    response = client.get("/meetings/", {"country": "KR", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
