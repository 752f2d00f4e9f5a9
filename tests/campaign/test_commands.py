"""The command-line contract of docs/design.md: schedule, list and withdraw releases."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from campaign.models import CampaignPage, Release
from tests.campaign import builders
from tests.helpers import manage, project_env


@pytest.fixture
def page(db):
    builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")
    return builders.campaign_page(builders.campaign_index())


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_schedule_release_by_url_path_prints_id_and_utc_instant(page):
    out = run("schedule_release", "--page", "/en/campaigns/stop/", "--region",
              "dk", "--go-live", "2027-06-01 09:00", "--expire", "2027-07-01 09:00",
              )  # fmt: skip
    release = Release.objects.get()
    assert f"Release {release.pk}" in out
    assert "2027-06-01 07:00:00 UTC" in out
    assert "09:00 CEST" in out
    assert release.page == page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "999999", "--region", "DK"], "No page at '999999'"),
        (["--page", "/en/nowhere/", "--region", "DK"], "No page at"),
        (["--page", "/en/", "--region", "DK"], "not a campaign page"),
        (["--page", "/en/campaigns/stop/", "--region", "XX"], "Unknown region 'XX'"),
    ],
)
def test_schedule_release_refuses_unknown_pages_and_regions(page, args, message):
    with pytest.raises(CommandError, match=message):
        run("schedule_release", *args, "--go-live", "2027-06-01 09:00")
    assert not Release.objects.exists()


@pytest.mark.parametrize(
    ("go_live", "expire", "message"),
    [
        ("2027-06-31 09:00", None, "is not a date and time"),
        ("2027-03-28 02:30", None, "does not exist in Europe/Copenhagen"),
        ("2027-10-31 02:30", None, "happens twice"),
        ("2027-06-01 09:00", "2027-06-01 08:00", "expiry must come after"),
    ],
)
def test_schedule_release_refuses_bad_times(page, go_live, expire, message):
    args = ["--page", str(page.pk), "--region", "DK", "--go-live", go_live]
    if expire:
        args += ["--expire", expire]
    with pytest.raises(CommandError, match=message):
        run("schedule_release", *args)
    assert not Release.objects.exists()


def test_releases_lists_state_times_and_lateness_as_json(page):
    run("schedule_release", "--page", str(page.pk), "--region", "DK",
        "--go-live", "2027-06-01 09:00")  # fmt: skip
    rows = json.loads(run("releases", "--json"))
    assert rows[0]["region"] == "DK"
    assert rows[0]["state"] == "scheduled"
    assert rows[0]["go_live_at"] == "2027-06-01T07:00:00+00:00"
    assert rows[0]["lateness_seconds"] is None
    line = run("releases")
    assert " DK " in line and " scheduled " in line and "09:00 CEST" in line


def test_withdraw_campaign_unpublishes_and_cancels(page):
    run("schedule_release", "--page", str(page.pk), "--region", "DK",
        "--go-live", "2027-06-01 09:00")  # fmt: skip
    out = run("withdraw_campaign", "/en/campaigns/stop/")
    assert "1 page(s) unpublished, 1 release(s) cancelled" in out
    assert not CampaignPage.objects.get(pk=page.pk).live
    assert Release.objects.get().state == Release.State.WITHDRAWN


@pytest.mark.postgres  # the command runs in a process of its own
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bad_input_exits_non_zero_with_a_clear_message():
    builders.region("DK", "Europe/Copenhagen", "da-dk")
    builders.campaign_page(builders.campaign_index())
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}"
    )
    result = manage(
        "schedule_release", "--page", "/en/campaigns/stop/", "--region", "ZZ",
        "--go-live", "2027-06-01 09:00", env=project_env(DATABASE_URL=url),
    )  # fmt: skip
    assert result.returncode == 1
    assert "Unknown region 'ZZ'" in result.stderr
