"""How commands name pages and regions: a page id or a public URL path."""

from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from campaign.models import CampaignPage, Region


def resolve_page(text: str) -> CampaignPage:
    """``42`` or ``/fr-be/campaigns/stop/`` (live or not) to a CampaignPage."""
    text = (text or "").strip()
    if text.isdigit():
        page = Page.objects.filter(pk=int(text)).first()
    else:
        page = _walk(text)
    if page is None:
        raise CommandError(f"No page at {text!r}. Give a page id or its URL path.")
    page = page.specific
    if not isinstance(page, CampaignPage):
        raise CommandError(
            f"{text!r} is a {page._meta.verbose_name}, not a campaign page."
        )
    return page


def _walk(path: str) -> Page | None:
    parts = [part for part in path.strip("/").split("/") if part]
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("No default site is configured.")
    root = site.root_page
    if parts:
        locale = Locale.objects.filter(language_code__iexact=parts[0]).first()
        if locale is not None:
            parts = parts[1:]
            root = root.get_translation_or_none(locale)
            if root is None:
                return None
    page = root
    for slug in parts:
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page


def resolve_region(code: str) -> Region:
    region = Region.objects.filter(code__iexact=(code or "").strip()).first()
    if region is None:
        known = ", ".join(Region.objects.values_list("code", flat=True)) or "none yet"
        raise CommandError(f"Unknown region {code!r}. Known regions: {known}.")
    return region
