"""Legal review: who signed off a region's law, on which text, until when.

A region's legal text is written in one locale (its source row) and
translated; a legal reviewer of the region ("Legal reviewers · BE") signs
off the source text as it stands. A sign-off counts while the source text
is unchanged (``content_hash``) and the text's ``review_by`` date has not
passed; otherwise the region's releases are blocked
(``campaign.releases.readiness``).
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .regions import LegalText

LEGAL_REVIEWERS = "Legal reviewers · %(code)s"


def legal_content_hash(text: LegalText) -> str:
    """A fingerprint of what a legal reviewer reads: title and body."""
    data = json.dumps([text.title, text.body], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def source_legal_text(region) -> LegalText | None:
    """The region's legal text in the locale it is written in: its first
    locale's row, or the oldest row of the region."""
    texts = list(
        LegalText.objects.filter(region=region).select_related("locale").order_by("pk")
    )
    if not texts:
        return None
    first = region.region_locales.order_by("sort_order").first()
    for text in texts:
        if first and text.locale_id == first.locale_id:
            return text
    return texts[0]


class LegalSignOff(models.Model):
    """A legal reviewer's sign-off of a region's legal text (its source row)."""

    legal_text = models.ForeignKey(
        LegalText, on_delete=models.CASCADE, related_name="sign_offs"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed off at"), auto_now_add=True)
    #: The source text signed off: its fingerprint and its words.
    content_hash = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    review_by = models.DateField(_("review by"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-signed_at", "-pk"]
        verbose_name = _("legal sign-off")

    def __str__(self):
        return f"{self.legal_text} signed {self.signed_at:%Y-%m-%d}"

    @classmethod
    def current(cls, text: LegalText) -> "LegalSignOff | None":
        """The latest sign-off of ``text`` as it reads now, if any."""
        return (
            cls.objects.filter(legal_text=text, content_hash=legal_content_hash(text))
            .select_related("signed_by")
            .first()
        )

    @classmethod
    def sign(cls, text: LegalText, user, comment: str = "") -> "LegalSignOff":
        return cls.objects.create(
            legal_text=text,
            signed_by=user,
            content_hash=legal_content_hash(text),
            title=text.title,
            body=text.body,
            review_by=text.review_by,
            comment=comment,
        )
