"""Local wall time in a region to a UTC instant, refusing what is ambiguous.

Editors think in the region's wall clock ("09:00 in Copenhagen"). A wall time
may not exist (the hour skipped when clocks spring forward) or may exist
twice (the hour repeated when they fall back). Guessing would publish an
hour early or late, so both are refused with the valid choices spelled out.
A wall time may carry an explicit UTC offset ("2027-10-31 02:30+01:00") to
pick one of two repeated instants.
"""

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import babel
import babel.dates
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

UTC = dt.UTC


def _format(moment: dt.datetime) -> str:
    """``2027-03-01 12:00 CET (UTC+01:00)``; the seconds only when not zero."""
    offset = moment.strftime("%z")
    clock = "%Y-%m-%d %H:%M" if moment.second == 0 else "%Y-%m-%d %H:%M:%S"
    return f"{moment:{clock}} {moment.tzname()} (UTC{offset[:3]}:{offset[3:]})"


def parse_wall_time(text: str) -> dt.datetime:
    """Parse `YYYY-MM-DD HH:MM[:SS]`, optionally with a UTC offset."""
    cleaned = (text or "").strip()
    try:
        parsed = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        parsed = None
    if parsed is None or len(cleaned) < 16:
        raise ValidationError(
            _("“%(text)s” is not a date and time. Write it as YYYY-MM-DD HH:MM."),
            code="bad_datetime",
            params={"text": text},
        )
    return parsed


def to_utc(wall: dt.datetime, zone: ZoneInfo | str) -> dt.datetime:
    """Convert a wall time in ``zone`` to an aware UTC datetime.

    ``wall`` is naive (local wall time) or carries an offset that must be
    one the zone really uses at that wall time.
    """
    zone = ZoneInfo(zone) if isinstance(zone, str) else zone
    try:
        return _to_utc(wall, zone)
    except OverflowError:
        # Year 1 or 9999 in a zone whose offset takes it off the calendar.
        raise ValidationError(
            _("%(wall)s is too far from today to be a time in %(zone)s."),
            code="out_of_range",
            params={"wall": f"{wall:%Y-%m-%d %H:%M}", "zone": zone.key},
        ) from None


