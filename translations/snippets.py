"""Drafts and review of helpline and legal-text translations.

They have no revisions and no regional release. A translator's work is
wagtail-localize's string translations of the source row (never written
to a row: the Translation is kept disabled, so wagtail-localize's "Sync
translated snippets" does not publish it either); a submission copies the
translated text into the review; approval writes it to the locale's row,
creating the row then. A new translation so never goes live untranslated.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail_localize.fields import (
    TranslatableField,
    copy_synchronised_fields,
    get_translatable_fields,
)
from wagtail_localize.models import (
    MissingTranslationError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from campaign.models import Helpline, LegalText, RegionLocale, TranslationReview
from translations import events
from translations.drafts import take_over_existing_text

Status = TranslationReview.Status


def snippet_models() -> dict:
    """The translatable snippets, by the name their workspace URLs use."""
    return {model._meta.model_name: model for model in (Helpline, LegalText)}


def translated_field_names(model) -> list[str]:
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, TranslatableField)
    ]


def field_values(instance) -> dict:
    return {
        name: getattr(instance, name) for name in translated_field_names(type(instance))
    }


def snippet_source(instance):
    """The row a helpline or legal text is translated from:
    wagtail-localize's source if there is one, else the row in its region's
    first locale (the demo writes them so), else the oldest row."""
    rows = type(instance).objects.filter(translation_key=instance.translation_key)
    source = TranslationSource.objects.filter(object_id=instance.translation_key)
    first = RegionLocale.objects.filter(region_id=instance.region_id).order_by(
        "sort_order"
    )
    for locale_id in (
        source.values_list("locale_id", flat=True).first(),
        first.values_list("locale_id", flat=True).first(),
    ):
        row = rows.filter(locale_id=locale_id).first() if locale_id else None
        if row is not None:
            return row
    return rows.order_by("pk").first()


def snippet_target(source, locale):
    """The live row of ``source`` in ``locale``, if there is one."""
    return (
        type(source)
        .objects.filter(translation_key=source.translation_key, locale=locale)
        .first()
    )


def snippet_translation(source, locale, create: bool = False):
    """wagtail-localize's Translation of ``source`` into ``locale``.

    With ``create``, made (disabled) or brought up to date with the source's
    current text; the translations of unchanged strings are kept.
    """
    if not create:
        return (
            Translation.objects.filter(
                source__object_id=source.translation_key, target_locale=locale
            )
            .select_related("source", "source__locale", "target_locale")
            .first()
        )
    translation_source, _created = TranslationSource.update_or_create_from_instance(
        source
    )
    translation, created = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": False}
    )
    target = snippet_target(source, locale)
    if created and target is not None:
        take_over_existing_text(translation, target, None)
    return translation


def is_rich_text(model, path: str) -> bool:
    return isinstance(model._meta.get_field(path.split(".")[0]), RichTextField)


def snippet_strings(translation) -> list[dict]:
    """Each text of the source with its translation so far, in order.

    Plain-text fields are shown and edited as text; rich text keeps its
    inline tags (``<b>``, ``<a id="a1">``) as wagtail-localize stores them.
    """
    model = translation.source.specific_content_type.model_class()
    done = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        )
    }
    rows = []
    for segment in (
        StringSegment.objects.filter(source=translation.source)
        .select_related("context", "string")
        .order_by("order")
    ):
        rich = is_rich_text(model, segment.context.path)
        text = done.get((segment.string_id, segment.context_id), "")
        source_text = segment.string.data
        if not rich:
            source_text = StringValue(source_text).render_text()
            text = StringValue(text).render_text() if text else ""
        rows.append(
            {
                "id": segment.pk,
                "path": segment.context.path,
                "field": segment.context.path.split(".")[0],
                "rich": rich,
                "source": source_text,
                "text": text,
            }
        )
    return rows


def text_problem(model, path: str, text: str) -> str:
    """Why a translated text cannot be stored in ``model``'s field ``path``
    (a NUL the database refuses, more characters than the column holds),
    or an empty string."""
    if "\x00" in text:
        return _("This text contains a null character; remove it.")
    try:
        limit = model._meta.get_field(path.split(".")[0]).max_length
    except FieldDoesNotExist:
        limit = None
    if limit and len(text) > limit:
        return _(
            "This text is %(length)s characters long; this field allows at "
            "most %(limit)s."
        ) % {"length": len(text), "limit": limit}
    return ""


def save_snippet_strings(translation, texts: dict, user) -> dict:
    """Store the translator's texts (segment id -> text) as wagtail-localize
    string translations; an empty text removes one. Nothing public changes.

    Returns the errors by segment id; the other texts are saved.
    """
    model = translation.source.specific_content_type.model_class()
    segments = StringSegment.objects.filter(
        source=translation.source, pk__in=list(texts)
    ).select_related("context", "string")
    errors = {}
    for segment in segments:
        text = texts[segment.pk].strip()
        problem = text_problem(model, segment.context.path, text)
        if problem:
            errors[segment.pk] = problem
            continue
        key = {
            "translation_of_id": segment.string_id,
            "locale_id": translation.target_locale_id,
            "context_id": segment.context_id,
        }
        if not text:
            StringTranslation.objects.filter(**key).delete()
            continue
        try:
            if is_rich_text(model, segment.context.path):
                value = StringValue.from_translated_html(text)
            else:
                value = StringValue.from_plaintext(text)
        except ValueError as error:
            errors[segment.pk] = str(error)
            continue
        StringTranslation.objects.update_or_create(
            **key,
            defaults={
                "data": value.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    return errors


def snippet_instance(source, locale, fields: dict | None = None):
    """The translation of ``source`` as an unsaved object: its row in
    ``locale`` (or a new copy), with the source's synchronised fields
    (numbers, links, hours) and the translated ``fields`` (by default, the
    strings as translated now; an untranslated one raises ValidationError).
    """
    target = snippet_target(source, locale) or source.copy_for_translation(locale)
    copy_synchronised_fields(source, target)
    if fields is not None:
        for name, value in fields.items():
            setattr(target, name, value)
        return target
    translation = snippet_translation(source, locale)
    if translation is None:
        raise ValidationError(_("Nothing is translated yet."), code="untranslated")
    try:
        segments = translation.source._get_segments_for_translation(locale)
    except MissingTranslationError:
        total, done = translation.get_progress()
        raise ValidationError(
            _("%(count)s of %(total)s texts are not translated yet.")
            % {"count": total - done, "total": total},
            code="untranslated",
        ) from None
    ingest_segments(
        translation.source.as_instance(),
        target,
        translation.source.locale,
        locale,
        segments,
    )
    return target


def snippet_reviews(source, locale):
    """The reviews of ``source`` translated into ``locale``, newest first."""
    return TranslationReview.objects.filter(
        snippet_type=ContentType.objects.get_for_model(type(source)),
        translation_key=source.translation_key,
        locale=locale,
    ).order_by("-submitted_at", "-pk")


@transaction.atomic
def submit_snippet(source, locale, user):
    """Submit the translation of ``source`` into ``locale`` for review.

    Every text must be translated and the result valid; the submission
    keeps the translated values and the source's values they came from
    (so "outdated" is exact). An earlier submission still waiting is closed.
    """
    instance = snippet_instance(source, locale)
    instance.full_clean()
    TranslationReview.withdraw_waiting(snippet_reviews(source, locale), user)
    review = TranslationReview.objects.create(
        snippet_type=ContentType.objects.get_for_model(type(source)),
        translation_key=source.translation_key,
        locale=locale,
        content={"fields": field_values(instance), "source": field_values(source)},
        submitted_by=user,
    )
    log(
        instance=source,
        action="campaign.translation.submit",
        user=user,
        data={"review": review.pk, "locale": locale.language_code},
    )
    events.translation_submitted.send(sender=TranslationReview, review=review)
    return review


def record_approval(source, target, comment: str) -> TranslationReview | None:
    """Count ``target``, as it is now, as an approved translation of
    ``source`` as it is now: the basis "outdated" compares against.

    For translations made outside this workflow (the demo); nothing is
    written when the latest submission already says the same.
    """
    content = {"fields": field_values(target), "source": field_values(source)}
    latest = (
        snippet_reviews(source, target.locale)
        .filter(status__in=(Status.SUBMITTED, Status.APPROVED))
        .first()
    )
    if latest is not None and latest.content == content:
        return None
    return TranslationReview.objects.create(
        snippet_type=ContentType.objects.get_for_model(type(source)),
        translation_key=source.translation_key,
        locale=target.locale,
        content=content,
        status=Status.APPROVED,
        decided_at=timezone.now(),
        comment=comment,
    )


def snippet_reviewed(review):
    """The source row of a snippet review (the target may not exist)."""
    model = review.snippet_type.model_class()
    any_row = model.objects.filter(translation_key=review.translation_key).first()
    if any_row is None:
        raise ValidationError(_("The source of this translation was deleted."))
    return snippet_source(any_row)


def publish_snippet(review):
    """Write an approved snippet translation to its locale's row."""
    source = snippet_reviewed(review)
    instance = snippet_instance(source, review.locale, review.content["fields"])
    instance.full_clean()
    instance.save()
    return instance
