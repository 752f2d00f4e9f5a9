"""The XML sitemap: every live, public page of the request's site, each with
its live translations as ``xhtml:link`` alternates and an x-default (when it
has any: a page in one language only has no alternates).

Search engines learn the language versions from here as well as from each
page's head (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
A page without a translation in a locale is simply absent from that locale.
One file holds 50,000 URLs; split it into a sitemap index before then.
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from home.locale_links import Translation, native_name, x_default_url


class Entry(NamedTuple):
    url: str
    lastmod: object
    alternates: list[Translation]
    x_default: str | None


def live_pages(site: Site):
    """Live, public pages under the live home page of each served locale.

    A locale whose home page is not live serves nothing (see the
    ``before_serve_page`` hook in home/wagtail_hooks.py), so its tree is left
    out even where pages under it are live.
    """
    codes = [code.lower() for code, _name in settings.LANGUAGES]
    homes = Page.objects.live().filter(
        translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
            "translation_key"
        ),
        locale__language_code__in=codes,
    )
    under_a_home = Q()
    for path in homes.values_list("path", flat=True):
        under_a_home |= Q(path__startswith=path)
    if not under_a_home:
        return Page.objects.none()
    return (
        Page.objects.live()
        .public()
        .filter(under_a_home)
        .select_related("locale")
        .order_by("path")
    )


def sitemap_entries(site: Site, request) -> list[Entry]:
    located = []
    for page in live_pages(site):
        url = page.get_full_url(request)
        if url is not None:
            located.append((page, url))
    names = {page.locale_id: native_name(page.locale) for page, _url in located}
    groups: dict = {}
    for page, url in located:
        groups.setdefault(page.translation_key, []).append(
            Translation(
                page.locale.language_code, names[page.locale_id], url, url, False
            )
        )
    for alternates in groups.values():
        alternates.sort()
    entries = []
    for page, url in located:
        alternates = groups[page.translation_key]
        if len(alternates) < 2:
            # A page in one language only has no alternates to announce.
            alternates = []
        entries.append(
            Entry(url, page.last_published_at, alternates, x_default_url(alternates))
        )
    return entries


@require_safe
def sitemap(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers at this address.")
    return TemplateResponse(
        request,
        "home/sitemap.xml",
        {"entries": sitemap_entries(site, request)},
        content_type="application/xml; charset=utf-8",
    )
