"""One release through a real worker and beat: the wiring works end to end."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from campaign.models import CampaignPage, Release, TranslationReview
from tests.campaign import builders
from tests.integration.support import slack

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_release_goes_live_through_worker_and_beat(celery_stack):
    region = builders.launch_ready(builders.region("DK", "Europe/Copenhagen", "da-dk"))
    source = builders.campaign_page(builders.campaign_index())
    page = source.copy_for_translation(builders.locale("da-dk"), copy_parents=True)
    revision = page.save_revision()
    TranslationReview.objects.create(
        page=page, revision=revision, status="approved", decided_at=timezone.now()
    )
    celery_stack.start()
    go_live = timezone.now().replace(microsecond=0) + dt.timedelta(seconds=4)
    wall = go_live.astimezone(region.zone).replace(tzinfo=None)
    release = builders.schedule(source, region, wall)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        release.refresh_from_db()
        if release.state != Release.State.SCHEDULED:
            break
        time.sleep(0.1)
    assert release.state == Release.State.PUBLISHED, celery_stack.logs()
    assert CampaignPage.objects.get(pk=page.pk).live
    # Never early; how late is the benchmark's business (make bench).
    assert release.published_at >= release.go_live_at
    assert release.lateness < dt.timedelta(seconds=slack(celery_stack))
