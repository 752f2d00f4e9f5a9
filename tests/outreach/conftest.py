"""A campaign with a warning in two wordings, live in some regions, and a
partner; counters under a Redis key prefix of the test's own."""

import uuid
from dataclasses import dataclass

import pytest
import redis

from outreach import counters, store
from outreach.models import Partner, Warning, WarningVariant
from tests.campaign import builders

ORIGIN = "https://forum.example.org"


@pytest.fixture
def outreach_redis(settings):
    """Counters and rate limits under a prefix nobody else uses."""
    prefix = f"outreach-test-{uuid.uuid4().hex[:10]}"
    settings.OUTREACH_KEY_PREFIX = prefix
    settings.OUTREACH_REDIS_URL = settings.REDIS_URL
    store.reset()
    counters._pending.clear()
    yield prefix
    with redis.Redis.from_url(settings.REDIS_URL) as client:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    store.reset()


@dataclass
class World:
    source: object
    pages: dict
    warning: Warning
    variants: list
    partner: Partner
    key: str


def variant(warning, locale_code, source=None, **fields) -> WarningVariant:
    row = (
        source.copy_for_translation(builders.locale(locale_code))
        if source
        else (WarningVariant(warning=warning, locale=builders.locale(locale_code)))
    )
    for name, value in fields.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row


def make_partner(name="Forum", origins=(ORIGIN,), **fields) -> tuple[Partner, str]:
    partner = Partner(name=name, allowed_origins="\n".join(origins), **fields)
    key = partner.new_key()
    partner.full_clean()
    partner.save()
    return partner, key


@pytest.fixture
def world(outreach_redis) -> World:
    """Regions BE (nl-be live, fr-be not), DK (not live) and
    INT (en, ar; both live); two wordings, translated into nl-be and ar."""
    belgium = builders.region("BE", "Europe/Brussels", "nl-be", "fr-be")
    builders.region("DK", "Europe/Copenhagen", "da-dk")
    builders.region("INT", "UTC", "en", "ar", name="International")
    builders.helpline(
        belgium, "nl-be", "Stop it Now (example)", phone="078 20 00 00",
        always_open=True, is_example=True,
    )  # fmt: skip
    index = builders.campaign_index()
    source = builders.campaign_page(index)
    pages = {
        "en": source,
        "nl-be": builders.translation(source, "nl-be"),
        "fr-be": builders.translation(source, "fr-be", publish=False),
        "da-dk": builders.translation(source, "da-dk", publish=False),
        "ar": builders.translation(source, "ar"),
    }
    warning = Warning.objects.create(campaign=source)
    variants = [
        variant(warning, "en", label="A", headline="Stop", text="It is a crime.",
                cta_label="Get help", sort_order=0),
        variant(warning, "en", label="B", headline="Think", text="It harms.",
                cta_label="Talk to someone", sort_order=1,
                cta_target=WarningVariant.Target.CAMPAIGN),
    ]  # fmt: skip
    for row in variants:
        variant(warning, "nl-be", row, headline=f"NL {row.headline}",
                text=f"NL {row.text}", cta_label="Hulp")  # fmt: skip
        variant(warning, "ar", row, headline="توقف", text="إنها جريمة.",
                cta_label="احصل على المساعدة")  # fmt: skip
    partner, key = make_partner()
    return World(source, pages, warning, variants, partner, key)
