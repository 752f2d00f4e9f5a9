"""The reach report: suppression everywhere, intervals, the leader, CSV."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import User

from outreach.models import ReachCount
from outreach.report import stats

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

DAY = dt.date(2026, 12, 1)


@pytest.fixture
def counted(world):
    a, b = world.variants
    rows = [
        (DAY, "BE", "nl-be", a, 1000, 80),
        (DAY, "BE", "nl-be", b, 1000, 40),
        (DAY + dt.timedelta(days=1), "INT", "ar", a, 6, 2),  # small: suppressed
    ]
    for day, region, locale, variant, shown, followed in rows:
        ReachCount.objects.create(
            day=day, partner=world.partner, campaign=world.source, region=region,
            locale=locale, variant=variant, impressions=shown, clicks=followed,
        )  # fmt: skip
    return world


def test_wilson_interval_matches_the_textbook_value():
    low, high = stats.wilson(80, 1000)
    assert round(low, 4) == 0.0647
    assert round(high, 4) == 0.0985


def test_small_counts_are_suppressed_and_give_no_rate(settings):
    settings.OUTREACH_SUPPRESS_BELOW = 10
    assert stats.shown(9) == "<10"
    assert stats.shown(10) == "10"
    rate = stats.Rate(500, 3)
    assert rate.cells() == {"impressions": "500", "clicks": "<10", "ctr": "",
                            "interval": ""}  # fmt: skip
    assert stats.chance_best({1: rate, 2: stats.Rate(500, 40)}) is None


def test_report_names_the_leader_and_suppresses_small_counts(admin_client, counted):
    response = admin_client.get(f"/admin/outreach/reach/{counted.source.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leading: A" in html
    assert "8.00%" in html  # A's click-through rate
    assert "&lt;10" in html
    assert (
        "<svg" in html
        and "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
    )
    assert ">6<" not in html and ">2<" not in html


def test_csv_export_suppresses_alike(admin_client, counted):
    response = admin_client.get(f"/admin/outreach/reach/{counted.source.pk}/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["dimension", "value", "wording"]
    small = [row for row in rows if row[:2] == ["region", "INT"]]
    assert small == [["region", "INT", "A", "<10", "<10", "", ""]]
    big = [row for row in rows if row[:3] == ["region", "BE", "A"]]
    assert big[0][3:6] == ["1000", "80", "8.00%"]


def test_report_needs_permission(client, counted):
    User.objects.create_user("reader", password="x", is_staff=True)
    client.login(username="reader", password="x")
    response = client.get(f"/admin/outreach/reach/{counted.source.pk}/")
    assert response.status_code in (302, 403)
