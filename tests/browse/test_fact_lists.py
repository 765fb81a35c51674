"""/statements/ and /commitments/: filterable lists of what was said and promised, with CSV and JSON; and the
meeting list's gaps: every country from the facet, the official filter by name, exports with participants."""
import csv
import io
from datetime import date

import pytest

from meetings.models import Source
from meetings.views import source_title
from tests.browse.builders import add_commitment, add_statement

pytestmark = pytest.mark.django_db


def texts(response):
    return [fact.text for fact in response.context["object_list"]]


@pytest.fixture
def promises(world):
    """The Seoul talks' two commitments (due 2017 and March 2018, nobody checked them), and one staff checked."""
    checked = add_commitment(world.trilateral, "Share radar tracks of missile launches", ["JP", "KR", "US"],
                             due=date(2019, 6, 1), due_precision="month", status="open", curated_fields=["status"])
    return checked


def test_commitments_list_every_commitment_newest_meeting_first(client, promises):
    response = client.get("/commitments/")
    assert response.status_code == 200
    assert texts(response) == ["Share radar tracks of missile launches", "Hold a combined missile defense exercise",
                               "Review the transfer of wartime operational control"]
    assert "3 commitments in the database" in response.content.decode()


@pytest.mark.parametrize("query, expected", [
    ({"party": "jp"}, ["Share radar tracks of missile launches"]),
    ({"due_year": "2018"}, ["Review the transfer of wartime operational control"]),
    ({"status": "not_checked"}, ["Hold a combined missile defense exercise",
                                 "Review the transfer of wartime operational control"]),
    ({"status": "open"}, ["Share radar tracks of missile launches"]),
    ({"status": "fulfilled"}, []),
    ({"country": ["KR", "JP"]}, ["Share radar tracks of missile launches"]),
    ({"year": "2017"}, ["Hold a combined missile defense exercise",
                        "Review the transfer of wartime operational control"]),
    ({"official": "kato"}, ["Share radar tracks of missile launches"]),
    ({"q": "wartime"}, ["Review the transfer of wartime operational control"]),
    ({"sort": "due"}, ["Hold a combined missile defense exercise",
                       "Review the transfer of wartime operational control", "Share radar tracks of missile launches"]),
])
def test_commitments_filter_by_party_due_year_status_and_country(client, promises, query, expected):
    assert texts(client.get("/commitments/", query)) == expected


def test_an_unchecked_status_is_not_checked_even_when_stored_as_open(client, world):
    """The ingest's stored status is not a finding: only a status staff set counts as open."""
    commitment = world.seoul.commitments.first()
    commitment.status = "open"
    commitment.save()
    assert texts(client.get("/commitments/", {"status": "open"})) == []


def test_a_passed_due_date_is_a_fact_not_overdue(client, world):
    commitment = world.seoul.commitments.get(text__startswith="Review")
    commitment.due, commitment.due_precision = date(2017, 10, 28), "day"
    commitment.save()
    page = client.get("/commitments/").content.decode()
    assert 'due <time datetime="2017-10-28">28 Oct 2017</time>, status <span class="badge badge-status-unknown"' in page
    assert "overdue" not in page


def test_commitment_facets_count_statuses_parties_and_due_years(client, promises):
    facets = client.get("/commitments/").context["facets"]
    assert [(f.label, f.count) for f in facets["statuses"]] == [("not checked", 2), ("open", 1)]
    assert [(f.label, f.count) for f in facets["parties"]][:1] == [("South Korea", 3)]
    assert [(f.label, f.count) for f in facets["due_years"]] == [("2019", 1), ("2018", 1), ("2017", 1)]
    assert facets["statuses"][0].url == "?status=not_checked"


@pytest.mark.parametrize("query", [{"status": "overdue"}, {"party": "ZZ"}, {"due_year": "soon"},
                                   {"country": "XX"}, {"sort": "price"}, {"official": "x\x00"}])
def test_bad_commitment_filters_are_a_400_never_a_500(client, world, query):
    assert client.get("/commitments/", query).status_code == 400
    assert client.get("/commitments/", {**query, "format": "json"}).status_code == 400


def test_commitments_csv_and_json_give_the_filtered_rows(client, promises, world):
    response = client.get("/commitments/", {"party": "KR", "format": "csv"})
    assert 'filename="commitments.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [(r["text"], r["parties"], r["status"], r["due"]) for r in rows] == [
        ("Share radar tracks of missile launches", "JP KR US", "open", "2019-06-01"),
        ("Hold a combined missile defense exercise", "KR US", "not_checked", "2017-01-01"),
        ("Review the transfer of wartime operational control", "KR US", "not_checked", "2018-03-01")]
    assert rows[1]["source"] == "Allies hold annual security talks in Seoul"
    assert rows[1]["sentence_url"].startswith("http://testserver/sources/")
    body = client.get("/commitments/", {"status": "open", "format": "json"}).json()
    assert [(r["text"], r["meeting"]) for r in body["results"]] == [
        ("Share radar tracks of missile launches", world.trilateral.slug)]


def test_statements_filter_by_speaker_kind_country_and_year(client, world):
    add_statement(world.call, "Both sides will keep in close contact.", ["JP"])
    assert texts(client.get("/statements/", {"speaker": "US"})) == [
        "Our alliance stands ready to answer any provocation on the peninsula."]
    assert texts(client.get("/statements/", {"direct": "false", "country": "KR"})) == [
        "The two militaries would share more information on ballistic missile launches."]
    assert texts(client.get("/statements/", {"year": "2017", "country": "JP"})) == [
        "Both sides will keep in close contact."]
    assert texts(client.get("/statements/", {"official": "Han Min jun"}))[:1] == [
        "Our alliance stands ready to answer any provocation on the peninsula."]
    assert client.get("/statements/", {"speaker": "ZZ"}).status_code == 400


