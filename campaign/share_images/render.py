"""Share images of campaign pages: the translated headline on a calm card.

Pillow draws an Open Graph card (1200×630) and a square card (1080×1080) for
each campaign page, in its locale's script: text and shapes only, white on a
dark blue. Arabic is shaped and laid out right to left by libraqm.

The cards are stored as Wagtail images, and a new rendering overwrites the
same Image rows: page revisions keep these ids, so publishing an old revision
must never point at a deleted image. This module knows nothing of Celery;
``campaign.releases.tasks`` calls :func:`refresh_share_images`.
"""

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, ReferenceIndex
from wagtail.utils.file import hash_filelike

from campaign.models import CampaignPage, ShareImageFailure
from campaign.share_images.typesetting import (
    draw_line,
    fit_headline,
    script_for,
    text_style,
)

logger = logging.getLogger(__name__)

#: Colours (RGB). White text on the background contrasts 17:1, the footer
#: 12:1 (WCAG AA asks 4.5:1); the tests check both, also over the shape.
BACKGROUND = (15, 27, 45)
SHAPE = (27, 45, 71)
ACCENT = (244, 183, 64)
HEADLINE = (255, 255, 255)
FOOTER = (200, 211, 224)

#: Stored data, not a label: a translated name would be looked up in vain.
COLLECTION_NAME = "Share images"
IMAGE_TITLE = _("Share image · %(title)s · %(locale)s · %(width)s×%(height)s")


@dataclass(frozen=True)
class Format:
    field: str
    key: str
    width: int
    height: int
    margin: int
    headline_size: int
    footer_size: int

    def text_box(self, rtl: bool = False) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of the headline, beside the accent bar."""
        start = self.margin + self.margin // 6 + self.margin // 2
        end = self.width - self.margin
        bottom = self.height - self.margin - self.footer_size * 5 // 2
        if rtl:
            start, end = self.width - end, self.width - start
        return start, self.margin, end, bottom


FORMATS = (
    Format("share_image", "og", 1200, 630, 80, 84, 28),
    Format("share_image_square", "square", 1080, 1080, 96, 112, 36),
)


def render_card(
    headline: str,
    language_code: str,
    fmt: Format,
    footer: str = "",
    deadline: float | None = None,
) -> PILImage.Image:
    """The card as a Pillow image: pure, so tests can look at its pixels."""
    rtl = script_for(language_code).direction == "rtl"
    width, height, margin = fmt.width, fmt.height, fmt.margin
    image = PILImage.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    radius = min(width, height) * 0.42
    corner = 0 if rtl else width
    draw.ellipse(
        (corner - radius, height - radius, corner + radius, height + radius), SHAPE
    )

    left, top, right, bottom = fmt.text_box(rtl)
    style, lines = fit_headline(
        headline,
        language_code,
        right - left,
        bottom - top,
        fmt.headline_size,
        deadline=deadline,
    )
    block = style.block_height(len(lines))
    y = top + (bottom - top - block) / 2
    for index, line in enumerate(lines):
        baseline = y + style.ascent + index * style.pitch
        draw_line(draw, line, style, left, right, baseline, HEADLINE)

    bar = (margin, margin + margin // 6)
    if rtl:
        bar = (width - bar[1], width - bar[0])
    draw.rectangle((bar[0], y, bar[1] - 1, y + block), ACCENT)
    if footer:
        small = text_style(language_code, fmt.footer_size)
        footer = Truncator(footer).chars(60)
        draw_line(draw, footer, small, left, right, height - margin, FOOTER)
    return image


def encode_png(image: PILImage.Image) -> bytes:
    """A 64-colour PNG: flat colours and anti-aliased text lose nothing at
    less than half the size of full colour (JPEG would blur the letters)."""
    buffer = io.BytesIO()
    palette = image.quantize(
        64, PILImage.Quantize.MEDIANCUT, dither=PILImage.Dither.NONE
    )
    palette.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def share_collection() -> Collection:
    """The "Share images" collection under the root, created on first use."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=COLLECTION_NAME).first()
    if found is None:
        with transaction.atomic():
            # One creator at a time: two workers must not add two collections.
            root = Collection.objects.select_for_update().get(pk=root.pk)
            found = root.get_children().filter(name=COLLECTION_NAME).first()
            found = found or root.add_child(name=COLLECTION_NAME)
    return found


def site_name(page: CampaignPage) -> str:
    site = page.get_site()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def _file_stem(page: CampaignPage, fmt: Format) -> str:
    """The start of the card's file name: it says whose card the file is."""
    return f"share-p{page.pk}-{fmt.key}-"


def _own_image(page: CampaignPage, fmt: Format):
    """The Image row this page's card was stored in before, if any.

    The page's field names it, unless the page is a copy or a translation
    (Wagtail copies the field) or was republished from a revision saved
    before the first card: then the file name finds it.
    """
    image_model = get_image_model()
    prefix = image_model().get_upload_to(_file_stem(page, fmt))
    image = getattr(page, fmt.field)
    if image is not None and image.file.name.startswith(prefix):
        return image
    images = image_model.objects.filter(file__startswith=prefix)
    return images.order_by("pk").first()


