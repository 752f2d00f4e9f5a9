"""Reaching the right locale, and nothing but it.

A URL's locale prefix decides its language. A locale with no page at that
path answers 404, never the source page under the wrong ``lang``. Bare and
mis-spelt prefixes redirect to a real locale; paths that are no pages
(/admin/, /documents/, /healthz…) are left alone. Every page carries a
language switcher (native names, ``lang`` and ``hreflang``) and hreflang
links with an x-default.
"""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.models import HomePage
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]


# Small trees -------------------------------------------------------------


def live_homes(*codes: str) -> dict[str, HomePage]:
    """The site's home page, translated and published in each locale."""
    source = builders.home()
    homes = {source.locale.language_code: source}
    for code in codes:
        if code in homes:
            continue
        home = source.copy_for_translation(builders.locale(code))
        home.save_revision().publish()
        homes[code] = home
    return homes


def english_campaign():
    index = builders.campaign_index()
    return builders.campaign_page(index, title="Stop before you start")


@pytest.fixture
def compiled_catalogues(settings):
    """The .mo files (`make test` compiles them first), and Django's
    translation cache emptied so that they are read (setting LOCALE_PATHS
    does that)."""
    call_command("build_catalogues", verbosity=0)
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)


# A locale with no page at that path answers 404 ----------------------------


def test_a_locale_without_a_tree_answers_404_not_the_source_page(client):
    english_campaign()
    builders.locale("fr-ca")  # the locale exists, its tree does not

    for path in ("/fr-ca/", "/fr-ca/campaigns/", "/fr-ca/campaigns/stop/"):
        response = client.get(path)
        assert response.status_code == 404, path
        html = response.content.decode()
        assert '<html lang="fr-ca"' in html
        assert "Stop before you start" not in html


def test_a_locale_without_a_locale_row_answers_404(client):
    english_campaign()

    assert client.get("/en-nz/").status_code == 404
    assert client.get("/en-nz/campaigns/stop/").status_code == 404


def test_a_locale_whose_home_page_is_not_live_answers_404(client):
    page = english_campaign()
    builders.translation(page, "fr-ca")
    home = HomePage.objects.get(locale__language_code="fr-ca")
    home.unpublish()

    response = client.get("/fr-ca/")

    assert response.status_code == 404
    assert "Stop before you start" not in response.content.decode()


def test_a_page_missing_in_one_locale_is_404_there_and_served_elsewhere(client):
    page = english_campaign()
    builders.translation(page, "fr-be")
    live_homes("da-dk")
    builders.translation(page, "nl-be", publish=False)

    assert client.get("/en/campaigns/stop/").status_code == 200
    assert client.get("/fr-be/campaigns/stop/").status_code == 200
    assert client.get("/da-dk/").status_code == 200
    assert client.get("/da-dk/campaigns/stop/").status_code == 404
    assert client.get("/nl-be/campaigns/stop/").status_code == 404


def test_a_prefixed_page_is_served_in_its_language_whatever_the_header(client):
    live_homes("fr-be")

    response = client.get("/fr-be/", HTTP_ACCEPT_LANGUAGE="de-DE")

    assert response.status_code == 200
    assert '<html lang="fr-be"' in response.content.decode()
    assert response["Content-Language"] == "fr-be"
    assert "Accept-Language" not in response.get("Vary", "")


# Bare and mis-spelt prefixes ---------------------------------------------


def test_a_bare_language_prefix_redirects_to_a_locale_of_that_language(client):
    live_homes("fr-be", "fr-fr", "fr-ca")

    response = client.get("/fr/campaigns/stop/?utm=x")
    assert response.status_code == 302
    assert response["Location"] == (
        f"/{settings.LOCALE_LANGUAGE_DEFAULTS['fr']}/campaigns/stop/?utm=x"
    )
    assert "Accept-Language" in response["Vary"]
    # The regions the visitor lists pick the country, whatever the language.
    assert client.get("/fr/", HTTP_ACCEPT_LANGUAGE="nl-BE")["Location"] == "/fr-be/"
    assert client.get("/fr", HTTP_ACCEPT_LANGUAGE="fr-CA")["Location"] == "/fr-ca/"
    # An unknown region of a served language is that language too.
    assert client.get("/fr-ch/")["Location"] == "/fr-fr/"
    assert client.get("/de-at/x/")["Location"] == "/de-de/x/"


def test_a_mis_cased_or_underscored_locale_redirects_permanently(client):
    live_homes("fr-be")

    for path in ("/FR-BE/", "/fr_BE/", "/Fr-Be/"):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == "/fr-be/"
    assert client.get("/EN/campaigns/")["Location"] == "/en/campaigns/"


