"""What every public page shows of the site's identity, read once per request."""

from typing import NamedTuple

from django.conf import settings as django_settings
from django.db.models import OuterRef
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from delivery import fragments
from delivery.rows import from_json, json_row
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
    if site is None:
        identity = _identity(None, SiteIdentity())
    else:
        code = _language()
        identity = fragments.remember(
            request,
            ("identity", site.pk, code),
            lambda: _identity(site, _read(site, code)),
        )
    hashes = getattr(request, STYLE_HASHES, set())
    hashes.add(style_hash(identity.css))
    setattr(request, STYLE_HASHES, hashes)
    setattr(request, IDENTITY, identity)
    return identity


def _identity(site, settings: SiteIdentity) -> Identity:
    organisation = settings.organisation
    translated = getattr(settings, "organisation_translated", None)
    if translated is not None:
        organisation = from_json(Organisation, translated)
    return Identity(
        settings, organisation, settings.css, site.site_name if site else ""
    )


def _language() -> str:
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:  # Locale.get_active(): the default language then
        return get_supported_content_language_variant(django_settings.LANGUAGE_CODE)


def _read(site, code: str) -> SiteIdentity:
    """The site's identity in one query: its organisation, that
    organisation's translation in ``code`` (``.localized``) and the logo are
    read with it. Kept by each process until anything changes
    (delivery/fragments.py; home/stale.py names what a change affects)."""
    translated = Organisation.objects.filter(
        translation_key=OuterRef("organisation__translation_key"),
        locale__language_code=code,
    ).exclude(pk=OuterRef("organisation_id"))
    found = (
        SiteIdentity.base_queryset()
        .annotate(organisation_translated=json_row(translated))
        .filter(site=site)
        .first()
    )
    return found if found is not None else SiteIdentity.for_site(site)
