"""Which public URLs a change affects, evicted once its transaction commits.

Signal handlers only note what changed (no query inside the publishing
transaction); one flush per transaction, after the commit, works out the
affected URLs and then, at once and in this process:

- gives each path a new page-cache version (``home.page_cache``): the next
  request in every affected locale renders afresh;
- removes the affected static snapshots (``home.snapshots``), so nginx falls
  back to Django until the worker has written them again;

and hands the worker one task to rewrite the snapshots and, when a CDN is
configured, queues the URLs for a purge that goes out in one batch with
those of the other commits of the same few seconds (every locale of a
release, every release of a wave).

Affected by a page (published, unpublished, expired, withdrawn, moved,
deleted): the page in every locale (each translation's language list and
hreflang links name the others), and every ancestor below the root in every
locale (the index and the home page list it). Affected by a helpline, its
opening hours, a legal text, a region or a region's locale: every live
campaign page of the region's locales. Affected by an image or a document:
the pages that show it.
"""

import logging
import threading
from copy import copy
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

logger = logging.getLogger(__name__)


@dataclass(eq=False)
class Batch:
    """What one transaction changed; flushed once, after it commits."""

    #: (translation_key, tree path) of changed pages: resolved after commit,
    #: so a deleted page still reaches its translations and ancestors.
    pages: set[tuple[str, str]] = field(default_factory=set)
    #: URLs known when the change happened: a deleted page's, old paths.
    urls: set[str] = field(default_factory=set)
    regions: set[int] = field(default_factory=set)
    locales: set[int] = field(default_factory=set)
    helplines: set[int] = field(default_factory=set)
    images: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    registered: bool = False
    done: bool = False

    def __post_init__(self):
        self.callback = self.flush

    def flush(self) -> None:
        self.done = True
        commit(self)


_local = threading.local()


def _open_batch() -> Batch:
    """The batch of the current transaction, or a new one flushed on commit.

    Outside a transaction ``on_commit`` runs at once, so the batch holds one
    change. A batch whose callback is no longer pending (its transaction or
    savepoint rolled back, or it ran) is never reused.
    """
    connection = transaction.get_connection()
    batch = getattr(_local, "batch", None)
    if (
        batch is not None
        and not batch.done
        and connection.in_atomic_block
        and any(item[1] is batch.callback for item in connection.run_on_commit)
    ):
        return batch
    batch = _local.batch = Batch()
    return batch


def start_new_batch() -> None:
    """Forget the pending batch: for tests that run on-commit callbacks by
    hand inside a transaction that never commits."""
    _local.batch = None


def note(**changes) -> None:
    """Add changes to the current transaction's batch."""
    batch = _open_batch()
    for name, values in changes.items():
        getattr(batch, name).update(values)
    if not batch.registered:
        batch.registered = True
        # robust: a cache or broker that does not answer must not turn a
        # committed publication into an error (the TTL bounds the damage).
        transaction.on_commit(batch.callback, robust=True)


# Signal handlers ----------------------------------------------------------------


def _full_url(page, url_path: str | None = None) -> str | None:
    if url_path is not None:
        page = copy(page)
        page.url_path = url_path
    try:
        return page.get_full_url()
    except Exception:  # an unroutable page has no URL to evict
        return None


def page_changed(sender, instance, **kwargs) -> None:
    url = _full_url(instance)
    note(
        pages={(str(instance.translation_key), instance.path)},
        urls={url} if url else set(),
    )


def page_deleted(sender, instance, **kwargs) -> None:
    # Noted before the row goes: after the commit, its translations and
    # ancestors are found by translation key and tree path.
    if isinstance(instance, Page):
        page_changed(sender, instance)


def _moved_urls(page, old_url_path: str) -> set[str]:
    """Old URLs of a page and its descendants after its url_path changed."""
    urls = {_full_url(page, old_url_path), _full_url(page)}
    new_prefix = page.url_path
    for descendant in Page.objects.descendant_of(page).only("url_path", "path"):
        urls.add(_full_url(descendant))
        if descendant.url_path.startswith(new_prefix):
            old = old_url_path + descendant.url_path[len(new_prefix) :]
            urls.add(_full_url(descendant, old))
    return {url for url in urls if url}


def page_moved(sender, instance, url_path_before, parent_page_before, **kwargs):
    note(
        pages={
            (str(instance.translation_key), instance.path),
            (str(parent_page_before.translation_key), parent_page_before.path),
        },
        urls=_moved_urls(instance, url_path_before),
    )


def slug_changed(sender, instance, instance_before, **kwargs) -> None:
    note(
        pages={(str(instance.translation_key), instance.path)},
        urls=_moved_urls(instance, instance_before.url_path),
    )


def helpline_changed(sender, instance, **kwargs) -> None:
    note(regions={instance.region_id})


def opening_hours_changed(sender, instance, **kwargs) -> None:
    note(helplines={instance.helpline_id})


def region_changed(sender, instance, **kwargs) -> None:
    note(regions={instance.pk})


def region_locale_changed(sender, instance, **kwargs) -> None:
    note(regions={instance.region_id}, locales={instance.locale_id})


def image_changed(sender, instance, **kwargs) -> None:
    note(images={instance.pk})


