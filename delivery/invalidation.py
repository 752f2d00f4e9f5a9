"""Which public URLs a change affects, evicted once its transaction commits.

Signal handlers only note what changed (no query inside the publishing
transaction); one flush per transaction, after the commit, works out the
affected URLs and then, at once and in this process:

- gives each path a new page-cache version (``delivery.page_cache``): the
  next request in every affected locale renders afresh;
- purges the URLs from Varnish (``delivery.purge.at_once``), when there is
  one, through Wagtail's HTTP backend;

and queues the URLs for a second purge that goes out in one batch with those
of the other commits of the same few seconds (every locale of a release,
every release of a wave), to Varnish again and to a CDN when one is
configured.

This module knows Wagtail's pages and nothing of campaigns. Affected by a
page (published, unpublished, expired, withdrawn, moved, deleted): the page
in every locale (each translation's language list and hreflang links name
the others), and every ancestor below the root in every locale (the index
and the home page list it). Affected by a privacy change (a page view
restriction added, changed or removed): the page and every page below it.
Affected by an image or a document: the pages that show it (Wagtail's
reference index). Anything else is declared by the
app that owns the model, with ``stale_when_changed``: campaign/stale.py says
that a helpline change affects the pages of its region.

Hard or soft (delivery/purge.py): a batch that took a page down (unpublished,
withdrawn, expired, deleted), moved one or changed who may see one (a rule
declared ``hard``: view restrictions) is purged hard, every copy gone at
once; one that only published pages or changed what they show is purged
soft, so readers of a republished page get the previous copy from Varnish
while it fetches the new one.
"""

import logging
import threading
from collections.abc import Callable, Hashable, Iterable
from copy import copy
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail import signals
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_slug_changed, post_page_move

from delivery import fragments, purge
from delivery import versions as cache_versions
from delivery.paths import SiteRootPaths, full_urls, url_path

logger = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class Rule:
    """Saving or deleting a ``model`` makes some public pages stale.

    ``key`` reads what identifies the change from the instance, with no
    query, when it happens (a deleted row is gone after the commit);
    ``pages`` turns the keys of one transaction into the affected pages (a
    Page queryset), after the commit.
    """

    model: type
    key: Callable[[object], Hashable]
    pages: Callable[[set], Iterable[Page]]
    #: The change may hide something: purge every copy at once.
    hard: bool = False


_rules: dict[type, list[Rule]] = {}


def stale_when_changed(model, *, key, pages, hard=False) -> Rule:
    """Declare which pages a change of ``model`` affects (see ``Rule``)."""
    rule = Rule(model, key, pages, hard)
    _rules.setdefault(model, []).append(rule)
    uid = f"delivery.invalidation.{model._meta.label_lower}.{len(_rules[model])}"
    post_save.connect(_object_changed, sender=model, dispatch_uid=uid + ".save")
    post_delete.connect(_object_changed, sender=model, dispatch_uid=uid + ".delete")
    return rule


@dataclass(eq=False)
class Batch:
    """What one transaction changed; flushed once, after it commits."""

    #: (translation_key, tree path) of changed pages: resolved after commit,
    #: so a deleted page still reaches its translations and ancestors.
    pages: set[tuple[str, str]] = field(default_factory=set)
    #: URLs known when the change happened: a deleted page's, old paths.
    urls: set[str] = field(default_factory=set)
    #: The keys each declared rule noted.
    marked: dict[Rule, set] = field(default_factory=dict)
    #: Wagtail's site root paths, read once for the batch's URLs (a
    #: withdrawal notes hundreds of pages).
    site_roots: SiteRootPaths = field(default_factory=SiteRootPaths)
    #: Something was taken down, moved or made private: no soft purge.
    hard: bool = False
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


def note(
    pages=(), urls=(), rule: Rule | None = None, keys=(), hard: bool = False
) -> None:
    """Add changes to the current transaction's batch."""
    batch = _open_batch()
    batch.hard = batch.hard or hard or (rule is not None and rule.hard)
    batch.pages.update(pages)
    batch.urls.update(urls)
    if rule is not None:
        batch.marked.setdefault(rule, set()).update(keys)
    if not batch.registered:
        batch.registered = True
        # robust: a cache or broker that does not answer must not turn a
        # committed publication into an error (the TTL bounds the damage).
        transaction.on_commit(batch.callback, robust=True)


