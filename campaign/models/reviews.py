"""Review of a translation before it reaches the public.

wagtail-localize has no draft or review step for translations (its #299,
#655), and Wagtail's own workflow publishes on approval. For pages,
approval and publication are separate: a reviewer approves a revision, and
the region's release publishes the latest approved revision at its local
time. Helplines and legal texts have no revisions and no regional release:
a submission carries the translated text itself (``content``), and
approving it writes that text to the live row (``translations.drafts``).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Revision


class TranslationReview(models.Model):
    """One submission of a translation for review, and its decision.

    Either ``page`` and ``revision`` (a page translation), or
    ``snippet_type``, ``translation_key``, ``locale`` and ``content`` (a
    helpline or legal text translation, which may not exist yet).
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        #: Replaced by a newer submission before anyone decided.
        WITHDRAWN = "withdrawn", _("withdrawn")

    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    #: The source page's latest revision when the translation was submitted:
    #: "outdated" is a newer source revision than this one.
    source_revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snippet_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    translation_key = models.UUIDField(null=True, blank=True)
    locale = models.ForeignKey(
        Locale, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    #: A snippet submission: {"fields": translated values, "source": the
    #: source's values they were translated from}.
    content = models.JSONField(null=True, blank=True)
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
        indexes = [
            models.Index(fields=["page", "status", "-decided_at"]),
            models.Index(fields=["translation_key", "locale", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="review_of_a_page_or_a_snippet",
                condition=(
                    Q(page__isnull=False, revision__isnull=False)
                    & Q(snippet_type__isnull=True)
                )
                | (
                    Q(page__isnull=True, revision__isnull=True)
                    & Q(
                        snippet_type__isnull=False,
                        translation_key__isnull=False,
                        locale__isnull=False,
                        content__isnull=False,
                    )
                ),
            )
        ]

    def __str__(self):
        if self.page_id:
            return f"{self.page_id} r{self.revision_id}: {self.status}"
        return f"{self.translation_key} {self.locale_id}: {self.status}"

    @property
    def is_snippet(self) -> bool:
        return self.page_id is None

    @property
    def target_locale(self) -> Locale:
        return self.page.locale if self.page_id else self.locale

    @property
    def title(self) -> str:
        if self.page_id:
            return self.page.title
        fields = self.content.get("fields", {})
        return fields.get("name") or fields.get("title") or str(self.translation_key)

    @classmethod
    def for_locales(cls, locales) -> models.QuerySet:
        """Reviews of pages and snippets translated into ``locales``."""
        return cls.objects.filter(Q(page__locale__in=locales) | Q(locale__in=locales))

    @classmethod
    def withdraw_waiting(cls, waiting: models.QuerySet, user) -> int:
        """Close the submissions in ``waiting`` that still wait for a
        decision: a newer one replaces them, and a reviewer sees only it."""
        return waiting.filter(status=cls.Status.SUBMITTED).update(
            status=cls.Status.WITHDRAWN,
            decided_by=user,
            decided_at=timezone.now(),
            comment=gettext("Withdrawn: a newer revision was submitted."),
        )

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
