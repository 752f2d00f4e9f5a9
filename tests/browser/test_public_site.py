"""The public site as a reader meets it, in en, fr-be and ar at 320 and
1,280 px: the organisation's identity, a quick exit visible at the top that
leaves with and without JavaScript, the language switcher in the header
(a disclosure that needs no JavaScript), no WCAG violation (axe-core), no
third-party request, no cookie, and no more requests than before plus the
quick exit's one script. Screenshots go to test-artifacts/.
"""

from urllib.parse import urlsplit

from wagtail.models import Site

from home.models import SiteIdentity
from tests.browser.conftest import AXE, LIVE_SITE
from tests.browser.test_campaign_page import RUN_AXE, WCAG_TAGS

pytestmark = LIVE_SITE

LOCALES = ("en", "fr-be", "ar")
VIEWPORTS = {
    "320": {"width": 320, "height": 640},
    "1280": {"width": 1280, "height": 800},
}
#: Where the quick exit leads in these tests: answered by the test itself, so
#: no request leaves the machine.
NEUTRAL = "https://neutral.example.org/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Sunny.</p>"
#: HTML, site.css, favicon, the hero image and its larger rendition: the
#: requests of a campaign page before this change, plus the quick-exit script.
MAX_REQUESTS = 5 + 1


def organisation_names() -> dict[str, str]:
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    source = identity.organisation
    names = {}
    for code in LOCALES:
        translated = source.get_translation_or_none(
            source.locale.__class__.objects.get(language_code=code)
        )
        names[code] = (translated or source).name
    return names


def neutral_site(context) -> None:
    context.route(
        f"{NEUTRAL}**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=NEUTRAL_PAGE
        ),
    )


def point_quick_exit_at_the_neutral_test_page() -> None:
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.quick_exit_url = NEUTRAL
    identity.save()


def test_identity_quick_exit_switcher_and_accessibility_at_320_and_1280_px(
    demo, browser, artifacts, live_server
):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    point_quick_exit_at_the_neutral_test_page()
    names = organisation_names()
    assert "(example)" in names["en"]
    own = urlsplit(live_server.url).netloc
    problems, violations = [], {}
    for code in LOCALES:
        for width, viewport in VIEWPORTS.items():
            # axe is injected as a script, which the page's CSP rightly refuses.
            context = browser.new_context(viewport=viewport, bypass_csp=True)
            neutral_site(context)
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request, seen=requests: seen.append(request.url))
            page.goto(demo(code))
            page.wait_for_load_state("networkidle")
            where = f"{code} {width}"

            name = page.locator("header .site-name__text")
            if name.inner_text().strip() != names[code]:
                problems.append(f"{where}: the header names {name.inner_text()!r}")
            exit_box = page.locator("[data-quick-exit]").bounding_box()
            if not (
                exit_box
                and exit_box["y"] >= 0
                and exit_box["y"] + exit_box["height"] <= viewport["height"]
                and exit_box["x"] >= 0
                and exit_box["x"] + exit_box["width"] <= viewport["width"]
            ):
                problems.append(f"{where}: quick exit not in view: {exit_box}")
            if page.locator("header details.switcher nav.languages").count() != 1:
                problems.append(f"{where}: no language switcher in the header")
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if widths[0] > widths[1]:
                problems.append(f"{where}: scrolls sideways {widths}")
            foreign = [url for url in requests if urlsplit(url).netloc != own]
            if foreign:
                problems.append(f"{where}: third-party requests {foreign}")
            if len(requests) > MAX_REQUESTS:
                problems.append(f"{where}: {len(requests)} requests {requests}")

            page.screenshot(path=artifacts / f"site-{code}-{width}.png")
            page.add_script_tag(path=str(AXE))
            violations[where] = page.evaluate(RUN_AXE, WCAG_TAGS)
            if context.cookies():
                problems.append(f"{where}: cookies {context.cookies()}")
            context.close()

    assert problems == []
    assert violations == {key: [] for key in violations}
    # test-artifacts/site-en-1280.png is the README's docs/screenshot.png.


def test_quick_exit_leaves_with_and_without_javascript(demo, browser):
    point_quick_exit_at_the_neutral_test_page()
    url = demo("ar")

    # Without JavaScript: a plain link.
    context = browser.new_context(java_script_enabled=False)
    neutral_site(context)
    page = context.new_page()
    page.goto(url)
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(NEUTRAL)
    context.close()

    # With JavaScript: the page leaves the history (Back does not return).
    context = browser.new_context()
    neutral_site(context)
    page = context.new_page()
    page.goto(url)
    length = page.evaluate("history.length")
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == length

    # Escape twice, from anywhere on the page.
    page.goto(url)
    page.locator("h1").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    context.close()


def test_quick_exit_is_announced_to_screen_readers(demo, page):
    page.goto(demo("fr-be"))
    link = page.get_by_role("link", name="Quitter ce site")
    assert link.get_attribute("data-quick-exit") is not None
    assert "Échap" in link.evaluate(
        "(a) => document.getElementById(a.getAttribute('aria-describedby')).textContent"
    )


def test_the_header_switcher_works_without_javascript(demo, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo("fr-be"))
    switcher = page.locator("header details.switcher")
    assert not switcher.locator("nav.languages").is_visible()

    switcher.locator("summary").click()
    switcher.get_by_role("link", name="Nederlands (België)").click()

    page.wait_for_url(demo("nl-be"))
    assert page.locator("html").get_attribute("lang") == "nl-be"
    context.close()
