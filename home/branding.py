"""Brand colours: WCAG contrast, and the one inline style that carries them.

The contrast formula is WCAG 2.2's own (relative luminance, "contrast
ratio"), a few lines that no dependency would make clearer. The colours reach
the page as one ``<style>`` element of custom properties, allowed by its
SHA-256 hash in the Content-Security-Policy (home/security.py): no
'unsafe-inline', no extra request, and the hash travels with the cached page.
"""

import base64
import hashlib
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: WCAG 2.2 AA for normal text (1.4.3).
MIN_CONTRAST = 4.5
WHITE = "#ffffff"
#: The pale text the hero puts on the brand colour (site.css --hero-muted).
HERO_MUTED = "#dbe4f0"


def validate_hex_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("“%(value)s” is not a colour: write it as # and six hex digits."),
            code="bad_colour",
            params={"value": value},
        )


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_contrast(colour: str, against: str, field: str) -> None:
    """Raise a ValidationError on ``field`` naming the ratio when below AA."""
    ratio = contrast_ratio(colour, against)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            {
                field: ValidationError(
                    _(
                        "%(colour)s with %(against)s has a contrast ratio of "
                        "%(ratio).2f:1; WCAG 2.2 AA needs at least %(minimum)s:1. "
                        "Choose a darker colour."
                    ),
                    code="low_contrast",
                    params={
                        "colour": colour,
                        "against": against,
                        "ratio": ratio,
                        "minimum": MIN_CONTRAST,
                    },
                )
            }
        )


def brand_css(brand: str, accent: str) -> str:
    """The custom properties site.css reads; only validated hex colours."""
    return f":root{{--hero:{brand};--brand:{brand};--accent:{accent}}}"


def style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"
