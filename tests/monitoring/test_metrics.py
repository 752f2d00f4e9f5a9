"""/metrics: Prometheus text of the engine, only for whom the settings allow."""

import datetime as dt

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from campaign.models import Release
from tests.campaign import builders

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

TOKEN = "scrape-me"  # noqa: S105


@pytest.fixture
def releases():
    """Two published (0.2 s and 3 s late), one overdue, one blocked."""
    now = timezone.now()
    source = builders.campaign_page(builders.campaign_index())
    regions = [
        builders.region(code, "Europe/Brussels", name=code)
        for code in ("BE", "DK", "FR", "PL")
    ]

    def at(region, when, **fields):
        return Release.objects.create(
            page=source, region=region, go_live_at=when, **fields
        )

    published = Release.State.PUBLISHED
    at(regions[0], now, state=published, lateness=dt.timedelta(seconds=0.2))
    at(regions[1], now, state=published, lateness=dt.timedelta(seconds=3))
    at(regions[2], now - dt.timedelta(minutes=2))
    at(regions[3], now, state=Release.State.BLOCKED, blocked_reason="no approval")


def scrape(client, **headers) -> dict:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.content
    assert not response.cookies
    return {
        sample.name + str(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_metrics_are_off_without_a_token_or_networks(client, settings):
    settings.METRICS_BEARER_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics").status_code == 404


def test_a_wrong_or_missing_token_is_refused(client, settings):
    settings.METRICS_BEARER_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 403
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_an_allowed_network_needs_no_token(client, settings):
    settings.METRICS_BEARER_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    assert client.get("/metrics").status_code == 200  # the test client: 127.0.0.1
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get("/metrics").status_code == 403


def test_lateness_overdue_blocked_and_states_are_exposed(client, settings, releases):
    settings.METRICS_BEARER_TOKEN = TOKEN
    found = scrape(client, Authorization=f"Bearer {TOKEN}")
    bucket = "campaign_release_lateness_seconds_bucket"
    assert found[bucket + "[('le', '0.25')]"] == 1
    assert found[bucket + "[('le', '2.0')]"] == 1
    assert found[bucket + "[('le', '5.0')]"] == 2
    assert found[bucket + "[('le', '+Inf')]"] == 2
    assert found["campaign_release_lateness_seconds_count[]"] == 2
    assert found["campaign_release_lateness_seconds_sum[]"] == pytest.approx(3.2)
    assert found["campaign_releases_overdue[]"] == 1
    assert found["campaign_release_overdue_seconds[]"] >= 120
    assert found["campaign_releases_blocked[]"] == 1
    assert found["campaign_releases[('state', 'published')]"] == 2
    assert found["campaign_releases[('state', 'failed')]"] == 0


@pytest.mark.redis
def test_queue_depths_and_heartbeats_come_from_redis(client, settings):
    if not settings.REDIS_AVAILABLE:
        pytest.skip("needs Redis")
    settings.METRICS_BEARER_TOKEN = TOKEN
    found = scrape(client, Authorization=f"Bearer {TOKEN}")
    assert found["campaign_redis_up[]"] == 1
    assert f"campaign_queue_depth[('queue', '{settings.RELEASE_QUEUE}')]" in found
    assert "campaign_release_sweep_age_seconds[]" in found
