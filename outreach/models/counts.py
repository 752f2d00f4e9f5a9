"""The only records of reach: aggregate counters, never a visitor."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.models import CampaignPage

from .partners import Partner
from .warnings import WarningVariant


class ReachCount(models.Model):
    """How often a wording was shown and followed, per day and place."""

    day = models.DateField()
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        CampaignPage, on_delete=models.CASCADE, related_name="+"
    )
    region = models.CharField(max_length=3)
    locale = models.CharField(max_length=20)
    variant = models.ForeignKey(
        WarningVariant, on_delete=models.CASCADE, related_name="+"
    )
    impressions = models.PositiveBigIntegerField(default=0)
    clicks = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("reach count")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "partner", "campaign", "region", "locale", "variant"],
                name="outreach_reach_once",
            )
        ]

    def __str__(self):
        return f"{self.day} {self.region} {self.locale} #{self.variant_id}"


class PageViewCount(models.Model):
    """How often a campaign page was served in a locale, per day."""

    day = models.DateField()
    page = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="+")
    locale = models.CharField(max_length=20)
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("page view count")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page", "locale"], name="outreach_page_view_once"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.locale} page {self.page_id}"


class FoldRecord(models.Model):
    """A batch of Redis counters already added to the tables: folding the same
    batch again (after a crash between commit and cleanup) adds nothing."""

    fold_id = models.CharField(max_length=64, unique=True)
    folded_at = models.DateTimeField(auto_now_add=True)
    fields = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.fold_id
