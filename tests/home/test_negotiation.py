"""Which locale a visitor lands on from / (home/negotiation.py).

Explicit, not Django's: the exact locale, then the same language in a region
the visitor also lists, then the language's configured default; no cookie,
no IP address, and the redirect varies on Accept-Language.
"""

import pytest
from django.conf import settings

from home.negotiation import best_locale, negotiate, parse_accept_language
from tests.home.test_locale_routing import live_homes

CODES = [code for code, _name in settings.LANGUAGES]
DEFAULTS = settings.LOCALE_LANGUAGE_DEFAULTS
FRENCH = {code for code in CODES if code.startswith("fr-")}
GERMAN = {code for code in CODES if code.startswith("de-")}

#: (Accept-Language, the locales that are right for it).
TABLE = [
    ("fr-BE,fr;q=0.9", {"fr-be"}),
    ("fr", {DEFAULTS["fr"]}),
    ("fr-CH", FRENCH),
    ("fr-CH", {DEFAULTS["fr"]}),
    ("de-AT", {DEFAULTS["de"]}),
    ("nl-NL", {"nl-be"}),
    ("ar-EG", {"ar"}),
    ("pt-BR", {settings.LANGUAGE_CODE}),
    ("de-CH,fr-FR;q=0.9", GERMAN),
    (None, {settings.LANGUAGE_CODE}),
    ("", {settings.LANGUAGE_CODE}),
    # The region of another preference picks the country.
    ("fr,en-CA;q=0.8", {"fr-ca"}),
    ("nl,fr-BE;q=0.5", {"nl-be"}),
    ("de,nl-BE;q=0.5", {"de-be"}),
    # Weights, not positions, decide; q=0 means "not this".
    ("de;q=0.5,fr-BE;q=0.8", {"fr-be"}),
    ("fr;q=0,de", {DEFAULTS["de"]}),
    ("pt-BR,pt;q=0.9,es;q=0.4", {DEFAULTS["es"]}),
    ("en-US,en;q=0.9", {"en"}),
    ("en-GB", {"en-gb"}),
    ("en-IE,en-GB;q=0.8", {"en-gb"}),
    ("da", {"da-dk"}),
    ("pl-PL", {"pl-pl"}),
    ("es-MX", {DEFAULTS["es"]}),
    ("*", {settings.LANGUAGE_CODE}),
    # Sloppy headers: case, underscores, spaces, broken weights.
    ("FR_be", {"fr-be"}),
    (" fr-be ; q=0.7 , de ; q=0.9", {"de-be"}),
    ("fr;q=abc,de", {DEFAULTS["de"]}),
    ("fr;q=2,nl", {"nl-be"}),
    ("x-klingon,!!,de", {DEFAULTS["de"]}),
]


@pytest.mark.parametrize(("header", "expected"), TABLE)
def test_negotiation_table(header, expected):
    assert negotiate(header, CODES, DEFAULTS, settings.LANGUAGE_CODE) in expected


def test_the_order_of_languages_never_picks_the_country():
    reordered = list(reversed(CODES))
    for header in ("fr", "fr-CH", "de-AT", "nl-NL", "de-CH,fr-FR;q=0.9"):
        assert negotiate(header, reordered, DEFAULTS, "en") == negotiate(
            header, CODES, DEFAULTS, "en"
        )


def test_every_served_language_has_a_configured_default_among_the_locales():
    languages = {code.split("-")[0] for code in CODES}
    assert set(DEFAULTS) == languages
    assert set(DEFAULTS.values()) <= set(CODES)


def test_a_default_that_is_not_available_falls_back_within_the_language():
    assert best_locale(["fr"], ["en", "fr-be"], {"fr": "fr-fr"}, "en") == "fr-be"
    assert best_locale(["fr"], ["en"], {"fr": "fr-fr"}, "en") == "en"


def test_an_overlong_header_is_cut_at_its_last_whole_entry():
    header = "fr-be," + ",".join(["x-junk;q=0.1"] * 60)
    assert len(header) > 500
    assert parse_accept_language(header)[0] == "fr-be"


@pytest.mark.django_db
def test_root_redirects_each_header_to_its_locale_and_varies_on_it(client):
    live_homes(*CODES)
    for header, expected in TABLE:
        extra = {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}
        response = client.get("/", **extra)
        assert response.status_code == 302, header
        code = response["Location"].strip("/")
        assert code in expected, (header, code)
        assert "Accept-Language" in response["Vary"]
        assert "Set-Cookie" not in response
        assert client.get(response["Location"]).status_code == 200, code


@pytest.mark.django_db
def test_root_only_offers_locales_whose_home_page_is_live(client):
    live_homes("fr-be")  # fr-fr, the French default, has no home page

    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr-be/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="da")["Location"] == "/en/"


@pytest.mark.django_db
def test_no_cookie_is_read(client):
    live_homes("fr-be", "de-de")
    client.cookies["django_language"] = "fr-be"

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")

    assert response["Location"] == "/de-de/"
