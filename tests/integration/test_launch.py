"""The demo campaign, taken offline, goes live again in all 11 regions
through a real worker and beat, with no override: the demo is launch-ready
(approvals of every locale, the source's included; legal texts signed off
and not due; helplines everywhere)."""

import datetime as dt

import pytest
from django.utils import timezone

from campaign.models import CampaignPage, Region
from campaign.releases import engine
from tests.demo_copy import load_demo
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_demo_campaign_goes_live_in_every_region_with_no_override(celery_stack):
    load_demo()  # tests/demo_copy.py
    source = CampaignPage.objects.get(locale__language_code="en")
    engine.withdraw_campaign(source)
    translations = CampaignPage.objects.filter(translation_key=source.translation_key)
    assert not translations.live().exists()
    regions = list(Region.objects.order_by("code"))
    assert len(regions) == 11

    celery_stack.start()
    instant = timezone.now().replace(microsecond=0) + dt.timedelta(seconds=4)
    releases = [engine.schedule(source, region, instant) for region in regions]
    support.published_with_no_override(
        releases, instant, celery_stack, "every demo release published"
    )
    assert translations.live().count() == translations.count() == 15
