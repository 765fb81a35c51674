"""/officials/ and /officials/<slug>/: who held which office, whom they met, what they said and promised."""
from datetime import date

import pytest

from tests.browse.builders import make_official
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
URL = "/officials/"


def names(response):
    return [official.name for official in response.context["object_list"]]


def test_filters_by_name(client, world):
    assert names(client.get(URL, {"name": "min-jun"})) == ["Han Min-jun"]


def test_filters_by_country_in_any_letter_case(client, world):
    assert "Kenji Kato" in names(client.get(URL, {"country": "jp"}))
    assert "Kenji Kato" not in names(client.get(URL, {"country": "KR"}))


def test_filters_by_office_title(client, world):
    assert names(client.get(URL, {"role": "national defense", "name": "Min-jun"})) == ["Han Min-jun"]
    assert names(client.get(URL, {"role": "secretary", "name": "Min-jun"})) == []


def test_filters_by_a_year_in_office(client, world):
    assert names(client.get(URL, {"year": "2018", "name": "Robert Hale"})) == ["Robert Hale"]
    assert names(client.get(URL, {"year": "2020", "name": "Robert Hale"})) == []
    assert names(client.get(URL, {"year": "2014", "name": "Robert Hale"})) == []


def test_office_and_year_describe_the_same_tenure(client, db):
    official = make_official("Ana Duarte", "PT", "Minister of National Defence", start=date(2010, 1, 1),
                             end=date(2012, 1, 1))
    make_official("Someone Else", "PT", "Chief of Staff", start=date(2015, 1, 1))
    official.tenures.create(office=official.tenures.get().office.country.offices.get(title="Chief of Staff"),
                            start=date(2016, 1, 1))
    assert names(client.get(URL, {"name": "Duarte", "role": "Minister", "year": "2011"})) == ["Ana Duarte"]
    assert names(client.get(URL, {"name": "Duarte", "role": "Minister", "year": "2016"})) == []


def test_lists_meeting_counts_and_sorts_by_them(client, world):
    response = client.get(URL, {"sort": "-meetings"})
    assert [(o.name, o.meeting_count) for o in response.context["object_list"]][:3] == [
        ("Robert Hale", 4), ("Han Min-jun", 3), ("Kenji Kato", 2)]


def test_the_list_is_paged(client, world):
    response = client.get(URL)
    assert len(response.context["object_list"]) == 50
    assert response.context["page_obj"].has_next


def test_the_page_shows_the_offices_held(client, world):
    page = client.get(world.hale.get_absolute_url()).content.decode()
    assert '<th scope="row" data-label="Office">Secretary of Defense</th>' in page
    assert "<td data-label=\"From\">20 Jan 2015</td>" in page and "<td data-label=\"Until\">1 Jan 2019</td>" in page


def test_the_page_draws_the_meetings_on_a_timeline_linking_each(client, world):
    page = client.get(world.kato.get_absolute_url()).content.decode()
    timeline = page.split('<svg class="chart chart-dots"')[1].split("</svg>")[0]
    assert timeline.count("<circle") == 2
    assert f'<a href="{world.call.get_absolute_url()}" tabindex="-1">' in timeline
    assert '>2017</text>' in timeline and '>2018</text>' in timeline


def test_the_timeline_shows_their_latest_meetings_and_links_to_the_rest(client, world, monkeypatch):
    from meetings import views

    monkeypatch.setattr(views, "TIMELINE_MEETINGS", 2)
    page = client.get(world.hale.get_absolute_url()).content.decode()
    timeline = page.split('<svg class="chart chart-dots"')[1].split("</svg>")[0]
    assert timeline.count("<circle") == 2
    assert f'<a href="{world.trilateral.get_absolute_url()}" tabindex="-1">' in timeline
    assert (f'The chart shows the latest 2 of their 4 meetings: <a href="/meetings/?official={world.hale.slug}">all '
            "of them in the meeting list</a>.") in page


def test_the_page_lists_their_meetings(client, world):
    response = client.get(world.kato.get_absolute_url())
    assert [m.title for m in response.context["meetings"]] == ["Trilateral ministerial video call",
                                                               "Japan – United States phone call"]


def test_the_page_shows_their_statements(client, world):
    page = client.get(world.hale.get_absolute_url()).content.decode()
    assert "“Our alliance stands ready to answer any provocation on the peninsula.”" in page
    assert "information on ballistic missile launches" not in page


def test_the_page_shows_the_commitments_made_in_their_meetings(client, world):
    page = client.get(world.han.get_absolute_url()).content.decode()
    assert "Hold a combined missile defense exercise" in page
    assert "Review the transfer of wartime operational control" in page


def test_the_page_ranks_the_counterparts_met_most(client, world):
    counterparts = client.get(world.hale.get_absolute_url()).context["counterparts"]
    assert [(c["official__name"], c["meetings"]) for c in counterparts] == [("Han Min-jun", 3), ("Kenji Kato", 2)]


def test_a_counterpart_links_to_their_page(client, world):
    page = client.get(world.kato.get_absolute_url()).content.decode()
    assert f'<a href="{world.hale.get_absolute_url()}">Robert Hale</a>' in page


def test_an_official_without_meetings_has_a_page(client, db):
    official = make_official("Quiet Person", "NZ")
    page = client.get(official.get_absolute_url()).content.decode()
    assert "No meetings recorded." in page


def test_the_list_links_to_the_meetings_of_an_official(client, world):
    make_meeting(["JP", "US"], date(2019, 1, 1))
    page = client.get(world.kato.get_absolute_url()).content.decode()
    assert f'href="/meetings/?official={world.kato.slug}"' in page



@pytest.fixture
def speaker_of_three_meetings(db):
    """An official who spoke twice at each of three meetings, newest first: 2020, 2019, 2018."""
    from tests.browse.builders import add_participant, add_statement
    official = make_official("Ines Vale", "PT")
    for year in (2018, 2019, 2020):
        meeting = make_meeting(["PT", "ES"], date(year, 5, 1))
        speaker = add_participant(meeting, official)
        for n in (1, 2):
            add_statement(meeting, f"Position {n} of {year}.", ["PT"], speakers=[speaker])
    return official


@pytest.mark.parametrize("shown, expected", [
    (1, ["Position 1 of 2020."]),                                   # the timeline's meetings hold enough
    (3, ["Position 1 of 2020.", "Position 2 of 2020.", "Position 1 of 2019."]),   # they do not: all meetings
])
def test_the_statements_shown_are_their_newest_whether_the_timeline_meetings_hold_enough_or_not(
        client, speaker_of_three_meetings, monkeypatch, shown, expected):
    """Statements are looked for in the timeline's meetings first (here the newest one), in all when too few."""
    from meetings import views

    monkeypatch.setattr(views, "TIMELINE_MEETINGS", 1)
    monkeypatch.setattr(views, "FACTS_SHOWN", shown)
    response = client.get(speaker_of_three_meetings.get_absolute_url())
    assert [s.text for s in response.context["statements"]] == expected
