"""One answer for a partner: the chosen wording, its links and the helplines,
shared by the JSON API and the card. Every link goes through ``/go/``."""

import phonenumbers
from django.utils import timezone

from campaign.models import Helpline
from campaign.models.helplines import WEEKDAYS

from . import allocation, counters, go
from .live import Offer
from .models import Partner, WarningVariant


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


def answer(request, partner: Partner, offer: Offer) -> dict:
    """The answer, counted as one impression of the wording it carries."""
    ids = [variant.pk for variant in offer.variants]
    variant_id = allocation.choose(offer.warning, ids)
    text: WarningVariant = offer.texts[variant_id]
    place = (partner.pk, offer.warning.campaign_id, offer.region.code,
             offer.locale.language_code, variant_id)  # fmt: skip

    def link(target: str) -> str:
        return go.url(request, *place, target) if target else ""

    now = timezone.now()
    helplines = offer.helplines()
    page_url = offer.page.get_full_url(request)
    if text.cta_target == WarningVariant.Target.HELPLINE and helplines:
        first = helplines[0]
        target = first.web_url or first.chat_url or page_url
    else:
        target = page_url
    counters.add(counters.reach_field("i", *place))
    return {
        "campaign": {
            "id": offer.warning.campaign_id,
            "title": offer.page.title,
            "url": link(page_url),
        },
        "region": {
            "code": offer.region.code,
            "name": offer.region.name,
            "time_zone": offer.region.time_zone,
        },  # fmt: skip
        "locale": offer.locale.language_code,
        "content_locale": text.locale.language_code,
        "variant": {
            "id": variant_id,
            "headline": text.headline,
            "text": text.text,
            "call_to_action": {"label": text.cta_label, "url": link(target)},
        },
        "helplines": [
            {
                "name": helpline.name,
                "description": helpline.description,
                "phone": _phone(helpline),
                "web_url": link(helpline.web_url) or None,
                "chat_url": link(helpline.chat_url) or None,
                "languages": helpline.languages,
                "anonymity_note": helpline.anonymity_note,
                "open_now": helpline.is_open(now),
                "always_open": helpline.always_open,
                "hours": _hours(helpline),
                "is_example": helpline.is_example,
            }
            for helpline in helplines
        ],
    }
