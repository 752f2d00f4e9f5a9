"""Rich-text features editors get, and the sanitiser every rendering goes through.

Draftail strips what it does not know when an editor saves, but rich text
also arrives through translations, imports and the API. Every rich-text
value is therefore cleaned again when it is rendered (nh3, an allow-list
HTML sanitiser): no script, no event attribute, no javascript: URL reaches a
public page whatever was stored.
"""

import nh3
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

BODY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
LEGAL_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h2", "h3"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_richtext(value) -> str:
    """Expand Wagtail's internal links, then allow only what we publish."""
    if isinstance(value, RichText):
        value = value.source
    return mark_safe(clean_html(expand_db_html(value or "")))  # noqa: S308
