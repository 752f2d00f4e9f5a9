from django.db import models
from django.utils.translation import gettext_lazy as _


class ShareImageFailure(models.Model):
    """The last rendering of a page's share cards that failed: the page keeps
    its previous cards and their alt text, and the editor says so until a
    rendering succeeds (which deletes this row)."""

    page = models.OneToOneField(
        "campaign.CampaignPage",
        on_delete=models.CASCADE,
        related_name="share_image_failure",
    )
    headline = models.TextField(_("headline that could not be drawn"))
    error = models.TextField(_("error"))
    failed_at = models.DateTimeField(_("failed at"), auto_now=True)

    class Meta:
        verbose_name = _("share image failure")

    def __str__(self):
        return f"{self.page_id}: {self.error[:60]}"
