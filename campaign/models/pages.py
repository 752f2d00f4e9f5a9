"""Campaign pages: what the public reads."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PagePermissionTester, Site
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign import publication
from campaign.blocks import CampaignStreamBlock, prefetched_choosers
from campaign.timezones import wall_to_utc
from delivery import fragments
from delivery.restrictions import view_restrictions

from .helplines import Helpline, attach_schedule, with_schedule
from .regions import LegalText, Region

#: What wagtail-localize translates on every page type; each adds its own fields.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


def source_page(page: Page) -> Page:
    """The source-locale page ``page`` translates (itself for a source page).

    Releases hang on a campaign's source page, and reviews compare a
    translation with it.
    """
    source = page.get_translation_or_none(Locale.get_default())
    return (source or page).specific


def _prepared(page: Page, name: str):
    field = page._meta.get_field(name)
    return field.get_prep_value(field.value_from_object(page))


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


class CampaignPagePermissionTester(PagePermissionTester):
    """Nobody publishes a campaign page from the page editor, bulk actions or
    wagtail-localize: its translations go live through a region's release
    (``campaign.publication``). Unpublishing stays Wagtail's rule."""

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        return False

    def can_submit_for_moderation(self):
        # Wagtail's workflow publishes on approval; the review is ours.
        return False

    def holds_publish(self) -> bool:
        """The user's publish permission on this tree, which campaign pages
        do not honour but other rules (who may translate) still read."""
        if not self.user.is_active:
            return False
        return self.user.is_superuser or "publish" in self.permissions

    def can_delete(self, ignore_bulk=False):
        """A translation is deleted only by those who may publish its tree.
        Wagtail lets anyone with "add" delete the unpublished pages they own,
        which would let translators and regional editors drop a locale's
        campaign page; with this, Wagtail hides Delete from them in the
        editor, the listings, the header and bulk actions, and its delete
        view refuses them."""
        if not self.page.locale.is_default and not self.holds_publish():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


#: What readers see of a campaign page's row: written only by a release
#: while the page is live.
PUBLIC_FIELDS = ("title", "slug", "seo_title", "search_description", "body")


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

    # The slug sits under the title, where translators work: in
    # wagtail-localize's editor it is a segment of the Content tab, so a
    # translated page gets a translated URL.
    content_panels = [*Page.content_panels, FieldPanel("slug"), FieldPanel("body")]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
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

    def permissions_for_user(self, user):
        return CampaignPagePermissionTester(user, self)

    # Previews: any region, at any moment ------------------------------------

    @property
    def preview_modes(self):
        """The page as readers of each region see it: that region's law and
        helplines. Add ``at=YYYY-MM-DD HH:MM`` (the region's wall time) to a
        preview's URL to see the helplines open or closed at that moment."""
        modes = [("", _("This page's region"))]
        for region in Region.objects.order_by("code"):
            modes.append((f"region:{region.code}", str(region)))
        return modes

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # Wagtail serves the preview with a dummy request that drops the query
        # string: the moment is read from the admin's request here.
        code = (preview_mode or "").removeprefix("region:")
        region = Region.objects.filter(code=code).first() if code else None
        if region is not None:
            self.__dict__["region"] = region  # the cached property, for this preview
        at = (original_request.GET.get("at") or "") if original_request else ""
        if at.strip() and self.region is not None:
            try:
                self._preview_moment = wall_to_utc(at.strip(), self.region.zone)
            except ValidationError as error:
                return HttpResponseBadRequest(" ".join(error.messages))
        return super().make_preview_request(
            original_request, preview_mode, extra_request_attrs
        )

    def get_workflow(self):
        """None: a campaign page's review is the project's own
        (translations/), never Wagtail's moderation, which publishes."""
        return None

    def save(self, *args, **kwargs):
        if publication.permitted_by() is None and self._goes_public(
            kwargs.get("update_fields")
        ):
            raise publication.PublicationRefused(
                _(
                    "Campaign pages go live only through a release: plan a "
                    "rollout of “%(title)s” instead."
                )
                % {"title": self.title}
            )
        return super().save(*args, **kwargs)

    def _goes_public(self, update_fields) -> bool:
        """Would this save change what the public sees: go live, switch the
        live revision, or rewrite the live row's text?"""
        watched = {"live", "live_revision", *PUBLIC_FIELDS}
        if update_fields is not None and not watched & set(update_fields):
            return False
        if self.pk is None:
            return self.live
        stored = type(self).objects.filter(pk=self.pk).first()
        if stored is None or not self.live:
            return bool(stored is None and self.live)
        if not stored.live or stored.live_revision_id != self.live_revision_id:
            return True
        return any(
            _prepared(self, name) != _prepared(stored, name) for name in PUBLIC_FIELDS
        )

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
        rows = with_schedule(
            Helpline.objects.filter(self._of_my_region())
            .select_related("locale", "region")
            .order_by("sort_order", "name", "pk")
        )
        chosen: dict = {}
        for helpline in rows:
            current = chosen.get(helpline.translation_key)
            if current is None or helpline.locale_id == self.locale_id:
                chosen[helpline.translation_key] = attach_schedule(helpline)
        return list(chosen.values())

    def _of_my_region(self) -> models.Q:
        """Rows of this page's region: the region a preview switched to when
        there is one (``make_preview_request``), else the locale's, joined in
        the same query (no query for the region of its own)."""
        region = self.__dict__.get("region")
        if region is not None:
            return models.Q(region=region)
        return models.Q(region__region_locales__locale=self.locale_id)

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
        with prefetched_choosers(self.body):  # the first read of the blocks
            outline = self.outline()
        helplines, legal_text = self._help(request)
        if "region" not in self.__dict__:  # read with them: no query of its own
            for row in [*helplines, legal_text]:
                if row is not None:
                    self.__dict__["region"] = row.region
                    break
        context.update(
            region=self.region,
            helplines=helplines,
            legal_text=legal_text,
            checked_at=getattr(self, "_preview_moment", None) or timezone.now(),
            canonical_url=self.get_full_url(request),
            og_locale=translation.to_locale(self.locale.language_code),
            description=self.search_description or outline["standfirst"],
            share_image_url=self.share_image_url(request),
            **outline,
        )
        return context

    def _help(self, request) -> tuple[list[Helpline], LegalText | None]:
        """The region's helplines and legal text, the same for every page of
        the locale: kept by each process until anything changes
        (delivery/fragments.py; campaign/stale.py names what a change of
        them affects), unless a preview chose the region."""
        if "region" in self.__dict__:
            return self.helplines(), self.legal_text()
        return fragments.remember(
            request,
            ("help", self.locale_id),
            lambda: (self.helplines(), self.legal_text()),
        )

    def get_view_restrictions(self):
        """Wagtail's, in one query (delivery/restrictions.py): every render asks."""
        return view_restrictions(self)

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
        texts = list(
            LegalText.objects.filter(self._of_my_region()).select_related(
                "locale", "region"
            )
        )
        for text in texts:
            if text.locale_id == self.locale_id:
                return text
        return texts[0] if texts else None
