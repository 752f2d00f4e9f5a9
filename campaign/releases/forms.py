"""The rollout form: many regions in one action, all or nothing.

Wall times are plain text (``YYYY-MM-DD HH:MM[:SS]``, optionally with a UTC
offset), read in each region's own time zone by ``campaign.timezones.wall_to_utc``.
A DateTimeField would turn them into instants in the server's zone, and could
not carry the offset that picks one of two repeated times: the fields stay
text, with Wagtail's own date-time picker as their widget to fill them
(``validateOnBlur`` off, so a typed offset is kept).
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateTimeInput

from campaign.models import Region, Release, Rollout, source_page
from campaign.releases import engine, limits
from campaign.timezones import (
    admin_clock,
    parse_wall_time,
    region_label,
)

Mode = Rollout.Mode

WALL_HELP = gettext_lazy(
    "Local wall time as YYYY-MM-DD HH:MM (seconds optional). Where the clocks "
    "go back and a time happens twice, add the offset, e.g. 2027-10-31 02:30+01:00."
)


class WallTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker on a text field: the picker fills in
    ``YYYY-MM-DD HH:MM`` and leaves a typed offset alone."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}

    def format_value(self, value):
        return value if isinstance(value, str) else super().format_value(value)


def wall_input(placeholder: str = "YYYY-MM-DD HH:MM", **attrs) -> WallTimeInput:
    return WallTimeInput(
        attrs={"placeholder": placeholder, "autocomplete": "off", **attrs},
        format="%Y-%m-%d %H:%M",
    )


@dataclass
class Planned:
    region: Region
    go_live: str
    expire: str
    go_live_at: datetime
    expire_at: datetime | None


class RolloutForm(forms.Form):
    regions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Regions"),
        queryset=Region.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"data-rollout-region": ""}),
        help_text=gettext_lazy("Only the regions you may publish in are listed."),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Timing"),
        choices=Mode.choices,
        initial=Mode.SAME_LOCAL_TIME,
        widget=forms.RadioSelect(attrs={"data-rollout-mode": ""}),
    )
    go_live = forms.CharField(
        label=gettext_lazy("Goes live at (the same local time in every region)"),
        required=False,
        widget=wall_input(),
        help_text=WALL_HELP,
    )
    expire = forms.CharField(
        label=gettext_lazy("Expires at (local time in every region, optional)"),
        required=False,
        widget=wall_input(),
        help_text=gettext_lazy(
            "Leave empty to keep the campaign online. A region's own expiry "
            "below, if given, wins."
        ),
    )

    confirm_moves = forms.BooleanField(
        label=gettext_lazy("Yes, move the releases listed above"),
        required=False,
        help_text=gettext_lazy(
            "Needed when a region of this campaign is already planned: its "
            "release moves to the new time."
        ),
    )

    def __init__(self, *args, user, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.page = page
        self.region_list = list(Region.editable_by(user).order_by("code"))
        self.fields["regions"].queryset = Region.editable_by(user).order_by("code")
        self.fields["regions"].label_from_instance = lambda region: (
            _("%(name)s (%(code)s), %(zone)s")
            % {"name": region.name, "code": region.code, "zone": region.time_zone}
        )
        for region in self.region_list:
            name = {"region": region.name, "code": region.code}
            self.fields[self.go_live_name(region)] = forms.CharField(
                label=_("%(region)s (%(code)s): goes live at") % name,
                required=False,
                widget=wall_input(**{"data-region-field": region.code}),
                help_text=_("Local time in %(zone)s; it is %(now)s there now.")
                % {
                    "zone": region.time_zone,
                    "now": admin_clock(timezone.now().astimezone(region.zone)),
                },
            )
            self.fields[self.expire_name(region)] = forms.CharField(
                label=_("%(region)s (%(code)s): expires at (optional)") % name,
                required=False,
                widget=wall_input(**{"data-region-field": region.code}),
            )
        self.planned: list[Planned] = []
        #: Existing releases this plan would move: (region, from, to) labels.
        self.moves: list[tuple[Region, str, str]] = []

    @staticmethod
    def go_live_name(region: Region) -> str:
        return f"go_live_{region.code.lower()}"

    @staticmethod
    def expire_name(region: Region) -> str:
        return f"expire_{region.code.lower()}"

    def per_region_fields(self):
        """(region, go-live field, expiry field) for the template."""
        return [
            (region, self[self.go_live_name(region)], self[self.expire_name(region)])
            for region in self.region_list
        ]

    # Validation: every region first, nothing written --------------------------

    def _shared_text(self, name: str) -> str:
        """A field used by every region, parsed once so a typo shows once."""
        text = (self.cleaned_data.get(name) or "").strip()
        if text:
            try:
                parse_wall_time(text)
            except ValidationError as error:
                self.add_error(name, error)
                return ""
        return text

    def _instant(self, name, text, region, prefix, now, expiry) -> datetime | None:
        try:
            return limits.wall_instant(text, region.zone, now, expiry=expiry)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(name, f"{prefix}{message}" if prefix else message)
        return None

    def clean(self):
        cleaned = super().clean()
        regions = cleaned.get("regions") or []
        mode = cleaned.get("mode")
        if not regions or not mode:
            return cleaned
        per_region = mode == Mode.PER_REGION
        if not per_region and not cleaned.get("go_live"):
            self.add_error("go_live", _("Enter the local time to go live."))
            return cleaned
        shared_go_live = "" if per_region else self._shared_text("go_live")
        shared_expire = self._shared_text("expire")
        if self.errors:
            return cleaned
        now = self.checked_at = timezone.now()
        for region in regions:
            self._plan_region(region, per_region, shared_go_live, shared_expire, now)
        self._check_moves(cleaned.get("confirm_moves"))
        return cleaned

    def _check_moves(self, confirmed: bool) -> None:
        """A plan that moves an existing release says from when to when, and
        is saved only once confirmed."""
        existing = {
            release.region_id: release
            for release in Release.objects.filter(
                page=source_page(self.page),
                region__in=[item.region for item in self.planned],
            )
        }
        for item in self.planned:
            release = existing.get(item.region.pk)
            if release is None or (
                release.go_live_at == item.go_live_at
                and release.state == Release.State.SCHEDULED
            ):
                continue
            self.moves.append(
                (
                    item.region,
                    f"{region_label(release.go_live_at, item.region.zone)} "
                    f"({release.get_state_display()})",
                    region_label(item.go_live_at, item.region.zone),
                )
            )
        if self.moves and not confirmed:
            self.add_error(
                "confirm_moves",
                _(
                    "%(count)s region(s) already have a release of this campaign: "
                    "check what moves from when to when above, then confirm."
                )
                % {"count": len(self.moves)},
            )

    def _plan_region(self, region, per_region, shared_go_live, shared_expire, now):
        prefix = f"{region.name} ({region.code}): "
        if per_region:
            go_name, go_text, go_prefix = (
                self.go_live_name(region),
                (self.cleaned_data.get(self.go_live_name(region)) or "").strip(),
                "",
            )
            if not go_text:
                self.add_error(go_name, _("Enter the local time to go live here."))
                return
        else:
            go_name, go_text, go_prefix = "go_live", shared_go_live, prefix
        own_expire = (self.cleaned_data.get(self.expire_name(region)) or "").strip()
        if own_expire:
            expire_name, expire_text, expire_prefix = (
                self.expire_name(region),
                own_expire,
                "",
            )
        else:
            expire_name, expire_text, expire_prefix = "expire", shared_expire, prefix
        go_live_at = self._instant(go_name, go_text, region, go_prefix, now, False)
        expire_at = None
        if expire_text:
            expire_at = self._instant(
                expire_name, expire_text, region, expire_prefix, now, True
            )
        if go_live_at is None or (expire_text and expire_at is None):
            return
        try:
            limits.check(go_live_at, expire_at, now, zone=region.zone)
        except ValidationError as error:
            fields = {
                "go_live": (go_name, go_prefix),
                "expire": (expire_name, expire_prefix),
            }
            for key, messages in error.message_dict.items():
                name, field_prefix = fields[key]
                for message in messages:
                    self.add_error(name, f"{field_prefix}{message}")
            return
        self.planned.append(
            Planned(region, go_text, expire_text, go_live_at, expire_at)
        )

    # Saving -------------------------------------------------------------------

    def save(self) -> Rollout:
        """Create the rollout and its releases in one transaction, or none."""
        source = source_page(self.page)
        with transaction.atomic():
            rollout = Rollout.objects.create(
                page=source, mode=self.cleaned_data["mode"], created_by=self.user
            )
            for item in self.planned:
                engine.schedule(
                    source,
                    item.region,
                    item.go_live_at,
                    item.expire_at,
                    user=self.user,
                    rollout=rollout,
                    now=self.checked_at,
                )
        return rollout