@pytest.mark.parametrize(
    "path",
    [
        "/documents/nope/",
        "/campaigns/stop/",
        "/pt-br/",
        "/xx/",
        "/static/nope.css",
        "/media/nope.png",
    ],
)
def test_paths_that_are_no_pages_are_not_redirected_to_a_locale(client, path):
    response = client.get(path)

    assert response.status_code == 404, response.get("Location")
    assert "Set-Cookie" not in response


def test_non_page_paths_answer_as_before(client):
    # Django's LocaleMiddleware sent /admin/nope/ to /en/admin/nope/.
    for path in ("/admin/", "/admin/nope/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/"), path
    assert client.get("/static/css/site.css").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/healthz").status_code in (200, 503)


# The switcher and hreflang -------------------------------------------------


def switcher(html: str) -> list[tuple[str, str, str, bool]]:
    """(href, lang, name, current) of each link in the language switcher."""
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    links = re.findall(
        r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)" dir="(?:ltr|rtl)"'
        r'( aria-current="page")?>([^<]+)</a>',
        nav.group(0),
    )
    for _href, lang, hreflang, _current, _name in links:
        assert lang == hreflang
    return [
        (href, lang, name, bool(current)) for href, lang, _h, current, name in links
    ]


def hreflang_links(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )


def test_every_page_has_a_switcher_of_its_live_translations(client):
    page = english_campaign()
    builders.translation(page, "fr-be")
    builders.translation(page, "ar")
    builders.translation(page, "nl-be", publish=False)

    # The nl-be campaign page is a draft; its parents are live.
    for path, languages in (
        ("/fr-be/", {"en", "fr-be", "ar", "nl-be"}),
        ("/fr-be/campaigns/", {"en", "fr-be", "ar", "nl-be"}),
        (page.url, {"en", "fr-be", "ar"}),
    ):
        html = client.get(path).content.decode()
        links = switcher(html)
        assert {lang for _href, lang, _name, _current in links} == languages, path
        names = {lang: name for _href, lang, name, _current in links}
        assert names["fr-be"] == "Français (Belgique)"
        assert names["ar"] == "العربية"
        current = [lang for _href, lang, _name, is_current in links if is_current]
        assert current == [path.split("/")[1]]
        assert 'lang="ar" hreflang="ar" dir="rtl"' in html


def test_every_page_head_has_hreflang_links_and_an_x_default(client):
    page = english_campaign()
    builders.translation(page, "fr-be")

    for path in ("/en/", "/fr-be/", "/en/campaigns/", "/fr-be/campaigns/", page.url):
        links = hreflang_links(client.get(path).content.decode())
        assert set(links) == {"en", "fr-be", "x-default"}, path
        assert links["x-default"] == links["en"]
        assert all(url.startswith("http") for url in links.values())


def test_a_page_in_one_language_only_announces_no_alternates(client):
    page = english_campaign()

    for path in ("/en/", page.url):
        html = client.get(path).content.decode()
        assert 'rel="alternate"' not in html, path
        assert '<nav class="languages"' not in html, path


def test_a_page_without_its_english_version_still_names_an_x_default(client):
    page = english_campaign()
    french = builders.translation(page, "fr-be")
    builders.translation(page, "de-be")
    page.unpublish()

    links = hreflang_links(client.get(french.url).content.decode())

    assert set(links) == {"fr-be", "de-be", "x-default"}
    assert links["x-default"] == links["de-be"]


def test_private_translations_are_left_out_of_the_switcher(client):
    page = english_campaign()
    french = builders.translation(page, "fr-be")
    PageViewRestriction.objects.create(
        page=french.get_parent(), restriction_type="password", password="x"
    )

    for path in ("/en/campaigns/", page.url):
        html = client.get(path).content.decode()
        assert "fr-be" not in hreflang_links(html), path
        assert 'lang="fr-be"' not in html, path


def test_the_404_page_offers_the_home_page_of_every_live_locale(client):
    live_homes("fr-be", "da-dk")

    html = client.get("/fr-be/no-such-page/").content.decode()

    links = switcher(html)
    assert {href for href, _lang, _name, _current in links} == {
        "/en/",
        "/fr-be/",
        "/da-dk/",
    }
    assert not any(current for *_rest, current in links)
    assert 'name="robots" content="noindex"' in html
    assert 'rel="alternate"' not in html


def test_public_chrome_is_translated(client, compiled_catalogues):
    page = english_campaign()
    builders.translation(page, "fr-be")
    builders.translation(page, "ar")

    french = client.get("/fr-be/").content.decode()
    arabic = client.get("/ar/").content.decode()
    missing = client.get("/de-de/no-such-page/").content.decode()

    assert "Aller au contenu principal" in french
    assert "Cette page dans d’autres langues" in french
    assert "Ce site ne dépose aucun cookie" in french
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "الانتقال إلى المحتوى الرئيسي" in arabic
    assert "Seite nicht gefunden" in missing
