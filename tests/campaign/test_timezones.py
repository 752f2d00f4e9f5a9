"""Wall times in a region's zone: DST gaps and repeats are refused with choices."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from campaign.timezones import label, parse_wall_time, to_utc

UTC = dt.UTC


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "wall", "expected"),
    [
        # Copenhagen: 09:00 is UTC+1 in winter, UTC+2 in summer.
        ("Europe/Copenhagen", "2027-03-27 09:00", utc(2027, 3, 27, 8, 0)),
        ("Europe/Copenhagen", "2027-03-28 09:00", utc(2027, 3, 28, 7, 0)),
        ("Europe/Copenhagen", "2027-10-31 09:00", utc(2027, 10, 31, 8, 0)),
        # Sydney: southern hemisphere, DST ends in April, starts in October.
        ("Australia/Sydney", "2027-04-03 09:00", utc(2027, 4, 2, 22, 0)),
        ("Australia/Sydney", "2027-04-04 09:00", utc(2027, 4, 3, 23, 0)),
        ("Australia/Sydney", "2027-10-03 09:00", utc(2027, 10, 2, 22, 0)),
        # Tokyo has no DST: always UTC+9.
        ("Asia/Tokyo", "2027-03-28 02:30", utc(2027, 3, 27, 17, 30)),
        ("Asia/Tokyo", "2027-10-31 02:30", utc(2027, 10, 30, 17, 30)),
        ("UTC", "2027-01-01 00:00:05", utc(2027, 1, 1, 0, 0, 5)),
    ],
)
def test_wall_time_lands_at_the_intended_local_instant_across_dst(zone, wall, expected):
    assert to_utc(parse_wall_time(wall), zone) == expected


@pytest.mark.parametrize(
    ("zone", "wall", "choices"),
    [
        ("Europe/Copenhagen", "2027-03-28 02:30", ["01:30 CET", "03:30 CEST"]),
        ("Australia/Sydney", "2027-10-03 02:15", ["01:15 AEST", "03:15 AEDT"]),
    ],
)
def test_a_time_that_does_not_exist_is_refused_with_both_choices(zone, wall, choices):
    with pytest.raises(ValidationError) as caught:
        to_utc(parse_wall_time(wall), zone)
    message = caught.value.messages[0]
    assert "does not exist" in message
    for choice in choices:
        assert choice in message


@pytest.mark.parametrize(
    ("zone", "wall", "first", "second"),
    [
        (
            "Europe/Copenhagen",
            "2027-10-31 02:30",
            "CEST (UTC+02:00)",
            "CET (UTC+01:00)",
        ),
        (
            "Australia/Sydney",
            "2027-04-04 02:30",
            "AEDT (UTC+11:00)",
            "AEST (UTC+10:00)",
        ),
    ],
)
def test_a_time_that_happens_twice_is_refused_naming_both(zone, wall, first, second):
    with pytest.raises(ValidationError) as caught:
        to_utc(parse_wall_time(wall), zone)
    message = caught.value.messages[0]
    assert "happens twice" in message
    assert message.index(first) < message.index(second)


def test_an_explicit_offset_picks_one_of_the_repeated_instants():
    zone = "Europe/Copenhagen"
    first = to_utc(parse_wall_time("2027-10-31 02:30+02:00"), zone)
    second = to_utc(parse_wall_time("2027-10-31 02:30+01:00"), zone)
    assert first == utc(2027, 10, 31, 0, 30)
    assert second == utc(2027, 10, 31, 1, 30)


def test_an_offset_the_zone_does_not_use_is_refused():
    with pytest.raises(ValidationError, match="is not at UTC"):
        to_utc(parse_wall_time("2027-06-01 09:00+05:00"), "Europe/Copenhagen")


@pytest.mark.parametrize("text", ["", "tomorrow", "2027-02-30 09:00", "2027-01-01"])
def test_text_that_is_not_a_date_and_time_is_refused(text):
    with pytest.raises(ValidationError, match="is not a date and time"):
        parse_wall_time(text)


def test_label_reads_on_the_region_clock():
    assert label(utc(2027, 3, 28, 7, 0), "Europe/Copenhagen") == (
        "2027-03-28 09:00 CEST (UTC+02:00)"
    )
