"""Template helpers for the public campaign pages.

Every rich-text value goes through ``clean_richtext``: it expands Wagtail's
internal links and then sanitises the HTML (see campaign.richtext), so
stored hostile markup never reaches a page.
"""

import datetime
import mimetypes

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from campaign.models import CampaignIndexPage, CampaignPage
from campaign.models.helplines import WEEKDAYS
from campaign.richtext import render_richtext
from home.locale_links import (
    Translations,
    live_translations,
    site_home_pages,
    x_default_url,
)

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


@register.simple_tag
def time_tag(value: datetime.date, fmt: str = "DATE_FORMAT") -> str:
    """A ``<time>`` element: machine-readable date, localized text."""
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, fmt)
    )


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


@register.simple_tag(takes_context=True)
def page_translations(context) -> Translations:
    """The live translations of the page shown, for hreflang and the switcher.

    Campaign pages bring theirs in their context (no extra query); other
    pages are looked up here; a response that is no page (404) has none.
    """
    if "alternates" in context:
        alternates = context["alternates"]
        return Translations(
            alternates, context.get("x_default_url") or x_default_url(alternates)
        )
    page, request = context.get("page"), context.get("request")
    if isinstance(page, Page) and page.pk and request is not None:
        return live_translations(page, request)
    return Translations([], None)


@register.simple_tag(takes_context=True)
def site_languages(context) -> list:
    """The live home page of every locale (the 404 page's language list)."""
    request = context.get("request")
    return site_home_pages(request) if request is not None else []
