"""What can change a partner's answer, and how every process hears of it.

A change (a partner, a warning or wording, a region, a helpline and its
hours, a locale, a site, a view restriction, any page saved, published,
unpublished, moved or deleted) writes a new version token in Redis now and
again after its commit; each process's snapshot (``outreach/snapshot.py``)
is used only while its token is Redis's.
"""

import logging

import redis
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaign.models import (
    Helpline,
    HelplineClosure,
    OpeningHours,
    Region,
    RegionLocale,
)

from . import store
from .models import Partner, Warning, WarningVariant
from .snapshot import VERSION_TTL, forget, new_token

logger = logging.getLogger(__name__)


def bump() -> None:
    """A new version: every process's snapshot stops being used."""
    forget()
    client = store.client()
    if client is None:
        return
    try:
        client.set(store.key("version"), new_token(), ex=VERSION_TTL)
    except redis.RedisError:
        store.failed()
        logger.warning("Redis does not answer: partner answers may lag a change")


def _bump_after_commit() -> None:
    bump()


def changed(sender=None, instance=None, **kwargs) -> None:
    """A change that can alter an answer: a new version now and after commit."""
    bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        item[1] is _bump_after_commit for item in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit, robust=True)


def _page_saved_or_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        changed()


WATCHED = (
    Partner, Warning, WarningVariant, Region, RegionLocale, Helpline,
    OpeningHours, HelplineClosure, Locale, Site, PageViewRestriction,
)  # fmt: skip


def connect() -> None:
    uid = "outreach.changes."
    for model in WATCHED:
        name = model._meta.label_lower
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}{name}.save")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}{name}.delete")
    post_save.connect(_page_saved_or_deleted, dispatch_uid=uid + "page.save")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid=uid + "page.delete")
    page_published.connect(changed, dispatch_uid=uid + "published")
    page_unpublished.connect(changed, dispatch_uid=uid + "unpublished")
    post_page_move.connect(changed, dispatch_uid=uid + "moved")
