"""A translator's day on the demo, in a real browser.

The fr-be translator opens the campaign from the status matrix, translates
it in wagtail-localize's editor, saves a draft (the public page does not
change), submits it; a fr-be reviewer approves it; once published, the
public page shows the translation.
"""

from playwright.sync_api import expect

from campaign import publication
from campaign.models import CampaignPage, TranslationReview
from tests.browser.conftest import LIVE_SITE
from tests.browser.sign_in import sign_in
from translations.permissions import sync_translator_groups

pytestmark = LIVE_SITE

PASSWORD = "pw-123456"  # noqa: S105 (test users only)
NEW_HEADLINE = "Créer ces images avec une IA est un crime, sans exception"


def log_in(page, base: str, username: str) -> None:
    sign_in(page, base, username, PASSWORD)


def csp_watch(page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return problems


def headline_of(public, url: str) -> str:
    public.goto(url)
    return public.locator("h1").first.inner_text()


def test_translator_drafts_submits_reviewer_approves_release_publishes(
    demo, live_server, browser, artifacts, django_user_model
):
    sync_translator_groups()
    for username, group in (
        ("tina", "Translators · fr-be"),
        ("remi", "Reviewers · fr-be"),
    ):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.invalid", PASSWORD
        )
        user.groups.add(group_named(group))
    base = live_server.url
    fr_page = CampaignPage.objects.get(locale__language_code="fr-be")
    source = CampaignPage.objects.get(locale__language_code="en")
    public_url = demo("fr-be")
    old_headline = fr_page.body[0].value["headline"]

    anonymous = browser.new_context()
    public = anonymous.new_page()
    assert headline_of(public, public_url) == old_headline

    # The translator: status matrix, then the page in their locale.
    translator = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = translator.new_page()
    problems = csp_watch(page)
    log_in(page, base, "tina")
    page.goto(f"{base}/admin/translations/?region=BE")
    cell = page.locator('td[data-locale="fr-be"]').first
    expect(cell).to_have_attribute("data-state", "live")
    page.screenshot(path=artifacts / "translator-status.png", full_page=True)
    cell.get_by_role("link", name="Review status").click()
    expect(page.locator("[data-translation-workspace]")).to_be_visible()
    page.screenshot(path=artifacts / "translator-workspace.png", full_page=True)
    page.get_by_role("button", name="Translate segment by segment").click()

    # wagtail-localize's editor, with our banner above it.
    page.wait_for_url(f"{base}/admin/pages/{fr_page.pk}/edit/")
    banner = page.locator("[data-campaign-translation-actions]")
    expect(banner).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=artifacts / "translator-editor-open.png", full_page=True)
    segment = page.locator("li", has=page.get_by_text(source_headline(source)))
    segment = segment.filter(has=page.get_by_role("button", name="Edit")).last
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(NEW_HEADLINE)
    with page.expect_response(lambda r: "/strings/" in r.url) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok
    page.screenshot(path=artifacts / "translator-editor.png", full_page=True)

    page.get_by_role("button", name="Save draft").click()
    expect(
        page.get_by_text("Draft saved. The live page has not changed.")
    ).to_be_visible()
    assert headline_of(public, public_url) == old_headline
    public.screenshot(path=artifacts / "translator-public-after-draft.png")

    page.get_by_role("button", name="Submit for review").first.click()
    expect(page.get_by_text("Submitted for review.")).to_be_visible()
    page.screenshot(path=artifacts / "translator-submitted.png", full_page=True)
    # The demo's own pages come with approved reviews; ours waits.
    review = TranslationReview.objects.get(
        page=fr_page, status=TranslationReview.Status.SUBMITTED
    )
    assert review.status == TranslationReview.Status.SUBMITTED
    assert headline_of(public, public_url) == old_headline

    # The reviewer of fr-be approves it.
    reviewer = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = reviewer.new_page()
    problems += csp_watch(page)
    log_in(page, base, "remi")
    page.goto(f"{base}/admin/translations/reviews/")
    queue = page.locator("table[data-review-queue]")
    page.screenshot(path=artifacts / "reviewer-queue.png", full_page=True)
    queue.get_by_role("link", name=fr_page.title).click()
    expect(page.locator("tr[data-changed]").first).to_contain_text(NEW_HEADLINE)
    page.fill("textarea[name=comment]", "Parfait, merci.")
    page.screenshot(path=artifacts / "reviewer-decision.png", full_page=True)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved.")).to_be_visible()
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.APPROVED
    assert TranslationReview.approved_revision(fr_page) == review.revision
    assert headline_of(public, public_url) == old_headline

    # The region's release publishes the approved revision (Wagtail publish).
    with publication.permitted("test"):
        TranslationReview.approved_revision(fr_page).publish()
    assert headline_of(public, public_url) == NEW_HEADLINE
    public.screenshot(path=artifacts / "translator-public-published.png")

    page.goto(f"{base}/admin/translations/?region=BE")
    expect(page.locator('td[data-locale="fr-be"]').first).to_have_attribute(
        "data-state", "live"
    )
    page.screenshot(path=artifacts / "reviewer-status.png", full_page=True)
    for context in (anonymous, translator, reviewer):
        context.close()
    # wagtail-localize's editor included (see with_editor_policy).
    assert problems == []


def group_named(name: str):
    from django.contrib.auth.models import Group

    return Group.objects.get(name=name)


def source_headline(source: CampaignPage) -> str:
    return source.body[0].value["headline"]
