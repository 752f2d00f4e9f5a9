"""An editor sees before submitting which region is not ready and why, and
previews the page in the admin's preview pane, then as Belgium at a moment."""

import datetime as dt

import pytest

from campaign.models import OpeningHours, TranslationReview
from tests.browser.sign_in import sign_in
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
    help_block = {"heading": "Get help", "text": ""}
    source = builders.campaign_page(
        builders.campaign_index(),
        body=[{"type": "help_call_to_action", "value": help_block}],
    )
    denmark = builders.launch_ready(
        builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")
    )
    belgium_region = builders.launch_ready(
        builders.region("BE", "Europe/Brussels", "fr-be", name="Belgium")
    )
    helpline = belgium_region.helplines.get()
    helpline.name = "Stop it now Belgium"
    helpline.save()
    OpeningHours.objects.create(
        helpline=helpline, weekday=2, opens=dt.time(9), closes=dt.time(17)
    )
    dk = source.copy_for_translation(builders.locale("da-dk"), copy_parents=True)
    TranslationReview.objects.create(
        page=dk, revision=dk.save_revision(), status="approved"
    )
    assert denmark.helplines.exists()
    django_user_model.objects.create_superuser("comms", "c@example.invalid", PASSWORD)

    sign_in(page, live_server.url, "comms", PASSWORD)

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

    # Switched to Belgium (a preview mode) at a chosen moment (at=, the
    # region's wall time): Belgium's helpline, open on Wednesday 09:00.
    page.select_option("#id_preview_mode", "region:BE")
    frame.get_by_text("Stop it now Belgium").wait_for(timeout=15_000)
    preview = f"{live_server.url}/admin/pages/{source.pk}/edit/preview/"
    page.goto(f"{preview}?mode=region:BE&at=2027-03-10 09:00")
    assert "Open now" in page.locator(".helpline").first.inner_text()
    page.goto(f"{preview}?mode=region:BE&at=2027-03-10 08:00")
    assert "Closed now" in page.locator(".helpline").first.inner_text()
