"""Drafts and submissions of page translations: plain Python the views call.

wagtail-localize keeps a translator's work as StringTranslation rows and has
no save-draft or submit step (wagtail-localize #299, #655); its
``Translation.save_target(publish=False)`` writes the page's live row, so a
"draft" would leak to the public site (docs/design.md, "Known traps").

Here a draft is a Wagtail revision and nothing else: the fields of
``TranslationSource.get_ephemeral_translated_instance`` are saved with
``save_revision()``, which writes only the revision pointers of the page
row. A reviewer approves or rejects a submitted revision
(``TranslationReview``, ``translations.decisions``); a region's release
publishes the latest approved one (``TranslationReview.approved_revision``).

Pages translated without wagtail-localize's editor (Wagtail's own editor,
``copy_for_translation`` as the demo does) take the same path: their draft
is the latest revision.

Helplines and legal texts have no revisions: their draft is the string
translations themselves, a submission carries the translated text, and
approval writes it to the live row (``translations.snippets``).
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from campaign import publication
from campaign.models import TranslationReview, source_page
from translations import events

Status = TranslationReview.Status

#: The tool name wagtail-localize shows for text taken over from a page that
#: was translated before its synced translation started.
EXISTING_TEXT_TOOL = "Existing translation"


def synced_translation(page: Page) -> Translation | None:
    """wagtail-localize's enabled translation into ``page``'s locale, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


# Starting a synced translation ------------------------------------------------


@transaction.atomic
def start_translation(source: Page, locale: Locale, user) -> Translation:
    """Open wagtail-localize's editor for ``source`` in ``locale``.

    A page that already exists in the locale is never written: a Translation
    is created for it and its current text is taken over as string
    translations, so the editor starts from the existing translation, not
    from the source. A missing page is created as a draft (not live:
    ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is False) under the
    locale's copy of the parent, which must exist.
    """
    source = source.specific
    target = source.get_translation_or_none(locale)
    if target is None:
        parent = source.get_parent().get_translation_or_none(locale)
        if parent is None:
            raise ValidationError(
                _("Translate the parent page into %(locale)s first.")
                % {"locale": locale.get_display_name()},
                code="no_parent",
            )
        if not parent.permissions_for_user(user).can_add_subpage():
            raise PermissionDenied
        creator = TranslationCreator(user, [locale])
        creator.create_translations(source, include_related_objects=False)
        return Translation.objects.get(
            source__object_id=source.translation_key, target_locale=locale
        )
    if target.alias_of_id:
        # An alias mirrors the source and has no text of its own to
        # translate; it becomes a page of its own first, as wagtail-localize
        # does when it translates one. Readers see the same text as before:
        # the live revision Wagtail records is the alias's live content, so
        # this is not a publication (campaign.publication).
        with publication.permitted("alias conversion, content unchanged"):
            ConvertAliasPageAction(target.specific, user=user).execute()
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    take_over_existing_text(translation, target.specific, user)
    return translation


def strings_by_path(segments) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def overrides_by_path(segments) -> dict[str, str]:
    """What a translator may replace rather than translate (link URLs,
    images, documents), by content path, as text."""
    return {
        segment.path: str(segment.data)
        for segment in segments
        if isinstance(segment, OverridableSegmentValue)
    }


#: Link schemes a reader may follow; anything else (javascript:, data:...)
#: is refused in a translation.
SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def safe_override(value) -> bool:
    text = str(value).strip()
    scheme, sep, _rest = text.partition(":")
    if not sep or "/" in scheme or not scheme.isalpha():
        return True  # a relative URL, or an id (images, documents)
    return scheme.lower() in SAFE_SCHEMES


