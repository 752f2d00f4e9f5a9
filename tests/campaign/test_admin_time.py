"""Dates and times in the project's admin screens follow each user's Wagtail
profile: their time zone for "your time", their language's date format for
everything, a region's own clock for its local time."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.campaign import builders

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def wave():
    """09:00 in Copenhagen (08:00 UTC) and in Sydney (22:00 UTC the day before)."""
    regions = {
        "DK": builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark"),
        "AU": builders.region("AU", "Australia/Sydney", "en-au", name="Australia"),
    }
    page = builders.campaign_page(builders.campaign_index(), title="Stop")
    for region in regions.values():
        builders.schedule(page, region, "2027-03-01 09:00")
    return page


def as_user(client, user, language: str, zone: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.current_time_zone = zone
    profile.save()
    client.force_login(user)
    return client


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_german_user_in_new_york_reads_times_on_their_clock_in_german(
    wave, admin_user, client
):
    client = as_user(client, admin_user, "de", "America/New_York")
    timeline = client.get(reverse("campaign_releases:page", args=[wave.pk]))
    html = timeline.content.decode()
    # Region-local time stays on the region's clock, written the German way.
    assert "01.03.2027 09:00 CET (UTC+01:00)" in html
    assert "01.03.2027 09:00 AEDT (UTC+11:00)" in html
    # The same instants on the user's clock (New York, EST).
    assert "01.03.2027 03:00 EST" in html
    assert "28.02.2027 17:00 EST" in html
    assert "2027-03-01" not in text_of(html)  # no ISO date left for a person

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = text_of(home[home.index('id="cm-upcoming"') :])
    assert "01.03.2027 09:00 CET (UTC+01:00)" in panel
    assert "01.03.2027 03:00 EST" in panel
    assert "Geht online (Ihre Zeit)" in panel

    calendar = client.get(
        reverse("campaign_releases:calendar"), {"date": "2027-02-01"}
    ).content.decode()
    assert "Februar 2027" in calendar
    cell = calendar[calendar.index('data-day="2027-02-28"') :]
    cell = cell[: cell.index("</td>")]
    assert "17:00" in cell  # 09:00 in Sydney is 17:00 the day before in New York
    by_region = client.get(
        reverse("campaign_releases:calendar"), {"date": "2027-03-01", "clock": "region"}
    ).content.decode()
    day = by_region[by_region.index('data-day="2027-03-01"') :]
    day = day[: day.index("</td>")]
    assert day.count("09:00") == 2  # both at 09:00 on their own clocks


def test_a_french_user_in_tokyo_reads_times_on_their_clock_in_french(
    wave, admin_user, client
):
    client = as_user(client, admin_user, "fr", "Asia/Tokyo")
    html = client.get(reverse("campaign_releases:page", args=[wave.pk])).content
    html = html.decode()
    assert "01/03/2027 09:00 CET (UTC+01:00)" in html
    assert "01/03/2027 17:00 JST" in html  # 08:00 UTC
    assert "01/03/2027 07:00 JST" in html  # 22:00 UTC the day before
    home = text_of(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "01/03/2027 17:00 JST" in home


def test_without_a_preference_the_admin_reads_iso_dates_in_utc(wave, admin_client):
    html = admin_client.get(
        reverse("campaign_releases:page", args=[wave.pk])
    ).content.decode()
    assert "2027-03-01 09:00 CET (UTC+01:00)" in html
    assert "2027-03-01 08:00 UTC" in html
