"""Review of a page revision before a release may publish it.

wagtail-localize has no draft or review step for translations (its #299,
#655), and Wagtail's own workflow publishes on approval. Here approval and
publication are separate: a reviewer approves a revision, and the region's
release publishes the latest approved revision at its local time.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision


class TranslationReview(models.Model):
    """One submission of a page revision for review, and its decision."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        #: Replaced by a newer submission before anyone decided.
        WITHDRAWN = "withdrawn", _("withdrawn")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="reviews")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("translation review")
        indexes = [models.Index(fields=["page", "status", "-decided_at"])]

    def __str__(self):
        return f"{self.page_id} r{self.revision_id}: {self.status}"

    @classmethod
    def approved_revision(cls, page: Page) -> Revision | None:
        """The latest revision of ``page`` a reviewer approved, if any."""
        review = (
            cls.objects.filter(page=page, status=cls.Status.APPROVED)
            .select_related("revision")
            .order_by("-decided_at", "-pk")
            .first()
        )
        return review.revision if review else None
