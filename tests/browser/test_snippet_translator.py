"""A translator's day with a helpline, in a real browser.

Belgium's helplines are written in fr-be and translated into nl-be and
de-be. The demo translates all of them, so an editor adds a new one in
fr-be: until its nl-be translation is approved, the nl-be page shows it in
French. The nl-be translator finds it in the status matrix, translates its
texts in our workspace and saves a draft (the public page does not change),
then submits it; an nl-be reviewer approves it, which publishes it at once.
"""

from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale

from campaign.models import Helpline, Region, TranslationReview
from tests.browser.conftest import LIVE_SITE
from tests.browser.test_translator import PASSWORD, csp_watch, group_named, log_in
from translations.permissions import sync_translator_groups

pytestmark = LIVE_SITE

FR = {
    "name": "Ligne des proches (exemple)",
    "description": "Pour qui s'inquiète des pensées d'un proche.",
    "languages": "Français, néerlandais",
    "anonymity_note": "Anonyme. Les appels ne sont pas enregistrés.",
}
#: The workspace's labels (the fields' verbose names) and what the
#: translator types there.
NL = {
    "Name": "Lijn voor naasten (voorbeeld)",
    "What it offers": "Voor wie zich zorgen maakt over de gedachten van een naaste.",
    "Languages": "Frans, Nederlands",
    "Confidentiality": "Anoniem. Gesprekken worden niet opgenomen.",
}


def open_menu(page, section: str, item: str) -> None:
    """Open an item of a submenu of Wagtail's sidebar."""
    sidebar = page.get_by_role("navigation", name="Main menu")
    sidebar.get_by_role("button", name=section).click()
    sidebar.get_by_role("link", name=item).click()


