"""A working day in the admin, in Chromium, on the demo (issue 15).

The fr-be translator finds their column first in the status matrix, opens
the campaign, translates every segment (the slug included) in
wagtail-localize's editor, saves a draft and submits it with the primary
buttons. The matrix shows every demo locale and the source at 1,280 px
without cutting a column. Staff export the release calendar as iCalendar.
axe-core finds no WCAG violation on the matrix, the review screen, the
calendar and the rollout form. Screenshots go to test-artifacts/.
"""

import datetime as dt
import re

from django.contrib.auth.models import Group
from icalendar import Calendar
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from campaign.models import CampaignPage, Region, Release, TranslationReview
from tests.browser.conftest import AXE, LIVE_SITE
from tests.browser.sign_in import sign_in
from tests.campaign import builders
from translations.permissions import sync_translator_groups

pytestmark = LIVE_SITE

PASSWORD = "pw-123456"  # noqa: S105 (test users only)
DESKTOP = {"width": 1280, "height": 900}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
    document.querySelectorAll("details").forEach((details) => { details.open = true; });
    const results = await axe.run(document.querySelector("main") || document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
}"""
NEW_SLUG = "l-ia-ne-rend-pas-cela-legal"


def user(django_user_model, username, *groups, **extra):
    person = django_user_model.objects.create_user(
        username, f"{username}@example.invalid", PASSWORD, **extra
    )
    for name in groups:
        person.groups.add(Group.objects.get(name=name))
    return person


def log_in(browser, base, username):
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    sign_in(page, base, username, PASSWORD)
    return context, page


def axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def translate_every_segment(page, source_slug: str) -> int:
    """Open each segment of each tab, write its translation, save it."""
    saved = 0
    for tab in page.get_by_role("tab").all():
        tab.click()
        edits = page.get_by_role("button", name="Edit", exact=True)
        for index in range(edits.count()):
            edits.nth(index).click()
            editing = page.locator("li:has(textarea)").first
            box = editing.locator("textarea")
            text = box.input_value()
            if source_slug in editing.inner_text() or text == source_slug:
                text = NEW_SLUG
            elif "<" not in text:
                text = f"{text} "
            box.fill(text.rstrip() if "<" not in text else text)
            with page.expect_response(lambda r: "/strings/" in r.url) as response:
                editing.get_by_role("button", name="Save", exact=True).click()
            assert response.value.ok
            # The segment closes before the next Edit is counted: while it is
            # open its own Edit button is gone and the indices shift by one.
            expect(page.locator("li:has(textarea)")).to_have_count(0)
            saved += 1
    return saved


def test_a_translators_and_a_staff_members_day(
    demo, live_server, browser, artifacts, django_user_model
):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    sync_translator_groups()
    user(django_user_model, "tina", "Translators · fr-be")
    user(django_user_model, "remi", "Reviewers · fr-be")
    user(django_user_model, "staff", is_staff=True, is_superuser=True)
    base = live_server.url
    source = CampaignPage.objects.get(locale=Locale.get_default())
    fr_page = CampaignPage.objects.get(locale__language_code="fr-be")
    violations = {}

    # The translator: their column first, then the campaign.
    context, page = log_in(browser, base, "tina")
    page.goto(f"{base}/admin/translations/")
    columns = page.locator("[data-column]")
    expect(columns.first).to_have_attribute("data-column", "fr-be")
    page.screenshot(path=artifacts / "day-matrix-translator.png", full_page=True)
    page.locator("[data-campaign-link]").first.click()
    page.get_by_role("button", name="Translate segment by segment").click()
    page.wait_for_url(f"{base}/admin/pages/{fr_page.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # No Delete in the editor; Save draft is the primary button.
    expect(page.get_by_role("button", name="Delete")).to_have_count(0)
    save = page.locator('[data-campaign-action="save-draft"]')
    expect(save).to_have_class("button")
    saved = translate_every_segment(page, source.slug)
    assert saved >= 20
    page.screenshot(path=artifacts / "day-editor-translated.png", full_page=True)
    assert StringTranslation.objects.filter(
        locale=fr_page.locale, context__path="slug", data=NEW_SLUG
    ).exists()
    save.click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    page.locator('[data-campaign-action="submit"]').first.click()
    expect(page.get_by_text("Submitted for review.")).to_be_visible()
    page.screenshot(path=artifacts / "day-submitted.png", full_page=True)
    review = TranslationReview.objects.get(
        page=fr_page, status=TranslationReview.Status.SUBMITTED
    )
    assert review.revision.as_object().slug == NEW_SLUG
    context.close()

    # The reviewer's screen names fields and blocks, never ids.
    context, page = log_in(browser, base, "remi")
    page.goto(f"{base}/admin/translations/reviews/{review.pk}/")
    expect(page.locator("[data-review-changes]")).to_contain_text("Slug")
    page.screenshot(path=artifacts / "day-review.png", full_page=True)
    violations["review"] = axe(page)
    context.close()

    # Staff: the whole matrix at 1,280 px, the calendar and its .ics.
    context, page = log_in(browser, base, "staff")
    page.goto(f"{base}/admin/translations/")
    codes = page.locator("[data-column]").evaluate_all(
        "(cells) => cells.map((cell) => cell.dataset.column)"
    )
    assert sorted(codes) == sorted(
        Locale.objects.values_list("language_code", flat=True)
    )
    assert len(codes) == 15
    box = page.locator(".cm-matrix").bounding_box()
    for cell in page.locator("[data-column]").all():
        edge = cell.bounding_box()
        assert (
            box["x"] <= edge["x"]
            and edge["x"] + edge["width"] <= box["x"] + box["width"] + 1
        )
    page.screenshot(path=artifacts / "day-matrix-1280.png", full_page=True)
    violations["matrix"] = axe(page)

    when = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    for code in ("DK", "BE", "AU"):
        builders.schedule(
            source, Region.objects.get(code=code), when.strftime("%Y-%m-%d 09:00")
        )
    page.goto(f"{base}/admin/releases/calendar/?date={when:%Y-%m-%d}")
    page.screenshot(path=artifacts / "day-calendar.png", full_page=True)
    violations["calendar"] = axe(page)
    with page.expect_download() as download:
        page.locator('[data-export="ics"]').click()
    calendar = Calendar.from_ical(open(download.value.path(), "rb").read())
    assert len(calendar.walk("VEVENT")) == Release.objects.count() == 3

    # The rollout form: select-all, then Wagtail's date-time picker.
    page.goto(f"{base}/admin/releases/page/{source.pk}/plan/")
    page.get_by_role("button", name="Select all regions").click()
    regions = page.locator("input[data-rollout-region]")
    assert regions.count() == Region.objects.count()
    expect(page.locator("input[data-rollout-region]:not(:checked)")).to_have_count(0)
    page.locator("#id_go_live").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    picker.locator(".xdsoft_date:not(.xdsoft_disabled)").last.click()
    expect(page.locator("#id_go_live")).to_have_value(
        re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
    )
    page.keyboard.press("Escape")
    page.screenshot(path=artifacts / "day-rollout-form.png", full_page=True)
    violations["rollout form"] = axe(page)
    context.close()

    assert violations == {key: [] for key in violations}