def test_statements_csv_names_the_speakers(client, world):
    response = client.get("/statements/", {"format": "csv"})
    assert 'filename="statements.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [(r["speakers"], r["speaker_countries"], r["direct"]) for r in rows] == [
        ("Robert Hale", "US", "True"), ("Han Min-jun", "KR", "False")]


def test_the_lists_link_their_exports_and_are_in_the_navigation(client, world):
    page = client.get("/commitments/", {"party": "KR"}).content.decode()
    assert 'href="?party=KR&amp;format=csv"' in page and 'href="?party=KR&amp;format=json"' in page
    assert 'href="/statements/"' in page and 'href="/commitments/"' in page


# The meeting list ----------------------------------------------------------------------------


def test_the_country_facet_links_to_every_country(client, world, monkeypatch):
    monkeypatch.setattr("meetings.filters.COUNTRY_FACET_SIZE", 2)
    response = client.get("/meetings/")
    assert [f.label for f in response.context["facets"]["countries"]] == ["United States", "South Korea"]
    assert response.context["country_links"]["total"] == 4
    assert response.context["country_links"]["all_url"] == "?all_countries=1"
    page = client.get("/meetings/").content.decode()
    assert '<a href="?all_countries=1">All 4 countries</a>' in page
    every = client.get("/meetings/", {"all_countries": "1"})
    assert [f.label for f in every.context["facets"]["countries"]] == [
        "United States", "South Korea", "Japan", "Australia"]
    assert every.context["facets"]["countries"][3].url == "?country=AU"  # choosing one collapses the list
    assert 'Fewer countries' in every.content.decode()


@pytest.mark.parametrize("typed", ["Kenji Kato", "kato", "KATO", "Kenji", "kenji-kato"])
def test_the_official_filter_takes_a_name(client, world, typed):
    response = client.get("/meetings/", {"official": typed})
    assert [m.title for m in response.context["object_list"]] == [
        "Trilateral ministerial video call", "Japan – United States phone call"]


def test_the_official_filter_is_a_text_box_with_suggestions(client, world):
    page = client.get("/meetings/").content.decode()
    assert 'list="official-suggestions"' in page and 'data-suggest-url="/suggest/"' in page
    assert '<datalist id="official-suggestions"></datalist>' in page
    assert [r["label"] for r in client.get("/suggest/", {"q": "Kenji Ka", "kind": "official"}).json()["results"]] == [
        "Kenji Kato"]
    assert client.get("/suggest/", {"q": "ja", "kind": "official"}).json()["results"] == [] or all(
        r["kind"] == "official" for r in client.get("/suggest/", {"q": "ja", "kind": "official"}).json()["results"])
    assert client.get("/suggest/", {"q": "ka", "kind": "place"}).status_code == 400


def test_an_unknown_official_finds_no_meeting(client, world):
    response = client.get("/meetings/", {"official": "nobody-at-all"})
    assert response.status_code == 200 and list(response.context["object_list"]) == []


def test_meeting_exports_name_the_participants_and_count_facts(client, world):
    body = client.get("/meetings/", {"country": "KR", "year": "2017", "format": "json"}).json()
    [seoul] = body["results"]
    assert [(p["name"], p["country"], p["official"]) for p in seoul["participants"]] == [
        ("Han Min-jun", "KR", world.han.slug), ("Robert Hale", "US", world.hale.slug)]
    assert (seoul["statements"], seoul["commitments"]) == (2, 2)
    response = client.get("/meetings/", {"country": "KR", "year": "2017", "format": "csv"})
    [row] = csv.DictReader(io.StringIO(response.getvalue().decode()))
    assert (row["participants"], row["statements"], row["commitments"]) == (
        "Han Min-jun (KR); Robert Hale (US)", "2", "2")


def test_officials_are_listed_by_most_meetings_by_default(client, world):
    response = client.get("/officials/")
    assert [o.name for o in response.context["object_list"]][:3] == ["Robert Hale", "Han Min-jun", "Kenji Kato"]
    assert [o.name for o in client.get("/officials/", {"sort": "name"}).context["object_list"]][:1] != ["Robert Hale"]


@pytest.mark.parametrize("fields, title", [
    ({"title": "Allies meet"}, "Allies meet"),
    ({"title": "", "publisher": "Example Wire", "published": date(2017, 10, 28)}, "Example Wire, 28 Oct 2017"),
    ({"title": "", "url": "https://www.example.org/a/b.html"}, "Article from example.org"),
    ({"title": ""}, "Untitled source #{pk}"),
])
def test_a_source_is_named_by_its_title_never_its_file_path(fields, title):
    source = Source(pk=7, file_name="seeds/x.html", **fields)
    assert source_title(source) == title.format(pk=7)


def test_the_meeting_page_names_sources_by_title(client, world):
    source = world.seoul.sources.get()
    Source.objects.filter(pk=source.pk).update(title="", file_name="/data/seeds/seoul.html")
    page = client.get(world.seoul.get_absolute_url()).content.decode()
    assert "/data/seeds/seoul.html" not in page
    assert f'<a href="/sources/{source.pk}/">Example Wire, 23 Oct 2017</a>' in page
