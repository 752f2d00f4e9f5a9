"""/healthz names the database, cache and broker, and which one is down."""

import pytest
from django.test import override_settings

from config.settings.base import redis_cache

CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_answers_200_when_database_cache_and_broker_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}
    assert body["broker_transport"] == "redis"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_naming_redis_when_it_points_at_a_closed_port(client):
    with override_settings(
        CACHES={"default": redis_cache(CLOSED_PORT_URL)},
        CELERY_BROKER_URL=CLOSED_PORT_URL,
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("error")
    assert body["checks"]["broker"].startswith("error")
    assert body["failing"] == ["cache", "broker"]
