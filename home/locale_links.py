"""A page's live translations: the language switcher, hreflang links and
the sitemap's alternates all read this one type (``Translation``)."""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from delivery import fragments


class Translation(NamedTuple):
    """A live translation of a page: an hreflang link and a switcher entry."""

    language_code: str
    #: The language's name in that language (``Locale.get_display_name()``
    #: under that language): ``get_language_info('fr-be')`` says only
    #: "français", which does not tell Belgium from France.
    name: str
    #: Absolute, for hreflang and the sitemap.
    url: str
    #: Relative when one site serves every locale, for links in the page.
    href: str
    current: bool


class Translations(NamedTuple):
    alternates: list
    #: hreflang="x-default": the site's default language, else the first.
    x_default: str | None


def native_name(locale: Locale) -> str:
    with translation.override(locale.language_code):
        return str(locale.get_display_name())


def x_default_url(alternates) -> str | None:
    """The alternate in the site's default language, else the first one (the
    same for every page of the set, so each names the same x-default)."""
    for alternate in alternates:
        if alternate.language_code == settings.LANGUAGE_CODE:
            return alternate.url
    return alternates[0].url if alternates else None


def public(pages):
    """Wagtail's ``.public()`` in the same query: no view restriction on the
    page or an ancestor (``.public()`` first reads every restriction)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))


def _translations(pages, request) -> list[tuple[int, Translation]]:
    """(page id, translation) of the pages in a content language with a URL,
    none of them current."""
    content_languages = {code.lower() for code, _name in settings.LANGUAGES}
    result = []
    for page in pages:
        code = page.locale.language_code
        if code not in content_languages:
            continue
        url = page.get_full_url(request)
        if url is None:
            continue
        href = page.get_url(request) or url
        result.append(
            (page.pk, Translation(code, native_name(page.locale), url, href, False))
        )
    return result


def live_translations(page: Page, request) -> Translations:
    """Every live, public translation of ``page`` (itself included).

    The same for every translation of the page on a site: kept by each
    process until anything changes (delivery/fragments.py), the current one
    marked per request.
    """
    site = Site.find_for_request(request)
    shared = fragments.remember(
        request,
        ("translations", site.pk if site else None, page.translation_key),
        lambda: _live_translations(page, request),
    )
    alternates = [
        translation._replace(current=pk == page.pk) for pk, translation in shared
    ]
    return Translations(alternates, x_default_url(alternates))


def _live_translations(page: Page, request) -> list[tuple[int, Translation]]:
    pages = public(
        page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return _translations(pages, request)


def site_home_pages(request) -> list[Translation]:
    """The live home page of every locale of the request's site, none of them
    current: the language list of responses that are no page (the 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    homes = public(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                "translation_key"
            )
        )
        .live()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return [translation for _pk, translation in _translations(homes, request)]
