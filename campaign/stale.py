"""What a change of the campaign's objects makes stale, told to delivery.

Each rule reads the reverse of what a page shows: a campaign page shows its
region's helplines and legal text (``CampaignPage.helplines``,
``CampaignPage.legal_text``, read backwards by
``CampaignPage.showing_regions``), and its share images. ``delivery`` evicts
the pages these rules name, in every cache, once the change commits.
"""

from wagtail.images import get_image_model

from campaign.models import (
    CampaignPage,
    Helpline,
    HelplineClosure,
    LegalText,
    OpeningHours,
    Region,
    RegionLocale,
)
from delivery.invalidation import stale_when_changed


def _regions_of_helplines(helpline_ids):
    regions = Helpline.objects.filter(pk__in=helpline_ids).values("region")
    return CampaignPage.showing_regions(regions)


def _regions_and_locales(pairs):
    """A region gained or lost a locale: the region's pages, and the pages of
    that locale (they showed another region's help until now)."""
    regions = {region for region, _locale in pairs}
    locales = {locale for _region, locale in pairs}
    return CampaignPage.showing_regions(regions) | CampaignPage.objects.live().filter(
        locale__in=locales
    )


def declare() -> None:
    stale_when_changed(
        Helpline,
        key=lambda helpline: helpline.region_id,
        pages=CampaignPage.showing_regions,
    )
    stale_when_changed(
        LegalText, key=lambda text: text.region_id, pages=CampaignPage.showing_regions
    )
    stale_when_changed(
        OpeningHours, key=lambda hours: hours.helpline_id, pages=_regions_of_helplines
    )
    stale_when_changed(
        HelplineClosure,
        key=lambda closure: closure.helpline_id,
        pages=_regions_of_helplines,
    )
    stale_when_changed(
        Region, key=lambda region: region.pk, pages=CampaignPage.showing_regions
    )
    stale_when_changed(
        RegionLocale,
        key=lambda link: (link.region_id, link.locale_id),
        pages=_regions_and_locales,
    )
    stale_when_changed(
        get_image_model(),
        key=lambda image: image.pk,
        pages=CampaignPage.showing_images,
    )
