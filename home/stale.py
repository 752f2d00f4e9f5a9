"""What a change of the site shell's objects makes stale, told to delivery.

Every public page of a site shows its identity (home/identity.py: the
organisation in the page's language, the logo, the colours, the quick exit)
and is found and linked through the site's host name and root. A change to
any of them affects every page of the site, in every locale; ``delivery``
evicts them, and starts a new generation of what renders share
(delivery/fragments.py), once the change commits. Statements in the footer
are pages: their own publication already reaches every cache.
"""

from django.db.models import Q
from wagtail.models import Page, Site

from delivery.invalidation import stale_when_changed
from home.models import Organisation, SiteIdentity


def pages_of_sites(root_page_ids) -> Page:
    """Every page under these site roots and under their translations."""
    keys = Page.objects.filter(pk__in=root_page_ids).values("translation_key")
    condition = Q(pk__in=[])
    for path in Page.objects.filter(translation_key__in=keys).values_list(
        "path", flat=True
    ):
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition)


def _pages_of_identities(site_ids):
    roots = Site.objects.filter(pk__in=site_ids).values_list("root_page", flat=True)
    return pages_of_sites(list(roots))


def _pages_showing_organisations(translation_keys):
    sites = SiteIdentity.objects.filter(
        organisation__translation_key__in=translation_keys
    ).values_list("site", flat=True)
    return _pages_of_identities(list(sites))


def declare() -> None:
    stale_when_changed(Site, key=lambda site: site.root_page_id, pages=pages_of_sites)
    stale_when_changed(
        SiteIdentity,
        key=lambda identity: identity.site_id,
        pages=_pages_of_identities,
    )
    stale_when_changed(
        Organisation,
        key=lambda organisation: organisation.translation_key,
        pages=_pages_showing_organisations,
    )
