"""The demo's regions: code, name, time zone, locales (the first is the source)."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class RegionSpec:
    code: str
    name: str
    time_zone: str
    #: Content locales serving the region; the legal text and the helplines
    #: are written in the first and translated into the others.
    locales: tuple[str, ...]
    #: Shown as the legal text's review date (invented, like the text).
    legal_reviewed: datetime.date


REGIONS = (
    RegionSpec("INT", "International", "UTC", ("en", "ar"), datetime.date(2025, 1, 15)),
    RegionSpec(
        "DK", "Denmark", "Europe/Copenhagen", ("da-dk",), datetime.date(2025, 2, 3)
    ),
    RegionSpec(
        "BE",
        "Belgium",
        "Europe/Brussels",
        ("fr-be", "nl-be", "de-be"),
        datetime.date(2025, 2, 17),
    ),
    RegionSpec("FR", "France", "Europe/Paris", ("fr-fr",), datetime.date(2025, 3, 4)),
    RegionSpec(
        "DE", "Germany", "Europe/Berlin", ("de-de",), datetime.date(2025, 3, 18)
    ),
    RegionSpec("PL", "Poland", "Europe/Warsaw", ("pl-pl",), datetime.date(2025, 4, 1)),
    RegionSpec("ES", "Spain", "Europe/Madrid", ("es-es",), datetime.date(2025, 4, 14)),
    RegionSpec(
        "GB", "United Kingdom", "Europe/London", ("en-gb",), datetime.date(2025, 5, 6)
    ),
    RegionSpec(
        "CA",
        "Canada",
        "America/Toronto",
        ("en-ca", "fr-ca"),
        datetime.date(2025, 5, 20),
    ),
    RegionSpec(
        "AU", "Australia", "Australia/Sydney", ("en-au",), datetime.date(2025, 6, 2)
    ),
    RegionSpec(
        "NZ", "New Zealand", "Pacific/Auckland", ("en-nz",), datetime.date(2025, 6, 16)
    ),
)

#: The locale every page is translated from.
SOURCE_LOCALE = "en"


def all_locale_codes() -> list[str]:
    return [code for region in REGIONS for code in region.locales]
