"""Go-live and expiry lie between now (minus a minute) and ten years ahead:
in the engine, the rollout form and the command alike, the message naming
the limit; a past go-live is published at once only with ``--now``, logged."""

import datetime as dt
import io
import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from campaign.models import CampaignPage, Release, Rollout, TranslationReview
from campaign.releases import engine, limits
from campaign.timezones import wall_to_utc
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def world():
    regions = {
        "CA": builders.region("CA", "America/Toronto", "en-ca", name="Canada"),
        "NZ": builders.region("NZ", "Pacific/Auckland", "en-nz", name="New Zealand"),
        "DK": builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark"),
    }
    for region in regions.values():
        builders.launch_ready(region)
    source = builders.campaign_page(builders.campaign_index())
    return {"regions": regions, "source": source}


def wall(region, delta: dt.timedelta) -> str:
    """The region's wall clock ``delta`` from now, as an editor types it."""
    return (timezone.now() + delta).astimezone(region.zone).strftime("%Y-%m-%d %H:%M")


# Engine ------------------------------------------------------------------


def test_engine_refuses_a_go_live_before_now_minus_a_minute(world):
    now = timezone.now()
    with pytest.raises(ValidationError) as caught:
        engine.schedule(
            world["source"], world["regions"]["DK"], now - dt.timedelta(minutes=2),
            now=now,
        )  # fmt: skip
    assert "one minute before now" in " ".join(caught.value.messages)
    assert not Release.objects.exists()
    # Within the minute is still now.
    release = engine.schedule(
        world["source"], world["regions"]["DK"], now - dt.timedelta(seconds=50),
        now=now,
    )  # fmt: skip
    assert release.state == Release.State.SCHEDULED


def test_engine_refuses_times_beyond_ten_years_naming_the_limit(world):
    now = timezone.now()
    dk = world["regions"]["DK"]
    with pytest.raises(ValidationError) as caught:
        engine.schedule(world["source"], dk, now + dt.timedelta(days=3660), now=now)
    message = " ".join(caught.value.messages)
    assert "more than ten years ahead" in message
    assert (now + limits.HORIZON).astimezone(dk.zone).strftime("%Y-%m-%d") in message
    with pytest.raises(ValidationError, match="The expiry .* more than ten years"):
        engine.schedule(
            world["source"], dk, now + dt.timedelta(days=1),
            now + dt.timedelta(days=4000), now=now,
        )  # fmt: skip
    assert not Release.objects.exists()


def test_engine_takes_a_past_go_live_only_when_allowed_and_never_a_past_expiry(world):
    now = timezone.now()
    dk = world["regions"]["DK"]
    release = engine.schedule(
        world["source"], dk, now - dt.timedelta(days=3), now=now, allow_past=True
    )
    assert release.go_live_at == now - dt.timedelta(days=3)
    with pytest.raises(ValidationError, match="The expiry .* is already past"):
        engine.schedule(
            world["source"], dk, now - dt.timedelta(days=3),
            now - dt.timedelta(days=1), now=now, allow_past=True,
        )  # fmt: skip


# Rollout form, over HTTP ---------------------------------------------------------


def plan(client, world, code, go_live, expire=""):
    return client.post(
        reverse("campaign_releases:plan", args=[world["source"].pk]),
        {
            "regions": [world["regions"][code].pk],
            "mode": "same_local_time",
            "go_live": go_live,
            "expire": expire,
        },
    )


@pytest.mark.parametrize(
    ("code", "go_live", "expire", "message"),
    [
        # The OverflowError of the report: year 9999 west of Greenwich.
        ("CA", "9999-12-31 23:59", "", "is more than ten years ahead"),
        # Year 1 in Auckland was accepted and shown in local mean time.
        ("NZ", "0001-01-01 12:00", "", "is already past"),
        ("NZ", "0001-01-01 00:05", "", "is already past"),
        ("DK", "2025-06-01 09:00", "", "one minute before now"),
        ("CA", "+1y", "9999-12-31 23:59", "The expiry 9999-12-31 23:59 is more"),
    ],
)
def test_rollout_form_answers_out_of_window_times_with_a_form_error(
    world, admin_client, code, go_live, expire, message
):
    if go_live == "+1y":
        go_live = wall(world["regions"][code], dt.timedelta(days=365))
    response = plan(admin_client, world, code, go_live, expire)
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "error-message" in text or "w-field__errors" in text
    assert not Rollout.objects.exists() and not Release.objects.exists()


