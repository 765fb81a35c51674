"""Search that finds people: ?q= matches who met, where, what they said and promised, and where it was reported.

Every test builds its meetings here, names as an article would write them; the
officials they resolve to are the reference officials the migrations load.
"""
import json
from datetime import date

import pytest
from django.db import connection

from meetings import search
from meetings.models import Official
from tests.browse.builders import add_commitment, add_statement, titles
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db
URL = "/meetings/"


def known(name, country):
    """The reference official of that name (loaded by the migrations)."""
    return Official.objects.get(name=name, country_id=country)


def meeting_of(*people, day=date(2019, 5, 1), **fields):
    """A meeting of ``people``: (name as written, country, official or None)."""
    countries = list(dict.fromkeys(country for _, country, _ in people))
    return make_meeting(countries, day, participants=people, **fields)


@pytest.fixture
def found(client):
    """The titles of the meetings /meetings/?q= lists, in order."""
    def search(q, **filters):
        response = client.get(URL, {"q": q, **filters})
        assert response.status_code == 200, response.content.decode()[:500]
        return titles(response)
    return search


@pytest.fixture
def ministers():
    """Meetings of the ministers the issue could not find, each with one counterpart, plus unrelated ones."""
    return {
        "Austin": meeting_of(("Lloyd Austin", "US", known("Lloyd Austin", "US")), ("Li Shangfu", "CN", None),
                             name="Austin meets Li"),
        "Marles": meeting_of(("Richard Marles", "AU", known("Richard Marles", "AU")), ("Prabowo Subianto", "ID", None),
                             name="Marles meets Prabowo"),
        "Onodera": meeting_of(("Defense Minister Onodera", "JP", known("Itsunori Onodera", "JP")),
                              ("Ng Eng Hen", "SG", None), name="Onodera meets Ng"),
        "Pistorius": meeting_of(("Boris Pistorius", "DE", known("Boris Pistorius", "DE")),
                                ("Hanno Pevkur", "EE", None), name="Pistorius meets Pevkur"),
        "Song Young-moo": meeting_of(("Song Young-moo", "KR", known("Song Young-moo", "KR")),
                                     ("Nguyen Chi Vinh", "VN", None), name="Song meets Nguyen"),
        "other": meeting_of(("Ana Example", "PT", None), ("Rui Sample", "ES", None), name="Iberian talks"),
    }


@pytest.mark.parametrize("name", ["Austin", "Marles", "Onodera", "Pistorius", "Song Young-moo"])
def test_each_minister_the_issue_named_is_found_by_name(ministers, name, found):
    assert found(name) == [ministers[name].title]


def test_every_meeting_of_a_minister_is_found_however_the_article_wrote_his_name(found):
    mattis = known("Jim Mattis", "US")
    written = ["James Mattis", "Jim Mattis", "Mattis", "James N. Mattis", "Secretary Mattis", "J. Mattis",
               "Defense Secretary Jim Mattis"]
    for n, name in enumerate(written):
        meeting_of((name, "US", mattis), ("Kenji Kato", "JP", None), day=date(2017, 2, n + 1), name=f"Talks {n}")
    meeting_of(("Ana Example", "PT", None), name="Other talks")
    assert sorted(found("Mattis")) == [f"Talks {n}" for n in range(7)]


def test_a_name_is_found_by_an_alias_of_the_official_it_resolved_to(found):
    meeting_of(("Secretary Mattis", "US", known("Jim Mattis", "US")), name="Talks")
    assert found("James Norman Mattis") == ["Talks"]


def test_a_family_name_alone_finds_the_meeting(found):
    meeting_of(("Jean-Yves Le Drian", "FR", known("Jean-Yves Le Drian", "FR")), name="Talks in Paris")
    assert found("Le Drian") == ["Talks in Paris"]
    assert found("Drian") == ["Talks in Paris"]


@pytest.mark.parametrize("q", ["Błaszczak", "Blaszczak", "blaszczak", "Mariusz Błaszczak"])
def test_an_accented_name_is_found_with_or_without_its_accents(q, found):
    meeting_of(("Mariusz Błaszczak", "PL", None), name="Warsaw talks")
    assert found(q) == ["Warsaw talks"]


def test_a_name_written_without_accents_is_found_by_the_accented_spelling(found):
    meeting_of(("Mariusz Blaszczak", "PL", None), name="Warsaw talks")
    meeting_of(("Ségolène Exemple", "FR", None), name="Paris talks")
    assert found("Błaszczak") == ["Warsaw talks"]
    assert found("Segolene") == ["Paris talks"]


