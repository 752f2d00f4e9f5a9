"""The release calendar across campaigns, its CSV and iCalendar exports, and
search in the admin: releases, helplines, legal texts, regions."""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Permission
from icalendar import Calendar

from campaign.models import CampaignPage, Release
from campaign.releases.progress import progress
from tests.campaign import builders

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
UTC = dt.UTC


@pytest.fixture
def world():
    regions = {
        "DK": builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark"),
        "AU": builders.region("AU", "Australia/Sydney", "en-au", name="Australia"),
    }
    index = builders.campaign_index()
    first = builders.campaign_page(index, title="Stop before you start")
    second = CampaignPage(title="Ask for help", slug="ask", body=[], live=False)
    index.add_child(instance=second)
    # 09:00 in Copenhagen; 09:00 in Sydney is 22:00 UTC the day before.
    releases = [
        builders.schedule(first, regions["DK"], "2027-03-01 09:00"),
        builders.schedule(first, regions["AU"], "2027-03-01 09:00"),
        builders.schedule(second, regions["DK"], "2027-03-15 12:30"),
    ]
    return {"regions": regions, "pages": (first, second), "releases": releases}


def test_the_ics_export_has_one_event_per_release_with_utc_and_local_time(
    world, admin_client
):
    response = admin_client.get("/admin/releases/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == Release.objects.count() == 3
    by_uid = {str(event["UID"]): event for event in events}
    sydney = Release.objects.get(region__code="AU")
    event = by_uid[f"release-{sydney.pk}@testserver"]
    assert event.decoded("DTSTART") == dt.datetime(2027, 2, 28, 22, 0, tzinfo=UTC)
    assert "2027-03-01 09:00" in str(event["DESCRIPTION"])
    assert "2027-02-28 22:00 UTC" in str(event["DESCRIPTION"])


def test_exports_follow_the_filters(world, admin_client):
    response = admin_client.get("/admin/releases/calendar.csv", {"region": "DK"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["campaign"], row["go_live_local"]) for row in rows] == [
        ("Stop before you start", "2027-03-01T09:00:00+01:00"),
        ("Ask for help", "2027-03-15T12:30:00+01:00"),
    ]
    first = world["pages"][0]
    ics = admin_client.get("/admin/releases/calendar.ics", {"campaign": first.pk})
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == 2


def test_the_calendar_puts_a_release_on_its_day_on_the_chosen_clock(
    world, admin_client
):
    sydney = Release.objects.get(region__code="AU")
    marker = f'data-release="{sydney.pk}"'

    def day_of(clock: str, month: str) -> str:
        html = admin_client.get(
            "/admin/releases/calendar/", {"date": month, "clock": clock}
        ).content.decode()
        before = html[: html.index(marker)]
        return before[before.rindex('data-day="') + 10 :][:10]

    # The admin user's clock is the site's (UTC): the day before.
    assert day_of("viewer", "2027-02-01") == "2027-02-28"
    assert day_of("region", "2027-03-01") == "2027-03-01"
    march = admin_client.get("/admin/releases/calendar/", {"date": "2027-03-01"})
    assert marker not in march.content.decode()  # on your clock, in February
    week = admin_client.get(
        "/admin/releases/calendar/", {"date": "2027-03-15", "view": "week"}
    ).content.decode()
    assert week.count("data-release=") == 1


def test_the_calendar_and_exports_are_for_those_who_see_releases(
    world, django_user_model, client
):
    user = django_user_model.objects.create_user("nobody", password="pw-123456")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url in ("calendar/", "calendar.csv", "calendar.ics"):
        response = client.get(f"/admin/releases/{url}")
        assert response.status_code in (302, 403), url


def test_the_release_list_searches_campaigns_and_regions(world, admin_client):
    html = admin_client.get("/admin/releases/", {"q": "help"}).content.decode()
    assert "Ask for help" in html and "Stop before you start" not in html
    html = admin_client.get("/admin/releases/", {"q": "Australia"}).content.decode()
    assert "Stop before you start" in html and "Ask for help" not in html


def test_helplines_legal_texts_and_regions_are_searchable(world, admin_client):
    denmark = world["regions"]["DK"]
    builders.helpline(denmark, "da-dk", "Stop It Now Danmark")
    builders.helpline(denmark, "da-dk", "Chat for unge")
    builders.legal_text(denmark, "da-dk", title="Straffeloven § 235")
    found = admin_client.get(
        "/admin/snippets/campaign/helpline/", {"q": "Stop It"}
    ).content.decode()
    assert "Stop It Now Danmark" in found and "Chat for unge" not in found
    found = admin_client.get(
        "/admin/snippets/campaign/legaltext/", {"q": "Straffeloven"}
    ).content.decode()
    assert "Straffeloven § 235" in found
    found = admin_client.get(
        "/admin/snippets/campaign/region/", {"q": "Sydney"}
    ).content.decode()
    australia = world["regions"]["AU"]
    links = set(re.findall(r"/admin/snippets/campaign/region/edit/(\d+)/", found))
    assert links == {str(australia.pk)}
    # The admin's search box offers them beside pages.
    areas = admin_client.get("/admin/pages/search/", {"q": "Stop"}).content.decode()
    for label in ("Helplines", "Legal texts", "Regions", "Releases"):
        assert label in areas


def test_a_wave_says_how_many_regions_are_live_and_refreshes_while_due(
    world, admin_client
):
    first = world["pages"][0]
    releases = list(Release.objects.filter(page=first).order_by("go_live_at"))
    sydney, copenhagen = releases
    before = progress(releases, now=sydney.go_live_at - dt.timedelta(minutes=5))
    assert (before.text, before.in_progress) == ("0 of 2 regions live", True)
    sydney.state = Release.State.PUBLISHED
    sydney.save()
    later = progress(
        Release.objects.filter(page=first),
        now=copenhagen.go_live_at - dt.timedelta(hours=1),
    )
    assert (later.text, later.in_progress) == ("1 of 2 regions live", False)

    html = admin_client.get(f"/admin/releases/page/{first.pk}/").content.decode()
    assert "1 of 2 regions live" in html
    assert 'http-equiv="refresh"' not in html  # nothing due in the next minutes
    soon = dt.datetime.now(UTC) + dt.timedelta(minutes=5)
    denmark = world["regions"]["DK"]
    builders.schedule(
        world["pages"][1],
        denmark,
        soon.astimezone(denmark.zone).strftime("%Y-%m-%d %H:%M"),
    )
    second = world["pages"][1].pk
    html = admin_client.get(f"/admin/releases/page/{second}/").content.decode()
    assert 'http-equiv="refresh"' in html
    assert "0 of 1 regions live" in html
    dashboard = admin_client.get("/admin/").content.decode()
    assert "data-refresh-seconds" in dashboard
    assert "Ask for help</strong>: 0 of 1 regions live" in dashboard
