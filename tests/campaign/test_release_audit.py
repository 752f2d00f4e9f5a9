"""Every publish, unpublish and expiry a release makes says so in the page
history: the release, its rollout and who scheduled it (an admin account or
a command's operator)."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from campaign.models import Release, Rollout, TranslationReview
from campaign.releases import engine
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]


def approved(page):
    TranslationReview.objects.create(
        page=page,
        revision=page.save_revision(),
        status=TranslationReview.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return page


@pytest.fixture
def world():
    dk = builders.launch_ready(
        builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")
    )
    source = approved(builders.campaign_page(builders.campaign_index()))
    danish = approved(
        source.copy_for_translation(builders.locale("da-dk"), copy_parents=True)
    )
    return {"dk": dk, "source": source, "danish": danish}


def tomorrow(region) -> tuple[str, str]:
    """A go-live tomorrow and an expiry the day after, on the region's clock."""
    start = (timezone.now() + dt.timedelta(days=1)).astimezone(region.zone)
    end = start + dt.timedelta(days=1)
    return f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"


def entries(page, action: str):
    return list(PageLogEntry.objects.filter(page_id=page.pk, action=action))


def test_a_rollout_release_names_itself_its_rollout_and_its_planner_on_each_entry(
    world, admin_client, admin_user
):
    go_live, expire = tomorrow(world["dk"])
    response = admin_client.post(
        reverse("campaign_releases:plan", args=[world["source"].pk]),
        {
            "regions": [world["dk"].pk],
            "mode": "same_local_time",
            "go_live": go_live,
            "expire": expire,
        },
    )
    assert response.status_code == 302
    release, rollout = Release.objects.get(), Rollout.objects.get()

    assert engine.publish_release(release.pk, now=release.go_live_at).result == (
        "published"
    )
    [published] = entries(world["danish"], "wagtail.publish")
    assert published.user == admin_user
    assert published.data["release"] == {
        "id": release.pk,
        "event": "publish",
        "region": "DK",
        "rollout": rollout.pk,
        "scheduled_by": {"id": admin_user.pk, "username": admin_user.username},
        "operator": "",
    }

    assert engine.expire_release(release.pk, now=release.expire_at).result == (
        "expired"
    )
    [expired] = entries(world["danish"], "wagtail.unpublish.scheduled")
    assert expired.data["release"]["id"] == release.pk
    assert expired.data["release"]["event"] == "expiry"
    assert expired.data["release"]["rollout"] == rollout.pk
    assert expired.data["release"]["scheduled_by"]["username"] == admin_user.username


def test_a_command_release_names_its_operator_and_its_withdrawer(
    world, django_user_model
):
    go_live, _expire = tomorrow(world["dk"])
    call_command(
        "schedule_release", "--page", str(world["source"].pk), "--region", "DK",
        "--go-live", go_live, "--operator", "ops-bo", stdout=io.StringIO(),
    )  # fmt: skip
    release = Release.objects.get()
    engine.publish_release(release.pk, now=release.go_live_at)
    [published] = entries(world["danish"], "wagtail.publish")
    assert published.user is None
    assert published.data["release"]["id"] == release.pk
    assert published.data["release"]["operator"] == "ops-bo"
    assert published.data["release"]["scheduled_by"] is None
    assert published.data["release"]["rollout"] is None

    chief = django_user_model.objects.create_user("chief", password="x")
    engine.withdraw_region(release.pk, user=chief)
    [withdrawn] = entries(world["danish"], "wagtail.unpublish")
    assert withdrawn.user == chief
    assert withdrawn.data["release"]["id"] == release.pk
    assert withdrawn.data["release"]["event"] == "withdrawal"
    assert withdrawn.data["release"]["operator"] == "ops-bo"


def test_the_page_history_in_the_admin_still_reads(world, admin_client):
    go_live, _expire = tomorrow(world["dk"])
    release = builders.schedule(world["source"], world["dk"], go_live)
    engine.publish_release(release.pk, now=release.go_live_at)
    response = admin_client.get(
        reverse("wagtailadmin_pages:history", args=[world["danish"].pk])
    )
    assert response.status_code == 200
    assert "Published" in response.content.decode()
