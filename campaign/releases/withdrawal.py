"""Taking pages down in one go: the kill switch, expiry and regional withdrawal.

Wagtail's ``UnpublishPageAction`` takes one page down with a full ``save()``
(about 20 queries: the row and its clustered relations, the search and
reference indexes, a log entry, its revisions); a campaign withdrawn in 50
regions paid that 550 times, in one transaction, before the first cached
copy went. ``unpublish_pages`` does what the action does for every page at
once, under the caller's transaction:

- locks the live rows (``select_for_update``) and takes down only those: a
  second withdrawal of the same pages at the same time, or a retry, finds
  none and changes nothing (exactly once);
- one UPDATE of the rows (``live``, ``has_unpublished_changes``,
  ``live_revision``, as the action sets them), one of their revisions
  (``approved_go_live_at``), and one INSERT of the log entries: one
  ``wagtail.unpublish`` entry (or the action given) per page, with the user,
  the log context's uuid and title the action would write, and the release
  data ``audit.mark_entries`` adds;
- aliases of the pages go down with them, unlogged, as Wagtail does;
- ``page_unpublished`` and ``unpublished`` are sent for every page, as the
  action sends them: ``delivery.invalidation`` notes the URLs (one purge of
  Varnish for the whole transaction, after the commit) and outreach bumps
  its partners' version.

What the action's ``save()`` also did and this leaves out: re-indexing the
page for search and references. Neither changes when a page goes down (the
same title, body and references; the database search backend reads ``live``
from the page row), and the next save or publish of the page indexes it.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import LogContext, get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_unpublished, unpublished

logger = logging.getLogger(__name__)


def unpublish_pages(
    pages, user=None, data: dict | None = None, log_action="wagtail.unpublish"
) -> list[int]:
    """Unpublish the live ones of ``pages`` (specific instances) together;
    the ids taken down, in the order given. ``log_action`` names the log
    entries' action (False: none); ``data`` goes in each as ``release``."""
    pages = list(pages)
    if not pages:
        return []
    with transaction.atomic():
        locked = set(
            Page.objects.select_for_update()
            .filter(pk__in=[page.pk for page in pages], live=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        down = [page for page in pages if page.pk in locked]
        if not down:
            return []
        ids = [page.pk for page in down]
        Page.objects.filter(pk__in=ids).update(
            live=False, has_unpublished_changes=True, live_revision=None
        )
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]).update(
            approved_go_live_at=None
        )
        for page in down:
            page.live = False
            page.has_unpublished_changes = True
            page.live_revision = None
        if log_action:
            _log(down, log_action, user, data)
        aliases = list(
            Page.objects.filter(alias_of__in=ids, live=True).specific(defer=True)
        )
        if aliases:
            unpublish_pages(aliases, log_action=False)
        for page in down:
            page_unpublished.send(sender=page.specific_class, instance=page)
            unpublished.send(sender=type(page), instance=page)
    logger.info("unpublished %s page(s) together", len(down))
    return ids


def _log(pages, action: str, user, data: dict | None) -> None:
    """One log entry per page, as ``wagtail.log_actions.log`` writes it; the
    entries of one call share a uuid (Wagtail's mark of one user action)."""
    context = get_active_log_context()
    if context.uuid is None:
        context = LogContext(user=user)
    user = user or context.user
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=ContentType.objects.get_for_model(
                page, for_concrete_model=False
            ),
            label=page.get_admin_display_title(),
            action=action,
            timestamp=now,
            data={"release": data} if data is not None else {},
            user=user,
            uuid=context.uuid,
            page=page,
        )
        for page in pages
    )


def withdraw_campaigns(pages, user=None) -> tuple[list[int], int]:
    """Unpublish every translation of these campaigns (any translation of
    each names it) and cancel their releases, in one transaction: one purge
    of every URL after it commits."""
    from campaign.models import CampaignPage, Release, source_page

    State = Release.State
    sources = [source_page(page) for page in pages]
    with transaction.atomic():
        releases = Release.objects.select_for_update().filter(page__in=sources)
        cancelled = releases.exclude(state__in=[State.WITHDRAWN, State.EXPIRED]).update(
            state=State.WITHDRAWN
        )
        translations = CampaignPage.objects.filter(
            translation_key__in=[source.translation_key for source in sources]
        ).order_by("pk")
        unpublished = unpublish_pages(translations, user)
    return unpublished, cancelled
