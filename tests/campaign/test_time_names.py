"""Time as readers say it: zone names and dates from CLDR (Babel), in the
page's language, and never an IANA id in what a reader sees."""

import html as html_lib
import re
from datetime import date, time

import pytest

from campaign.models import HelplineClosure, OpeningHours
from campaign.timezones import zone_name
from tests.campaign import builders
from tests.campaign.test_rendering import (  # noqa: F401 (fixtures)
    every_block,
    fresh_caches,
    get,
    make_page,
    media,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

IANA_ID = re.compile(r"\b(?:Europe|Australia|America|Pacific|Etc)/[A-Z]\w+|\bUTC\b")


def visible_text(html: str) -> str:
    body = html.split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def line(region, code, name, **fields):
    helpline = builders.helpline(region, code, name, **fields)
    OpeningHours.objects.create(
        helpline=helpline, weekday=0, opens=time(9), closes=time(17)
    )
    HelplineClosure.objects.create(helpline=helpline, starts=date(2099, 12, 25))
    return helpline


def test_zone_names_follow_cldr_in_the_readers_language():
    assert zone_name("Europe/Brussels", "fr-be") == "heure : Belgique"
    assert zone_name("Australia/Sydney", "ar") == "توقيت أستراليا (سيدني)"
    assert zone_name("UTC", "fr-be") == "temps universel coordonné"
    assert zone_name("Europe/London", "en") == "United Kingdom Time"


def test_a_french_belgian_page_names_its_zone_in_french_and_no_iana_id(
    client,
    media,  # noqa: F811
):
    belgium = builders.region("BE", "Europe/Brussels", "fr-be")
    builders.region("INT", "UTC", "en")
    line(belgium, "fr-be", "Aide Belgique", phone="02 123 45 67")
    page = builders.translation(make_page(every_block(media)), "fr-be")

    text = visible_text(get(client, page))

    assert "Horaires d’ouverture (heure : Belgique)" in text or (
        "heure : Belgique" in text
    )
    assert "25 décembre 2099" in text  # the closure, dated the French way
    assert IANA_ID.findall(text) == []


def test_an_arabic_page_names_a_helplines_own_zone_in_arabic(
    client,
    media,  # noqa: F811
):
    international = builders.region("INT", "UTC", "en", "ar")
    line(international, "ar", "خط سيدني", time_zone="Australia/Sydney")
    line(international, "ar", "خط عالمي")
    page = builders.translation(make_page(every_block(media)), "ar")

    text = visible_text(get(client, page))

    assert "توقيت أستراليا (سيدني)" in text
    assert "التوقيت العالمي المنسق" in text  # the region's UTC, by its name
    assert IANA_ID.findall(text) == []
