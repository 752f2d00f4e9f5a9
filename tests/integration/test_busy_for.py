"""How long releases need the workers, for work that steps aside for them.

Share images step aside while ``release_sweep.busy_for`` says releases need the
worker processes (campaign/releases/tasks.py, RENDER_YIELD); the benchmark measures
what that does to lateness. Here, the estimate itself, with a fixed clock.
"""

import datetime as dt

import pytest

from campaign.models import Release
from campaign.releases import sweep as release_sweep
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]

NOW = dt.datetime(2027, 3, 1, 11, 0, tzinfo=dt.UTC)
AHEAD = dt.timedelta(seconds=5)


@pytest.fixture
def release():
    region = builders.region("DK", "Europe/Copenhagen", "da-dk")
    page = builders.campaign_page(builders.campaign_index())
    return Release.objects.create(page=page, region=region, go_live_at=NOW)


def at(release, seconds: float, state=Release.State.SCHEDULED) -> None:
    release.go_live_at = NOW + dt.timedelta(seconds=seconds)
    release.state = state
    release.save()


def test_nothing_due_leaves_the_workers_free(release):
    at(release, 60)
    assert release_sweep.busy_for(AHEAD, now=NOW) == dt.timedelta(0)


def test_an_instant_close_ahead_keeps_them_until_it_and_its_publish(release):
    at(release, 3)
    busy = release_sweep.busy_for(AHEAD, now=NOW)
    assert busy == dt.timedelta(seconds=3) + release_sweep.RELEASE_COST


def test_a_wave_still_being_published_keeps_them_for_its_size(release):
    at(release, -40)  # overdue: its wake-up waits in the queue
    assert release_sweep.busy_for(AHEAD, now=NOW) == release_sweep.RELEASE_COST


def test_releases_long_overdue_or_done_do_not_count(release):
    at(release, -release_sweep.OVERDUE_GRACE.total_seconds() - 1)
    assert not release_sweep.busy_for(AHEAD, now=NOW)
    at(release, 1, state=Release.State.PUBLISHED)
    assert not release_sweep.busy_for(AHEAD, now=NOW)
