"""The public address of the site: what canonical, hreflang, the sitemap and
``og:image`` are built from.

Wagtail builds absolute URLs from the Site row's hostname and port
(``Site.root_url``), which nothing set: they said ``http://localhost/``.
``PUBLIC_BASE_URL`` (environment) names the address; ``set_site_address``
writes it to the default Site, and ``make run`` does so with the address it
serves.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_public_url(url: str) -> tuple[str, int]:
    """(hostname, port) of an http(s) base URL with no path; else ValidationError.

    Wagtail infers the scheme from the port (443: https, anything else:
    http), so an https address must use port 443.
    """
    parts = urlsplit((url or "").strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValidationError(
            f"“{url}” is not a public address: write it as http://host[:port] or "
            "https://host, e.g. https://campaign.example.org."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValidationError(
            f"“{url}” has a path; the site is served from the root of its host."
        )
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise ValidationError(f"“{url}” has a port that is not a number.") from None
    if parts.scheme == "https" and port != 443:
        raise ValidationError(
            f"“{url}”: Wagtail reads https only from port 443; put the site "
            "behind a proxy on 443."
        )
    return parts.hostname, port


def set_default_site_address(url: str) -> tuple[Site, bool]:
    """Point the default Site at ``url``; returns it and whether it changed."""
    hostname, port = parse_public_url(url)
    site = Site.objects.get(is_default_site=True)
    changed = (site.hostname, site.port) != (hostname, port)
    if changed:
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site, changed