def test_rollout_form_names_the_latest_allowed_time(world, admin_client):
    ca = world["regions"]["CA"]
    response = plan(admin_client, world, "CA", wall(ca, dt.timedelta(days=3700)))
    text = response.content.decode()
    latest = (timezone.now() + limits.HORIZON).astimezone(ca.zone)
    assert f"no later than {latest:%Y-%m-%d}" in text


def test_rollout_form_accepts_a_time_within_the_window(world, admin_client):
    dk = world["regions"]["DK"]
    response = plan(admin_client, world, "DK", wall(dk, dt.timedelta(days=3600)))
    assert response.status_code == 302
    assert Release.objects.get().region == dk


# Command ----------------------------------------------------------------------


def run(*args) -> str:
    out = io.StringIO()
    call_command("schedule_release", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("code", "go_live", "message"),
    [
        ("CA", "9999-12-31 23:59", "more than ten years ahead: it must be no later"),
        ("NZ", "0001-01-01 12:00", "is already past"),
        ("DK", "2025-06-01 09:00", "To publish it at once anyway, give --now."),
    ],
)
def test_command_refuses_out_of_window_times_naming_the_limit(
    world, code, go_live, message
):
    with pytest.raises(CommandError, match=message):
        run("--page", str(world["source"].pk), "--region", code, "--go-live", go_live)
    assert not Release.objects.exists()


def test_command_refuses_now_for_a_go_live_still_to_come(world):
    dk = world["regions"]["DK"]
    with pytest.raises(CommandError, match="still to come. Leave out --now"):
        run("--page", str(world["source"].pk), "--region", "DK",
            "--go-live", wall(dk, dt.timedelta(days=1)), "--now")  # fmt: skip
    assert not Release.objects.exists()


def approved_translation(source, code):
    page = source.copy_for_translation(builders.locale(code), copy_parents=True)
    revision = page.save_revision()
    TranslationReview.objects.create(
        page=page,
        revision=revision,
        status=TranslationReview.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return page


def test_command_publishes_a_past_go_live_at_once_with_now_and_logs_the_operator(
    world, caplog
):
    source = world["source"]
    TranslationReview.objects.create(
        page=source,
        revision=source.save_revision(),
        status=TranslationReview.Status.APPROVED,
        decided_at=timezone.now(),
    )
    danish = approved_translation(source, "da-dk")
    with caplog.at_level(logging.WARNING, logger="campaign.releases.commands"):
        out = run("--page", str(source.pk), "--region", "DK", "--go-live",
                  "2025-06-01 09:00", "--now", "--operator", "ops-anna")  # fmt: skip
    assert "Published at once (--now, by ops-anna): published, 1 page(s)" in out
    assert CampaignPage.objects.get(pk=danish.pk).live
    release = Release.objects.get()
    assert release.state == Release.State.PUBLISHED
    assert release.operator == "ops-anna"
    entry = PageLogEntry.objects.get(action="campaign.release.publish_now")
    assert entry.data["operator"] == "ops-anna"
    assert entry.data["release"] == release.pk
    assert any(
        "ops-anna" in record.getMessage() and str(release.pk) in record.getMessage()
        for record in caplog.records
    )


# Other ways a far date came in ------------------------------------------------


def test_a_wall_time_off_the_calendar_is_a_validation_error_not_an_overflow():
    with pytest.raises(ValidationError, match="too far from today"):
        wall_to_utc("9999-12-31 23:59", "America/Toronto")
    with pytest.raises(ValidationError, match="too far from today"):
        wall_to_utc("0001-01-01 00:05", "Pacific/Auckland")


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "9999-12-31T23:59"])
def test_the_release_calendar_answers_a_far_date_with_this_month(admin_client, day):
    for view in ("month", "week"):
        response = admin_client.get(
            reverse("campaign_releases:calendar"), {"date": day, "view": view}
        )
        assert response.status_code == 200
    assert (
        admin_client.get(
            reverse("campaign_releases:calendar_csv"), {"date": day}
        ).status_code
        == 200
    )
