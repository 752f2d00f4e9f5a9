"""What every public page shows of the site's identity, read once per request."""

from typing import NamedTuple

from wagtail.models import Site

from home.branding import style_hash
from home.models import Organisation, SiteIdentity

#: Request attribute of the style hashes a page used; home/security.py adds
#: them to that response's Content-Security-Policy.
STYLE_HASHES = "csp_style_hashes"
#: Request attribute holding the identity once read (base.html and the
#: footer both ask for it).
IDENTITY = "site_identity"


class Identity(NamedTuple):
    settings: SiteIdentity
    #: The organisation in the active locale (else its source), or None.
    organisation: Organisation | None
    css: str
    #: The Site's name, shown where no organisation is set (never the host
    #: a request came to: a snapshot and a live answer must be the same).
    site_name: str


def identity_for(request) -> Identity:
    """The identity of the request's site; the defaults (no organisation, the
    default colours and quick exit) when no site answers at this address."""
    identity = getattr(request, IDENTITY, None)
    if identity is not None:
        return identity
    site = Site.find_for_request(request)
    settings = SiteIdentity.for_site(site) if site is not None else SiteIdentity()
    organisation = settings.organisation
    if organisation is not None:
        organisation = organisation.localized
    css = settings.css
    hashes = getattr(request, STYLE_HASHES, set())
    hashes.add(style_hash(css))
    setattr(request, STYLE_HASHES, hashes)
    identity = Identity(settings, organisation, css, site.site_name if site else "")
    setattr(request, IDENTITY, identity)
    return identity
