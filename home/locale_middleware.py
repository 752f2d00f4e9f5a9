"""Which language a request is in, and where ``/`` and ``/fr/`` lead.

Replaces Django's ``LocaleMiddleware``, which negotiates with a cookie and
the order of LANGUAGES, and redirects any unknown path without a prefix
(``/admin/nope/`` to ``/en/admin/nope/``). Here:

- ``/fr-be/…``: the prefix is the language; the header plays no part.
- ``/``: redirect (302, ``Vary: Accept-Language``) to the home page of the
  locale ``home.negotiation`` picks among the locales whose home page is live.
- ``/fr/…``, ``/fr-ch/…``: a language the site serves, without a locale of
  that exact name: redirect (302, varying) to one of that language's locales,
  chosen the same way, keeping the rest of the path.
- ``/FR-be/…``, ``/fr_BE/…``: a mis-spelt locale: permanent redirect.
- Anything else (``/admin/``, ``/documents/``, ``/healthz``, ``/sitemap.xml``,
  ``/pt-br/``) is left alone; its language comes from the header, for the
  admin's login page and error pages, and the response varies on it.

No cookie is read or set.
"""

import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Page, Site

from home import negotiation

#: A first path segment shaped like a language tag: ``fr``, ``FR-be``,
#: ``fr_BE``, ``de-ch``. Longer words (``admin``, ``documents``) never are.
LANGUAGE_SHAPED = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$")
SAFE_METHODS = ("GET", "HEAD")


def configured_codes() -> list[str]:
    """The content locales of LANGUAGES, in their order, lower case."""
    return [negotiation.normalise(code) for code, _name in settings.LANGUAGES]


def language_defaults() -> dict[str, str]:
    return getattr(settings, "LOCALE_LANGUAGE_DEFAULTS", {})


def live_codes(request) -> list[str]:
    """The configured locales whose home page (the site root's translation in
    that locale) is live; all configured ones if the site has none yet."""
    codes = configured_codes()
    site = Site.find_for_request(request)
    if site is None:
        return codes
    homes = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    live = set(
        Page.objects.live()
        .filter(translation_key__in=homes)
        .values_list("locale__language_code", flat=True)
    )
    return [code for code in codes if code in live] or codes


def _split(path_info: str) -> tuple[str, str]:
    """``/fr/campaigns/stop/`` → (``fr``, ``campaigns/stop/``)."""
    segment, _slash, rest = path_info.lstrip("/").partition("/")
    return segment, rest


def _location(request, code: str, rest: str) -> str:
    location = f"{get_script_prefix()}{code}/{rest}"
    query = request.META.get("QUERY_STRING", "")
    return f"{location}?{query}" if query else location


def _varying(response):
    patch_vary_headers(response, ("Accept-Language",))
    return response


class LocaleMiddleware:
    """Activate the language of the URL's locale prefix, or negotiate one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        segment, rest = _split(request.path_info)
        codes = configured_codes()
        if segment in codes:
            return self._respond(request, segment, varies=False)
        if request.method in SAFE_METHODS:
            redirect = self._redirect(request, segment, rest, codes)
            if redirect is not None:
                return redirect
        language = negotiation.negotiate(
            request.headers.get("Accept-Language"),
            codes,
            language_defaults(),
            settings.LANGUAGE_CODE,
        )
        return self._respond(request, language, varies=True)

    def _respond(self, request, language: str, *, varies: bool):
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if varies:
            _varying(response)
        response.headers.setdefault("Content-Language", language)
        return response

    def _redirect(self, request, segment: str, rest: str, codes: list[str]):
        preferences = negotiation.parse_accept_language(
            request.headers.get("Accept-Language")
        )
        if request.path_info == "/":
            code = negotiation.best_locale(
                preferences,
                live_codes(request),
                language_defaults(),
                settings.LANGUAGE_CODE,
            )
            return _varying(HttpResponseRedirect(_location(request, code, "")))
        if not LANGUAGE_SHAPED.match(segment):
            return None
        tag = negotiation.normalise(segment)
        if tag in codes:
            return HttpResponsePermanentRedirect(_location(request, tag, rest))
        language = negotiation.language_of(tag)
        same_language = [
            code for code in codes if negotiation.language_of(code) == language
        ]
        if not same_language:
            return None
        live = [code for code in live_codes(request) if code in same_language]
        candidates = live or same_language
        # The prefix comes first: /fr/ is a French locale whatever the header
        # says, and the header's regions pick which one.
        code = negotiation.best_locale(
            [tag, *preferences], candidates, language_defaults(), candidates[0]
        )
        return _varying(HttpResponseRedirect(_location(request, code, rest)))
