"""Releases: when a campaign goes live in a region, and what happened."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.timezones import label

from .regions import Region


class Rollout(models.Model):
    """Releases of one campaign made together, e.g. 09:00 local everywhere."""

    class Mode(models.TextChoices):
        SAME_LOCAL_TIME = "same_local_time", _("the same local time in every region")
        PER_REGION = "per_region", _("one time per region")

    page = models.ForeignKey(
        "campaign.CampaignPage", on_delete=models.CASCADE, related_name="rollouts"
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rollout")

    def __str__(self):
        return f"{self.page} ({self.get_mode_display()})"


class Release(models.Model):
    """One campaign in one region: its go-live instant (UTC) and its state.

    The database is the source of truth: Celery only delivers wake-ups, and
    the sweep re-reads these rows, so losing Redis loses nothing.
    """

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        BLOCKED = "blocked", _("blocked")
        FAILED = "failed", _("failed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        EXPIRED = "expired", _("expired")

    #: The campaign: its source page; the release publishes its translations
    #: in every locale of the region.
    page = models.ForeignKey(
        "campaign.CampaignPage", on_delete=models.CASCADE, related_name="releases"
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="releases"
    )
    rollout = models.ForeignKey(
        Rollout,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="releases",
    )
    go_live_at = models.DateTimeField(_("goes live at (UTC)"), db_index=True)
    expire_at = models.DateTimeField(_("expires at (UTC)"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SCHEDULED
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    lateness = models.DurationField(_("lateness"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    blocked_reason = models.TextField(_("why it is blocked"), blank=True)
    gate_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Who allowed this plan of the release to publish despite what "
            "blocked it; cleared when the release is planned again."
        ),
    )
    override_reason = models.TextField(_("why the gate was overridden"), blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operator = models.CharField(
        _("scheduled by (command)"),
        max_length=150,
        blank=True,
        help_text=_(
            "Who scheduled the release from the command line, when no admin "
            "account did; recorded on every publication it makes."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["go_live_at", "region__code"]
        verbose_name = _("release")
        permissions = [
            ("withdraw_campaign", _("Can withdraw a campaign in every region")),
            ("override_gate", _("Can publish a release without every approval")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "region"], name="one_release_per_page_and_region"
            )
        ]
        indexes = [models.Index(fields=["state", "go_live_at"])]

    def __str__(self):
        return (
            f"{self.page} in {self.region.code} at {self.go_live_at:%Y-%m-%d %H:%M} UTC"
        )

    def clean(self):
        super().clean()
        if self.expire_at and self.go_live_at and self.expire_at <= self.go_live_at:
            raise ValidationError(
                {"expire_at": _("The expiry must come after the go-live time.")},
                code="expiry_before_go_live",
            )

    @property
    def go_live_local(self) -> str:
        return label(self.go_live_at, self.region.zone)

    #: A scheduled release this far past its instant counts as late (shown so
    #: on the dashboard and the timeline).
    LATE_GRACE = timedelta(seconds=30)

    def is_late(self, now) -> bool:
        late_from = self.go_live_at + self.LATE_GRACE
        return self.state == self.State.SCHEDULED and late_from < now