@pytest.mark.parametrize("q", ["Song Young-moo", "Song Young moo", "Youngmoo", "Young-moo", "song youngmoo"])
def test_a_hyphenated_name_is_found_with_the_hyphen_a_space_or_neither(q, found):
    meeting_of(("Song Young-moo", "KR", None), name="Seoul talks")
    assert found(q) == ["Seoul talks"]


def test_a_name_written_without_its_hyphen_is_found_by_the_hyphenated_spelling(found):
    meeting_of(("Song Young Moo", "KR", None), name="Seoul talks")
    assert found("Young-moo") == ["Seoul talks"]


@pytest.mark.parametrize("q", ["Japan", "JP", "Japanese", "South Korea"])
def test_a_country_is_found_by_its_name_code_or_demonym(q, found):
    meeting_of(("Kenji Kato", "JP", None), ("Han Min-jun", "KR", None), name="Tokyo talks")
    meeting_of(("Ana Example", "PT", None), name="Lisbon talks")
    assert found(q) == ["Tokyo talks"]


def test_a_place_is_found(found):
    make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks", place="Busan")
    make_meeting(["KR", "US"], date(2019, 7, 1), name="Other talks", place="Seoul")
    assert found("Busan") == ["Alliance talks"]


def test_words_of_statements_commitments_and_sources_are_found(found):
    meeting = make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks")
    add_statement(meeting, "The ministers condemned the launch of a ballistic missile.", ["KR"])
    add_commitment(meeting, "Hold a combined naval drill", ["KR", "US"])
    meeting.sources.add(make_source("Text.", title="Allies weigh submarine cooperation", publisher="Harbour Times"))
    make_meeting(["KR", "US"], date(2019, 7, 1), name="Other talks")
    search.refresh([meeting.pk])  # a source added to a meeting: the ingest and the admin refresh after that too
    for q in ("ballistic", "naval drill", "submarine", "Harbour Times"):
        assert found(q) == ["Alliance talks"], q


def test_a_number_matches_whole_words_not_part_of_a_longer_number(found):
    make_meeting(["KR", "US"], date(2019, 6, 1), name="Exercise 14242")
    make_meeting(["KR", "US"], date(2019, 7, 1), name="Exercise 4242")
    assert found("4242") == ["Exercise 4242"]


def test_a_meeting_where_the_person_took_part_ranks_above_one_that_only_mentions_the_name(found):
    mentioned = make_meeting(["FR", "DE"], date(2020, 1, 1), name="Talks")
    mentioned.sources.add(make_source("Text.", title="What Pistorius said in Paris"))
    search.refresh([mentioned.pk])
    meeting_of(("Boris Pistorius", "DE", known("Boris Pistorius", "DE")), day=date(2019, 1, 1), name="Berlin talks")
    assert found("Pistorius") == ["Berlin talks", "Talks"]


def test_web_search_syntax_phrases_or_and_exclusions(found):
    meeting_of(("Kenji Kato", "JP", None), name="Tokyo talks", place="Tokyo")
    meeting_of(("Kenji Sato", "JP", None), name="Osaka talks", place="Osaka")
    assert found('"Kenji Kato"') == ["Tokyo talks"]
    assert sorted(found("Tokyo or Osaka")) == ["Osaka talks", "Tokyo talks"]
    assert found("Kenji -Osaka") == ["Tokyo talks"]


# What matched ---------------------------------------------------------------------------------


def test_each_result_shows_what_matched_with_the_words_marked(client):
    meeting = make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks")
    add_statement(meeting, "The ministers condemned the launch of a ballistic missile.", ["KR"])
    page = client.get(URL, {"q": "ballistic"}).content.decode()
    assert '<p class="search-snippet">' in page
    assert "<mark>ballistic</mark>" in page


def test_the_snippet_escapes_what_the_article_wrote(client):
    meeting = make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks")
    meeting.sources.add(make_source("Text.", title='Submarine <script>alert("x")</script> & <b>deals</b>'))
    search.refresh([meeting.pk])
    page = client.get(URL, {"q": "submarine"}).content.decode()
    assert "<mark>Submarine</mark>" in page
    assert "alert(&quot;x&quot;)" in page and " &amp; " in page  # PostgreSQL's headline also drops the tags
    assert '<script>alert("x")' not in page and "<b>deals" not in page