def _to_utc(wall: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    offset = wall.utcoffset() if wall.tzinfo else None
    naive = wall.replace(tzinfo=None)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    exists = [
        candidate
        for candidate in (first, second)
        if candidate.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive
    ]
    if not exists:
        before = first.astimezone(UTC).astimezone(zone)
        after = second.astimezone(UTC).astimezone(zone)
        earlier, later = sorted([before, after])
        raise ValidationError(
            _(
                "%(wall)s does not exist in %(zone)s: the clocks skip that hour. "
                "Choose %(earlier)s or %(later)s."
            ),
            code="nonexistent_time",
            params={
                "wall": f"{naive:%Y-%m-%d %H:%M}",
                "zone": zone.key,
                "earlier": _format(earlier),
                "later": _format(later),
            },
        )
    distinct = {candidate.utcoffset(): candidate for candidate in exists}
    if offset is not None:
        if offset not in distinct:
            raise ValidationError(
                _("%(zone)s is not at UTC%(offset)s at %(wall)s. Valid: %(valid)s."),
                code="wrong_offset",
                params={
                    "zone": zone.key,
                    "offset": wall.strftime("%z"),
                    "wall": f"{naive:%Y-%m-%d %H:%M}",
                    "valid": _(" or ").join(_format(c) for c in distinct.values()),
                },
            )
        return distinct[offset].astimezone(UTC)
    if len(distinct) > 1:
        choices = sorted(distinct.values(), key=lambda c: c.astimezone(UTC))
        raise ValidationError(
            _(
                "%(wall)s happens twice in %(zone)s: the clocks go back that "
                "night. Choose %(first)s (the first time) or %(second)s (the "
                "second), by adding the offset, e.g. “%(example)s”."
            ),
            code="ambiguous_time",
            params={
                "wall": f"{naive:%Y-%m-%d %H:%M}",
                "zone": zone.key,
                "first": _format(choices[0]),
                "second": _format(choices[1]),
                "example": choices[0].isoformat(sep=" ", timespec="minutes"),
            },
        )
    return exists[0].astimezone(UTC)


def to_local(instant: dt.datetime, zone: ZoneInfo | str) -> dt.datetime:
    zone = ZoneInfo(zone) if isinstance(zone, str) else zone
    return instant.astimezone(zone)


def label(instant: dt.datetime, zone: ZoneInfo | str) -> str:
    """How an instant reads on the region's clock, with its zone and offset."""
    return _format(to_local(instant, zone))


def utc_label(instant: dt.datetime) -> str:
    """``2027-03-01 11:00 UTC``; the seconds only when not zero."""
    moment = instant.astimezone(UTC)
    clock = "%Y-%m-%d %H:%M" if moment.second == 0 else "%Y-%m-%d %H:%M:%S"
    return f"{moment:{clock}} UTC"


# Time as the admin user reads it ---------------------------------------------
#
# In the admin, Wagtail activates each user's preferred language and time
# zone around every view (wagtail.admin.localization.get_localized_response).
# These format through Django's localized formats (config/formats for
# English), so a German user reads "01.03.2027 09:00", a French one
# "01/03/2027 09:00". ``label`` and ``utc_label`` above stay fixed-format
# for commands, logs and exports.


def _offset(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def admin_date(value: dt.date) -> str:
    """A date as the active language writes it short (01.03.2027)."""
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def admin_clock(moment: dt.datetime | dt.time) -> str:
    """A time of day in the active language's format; seconds when not zero."""
    pattern = formats.get_format("TIME_FORMAT")
    if moment.second and pattern.endswith("i"):
        pattern += ":s"
    return formats.time_format(moment, pattern)


def admin_moment(moment: dt.datetime) -> str:
    """Date and time of an aware datetime, on its own clock, with its zone."""
    return f"{admin_date(moment)} {admin_clock(moment)} {moment.tzname()}"


def region_label(instant: dt.datetime, zone: ZoneInfo | str) -> str:
    """An instant on the region's clock, written the user's way:
    ``01.03.2027 09:00 CET (UTC+01:00)``."""
    moment = to_local(instant, zone)
    return f"{admin_moment(moment)} ({_offset(moment)})"


def viewer_label(instant: dt.datetime) -> str:
    """An instant on the user's own clock (their Wagtail time zone, active
    during admin requests): ``28.02.2027 17:00 EST``."""
    return admin_moment(timezone.localtime(instant))


def wall_to_utc(value: str | dt.datetime, zone: ZoneInfo | str) -> dt.datetime:
    """A wall time typed by a person (or a naive datetime) in ``zone``, as the
    UTC instant the release engine takes. The form and the command both
    parse through here, once."""
    wall = parse_wall_time(value) if isinstance(value, str) else value
    return to_utc(wall, zone)


# Time as readers say it ------------------------------------------------------
#
# Zone names and dates come from the Unicode CLDR through Babel, in the
# reader's language: "heure : Belgique", "توقيت أستراليا (سيدني)". A public
# page never shows an IANA id such as Europe/Brussels.


# CLDR's answers never change while a process runs, and a page asks for the
# same few (a helpline's week is fourteen times): each is worked out once per
# process, which took a tenth of a campaign page's render.


@functools.lru_cache(maxsize=256)
def babel_locale(language_code: str) -> babel.Locale:
    """The CLDR locale of a content locale (fr-be -> fr_BE), else its language."""
    for candidate in (language_code, language_code.split("-")[0], "en"):
        try:
            return babel.Locale.parse(candidate, sep="-")
        except (ValueError, babel.UnknownLocaleError):
            continue
    return babel.Locale("en")


@functools.lru_cache(maxsize=1024)
def zone_name(zone: str, language_code: str) -> str:
    """The zone as people of ``language_code`` name it.

    CLDR's location format ("Belgium Time", "heure : Australie (Sydney)");
    UTC, which has no location, by its CLDR name ("temps universel coordonné").
    """
    locale = babel_locale(language_code)
    if zone in ("UTC", "Etc/UTC"):
        names = locale.time_zones.get("Etc/UTC", {}).get("long", {})
        return names.get("standard") or "UTC"
    return babel.dates.get_timezone_location(zone, locale=locale)


@functools.lru_cache(maxsize=4096)
def format_local_date(value: dt.date, language_code: str) -> str:
    return babel.dates.format_date(
        value, format="long", locale=babel_locale(language_code)
    )


def format_local_time(value: dt.datetime | dt.time, language_code: str) -> str:
    """Hours and minutes on the value's own clock: CLDR's short time format
    shows nothing else (no seconds, no zone)."""
    return _format_hours_minutes(value.hour, value.minute, language_code)


@functools.lru_cache(maxsize=4096)
def _format_hours_minutes(hour: int, minute: int, language_code: str) -> str:
    return babel.dates.format_time(
        dt.time(hour, minute), format="short", locale=babel_locale(language_code)
    )