# Signal handlers ----------------------------------------------------------------


def _full_url(page, path: str | None = None) -> str | None:
    if path is not None:
        page = copy(page)
        page.url_path = path
    try:
        return page.get_full_url(_open_batch().site_roots)
    except Exception:  # an unroutable page has no URL to evict
        return None


def page_changed(sender, instance, **kwargs) -> None:
    url = _full_url(instance)
    note(
        pages={(str(instance.translation_key), instance.path)},
        urls={url} - {None},
        hard=True,
    )


def page_published(sender, instance, **kwargs) -> None:
    # The row stays: after the commit its URL is found with its
    # translations', so none is worked out here (a withdrawal sends this for
    # hundreds of pages inside its transaction).
    note(pages={(str(instance.translation_key), instance.path)})


def page_unpublished(sender, instance, **kwargs) -> None:
    note(pages={(str(instance.translation_key), instance.path)}, hard=True)


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
        hard=True,
    )


def slug_changed(sender, instance, instance_before, **kwargs) -> None:
    note(
        pages={(str(instance.translation_key), instance.path)},
        urls=_moved_urls(instance, instance_before.url_path),
        hard=True,
    )


def _object_changed(sender, instance, **kwargs) -> None:
    for rule in _rules.get(sender, ()):
        note(rule=rule, keys={rule.key(instance)})


def _pages_referencing(model) -> Callable[[set], Iterable[Page]]:
    """The pages that show one of these images or documents in their body."""

    def pages(ids: set) -> Iterable[Page]:
        references = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in ids],
        ).values_list("object_id", flat=True)
        return Page.objects.filter(pk__in=[int(pk) for pk in references])

    return pages


def _restricted_pages(page_ids: set) -> Iterable[Page]:
    """A restricted page and every page below it: the restriction covers them."""
    condition = Q(pk__in=[])
    for path in Page.objects.filter(pk__in=page_ids).values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition)


def connect() -> None:
    uid = "delivery.invalidation."
    signals.page_published.connect(page_published, dispatch_uid=uid + "published")
    signals.page_unpublished.connect(page_unpublished, dispatch_uid=uid + "unpublished")
    pre_delete.connect(page_deleted, dispatch_uid=uid + "deleted")
    post_page_move.connect(page_moved, dispatch_uid=uid + "moved")
    page_slug_changed.connect(slug_changed, dispatch_uid=uid + "slug")
    stale_when_changed(
        PageViewRestriction,
        key=lambda restriction: restriction.page_id,
        pages=_restricted_pages,
        hard=True,
    )
    for model in (get_image_model(), get_document_model()):
        stale_when_changed(
            model, key=lambda instance: instance.pk, pages=_pages_referencing(model)
        )


# After the commit -------------------------------------------------------------------


def affected_urls(batch: Batch) -> set[str]:
    """Every public URL the batch's changes show on, in every locale."""
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
    for rule, marked in batch.marked.items():
        marked = marked - {None}
        if marked:
            condition |= Q(pk__in=rule.pages(marked).values("pk"))
    if keys or batch.marked:
        urls |= full_urls(Page.objects.filter(condition))
    return urls


def active() -> bool:
    return bool(settings.PAGE_CACHE_ENABLED or settings.WAGTAILFRONTENDCACHE)


def commit(batch: Batch) -> set[str]:
    """Evict what the committed batch affects; hand the rest to the worker."""
    try:  # what renders share (delivery/fragments.py), page cache or not
        fragments.bump()
    except Exception:
        logger.exception("could not start a new generation of shared fragments")
    if not active():
        return set()
    urls = affected_urls(batch)
    if not urls:
        return urls
    # Each step on its own: a page cache that does not answer (its copies
    # are not served then either) must not keep Varnish's copies. The page
    # cache first: what Varnish fetches after its purge is rendered afresh.
    try:
        cache_versions.invalidate({url_path(url) for url in urls})
    except Exception:
        logger.exception("could not evict %s URL(s) from the page cache", len(urls))
    ordered = sorted(urls)
    if settings.WAGTAILFRONTENDCACHE:
        try:
            purge.at_once(ordered, soft=not batch.hard)
        except Exception:
            logger.exception("could not purge %s URL(s) from Varnish", len(urls))
        purge.queue(ordered, soft=not batch.hard)
    logger.info("evicted %s URL(s) after a commit", len(urls))
    return urls
