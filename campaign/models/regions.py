"""Regions (jurisdictions) and the legal text each one shows."""

import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign.countries import INTERNATIONAL, ISO_3166_ALPHA2
from campaign.richtext import LEGAL_FEATURES


def validate_region_code(value: str) -> None:
    if value != INTERNATIONAL and value not in ISO_3166_ALPHA2:
        raise ValidationError(
            _(
                "“%(code)s” is not an ISO 3166-1 alpha-2 country code (such as DK, "
                "BE or AU) nor INT for the international audience."
            ),
            code="unknown_country",
            params={"code": value},
        )


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _(
                "“%(zone)s” is not an IANA time zone. Use a name such as "
                "Europe/Copenhagen, Australia/Sydney or UTC."
            ),
            code="unknown_time_zone",
            params={"zone": value},
        )


class Region(ClusterableModel):
    """A jurisdiction a campaign is released in, on its own clock.

    Communications staff pick regions when they plan a rollout; each content
    locale belongs to exactly one region, so publishing in Belgium means
    publishing the fr-be, nl-be and de-be translations.
    """

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[validate_region_code],
        help_text=_("Two-letter country code (DK, BE, AU…), or INT for international."),
    )
    name = models.CharField(_("name"), max_length=100)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("Where release times are read, e.g. Europe/Brussels."),
    )

    editor_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="edited_regions",
        verbose_name=_("regional editor groups"),
        help_text=_(
            "Members of these groups may schedule and withdraw releases in this "
            "region, and only here."
        ),
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("time_zone")]
    panels += [InlinePanel("region_locales", label=_("Locales"), min_num=1)]
    panels += [FieldPanel("editor_groups")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @classmethod
    def editable_by(cls, user) -> models.QuerySet:
        """The regions whose releases ``user`` may schedule and withdraw."""
        if user.is_superuser:
            return cls.objects.all()
        if not user.has_perm("campaign.add_release"):
            return cls.objects.none()
        return cls.objects.filter(editor_groups__user=user).distinct()

    @classmethod
    def for_locale(cls, locale: Locale) -> "Region | None":
        return cls.objects.filter(region_locales__locale=locale).first()


class RegionLocale(Orderable):
    """One locale that serves a region; a locale serves one region only."""

    region = ParentalKey(
        Region, on_delete=models.CASCADE, related_name="region_locales"
    )
    locale = models.OneToOneField(
        Locale,
        on_delete=models.CASCADE,
        related_name="region_locale",
        verbose_name=_("locale"),
        help_text=_("Each locale belongs to exactly one region."),
    )

    panels = [FieldPanel("locale")]

    class Meta(Orderable.Meta):
        verbose_name = _("region locale")

    def __str__(self):
        return f"{self.region.code}: {self.locale.language_code}"


class LegalText(TranslatableMixin, models.Model):
    """What the law of a region says about creating or sharing abuse imagery.

    Written once and translated into each of the region's locales; the
    "legal consequences" block of a campaign page shows it with its review
    date, so readers see how current it is.
    """

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="legal_texts"
    )
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("text"), features=LEGAL_FEATURES)
    last_reviewed = models.DateField(
        _("last legally reviewed"),
        help_text=_("The date a lawyer last checked this text against the law."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "The date by which a legal reviewer must check this text again. "
            "Past it, campaigns are not released in this region."
        ),
    )

    panels = [
        FieldPanel("region"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
        FieldPanel("review_by"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("body"),
        SynchronizedField("region"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("review_by"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    def __str__(self):
        return f"{self.title} ({self.locale.language_code})"
