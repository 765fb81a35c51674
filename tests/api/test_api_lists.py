"""/api/: every list and record, the HTML pages' filters, keyset pages, and 400s that name the field."""
import base64
import json
from datetime import date

import pytest

from tests.browse.builders import add_commitment, add_statement, make_meetings
from tests.factories import make_source

pytestmark = pytest.mark.django_db

LISTS = ["/api/meetings/", "/api/officials/", "/api/countries/", "/api/statements/", "/api/commitments/",
         "/api/sources/", "/api/events/", "/api/pair-years/"]


def slugs(response):
    return [row["slug"] for row in response.json()["results"]]


def walk(client, url):
    """Every row of a list, page after page through the ``next`` links."""
    rows = []
    while url:
        body = client.get(url).json()
        rows += body["results"]
        url = body["next"]
    return rows


@pytest.mark.parametrize("url", LISTS + ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_every_route_answers(client, world, url):
    assert client.get(url).status_code == 200


def test_meetings_with_a_country_are_those_meetings_with_their_participants(client, world):
    body = client.get("/api/meetings/", {"country": "KR"}).json()
    assert [row["title"] for row in body["results"]] == [
        "Alliance talks in Busan", "Trilateral ministerial video call", "Security Consultative Meeting",
        "Alliance talks in Washington"]
    assert all("KR" in row["countries"] for row in body["results"])
    seoul = body["results"][2]
    assert [(p["name"], p["country"], p["official"]) for p in seoul["participants"]] == [
        ("Han Min-jun", "KR", world.han.slug), ("Robert Hale", "US", world.hale.slug)]
    assert seoul["statements"] == 2 and seoul["commitments"] == 2 and seoul["host_country"] == "KR"


def test_a_participant_carries_its_source_span_and_sentence(client, world):
    [seoul] = client.get("/api/meetings/", {"country": "KR", "year": "2017"}).json()["results"]
    han = seoul["participants"][0]
    source = seoul["sources"][0]
    assert han["source"] == source and source["title"] == "Allies hold annual security talks in Seoul"
    assert han["sentence"].startswith("SEOUL -- Defense Minister Han Min-jun")
    assert han["span"] == {"start": 0, "end": len(han["sentence"])}
    assert han["sentence_page"] == f"http://testserver/sources/{source['id']}/#span-0-{len(han['sentence'])}"


def test_a_meeting_record_nests_participants_statements_and_commitments_with_their_sources(client, world):
    quote = world.seoul.statements.get(direct=True)
    second = make_source("Hale said the alliance stands ready.", title="A second report")
    quote.sources.add(quote.source, second)
    body = client.get(f"/api/meetings/{world.seoul.slug}/").json()
    assert [p["name"] for p in body["participants"]] == ["Han Min-jun", "Robert Hale"]
    assert [(s["text"][:20], s["direct"], s["speaker_countries"]) for s in body["statements"]] == [
        ("Our alliance stands ", True, ["US"]), ("The two militaries w", False, ["KR"])]
    assert [(c["text"], c["parties"], c["due"], c["status"]) for c in body["commitments"]] == [
        ("Hold a combined missile defense exercise", ["KR", "US"], "2017-01-01", "not_checked"),
        ("Review the transfer of wartime operational control", ["KR", "US"], "2018-03-01", "not_checked")]
    assert [source["title"] for source in body["statements"][0]["sources"]] == [
        "Allies hold annual security talks in Seoul", "A second report"]
    source = client.get(body["sources"][0]["url"]).json()
    for fact in body["statements"] + body["commitments"]:
        assert fact["source"]["id"] == source["id"] and "meeting" not in fact
        assert source["text"][fact["span"]["start"]:fact["span"]["end"]] == fact["sentence"]


@pytest.mark.parametrize("query", [
    {}, {"country": ["KR", "US"]}, {"year": "2017"}, {"mode": "phone"}, {"official": "Hale"},
    {"has_commitments": "true"}, {"q": "alliance"}, {"q": "alliance", "sort": "date"}, {"sort": "date"},
    {"date_after": "2017-01-01", "date_before": "2018-12-31"},
])
def test_the_api_lists_what_the_page_lists_in_its_order(client, world, query):
    """One FilterSet serves both: the same query string gives the same meetings in the same order."""
    page = client.get("/meetings/", {**query, "format": "json"}).json()
    assert slugs(client.get("/api/meetings/", query)) == [row["slug"] for row in page["results"]]


@pytest.mark.parametrize("url, key", [
    ("/api/meetings/?sort=date", "slug"), ("/api/meetings/", "slug"), ("/api/meetings/?q=talks", "slug"),
    ("/api/officials/?sort=name", "slug"), ("/api/officials/", "slug"), ("/api/countries/", "code"),
    ("/api/statements/", "id"), ("/api/commitments/?sort=due", "id"), ("/api/sources/?sort=published", "id"),
    ("/api/events/", "event_id"),
])
def test_keyset_pages_give_every_row_once_in_order(client, world, url, key):
    """Ties, empty values (no day, no span, no due date) and their order on a page's edge."""
    extra = make_meetings(5)
    extra[0].__class__.objects.filter(pk=extra[0].pk).update(date=None, date_precision="")
    for meeting in extra + extra[:2]:
        add_statement(meeting, f"Said at {meeting.name}", ["FR"])
        add_commitment(meeting, f"Promised at {meeting.name}", ["FR", "DE"],
                       due=date(2021, 1, 1) if meeting.pk % 2 else None, due_precision="year" if meeting.pk % 2 else "")
    for n in range(4):
        make_source(f"Report {n}", title=f"Report {n}", published=date(2020, 1, 1) if n % 2 else None)
    whole = [row[key] for row in walk(client, f"{url}{'&' if '?' in url else '?'}limit=500")]
    paged = [row[key] for row in walk(client, f"{url}{'&' if '?' in url else '?'}limit=2")]
    assert paged == whole and len(set(paged)) == len(paged) > 2


def test_undated_meetings_come_last_and_are_paged_too(client, world):
    make_meetings(1)[0].__class__.objects.filter(name="Talks 0").update(date=None, date_precision="")
    rows = walk(client, "/api/meetings/?limit=1")
    assert rows[-1]["title"] == "Talks 0" and rows[-1]["date"] is None
    assert walk(client, "/api/meetings/?limit=1&sort=date")[-1]["title"] == "Talks 0"


def test_a_page_links_to_the_next_in_its_body_and_a_header(client, world):
    response = client.get("/api/meetings/", {"limit": 2, "country": "KR"})
    assert response["Link"] == f'<{response.json()["next"]}>; rel="next"'
    assert "country=KR" in response.json()["next"]
    assert client.get("/api/meetings/", {"limit": 10}).json()["next"] is None


def test_statements_commitments_officials_and_sources_take_their_pages_filters(client, world):
    statements = client.get("/api/statements/", {"speaker": "us", "direct": "true"}).json()["results"]
    assert [(s["speaker_countries"], s["speakers"][0]["name"]) for s in statements] == [(["US"], "Robert Hale")]
    commitments = client.get("/api/commitments/", {"party": "KR", "due_year": "2018"}).json()["results"]
    assert [c["text"] for c in commitments] == ["Review the transfer of wartime operational control"]
    officials = client.get("/api/officials/", {"country": "JP", "name": "kato"}).json()["results"]
    assert [(o["name"], o["meetings"], o["tenures"][0]["office"]) for o in officials] == [
        ("Kenji Kato", 2, "Minister of Defense")]
    sources = client.get("/api/sources/", {"publisher": "Example Wire"}).json()["results"]
    assert [(s["title"], s["meetings"]) for s in sources] == [("Allies hold annual security talks in Seoul", 1)]
    assert "text" not in sources[0] and "file_name" not in sources[0]


def test_records_by_slug_code_and_id(client, world):
    assert client.get(f"/api/officials/{world.kato.slug}/").json()["country"] == "JP"
    korea = client.get("/api/countries/kr/").json()
    assert (korea["name"], korea["meetings"], korea["latest_meeting"]) == ("South Korea", 4, "2019-06-01")
    statement = client.get("/api/statements/").json()["results"][0]
    assert client.get(f"/api/statements/{statement['id']}/").json() == statement
    assert client.get("/api/meetings/no-such-meeting/").status_code == 404
    assert client.get("/api/countries/ZZ/").json() == {"detail": "No Country matches the given query."}


@pytest.mark.parametrize("url, field", [
    ("/api/meetings/?date_after=2017-02-30", "date_after"),
    ("/api/meetings/?date_after=2018-01-01&date_before=2017-01-01", "date_before"),
    ("/api/meetings/?mode=fax", "mode"),
    ("/api/meetings/?country=XX", "country"),
    ("/api/meetings/?year=0", "year"),
    ("/api/meetings/?sort=sideways", "sort"),
    ("/api/statements/?direct=perhaps", "direct"),
    ("/api/commitments/?status=kept", "status"),
    ("/api/sources/?published_after=yesterday", "published_after"),
    ("/api/officials/?country=Korea", "country"),
    ("/api/meetings/?limit=0", "limit"),
    ("/api/meetings/?limit=%C2%B2", "limit"),
    ("/api/meetings/?cursor=not-a-cursor", "cursor"),
    ("/api/events/?format=xml", "format"),
    ("/api/pair-years/?format=xlsx", "format"),
    ("/api/events/?date_before=31.12.2017", "date_before"),
])
def test_an_invalid_parameter_is_a_400_naming_it(client, world, url, field):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [field]


def test_a_bad_date_is_a_400(client, world):
    response = client.get("/api/meetings/", {"date_after": "2017-13-01"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"date_after": ["Enter a valid date."]}}


def test_a_cursor_of_another_order_or_with_odd_values_is_a_400(client, world):
    first = client.get("/api/meetings/", {"limit": 1}).json()
    cursor = first["next"].split("cursor=")[1].split("&")[0]
    assert client.get("/api/meetings/", {"limit": 1, "sort": "date", "cursor": cursor}).status_code == 400
    for values in (["not a day", 5], ["2017-01-01\x00", 5], [[], 5], ["2017-01-01"]):
        forged = base64.urlsafe_b64encode(json.dumps({"order": "-date|-id", "after": values}).encode()).decode()
        response = client.get("/api/meetings/", {"cursor": forged})
        assert response.status_code == 400 and list(response.json()["errors"]) == ["cursor"]


def test_the_schema_leaves_the_filters_choices_to_each_request(client, world):
    """Building the schema builds the FilterSets' form fields; the publishers a request can choose stay its own."""
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/sources/", {"publisher": "Example Wire"}).status_code == 200
    assert client.get("/api/sources/", {"publisher": "Example Wire"}).status_code == 200
