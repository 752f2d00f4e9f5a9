"""/healthz sees a real beat and worker, and notices when beat goes silent."""

import pytest
from django.test import override_settings

from config.settings.base import redis_cache
from monitoring import heartbeats
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_healthz_follows_the_sweep_and_the_worker_heartbeats(
    celery_stack, client, settings
):
    # Read what the stack's processes write: its cache prefix, not ours.
    stack_cache = {**redis_cache(settings.REDIS_URL), "KEY_PREFIX": celery_stack.name}
    stale_after = 10 * celery_stack.sweep_seconds
    with override_settings(
        CACHES={"default": stack_cache},
        HEALTH_SWEEP_STALE_SECONDS=stale_after,
    ):
        celery_stack.start()
        support.wait_until(
            lambda: client.get("/healthz").status_code == 200,
            stale_after + 5,
            "a sweep and a heartbeat recorded",
            celery_stack.logs,
        )
        (worker,) = heartbeats.read()[1]
        assert worker.startswith(celery_stack.name)

        celery_stack._terminate(celery_stack.beat, timeout=15)  # beat goes silent
        support.wait_until(
            lambda: client.get("/healthz").status_code == 503,
            stale_after + 5,
            "the stale sweep noticed",
        )
        body = client.get("/healthz").json()
        assert body["failing"] == ["sweep"], body
        assert body["sweep_age"] >= stale_after

        celery_stack.stop_worker()  # a warm stop takes its name off the list
        assert heartbeats.read()[1] == {}
