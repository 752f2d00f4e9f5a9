"""A communications user plans a rollout in the admin; a real worker publishes it.

Three regions, one time each, seconds apart: each public page answers at
its instant and not before, while the later regions still answer 404.
"""

import datetime as dt
import time
import urllib.error
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from campaign.models import Release, TranslationReview
from tests.browser.conftest import ARTIFACTS
from tests.browser.sign_in import sign_in
from tests.campaign import builders

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: Region, zone, locale, seconds from the moment the form is filled in.
WAVE = [
    ("DK", "Europe/Copenhagen", "da-dk", "Denmark", 8),
    ("GB", "Europe/London", "en-gb", "United Kingdom", 12),
    ("AU", "Australia/Sydney", "en-au", "Australia", 16),
]
PASSWORD = "pw-rollout-123"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def build_campaign():
    """A source page and an approved, unpublished translation per region.

    ``copy_parents`` makes the home and index pages of each locale live
    aliases, so only the campaign pages wait for their release.
    """
    source = builders.campaign_page(builders.campaign_index())
    for code, zone, locale, name, _ in WAVE:
        builders.launch_ready(builders.region(code, zone, locale, name=name))
        page = source.copy_for_translation(builders.locale(locale), copy_parents=True)
        TranslationReview.objects.create(
            page=page,
            revision=page.save_revision(),
            status=TranslationReview.Status.APPROVED,
            decided_at=timezone.now(),
        )
    return source


def test_rollout_planned_in_the_admin_goes_live_region_by_region(
    live_server, page, celery_stack, django_user_model
):
    ARTIFACTS.mkdir(exist_ok=True)
    source = build_campaign()
    django_user_model.objects.create_superuser("comms", "c@example.invalid", PASSWORD)
    public = {code: f"{live_server.url}/{locale}/campaigns/stop/"
              for code, _, locale, _, _ in WAVE}  # fmt: skip
    assert status(f"{live_server.url}/en/campaigns/stop/") == 200
    assert {code: status(url) for code, url in public.items()} == {
        "DK": 404, "GB": 404, "AU": 404,
    }  # fmt: skip
    celery_stack.start()  # the data above is committed: the worker sees it

    page.set_viewport_size({"width": 1400, "height": 1500})
    sign_in(page, live_server.url, "comms", PASSWORD)

    page.goto(f"{live_server.url}/admin/pages/{source.pk}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Plan a rollout").click()
    page.wait_for_url("**/admin/releases/page/*/plan/")

    page.get_by_label("one time per region").check()
    instants = {}
    now = timezone.now().replace(microsecond=0)
    for code, zone, _, name, seconds in WAVE:
        page.get_by_label(f"{name} ({code}), {zone}").check()
        instant = now + dt.timedelta(seconds=seconds)
        wall = instant.astimezone(ZoneInfo(zone))
        page.fill(f"#id_go_live_{code.lower()}", f"{wall:%Y-%m-%d %H:%M:%S}")
        instants[code] = instant
    assert page.locator("#id_go_live").is_hidden()  # the shared time is not used
    page.screenshot(path=ARTIFACTS / "rollout-form.png", full_page=True)
    # The click goes to the button itself: Wagtail's date-time picker, still
    # open over the form after typing, would take a pointer click.
    page.get_by_role("button", name="Schedule the rollout").dispatch_event("click")

    page.wait_for_url("**/admin/releases/rollout/*/")
    svg = page.locator("svg.cm-timeline__svg")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("g.cm-timeline__row").count() == 3
    for code, _, _, name, _ in WAVE:
        assert svg.get_by_text(f"{name} ({code})", exact=True).count() == 1
    page.screenshot(path=ARTIFACTS / "rollout-timeline.png", full_page=True)
    assert timezone.now() < instants["DK"], "the first instant passed already"

    for index, (code, *_rest) in enumerate(WAVE):
        deadline = instants[code] + dt.timedelta(seconds=5)
        while status(public[code]) != 200:
            assert timezone.now() < deadline, (
                f"{code} did not go live\n{celery_stack.logs()}"
            )
            time.sleep(0.1)
        live_at = timezone.now()
        assert live_at >= instants[code], f"{code} went live early"
        for later, *_ in WAVE[index + 1 :]:
            assert timezone.now() < instants[later]
            assert status(public[later]) == 404, f"{later} is live before its time"

    releases = Release.objects.select_related("region")
    assert {r.region.code: r.state for r in releases} == {
        "DK": "published", "GB": "published", "AU": "published",
    }  # fmt: skip
    for release in releases:
        assert dt.timedelta(0) <= release.lateness < dt.timedelta(seconds=2)

    page.reload()
    states = page.locator("svg.cm-timeline__svg tspan").all_text_contents()
    assert states == ["published"] * 3
    page.screenshot(path=ARTIFACTS / "rollout-timeline-published.png", full_page=True)
