"""The demo's example helplines: how to reach them and when they answer.

Names, descriptions and confidentiality notes are text (see ``text``); this
module holds what is the same in every language. Phone numbers come from the
ranges regulators reserve for fiction where the country has one (UK Ofcom
drama numbers, Australian ACMA fiction numbers, North American 555-01xx);
elsewhere they are visibly made up (runs of zeros, 12 34 56 78). Web and chat
addresses use the example.org and example.net domains reserved by RFC 2606.
"""

import datetime
from dataclasses import dataclass

WEEKDAYS = (0, 1, 2, 3, 4)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


@dataclass(frozen=True)
class Hours:
    days: tuple[int, ...]
    opens: str
    closes: str


@dataclass(frozen=True)
class HelplineSpec:
    #: "line", "chat" or "family": picks the name and notes in ``text``.
    kind: str
    languages: str
    hours: tuple[Hours, ...]
    phone: str = ""
    web_url: str = ""
    chat_url: str = ""
    always_open: bool = False
    #: Its own time zone when not the region's (the INT line is in London).
    time_zone: str = ""
    #: (first day, last day or None, kind) of its closures.
    closures: tuple[tuple[str, str | None, str], ...] = ()

    def closure_rows(self) -> list[tuple]:
        """(starts, ends, kind) with dates, in the order the admin lists them."""
        return [
            (
                datetime.date.fromisoformat(starts),
                datetime.date.fromisoformat(ends) if ends else None,
                kind,
            )
            for starts, ends, kind in self.closures
        ]

    def opening_hours(self) -> list[tuple[int, datetime.time, datetime.time]]:
        """One (weekday, opens, closes) row per day, in the region's local time."""
        return sorted(
            (
                day,
                datetime.time.fromisoformat(h.opens),
                datetime.time.fromisoformat(h.closes),
            )
            for h in self.hours
            for day in h.days
        )


#: Every example phone line closes on these public holidays.
HOLIDAYS = (("2026-12-25", None, "holiday"), ("2027-01-01", None, "holiday"))


def _line(
    code: str, phone: str, languages: str, *hours: Hours, time_zone: str = ""
) -> HelplineSpec:
    slug = code.lower()
    return HelplineSpec(
        kind="line",
        phone=phone,
        web_url=f"https://help.example.org/{slug}/",
        languages=languages,
        hours=hours,
        time_zone=time_zone,
        closures=HOLIDAYS,
    )


def _chat(code: str, languages: str, *hours: Hours) -> HelplineSpec:
    slug = code.lower()
    return HelplineSpec(
        kind="chat",
        web_url=f"https://selfhelp.example.net/{slug}/",
        chat_url=f"https://chat.example.net/{slug}/",
        languages=languages,
        hours=hours,
    )


def _family(code: str, phone: str, languages: str, *hours: Hours) -> HelplineSpec:
    slug = code.lower()
    return HelplineSpec(
        kind="family",
        phone=phone,
        web_url=f"https://family.example.org/{slug}/",
        languages=languages,
        hours=hours,
    )


OFFICE = Hours(WEEKDAYS, "09:00", "17:00")
EVENING = Hours(EVERY_DAY, "18:00", "23:00")

#: Region code -> its helplines, in the order a page lists them.
HELPLINES: dict[str, tuple[HelplineSpec, ...]] = {
    "INT": (
        # International form: the INT region has no national numbering plan.
        _line(
            "INT",
            "+44 20 7946 0123",
            "English, العربية",
            Hours(WEEKDAYS, "08:00", "20:00"),
            Hours((5,), "10:00", "14:00"),
            # A London number answers on London time, not the region's UTC.
            time_zone="Europe/London",
        ),
        _chat("INT", "English, العربية", Hours(EVERY_DAY, "18:00", "02:00")),
    ),
    "DK": (
        _line(
            "DK",
            "12 34 56 78",
            "Dansk, English",
            Hours((0, 1, 2, 3), "10:00", "21:00"),
            Hours((4,), "10:00", "16:00"),
        ),
        _chat("DK", "Dansk", Hours((0, 2, 6), "19:00", "23:00")),
    ),
    "BE": (
        _line(
            "BE",
            "02 000 00 01",
            "Français, Nederlands, Deutsch",
            OFFICE,
            Hours((2,), "18:00", "22:00"),
        ),
        _chat("BE", "Français, Nederlands", Hours((0, 1, 3, 4), "17:00", "22:00")),
    ),
    "FR": (
        _line(
            "FR",
            "01 00 00 00 01",
            "Français",
            Hours(WEEKDAYS, "09:00", "19:00"),
            Hours((5,), "10:00", "13:00"),
        ),
        _chat("FR", "Français, English", Hours(EVERY_DAY, "20:00", "01:00")),
    ),
    "DE": (
        _line(
            "DE",
            "030 0000 0001",
            "Deutsch, English, Türkçe",
            Hours((0, 1, 2, 3), "09:00", "20:00"),
            Hours((4,), "09:00", "15:00"),
        ),
        _chat("DE", "Deutsch", Hours((1, 3, 6), "18:00", "22:00")),
    ),
    "PL": (
        _line("PL", "22 000 00 01", "Polski", OFFICE, Hours((5,), "10:00", "14:00")),
        _chat("PL", "Polski, English", Hours((0, 2, 4), "16:00", "22:00")),
    ),
    "ES": (
        _line(
            "ES",
            "910 000 001",
            "Español, Català, English",
            Hours(WEEKDAYS, "10:00", "20:00"),
        ),
        _chat("ES", "Español", Hours((3, 4, 5), "19:00", "00:00")),
    ),
    "GB": (
        _line(
            "GB",
            "0808 157 0123",
            "English, Cymraeg",
            Hours(WEEKDAYS, "09:00", "21:00"),
            Hours((5, 6), "10:00", "16:00"),
        ),
        _chat("GB", "English", EVENING),
        _family("GB", "020 7946 0456", "English", OFFICE),
    ),
    "CA": (
        _line(
            "CA",
            "416 555 0123",
            "English, Français",
            Hours(WEEKDAYS, "08:00", "20:00"),
        ),
        _chat("CA", "English, Français", Hours((0, 2, 4, 6), "18:00", "23:00")),
    ),
    "AU": (
        _line(
            "AU",
            "02 5550 4321",
            "English",
            Hours(WEEKDAYS, "09:00", "17:00"),
            Hours((3,), "18:00", "21:00"),
        ),
        _chat("AU", "English", EVENING),
        _family("AU", "0491 570 156", "English", Hours((1, 3), "10:00", "15:00")),
    ),
    "NZ": (
        _line(
            "NZ",
            "09 000 0001",
            "English, Te Reo Māori",
            Hours(WEEKDAYS, "09:00", "17:00"),
        ),
        _chat("NZ", "English", Hours((0, 1, 2, 3), "19:00", "22:00")),
    ),
}
