"""Reaching one's language on the demo, in a real browser.

/ follows the browser's languages (no cookie); every page lists its live
translations by their own names, marked with ``lang`` and ``hreflang``; the
list leads to the translation; the pages that carry it stay accessible.
"""

from django.utils import translation
from wagtail.models import Locale

from campaign.models import CampaignPage
from tests.browser.conftest import AXE, LIVE_SITE
from tests.browser.test_campaign_page import RUN_AXE, WCAG_TAGS

pytestmark = LIVE_SITE


def native_names() -> dict[str, str]:
    names = {}
    for locale in Locale.objects.all():
        with translation.override(locale.language_code):
            names[locale.language_code] = str(locale.get_display_name())
    return names


def switcher_links(page) -> list[dict]:
    return page.locator("nav.languages a").evaluate_all(
        """(links) => links.map((link) => ({
            href: link.getAttribute("href"),
            lang: link.getAttribute("lang"),
            hreflang: link.getAttribute("hreflang"),
            dir: link.getAttribute("dir"),
            current: link.getAttribute("aria-current"),
            name: link.textContent.trim(),
        }))"""
    )


def test_root_follows_the_browsers_languages_without_a_cookie(
    demo, browser, live_server
):
    landed = {}
    for header in ("fr-BE,fr;q=0.9", "de-AT,de;q=0.8", "nl-NL", "pt-BR", "ar-EG"):
        context = browser.new_context(extra_http_headers={"Accept-Language": header})
        page = context.new_page()
        page.goto(live_server.url + "/")
        landed[header] = (
            page.url.removeprefix(live_server.url),
            page.locator("html").get_attribute("lang"),
        )
        assert context.cookies() == []
        context.close()

    assert landed == {
        "fr-BE,fr;q=0.9": ("/fr-be/", "fr-be"),
        "de-AT,de;q=0.8": ("/de-de/", "de-de"),
        "nl-NL": ("/nl-be/", "nl-be"),
        "pt-BR": ("/en/", "en"),
        "ar-EG": ("/ar/", "ar"),
    }


def test_every_page_lists_its_translations_by_their_own_names(demo, page, live_server):
    names = native_names()
    campaign = CampaignPage.objects.live().get(locale__language_code="fr-be")
    for url in (
        live_server.url + "/fr-be/",
        live_server.url + campaign.get_parent().url,
        demo("fr-be"),
    ):
        page.goto(url)
        links = switcher_links(page)
        assert {link["lang"] for link in links} == set(names), url
        for link in links:
            assert link["hreflang"] == link["lang"]
            assert link["name"] == names[link["lang"]]
            assert link["dir"] == ("rtl" if link["lang"] == "ar" else "ltr")
        assert [link["lang"] for link in links if link["current"]] == ["fr-be"]
    assert names["fr-be"] == "Français (Belgique)"
    assert names["fr-fr"] == "Français (France)"
    assert names["nl-be"] == "Nederlands (België)"


def test_the_switcher_leads_to_the_translation(demo, page):
    page.goto(demo("fr-be"))

    page.locator("header details.switcher > summary").click()
    page.locator("nav.languages").get_by_role(
        "link", name="Nederlands (België)"
    ).click()

    page.wait_for_url(demo("nl-be"))
    assert page.locator("html").get_attribute("lang") == "nl-be"
    assert (
        page.locator("nav.languages a[aria-current=page]").get_attribute("lang")
        == "nl-be"
    )


def test_home_and_missing_pages_have_no_wcag_violations(demo, browser, live_server):
    # axe is injected as a script, which the page's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    violations = {}
    for path in ("/ar/", "/fr-be/", "/fr-be/no-such-page/"):
        page.goto(live_server.url + path)
        assert page.locator("nav.languages a").count() == len(native_names()), path
        page.add_script_tag(path=str(AXE))
        violations[path] = page.evaluate(RUN_AXE, WCAG_TAGS)
    context.close()

    assert violations == {path: [] for path in violations}
