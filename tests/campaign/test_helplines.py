"""Helplines: open now on the region's clock, numbers in E.164."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from campaign.models import Helpline, HelplineClosure, OpeningHours
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


def closure(helpline, starts: str, ends: str | None = None, kind: str = "holiday"):
    return HelplineClosure.objects.create(
        helpline=helpline,
        starts=dt.date.fromisoformat(starts),
        ends=dt.date.fromisoformat(ends) if ends else None,
        kind=kind,
    )


def test_open_now_is_false_on_a_public_holiday_and_true_the_next_week(sydney_line):
    sydney = ZoneInfo("Australia/Sydney")
    closure(sydney_line, "2026-11-23")  # a Monday
    line = Helpline.objects.prefetch_related("closures").get(pk=sydney_line.pk)
    assert not line.is_open(dt.datetime(2026, 11, 23, 10, 0, tzinfo=sydney))
    assert line.is_open(dt.datetime(2026, 11, 30, 10, 0, tzinfo=sydney))


def test_a_closure_of_several_days_closes_even_a_line_open_all_day(sydney_line):
    sydney = ZoneInfo("Australia/Sydney")
    sydney_line.always_open = True
    sydney_line.save()
    closure(sydney_line, "2026-12-24", "2026-12-26", kind="closure")
    assert not sydney_line.is_open(dt.datetime(2026, 12, 26, 23, 59, tzinfo=sydney))
    assert sydney_line.is_open(dt.datetime(2026, 12, 27, 0, 0, tzinfo=sydney))
    # The closure's dates are Sydney's: 23 Dec 13:00 UTC is already the 24th
    # there, and 26 Dec 13:00 UTC already the 27th.
    assert not sydney_line.is_open(dt.datetime(2026, 12, 23, 13, 0, tzinfo=UTC))
    assert sydney_line.is_open(dt.datetime(2026, 12, 26, 13, 0, tzinfo=UTC))


def test_a_helpline_reads_its_hours_on_its_own_clock_when_it_has_one():
    region = builders.region("INT", "UTC", "en")
    line = builders.helpline(region, "en", "London line", time_zone="Europe/London")
    hours(line, 0, "09:00", "17:00")
    summer = dt.datetime(2026, 7, 6, 8, 30, tzinfo=UTC)  # 09:30 in London
    assert line.is_open(summer)
    line.time_zone = ""
    assert not line.is_open(summer)  # 08:30 on the region's UTC clock


def test_a_closure_cannot_end_before_it_starts(sydney_line):
    row = HelplineClosure(
        helpline=sydney_line,
        starts=dt.date(2026, 12, 26),
        ends=dt.date(2026, 12, 24),
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "ends" in error.value.message_dict
