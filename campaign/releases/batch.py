"""Publishing many approved revisions at once, leaving what Wagtail leaves.

Wagtail's ``PublishPageRevisionAction`` costs a wave about 60 queries a page:
a full validation, a page save that re-reads the row and its parent, the
search and reference index updated inside the transaction, revision
bookkeeping and two log entries written one by one. ``publish`` writes the
same state for a list of (page, revision) pairs in a few statements:

- each page's row as the revision has it (``with_content_json``), live, with
  ``live_revision``, ``has_unpublished_changes`` (a newer revision exists),
  ``first_published_at``/``last_published_at`` and ``expired`` set as
  Wagtail sets them, ``go_live_at``/``expire_at`` cleared (the release's
  instant is authoritative), in one ``UPDATE`` and one ``bulk_update``
  for what differs page by page (``rows``);
- ``approved_go_live_at`` cleared on every revision of those pages;
- per page the log entries Wagtail writes (``wagtail.rename`` when the title
  changed, then ``wagtail.publish``), with the release's data, in one insert;
- ``page_published`` (and ``published``) sent per page, as Wagtail does,
  so the purge batch, the partner-version bump and share images follow;
- the search index and the reference index updated after the commit, by a
  task on the default queue (``campaign.index_published_pages``), out of
  the releases' way.

A page this does not cover takes Wagtail's own action (``publish_one``):
a slug change (url paths of the page and below, ``page_slug_changed``),
aliases to update, comments to reposition, a workflow in progress, a site
root. tests/campaign/test_batch_publish.py compares both ways field by field.
"""

import logging
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import LogContext
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageLogEntry,
    Revision,
    Site,
    WorkflowState,
)
from wagtail.signals import page_published, published

from campaign import publication

from . import audit, revision_pages, rows

logger = logging.getLogger(__name__)

#: Written by Wagtail's save and left alone here: the tree does not move.
TREE_FIELDS = {"path", "depth", "numchild", "url_path"}


def publish_one(page, revision, user, data=None) -> None:
    """Publish ``revision`` of ``page`` through Wagtail's own action."""
    action = PublishPageRevisionAction(
        revision, user=user, changed=True, log_action=True
    )
    # The release's instant is authoritative: a go-live time stored in the
    # revision would make Wagtail only schedule it (approved_go_live_at).
    action.object.go_live_at = None
    action.object.expire_at = None
    with LogContext(user=user) as context, publication.permitted("release"):
        action.execute(skip_permission_checks=True)
    audit.mark_entries(context, data)


def publish(items) -> list[int]:
    """Publish each (page, revision, user, data) item whose page is not live
    at that revision already; ``data`` goes in its log entries as
    ``release`` (``audit``). Returns the ids of the pages published, in
    order. Call it inside the transaction that owns the release(s)."""
    first = {}  # a page once: its first item
    for item in items:
        first.setdefault(item[0].pk, item)
    items = [
        item
        for item in first.values()
        if not (item[0].live and item[0].live_revision_id == item[1].pk)
    ]
    if not items:
        return []
    unusual = _needs_wagtail([page for page, *_rest in items])
    quick = []
    for page, revision, user, data in items:
        if page.pk in unusual or revision.content.get("slug", page.slug) != page.slug:
            publish_one(page, revision, user, data)
        else:
            quick.append((page, revision, user, data))
    if quick:
        _publish_quickly(quick)
    return [page.pk for page, *_rest in items]


def _needs_wagtail(pages) -> set[int]:
    """Pages whose publish does more than this module writes."""
    ids = [page.pk for page in pages]
    keys = {page.translation_key for page in pages}
    unusual = set(
        Page.objects.filter(alias_of__in=ids).values_list("alias_of_id", flat=True)
    )
    comments = getattr(Page, COMMENTS_RELATION_NAME).rel.related_model
    unusual |= set(comments.objects.filter(page__in=ids).values_list("page", flat=True))
    unusual |= {
        int(pk)
        for pk in WorkflowState.objects.active()
        .filter(base_content_type=_page_type(), object_id__in=[str(pk) for pk in ids])
        .values_list("object_id", flat=True)
    }
    roots = set(
        Site.objects.filter(root_page__translation_key__in=keys).values_list(
            "root_page__translation_key", flat=True
        )
    )
    unusual |= {page.pk for page in pages if page.translation_key in roots}
    return unusual


