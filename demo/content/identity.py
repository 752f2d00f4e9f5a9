"""The demo's identity: an invented agency in every locale, and its colours."""

from django.db import transaction
from wagtail.models import Site

from home.models import Organisation, SiteIdentity

from . import demo_uuid
from .identity_text import ACCENT_COLOUR, BRAND_COLOUR, ORGANISATION
from .regions import SOURCE_LOCALE
from .sync import Tally, assign
from .text import language_of

ORGANISATION_KEY = demo_uuid("organisation")


def sync_identity(locales: dict, tally: Tally) -> Organisation:
    """The organisation in every locale (source first) and the site setting."""
    codes = [SOURCE_LOCALE, *(code for code in locales if code != SOURCE_LOCALE)]
    source = None
    for code in codes:
        values = {**ORGANISATION[language_of(code)], "is_example": True}
        row = Organisation.objects.filter(
            translation_key=ORGANISATION_KEY, locale=locales[code]
        ).first()
        created = row is None
        with transaction.atomic():
            if created:
                row = Organisation(translation_key=ORGANISATION_KEY)
                row.locale = locales[code]
            changed = assign(row, **values)
            if created or changed:
                row.full_clean()
                row.save()
        tally.add("organisation", _outcome(created, changed))
        source = source or row
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    if assign(
        identity,
        organisation=source,
        brand_colour=BRAND_COLOUR,
        accent_colour=ACCENT_COLOUR,
    ):
        identity.full_clean()
        identity.save()
        tally.add("identity", "updated")
    else:
        tally.add("identity", "unchanged")
    return source


def _outcome(created: bool, changed: bool) -> str:
    return "created" if created else "updated" if changed else "unchanged"
