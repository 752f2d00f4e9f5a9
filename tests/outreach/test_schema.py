"""schemathesis against the served OpenAPI schema: no server error, and every
answer matches what the schema says."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

schema = schemathesis.openapi.from_wsgi(
    "/api/warnings/v1/schema", get_wsgi_application()
)


@pytest.fixture
def generous(world):
    """A partner no rate limit stops, and the test's database connection kept
    open across requests, as Django's test client keeps it."""
    world.partner.rate_limit = 100_000
    world.partner.save()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield world
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_schema_with_a_valid_key(case, generous):
    case.call_and_validate(headers={"Authorization": f"Bearer {generous.key}"})


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_schema_with_any_key(case, generous):
    case.call_and_validate()


def test_a_live_answer_matches_the_schema(generous):
    operation = schema["/api/warnings/v1/"]["GET"]
    for region, lang in (("BE", "nl-BE"), ("INT", "ar"), ("DK", "da")):
        case = operation.Case(
            query={"region": region, "lang": lang},
            headers={"Authorization": f"Bearer {generous.key}"},
        )
        response = case.call_and_validate()
        assert response.status_code == (404 if region == "DK" else 200)
