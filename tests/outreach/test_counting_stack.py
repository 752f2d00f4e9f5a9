"""Counting through a real worker and beat, with the worker killed mid-run."""

import time

import pytest
from django.conf import settings

from outreach.models import ReachCount

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOLD_SECONDS = 0.3


def impressions() -> int:
    return sum(ReachCount.objects.values_list("impressions", flat=True))


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(FOLD_SECONDS / 3)
    return condition()


def test_beat_folds_exactly_n_even_when_the_worker_is_killed(
    client, world, celery_stack
):
    celery_stack.env.update(
        OUTREACH_KEY_PREFIX=settings.OUTREACH_KEY_PREFIX,
        OUTREACH_REDIS_URL=settings.OUTREACH_REDIS_URL,
        OUTREACH_FOLD_SECONDS=str(FOLD_SECONDS),
    )
    headers = {"Authorization": f"Bearer {world.key}"}
    celery_stack.start()
    sent = 0
    for _round in range(3):
        for lang in ("nl", "ar") * 10:
            region = "INT" if lang == "ar" else "BE"
            response = client.get(
                "/api/warnings/v1/", {"region": region, "lang": lang}, headers=headers
            )
            assert response.status_code == 200
            sent += 1
        # Killed while beat keeps asking for folds: whatever it was doing
        # (renaming, adding, deleting) must neither lose nor double.
        time.sleep(FOLD_SECONDS)
        celery_stack.kill_worker()
        celery_stack.start_worker()
    assert wait_for(lambda: impressions() == sent, 40 * FOLD_SECONDS + 30), (
        impressions(),
        sent,
        celery_stack.logs(),
    )
    time.sleep(3 * FOLD_SECONDS)  # more folds add nothing
    assert impressions() == sent
