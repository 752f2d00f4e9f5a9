"""The pages many revisions describe, as Wagtail's ``with_content_json``
builds them, without a query per foreign key.

``with_content_json`` rebuilds a page from its revision with modelcluster's
``check_fks``: one query for every foreign key in the content (content
type, locale, latest and live revision, owner, images...), four or five a
page, 200 and more for a region's batch, plus one for the page's comments.
Here every key of every page's content is looked up in one query per
related model and field; a page whose keys all exist is built without the
checks, which gives the same object (the checks only null or drop what is
missing). A page with a key that no longer exists, a many-to-many field, or
a revision from before Wagtail 2.15 is built by Wagtail's own method.

Only for pages with no comment rows (``batch`` sends the others through
Wagtail's action): their comments relation comes out empty, as Wagtail's
would.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME

#: Kept from the stored page, as ``with_content_json`` keeps them.
KEPT = (
    "draft_title", "live", "has_unpublished_changes", "owner_id", "locked",
    "locked_by_id", "locked_at", "latest_revision_id",
    "latest_revision_created_at", "translation_key", "locale_id",
    "alias_of_id",
)  # fmt: skip


class _Unusual(Exception):
    """Content this module leaves to Wagtail's own method."""


def page_objects(pairs) -> list:
    """For each (page, content) pair, ``page.with_content_json(content)``.
    Each page's parent is expected cached (``batch._attach_parents``)."""
    keys = []
    for page, content in pairs:
        try:
            keys.append(_keys(page.specific_class, content, {}))
        except _Unusual:
            keys.append(None)
    existing = _existing(keys)
    return [
        _build(page, content)
        if found is not None
        and all(values <= existing[target] for target, values in found.items())
        else page.with_content_json(content)
        for (page, content), found in zip(pairs, keys, strict=True)
    ]


def _keys(model, data: dict, found: dict) -> dict:
    """(related model, field name) -> the values ``data`` refers to, with
    those of its child objects; what modelcluster would check one by one."""
    for name, value in data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        remote = field.remote_field
        if isinstance(field, models.ForeignObjectRel) or remote is None:
            continue
        if isinstance(remote, models.ManyToManyRel):
            raise _Unusual(name)
        if isinstance(remote, models.ManyToOneRel) and value is not None:
            target = remote.model._meta.get_field(remote.field_name)
            found.setdefault((remote.model, remote.field_name), set()).add(
                target.to_python(value)
            )
    if issubclass(model, ClusterableModel):
        for relation in get_all_child_relations(model):
            for child in data.get(relation.get_accessor_name(), ()):
                _keys(relation.related_model, child, found)
    return found


def _existing(keys) -> dict:
    """Per (related model, field name): the wanted values that exist."""
    wanted = {}
    for found in keys:
        for target, values in (found or {}).items():
            wanted.setdefault(target, set()).update(values)
    return {
        (model, name): set(
            model._default_manager.filter(**{f"{name}__in": values}).values_list(
                name, flat=True
            )
        )
        for (model, name), values in wanted.items()
    }


def _build(page, content: dict):
    """``with_content_json`` once every key of ``content`` is known to exist."""
    if COMMENTS_RELATION_NAME not in content and "comments" in content:
        return page.with_content_json(content)  # renamed by Wagtail first
    obj = page.specific_class.from_serializable_data(content, check_fks=False)
    obj.id = obj.pk = page.pk
    obj.content_type_id = page.content_type_id
    obj.path, obj.depth, obj.numchild = page.path, page.depth, page.numchild
    obj.set_url_path(page.get_parent())
    for name in KEPT:
        setattr(obj, name, getattr(page, name))
    if obj.first_published_at is None:
        obj.first_published_at = page.first_published_at
    setattr(obj, COMMENTS_RELATION_NAME, [])
    return obj