def _page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def _revision_order(pages) -> dict[int, tuple[int, int]]:
    """Per page: its first and its latest revision, ordered as Wagtail orders
    them (created_at, then id)."""
    revisions = Revision.objects.filter(
        base_content_type=_page_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    rows = (
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .annotate(
            first=Subquery(revisions.order_by("created_at", "pk").values("pk")[:1]),
            latest=Subquery(revisions.order_by("-created_at", "-pk").values("pk")[:1]),
        )
        .values_list("pk", "first", "latest")
    )
    return {pk: (first, latest) for pk, first, latest in rows}


def _attach_parents(pages) -> None:
    """One query for every parent (``set_url_path`` asks each page's)."""
    steplen = Page.steplen
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(
            path__in={page.path[:-steplen] for page in pages}
        )
    }
    for page in pages:
        page._cached_parent_obj = parents[page.path[:-steplen]]


def _publish_quickly(items) -> None:
    pages = [page for page, *_rest in items]
    model = type(pages[0])
    _attach_parents(pages)
    order = _revision_order(pages)
    now = timezone.now()
    objects, entries = [], []
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    built = revision_pages.page_objects(
        [(page, revision.content) for page, revision, *_rest in items]
    )
    for obj, (page, revision, user, data) in zip(built, items, strict=True):
        first, latest = order[page.pk]
        obj.go_live_at = obj.expire_at = None
        obj.live = True
        obj.has_unpublished_changes = latest != revision.pk
        obj.expired = False
        obj.last_published_at = now
        obj.live_revision = revision
        if obj.first_published_at is None:
            obj.first_published_at = now
        objects.append(obj)
        # Wagtail compares with the previous revision's object: the page as
        # stored, whose title this publish replaces.
        extra = None
        if first != revision.pk and str(page) != str(obj):
            extra = {"title": {"old": str(page), "new": str(obj)}}
        context = uuid.uuid4()
        label = obj.get_admin_display_title()
        entry_data = {**(extra or {}), **({"release": data} if data else {})}
        actions = (["wagtail.rename"] if extra else []) + ["wagtail.publish"]
        for action in actions:
            entries.append(
                PageLogEntry(
                    content_type=content_type,
                    label=label,
                    action=action,
                    timestamp=timezone.now(),
                    data=entry_data,
                    page=obj,
                    user=user,
                    uuid=context,
                    revision=revision,
                    content_changed=action == "wagtail.publish",
                )
            )
    rows.update(model, objects, _changed_fields(model, pages, objects))
    Revision.objects.filter(
        base_content_type=_page_type(),
        object_id__in=[str(page.pk) for page in pages],
        approved_go_live_at__isnull=False,
    ).update(approved_go_live_at=None)
    for _page, revision, *_rest in items:
        revision.approved_go_live_at = None
    PageLogEntry.objects.bulk_create(entries)
    for obj, (page, revision, *_rest) in zip(objects, items, strict=True):
        page_published.send(sender=model, instance=obj, revision=revision)
        published.send(sender=model, instance=obj, revision=revision)
        # The instances callers hold now read as the row does.
        page.live, page.live_revision = True, revision
    ids = [obj.pk for obj in objects]
    transaction.on_commit(lambda: _index_later(model, ids), robust=True)
    logger.info("published %s page(s) in one batch", len(objects))


def _changed_fields(model, pages, objects) -> list[str]:
    """The fields any of ``objects`` changes from its stored ``page``: the
    rest is written unchanged by Wagtail's save, and left alone here."""
    changed = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in TREE_FIELDS:
            continue
        for page, obj in zip(pages, objects, strict=True):
            before = field.get_prep_value(getattr(page, field.attname))
            if before != field.get_prep_value(getattr(obj, field.attname)):
                changed.append(field.name)
                break
    return changed


def _index_later(model, ids) -> None:
    from .tasks import index_published_pages

    index_published_pages.delay(model._meta.label_lower, ids)


def index(label: str, ids) -> None:
    """What Wagtail's post_save handlers would have queued for these pages
    (their search index entries, their reference index rows), queued now."""
    from django.apps import apps
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.tasks import update_reference_index_task

    app_label, model_name = label.split(".")
    model = apps.get_model(label)
    for pk in model.objects.filter(pk__in=ids).values_list("pk", flat=True):
        for task in (insert_or_update_object_task, update_reference_index_task):
            task.enqueue(app_label, model_name, str(pk))
