"""Celery tasks of the notifications: thin wrappers that take ids.

The work is in ``notifications.delivery``. Names are stable strings, so
messages queued by an older deployment still find their task. A mail
server that does not answer is retried with backoff; a delivery run twice
writes and mails nothing twice. The periodic ones return how many events
they announced (kept as their result, for operators and tests).
"""

from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError

from notifications import delivery

TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError, SMTPException)
RETRY = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "max_retries": 6,
    "acks_late": True,
}


@shared_task(name="notifications.review", ignore_result=True, **RETRY)
def notify_review(event: str, review_id: int) -> int:
    """``event`` is "submitted" or "decided"."""
    return len(delivery.review_event(event, review_id))


@shared_task(name="notifications.release", ignore_result=True, **RETRY)
def notify_release(event: str, release_id: int) -> int:
    """``event`` is "blocked" or "failed"."""
    return len(delivery.release_event(event, release_id))


@shared_task(name="notifications.late_releases", **RETRY)
def late_releases() -> int:
    """Beat, every ``NOTIFICATIONS_LATE_SECONDS``: releases no worker published."""
    return delivery.late_releases()


@shared_task(name="notifications.legal_due", **RETRY)
def legal_due() -> int:
    """Beat, daily: legal texts coming due, to their region's legal reviewers."""
    return delivery.legal_texts_due()
