"""/healthz names the database, cache, broker, sweep and workers, and which
one is down or stale (issue 12)."""

import time

import pytest
from django.test import override_settings

from config.settings.base import redis_cache
from monitoring import heartbeats

CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def seen(settings):
    """Record a sweep and a worker as seen just now, under this test's prefix."""
    if not settings.REDIS_AVAILABLE:
        pytest.skip("needs Redis")
    heartbeats.record_sweep()
    heartbeats.record_worker("releases@host")
    yield
    heartbeats.forget_worker("releases@host")


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_answers_200_when_everything_answers_and_is_fresh(client, seen):
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "sweep": "ok",
        "workers": "ok",
    }
    assert body["sweep_age"] < 5
    assert set(body["workers"]) == {"releases@host"}
    assert body["broker_transport"] == "redis"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db
def test_a_silent_beat_gives_503_naming_the_sweep(client, seen, settings):
    heartbeats.record_sweep(time.time() - settings.HEALTH_SWEEP_STALE_SECONDS - 5)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["sweep"]
    assert body["checks"]["sweep"].startswith("stale:")
    assert body["checks"]["workers"] == "ok"


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db
def test_a_dead_worker_gives_503_naming_it(client, seen, settings):
    old = time.time() - settings.HEALTH_WORKER_STALE_SECONDS - 5
    heartbeats.record_worker("background@host", old)
    try:
        response = client.get("/healthz")
    finally:
        heartbeats.forget_worker("background@host")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["workers"]
    assert "background@host" in body["checks"]["workers"]
    assert "releases@host" not in body["checks"]["workers"]


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db
def test_no_worker_and_no_sweep_ever_seen_is_503(client, settings):
    with override_settings(CACHES={"default": redis_cache(settings.REDIS_URL)}):
        settings.CACHES["default"]["KEY_PREFIX"] = "never-seen-prefix"
        response = client.get("/healthz")
    assert response.status_code == 503
    assert set(response.json()["failing"]) == {"sweep", "workers"}


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
    assert body["checks"]["sweep"].startswith("unknown")
    assert body["failing"] == ["cache", "broker", "sweep", "workers"]


@pytest.mark.django_db
def test_the_live_probe_only_needs_this_process_and_the_database(client):
    with override_settings(
        CACHES={"default": redis_cache(CLOSED_PORT_URL)},
        CELERY_BROKER_URL=CLOSED_PORT_URL,
    ):
        response = client.get("/healthz/live")
    assert response.status_code == 200
