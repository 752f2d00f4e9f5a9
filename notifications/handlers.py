"""Connect the domain's events to the notification tasks.

Each handler queues its task once the transaction that recorded the event
commits (``robust``: a broker that does not answer must not undo a
submission or a release; the event stays in the database and on the
dashboards).
"""

from django.db import transaction

from campaign.models import Release, TranslationReview
from campaign.releases import events as release_events
from notifications.tasks import notify_release, notify_review
from translations import events as translation_events


def _queue(task, event: str, object_id: int) -> None:
    transaction.on_commit(lambda: task.delay(event, object_id), robust=True)


def on_submitted(sender, review, **kwargs) -> None:
    _queue(notify_review, "submitted", review.pk)


def on_decided(sender, review, **kwargs) -> None:
    _queue(notify_review, "decided", review.pk)


def on_blocked(sender, release, **kwargs) -> None:
    _queue(notify_release, "blocked", release.pk)


def on_failed(sender, release, **kwargs) -> None:
    _queue(notify_release, "failed", release.pk)


def connect() -> None:
    for signal, handler, sender in (
        (translation_events.translation_submitted, on_submitted, TranslationReview),
        (translation_events.translation_decided, on_decided, TranslationReview),
        (release_events.release_blocked, on_blocked, Release),
        (release_events.release_failed, on_failed, Release),
    ):
        signal.connect(
            handler, sender=sender, dispatch_uid=f"notifications.{handler.__name__}"
        )
