"""The reach report in Chromium: charts drawn, small counts suppressed; the
screenshot in docs/ is taken from this test's artifact."""

import datetime as dt

from outreach.models import ReachCount
from tests.browser.conftest import ARTIFACTS, LIVE_SITE
from tests.browser.sign_in import sign_in
from tests.outreach.conftest import outreach_redis, world  # noqa: F401 (fixtures)

pytestmark = LIVE_SITE

PASSWORD = "report-pass-1"  # noqa: S105


def test_reach_report_shows_charts_and_suppresses_small_counts(
    live_server,
    page,
    world,  # noqa: F811
    django_user_model,
):
    a, b = world.variants
    day = dt.date(2026, 12, 1)
    rows = [(0, "BE", "nl-be", a, 4210, 301), (0, "BE", "nl-be", b, 4180, 212),
            (1, "BE", "nl-be", a, 3990, 287), (1, "BE", "nl-be", b, 4020, 199),
            (1, "INT", "ar", a, 7, 1)]  # fmt: skip
    for offset, region, locale, variant, shown, followed in rows:
        ReachCount.objects.create(
            day=day + dt.timedelta(days=offset), partner=world.partner,
            campaign=world.source, region=region, locale=locale, variant=variant,
            impressions=shown, clicks=followed,
        )  # fmt: skip
    django_user_model.objects.create_superuser("comms", "c@example.invalid", PASSWORD)
    page.set_viewport_size({"width": 1300, "height": 1600})
    sign_in(page, live_server.url, "comms", PASSWORD)
    page.goto(f"{live_server.url}/admin/outreach/reach/{world.source.pk}/")
    assert page.locator("svg[role=img]").count() == 2
    assert page.get_by_text("Leading: A").is_visible()
    assert page.locator("td", has_text="<10").count() >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "reach-report.png", full_page=False)
