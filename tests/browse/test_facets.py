"""Facets beside the meeting list: counts of the filtered meetings, each a link that narrows to them."""
import pytest

pytestmark = pytest.mark.django_db
URL = "/meetings/"
FILTERS = [{}, {"country": "US"}, {"country": ["KR", "US"]}, {"year": "2017"}, {"mode": "in_person"},
           {"q": "talks"}, {"official": "robert-hale"}]


def facet_values(response):
    return [(kind, value) for kind, values in response.context["facets"].items() for value in values]


@pytest.mark.parametrize("filters", FILTERS)
def test_each_facet_count_is_the_number_of_meetings_its_link_shows(client, world, filters):
    filters = {**filters, "official": world.hale.slug} if "official" in filters else filters
    response = client.get(URL, filters)
    assert facet_values(response)
    for kind, value in facet_values(response):
        followed = client.get(URL + value.url)
        assert followed.status_code == 200
        assert followed.context["total"] == value.count, (kind, value)
        assert len(followed.context["object_list"]) == value.count, (kind, value)


def test_facets_follow_the_current_filters(client, world):
    response = client.get(URL, {"country": "JP"})
    counts = {value.label: value.count for value in response.context["facets"]["countries"]}
    assert counts == {"Japan": 2, "United States": 2, "South Korea": 1}


def test_the_mode_facet_counts_every_matching_meeting(client, world):
    response = client.get(URL, {"country": "US"})
    modes = {value.label: value.count for value in response.context["facets"]["modes"]}
    assert modes == {"in person": 4, "phone call": 1, "video call": 1}
    assert sum(modes.values()) == response.context["total"]


def test_a_country_facet_adds_that_country_to_those_already_chosen(client, world):
    response = client.get(URL, {"country": "US", "sort": "date", "page": "1"})
    korea = next(v for v in response.context["facets"]["countries"] if v.label == "South Korea")
    assert korea.url == "?country=US&country=KR&sort=date"


def test_a_year_facet_replaces_the_year_chosen(client, world):
    response = client.get(URL, {"year": "2017"})
    assert [v.url for v in response.context["facets"]["years"]] == ["?year=2017"]
    response = client.get(URL, {"mode": "in_person"})
    assert "?mode=in_person&year=2019" in [v.url for v in response.context["facets"]["years"]]


def test_chosen_values_are_marked_as_selected(client, world):
    response = client.get(URL, {"country": "KR"})
    selected = [v.label for v in response.context["facets"]["countries"] if v.selected]
    assert selected == ["South Korea"]
    assert "South Korea<span class=\"visually-hidden\"> (selected)</span>" in response.content.decode()


def test_two_countries_other_countries_are_counted_in_their_newest_meetings_up_to_the_cap(client, db, monkeypatch):
    """No tally holds the other countries at two countries' meetings: they are counted in the newest
    PARTNER_FACET_CAP of them, and the page says so; the two chosen countries count every meeting listed."""
    from datetime import date

    from meetings import filters
    from tests.factories import make_meeting

    make_meeting(["US", "JP", "KR"], date(2020, 1, 1))
    make_meeting(["US", "JP", "AU"], date(2021, 1, 1))
    make_meeting(["US", "JP", "AU"], date(2022, 1, 1))
    monkeypatch.setattr(filters, "PARTNER_FACET_CAP", 2)
    response = client.get(URL, {"country": ["US", "JP"]})
    counts = {value.label: value.count for value in response.context["facets"]["countries"]}
    assert counts == {"United States": 3, "Japan": 3, "Australia": 2}
    assert "The other countries are counted in the latest 2 of these meetings." in response.content.decode()


def test_two_countries_with_fewer_meetings_than_the_cap_count_every_meeting_and_say_nothing(client, world):
    response = client.get(URL, {"country": ["KR", "US"]})
    assert "counted in the latest" not in response.content.decode()
