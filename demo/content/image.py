"""The demo's one hero image: abstract shapes drawn with Pillow, stored once."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo"
TITLE = "Demo hero: abstract shapes"
FILENAME = "demo-hero.png"
SIZE = (1600, 900)
DESCRIPTION = (
    "Abstract composition of overlapping circles and bands in deep blue, teal and "
    "amber."
)

NAVY = (16, 37, 66)
TEAL = (18, 110, 118)
AMBER = (242, 169, 59)
SAND = (246, 233, 208)


def draw_hero() -> bytes:
    """A PNG of geometric shapes only: no people, no text, the same every time."""
    width, height = SIZE
    canvas = PILImage.new("RGB", SIZE, NAVY)
    draw = ImageDraw.Draw(canvas)
    # A horizontal gradient from navy to teal.
    for x in range(width):
        share = x / (width - 1)
        colour = tuple(
            round(a + (b - a) * share) for a, b in zip(NAVY, TEAL, strict=True)
        )
        draw.line([(x, 0), (x, height)], fill=colour)

    overlay = PILImage.new("RGBA", SIZE, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    shapes.polygon([(0, 640), (width, 260), (width, 420), (0, 800)], fill=(*AMBER, 200))
    shapes.ellipse((980, 90, 1460, 570), fill=(*SAND, 90))
    shapes.ellipse((1120, 330, 1520, 730), fill=(*AMBER, 170))
    shapes.ellipse((140, 120, 520, 500), outline=(*SAND, 160), width=14)
    shapes.ellipse((240, 220, 420, 400), fill=(*TEAL, 200))
    shapes.rectangle((620, 90, 700, 810), fill=(*SAND, 40))
    canvas = PILImage.alpha_composite(canvas.convert("RGBA"), overlay).convert("RGB")

    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def hero_image() -> tuple[object, bool]:
    """The stored hero image, created on the first call: (image, created)."""
    Image = get_image_model()
    collection = demo_collection()
    image = Image.objects.filter(collection=collection, title=TITLE).first()
    if image is not None:
        return image, False
    image = Image(title=TITLE, collection=collection, description=DESCRIPTION)
    image.file = ImageFile(io.BytesIO(draw_hero()), name=FILENAME)
    image._set_image_file_metadata()
    image.save()
    return image, True
