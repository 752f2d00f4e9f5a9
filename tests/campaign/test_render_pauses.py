"""Share-image renders pause between their steps around release instants.

A render under way is not stopped by a release (it started before the
sweep saw it, or it is past its postponements), but it holds at its pause
points (``config.workload.Hold``) from PAUSE_LEAD before an instant until
PAUSE_TAIL after the release went live, reading the instants once per
REFRESH, and for at most its limit in all. Time is a fake clock that the
hold's sleeps move on; the release worker is played by the test.
"""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign import publication
from campaign.models import CampaignPage, Release
from campaign.releases import sweep
from campaign.share_images.render import FORMATS, refresh_share_images
from config import workload
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]

NOW = dt.datetime(2027, 3, 1, 11, 0, tzinfo=dt.UTC)
LEAD = workload.PAUSE_LEAD
TAIL = workload.PAUSE_TAIL
SECOND = dt.timedelta(seconds=1)


class Clock:
    """A clock that only the hold's sleeps move; ``then`` runs after each."""

    def __init__(self, then=None):
        self.now, self.then, self.sleeps = NOW, then, []

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += dt.timedelta(seconds=seconds)
        if self.then:
            self.then(self.now)


def hold(clock: Clock, limit: float = 30) -> workload.Hold:
    return workload.Hold(
        dt.timedelta(seconds=limit),
        clock=clock,
        sleep=clock.sleep,
        near=workload.Instants(),
    )


@pytest.fixture
def release():
    region = builders.region("DK", "Europe/Copenhagen", "da-dk")
    page = builders.campaign_page(builders.campaign_index())
    return Release.objects.create(
        page=page, region=region, go_live_at=NOW + 60 * SECOND
    )


def due(release, at: dt.datetime) -> Release:
    release.go_live_at = at
    release.save(update_fields=["go_live_at"])
    return release


def publishes(release, after: dt.timedelta):
    """The release worker: publishes ``release`` once the clock passes its
    instant and ``after``."""

    def then(now: dt.datetime) -> None:
        if now >= release.go_live_at + after and release.state != "published":
            release.state = Release.State.PUBLISHED
            release.published_at = release.go_live_at + after
            release.save(update_fields=["state", "published_at"])

    return then


def test_work_goes_on_at_once_when_no_release_is_near(release):
    clock = Clock()
    pause = hold(clock)
    assert pause() == 0 and clock.sleeps == []


def test_a_pause_point_reads_the_instants_once_per_refresh(release):
    clock = Clock()
    pause = hold(clock)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(50):  # 50 steps within one REFRESH
            pause()
            clock.now += workload.REFRESH / 100
        assert len(queries) == 1
        clock.now += workload.REFRESH
        pause()
        assert len(queries) == 2


def test_a_step_waits_from_the_lead_until_the_tail_after_the_release_went_live(
    release,
):
    due(release, NOW + LEAD / 2)  # inside the lead: no step starts now
    clock = Clock(then=publishes(release, after=dt.timedelta(milliseconds=80)))
    pause = hold(clock)
    slept = pause()
    went_live = release.go_live_at + dt.timedelta(milliseconds=80)
    assert clock.now == went_live + TAIL
    assert slept == pytest.approx((went_live + TAIL - NOW).total_seconds())
    assert max(clock.sleeps) <= workload.REFRESH.total_seconds()
    assert pause() == 0  # the tail is over: the next step goes on


def test_an_instant_beyond_the_lead_lets_the_step_run(release):
    due(release, NOW + LEAD + SECOND / 10)
    assert hold(Clock())() == 0


def test_a_release_never_published_holds_work_only_up_to_the_limit(release):
    due(release, NOW)  # overdue and still scheduled: a wave being published
    clock = Clock()
    pause = hold(clock, limit=7)
    assert pause() == pytest.approx(7)
    assert pause.held == pytest.approx(7)
    assert pause() == 0  # past its limit the work goes on regardless


def test_releases_half_a_second_apart_hold_work_until_the_last_has_gone_live(
    release,
):
    regions = [
        builders.region(code, "Europe/Paris", language)
        for code, language in (("FR", "fr-fr"), ("BE", "nl-be"), ("ES", "es-es"))
    ]
    releases = [release] + [
        Release.objects.create(page=release.page, region=region, go_live_at=NOW)
        for region in regions
    ]
    for number, each in enumerate(releases):
        due(each, NOW + SECOND / 2 * (number + 1))
    workers = [publishes(each, after=dt.timedelta(0)) for each in releases]
    clock = Clock(then=lambda now: [worker(now) for worker in workers])
    hold(clock)()
    assert clock.now == releases[-1].go_live_at + TAIL


def test_instants_count_what_is_due_being_published_or_just_went_live(release):
    ahead, behind = 2 * SECOND, TAIL
    due(release, NOW + SECOND)
    assert sweep.instants(NOW, behind, ahead) == [NOW + SECOND]
    due(release, NOW - 40 * SECOND)  # overdue, still scheduled: live now
    assert sweep.instants(NOW, behind, ahead) == [NOW]
    release.state = Release.State.PUBLISHED
    release.published_at = NOW - SECOND / 2
    release.save()
    assert sweep.instants(NOW, behind, ahead) == [NOW - SECOND / 2]
    release.published_at = NOW - 2 * SECOND  # its first readers are served
    release.save()
    assert sweep.instants(NOW, behind, ahead) == []
    due(release, NOW + 3 * SECOND)
    release.state = Release.State.SCHEDULED
    release.save()
    assert sweep.instants(NOW, behind, ahead) == []  # beyond what was asked


# A render ------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": local, "renditions": {**local, "LOCATION": "r"}}
    return tmp_path


def live_page(index) -> CampaignPage:
    value = {"headline": "Stop", "standfirst": "", "image": None, "alt_text": ""}
    body = [{"type": "hero", "value": value, "id": str(uuid.uuid4())}]
    page = CampaignPage(title="Stop", slug="stop-now", body=body, live=False)
    index.add_child(instance=page)
    with publication.permitted("test"):
        page.save_revision().publish()
    return page


def test_a_render_held_by_releases_stores_its_cards_once_its_limit_is_reached(
    media, release
):
    page = live_page(release.page.get_parent())
    due(release, NOW)  # a release that keeps the machine busy throughout
    clock = Clock()
    pause = hold(clock, limit=12)
    stored = refresh_share_images(page, pause=pause)
    assert set(stored) == {fmt.field for fmt in FORMATS}
    assert pause.held == pytest.approx(12)
    assert clock.now == NOW + 12 * SECOND


def test_a_render_with_no_release_near_never_pauses(media, release):
    page = live_page(release.page.get_parent())
    clock = Clock()
    pause = hold(clock)
    assert refresh_share_images(page, pause=pause) is not None
    assert clock.sleeps == []
