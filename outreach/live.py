"""What a partner may show in a region: the live warning, in its language.

A wording is live in a region exactly when its campaign's page is live in
the region's locale, that is when a release published that translation; a
withdrawal unpublishes the pages and the warning with them. This module reads
the database; outreach/snapshot.py keeps what it found in each process,
exact through a version in Redis, so that holds from the commit on.

The language rule is home/negotiation.py's explicit map, reduced to one
region (outreach may not import the site shell, docs/design.md): the exact
locale; else the language's configured default (``LOCALE_LANGUAGE_DEFAULTS``)
when it serves this region; else the region's first locale of that
language; else the region's first locale.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Subquery
from wagtail.models import Locale

from campaign.models import CampaignPage, Helpline, Region

from .models import Warning, WarningVariant


class NotFound(Exception):
    """Nothing to show; the message says why, for the partner."""

    code = "nothing_live"


class UnknownRegion(NotFound):
    code = "unknown_region"


def normalise(tag: str) -> str:
    return tag.strip().lower().replace("_", "-")


def choose_locale(lang: str | None, codes: list[str]) -> str:
    """The locale of ``codes`` (a region's, in its order) that serves ``lang``."""
    if not codes:
        raise NotFound("This region has no language.")
    tag = normalise(lang or "")
    if tag in codes:
        return tag
    language = tag.split("-", 1)[0]
    same = [code for code in codes if code.split("-", 1)[0] == language]
    default = settings.LOCALE_LANGUAGE_DEFAULTS.get(language)
    if default in same:
        return default
    return same[0] if same else codes[0]


@dataclass
class Offer:
    """A live warning in one region and locale: what the API and card show."""

    region: Region
    locale: Locale
    page: CampaignPage  # the live translation in ``locale``
    warning: Warning
    variants: list[WarningVariant]  # source rows, the ids the counters use
    texts: dict[int, WarningVariant]  # source id -> row in ``locale`` (or source)

    def helplines(self) -> list[Helpline]:
        return self.page.helplines()


def find_region(code: str | None) -> Region:
    code = (code or "").strip().upper()
    region = Region.objects.filter(code=code).first() if code else None
    if region is None:
        raise unknown_region(code)
    return region


def unknown_region(code: str) -> UnknownRegion:
    return UnknownRegion(f"Unknown region “{code}”: give an ISO 3166-1 code, e.g. BE.")


def region_locales(region: Region) -> dict[str, Locale]:
    """The region's locales by code, in the region's order."""
    return {
        link.locale.language_code: link.locale
        for link in region.region_locales.select_related("locale").order_by(
            "sort_order", "pk"
        )
    }


def offer(region_code: str | None, lang: str | None) -> Offer:
    region = find_region(region_code)
    locales = region_locales(region)
    return offer_in(region, locales[choose_locale(lang, list(locales))])


def offer_in(region: Region, locale: Locale) -> Offer:
    """The live warning of ``region`` in ``locale``, from the database."""
    live_keys = CampaignPage.objects.live().public().filter(locale=locale)
    warning = (
        Warning.objects.filter(
            active=True,
            campaign__translation_key__in=Subquery(live_keys.values("translation_key")),
        )
        .select_related("campaign")
        .order_by("-campaign__first_published_at", "-pk")
        .first()
    )
    if warning is None:
        raise NotFound(f"No campaign warning is live in {region.code} now.")
    page = live_keys.get(translation_key=warning.campaign.translation_key)
    default = Locale.get_default()
    variants = list(
        warning.variants.filter(active=True, locale=default)
        .select_related("locale")
        .order_by("sort_order", "pk")
    )
    if not variants:
        raise NotFound(f"No campaign warning is live in {region.code} now.")
    texts = {variant.pk: variant for variant in variants}
    by_key = {variant.translation_key: variant.pk for variant in variants}
    for row in WarningVariant.objects.filter(
        translation_key__in=list(by_key), locale=locale
    ).select_related("locale"):
        texts[by_key[row.translation_key]] = row
    return Offer(region, locale, page, warning, variants, texts)
