"""Admin template tags of the release screens."""

from django import template

from campaign.releases.progress import REFRESH_SECONDS, progress

register = template.Library()


@register.simple_tag
def wave_progress(timeline):
    """The progress of the releases a timeline shows."""
    return progress([row.release for row in timeline.rows])


@register.simple_tag
def refresh_seconds():
    return REFRESH_SECONDS
