"""The rollout timeline: server-drawn SVG, the same data as a table, no inline code."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from campaign.models import Region, Release, Rollout
from campaign.releases import timeline
from tests.campaign import builders

UTC = dt.UTC
SVG = "{http://www.w3.org/2000/svg}"


def unsaved(code, zone, name, when, state=Release.State.SCHEDULED) -> Release:
    return Release(
        region=Region(code=code, name=name, time_zone=zone),
        go_live_at=when,
        state=state,
    )


def test_rows_are_ordered_by_instant_and_placed_left_to_right():
    nine = dt.datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    hours = dt.timedelta(hours=1)
    built = timeline.build(
        [
            unsaved("GB", "Europe/London", "United Kingdom", nine),
            unsaved("DK", "Europe/Copenhagen", "Denmark", nine - hours),
            unsaved("AU", "Australia/Sydney", "Australia", nine - 11 * hours),
        ],
        title="Rollout",
        now=nine - dt.timedelta(days=1),
    )
    assert [row.release.region.code for row in built.rows] == ["AU", "DK", "GB"]
    xs = [row.x for row in built.rows]
    assert xs == sorted(xs) and len(set(xs)) == 3
    assert built.plot_left <= xs[0] and xs[-1] <= built.plot_right
    ys = [row.y for row in built.rows]
    assert ys == sorted(ys)
    au = built.rows[0]
    assert au.local == "2027-03-01 09:00 AEDT (UTC+11:00)"
    assert au.viewer == "2027-02-28 22:00 UTC"
    assert au.state == "scheduled"
    assert built.ticks and built.ticks[0].date  # the first tick names its date
    assert built.now_x is None  # "now" lies before the axis
    assert "Australia (AU): 2027-03-01 09:00 AEDT (UTC+11:00)" in built.description


def test_seconds_show_when_the_instants_are_seconds_apart():
    start = dt.datetime(2027, 3, 1, 9, 0, 6, tzinfo=UTC)
    built = timeline.build(
        [
            unsaved("DK", "Europe/Copenhagen", "Denmark", start),
            unsaved("GB", "Europe/London", "UK", start + dt.timedelta(seconds=4)),
        ],
        title="Rollout",
        now=start,
    )
    assert built.rows[0].local == "2027-03-01 10:00:06 CET (UTC+01:00)"
    assert built.rows[1].viewer == "2027-03-01 09:00:10 UTC"
    assert all(":" in tick.time[3:] for tick in built.ticks)  # HH:MM:SS ticks
    assert built.now_x is not None


def test_late_and_blocked_read_as_text_not_colour_alone():
    due = dt.datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    built = timeline.build(
        [
            unsaved("DK", "Europe/Copenhagen", "Denmark", due),
            unsaved("BE", "Europe/Brussels", "Belgium", due, Release.State.BLOCKED),
        ],
        title="Rollout",
        now=due + dt.timedelta(minutes=2),
    )
    states = {row.release.region.code: (row.state, row.shape) for row in built.rows}
    assert states == {"DK": ("scheduled, late", "ring"), "BE": ("blocked", "square")}


@pytest.fixture
def rollout(db, admin_user):
    regions = [
        builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark"),
        builders.region("GB", "Europe/London", "en-gb", name="United Kingdom"),
        builders.region("AU", "Australia/Sydney", "en-au", name="Australia"),
    ]
    source = builders.campaign_page(builders.campaign_index())
    rollout = Rollout.objects.create(
        page=source, mode=Rollout.Mode.SAME_LOCAL_TIME, created_by=admin_user
    )
    for region in regions:
        builders.schedule(source, region, "2027-03-01 09:00", rollout=rollout)
    return rollout


def svg_of(html: str) -> ET.Element:
    match = re.search(r"<svg class=\"cm-timeline__svg\".*?</svg>", html, re.S)
    assert match, "no timeline SVG in the page"
    return ET.fromstring(match.group(0))  # noqa: S314 (our own server's output)


@pytest.mark.django_db
def test_timeline_svg_labels_each_region_in_utc_and_local_time(rollout, admin_client):
    url = reverse("campaign_releases:rollout", args=[rollout.pk])
    html = admin_client.get(url).content.decode()
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text.startswith("Rollout of")
    desc = svg.find(f"{SVG}desc").text
    rows = svg.findall(f".//{SVG}g[@class='cm-timeline__row']")
    assert [row.get("data-region") for row in rows] == ["AU", "DK", "GB"]
    xs = [float(row.get("data-x")) for row in rows]
    assert xs == sorted(xs) and len(set(xs)) == 3
    texts = " | ".join("".join(node.itertext()) for node in svg.iter(f"{SVG}text"))
    for region, local, utc in [
        ("Australia (AU)", "09:00 AEDT (UTC+11:00)", "2027-02-28 22:00 UTC"),
        ("Denmark (DK)", "09:00 CET (UTC+01:00)", "2027-03-01 08:00 UTC"),
        ("United Kingdom (GB)", "09:00 GMT (UTC+00:00)", "2027-03-01 09:00 UTC"),
    ]:
        local = f"2027-03-01 {local}"
        assert region in texts and local in texts and utc in texts
        assert f"{region}: {local}, {utc}, scheduled" in desc
    markers = [row.find(f"{SVG}circle") for row in rows]
    assert [float(m.get("cx")) for m in markers] == xs

    # The same data as an accessible table beside it.
    table = html.split('<div class="cm-releases-table">', 1)[1]
    for region, local in [
        ("Australia (AU)", "2027-03-01 09:00 AEDT (UTC+11:00)"),
        ("Denmark (DK)", "2027-03-01 09:00 CET (UTC+01:00)"),
    ]:
        assert f'<th scope="row">{region}</th>' in table
        assert local in table


def assert_no_inline_code(html: str) -> None:
    assert not re.search(r"<style[\s>]", html, re.I), "a <style> block"
    assert not re.search(r"\sstyle\s*=", html, re.I), "a style attribute"
    for tag in re.findall(r"<script\b[^>]*>", html, re.I):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", html), "an inline event handler"


@pytest.mark.django_db
def test_release_pages_have_no_inline_script_or_style(rollout, admin_client):
    page = rollout.page
    release = rollout.releases.first()
    Release.objects.filter(pk=release.pk).update(
        state=Release.State.BLOCKED, blocked_reason="The da-dk page is not approved."
    )
    for url in [
        reverse("campaign_releases:rollout", args=[rollout.pk]),
        reverse("campaign_releases:page", args=[page.pk]),
        reverse("campaign_releases:plan", args=[page.pk]),
        reverse("campaign_releases:index"),
        reverse("campaign_releases:override", args=[release.pk]),
        reverse("campaign_releases:withdraw_region", args=[release.pk]),
        reverse("campaign_releases:withdraw_campaign", args=[page.pk]),
        reverse("wagtailadmin_home"),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert_no_inline_code(response.content.decode())
