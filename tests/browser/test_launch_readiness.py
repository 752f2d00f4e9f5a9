"""An editor sees before submitting which region is not ready and why, and
previews the page in the admin's preview pane for another region."""

import pytest

from campaign.models import TranslationReview
from tests.campaign import builders

pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "pw-readiness-123"


def test_the_rollout_form_says_which_region_is_not_ready_and_why(
    live_server, page, django_user_model
):
    source = builders.campaign_page(builders.campaign_index())
    denmark = builders.launch_ready(
        builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")
    )
    builders.launch_ready(
        builders.region("BE", "Europe/Brussels", "fr-be", name="Belgium")
    )
    dk = source.copy_for_translation(builders.locale("da-dk"), copy_parents=True)
    TranslationReview.objects.create(
        page=dk, revision=dk.save_revision(), status="approved"
    )
    assert denmark.helplines.exists()
    django_user_model.objects.create_superuser("comms", "c@example.invalid", PASSWORD)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "comms")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/releases/page/{source.pk}/plan/")
    belgium = page.locator('[data-readiness="BE"]')
    assert belgium.get_attribute("data-ready") == "no"
    assert "fr-be has no translation of this page." in belgium.inner_text()
    assert page.locator('[data-readiness="DK"]').get_attribute("data-ready") == "yes"

    # The preview pane frames the preview (frame-ancestors 'self').
    page.goto(f"{live_server.url}/admin/pages/{source.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("iframe[title]").first
    heading = frame.locator("h1").first.inner_text(timeout=15_000)
    assert heading == "Stop before you start"
