"""The public campaign page in a real browser, on the demo.

Accessible (axe-core: WCAG 2.0, 2.1 and 2.2, levels A and AA), right to left
in Arabic, complete without JavaScript, readable at 320 px, served from the
site alone and without cookies.
"""

from campaign.models import CampaignPage, Helpline
from tests.browser.conftest import AXE, LIVE_SITE

pytestmark = LIVE_SITE

LOCALES = ("en", "fr-be", "ar")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 720}

RUN_AXE = """async (tags) => {
    document.querySelectorAll("details").forEach((details) => { details.open = true; });
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
}"""


def test_campaign_pages_have_no_wcag_violations_at_desktop_and_320px(
    demo, browser, artifacts
):
    # axe is injected as a script, which the page's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    violations = {}
    for code in LOCALES:
        for name, viewport in (("desktop", DESKTOP), ("320", NARROW)):
            page.set_viewport_size(viewport)
            page.goto(demo(code))
            page.screenshot(
                path=artifacts / f"campaign-{code}-{name}.png", full_page=True
            )
            page.add_script_tag(path=str(AXE))
            violations[f"{code} {name}"] = page.evaluate(RUN_AXE, WCAG_TAGS)
    context.close()

    assert violations == {key: [] for key in violations}


def test_campaign_pages_fit_a_320px_screen_without_horizontal_scrolling(demo, page):
    page.set_viewport_size(NARROW)
    for code in LOCALES:
        page.goto(demo(code))
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert widths[0] <= widths[1], (code, widths)


def test_arabic_page_runs_right_to_left_and_mirrors_its_layout(demo, page):
    page.set_viewport_size(DESKTOP)
    width = DESKTOP["width"]
    edges = {}
    for code in ("en", "ar"):
        page.goto(demo(code))
        skip = page.locator(".skip-link").bounding_box()
        name = page.locator(".site-name").bounding_box()
        help_link = page.locator(".header-help").bounding_box()
        panel = page.locator(".panel--legal").first.evaluate(
            "(node) => [getComputedStyle(node).borderLeftWidth,"
            " getComputedStyle(node).borderRightWidth]"
        )
        edges[code] = {"skip": skip, "name": name, "help": help_link, "panel": panel}

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    english, arabic = edges["en"], edges["ar"]
    # The skip link and the site name sit at the start edge: left in English,
    # right in Arabic; the "get help" link at the end edge.
    assert english["skip"]["x"] < width / 2 < arabic["skip"]["x"]
    assert english["name"]["x"] < width / 2 < arabic["name"]["x"]
    assert arabic["help"]["x"] < width / 2 < english["help"]["x"]
    # The legal panel's accent border is on its start side.
    assert english["panel"] == ["8px", "0px"]
    assert arabic["panel"] == ["0px", "8px"]


def test_help_block_lists_the_helplines_of_the_pages_region(demo, page):
    shown = {}
    for code in ("fr-be", "da-dk"):
        page.goto(demo(code))
        names = page.locator(".helpline__name > span:first-child")
        shown[code] = names.all_text_contents()
        assert page.locator(".helpline .status").count() == len(shown[code])
        assert page.locator(".helpline a[href^='tel:']").count() >= 1

    belgian = set(
        Helpline.objects.filter(
            region__code="BE", locale__language_code="fr-be"
        ).values_list("name", flat=True)
    )
    danish = set(
        Helpline.objects.filter(region__code="DK").values_list("name", flat=True)
    )
    assert len(shown["fr-be"]) >= 2
    assert set(shown["fr-be"]) == belgian
    assert not set(shown["fr-be"]) & danish
    assert set(shown["da-dk"]) <= danish
    # Every demo helpline is an example, and says so.
    assert page.locator(".helpline .badge").count() == len(shown["da-dk"])


def test_campaign_page_is_complete_without_javascript(demo, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo("fr-be"))
    campaign = CampaignPage.objects.get(locale__language_code="fr-be")

    for block in campaign.body:
        assert page.locator(f"#block-{block.id}").count() == 1, block.block_type
    assert page.locator("h1").count() == 1
    helplines = Helpline.objects.filter(region__code="BE")
    assert page.locator(".helpline").count() == len(
        {helpline.translation_key for helpline in helplines}
    )
    answers = page.locator("details.faq__item .faq__answer")
    assert answers.count() >= 1
    assert all(text.strip() for text in answers.all_text_contents())
    first = page.locator("details.faq__item").first
    assert not first.locator(".faq__answer").is_visible()
    first.locator("summary").click()
    assert first.locator(".faq__answer").is_visible()
    # No inline script; the one external file is the quick exit's.
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("script[src]").count() == 1
    context.close()


def test_campaign_page_loads_from_its_own_server_only_and_sets_no_cookie(
    demo, browser, live_server
):
    context = browser.new_context()
    page = context.new_page()
    requests, responses = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    for code in LOCALES:
        page.goto(demo(code))
        page.wait_for_load_state("networkidle")

    foreign = [
        url
        for url in requests
        if not url.startswith((live_server.url + "/", "data:", "blob:"))
    ]
    assert foreign == []
    assert len(requests) > len(LOCALES)  # pages, stylesheets, images
    setting_cookies = [r.url for r in responses if r.header_value("set-cookie")]
    assert setting_cookies == []
    assert context.cookies() == []
    context.close()


def test_printed_page_shows_every_answer_and_leaves_out_navigation(demo, page):
    page.goto(demo("en"))
    page.emulate_media(media="print")

    answers = page.locator(".faq__answer")
    assert answers.count() >= 1
    assert all(answers.nth(n).is_visible() for n in range(answers.count()))
    assert page.locator(".helpline").first.is_visible()
    for hidden in (".skip-link", ".header-help", ".languages", ".helpline .status"):
        assert not page.locator(hidden).first.is_visible(), hidden
