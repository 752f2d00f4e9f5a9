"""Celery tasks of the release engine: thin wrappers that take ids.

The work happens in ``campaign.releases.engine``, which knows nothing of
Celery, so tests and management commands call it directly. Task names are
stable strings: messages queued by an older deployment still find them.
"""

import logging

from celery import shared_task
from django.core.cache import cache
from django.db import InterfaceError, OperationalError

from campaign.models import Release
from campaign.releases import batch, engine, sweep, workers
from config import workload

logger = logging.getLogger(__name__)

#: A dropped database connection, a deadlock, a storage hiccup: try again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


# Releases ----------------------------------------------------------------
#
# The database holds every schedule; these tasks only deliver wake-ups. An
# upcoming wake-up is held by two live release workers (workers.py), so one
# of them dying before the instant costs nothing. The sweep runs every few
# seconds from beat and sends anything overdue once more on the shared
# queue, so a lost message (Redis flushed) costs at most one sweep interval.

#: How long an enqueued wake-up counts as delivered. Past it, the sweep sends
#: another: a message held by a killed worker would otherwise wait for
#: Redis's visibility timeout (an hour) before being redelivered.
DEDUP_SECONDS = 20


def _wakeup_key(release_id: int, eta=None) -> str:
    return f"release-wakeup:{release_id}:{eta.timestamp() if eta else 'now'}"


def _sent_recently(keys: list[str]) -> set[str]:
    """Which of these wake-ups were sent within DEDUP_SECONDS, in one round
    trip: while a wave is published, each sweep finds hundreds of releases
    still scheduled, and asking ``add`` for each held a worker process."""
    return set(cache.get_many(keys)) if keys else set()


def _enqueue_once(release_id: int, eta=None, holders=()) -> bool:
    """Send a release's wake-up unless it was sent within DEDUP_SECONDS: to
    each of ``holders``' own queues (see workers.py), or else to the shared
    release queue."""
    if not cache.add(_wakeup_key(release_id, eta), 1, timeout=DEDUP_SECONDS):
        return False
    for hostname in holders:
        publish_release.apply_async(
            (release_id,), eta=eta, queue=workers.queue_of(hostname)
        )
    if not holders:
        publish_release.apply_async((release_id,), eta=eta)
    return True


def _live_release_workers() -> list[str]:
    try:
        return workers.live()
    except Exception as error:  # Redis away: the shared queue it is
        logger.warning("release workers unknown (%s): shared queue", error)
        return []


@shared_task(name="campaign.sweep_releases", ignore_result=True)
def sweep_releases() -> dict[str, int]:
    """Unblock what became ready, hand due and soon-due releases to workers,
    expire what has expired."""
    engine.recheck_blocked()
    found = sweep.sweep()
    sent_recently = _sent_recently(
        [_wakeup_key(pk) for pk in found.overdue]
        + [_wakeup_key(pk, at) for pk, at in found.upcoming]
    )
    overdue = [pk for pk in found.overdue if _wakeup_key(pk) not in sent_recently]
    upcoming = [
        (pk, at)
        for pk, at in found.upcoming
        if _wakeup_key(pk, at) not in sent_recently
    ]
    # Overdue: the shared queue, taken at once by whichever worker is free.
    sent = sum(_enqueue_once(pk) for pk in overdue)
    live = _live_release_workers() if upcoming else []
    sent += sum(
        _enqueue_once(pk, eta=at, holders=workers.holders(pk, live))
        for pk, at in upcoming
    )
    for pk in found.expiring:
        expire_release.delay(pk)
    return {
        "sent": sent,
        "overdue": len(found.overdue),
        "expiring": len(found.expiring),
    }


@shared_task(
    bind=True,
    name="campaign.publish_release",
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=6,
)
def publish_release(self, release_id: int) -> str:
    """Publish one release when it is due; retry transient errors with backoff."""
    try:
        outcome = engine.publish_release(release_id)
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            engine.mark_failed(release_id, f"{type(error).__name__}: {error}")
            return "failed"
        raise self.retry(
            exc=error, countdown=min(2**self.request.retries, 30)
        ) from None
    except Exception as error:
        engine.mark_failed(release_id, f"{type(error).__name__}: {error}")
        raise
    if outcome.result in ("skipped", "locked"):
        # Its region's batch did this release's work: take another region's.
        engine.publish_next_due()
    if outcome.result == "not_due":
        # Delivered a little early (clocks of two hosts): come back on time.
        release = Release.objects.only("go_live_at").get(pk=release_id)
        raise self.retry(eta=release.go_live_at, max_retries=None)
    return outcome.result


@shared_task(
    name="campaign.expire_release",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    max_retries=6,
)
def expire_release(release_id: int) -> str:
    return engine.expire_release(release_id).result


@shared_task(
    bind=True,
    name="campaign.index_published_pages",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    max_retries=6,
    ignore_result=True,
)
def index_published_pages(self, label: str, ids: list[int]) -> None:
    """The search and reference index entries of pages a release published
    in one batch (``batch.index``): on the default queue, after the wave."""
    busy = workload.step_aside(self)
    if busy:
        # A new message, not a retry: waiting for a wave is no failure.
        index_published_pages.apply_async(
            (label, ids), countdown=(busy + workload.YIELD).total_seconds()
        )
        return
    batch.index(label, ids)
