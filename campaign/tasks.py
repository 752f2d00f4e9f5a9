"""Celery tasks of the campaign app: thin wrappers that take ids.

The work happens in plain modules (``campaign.publishing``,
``campaign.share_images``) that know nothing of Celery, so tests and
management commands call them directly.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.cache import cache
from django.db import InterfaceError, OperationalError

from campaign import publishing
from campaign.models import CampaignPage, Release
from campaign.share_images import refresh_share_images

logger = logging.getLogger(__name__)

#: A dropped database connection, a deadlock, a storage hiccup: try again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


#: Rendering a page's share images holds a worker process for up to a second
#: or two. While a release's instant is this near, or a wave of releases is
#: being published, a rendering steps aside for about as long as they need
#: the workers (publishing.busy_for), twice as long at each postponement, so
#: that the releases find free processes: the publication benchmark's p99
#: was 11 s without it, with a release every half second.
RENDER_YIELD = timedelta(seconds=5)
#: Past this many postponements a rendering goes ahead regardless.
RENDER_MAX_POSTPONEMENTS = 6
#: The longest single postponement: well inside Redis's visibility timeout
#: (an hour), past which it would deliver the delayed message twice.
RENDER_MAX_WAIT = timedelta(minutes=10)


@shared_task(
    bind=True,
    name="campaign.render_share_images",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def render_share_images(
    self, page_id: int, postponed: int = 0
) -> dict[str, int] | None:
    """Render and store the share images of one campaign page."""
    in_worker = not (self.request.is_eager or self.request.called_directly)
    if in_worker and postponed < RENDER_MAX_POSTPONEMENTS:
        busy = publishing.busy_for(RENDER_YIELD)
        if busy:
            # A new message, not a retry: stepping aside is no failure.
            wait = min((busy + RENDER_YIELD) * 2**postponed, RENDER_MAX_WAIT)
            render_share_images.apply_async(
                (page_id,), {"postponed": postponed + 1}, countdown=wait.total_seconds()
            )
            logger.info("Share images of page %s wait for a release.", page_id)
            return None
    page = CampaignPage.objects.filter(pk=page_id).first()
    if page is None:
        logger.info(
            "No share images for campaign page %s: it no longer exists.", page_id
        )
        return None
    result = refresh_share_images(page)
    if result is None:
        logger.info("No share images for campaign page %s: it was deleted.", page_id)
    return result


# Releases ----------------------------------------------------------------
#
# The database holds every schedule; these tasks only deliver wake-ups. The
# sweep runs every few seconds from beat, so a lost message (worker killed,
# Redis flushed) costs at most one sweep interval plus DEDUP_SECONDS.

#: How long an enqueued wake-up counts as delivered. Past it, the sweep sends
#: another: a message held by a killed worker would otherwise wait for
#: Redis's visibility timeout (an hour) before being redelivered.
DEDUP_SECONDS = 20


def _enqueue_once(release_id: int, eta=None) -> bool:
    key = f"release-wakeup:{release_id}:{eta.timestamp() if eta else 'now'}"
    if not cache.add(key, 1, timeout=DEDUP_SECONDS):
        return False
    publish_release.apply_async((release_id,), eta=eta)
    return True


@shared_task(name="campaign.sweep_releases", ignore_result=True)
def sweep_releases() -> dict[str, int]:
    """Hand due and soon-due releases to workers; expire what has expired."""
    found = publishing.sweep()
    sent = sum(_enqueue_once(pk) for pk in found.overdue)
    sent += sum(_enqueue_once(pk, eta=at) for pk, at in found.upcoming)
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
        outcome = publishing.publish_release(release_id)
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            publishing.mark_failed(release_id, f"{type(error).__name__}: {error}")
            return "failed"
        raise self.retry(
            exc=error, countdown=min(2**self.request.retries, 30)
        ) from None
    except Exception as error:
        publishing.mark_failed(release_id, f"{type(error).__name__}: {error}")
        raise
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
    return publishing.expire_release(release_id).result