def validate_translated(instance: Page) -> None:
    """Validate a translated page as the editor's form would: every block's
    own rules (a headline's length, required fields, URL formats) and no link
    a reader must not follow. Raises ValidationError naming the fields."""
    errors = {}
    for model_field in instance._meta.get_fields():
        if not isinstance(model_field, StreamField):
            continue
        value = getattr(instance, model_field.name)
        try:
            model_field.stream_block.clean(value)
        except ValidationError as error:
            errors[model_field.name] = error.messages or [str(error)]
    for name in ("title", "slug", "seo_title", "search_description"):
        model_field = instance._meta.get_field(name)
        try:
            model_field.clean(getattr(instance, name), instance)
        except ValidationError as error:
            errors[name] = error.messages
    unsafe = [
        path
        for path, value in overrides_by_path(extract_segments(instance)).items()
        if not safe_override(value)
    ]
    if unsafe:
        errors["links"] = [
            _("Only web, e-mail and phone links are allowed (%(paths)s).")
            % {"paths": ", ".join(unsafe)}
        ]
    if errors:
        raise ValidationError(
            [f"{name}: {' '.join(messages)}" for name, messages in errors.items()]
        )


def take_over_existing_text(translation: Translation, target: Page, user) -> int:
    """Record the text ``target`` already has as its string translations.

    Segments are matched by content path (block ids are the same in every
    language), in order within a path; text equal to the source's, or a
    path whose number of strings differs, is left untranslated.
    """
    # Pages: the latest draft; helplines and legal texts: the row itself.
    current = getattr(target, "get_latest_revision_as_object", lambda: target)()
    theirs = strings_by_path(extract_segments(current))
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("context", "string")
        .order_by("order")
    )
    ours = defaultdict(list)
    for segment in segments:
        ours[segment.context.path].append(segment)
    done = set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        ).values_list("translation_of_id", "context_id")
    )
    count = 0
    for path, wanted in ours.items():
        texts = theirs.get(path, [])
        if len(texts) != len(wanted):
            continue
        for segment, text in zip(wanted, texts, strict=True):
            key = (segment.string_id, segment.context_id)
            if text == segment.string.data or key in done:
                continue
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale_id=translation.target_locale_id,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=EXISTING_TEXT_TOOL,
                last_translated_by=user,
            )
            count += 1
    return count


# Drafts and review --------------------------------------------------------------


def draft_instance(page: Page) -> Page:
    """What the translation looks like now, as an unsaved page object."""
    translation = synced_translation(page)
    if translation is None:
        return page.specific.get_latest_revision_as_object()
    # Untranslated segments show the source text, as wagtail-localize's
    # preview does; the editor's progress says how many are left.
    return translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )


def save_draft(page: Page, user) -> Revision:
    """Save the translation as a new revision; the live page is not touched.

    Raises ValidationError when the translated page would not be valid.
    """
    instance = draft_instance(page)
    validate_translated(instance)
    # save_revision() writes the revision pointers of the row only
    # (latest_revision, draft_title, has_unpublished_changes), never the
    # translated fields that the public site reads.
    return instance.save_revision(user=user, log_action=True)


def translated_from(page: Page) -> Revision | None:
    """The source revision a translation of ``page`` is made from now.

    A synced translation is made from wagtail-localize's snapshot of the
    source: the source revision current when the snapshot was taken. A
    translation edited in Wagtail's own editor follows the source's latest.
    """
    source = source_page(page)
    translation = synced_translation(page)
    if translation is None:
        return source.latest_revision
    return (
        source.revisions.filter(created_at__lte=translation.source.last_updated_at)
        .order_by("-created_at", "-pk")
        .first()
    ) or source.latest_revision


@transaction.atomic
def submit_for_review(page: Page, user, revision: Revision | None = None):
    """Submit ``revision`` for review: by default a draft saved now from
    wagtail-localize's editor, or the latest revision of a page edited in
    Wagtail's own editor.

    An earlier submission of the page still waiting is closed: the reviewer
    sees only the newest.
    """
    page = page.specific
    if revision is None and synced_translation(page) is None:
        # Wagtail's own editor saved the draft already.
        revision = page.get_latest_revision()
    if revision is None:
        revision = save_draft(page, user)
    else:
        validate_translated(revision.as_object())
    TranslationReview.withdraw_waiting(
        TranslationReview.objects.filter(page=page), user
    )
    review = TranslationReview.objects.create(
        page=page,
        revision=revision,
        source_revision=translated_from(page),
        submitted_by=user,
    )
    log(
        instance=page,
        action="campaign.translation.submit",
        user=user,
        revision=revision,
        data={"review": review.pk},
    )
    events.translation_submitted.send(sender=TranslationReview, review=review)
    return review
