"""The OpenAPI schema, and schemathesis sending every operation what the schema allows: never a server error."""
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.django_db
EXAMPLES_PER_OPERATION = 25  # enough to reach every parameter; the suite stays fast


def openapi_document():
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(openapi_document())


def test_the_schema_documents_every_list_and_its_filters(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    document = openapi_document()
    assert set(document["paths"]) >= {
        "/api/meetings/", "/api/meetings/{slug}/", "/api/officials/", "/api/officials/{slug}/", "/api/countries/",
        "/api/countries/{code}/", "/api/statements/", "/api/statements/{id}/", "/api/commitments/",
        "/api/commitments/{id}/", "/api/sources/", "/api/sources/{id}/", "/api/events/", "/api/pair-years/"}
    meeting_parameters = {p["name"]: p for p in document["paths"]["/api/meetings/"]["get"]["parameters"]}
    assert set(meeting_parameters) == {"q", "country", "date_after", "date_before", "year", "mode", "official",
                                       "has_commitments", "sort", "cursor", "limit"}
    assert meeting_parameters["date_after"]["schema"] == {"type": "string", "format": "date"}
    assert meeting_parameters["mode"]["schema"]["enum"] == ["in_person", "phone", "video"]


def test_the_docs_page_serves_its_scripts_from_our_static_files(client):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "<script>" not in page    # its start-up script is a file of its own, as the site's policy requires
    assert "/api/schema/" in client.get("/api/docs/?script=").content.decode()


def test_the_reference_page_loads_nothing_from_elsewhere(client):
    page = client.get("/api/redoc/").content.decode()
    assert "/static/drf_spectacular_sidecar/redoc/" in page and "/api/schema/" in page
    assert "googleapis" not in page and "<script>" not in page and "<style>" not in page


@pytest.fixture
def site(world):
    """The browsing tests' world, served by an application built now, under the tests' settings (plain HTTP: the
    middleware reads them when it is built). As in Django's test client, a request's end leaves the test's database
    connection (inside its transaction) open."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_request_the_schema_allows_is_a_server_error(case, site):
    response = case.call(app=site)
    assert response.status_code != 301  # a redirect would hide every answer
    case.validate_response(response, checks=[not_a_server_error])
