"""Helplines: open now on the region's clock, numbers in E.164."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from campaign.models import OpeningHours
from campaign.models.helplines import to_e164
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]

UTC = dt.UTC


def hours(helpline, weekday: int, opens: str, closes: str) -> None:
    OpeningHours.objects.create(
        helpline=helpline,
        weekday=weekday,
        opens=dt.time.fromisoformat(opens),
        closes=dt.time.fromisoformat(closes),
    )


@pytest.fixture
def sydney_line():
    region = builders.region("AU", "Australia/Sydney", "en-au")
    line = builders.helpline(region, "en-au", "Line (example)")
    hours(line, 0, "09:00", "17:00")  # Monday
    hours(line, 4, "20:00", "02:00")  # Friday night into Saturday
    return line


def test_open_now_is_read_on_the_region_clock_not_utc(sydney_line):
    # Monday 10:00 in Sydney (AEDT, UTC+11) is Sunday 23:00 UTC.
    monday_morning = dt.datetime(
        2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Australia/Sydney")
    )
    assert sydney_line.is_open(monday_morning.astimezone(UTC))
    assert not sydney_line.is_open(dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


def test_closing_time_is_exclusive(sydney_line):
    sydney = ZoneInfo("Australia/Sydney")
    assert sydney_line.is_open(dt.datetime(2026, 11, 23, 16, 59, tzinfo=sydney))
    assert not sydney_line.is_open(dt.datetime(2026, 11, 23, 17, 0, tzinfo=sydney))


def test_hours_past_midnight_count_on_the_next_morning(sydney_line):
    sydney = ZoneInfo("Australia/Sydney")
    assert sydney_line.is_open(dt.datetime(2026, 11, 27, 23, 0, tzinfo=sydney))
    assert sydney_line.is_open(dt.datetime(2026, 11, 28, 1, 30, tzinfo=sydney))
    assert not sydney_line.is_open(dt.datetime(2026, 11, 28, 2, 0, tzinfo=sydney))
    assert not sydney_line.is_open(dt.datetime(2026, 11, 29, 1, 0, tzinfo=sydney))


def test_always_open_ignores_hours(sydney_line):
    sydney_line.always_open = True
    assert sydney_line.is_open(dt.datetime(2026, 11, 25, 4, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("typed", "country", "stored"),
    [
        ("33 12 34 56", "DK", "+4533123456"),
        ("020 7946 0018", "GB", "+442079460018"),
        ("+32 2 555 01 01", "BE", "+3225550101"),
        ("+45 33 12 34 56", "INT", "+4533123456"),
    ],
)
def test_numbers_are_stored_in_e164(typed, country, stored):
    assert to_e164(typed, country) == stored


@pytest.mark.parametrize("typed", ["12", "call us", "+999 1234"])
def test_numbers_that_cannot_be_dialled_are_refused(typed):
    with pytest.raises(ValidationError, match="not a phone number we can dial"):
        to_e164(typed, "DK")


def test_national_display_format():
    region = builders.region("GB", "Europe/London", "en-gb")
    line = builders.helpline(region, "en-gb", "Line (example)", phone="020 7946 0018")
    assert line.phone == "+442079460018"
    assert line.phone_display == "020 7946 0018"
