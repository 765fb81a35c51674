"""The page cache (meetings/pagecache.py): a public page is rendered once per data version, and every kind of write
changes the version, so the next request shows the new data; signed-in staff, errors and streamed exports are never
served from it or stored in it."""
from datetime import date

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ingest.document import ExtractedDocument, ExtractedMeeting, ExtractedParticipant, ExtractedStatement
from ingest.sources import RawSource
from ingest.writer import write
from meetings import aggregates, pagecache, search
from meetings.models import Country, Meeting, Official, Participant, Statement
from tests.factories import make_meeting, make_source
from tests.store.test_reingest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def world():
    official = Official.objects.create(name="Ana Example", country_id="KR", slug="ana-example")
    meeting = make_meeting(countries=("KR", "US"), place="Seoul", name="Seoul talks",
                           participants=[("Ana Example", "KR", official), ("Bo Sample", "US", None)])
    statement = Statement.objects.create(meeting=meeting, text="pledged closer maritime cooperation", direct=False)
    statement.speaker_countries.set(["KR"])
    search.refresh([meeting.pk])
    return meeting


def fetch(client, path):
    """The page and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries.captured_queries)


PAGES = ["/", "/meetings/", "/meetings/?country=KR", "/meetings/?country=US&country=KR", "/meetings/?q=maritime",
         "/meetings/?format=json", "/meetings/2020/", "/meetings/2020/05/", "/officials/", "/officials/ana-example/",
         "/countries/", "/countries/KR/", "/statements/", "/commitments/", "/sources/", "/coverage/",
         "/api/meetings/", "/feeds/meetings/", "/sitemap.xml", "/suggest/?q=ana"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_rendered_once_then_served_from_the_cache_for_one_query(anonymous, world, path):
    first, first_queries = fetch(anonymous, path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second, queries = fetch(anonymous, path)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert queries == 1 < first_queries  # the data version's row, nothing else
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_meeting_page_is_cached_too(anonymous, world):
    path = world.get_absolute_url()
    assert fetch(anonymous, path)[0]["X-Page-Cache"] == "miss"
    response, queries = fetch(anonymous, path)
    assert response["X-Page-Cache"] == "hit" and queries == 1


def test_a_cached_page_still_gets_the_security_headers_and_carries_no_nonce(anonymous, world):
    anonymous.get("/meetings/")
    response = anonymous.get("/meetings/")
    assert response["X-Page-Cache"] == "hit"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "nonce" not in policy
    assert b"nonce" not in response.content and b"csrfmiddlewaretoken" not in response.content
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_query_parameters_in_another_order_are_the_same_page(anonymous, world):
    assert anonymous.get("/meetings/?country=KR&year=2020&mode=in_person")["X-Page-Cache"] == "miss"
    response, queries = fetch(anonymous, "/meetings/?mode=in_person&country=KR&year=2020")
    assert response["X-Page-Cache"] == "hit" and queries == 1
    # another value, or the values of one parameter in another order (the views read them in order), is another page
    assert anonymous.get("/meetings/?country=KR&year=2021&mode=in_person")["X-Page-Cache"] == "miss"
    anonymous.get("/meetings/?country=US&country=KR")
    assert anonymous.get("/meetings/?country=KR&country=US")["X-Page-Cache"] == "miss"


def test_another_host_is_another_page(anonymous, world, settings):
    """The JSON export writes absolute addresses: a page for one host name is not served to another."""
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    anonymous.get("/meetings/?format=json")
    response = anonymous.get("/meetings/?format=json", HTTP_HOST="other.example")
    assert response["X-Page-Cache"] == "miss"
    assert "http://other.example/meetings/" in response.json()["results"][0]["url"]


# Every kind of write shows at once --------------------------------------------------------------


def cached(client, path):
    """Fetch a page twice, so that it is in the cache (the second answer says so)."""
    client.get(path)
    response = client.get(path)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_a_meeting_saved_shows_on_its_page_and_in_the_list(anonymous, world):
    assert "Busan" not in cached(anonymous, world.get_absolute_url())
    assert "Busan" not in cached(anonymous, "/meetings/")
    world.place = "Busan"
    world.save()
    assert "Busan" in anonymous.get(world.get_absolute_url()).content.decode()
    assert "Busan" in anonymous.get("/meetings/").content.decode()


def test_a_meeting_added_shows_in_the_list_the_counts_and_the_feed(anonymous, world):
    assert "Tokyo talks" not in cached(anonymous, "/meetings/")
    cached(anonymous, "/feeds/meetings/")
    cached(anonymous, "/countries/JP/")
    make_meeting(countries=("JP", "US"), name="Tokyo talks", day=date(2021, 2, 3))
    assert "Tokyo talks" in anonymous.get("/meetings/").content.decode()
    assert "Tokyo talks" in anonymous.get("/feeds/meetings/").content.decode()
    assert "Tokyo talks" in anonymous.get("/countries/JP/").content.decode()


def test_a_participant_added_shows_on_the_meeting_page(anonymous, world):
    assert "Cy Newcomer" not in cached(anonymous, world.get_absolute_url())
    Participant.objects.create(meeting=world, name="Cy Newcomer", country_id="US", role="Secretary of Defense")
    assert "Cy Newcomer" in anonymous.get(world.get_absolute_url()).content.decode()


def test_a_statement_edited_shows_on_the_meeting_page(anonymous, world):
    assert "joint patrols" not in cached(anonymous, world.get_absolute_url())
    statement = world.statements.get()
    statement.text = "agreed on joint patrols"
    statement.save()
    page = anonymous.get(world.get_absolute_url()).content.decode()
    assert "joint patrols" in page and "closer maritime cooperation" not in page


def test_a_statement_speaker_added_shows_on_the_meeting_page(anonymous, world):
    """A many-to-many change alone (no row of the statement saved)."""
    cached(anonymous, "/statements/?speaker=US")
    world.statements.get().speaker_countries.add("US")
    assert "closer maritime cooperation" in anonymous.get("/statements/?speaker=US").content.decode()


def test_an_admin_correction_of_a_statement_shows_at_once(anonymous, staff_client, world):
    statement = world.statements.get()
    assert "naval drills" not in cached(anonymous, world.get_absolute_url())
    url = f"/admin/meetings/statement/{statement.pk}/change/"
    data = form_data(staff_client.get(url))
    data["text"] = "announced naval drills"
    assert staff_client.post(url, data).status_code == 302
    page = anonymous.get(world.get_absolute_url()).content.decode()
    assert "announced naval drills" in page


def test_an_admin_correction_of_a_meeting_shows_at_once(anonymous, staff_client, world):
    from tests.foundation.test_curation import change_form_data

    assert "Incheon" not in cached(anonymous, "/meetings/")
    response = staff_client.post(f"/admin/meetings/meeting/{world.pk}/change/", change_form_data(world, place="Incheon"))
    assert response.status_code == 302
    assert "Incheon" in anonymous.get("/meetings/").content.decode()


def test_an_official_renamed_shows_on_the_officials_pages(anonymous, world):
    official = Official.objects.get(slug="ana-example")
    cached(anonymous, "/officials/")
    cached(anonymous, world.get_absolute_url())
    official.name = "Ana Renamed"
    official.save()
    assert "Ana Renamed" in anonymous.get("/officials/").content.decode()
    assert "Ana Renamed" in anonymous.get(world.get_absolute_url()).content.decode()


def test_a_country_renamed_shows_on_its_page(anonymous, world):
    assert "Republic of Testland" not in cached(anonymous, "/countries/KR/")
    korea = Country.objects.get(code="KR")
    korea.name = "Republic of Testland"
    korea.save()
    assert "Republic of Testland" in anonymous.get("/countries/KR/").content.decode()


def test_a_source_ingested_through_the_writer_shows_in_the_lists_and_the_search(anonymous, world):
    text = "Minister Ana Example met Minister Rui Sample in Lisbon on Monday. They condemned the attack."
    assert "Lisbon" not in cached(anonymous, "/meetings/")
    cached(anonymous, "/meetings/?q=attack")
    cached(anonymous, "/sources/")
    extracted = ExtractedMeeting(
        date=date(2022, 3, 7), date_precision="day", format="in_person", name=None, place="Lisbon",
        place_country="PT", countries=["ES", "PT"],
        participants=[ExtractedParticipant("Ana Example", "PT", "Minister of National Defence", span=(0, 64)),
                      ExtractedParticipant("Rui Sample", "ES", "Minister of Defence", span=(0, 64))],
        statements=[ExtractedStatement(["ES", "PT"], "condemned the attack", False, ["Ana Example", "Rui Sample"],
                                       (text.index("They"), len(text)))],
        commitments=[])
    write(RawSource("report.txt", content=text, data=text.encode()),
          ExtractedDocument("report.txt", text, title="Lisbon ministers meet", publisher="Example Wire",
                            published=date(2022, 3, 8), meetings=[extracted]))
    assert "Lisbon" in anonymous.get("/meetings/").content.decode()
    assert "Lisbon" in anonymous.get("/meetings/?q=attack").content.decode()
    assert "Lisbon ministers meet" in anonymous.get("/sources/").content.decode()


def test_a_meeting_deleted_is_gone_from_the_list_and_its_page(anonymous, world):
    path = world.get_absolute_url()
    assert "Seoul talks" in cached(anonymous, "/meetings/")
    cached(anonymous, path)
    world.delete()
    assert "Seoul talks" not in anonymous.get("/meetings/").content.decode()
    assert anonymous.get(path).status_code == 404


def test_a_participant_deleted_in_the_admin_is_gone_from_the_meeting_page(anonymous, staff_client, world):
    participant = Participant.objects.get(name="Bo Sample")
    assert "Bo Sample" in cached(anonymous, world.get_absolute_url())
    response = staff_client.post(f"/admin/meetings/participant/{participant.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert "Bo Sample" not in anonymous.get(world.get_absolute_url()).content.decode()


def test_bulk_writes_change_the_version_through_their_recount(anonymous, world):
    """Writes that send no signal (bulk_create, update, raw SQL) are followed by a recount of the tallies or the
    search documents, as the README asks: each of those replaces the version too."""
    cached(anonymous, "/meetings/")
    Meeting.objects.filter(pk=world.pk).update(place="Daegu")  # no signal
    assert anonymous.get("/meetings/")["X-Page-Cache"] == "hit"
    aggregates.refresh_aggregates()
    assert "Daegu" in anonymous.get("/meetings/").content.decode()
    cached(anonymous, "/meetings/")
    Meeting.objects.filter(pk=world.pk).update(place="Gwangju")
    search.refresh([world.pk])
    assert "Gwangju" in anonymous.get("/meetings/").content.decode()


# Who and what is never cached --------------------------------------------------------------------


def test_signed_in_staff_are_never_served_the_anonymous_page(anonymous, staff_client, world):
    cached(anonymous, "/meetings/")
    response, queries = fetch(staff_client, "/meetings/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert queries > 1
    # nor is what staff are shown stored for anyone
    response = staff_client.get(world.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert anonymous.get(world.get_absolute_url())["X-Page-Cache"] == "miss"


def test_the_admin_is_never_cached(staff_client, world):
    for _ in range(2):
        response = staff_client.get(f"/admin/meetings/meeting/{world.pk}/change/")
        assert response.status_code == 200 and "X-Page-Cache" not in response


def test_errors_are_not_cached(anonymous, world):
    for path, status in (("/meetings/no-such-meeting/", 404), ("/meetings/?date_after=yesterday", 400),
                         ("/meetings/?format=xml", 400)):
        for _ in range(2):
            response, queries = fetch(anonymous, path)
            assert response.status_code == status
            assert "X-Page-Cache" not in response


def test_a_streamed_csv_is_not_cached(anonymous, world):
    for _ in range(2):
        response = anonymous.get("/meetings/?format=csv")
        assert response.streaming and "X-Page-Cache" not in response
        b"".join(response.streaming_content)


def test_a_post_is_not_cached(anonymous, world):
    anonymous.get("/meetings/")
    assert "X-Page-Cache" not in anonymous.post("/meetings/")


def test_the_setting_turns_it_off(anonymous, world, settings):
    settings.PAGE_CACHE = False
    for _ in range(2):
        response, queries = fetch(anonymous, "/meetings/")
        assert "X-Page-Cache" not in response and queries > 1


# The data version -------------------------------------------------------------------------------


def test_a_transaction_replaces_the_version_once_until_a_page_reads_it(world):
    with transaction.atomic():
        start = pagecache.read_version()
        pagecache.bump_version()
        with CaptureQueriesContext(connection) as queries:
            pagecache.bump_version()  # nothing read since this transaction's change: nothing to do
        assert not queries.captured_queries
        first = pagecache.read_version()
        assert first != start
        pagecache.bump_version()  # a page read the version in between (a test, or a request that writes and reads)
        assert pagecache.read_version() != first


def test_a_change_rolled_back_with_its_savepoint_is_made_again_by_the_next_write(world):
    with transaction.atomic():
        start = pagecache.read_version()
        try:
            with transaction.atomic():
                pagecache.bump_version()
                raise RuntimeError
        except RuntimeError:
            pass
        pagecache.bump_version()
        assert pagecache.read_version() != start


def test_a_transaction_that_already_changed_the_version_changes_it_no_more(world):
    with transaction.atomic():
        pagecache.bump_version()
        with CaptureQueriesContext(connection) as queries:
            for text in ("one", "two", "three"):
                Statement.objects.create(meeting=world, text=text, direct=False)
        assert not any("dataversion" in query["sql"] for query in queries.captured_queries)


def test_a_flushed_database_caches_nothing_until_a_write(anonymous, world):
    from meetings.models import DataVersion

    DataVersion.objects.all().delete()
    for _ in range(2):
        assert "X-Page-Cache" not in anonymous.get("/meetings/")
    make_source()
    anonymous.get("/meetings/")
    assert anonymous.get("/meetings/")["X-Page-Cache"] == "hit"


# Redis: shared by every process and host ---------------------------------------------------------


def redis_answers():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), 1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_with_redis_a_page_rendered_by_one_process_is_served_by_another_until_a_write(anonymous, world, settings):
    import secrets

    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": f"ministerial-test-{secrets.token_hex(8)}"}}  # nobody else's keys; nothing cleared
    settings.PAGE_CACHE_ALIAS = "pages"
    settings.PAGE_CACHE_SECONDS = 60
    assert anonymous.get("/meetings/")["X-Page-Cache"] == "miss"
    del caches["pages"]  # another process: a connection of its own, nothing in memory
    response, queries = fetch(Client(), "/meetings/")
    assert response["X-Page-Cache"] == "hit" and queries == 1
    world.place = "Jeju"
    world.save()
    assert "Jeju" in anonymous.get("/meetings/").content.decode()
