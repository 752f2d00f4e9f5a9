"""Write an event's notifications and e-mail them: plain Python, no Celery.

``notifications.tasks`` calls these from a worker. Exactly one row per
recipient and event (a unique key): running a delivery again, after a
retry or a second message, writes nothing new and mails nobody twice, since
a row is mailed under its row lock and marked ``sent_at`` in the same
transaction.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from campaign.models import Region, Release, TranslationReview, source_legal_text
from campaign.releases import sweep
from notifications import events
from notifications.models import Notification

logger = logging.getLogger(__name__)

#: Legal texts whose review-by date is this close (or past) are announced.
LEGAL_DUE_WITHIN = dt.timedelta(days=30)


def language_of(user) -> str:
    """The language the user picked in their Wagtail profile, or the site's."""
    chosen = (
        UserProfile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
    )
    return chosen or settings.LANGUAGE_CODE


def record(event: events.Event | None) -> list[int]:
    """Write one row per recipient of ``event`` (in their language) and mail
    the ones not mailed yet. Returns the ids of the rows written now."""
    if event is None:
        return []
    ids, created = [], []
    for user in event.recipients:
        existing = Notification.objects.filter(recipient=user, key=event.key).first()
        if existing is None:
            with translation.override(language_of(user)):
                subject, text = str(event.subject()), str(event.text())
            try:
                with transaction.atomic():
                    existing = Notification.objects.create(
                        recipient=user,
                        key=event.key,
                        kind=event.kind,
                        subject=subject[:300],
                        text=text,
                        link=event.link,
                    )
                created.append(existing.pk)
            except IntegrityError:  # another delivery of the same event won
                existing = Notification.objects.get(recipient=user, key=event.key)
        ids.append(existing.pk)
    for pk in ids:
        mail(pk)
    return created


def mail(notification_id: int) -> bool:
    """E-mail one notification once; False if done already, or no address."""
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if row is None or not row.recipient.email:
            return False
        with translation.override(language_of(row.recipient)):
            body = row.text
            if row.link:
                body += "\n\n" + settings.WAGTAILADMIN_BASE_URL.rstrip("/") + row.link
            send_mail(
                row.subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [row.recipient.email],
            )
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
    return True


# What each task delivers -----------------------------------------------------

REVIEW_EVENTS = {"submitted": events.submitted, "decided": events.decided}
RELEASE_EVENTS = {"blocked": events.blocked, "failed": events.failed}


def review_event(name: str, review_id: int) -> list[int]:
    review = (
        TranslationReview.objects.select_related(
            "page", "locale", "submitted_by", "decided_by"
        )
        .filter(pk=review_id)
        .first()
    )
    return record(REVIEW_EVENTS[name](review)) if review else []


def release_event(name: str, release_id: int) -> list[int]:
    release = (
        Release.objects.select_related("page", "region", "scheduled_by")
        .filter(pk=release_id)
        .first()
    )
    return record(RELEASE_EVENTS[name](release)) if release else []


def late_releases(now: dt.datetime | None = None) -> int:
    """Tell the people of each release no worker published in time; once per
    release and instant. Returns how many releases were announced now."""
    told = 0
    for release in sweep.late(now):
        told += bool(record(events.late(release)))
    return told


def legal_texts_due(today: dt.date | None = None) -> int:
    """Tell each region's legal reviewers of its text coming due (within
    ``LEGAL_DUE_WITHIN`` of ``review_by``, or past it), once per text and
    date. Returns how many texts were announced now."""
    today = today or timezone.localdate()
    told = 0
    for region in Region.objects.order_by("code"):
        text = source_legal_text(region)
        if text is None or text.review_by is None:
            continue
        if text.review_by > today + LEGAL_DUE_WITHIN:
            continue
        told += bool(record(events.legal_due(text)))
    return told
