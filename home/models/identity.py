"""Who publishes the site: its organisation, logo, colours and quick exit.

Two models, because wagtail-localize translates rows that carry
``TranslatableMixin`` (one row per locale with a shared translation key), and
a site setting is one row per site (``BaseSiteSetting.site`` is one-to-one):
it cannot hold one row per locale. So:

- ``SiteIdentity`` (Settings › Site identity) holds what is the same in every
  language: the logo image, the brand colours, the quick-exit address, and
  which organisation text to show.
- ``Organisation`` (a snippet) holds the words: name, short name, the logo's
  alt text, introduction, contact, legal notice. Translators translate it like
  a helpline; a page shows the translation in its locale, else the source.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.branding import (
    HERO_MUTED,
    WHITE,
    brand_css,
    check_contrast,
    validate_hex_colour,
)

#: Where the quick exit leaves to unless the identity names another site:
#: a neutral page that says nothing about what the reader was looking at.
DEFAULT_QUICK_EXIT_URL = "https://www.wikipedia.org/"


class Organisation(TranslatableMixin, models.Model):
    """The organisation behind the site, in words: header, footer, home page.

    Editors write it once; translators translate it into every locale.
    """

    name = models.CharField(
        _("name"), max_length=150, help_text=_("In full, as in the header.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=30,
        help_text=_("Initials or a short form, for the browser tab and small screens."),
    )
    logo_alt = models.CharField(
        _("logo description"),
        max_length=150,
        blank=True,
        help_text=_(
            "What the logo says, for people who cannot see it (usually the name)."
        ),
    )
    introduction = models.TextField(
        _("introduction"),
        help_text=_("Two or three sentences on the home page: who you are, why."),
    )
    contact = models.TextField(
        _("contact"),
        blank=True,
        help_text=_(
            "Footer: an address, e-mail or phone for the public (no helpline)."
        ),
    )
    legal_notice = models.TextField(
        _("legal notice"),
        blank=True,
        help_text=_("Footer: who publishes the site, under which law."),
    )
    is_example = models.BooleanField(
        _("example only"),
        default=False,
        help_text=_("Demo data: the footer says the organisation is invented."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldPanel("logo_alt"),
        FieldPanel("introduction"),
        FieldPanel("contact"),
        FieldPanel("legal_notice"),
        FieldPanel("is_example"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("logo_alt"),
        TranslatableField("introduction"),
        TranslatableField("contact"),
        TranslatableField("legal_notice"),
        SynchronizedField("is_example"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return f"{self.name} ({self.locale.language_code})"


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """The site's identity where it does not depend on the language."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("Its name and notices, shown in each locale's translation."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown 48 pixels high in the header; its description is text."),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#10243e",
        validators=[validate_hex_colour],
        help_text=_("Hero backgrounds, under white text: must be dark enough."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b4f8a",
        validators=[validate_hex_colour],
        help_text=_("Links and buttons: must read on white and under white text."),
    )
    quick_exit_url = models.URLField(
        _("quick exit address"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "Where “Leave this site” goes: a neutral site that says nothing about "
            "this one."
        ),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("brand_colour"), FieldPanel("accent_colour")],
            heading=_("Colours (checked for WCAG 2.2 AA contrast when saved)"),
        ),
        FieldPanel("quick_exit_url"),
    ]

    #: Read with the setting (``BaseSiteSetting.base_queryset``): every
    #: public page shows the organisation and the logo.
    select_related = ["organisation", "logo"]

    class Meta:
        verbose_name = _("site identity")

    def clean(self):
        super().clean()
        for field in ("brand_colour", "accent_colour"):
            validate_hex_colour(getattr(self, field))
        check_contrast(self.brand_colour, WHITE, "brand_colour")
        check_contrast(self.brand_colour, HERO_MUTED, "brand_colour")
        check_contrast(self.accent_colour, WHITE, "accent_colour")

    @property
    def css(self) -> str:
        return brand_css(self.brand_colour.lower(), self.accent_colour.lower())
