"""/healthz: 200 while the database answers, 503 when it does not, whatever the Host header or the scheme."""
from unittest import mock

import pytest
from django.db import OperationalError, connections


@pytest.fixture
def database_down():
    """Every new cursor on the default database fails, as when PostgreSQL is unreachable."""
    with mock.patch.object(connections["default"], "cursor", side_effect=OperationalError("connection refused")):
        yield


def test_healthy_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_unavailable_when_the_database_does_not_answer(client, db, database_down, caplog):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
    assert "connection refused" not in response.content.decode()  # the reason goes to the log, not the prober
    assert "connection refused" in caplog.text


def test_unavailable_when_the_query_fails(client, db):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone away")):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_a_load_balancer_probing_by_address_over_plain_http_gets_an_answer(client, db, settings):
    settings.ALLOWED_HOSTS = ["ministerial.example"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", headers={"host": "10.0.3.7:8000"})
    assert response.status_code == 200
    assert client.get("/", headers={"host": "10.0.3.7:8000"}).status_code == 400  # other pages still check the host


def test_head_is_answered_and_other_methods_are_refused(client, db):
    assert client.head("/healthz").status_code == 200
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_only_the_exact_path_is_the_health_check(client, db):
    assert client.get("/healthz/").status_code == 404