def _store(page: CampaignPage, fmt: Format, png: bytes, collection: Collection):
    """Write the card into the page's Image row (a new row the first time)."""
    image = _own_image(page, fmt) or get_image_model()(collection=collection)
    with translation.override(settings.LANGUAGE_CODE):
        image.title = IMAGE_TITLE % {
            "title": Truncator(page.title).chars(150),
            "locale": page.locale.language_code,
            "width": fmt.width,
            "height": fmt.height,
        }
    # An image of text is described by the text (WCAG 1.1.1).
    image.description = Truncator(page.headline).chars(255)
    digest = hash_filelike(io.BytesIO(png))
    if (
        image.pk
        and image.file_hash == digest
        and image.file.storage.exists(image.file.name)
    ):
        image.save(update_fields=["title", "description"])
        return image
    old_name = image.file.name if image.pk else ""
    name = f"{_file_stem(page, fmt)}{digest[:12]}.png"
    image.file.save(name, ContentFile(png), save=False)
    image.width, image.height = fmt.width, fmt.height
    image.file_size, image.file_hash = len(png), digest
    image.save()
    # Wagtail's signal handlers delete the renditions' files and cache entries.
    image.renditions.all().delete()
    if old_name and old_name != image.file.name:
        transaction.on_commit(partial(image.file.storage.delete, old_name))
    return image


class RenderTimeout(Exception):
    """Drawing took longer than ``SHARE_IMAGE_RENDER_SECONDS``."""


def render_pngs(
    headline: str,
    language: str,
    footer: str,
    seconds: float | None = None,
    pause: Callable[[], float] | None = None,
) -> dict[str, bytes]:
    """Both cards as PNG bytes, in at most ``seconds`` of drawing (checked
    between cards and sizes; the task's Celery soft time limit is the
    backstop). ``pause`` is called before each step (a card's drawing, its
    encoding) and returns how long it waited: a ``config.workload.Hold``
    that lets a release's instant pass; its waits do not count as drawing."""
    seconds = settings.SHARE_IMAGE_RENDER_SECONDS if seconds is None else seconds
    pause = pause or (lambda: 0.0)
    deadline = time.monotonic() + seconds
    pngs = {}
    for fmt in FORMATS:
        deadline += pause()
        if time.monotonic() >= deadline:
            raise RenderTimeout(f"rendering took longer than {seconds} s")
        card = render_card(headline, language, fmt, footer, deadline=deadline)
        deadline += pause()
        pngs[fmt.field] = encode_png(card)
    return pngs


def record_failure(page_id: int, headline: str, error: BaseException) -> None:
    """Keep the old cards (and their alt text) and say why in the admin."""
    message = f"{type(error).__name__}: {error}"[:2000]
    page = CampaignPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    ShareImageFailure.objects.update_or_create(
        page=page, defaults={"headline": headline, "error": message}
    )
    log(
        instance=page,
        action="campaign.share_images.failed",
        data={"headline": headline, "error": message},
    )
    logger.warning("share images of page %s not rendered: %s", page_id, message)


def refresh_share_images(
    page: CampaignPage, pause: Callable[[], float] | None = None
) -> dict[str, int] | None:
    """Render both cards of a page from its live content and store them.

    Returns the Image ids by field, or None when nothing was stored: the page
    no longer exists, its headline changed meanwhile (the newer publication
    renders its own), or the rendering failed (recorded; the old cards and
    their alt text stay together). The cards are drawn with no lock held;
    only storing them locks the page row, for as long as a write takes.
    ``pause`` is called between the steps (see ``render_pngs``), and once
    more before storing: no lock or transaction is held while it waits.
    """
    current = CampaignPage.objects.select_related("locale").filter(pk=page.pk).first()
    if current is None:
        return None
    headline = current.headline
    started = time.monotonic()
    try:
        pngs = render_pngs(
            headline, current.locale.language_code, site_name(current), pause=pause
        )
    except Exception as error:  # any failure keeps the old cards
        record_failure(current.pk, headline, error)
        return None
    logger.info(
        "rendered the share images of page %s in %.2f s",
        current.pk,
        time.monotonic() - started,
    )
    if pause:
        pause()
    collection = share_collection()
    with transaction.atomic():
        locked = (
            CampaignPage.objects.select_for_update(of=("self",))
            .select_related("locale", "share_image", "share_image_square")
            .filter(pk=page.pk)
            .first()
        )
        if locked is None or locked.headline != headline:
            return None
        stored = {
            fmt.field: _store(locked, fmt, pngs[fmt.field], collection)
            for fmt in FORMATS
        }
        CampaignPage.objects.filter(pk=locked.pk).update(**stored)
        ShareImageFailure.objects.filter(page=locked).delete()
        for field, image in stored.items():
            setattr(locked, field, image)
            setattr(page, field, image)
        # The images' "usage" in the admin lists the page.
        ReferenceIndex.create_or_update_for_object(locked)
    return {field: image.pk for field, image in stored.items()}
