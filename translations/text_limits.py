"""A translated string longer than its field or block allows is refused on
every way in, not only in Wagtail's editor.

wagtail-localize stores a translator's text as a ``StringTranslation`` from
its editor's string endpoint, a PO file upload, machine translation and our
snippet workspace, and checks no length: a 300-character headline (its
``CharBlock`` allows 120) would reach a draft, and from there the share
card. Every save is checked here (``pre_save``): a text over the limit is
stored flagged as wagtail-localize flags its own errors (``has_error``,
``field_error``: its editor shows the message on that string, and the draft
refuses it, ``drafts.validate_translated``); the editor's endpoint answers
such a text with a 400 naming the limit before anything is stored.
"""

import io
import json

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.strings import StringValue
from wagtail_localize.views import edit_translation


def _block_limit(block, value, parts: list[str]) -> int | None:
    if not parts:
        field = getattr(block, "field", None)
        return getattr(field, "max_length", None)
    head, rest = parts[0], parts[1:]
    if isinstance(block, StreamBlock):
        for child in value or []:
            if child.id == head:
                return _block_limit(child.block, child.value, rest)
    elif isinstance(block, StructBlock) and head in block.child_blocks:
        return _block_limit(block.child_blocks[head], (value or {}).get(head), rest)
    elif isinstance(block, ListBlock):
        for item in getattr(value, "bound_blocks", []):
            if item.id == head:
                return _block_limit(block.child_block, item.value, rest)
    return None


def limit_of(instance, path: str) -> int | None:
    """The most characters the field or block at a segment's ``path`` holds."""
    name, *parts = path.split(".")
    try:
        field = instance._meta.get_field(name)
    except Exception:  # FieldDoesNotExist, or a path of a related object
        return None
    if isinstance(field, StreamField):
        return _block_limit(field.stream_block, getattr(instance, name), parts)
    return None if parts else getattr(field, "max_length", None)


def _source_instance(context: TranslationContext):
    source = (
        TranslationSource.objects.filter(object_id=context.object_id)
        .order_by("-last_updated_at")
        .first()
    )
    try:
        return source.as_instance() if source else None
    except Exception:  # the source was deleted: nothing to measure against
        return None


def text_of(data: str) -> str:
    try:
        return StringValue(data).render_text()
    except Exception:  # not valid HTML: wagtail-localize flags that itself
        return data


def problem(context: TranslationContext, data: str, instance=None) -> str:
    """Why ``data`` cannot be the translation at ``context``, or ''."""
    instance = instance if instance is not None else _source_instance(context)
    limit = limit_of(instance, context.path) if instance is not None else None
    length = len(text_of(data))
    if limit and length > limit:
        return _(
            "This text is %(length)s characters long; this field allows at "
            "most %(limit)s."
        ) % {"length": length, "limit": limit}
    return ""


@receiver(pre_save, sender=StringTranslation, dispatch_uid="translations.limits")
def flag_over_long(sender, instance: StringTranslation, raw=False, **kwargs):
    if raw or instance.context_id is None:
        return
    found = problem(instance.context, instance.data)
    if found:
        instance.has_error = True
        instance.field_error = found


def _put_value(request) -> str | None:
    """The ``value`` of wagtail-localize's PUT, read without consuming the
    body its own view parses next (``request.body`` is kept)."""
    kind = request.META.get("CONTENT_TYPE", "")
    if kind.startswith("multipart/form-data"):
        try:
            data, _files = MultiPartParser(
                request.META,
                io.BytesIO(request.body),
                request.upload_handlers,
                request.encoding,
            ).parse()
        except MultiPartParserError:
            return None
        return data.get("value")
    if kind.startswith("application/json"):
        try:
            return json.loads(request.body or b"{}").get("value")
        except (ValueError, AttributeError):
            return None
    return QueryDict(request.body, encoding=request.encoding).get("value")


@csrf_exempt  # wagtail-localize's view checks it (DRF's session authentication)
def edit_string_translation(request, translation_id: int, string_segment_id: int):
    """wagtail-localize's string endpoint, answering an over-long text with
    a 400 naming the limit before anything is stored."""
    if request.method == "PUT" and request.user.is_authenticated:
        value = _put_value(request)
        if value is not None:
            segment = get_object_or_404(
                StringSegment.objects.select_related("context"), pk=string_segment_id
            )
            found = problem(segment.context, value)
            if found:
                return JsonResponse({"error": found}, status=400)
    return edit_translation.edit_string_translation(
        request, translation_id=translation_id, string_segment_id=string_segment_id
    )
