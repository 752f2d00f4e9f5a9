"""When a release may go live or expire: from now (minus a minute) to ten years on.

The engine, the rollout form and the commands all check through here, so a
time refused in one is refused in all, with a message that names the limit.
A time before the window is a typo (a wrong year or day), not a wish to
publish at once; only a command given ``--now`` publishes a past go-live.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaign.timezones import label, parse_wall_time, utc_label, wall_to_utc

#: A go-live this far in the past is still "now" (the form took a moment).
PAST_TOLERANCE = timedelta(minutes=1)
#: The latest go-live or expiry: ten years (of 365.25 days) ahead.
HORIZON = timedelta(days=3653)


def _when(instant: datetime, zone: ZoneInfo | None) -> str:
    return label(instant, zone) if zone else utc_label(instant)


def _too_early(what: str, instant: datetime, now: datetime, zone) -> ValidationError:
    return ValidationError(
        _(
            "%(what)s %(when)s is already past: it must be no earlier than "
            "%(earliest)s (one minute before now). Choose a time to come."
        ),
        code="too_early",
        params={
            "what": what,
            "when": _when(instant, zone),
            "earliest": _when(now - PAST_TOLERANCE, zone),
        },
    )


def _too_late(what: str, when: str, now: datetime, zone) -> ValidationError:
    return ValidationError(
        _(
            "%(what)s %(when)s is more than ten years ahead: it must be no "
            "later than %(latest)s."
        ),
        code="too_late",
        params={"what": what, "when": when, "latest": _when(now + HORIZON, zone)},
    )


def check(
    go_live_at: datetime,
    expire_at: datetime | None,
    now: datetime,
    *,
    zone: ZoneInfo | None = None,
    allow_past: bool = False,
) -> None:
    """Raise a ValidationError keyed ``go_live`` / ``expire`` for what lies
    outside the window. ``allow_past`` lets a go-live (never an expiry) lie
    before it: the command's ``--now``."""
    errors: dict[str, list[ValidationError]] = {}
    go_live = _("The go-live time")
    expire = _("The expiry")
    if go_live_at < now - PAST_TOLERANCE and not allow_past:
        errors.setdefault("go_live", []).append(
            _too_early(go_live, go_live_at, now, zone)
        )
    if go_live_at > now + HORIZON:
        errors.setdefault("go_live", []).append(
            _too_late(go_live, _when(go_live_at, zone), now, zone)
        )
    if expire_at is not None:
        if expire_at < now - PAST_TOLERANCE:
            errors.setdefault("expire", []).append(
                _too_early(expire, expire_at, now, zone)
            )
        elif expire_at > now + HORIZON:
            errors.setdefault("expire", []).append(
                _too_late(expire, _when(expire_at, zone), now, zone)
            )
        elif expire_at <= go_live_at:
            errors.setdefault("expire", []).append(
                ValidationError(
                    _("The expiry must come after the go-live time."),
                    code="expiry_before_go_live",
                )
            )
    if errors:
        raise ValidationError(errors)


def wall_instant(text: str, zone: ZoneInfo, now: datetime, *, expiry=False):
    """``wall_to_utc``, except that a wall time too far off for the calendar
    to convert (year 1, year 9999) is refused by naming the window."""
    try:
        return wall_to_utc(text, zone)
    except ValidationError as error:
        if getattr(error, "code", None) != "out_of_range":
            raise
        what = _("The expiry") if expiry else _("The go-live time")
        wall = parse_wall_time(text).replace(tzinfo=None)
        if wall < (now - PAST_TOLERANCE).replace(tzinfo=None):
            raise ValidationError(
                _(
                    "%(what)s %(when)s is already past: it must be no earlier "
                    "than %(earliest)s (one minute before now)."
                ),
                code="too_early",
                params={
                    "what": what,
                    "when": f"{wall:%Y-%m-%d %H:%M}",
                    "earliest": _when(now - PAST_TOLERANCE, zone),
                },
            ) from None
        raise _too_late(what, f"{wall:%Y-%m-%d %H:%M}", now, zone) from None
