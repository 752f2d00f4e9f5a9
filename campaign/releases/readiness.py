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

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Revision

from campaign.models import (
    CampaignPage,
    Helpline,
    LegalSignOff,
    Region,
    TranslationReview,
    source_legal_text,
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
    return approvals([page]).get(page.pk)


def approvals(pages) -> dict[int, TranslationReview]:
    """Per page, its latest approved review (with both revisions), in two
    queries for any number of pages."""
    latest = (
        TranslationReview.objects.filter(page=OuterRef("pk"), status=Status.APPROVED)
        .order_by("-decided_at", "-pk")
        .values("pk")[:1]
    )
    ids = (
        Page.objects.filter(pk__in={page.pk for page in pages})
        .annotate(review=Subquery(latest))
        .exclude(review=None)
        .values_list("review", flat=True)
    )
    reviews = TranslationReview.objects.filter(pk__in=list(ids)).select_related(
        "revision", "source_revision"
    )
    return {review.page_id: review for review in reviews}


def _references(sources, approved) -> dict[int, object]:
    """Per source, the revision translations must be made from (or after):
    its approved one, else its live one, else its latest."""
    wanted = {
        source.pk: source.live_revision_id or source.latest_revision_id
        for source in sources
        if source.pk not in approved
    }
    found = Revision.objects.in_bulk({pk for pk in wanted.values() if pk})
    return {
        source.pk: approved[source.pk].revision
        if source.pk in approved
        else found.get(wanted[source.pk])
        for source in sources
    }


def _translation_checks(result, source, language, locale, page, review, reference):
    """``language``: the source's language code."""
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
    same_language = code.split("-")[0] == language.split("-")[0]
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


def _legal_checks(region, today) -> list[Check]:
    text = source_legal_text(region)
    if text is None:
        return [Check("legal", False, _("The region has no legal text."))]
    signed = LegalSignOff.current(text)
    if signed is None:
        return [
            Check(
                "legal",
                False,
                _("The legal text “%(title)s” is not signed off as it reads now.")
                % {"title": text.title},
            )
        ]
    if text.review_by and text.review_by < today:
        return [
            Check(
                "legal",
                False,
                _("The legal text “%(title)s” was due for review on %(date)s.")
                % {"title": text.title, "date": admin_date(text.review_by)},
            )
        ]
    until = admin_date(text.review_by) if text.review_by else _("no date")
    return [
        Check(
            "legal",
            True,
            _("The legal text is signed off (review by %(date)s).") % {"date": until},
        )
    ]


def _region_checks(region, when) -> list[Check]:
    """What does not depend on the campaign: legal text, helpline."""
    checks = _legal_checks(region, when.astimezone(region.zone).date())
    if Helpline.objects.filter(region=region).exists():
        checks.append(Check("helpline", True, _("The region has a helpline.")))
    else:
        checks.append(Check("helpline", False, _("The region has no helpline.")))
    return checks


def _sources(pages) -> list[CampaignPage]:
    """``source_page`` of each page, in one query for all."""
    default = Locale.get_default()
    keys = {page.translation_key for page in pages if page.locale_id != default.pk}
    found = {
        source.translation_key: source
        for source in Page.objects.filter(
            translation_key__in=keys, locale=default
        ).specific()
    }
    return [
        page.specific
        if page.locale_id == default.pk
        else found.get(page.translation_key, page.specific)
        for page in pages
    ]


def region_readiness(
    page: CampaignPage, region: Region, when: dt.datetime | None = None
) -> RegionReadiness:
    """The checklist of ``page``'s campaign in ``region``, as of ``when``
    (the release's instant; default now) for the legal review-by date."""
    return campaigns_readiness([page], region, when)[0]


def campaigns_readiness(
    pages, region: Region, when: dt.datetime | None = None
) -> list[RegionReadiness]:
    """``region_readiness`` of each of ``pages``' campaigns, in a number of
    queries that does not grow with them: a wave's region batch gates all
    its releases at once."""
    sources = _sources(pages)
    locales = list(
        Locale.objects.filter(region_locale__region=region).order_by(
            "region_locale__sort_order"
        )
    )
    translations = {
        (p.translation_key, p.locale_id): p
        for p in CampaignPage.objects.filter(
            translation_key__in={source.translation_key for source in sources},
            locale__in=locales,
        )
    }
    approved = approvals([*sources, *translations.values()])
    references = _references(sources, approved)
    languages = Locale.objects.in_bulk({source.locale_id for source in sources})
    region_checks = _region_checks(region, when or timezone.now())
    results = []
    for source in sources:
        result = RegionReadiness(region)
        if not locales:
            message = _("The region %(code)s has no locale.") % {"code": region.code}
            result.checks.append(Check("locale", False, message))
        language = languages[source.locale_id].language_code
        for locale in locales:
            page = translations.get((source.translation_key, locale.pk))
            _translation_checks(
                result, source, language, locale, page,
                approved.get(page.pk) if page else None, references[source.pk],
            )  # fmt: skip
        result.checks += region_checks
        results.append(result)
    return results


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
