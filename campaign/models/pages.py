"""Campaign pages: what the public reads."""

from urllib.parse import urljoin

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.fields import TranslatableField

from campaign.blocks import CampaignStreamBlock
from home.models import PAGE_TRANSLATABLE_FIELDS

from .helplines import Helpline
from .regions import LegalText, Region


def source_page(page: Page) -> Page:
    """The source-locale page ``page`` translates (itself for a source page).

    Releases hang on a campaign's source page, and reviews compare a
    translation with it.
    """
    source = page.get_translation_or_none(Locale.get_default())
    return (source or page).specific


class CampaignIndexPage(Page):
    """Lists a locale's campaigns; editors add campaign pages under it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaign.CampaignPage"]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = (
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at")
        )
        return context


class CampaignPage(Page):
    """One campaign message in one language, for the region its locale serves.

    The body is a stream of campaign blocks; the legal and help blocks fill
    themselves from the region's legal text and helplines.
    """

    body = StreamField(CampaignStreamBlock(), use_json_field=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share image (1200×630)"),
        help_text=_(
            "Rendered automatically from the headline when the page is published."
        ),
    )
    share_image_square = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("square share image (1080×1080)"),
        help_text=_(
            "Rendered automatically from the headline when the page is published."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("share_image", read_only=True),
        FieldPanel("share_image_square", read_only=True),
    ]
    parent_page_types = ["campaign.CampaignIndexPage"]
    subpage_types = []
    # The share images are rendered per locale, so they are neither
    # translated nor synchronised from the source page.
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("body")]

    class Meta:
        verbose_name = _("campaign page")

    @cached_property
    def region(self) -> Region | None:
        return Region.for_locale(self.locale)

    @property
    def headline(self) -> str:
        """The hero headline if there is one, else the title: used for sharing."""
        for block in self.body:
            if block.block_type == "hero":
                return block.value["headline"]
        return self.title

    def helplines(self) -> list[Helpline]:
        """The region's helplines in this page's language.

        A helpline not yet translated into this locale is shown in its source
        language rather than hidden: a reader must always find help.
        """
        region = self.region
        if region is None:
            return []
        rows = (
            Helpline.objects.filter(region=region)
            .select_related("locale", "region")
            .prefetch_related("opening_hours", "closures")
            .order_by("sort_order", "name", "pk")
        )
        chosen: dict = {}
        for helpline in rows:
            current = chosen.get(helpline.translation_key)
            if current is None or helpline.locale_id == self.locale_id:
                chosen[helpline.translation_key] = helpline
        return list(chosen.values())

    @classmethod
    def showing_regions(cls, region_ids) -> models.QuerySet:
        """The live pages that show these regions' helplines and legal texts:
        ``helplines()`` and ``legal_text()`` read backwards. A change to
        either evicts these pages from every cache (campaign/stale.py)."""
        return cls.objects.live().filter(locale__region_locale__region__in=region_ids)

    @classmethod
    def showing_images(cls, image_ids) -> models.QuerySet:
        """The pages whose share images these are (their ``og:image``)."""
        return cls.objects.filter(
            models.Q(share_image__in=image_ids)
            | models.Q(share_image_square__in=image_ids)
        )

    def get_context(self, request, *args, **kwargs):
        """Everything the page and its blocks show, computed once per request.

        The block templates read ``region``, ``helplines`` and ``legal_text``
        from this context (``include_block`` passes it on), so a page costs
        the same few queries however many blocks or helplines it has. Its
        translations (hreflang, the language list) come from the site shell's
        ``page_translations`` tag, one query whatever their number.
        """
        context = super().get_context(request, *args, **kwargs)
        outline = self.outline()
        context.update(
            region=self.region,
            helplines=self.helplines(),
            legal_text=self.legal_text(),
            checked_at=timezone.now(),
            canonical_url=self.get_full_url(request),
            og_locale=translation.to_locale(self.locale.language_code),
            description=self.search_description or outline["standfirst"],
            share_image_url=self.share_image_url(request),
            **outline,
        )
        return context

    def outline(self) -> dict:
        """The first hero (its block is the page's h1) and the first help block."""
        outline = {"first_hero_id": None, "standfirst": "", "help_anchor": None}
        for block in self.body:
            if block.block_type == "hero" and outline["first_hero_id"] is None:
                outline["first_hero_id"] = block.id
                outline["standfirst"] = block.value.get("standfirst") or ""
            elif block.block_type == "help_call_to_action":
                outline["help_anchor"] = outline["help_anchor"] or f"block-{block.id}"
        return outline

    def share_image_url(self, request) -> str | None:
        """Absolute URL of the share image, on the site serving the request."""
        if self.share_image is None:
            return None
        site = Site.find_for_request(request)
        base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
        return urljoin(base + "/", self.share_image.file.url)

    def legal_text(self) -> LegalText | None:
        region = self.region
        if region is None:
            return None
        texts = list(LegalText.objects.filter(region=region).select_related("locale"))
        for text in texts:
            if text.locale_id == self.locale_id:
                return text
        return texts[0] if texts else None
