"""Template helpers for the public campaign pages.

Every rich-text value goes through ``clean_richtext``: it expands Wagtail's
internal links and then sanitises the HTML (see campaign.richtext), so
stored hostile markup never reaches a page.
"""

import datetime
import mimetypes

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale

from campaign.models import CampaignIndexPage, CampaignPage
from campaign.models.helplines import WEEKDAYS
from campaign.richtext import render_richtext
from campaign.timezones import format_local_date, format_local_time, zone_name

register = template.Library()

VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


@register.filter
def clean_richtext(value) -> str:
    """Render a RichText or stored rich-text HTML, allowing only what we publish."""
    return render_richtext(value)


def _code(locale) -> str:
    return locale.language_code if isinstance(locale, Locale) else str(locale)


@register.simple_tag
def lang_attrs(shown, page_locale) -> str:
    """``lang`` and ``dir`` for content shown in another language than the page.

    A helpline or legal text not yet translated is shown in its source
    language; screen readers must then switch voice, and an English text
    inside an Arabic page must still run left to right.
    """
    shown_code, page_code = _code(shown), _code(page_locale)
    if not shown_code or shown_code == page_code:
        return ""
    try:
        bidi = get_language_info(shown_code)["bidi"]
    except KeyError:
        bidi = False
    return format_html(' lang="{}" dir="{}"', shown_code, "rtl" if bidi else "ltr")


def _language() -> str:
    return translation.get_language() or "en"


@register.simple_tag
def time_tag(value: datetime.date) -> str:
    """A ``<time>`` element: machine-readable date, the text as CLDR writes it."""
    text = format_local_date(value, _language())
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.filter
def local_zone_name(helpline) -> str:
    """The helpline's time zone in the reader's language, never its IANA id."""
    return zone_name(helpline.zone_key, _language())


@register.filter
def local_time(value) -> str:
    """A time of day as the reader's language writes it (14:05, 2:05 PM)."""
    return format_local_time(value, _language())


@register.filter
def local_moment(moment: datetime.datetime, helpline) -> datetime.datetime:
    """``moment`` on the helpline's own clock."""
    return moment.astimezone(helpline.zone)


@register.filter
def closure_today(helpline, local: datetime.datetime):
    return helpline.closure_on(local.date())


@register.filter
def upcoming_closures(helpline, local: datetime.datetime) -> list:
    return helpline.upcoming_closures(local.date())


@register.filter
def weekly_hours(helpline) -> list[tuple[str, list]]:
    """Monday to Sunday, each with its opening periods (from prefetched rows)."""
    periods: dict[int, list] = {day: [] for day, _label in WEEKDAYS}
    for hours in helpline.opening_hours.all():
        periods.setdefault(hours.weekday, []).append(hours)
    return [
        (label, sorted(periods[day], key=lambda hours: hours.opens))
        for day, label in WEEKDAYS
    ]


@register.filter
def is_open_at(helpline, moment: datetime.datetime) -> bool:
    """Whether the helpline is open at ``moment``, on its region's clock."""
    return helpline.is_open(moment)


@register.filter
def video_type(document) -> str:
    """The MIME type a <source> announces, from the file's extension."""
    name = document.file.name.lower()
    for extension, mime in VIDEO_TYPES.items():
        if name.endswith(extension):
            return mime
    return mimetypes.guess_type(name)[0] or ""


@register.simple_tag
def campaign_groups(home_page) -> list[tuple[CampaignIndexPage, list]]:
    """The live campaign indexes under a home page, each with its live campaigns.

    Two queries whatever the number of indexes and campaigns.
    """
    indexes = list(
        CampaignIndexPage.objects.child_of(home_page).live().public().order_by("path")
    )
    if not indexes:
        return []
    campaigns = (
        CampaignPage.objects.descendant_of(home_page)
        .live()
        .public()
        .order_by("-first_published_at")
    )
    grouped: dict[str, list] = {index.path: [] for index in indexes}
    for campaign in campaigns:
        parent_path = campaign.path[: -CampaignPage.steplen]
        if parent_path in grouped:
            grouped[parent_path].append(campaign)
    return [(index, grouped[index.path]) for index in indexes]
