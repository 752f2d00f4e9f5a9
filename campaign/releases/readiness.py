"""Is a campaign ready to go live in a region? The checklist, per region.

The same checklist answers before planning (the rollout form), after it
(timelines, the dashboard: "will be blocked because..."), at the instant
(``engine.plan`` blocks on it) and after a block (``engine.recheck_blocked``
returns a release to scheduled when its reasons went away). Plain
functions over the ORM, evaluated each time from the rows that decide them,
so a change of any input counts at once.

A region is ready when:

- every locale of the region has a translation whose approved revision is
  current: made from the source's approved revision, or a later one (the
  source itself needs its own approval);
- its legal text is signed off as it reads now and its review-by date has
  not passed;
- it has at least one helpline.

A slug left as the source's in a locale of another language is reported
as advice: it does not block.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from campaign.models import (
    CampaignPage,
    Helpline,
    LegalSignOff,
    Region,
    TranslationReview,
    source_legal_text,
    source_page,
)
from campaign.timezones import admin_date, region_label

Status = TranslationReview.Status


@dataclass
class Check:
    key: str  # translation, legal, helpline, slug, locale
    ok: bool
    message: str
    blocking: bool = True


@dataclass
class RegionReadiness:
    region: Region
    checks: list[Check] = field(default_factory=list)
    #: (page, approved revision) per locale that has one.
    pairs: list = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.checks if check.blocking)

    @property
    def reasons(self) -> list[str]:
        return [c.message for c in self.checks if c.blocking and not c.ok]

    def as_dict(self) -> dict:
        return {
            "region": self.region.code,
            "ready": self.ready,
            "checks": [
                {
                    "check": c.key,
                    "ok": c.ok,
                    "blocking": c.blocking,
                    "message": c.message,
                }
                for c in self.checks
            ],
        }


def approval(page) -> TranslationReview | None:
    return (
        TranslationReview.objects.filter(page=page, status=Status.APPROVED)
        .select_related("revision", "source_revision")
        .order_by("-decided_at", "-pk")
        .first()
    )


def _reference(source: CampaignPage):
    """The source revision translations must be made from (or after)."""
    approved = approval(source)
    if approved is not None:
        return approved.revision
    return source.live_revision or source.latest_revision


def _translation_checks(result, source, locale, page, reference) -> None:
    code = locale.language_code
    if page is None:
        result.checks.append(
            Check(
                "translation",
                False,
                _("%(locale)s has no translation of this page.") % {"locale": code},
            )
        )
        return
    review = approval(page)
    if review is None:
        result.checks.append(
            Check(
                "translation",
                False,
                _("The %(locale)s translation is not approved.") % {"locale": code},
            )
        )
        return
    result.pairs.append((page, review.revision))
    made_from = review.source_revision
    outdated = (
        page.pk != source.pk
        and made_from is not None
        and reference is not None
        and made_from.created_at < reference.created_at
    )
    if outdated:
        message = _(
            "The approved %(locale)s translation is outdated: the source "
            "changed after it was made."
        ) % {"locale": code}
    else:
        message = _("The %(locale)s translation is approved and current.") % {
            "locale": code
        }
    result.checks.append(Check("translation", not outdated, message))
    slug = review.revision.content.get("slug") or page.slug
    same_language = code.split("-")[0] == source.locale.language_code.split("-")[0]
    if page.pk != source.pk and not same_language and slug == source.slug:
        result.checks.append(
            Check(
                "slug",
                False,
                _("The %(locale)s address still uses the source's slug “%(slug)s”.")
                % {"locale": code, "slug": slug},
                blocking=False,
            )
        )


def _legal_checks(result, region, today) -> None:
    text = source_legal_text(region)
    if text is None:
        result.checks.append(Check("legal", False, _("The region has no legal text.")))
        return
    signed = LegalSignOff.current(text)
    if signed is None:
        result.checks.append(
            Check(
                "legal",
                False,
                _("The legal text “%(title)s” is not signed off as it reads now.")
                % {"title": text.title},
            )
        )
    elif text.review_by and text.review_by < today:
        result.checks.append(
            Check(
                "legal",
                False,
                _("The legal text “%(title)s” was due for review on %(date)s.")
                % {"title": text.title, "date": admin_date(text.review_by)},
            )
        )
    else:
        until = admin_date(text.review_by) if text.review_by else _("no date")
        result.checks.append(
            Check(
                "legal",
                True,
                _("The legal text is signed off (review by %(date)s).")
                % {"date": until},
            )
        )


def region_readiness(
    page: CampaignPage, region: Region, when: dt.datetime | None = None
) -> RegionReadiness:
    """The checklist of ``page``'s campaign in ``region``, as of ``when``
    (the release's instant; default now) for the legal review-by date."""
    source = source_page(page)
    result = RegionReadiness(region)
    locales = list(
        Locale.objects.filter(region_locale__region=region).order_by(
            "region_locale__sort_order"
        )
    )
    if not locales:
        result.checks.append(
            Check(
                "locale",
                False,
                _("The region %(code)s has no locale.") % {"code": region.code},
            )
        )
    pages = {
        p.locale_id: p
        for p in CampaignPage.objects.filter(
            translation_key=source.translation_key, locale__in=locales
        )
    }
    reference = _reference(source)
    for locale in locales:
        _translation_checks(result, source, locale, pages.get(locale.pk), reference)
    when = when or timezone.now()
    _legal_checks(result, region, when.astimezone(region.zone).date())
    if Helpline.objects.filter(region=region).exists():
        result.checks.append(Check("helpline", True, _("The region has a helpline.")))
    else:
        result.checks.append(Check("helpline", False, _("The region has no helpline.")))
    return result


def for_page(page: CampaignPage, regions=None, when=None) -> list[RegionReadiness]:
    regions = Region.objects.order_by("code") if regions is None else regions
    return [region_readiness(page, region, when) for region in regions]


def will_block(release, now=None) -> list[str]:
    """Why a scheduled release would be blocked at its instant, if it were
    now (empty when it would publish, or when a gate was overridden)."""
    if release.gate_overridden_by_id:
        return []
    when = max(release.go_live_at, now or timezone.now())
    return region_readiness(release.page, release.region, when).reasons


def instant_label(release) -> str:
    return region_label(release.go_live_at, release.region.zone)
