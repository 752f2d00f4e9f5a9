"""The publish task against itself and against a dying database connection.

These tests start the worker without beat: the only publish attempts are the
ones the test sends, so each outcome is known in advance, not raced for.
The test holds a row lock (``support.RowLock``) on a page the publish has to
update: the publish then waits in the middle of its transaction, holding its
Release row, for as long as the test wants.
"""

import datetime as dt

import pytest
from django.utils import timezone

from campaign.models import Release
from tests.campaign import builders
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLISH = "campaign.publish_release"
RESULT_TIMEOUT = 20


def due_rollouts(*specs):
    """Rollouts whose releases are due a moment from now (not yet due)."""
    source = support.campaign(builders.campaign_index())
    items = [support.rollout(source, *spec) for spec in specs]
    instant = timezone.now() + dt.timedelta(seconds=1)
    for item in items:
        support.schedule_at(source, item, instant)
    return items


def test_two_publish_tasks_at_once_publish_the_release_exactly_once(celery_stack):
    held, raced = due_rollouts(
        ("DK", "Europe/Copenhagen", "da-dk"), ("BE", "Europe/Brussels", "fr-be")
    )
    # Not due until its own race below: a delivery left without work (the
    # "locked" one) publishes the next due release no worker holds.
    later = timezone.now() + dt.timedelta(hours=1)
    Release.objects.filter(pk=raced.release.pk).update(go_live_at=later)
    celery_stack.start_worker(concurrency=2)
    support.wait_until(
        lambda: timezone.now() >= held.release.go_live_at, 5, "the instant"
    )

    # A true overlap: the first task is inside its transaction when the
    # second one starts, and the second must not wait for it nor publish.
    with support.RowLock(held.pages[0].pk) as lock:
        first = celery_stack.send(PUBLISH, held.release.pk)
        support.wait_until(lock.waiting, 15, "first task blocked", celery_stack.logs)
        second = celery_stack.send(PUBLISH, held.release.pk)
        assert second.get(timeout=RESULT_TIMEOUT) == "locked"
        assert lock.waiting(), "the first task is still in its transaction"
    assert first.get(timeout=RESULT_TIMEOUT) == "published"
    late = celery_stack.send(PUBLISH, held.release.pk)
    assert late.get(timeout=RESULT_TIMEOUT) == "skipped"

    # A free race: two deliveries of the same wake-up, same instant, two
    # pool processes; whichever wins, the other changes nothing.
    instant = timezone.now() + dt.timedelta(seconds=1)
    Release.objects.filter(pk=raced.release.pk).update(go_live_at=instant)
    pair = [celery_stack.send(PUBLISH, raced.release.pk, eta=instant) for _ in "ab"]
    outcomes = [result.get(timeout=RESULT_TIMEOUT) for result in pair]
    assert outcomes.count("published") == 1, outcomes
    assert set(outcomes) - {"published"} <= {"locked", "skipped"}, outcomes

    for item in (held, raced):
        item.release.refresh_from_db()
        assert item.release.state == Release.State.PUBLISHED
        assert item.release.attempts == 1
        for page in item.pages:
            assert support.publish_entries(page) == 1, page


def test_a_dropped_database_connection_is_retried_and_publishes_once(celery_stack):
    """The worker's connection is terminated in the middle of the publish.

    The publish waits on the test's row lock inside its transaction; the test
    then ends that backend with ``pg_terminate_backend``, exactly as a
    database restart or failover would, and lets the lock go. The task sees
    an OperationalError, the transaction is rolled back by PostgreSQL, and
    the task's retry (campaign/releases/tasks.py, backoff from 1 s) publishes on a new
    connection. No beat runs, so the retry is the only way the page can go
    live.
    """
    (item,) = due_rollouts(("DK", "Europe/Copenhagen", "da-dk"))
    celery_stack.start_worker(concurrency=1)
    support.wait_until(
        lambda: timezone.now() >= item.release.go_live_at, 5, "the instant"
    )
    with support.RowLock(item.pages[0].pk) as lock:
        result = celery_stack.send(PUBLISH, item.release.pk)
        (backend,) = support.wait_until(
            lock.waiting, 15, "publish blocked", celery_stack.logs
        )
        assert support.terminate_backend(backend)
    assert result.get(timeout=RESULT_TIMEOUT) == "published", celery_stack.logs()

    item.release.refresh_from_db()
    assert item.release.state == Release.State.PUBLISHED
    # One failed attempt, counted although its connection was gone, then one
    # that published.
    assert item.release.attempts == 2, item.release.attempts
    assert item.release.last_error == ""
    assert support.publish_entries(item.pages[0]) == 1
    log = (celery_stack.folder / "worker.log").read_text()
    assert "terminating connection due to administrator command" in log
    assert "Retry in 1s" in log
