"""Celery tasks of delivery: thin wrappers over ``snapshots`` and ``purge``.

Their names keep the ``home.`` prefix they had before delivery had a room of
its own, so messages queued by an older deployment still find them.
"""

from celery import shared_task
from django.conf import settings

from config import workload
from delivery import purge, snapshots

#: Past this many postponements a rewrite goes ahead regardless: a release
#: that stays "due" (blocked, or its worker gone) must not keep snapshots
#: re-queueing themselves for ever.
SNAPSHOT_MAX_POSTPONEMENTS = 6


@shared_task(
    bind=True,
    name="home.sync_snapshots",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=2,
    max_retries=5,
)
def sync_snapshots(self, urls: list[str], postponed: int = 0) -> dict | None:
    """Write again (or remove) the static snapshots of these page URLs."""
    if not settings.SNAPSHOT_ENABLED:
        return None
    if postponed < SNAPSHOT_MAX_POSTPONEMENTS:
        wait = workload.step_aside(self)
        if wait:
            # A new message, not a retry: stepping aside is no failure.
            countdown = (wait + workload.YIELD).total_seconds() * 2**postponed
            sync_snapshots.apply_async(
                (urls,), {"postponed": postponed + 1}, countdown=countdown
            )
            return None
    return snapshots.sync(urls)


@shared_task(bind=True, name="home.refresh_snapshots", ignore_result=True)
def refresh_snapshots(self) -> dict[str, int] | None:
    """Beat, every minute: "open now" of the helplines, and nothing not live."""
    if workload.step_aside(self):
        return None  # the next beat comes within a minute
    return snapshots.refresh()


@shared_task(
    name="home.purge_frontend_cache",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    max_retries=5,
)
def purge_frontend_cache(urls: list[str] | None = None) -> int:
    """One purge batch to the CDN: these URLs, or all those queued so far."""
    return purge.purge(urls)
