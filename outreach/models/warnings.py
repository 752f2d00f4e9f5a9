"""A campaign's warning and its wordings (variants), shown by partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign.models import CampaignPage

TEXT_MAX = 280


class Warning(models.Model):
    """The warning partners show for a campaign, in several wordings.

    One per campaign, attached to the campaign's source page: it is live in a
    region exactly when the campaign page is live there.
    """

    class Allocation(models.TextChoices):
        EVEN = "even", _("Even: every wording as often as the others")
        THOMPSON = (
            "thompson",
            _("Follow the evidence: show the wording that works better more often"),
        )

    campaign = models.OneToOneField(
        CampaignPage,
        on_delete=models.CASCADE,
        related_name="outreach_warning",
        verbose_name=_("campaign"),
        help_text=_("The campaign page in its source language."),
    )
    active = models.BooleanField(
        _("offered to partners"),
        default=True,
        help_text=_("Off: partners get nothing for this campaign, even where live."),
    )
    allocation = models.CharField(
        _("how wordings are chosen"),
        max_length=10,
        choices=Allocation.choices,
        default=Allocation.EVEN,
    )
    floor = models.FloatField(
        _("least share per wording"),
        default=0.1,
        help_text=_(
            "When following the evidence, every wording is still shown at least "
            "this share of the time (0.1 = 10%), so it keeps being measured."
        ),
    )

    panels = [
        FieldPanel("campaign"),
        FieldPanel("active"),
        FieldRowPanel([FieldPanel("allocation"), FieldPanel("floor")]),
    ]

    class Meta:
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")

    def __str__(self):
        return str(self.campaign.title)

    def clean(self):
        super().clean()
        if self.campaign_id and self.campaign.locale_id != Locale.get_default().pk:
            raise ValidationError(
                {"campaign": _("Choose the campaign page in the source language.")}
            )
        if not 0 <= self.floor <= 0.5:
            raise ValidationError({"floor": _("Give a share between 0 and 0.5.")})


class WarningVariant(TranslatableMixin, models.Model):
    """One wording of a warning: a headline, a short text, a call to action.

    Translated into every locale like helplines; the report compares how
    often each wording is followed.
    """

    class Target(models.TextChoices):
        CAMPAIGN = "campaign", _("the campaign page")
        HELPLINE = "helpline", _("the region's first helpline")

    warning = models.ForeignKey(
        Warning, on_delete=models.CASCADE, related_name="variants"
    )
    label = models.CharField(
        _("label"),
        max_length=40,
        help_text=_("For the report only, e.g. “A: consequences”."),
    )
    headline = models.CharField(_("headline"), max_length=120)
    text = models.TextField(
        _("text"),
        max_length=TEXT_MAX,
        help_text=_("At most 280 characters."),
    )
    cta_label = models.CharField(
        _("call to action"), max_length=60, help_text=_("e.g. “Get anonymous help”.")
    )
    cta_target = models.CharField(
        _("call to action leads to"),
        max_length=10,
        choices=Target.choices,
        default=Target.HELPLINE,
    )
    active = models.BooleanField(_("shown"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("warning"),
        FieldPanel("label"),
        FieldPanel("headline"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("cta_label"), FieldPanel("cta_target")]),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
    ]

    translatable_fields = [
        TranslatableField("headline"),
        TranslatableField("text"),
        TranslatableField("cta_label"),
        SynchronizedField("warning"),
        SynchronizedField("label"),
        SynchronizedField("cta_target"),
        SynchronizedField("active"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("warning wording")
        verbose_name_plural = _("warning wordings")

    def __str__(self):
        return f"{self.label} ({self.locale.language_code})"

    def clean(self):
        super().clean()
        if len(self.text or "") > TEXT_MAX:
            raise ValidationError(
                {"text": _("At most 280 characters, please.")}, code="too_long"
            )
