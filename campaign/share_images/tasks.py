"""The share-image task: renders a campaign page's cards off the request path.

Rendering holds a worker process for up to a second or two. While a release's
instant is near, or a wave of releases is being published, a rendering steps
aside for about as long as they need the workers (``config.workload``), twice
as long at each postponement, so that the releases find free processes: the
publication benchmark's p99 was 11 s without it, with a release every half
second. A rendering under way (or one past its postponements) pauses between
its steps around each release's instant (``workload.Hold``), for at most
RENDER_MAX_HOLD in all: a niced process left running beside a release still
made it half as late again (tests/bench/bench_resilience.py).
"""

import logging
from datetime import timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from campaign.models import CampaignPage
from campaign.share_images.render import record_failure, refresh_share_images
from config import workload

logger = logging.getLogger(__name__)

#: A dropped database connection, a deadlock, a storage hiccup: try again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)

#: Past this many postponements a rendering goes ahead regardless.
RENDER_MAX_POSTPONEMENTS = 6
#: The longest single postponement: well inside Redis's visibility timeout
#: (an hour), past which it would deliver the delayed message twice.
RENDER_MAX_WAIT = timedelta(minutes=10)
#: The longest a rendering under way pauses for releases, in all: past it,
#: it goes on regardless (a release every few seconds must not starve it).
RENDER_MAX_HOLD = timedelta(seconds=30)
#: The renderer's own deadline and its pauses: the time limits come after.
RENDER_BUDGET = settings.SHARE_IMAGE_RENDER_SECONDS + RENDER_MAX_HOLD.total_seconds()


@shared_task(
    bind=True,
    name="campaign.render_share_images",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    # A backstop to the renderer's own deadline: a rendering stuck inside
    # Pillow is interrupted, and the old cards stay.
    soft_time_limit=RENDER_BUDGET + 30,
    time_limit=RENDER_BUDGET + 60,
)
def render_share_images(
    self, page_id: int, postponed: int = 0
) -> dict[str, int] | None:
    """Render and store the share images of one campaign page."""
    if postponed < RENDER_MAX_POSTPONEMENTS:
        busy = workload.step_aside(self)
        if busy:
            # A new message, not a retry: stepping aside is no failure.
            wait = min((busy + workload.YIELD) * 2**postponed, RENDER_MAX_WAIT)
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
    hold = workload.Hold(RENDER_MAX_HOLD) if workload.in_worker(self) else None
    try:
        result = refresh_share_images(page, pause=hold)
    except SoftTimeLimitExceeded as error:
        record_failure(page.pk, page.headline, error)
        return None
    if hold and hold.held:
        logger.info(
            "Share images of page %s paused %.1f s for releases.", page_id, hold.held
        )
    if result is None:
        logger.info(
            "No share images stored for campaign page %s: deleted, changed "
            "since, or not rendered (see its history).",
            page_id,
        )
    return result
