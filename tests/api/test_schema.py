"""The published OpenAPI schema, tested against the API itself with schemathesis: requests
generated from the schema for every operation (with a manager's token), and no answer is a
server error or disagrees with the schema — its status, content type and body. Bounded to a
few examples per operation so the run stays under a minute."""

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
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import token_client

# Generated requests (the fuzzing phase) and the schema's own examples, a few per operation; the
# coverage phase (every boundary of every parameter) would take minutes.
BOUNDED = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": False}}, "generation": {"max-examples": 12}}
)


def published_schema():
    """The schema /api/schema/ publishes, built without a request (collection has no
    database), then sent to the application in-process."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(generated)), config=BOUNDED
    )
    loaded.app = get_wsgi_application()
    return loaded


schema = published_schema()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def in_process():
    """Keep the test's database connection open across requests, as Django's test client
    does: the WSGI handler closes it as each request starts and finishes."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def manager_token(db, django_user_model, in_process):
    client = token_client(django_user_model.objects.get(username="manager"))
    return client._credentials["HTTP_AUTHORIZATION"]


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_generated_request_gets_an_answer_the_schema_describes(case, manager_token):
    case.call_and_validate(headers={"Authorization": manager_token}, checks=CHECKS)


def test_the_schema_and_its_documentation_page_are_published(db, client):
    schema_response = client.get("/api/schema/")
    assert schema_response.status_code == 200
    text = schema_response.content.decode()
    assert "/api/milestones/{id}/" in text
    assert "personalToken" in text
    page = client.get("/api/docs/")
    assert page.status_code == 200
    # Swagger UI is served from our own static files (drf-spectacular-sidecar), no CDN.
    html = page.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in html
    assert "cdn." not in html and "unpkg" not in html
    assert "<script>" not in html  # no inline script: its start-up is a file of its own
