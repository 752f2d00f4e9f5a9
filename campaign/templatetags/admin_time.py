"""Instants in the admin, written the user's way (campaign.timezones)."""

from django import template

from campaign.timezones import admin_clock, region_label, viewer_label

register = template.Library()


@register.filter
def region_time(release) -> str:
    """When ``release`` goes live on its region's clock: 01.03.2027 09:00 CET."""
    return region_label(release.go_live_at, release.region.zone)


@register.filter
def your_time(instant) -> str:
    """``instant`` on the user's own clock, with its zone."""
    return viewer_label(instant) if instant else ""


@register.filter
def clock(moment) -> str:
    """A time of day as the user's language writes it, on ``moment``'s clock."""
    return admin_clock(moment)
