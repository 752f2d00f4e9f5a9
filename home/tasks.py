from datetime import timedelta

from celery import shared_task


@shared_task(name="home.ping")
def ping(payload: str = "pong") -> str:
    """Round-trip check for the broker and result backend (used by tests)."""
    return payload


# Page cache, snapshots and CDN purges (home/invalidation.py, home/snapshots.py)
#
# Thin wrappers: the work is in plain modules that tests call directly.

#: While a release is due this soon, or a wave is being published, snapshot
#: renders step aside: releases need the worker's processes, and until the
#: snapshots are written again nginx hands their URLs to Django and its page
#: cache.
SNAPSHOT_YIELD = timedelta(seconds=5)
#: Past this many postponements a rewrite goes ahead regardless: a release
#: due every few seconds would otherwise re-queue it forever (issue 12).
SNAPSHOT_MAX_POSTPONEMENTS = 6


def _in_worker(task) -> bool:
    return not (task.request.is_eager or task.request.called_directly)


@shared_task(
    bind=True,
    name="home.sync_snapshots",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=2,
    max_retries=5,
)
def sync_snapshots(self, urls: list[str], postponed: int = 0) -> dict[str, int] | None:
    """Write again (or remove) the static snapshots of these page URLs."""
    from django.conf import settings

    from home import snapshots

    if not settings.SNAPSHOT_ENABLED:
        return None
    if (
        _in_worker(self)
        and postponed < SNAPSHOT_MAX_POSTPONEMENTS
        and snapshots.releases_pending(SNAPSHOT_YIELD)
    ):
        # A new message, not a retry: stepping aside is no failure.
        sync_snapshots.apply_async(
            (urls,),
            kwargs={"postponed": postponed + 1},
            countdown=2 * SNAPSHOT_YIELD.total_seconds(),
        )
        return None
    return snapshots.sync(urls)


@shared_task(bind=True, name="home.refresh_snapshots", ignore_result=True)
def refresh_snapshots(self) -> dict[str, int] | None:
    """Beat, every minute: "open now" of the helplines, and nothing not live."""
    from home import snapshots

    if _in_worker(self) and snapshots.releases_pending(SNAPSHOT_YIELD):
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
    from home import cache_purge

    return cache_purge.purge(urls)