def test_the_json_export_says_what_matched_and_the_csv_export_still_works(client):
    meeting_of(("Song Young-moo", "KR", None), name="Seoul talks")
    rows = json.loads(client.get(URL, {"q": "Youngmoo", "format": "json"}).content)["results"]
    assert [row["title"] for row in rows] == ["Seoul talks"]
    assert "<mark>Youngmoo</mark>" in rows[0]["matched"]
    csv = client.get(URL, {"q": "Youngmoo", "format": "csv"}).getvalue().decode()
    assert csv.splitlines()[0].startswith("slug,url,title") and "Seoul talks" in csv


# Bad queries ----------------------------------------------------------------------------------


def test_an_overlong_query_is_a_form_error(client):
    response = client.get(URL, {"q": "Mattis " * 40})
    assert response.status_code == 400
    assert "Ensure this value has at most 200 characters" in response.content.decode()


@pytest.mark.parametrize("q", ["!!!", "-", '"', '""', "* : & | ( )", "—", "or", "OR OR", "-\"\"", "'", "\\"])
def test_a_query_of_punctuation_alone_finds_nothing_and_never_fails(q, client):
    meeting_of(("Kenji Kato", "JP", None), name="Tokyo talks")
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert titles(response) == []


# Suggestions for the header search -----------------------------------------------------------


def suggestions(client, q):
    response = client.get("/suggest/", {"q": q})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_suggestions_offer_officials_and_countries_whose_names_contain_the_words(client):
    mattis = known("Jim Mattis", "US")
    assert {"kind": "official", "label": "Jim Mattis", "detail": "Official · United States",
            "url": mattis.get_absolute_url()} in suggestions(client, "Matti")
    assert "Jim Mattis" in [s["label"] for s in suggestions(client, "James N. Mattis")]  # an alias
    japan = {"kind": "country", "label": "Japan", "detail": "Country · JP", "url": "/countries/JP/"}
    assert japan in suggestions(client, "japan")
    assert "Song Young-moo" in [s["label"] for s in suggestions(client, "song young")]
    assert "Mariusz Błaszczak" in [s["label"] for s in suggestions(client, "Blaszczak")]


def test_suggestions_are_at_most_ten(client):
    assert len(suggestions(client, "an")) == 10


@pytest.mark.parametrize("q", ["", "  ", "!!", "%", "_", "\x00", "x" * 500])
def test_suggestions_for_nothing_or_punctuation_are_empty_and_never_fail(q, client):
    assert suggestions(client, q) == []


def test_the_header_search_suggests_with_a_static_script_and_works_without_it(client):
    page = client.get("/").content.decode()
    assert '<form class="site-search" role="search" method="get" action="/meetings/">' in page
    assert 'list="site-search-suggestions"' in page and '<datalist id="site-search-suggestions">' in page
    assert 'data-suggest-url="/suggest/"' in page
    assert '<script src="/static/js/suggest.js" defer></script>' in page
    assert "<script>" not in page  # no inline script: a Content-Security-Policy without 'unsafe-inline' is coming


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_on_postgresql_other_forms_of_a_word_match(found):
    meeting = make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks")
    add_statement(meeting, "They warned against further provocations.", ["KR"])
    assert found("provocation") == ["Alliance talks"]


def test_a_search_lists_the_best_match_first_unless_asked_for_a_date_order(client, found):
    meeting_of(("Boris Pistorius", "DE", known("Boris Pistorius", "DE")), day=date(2019, 1, 1), name="Berlin talks")
    later = make_meeting(["FR", "DE"], date(2020, 1, 1), name="Talks")
    later.sources.add(make_source("Text.", title="What Pistorius said in Paris"))
    search.refresh([later.pk])
    assert found("Pistorius") == found("Pistorius", sort="best") == ["Berlin talks", "Talks"]
    assert found("Pistorius", sort="-date") == ["Talks", "Berlin talks"]
    assert found("Pistorius", sort="date") == ["Berlin talks", "Talks"]
    page = client.get(URL, {"q": "Pistorius"}).content.decode()
    assert page.index('<option value="best">Best match first</option>') < page.index('<option value="-date">')
    assert '<a href="?q=Pistorius" aria-current="true">Best match first</a>' in page


def test_a_number_is_found_as_a_whole_word_never_inside_a_longer_one(client, db):
    for n in (4242, 14242, 42420):
        make_meeting(["KR", "US"], date(2019, 1, 1), name=f"Bench talks {n}")
    page = client.get("/meetings/", {"q": "4242"})
    assert [m.name for m in page.context["object_list"]] == ["Bench talks 4242"]
    assert page.context["total"] == 1
