"""Template tags of the site shell: a page's translations and the site's
languages, for hreflang links and the language list."""

from django import template
from django.utils import translation
from wagtail.models import Page

from delivery import fragments
from home.identity import Identity, identity_for
from home.locale_links import Translations, live_translations, public, site_home_pages
from home.models import StatementPage

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context) -> Translations:
    """The live translations of the page shown, for hreflang and the switcher.

    One query with the locales, whatever their number; a response that is
    no page (the 404) has none.
    """
    page, request = context.get("page"), context.get("request")
    if isinstance(page, Page) and page.pk and request is not None:
        return live_translations(page, request)
    return Translations([], None)


@register.simple_tag(takes_context=True)
def site_languages(context) -> list:
    """The live home page of every locale (the 404 page's language list)."""
    request = context.get("request")
    return site_home_pages(request) if request is not None else []


@register.simple_tag(takes_context=True)
def site_identity(context) -> Identity | None:
    """The organisation, logo, colours and quick exit of the request's site."""
    request = context.get("request")
    return identity_for(request) if request is not None else None


@register.simple_tag(takes_context=True)
def footer_statements(context) -> list:
    """The live statements (accessibility, privacy...) of the active locale:
    one query, by the active language's code, view restrictions included;
    kept by each process until anything changes (delivery/fragments.py)."""
    language = translation.get_language()
    return fragments.remember(
        context.get("request"),
        ("footer", language),
        lambda: list(
            public(
                StatementPage.objects.live()
                .filter(locale__language_code=language)
                .order_by("path")
            )
        ),
    )