def document_changed(sender, instance, **kwargs) -> None:
    note(documents={instance.pk})


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from campaign.models import Helpline, LegalText, OpeningHours, Region, RegionLocale

    uid = "home.invalidation."
    page_published.connect(page_changed, dispatch_uid=uid + "published")
    page_unpublished.connect(page_changed, dispatch_uid=uid + "unpublished")
    pre_delete.connect(page_deleted, dispatch_uid=uid + "deleted")
    post_page_move.connect(page_moved, dispatch_uid=uid + "moved")
    page_slug_changed.connect(slug_changed, dispatch_uid=uid + "slug")
    handlers = [
        (Helpline, helpline_changed),
        (LegalText, helpline_changed),  # the same: a region's snippet
        (OpeningHours, opening_hours_changed),
        (Region, region_changed),
        (RegionLocale, region_locale_changed),
        (get_image_model(), image_changed),
        (get_document_model(), document_changed),
    ]
    for model, handler in handlers:
        name = f"{uid}{model._meta.label_lower}"
        post_save.connect(handler, sender=model, dispatch_uid=name + ".save")
        post_delete.connect(handler, sender=model, dispatch_uid=name + ".delete")


# After the commit -------------------------------------------------------------------


def affected_urls(batch: Batch) -> set[str]:
    """Every public URL the batch's changes show on, in every locale."""
    from campaign.models import CampaignPage, Helpline, RegionLocale

    urls = set(batch.urls)
    keys = {key for key, _path in batch.pages}
    steplen = Page.steplen
    ancestors = {
        path[:length]
        for _key, path in batch.pages
        for length in range(2 * steplen, len(path), steplen)
    }
    if ancestors:
        keys |= {
            str(key)
            for key in Page.objects.filter(path__in=ancestors).values_list(
                "translation_key", flat=True
            )
        }
    condition = Q(translation_key__in=keys) if keys else Q(pk__in=[])
    regions = set(batch.regions)
    if batch.helplines:
        regions |= set(
            Helpline.objects.filter(pk__in=batch.helplines).values_list(
                "region_id", flat=True
            )
        )
    locales = set(batch.locales)
    if regions:
        locales |= set(
            RegionLocale.objects.filter(region__in=regions).values_list(
                "locale_id", flat=True
            )
        )
    if locales:
        campaigns = CampaignPage.objects.filter(locale__in=locales).live()
        condition |= Q(pk__in=campaigns.values("pk"))
    shown = _pages_showing(batch)
    if shown:
        condition |= Q(pk__in=shown)
    if keys or locales or shown:
        cache_object = _SiteRootPaths()
        for page in Page.objects.filter(condition).only("url_path"):
            url = page.get_full_url(cache_object)
            if url:
                urls.add(url)
    return urls


class _SiteRootPaths:
    """Wagtail keeps the site root paths on this object between pages."""


def _pages_showing(batch: Batch) -> set[int]:
    """Pages that show one of the batch's images or documents."""
    if not (batch.images or batch.documents):
        return set()
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    from campaign.models import CampaignPage

    pages = set(
        CampaignPage.objects.filter(
            Q(share_image__in=batch.images) | Q(share_image_square__in=batch.images)
        ).values_list("pk", flat=True)
    )
    page_type = ContentType.objects.get_for_model(Page)
    for model, ids in (
        (get_image_model(), batch.images),
        (get_document_model(), batch.documents),
    ):
        if not ids:
            continue
        references = ReferenceIndex.objects.filter(
            base_content_type=page_type,
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in ids],
        ).values_list("object_id", flat=True)
        pages |= {int(pk) for pk in references}
    return pages


def url_path(url: str) -> str:
    """The decoded path of a URL, as Django's ``request.path`` reads it."""
    return unquote(urlsplit(url).path)


def active() -> bool:
    from home import snapshots

    return bool(
        settings.PAGE_CACHE_ENABLED
        or settings.SNAPSHOT_ENABLED
        or settings.WAGTAILFRONTENDCACHE
        or snapshots.root_exists()
    )


def commit(batch: Batch) -> set[str]:
    """Evict what the committed batch affects; hand the rest to the worker."""
    from home import cache_versions, snapshots

    if not active():
        return set()
    urls = affected_urls(batch)
    if not urls:
        return urls
    # Each step on its own: a cache that does not answer (its copies are
    # not served then either) must not keep the snapshots on disk.
    try:
        cache_versions.invalidate({url_path(url) for url in urls})
    except Exception:
        logger.exception("could not evict %s URL(s) from the page cache", len(urls))
    snapshots.remove(urls)
    logger.info("evicted %s URL(s) after a commit", len(urls))
    ordered = sorted(urls)
    if settings.SNAPSHOT_ENABLED:
        from home.tasks import sync_snapshots

        try:
            sync_snapshots.apply_async(
                (ordered,), countdown=settings.SNAPSHOT_SYNC_DELAY
            )
        except Exception:  # the beat's refresh writes them within a minute
            logger.exception("could not queue the rewrite of %s snapshot(s)", len(urls))
    if settings.WAGTAILFRONTENDCACHE:
        from home import cache_purge

        cache_purge.queue(ordered)
    return urls
