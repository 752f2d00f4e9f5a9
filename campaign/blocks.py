"""StreamField blocks of a campaign page.

Each block validates what accessibility needs before it can be saved: alt
text for images, captions and a transcript for video, a source for figures.
"""

import copy
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from campaign.richtext import BODY_FEATURES

CAPTION_EXTENSIONS = (".vtt",)
VIDEO_EXTENSIONS = (".mp4", ".webm")

#: Images and documents of a page's blocks, fetched together (model -> id ->
#: object) while its stream is first read: ``prefetched_choosers``.
_prefetched: ContextVar[dict | None] = ContextVar("campaign_choosers", default=None)


class PrefetchedChooserMixin:
    """A chooser that takes its objects from ``prefetched_choosers`` when it
    can: one query per model for a whole page, not one per chooser field."""

    def bulk_to_python(self, values):
        values = list(values)
        found = (_prefetched.get() or {}).get(self.model_class)
        if found is None or any(v is not None and v not in found for v in values):
            return super().bulk_to_python(values)
        return [None if v is None else copy.copy(found[v]) for v in values]


class CampaignImageChooserBlock(PrefetchedChooserMixin, ImageChooserBlock):
    pass


class CampaignDocumentChooserBlock(PrefetchedChooserMixin, DocumentChooserBlock):
    pass


@contextmanager
def prefetched_choosers(stream):
    """While the block converts ``stream`` (a StreamValue), its images and
    documents come from one query per model."""
    wanted: dict = {}
    for item in stream.raw_data:
        block = stream.stream_block.child_blocks.get(item.get("type"))
        value = item.get("value")
        if not isinstance(block, blocks.StructBlock) or not isinstance(value, dict):
            continue
        for name, field in block.child_blocks.items():
            if isinstance(field, PrefetchedChooserMixin) and value.get(name):
                wanted.setdefault(field.model_class, set()).add(value[name])
    token = _prefetched.set(
        {model: model.objects.in_bulk(ids) for model, ids in wanted.items()}
    )
    try:
        yield
    finally:
        _prefetched.reset(token)


class HeroBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=120, help_text=_("The campaign's message."))
    standfirst = blocks.TextBlock(required=False, max_length=400)
    image = CampaignImageChooserBlock(
        required=False, help_text=_("Text and shapes only; no pictures of people.")
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Required with an image: what it shows, for screen readers."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("An image needs alt text: describe what it shows."),
                        code="alt_text_required",
                    )
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Hero")
        template = "campaign/blocks/hero_block.html"


class KeyMessageBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=BODY_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Key message")
        template = "campaign/blocks/key_message_block.html"


class LegalConsequencesBlock(blocks.StructBlock):
    """Shows the legal text of the page's region, in the page's language."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "warning"
        label = _("Legal consequences")
        template = "campaign/blocks/legal_consequences_block.html"


class HelpCallToActionBlock(blocks.StructBlock):
    """Lists the helplines of the page's region."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "help"
        label = _("Help call to action")
        template = "campaign/blocks/help_call_to_action_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=BODY_FEATURES)


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "campaign/blocks/faq_block.html"


class VideoBlock(blocks.StructBlock):
    """A self-hosted video: no third-party player, captions and transcript required."""

    title = blocks.CharBlock(max_length=150)
    video = CampaignDocumentChooserBlock(help_text=_("An MP4 or WebM file."))
    captions = CampaignDocumentChooserBlock(
        help_text=_("Captions as a WebVTT (.vtt) file.")
    )
    transcript = blocks.RichTextBlock(
        features=BODY_FEATURES, help_text=_("Everything said and shown, as text.")
    )
    poster = CampaignImageChooserBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        # Checked here too, not only as required fields: Wagtail lets a
        # draft skip required fields, and a video must never lack captions.
        if not captions:
            errors["captions"] = ValidationError(
                _("A video needs captions: choose a WebVTT (.vtt) file."),
                code="captions_required",
            )
        transcript = value.get("transcript")
        if not (transcript and strip_tags(transcript.source).strip()):
            errors["transcript"] = ValidationError(
                _("A video needs a transcript of everything said and shown."),
                code="transcript_required",
            )
        if video and not video.file.name.lower().endswith(VIDEO_EXTENSIONS):
            errors["video"] = ValidationError(
                _("The video must be an MP4 or WebM file."), code="video_format"
            )
        if captions and not captions.file.name.lower().endswith(CAPTION_EXTENSIONS):
            errors["captions"] = ValidationError(
                _("Captions must be a WebVTT file ending in .vtt."),
                code="captions_format",
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "campaign/blocks/video_block.html"


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=30, help_text=_("The figure, e.g. “1 in 5”."))
    label = blocks.CharBlock(max_length=200)
    source = blocks.CharBlock(max_length=200, help_text=_("Who published the figure."))
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "table"
        label = _("Statistic")
        template = "campaign/blocks/statistic_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=500)
    attribution = blocks.CharBlock(max_length=150)
    role = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "campaign/blocks/quote_block.html"


class CampaignStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    key_message = KeyMessageBlock()
    legal_consequences = LegalConsequencesBlock()
    help_call_to_action = HelpCallToActionBlock()
    faq = FAQBlock()
    video = VideoBlock()
    statistic = StatisticBlock()
    quote = QuoteBlock()
