"""One answer for a partner: the chosen wording, its links and the helplines,
shared by the JSON API and the card. Every link goes through ``/go/``.

``prepare`` turns a live offer (outreach/live.py) into what does not change
from one request to the next, kept in the process's snapshot
(outreach/snapshot.py); ``answer`` adds what does: the wording drawn, the
partner's links and whether each helpline is open now.

An answer depends on nothing else (the site's address aside), so each one
is made, and encoded as JSON, once per (partner, wording, site, which lines
are open) while its snapshot lasts: a request then draws the wording, reads
the clock and looks its answer up.
"""

import json
from dataclasses import dataclass, field
from functools import cached_property

import phonenumbers
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from campaign.models import Helpline
from campaign.models.helplines import WEEKDAYS

from . import allocation, counters, go
from .live import Offer
from .models import Warning, WarningVariant


def _hours(helpline: Helpline) -> list[dict]:
    if helpline.always_open:
        return [
            {"weekday": day, "opens": "00:00", "closes": "24:00"} for day, _ in WEEKDAYS
        ]
    return [
        {
            "weekday": hours.weekday,
            "opens": hours.opens.strftime("%H:%M"),
            "closes": hours.closes.strftime("%H:%M"),
        }
        for hours in helpline.opening_hours.all()
    ]


def _phone(helpline: Helpline) -> dict | None:
    if not helpline.phone:
        return None
    number = phonenumbers.parse(helpline.phone)
    return {
        "e164": helpline.phone,
        "national": phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL
        ),
        "display": helpline.phone_display,
    }


@dataclass(frozen=True)
class Line:
    """A helpline: its fixed fields, and what says whether it is open now."""

    row: Helpline
    hours: tuple  # its OpeningHours rows
    closures: tuple  # its HelplineClosure rows
    fixed: dict
    web_url: str
    chat_url: str

    def open_now(self, now) -> bool:
        return self.row.open_with(now, self.hours, self.closures)


#: Answers kept per prepared offer: far more than partners x wordings x
#: sites x open/closed states ever reach; a bound against a host header
#: allowed by a wildcard (ALLOWED_HOSTS = [".example.org"]).
MAX_ANSWERS = 512


class Answer:
    """One answer's body, shared by the requests it serves (read only), and
    its JSON, encoded on first use."""

    def __init__(self, body: dict):
        self.body = body

    @cached_property
    def json(self) -> bytes:
        return json.dumps(self.body, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


@dataclass
class Prepared:
    """A live warning in one region and locale, ready to answer from."""

    region: dict  # code, name, time_zone
    locale: str
    warning: Warning
    campaign_id: int
    title: str
    page_url: str
    variant_ids: list[int]  # source ids, the ones the counters use
    texts: dict[int, dict]  # id -> content_locale, headline, text, cta_label, target
    lines: list[Line]
    #: (partner, wording) -> {target URL: /go/ path}, made on first use.
    paths: dict = field(default_factory=dict)
    #: (partner, wording, site, open flags) -> Answer, made on first use.
    answers: dict = field(default_factory=dict)

    def go_paths(self, place: tuple) -> dict[str, str]:
        partner, variant = place[0], place[4]
        found = self.paths.get((partner, variant))
        if found is None:
            targets = {self.page_url, self.texts[variant]["target"]}
            for line in self.lines:
                targets |= {line.web_url, line.chat_url}
            found = {
                target: reverse("outreach_go", args=[go.token(*place, target)])
                for target in targets
                if target
            }
            self.paths[(partner, variant)] = found
        return found


def prepare(offer: Offer, request=None) -> Prepared:
    """What every answer of ``offer`` shares; reads the database once."""
    helplines = offer.helplines()
    page_url = offer.page.get_full_url(request)
    texts = {}
    for variant in offer.variants:
        text: WarningVariant = offer.texts[variant.pk]
        if text.cta_target == WarningVariant.Target.HELPLINE and helplines:
            first = helplines[0]
            target = first.web_url or first.chat_url or page_url
        else:
            target = page_url
        texts[variant.pk] = {
            "content_locale": text.locale.language_code,
            "headline": text.headline,
            "text": text.text,
            "cta_label": text.cta_label,
            "target": target,
        }
    lines = [
        Line(
            helpline,
            tuple(helpline.opening_hours.all()),
            tuple(helpline.closures.all()),
            {
                "name": helpline.name,
                "description": helpline.description,
                "phone": _phone(helpline),
                "languages": helpline.languages,
                "anonymity_note": helpline.anonymity_note,
                "always_open": helpline.always_open,
                "hours": _hours(helpline),
                "is_example": helpline.is_example,
            },
            helpline.web_url,
            helpline.chat_url,
        )
        for helpline in helplines
    ]
    region = offer.region
    return Prepared(
        region={
            "code": region.code,
            "name": region.name,
            "time_zone": region.time_zone,
        },  # fmt: skip
        locale=offer.locale.language_code,
        warning=offer.warning,
        campaign_id=offer.warning.campaign_id,
        title=offer.page.title,
        page_url=page_url,
        variant_ids=[variant.pk for variant in offer.variants],
        texts=texts,
        lines=lines,
    )


def site_root(request) -> str:
    """``https://host`` of the request (the host checked against
    ALLOWED_HOSTS: ASCII only), as ``build_absolute_uri`` begins."""
    return f"{request.scheme}://{request.get_host()}"


def answer(request, partner: int, prepared: Prepared, counts: dict | None = None):
    """The answer and the counter field of its one impression: (Answer, field).

    ``counts`` are the totals Thompson allocation reads (None: even, or read
    from the database)."""
    variant_id = allocation.choose(prepared.warning, prepared.variant_ids, counts)
    place = (partner, prepared.campaign_id, prepared.region["code"],
             prepared.locale, variant_id)  # fmt: skip
    site = site_root(request)
    now = timezone.now()
    opens = tuple(line.open_now(now) for line in prepared.lines)
    key = (partner, variant_id, site, opens)
    found = prepared.answers.get(key)
    if found is None:
        if len(prepared.answers) >= MAX_ANSWERS:
            prepared.answers.clear()
        found = prepared.answers[key] = Answer(_body(prepared, place, site, opens))
    return found, counters.reach_field("i", *place)


def _body(prepared: Prepared, place: tuple, site: str, opens: tuple) -> dict:
    text = prepared.texts[place[4]]
    paths = prepared.go_paths(place)

    def link(target: str) -> str:
        return site + paths[target] if target else ""

    helplines = []
    for line, open_now in zip(prepared.lines, opens, strict=True):
        fixed = line.fixed
        helplines.append(
            {
                "name": fixed["name"],
                "description": fixed["description"],
                "phone": fixed["phone"],
                "web_url": link(line.web_url) or None,
                "chat_url": link(line.chat_url) or None,
                "languages": fixed["languages"],
                "anonymity_note": fixed["anonymity_note"],
                "open_now": open_now,
                "always_open": fixed["always_open"],
                "hours": fixed["hours"],
                "is_example": fixed["is_example"],
            }
        )
    return {
        "campaign": {
            "id": prepared.campaign_id,
            "title": prepared.title,
            "url": link(prepared.page_url),
        },
        "region": dict(prepared.region),
        "locale": prepared.locale,
        "content_locale": text["content_locale"],
        "variant": {
            "id": place[4],
            "headline": text["headline"],
            "text": text["text"],
            "call_to_action": {"label": text["cta_label"], "url": link(text["target"])},
        },
        "helplines": helplines,
    }
