"""Locales, regions, legal texts and helplines of the demo.

Legal texts and helplines are written in the region's first locale and
translated into its other locales with Wagtail's ``copy_for_translation``, so
every translation shares the source's ``translation_key``.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale

from campaign.models import (
    Helpline,
    HelplineClosure,
    LegalSignOff,
    LegalText,
    OpeningHours,
    Region,
    RegionLocale,
)
from campaign.models.helplines import to_e164
from translations.snippets import record_approval

from . import demo_uuid
from .helplines import HELPLINES, HelplineSpec
from .regions import REGIONS, RegionSpec, all_locale_codes
from .sync import Tally, assign
from .text import text_for


def sync_locales(tally: Tally) -> dict[str, Locale]:
    """One Wagtail Locale per content language of the settings."""
    wanted = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    missing = sorted(set(all_locale_codes()) - set(wanted))
    if missing:
        raise CommandError(
            f"The demo needs locales the settings do not list: {', '.join(missing)}"
        )
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for code in wanted:
        if code in locales:
            tally.add("locale", "unchanged")
        else:
            locales[code] = Locale.objects.create(language_code=code)
            tally.add("locale", "created")
    return locales


def sync_regions(locales: dict[str, Locale], tally: Tally) -> dict[str, Region]:
    existing = {region.code: region for region in Region.objects.all()}
    links = {link.locale_id: link for link in RegionLocale.objects.all()}
    regions = {}
    for spec in REGIONS:
        with transaction.atomic():
            region = existing.get(spec.code)
            created = region is None
            if created:
                region = Region(code=spec.code)
            changed = assign(region, name=spec.name, time_zone=spec.time_zone)
            if created or changed:
                region.full_clean()
                region.save()
            tally.add("region", _outcome(created, changed))
            for order, code in enumerate(spec.locales):
                _link_locale(region, locales[code], order, links, tally)
        regions[spec.code] = region
    return regions


def _link_locale(region, locale, order, links, tally) -> None:
    link = links.get(locale.pk)
    if link is None:
        RegionLocale.objects.create(region=region, locale=locale, sort_order=order)
        tally.add("region locale", "created")
    elif assign(link, region=region, sort_order=order):
        link.save()
        tally.add("region locale", "updated")
    else:
        tally.add("region locale", "unchanged")


def _outcome(created: bool, changed: bool) -> str:
    if created:
        return "created"
    return "updated" if changed else "unchanged"


def _legal_values(spec: RegionSpec, region: Region, locale_code: str) -> dict:
    legal = text_for(locale_code)["legal"]
    return {
        "region": region,
        "title": legal["title"][spec.code],
        "body": legal["body"] % {"place": legal["place"][spec.code]},
        "last_reviewed": spec.legal_reviewed,
        # Due three years after the demo's review: launch-ready today.
        "review_by": spec.legal_reviewed.replace(year=spec.legal_reviewed.year + 3),
    }


def sync_legal_texts(regions, locales, tally: Tally) -> None:
    """One legal text per region, in each of its locales."""
    for spec in REGIONS:
        key = demo_uuid(f"legal-text/{spec.code}")
        region = regions[spec.code]
        source = None
        for code in spec.locales:
            values = _legal_values(spec, region, code)
            row = _sync_translatable(
                LegalText,
                key,
                locales[code],
                source,
                values,
                tally,
                kind="legal text",
            )
            source = source or row  # the region's first locale
        # The demo's law counts as signed off as it reads, so a release of
        # the demo is not blocked (campaign.releases.readiness).
        if LegalSignOff.current(source) is None:
            LegalSignOff.sign(source, None, "Demo content (seed_demo).")
            tally.add("legal sign-off", "created")


def _helpline_values(spec: HelplineSpec, region: Region, locale_code: str) -> dict:
    text = text_for(locale_code)
    words = text["helplines"][spec.kind]
    return {
        "region": region,
        "name": f"{words['name']} {text['example']}",
        "description": words["description"],
        "phone": to_e164(spec.phone, region.code) if spec.phone else "",
        "web_url": spec.web_url,
        "chat_url": spec.chat_url,
        "languages": spec.languages,
        "anonymity_note": words["anonymity_note"],
        "always_open": spec.always_open,
        "time_zone": spec.time_zone,
        "is_example": True,
    }


def sync_helplines(regions, locales, tally: Tally) -> None:
    """The example helplines of each region, in each of its locales."""
    for region_spec in REGIONS:
        region = regions[region_spec.code]
        for order, spec in enumerate(HELPLINES[region_spec.code]):
            key = demo_uuid(f"helpline/{region_spec.code}/{spec.kind}")
            source = None
            for code in region_spec.locales:
                values = _helpline_values(spec, region, code)
                values["sort_order"] = order
                row = _sync_translatable(
                    Helpline,
                    key,
                    locales[code],
                    source,
                    values,
                    tally,
                    kind="helpline",
                    hours=spec.opening_hours(),
                    closures=spec.closure_rows(),
                )
                source = source or row  # the region's first locale


def _current_hours(helpline: Helpline) -> list:
    return sorted(
        (row.weekday, row.opens, row.closes) for row in helpline.opening_hours.all()
    )


def _current_closures(helpline: Helpline) -> list:
    return [(row.starts, row.ends, row.kind) for row in helpline.closures.all()]


def _sync_translatable(
    model, key, locale, source, values, tally, *, kind, hours=None, closures=None
):
    """Find the row of ``key`` in ``locale``; create it (as a translation of
    ``source`` when there is one) or update what differs. Returns the row."""
    instance = (
        model.objects.filter(translation_key=key, locale=locale)
        .select_related("region")
        .first()
    )
    created = instance is None
    if created:
        if source is None:
            instance = model(translation_key=key, locale=locale)
        else:
            instance = source.copy_for_translation(locale)
    changed = assign(instance, **values)
    if hours is not None and _current_hours(instance) != hours:
        instance.opening_hours = [
            OpeningHours(weekday=day, opens=opens, closes=closes, sort_order=order)
            for order, (day, opens, closes) in enumerate(hours)
        ]
        changed = True
    if closures is not None and _current_closures(instance) != closures:
        instance.closures = [
            HelplineClosure(starts=starts, ends=ends, kind=reason, sort_order=order)
            for order, (starts, ends, reason) in enumerate(closures)
        ]
        changed = True
    if created or changed:
        with transaction.atomic():
            instance.full_clean()
            instance.save()
    if source is not None:
        # Demo text counts as reviewed, and against this source text: when
        # an editor changes the source, the status matrix says "outdated".
        record_approval(source, instance, "Demo content (seed_demo).")
    tally.add(kind, _outcome(created, changed))
    return instance