def test_helpline_translator_drafts_submits_reviewer_approves_and_publishes(
    demo, live_server, browser, artifacts, django_user_model
):
    sync_translator_groups()
    for username, group in (
        ("nora", "Translators · nl-be"),
        ("ruben", "Reviewers · nl-be"),
    ):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.invalid", PASSWORD
        )
        user.groups.add(group_named(group))
    base = live_server.url
    source = Helpline(
        region=Region.objects.get(code="BE"),
        locale=Locale.objects.get(language_code="fr-be"),
        phone="+3225550100",
        always_open=True,
        is_example=True,
        sort_order=9,
        **FR,
    )
    source.full_clean()
    source.save()
    public_url = demo("nl-be")
    workspace_url = base + reverse(
        "campaign_translations:snippet", args=["helpline", source.pk, "nl-be"]
    )

    # Readers of the nl-be page see the new helpline in French.
    anonymous = browser.new_context()
    public = anonymous.new_page()
    public.goto(public_url)
    expect(public.get_by_role("heading", name=FR["name"])).to_be_visible()
    expect(public.get_by_text(FR["name"])).to_have_attribute("lang", "fr-be")

    # The translator: Translation → Status, Belgium, the helpline's row.
    translator = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = translator.new_page()
    problems = csp_watch(page)
    log_in(page, base, "nora")
    open_menu(page, "Translation", "Status")
    page.wait_for_url(f"{base}/admin/translations/")
    page.get_by_label("Region").select_option("BE")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(f"{base}/admin/translations/?region=BE*")
    row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=f"{FR['name']} (BE)", exact=True)
    )
    expect(row.locator('td[data-locale="fr-be"]')).to_have_attribute(
        "data-state", "source"
    )
    nl_cell = row.locator('td[data-locale="nl-be"]')
    expect(nl_cell).to_have_attribute("data-state", "missing")
    # Not their locale: nothing to open.
    expect(row.locator('td[data-locale="de-be"]').get_by_role("link")).to_have_count(0)
    page.screenshot(path=artifacts / "snippet-status.png", full_page=True)
    nl_cell.get_by_role("link", name="Start").click()
    page.wait_for_url(workspace_url)
    page.get_by_role("button", name="Start the translation").click()

    # Every text, beside its source.
    workspace = page.locator("[data-translation-workspace]")
    for text in FR.values():
        expect(workspace.get_by_role("cell", name=text, exact=True)).to_be_visible()
    for label, text in NL.items():
        field = page.get_by_label(label, exact=True)
        expect(field).to_have_value("")
        field.fill(text)
    page.get_by_role("button", name="Save draft").click()
    expect_message(page, "Draft saved. What readers see has not changed.")
    for label, text in NL.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(text)
    screenshot(page, artifacts / "snippet-workspace.png")

    # The draft is the translator's alone.
    public.goto(public_url)
    expect(public.get_by_role("heading", name=FR["name"])).to_be_visible()
    expect(public.get_by_text(NL["Name"])).to_have_count(0)
    expect(public.get_by_text(NL["Confidentiality"])).to_have_count(0)
    public.locator("li.helpline", has_text=FR["name"]).screenshot(
        path=artifacts / "snippet-public-after-draft.png"
    )

    page.get_by_role("button", name="Submit for review").click()
    expect_message(page, "Submitted for review.")
    expect(nl_state(page)).to_have_attribute("data-state", "submitted")
    screenshot(page, artifacts / "snippet-submitted.png")
    review = TranslationReview.objects.get(
        translation_key=source.translation_key,
        status=TranslationReview.Status.SUBMITTED,
    )
    assert review.content["fields"] == dict(zip(FR, NL.values(), strict=True))
    public.goto(public_url)
    expect(public.get_by_role("heading", name=FR["name"])).to_be_visible()

    # An nl-be reviewer: Translation → Review, the helpline, Approve.
    reviewer = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = reviewer.new_page()
    problems += csp_watch(page)
    log_in(page, base, "ruben")
    open_menu(page, "Translation", "Review")
    page.wait_for_url(f"{base}/admin/translations/reviews/")
    queue = page.locator("table[data-review-queue]")
    queue.get_by_role("link", name=NL["Name"]).click()
    changes = page.locator("table[data-review-changes]")
    for label, text in NL.items():
        changed = changes.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=label)
        )
        expect(changed).to_have_attribute("data-changed", "")
        expect(changed.get_by_role("cell", name=text)).to_be_visible()
    page.screenshot(path=artifacts / "snippet-review.png", full_page=True)
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url(f"{base}/admin/translations/reviews/")
    expect_message(page, f"Approved and published: readers now see “{NL['Name']}”.")
    expect(queue).to_contain_text("Nothing is waiting for your review.")
    screenshot(page, artifacts / "snippet-approved.png")
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.APPROVED

    # Published at once: the nl-be page shows the helpline in Dutch.
    public.goto(public_url)
    heading = public.get_by_role("heading", name=NL["Name"])
    expect(heading).to_be_visible()
    expect(public.get_by_text(NL["Name"])).not_to_have_attribute("lang", "fr-be")
    expect(public.get_by_text(FR["name"])).to_have_count(0)
    helpline = public.locator("li.helpline", has=heading)
    for text in NL.values():
        expect(helpline).to_contain_text(text)
    helpline.screenshot(path=artifacts / "snippet-public-published.png")
    # The nl-be row keeps the source's number and hours.
    nl_row = Helpline.objects.get(
        translation_key=source.translation_key, locale__language_code="nl-be"
    )
    assert (nl_row.phone, nl_row.always_open) == (source.phone, True)

    page.goto(f"{base}/admin/translations/?region=BE")
    expect(
        page.get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=f"{FR['name']} (BE)"))
        .locator('td[data-locale="nl-be"]')
    ).to_have_attribute("data-state", "live")
    for context in (anonymous, translator, reviewer):
        context.close()
    assert problems == []


def expect_message(page, text: str) -> None:
    """Wagtail's message ``text``, shown (its list fades in once the page
    is ready, so a screenshot taken then shows it)."""
    messages = page.get_by_role("status").filter(has_text=text)
    expect(messages.get_by_role("list")).to_have_css("opacity", "1")


def screenshot(page, path) -> None:
    page.screenshot(path=path, full_page=True, animations="disabled")


def nl_state(page):
    """The state the workspace shows for its translation."""
    return page.locator("[data-translation-workspace] span[data-state]")
