"""Small trees and records for campaign tests, built per test.

The data migration leaves the `en` HomePage at depth 2 as the site root;
these helpers add what a test needs under it.
"""

import io
from datetime import date

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from campaign import publication
from campaign.models import (
    CampaignIndexPage,
    CampaignPage,
    Helpline,
    LegalSignOff,
    LegalText,
    Region,
    RegionLocale,
    TranslationReview,
)
from campaign.releases import engine
from campaign.timezones import wall_to_utc
from home.models import HomePage


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def region(code: str, time_zone: str, *locale_codes: str, name: str = "") -> Region:
    result = Region.objects.create(code=code, name=name or code, time_zone=time_zone)
    for index, language_code in enumerate(locale_codes):
        RegionLocale.objects.create(
            region=result, locale=locale(language_code), sort_order=index
        )
    return result


def helpline(region: Region, locale_code: str, name: str, **fields) -> Helpline:
    fields.setdefault("phone", "")
    fields.setdefault("web_url", "https://help.example.org/")
    fields.setdefault("anonymity_note", "Anonymous.")
    item = Helpline(region=region, locale=locale(locale_code), name=name, **fields)
    item.full_clean()
    item.save()
    return item


def legal_text(
    region: Region,
    locale_code: str,
    title: str = "The law",
    signed: bool = False,
    review_by: date | None = date(2099, 1, 1),
) -> LegalText:
    text = LegalText.objects.create(
        region=region,
        locale=locale(locale_code),
        title=title,
        body="<p>Making such images is a crime.</p>",
        last_reviewed=date(2026, 10, 1),
        review_by=review_by,
    )
    if signed:
        LegalSignOff.sign(text, None, "signed in a test")
    return text


def launch_ready(region: Region) -> Region:
    """Give ``region`` what its releases need besides translations: a legal
    text signed off and a helpline (campaign/releases/readiness.py)."""
    code = region.region_locales.order_by("sort_order").first().locale.language_code
    if not region.legal_texts.exists():
        legal_text(region, code, signed=True)
    if not region.helplines.exists():
        helpline(region, code, f"Help line {region.code}")
    return region


def home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="en")


def campaign_index(parent=None, title: str = "Campaigns") -> CampaignIndexPage:
    parent = parent or home()
    page = CampaignIndexPage(title=title, slug="campaigns")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_revision(revision):
    """Publish a revision directly, as a release or data loader does; campaign
    pages refuse any other way (campaign/publication.py)."""
    with publication.permitted("test"):
        return revision.publish()


def approved_revision(page):
    """A new revision of ``page``, recorded as approved by a reviewer (what a
    release requires before it publishes)."""
    revision = page.save_revision()
    TranslationReview.objects.create(
        page=page,
        revision=revision,
        status=TranslationReview.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return revision


def campaign_page(parent, body=None, title: str = "Stop before you start"):
    page = CampaignPage(title=title, slug="stop", body=body or [], live=False)
    parent.add_child(instance=page)
    publish_revision(page.save_revision())
    page.refresh_from_db()
    return page


def translation(page, code: str, publish: bool = True):
    """A translation of ``page`` in ``code`` with live parents, like the demo."""
    translated = page.copy_for_translation(locale(code), copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    if publish:
        publish_revision(translated.save_revision())
        translated.refresh_from_db()
    return translated


def png_bytes(width: int = 640, height: int = 360, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), "#0b5394" if mode == "RGB" else 0).save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def image(title: str = "Shapes") -> Image:
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name="shapes.png")
    )


def document(name: str, content: bytes, title: str = "") -> Document:
    return Document.objects.create(
        title=title or name, file=ContentFile(content, name=name)
    )


WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nYou are not alone.\n"


def schedule(page, region, wall: str, expire: str | None = None, **kwargs):
    """Schedule at a wall time of the region, as the form and command do.

    Planned at the latest at its instant (the clock the engine checks the
    window against), so a test's fixed date keeps working once it is past.
    """
    go_live_at = wall_to_utc(wall, region.zone)
    kwargs.setdefault("now", min(timezone.now(), go_live_at))
    return engine.schedule(
        page,
        region,
        go_live_at,
        wall_to_utc(expire, region.zone) if expire else None,
        **kwargs,
    )
