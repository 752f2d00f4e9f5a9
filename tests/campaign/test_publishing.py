"""The publication engine, called directly with an injected clock."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection
from wagtail.models import PageLogEntry

from campaign.models import CampaignPage, Release, TranslationReview
from campaign.releases import engine as publishing
from campaign.releases import sweep as release_sweep
from tests.campaign import builders

UTC = dt.UTC
NOON = dt.datetime(2027, 3, 1, 11, 0, tzinfo=UTC)  # 12:00 in Brussels


def approve(page, user=None):
    revision = page.save_revision(user=user)
    return TranslationReview.objects.create(
        page=page,
        revision=revision,
        status=TranslationReview.Status.APPROVED,
        decided_by=user,
        decided_at=dt.datetime.now(UTC),
    )


def translate(source, code: str, title: str) -> CampaignPage:
    page = source.copy_for_translation(builders.locale(code), copy_parents=True)
    page.title = title
    page.save_revision()
    return page.specific


def publish_entries(page) -> int:
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()


@pytest.fixture
def campaign(django_user_model):
    editor = django_user_model.objects.create_user("editor", "ed@example.org", "x")
    region = builders.launch_ready(
        builders.region("BE", "Europe/Brussels", "fr-be", "nl-be", name="Belgium")
    )
    builders.region("INT", "UTC", "en")
    index = builders.campaign_index()
    source = builders.campaign_page(index)
    source.owner = editor
    source.save()
    return {
        "editor": editor,
        "region": region,
        "source": source,
        "fr": translate(source, "fr-be", "Arrêtez avant de commencer"),
        "nl": translate(source, "nl-be", "Stop voor je begint"),
    }


def scheduled(campaign, wall="2027-03-01 12:00") -> Release:
    return builders.schedule(
        campaign["source"], campaign["region"], wall, user=campaign["editor"]
    )


@pytest.mark.django_db
def test_schedule_stores_the_region_wall_time_in_utc(campaign):
    release = scheduled(campaign)
    assert release.go_live_at == NOON
    assert release.go_live_local == "2027-03-01 12:00 CET (UTC+01:00)"
    assert release.state == Release.State.SCHEDULED


@pytest.mark.django_db
def test_expiry_before_go_live_is_refused(campaign):
    with pytest.raises(Exception, match="expiry must come after"):
        builders.schedule(
            campaign["source"],
            campaign["region"],
            "2027-03-01 12:00",
            "2027-03-01 11:00",
        )


@pytest.mark.django_db
def test_release_is_not_published_before_its_instant(campaign):
    release = scheduled(campaign)
    for page in ("fr", "nl"):
        approve(campaign[page])
    outcome = publishing.publish_release(release.pk, now=NOON - dt.timedelta(seconds=1))
    assert outcome.result == "not_due"
    assert not CampaignPage.objects.get(pk=campaign["fr"].pk).live


@pytest.mark.django_db
def test_release_is_blocked_when_a_locale_has_no_approved_translation(campaign):
    approve(campaign["fr"])
    release = scheduled(campaign)
    outcome = publishing.publish_release(release.pk, now=NOON)
    assert outcome.result == "blocked"
    release.refresh_from_db()
    assert release.state == Release.State.BLOCKED
    assert "nl-be translation is not approved" in release.blocked_reason
    assert not CampaignPage.objects.get(pk=campaign["fr"].pk).live  # not half published


@pytest.mark.django_db
def test_release_is_blocked_when_a_locale_has_no_translation(campaign):
    from campaign.models import RegionLocale

    RegionLocale.objects.create(
        region=campaign["region"], locale=builders.locale("de-be")
    )
    for page in ("fr", "nl"):
        approve(campaign[page])
    outcome = publishing.publish_release(scheduled(campaign).pk, now=NOON)
    assert outcome.result == "blocked"
    assert "de-be has no translation" in outcome.detail


@pytest.mark.django_db
def test_due_release_publishes_each_approved_translation_once_attributed(campaign):
    for page in ("fr", "nl"):
        approve(campaign[page])
    campaign["fr"].title = "Draft after approval"
    campaign["fr"].save_revision()  # a newer, unapproved draft must not go out
    release = scheduled(campaign)

    outcome = publishing.publish_release(release.pk, now=NOON + dt.timedelta(seconds=2))

    assert outcome.result == "published"
    fr = CampaignPage.objects.get(pk=campaign["fr"].pk)
    assert fr.live and fr.title == "Arrêtez avant de commencer"
    assert CampaignPage.objects.get(pk=campaign["nl"].pk).live
    assert CampaignPage.objects.get(pk=campaign["source"].pk).live  # INT untouched
    release.refresh_from_db()
    assert release.state == Release.State.PUBLISHED
    assert release.attempts == 1
    assert release.lateness >= dt.timedelta(0)
    entry = PageLogEntry.objects.get(page=fr, action="wagtail.publish")
    assert entry.user == campaign["editor"]

    again = publishing.publish_release(release.pk, now=NOON + dt.timedelta(seconds=3))
    assert again.result == "skipped"
    assert publish_entries(fr) == 1


@pytest.mark.django_db
def test_override_publishes_the_latest_revision_and_is_logged(campaign):
    approve(campaign["fr"])
    release = scheduled(campaign)
    assert publishing.publish_release(release.pk, now=NOON).result == "blocked"
    publishing.override_gate(release, campaign["editor"], "Approved by phone")
    assert PageLogEntry.objects.filter(action="campaign.release.override").count() == 1
    outcome = publishing.publish_release(release.pk, now=NOON)
    assert outcome.result == "published"
    assert CampaignPage.objects.get(pk=campaign["nl"].pk).live


@pytest.mark.django_db
def test_expiry_unpublishes_the_region_only(campaign):
    for page in ("fr", "nl"):
        approve(campaign[page])
    release = builders.schedule(
        campaign["source"], campaign["region"], "2027-03-01 12:00", "2027-03-02 12:00"
    )
    publishing.publish_release(release.pk, now=NOON)
    assert publishing.expire_release(release.pk, now=NOON).result == "not_due"
    outcome = publishing.expire_release(release.pk, now=NOON + dt.timedelta(days=1))
    assert outcome.result == "expired"
    assert not CampaignPage.objects.get(pk=campaign["fr"].pk).live
    assert CampaignPage.objects.get(pk=campaign["source"].pk).live


@pytest.mark.django_db
def test_withdrawal_unpublishes_everywhere_and_cancels_pending(campaign):
    for page in ("fr", "nl"):
        approve(campaign[page])
    release = scheduled(campaign)
    publishing.publish_release(release.pk, now=NOON)
    from campaign.models import Region

    pending = builders.schedule(
        campaign["source"], Region.objects.get(code="INT"), "2027-03-05 09:00"
    )
    unpublished, cancelled = publishing.withdraw_campaign(
        campaign["fr"], campaign["editor"]
    )
    assert set(unpublished) == {
        campaign["source"].pk,
        campaign["fr"].pk,
        campaign["nl"].pk,
    }
    assert cancelled == 2
    pending.refresh_from_db()
    assert pending.state == Release.State.WITHDRAWN
    assert (
        not CampaignPage.objects.live()
        .filter(translation_key=campaign["source"].translation_key)
        .exists()
    )


@pytest.mark.django_db
def test_a_release_that_fails_for_good_alerts_its_owners(
    campaign, django_capture_on_commit_callbacks
):
    release = scheduled(campaign)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.mark_failed(
            release.pk, "OperationalError: server closed the connection"
        )
    release.refresh_from_db()
    assert release.state == Release.State.FAILED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ed@example.org"]
    assert "server closed the connection" in mail.outbox[0].body


@pytest.mark.django_db
def test_sweep_separates_overdue_upcoming_and_far_releases(campaign):
    release = scheduled(campaign)
    assert release_sweep.sweep(now=NOON - dt.timedelta(minutes=5)).upcoming == []
    soon = release_sweep.sweep(now=NOON - dt.timedelta(seconds=5))
    assert soon.upcoming == [(release.pk, NOON)] and soon.overdue == []
    assert release_sweep.sweep(now=NOON + dt.timedelta(hours=2)).overdue == [release.pk]


@pytest.mark.postgres  # SQLite has no row locks to race for
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_publishing_one_release_at_once_publish_it_once(campaign):
    for page in ("fr", "nl"):
        approve(campaign[page])
    release = scheduled(campaign)
    barrier = threading.Barrier(2)
    results = []

    def worker():
        barrier.wait()
        try:
            results.append(publishing.publish_release(release.pk, now=NOON).result)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) in (["locked", "published"], ["published", "skipped"])
    assert publish_entries(campaign["fr"]) == 1
    assert publish_entries(campaign["nl"]) == 1
