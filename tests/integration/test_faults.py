"""Faults of the delivery layer: a killed worker, a flushed Redis.

The database is the source of truth and Celery only delivers wake-ups
(docs/design.md, publication engine), so neither fault may lose a release or
publish one twice: each test ends with one ``wagtail.publish`` entry per
page in Wagtail's audit log. Lateness is printed (``pytest -s``).
"""

import datetime as dt
import time

import psycopg
import pytest
from django.utils import timezone

from campaign.models import Release
from campaign.releases.tasks import DEDUP_SECONDS
from tests.campaign import builders
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLISH = "campaign.publish_release"


def messages_for(stack, release: Release) -> list[dict]:
    return [
        message
        for message in stack.messages()
        if message["task"] == PUBLISH and message["args"] == [release.pk]
    ]


def backend_alive(pid: int) -> bool:
    with psycopg.connect(support.dsn(), autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
        return row.fetchone() is not None


def assert_published_once(*items: support.Rollout) -> None:
    for item in items:
        item.release.refresh_from_db()
        assert item.release.state == Release.State.PUBLISHED, item.release
        for page in item.pages:
            assert support.publish_entries(page) == 1, page


def test_a_worker_killed_while_releases_are_due_loses_nothing(celery_stack):
    """SIGKILL the worker (pool included) with one publish in flight and
    another release's wake-up reserved, and restart it after both are due.

    The in-flight publish holds its Release row and waits on the test's row
    lock, so the kill lands inside its transaction, deterministically. Both
    messages die with the worker: unacknowledged, Redis would hand them back
    only after its visibility timeout (an hour). The sweep sends the second
    release a new wake-up as soon as it is overdue; the first one's wake-up
    counts as delivered until its dedup key expires (DEDUP_SECONDS), then
    the sweep sends it again.
    """
    source = support.campaign(builders.campaign_index())
    in_flight = support.rollout(source, "DK", "Europe/Copenhagen", "da-dk")
    reserved = support.rollout(source, "AU", "Australia/Sydney", "en-au")
    celery_stack.start()
    instant = timezone.now() + dt.timedelta(seconds=3)
    support.schedule_at(source, in_flight, instant)
    support.schedule_at(source, reserved, instant + dt.timedelta(seconds=4))

    with support.RowLock(in_flight.pages[0].pk) as lock:
        (backend,) = support.wait_until(
            lock.waiting, 10, "publish in flight", celery_stack.logs
        )
        # Any extra wake-up the sweep sends once the release is overdue
        # meets the locked row and ends; wait for two sweeps, then until only
        # the one in flight is left: the kill takes the release's last one.
        sweeps = celery_stack.sweeps_done() + 2
        support.wait_until(
            lambda: celery_stack.sweeps_done() >= sweeps, 10, "two sweeps"
        )
        support.wait_until(
            lambda: (
                len(messages_for(celery_stack, in_flight.release)) == 1
                and messages_for(celery_stack, reserved.release)
            ),
            10,
            "one wake-up in flight, one reserved",
            celery_stack.logs,
        )
        celery_stack.kill_worker()
        killed_at = time.time()
    # The orphaned backend gets the lock, fails to answer its dead client
    # and rolls back: nothing of the interrupted publish stays.
    support.wait_until(lambda: not backend_alive(backend), 10, "orphan backend")
    for item in (in_flight, reserved):
        held = [m["where"] for m in messages_for(celery_stack, item.release)]
        assert held == ["unacked"], (item.region.code, held)
    in_flight.release.refresh_from_db()
    assert in_flight.release.state == Release.State.SCHEDULED

    support.wait_until(
        lambda: timezone.now() > reserved.release.go_live_at, 10, "second instant"
    )
    restart = time.time()
    celery_stack.start_worker()
    ready = time.time()
    support.wait_until(
        lambda: support.released(in_flight.release, reserved.release),
        DEDUP_SECONDS + support.slack(celery_stack) + 5,
        "both releases published after the restart",
        celery_stack.logs,
    )
    assert_published_once(in_flight, reserved)
    first = in_flight.release.lateness.total_seconds()
    second = reserved.release.lateness.total_seconds()
    print(
        f"\nworker killed {killed_at - instant.timestamp():.1f} s after the first"
        f" instant, back {ready - killed_at:.1f} s later (start-up"
        f" {ready - restart:.1f} s): in-flight release {first:.1f} s late,"
        f" reserved one {second:.1f} s late"
    )
    # The reserved one goes out with the new worker's first sweep; the one
    # in flight once its last wake-up, sent before the kill, is no longer
    # counted as delivered (DEDUP_SECONDS), or with the first sweep if later.
    slack = support.slack(celery_stack)
    assert reserved.release.published_at.timestamp() < ready + slack
    deduped = max(killed_at + DEDUP_SECONDS, ready)
    assert in_flight.release.published_at.timestamp() < deduped + slack
    for item in (in_flight, reserved):
        assert item.release.published_at >= item.release.go_live_at
    assert in_flight.release.attempts == 1  # the killed attempt left no trace


def test_a_redis_flush_while_releases_are_pending_loses_nothing(celery_stack):
    """Wipe this stack's Redis keys twice while releases wait for their time.

    Not FLUSHDB: other test processes share Redis database 15 (pytest-xdist),
    so ``CeleryStack.wipe_redis`` deletes what a flush would take from this
    stack: its queue, its binding, its unacknowledged messages and its cache
    keys (the sweep's dedup keys among them).

    First wipe: the worker is stopped (warm shutdown hands its reserved
    wake-ups back to the queue), so two releases' wake-ups exist only in
    Redis, and the wipe takes them all; a new worker starts. Second wipe: a
    third release's wake-up is held by the running worker; the wipe takes
    its dedup key, so it is sent a second wake-up, and still publishes once.
    """
    source = support.campaign(builders.campaign_index())
    first = support.rollout(source, "DK", "Europe/Copenhagen", "da-dk")
    second = support.rollout(source, "BE", "Europe/Brussels", "fr-be", "nl-be")
    third = support.rollout(source, "AU", "Australia/Sydney", "en-au")
    celery_stack.start()
    instant = timezone.now() + dt.timedelta(seconds=8)
    support.schedule_at(source, first, instant)
    support.schedule_at(source, second, instant + dt.timedelta(seconds=1))

    def wake_ups(item: support.Rollout, where: str) -> list[dict]:
        found = messages_for(celery_stack, item.release)
        return [message for message in found if message["where"] == where]

    support.wait_until(
        lambda: wake_ups(first, "unacked") and wake_ups(second, "unacked"),
        10,
        "both wake-ups reserved by the worker",
    )
    celery_stack.stop_worker()
    assert wake_ups(first, "queued") and wake_ups(second, "queued")
    assert celery_stack.wipe_redis()
    assert not celery_stack.messages()
    assert not celery_stack.cache_keys("release-wakeup:*")
    assert not support.released(first.release, second.release)

    celery_stack.start_worker()
    back = time.time()
    support.schedule_at(source, third, timezone.now() + dt.timedelta(seconds=3))
    support.wait_until(lambda: wake_ups(third, "unacked"), 5, "third wake-up held")
    assert celery_stack.wipe_redis()
    support.wait_until(
        lambda: support.released(first.release, second.release, third.release),
        support.slack(celery_stack) + 10,
        "every release published",
        celery_stack.logs,
    )
    assert_published_once(first, second, third)
    late = {
        item.region.code: item.release.lateness.total_seconds()
        for item in (first, second, third)
    }
    print(f"\nafter two Redis wipes, seconds late: {late}")
    # The first two were due while the worker was down, or just after it
    # came back: they go out with the first sweep of the new worker.
    slack = support.slack(celery_stack)
    for item in (first, second, third):
        due = item.release.go_live_at.timestamp()
        assert item.release.published_at.timestamp() >= due, late
        assert item.release.published_at.timestamp() < max(due, back) + slack, late
