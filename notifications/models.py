"""A notification: one person told of one event, on the dashboard and by mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something a person must act on: a translation to review, a decision
    on theirs, a release blocked, late or failed, a legal text coming due.

    One row per recipient and event (``key``), written in the recipient's
    language when it is created; ``sent_at`` is when it was e-mailed (empty
    for someone with no address), ``read_at`` when they marked it read.
    """

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("translation submitted")
        APPROVED = "approved", _("translation approved")
        REJECTED = "rejected", _("translation rejected")
        BLOCKED = "blocked", _("release blocked")
        LATE = "late", _("release late")
        FAILED = "failed", _("release failed")
        LEGAL_DUE = "legal_due", _("legal text due for review")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    #: The event, so that telling someone twice writes nothing:
    #: "blocked:<release>:<instant>:<attempt>", "legal_due:<text>:<date>"...
    key = models.CharField(max_length=200)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    #: An admin path (no host): the screen where the recipient acts.
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], name="one_notification_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self):
        return f"{self.recipient_id} {self.key}"
