"""The translation matrix as people read it: campaigns by locale.

``translations.views.matrix.matrix`` works out one row per campaign page,
helpline and legal text with a cell per locale. This module arranges those
rows for a screen of 25 languages: a row per campaign (opening onto its
page, the helplines and the legal texts its readers see), a column per
locale including the source, grouped by region with the viewer's own
locales first, a summary per campaign and per locale, filters, and links
only where the viewer may go.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from campaign.models import CampaignPage, Region, Release
from translations.permissions import reviewer_locales, translator_locales
from translations.status import Cell, Row
from translations.views.matrix import matrix, workspace_url

#: Worst first: a campaign's cell shows the worst state of its parts.
ORDER = (
    "withdrawn",
    "outdated",
    "missing",
    "in_progress",
    "submitted",
    "approved",
    "live",
)
#: State -> (Wagtail icon, label for the legend and screen readers).
LOOK = {
    "live": ("circle-check", gettext_lazy("live")),
    "approved": ("check", gettext_lazy("approved")),
    "submitted": ("time", gettext_lazy("submitted")),
    "in_progress": ("edit", gettext_lazy("in progress")),
    "missing": ("radio-empty", gettext_lazy("missing")),
    "outdated": ("warning", gettext_lazy("outdated")),
    "withdrawn": ("no-view", gettext_lazy("withdrawn")),
    "source": ("doc-full", gettext_lazy("source")),
    "na": ("minus", gettext_lazy("not applicable")),
}
READY = ("approved", "live")


@dataclass
class Column:
    locale: Locale
    region: Region | None
    own: bool = False
    starts_group: bool = False


@dataclass
class Group:
    label: str
    columns: list[Column]
    own: bool = False
    code: str = ""


@dataclass
class Summary:
    """A campaign's state in one locale, from the states of its parts."""

    locale: Locale
    state: str
    ready: int = 0
    total: int = 0
    outdated: int = 0
    url: str | None = None
    own: bool = False
    starts_group: bool = False

    @property
    def icon(self) -> str:
        return LOOK[self.state][0]

    @property
    def label(self) -> str:
        return str(LOOK[self.state][1])


@dataclass
class CampaignRow:
    source: CampaignPage
    title: str
    url: str | None
    items: list[Row] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    totals: str = ""


def totals_text(ready: int, total: int, outdated: int) -> str:
    if outdated:
        return _("%(ready)s of %(total)s approved, %(outdated)s outdated") % {
            "ready": ready,
            "total": total,
            "outdated": outdated,
        }
    return _("%(ready)s of %(total)s approved") % {"ready": ready, "total": total}


def own_locale_ids(user) -> set[int]:
    """The locales a translator or reviewer works in; none for superusers,
    who see every locale in region order."""
    if user.is_superuser:
        return set()
    return set(translator_locales(user).values_list("pk", flat=True)) | set(
        reviewer_locales(user).values_list("pk", flat=True)
    )


def groups_for(user, region: Region | None) -> list[Group]:
    """Columns grouped by region, the user's own locales first; the source
    locale always shows."""
    default = Locale.get_default()
    own = own_locale_ids(user)
    locales = Locale.objects.select_related("region_locale__region").order_by(
        "region_locale__region__code", "region_locale__sort_order", "language_code"
    )
    groups: dict = {}
    mine = []
    for locale in locales:
        link = getattr(locale, "region_locale", None)
        locale_region = link.region if link else None
        if region is not None and locale_region != region and locale != default:
            if locale.pk not in own:
                continue
        column = Column(locale, locale_region, own=locale.pk in own)
        if column.own:
            mine.append(column)
        else:
            groups.setdefault(locale_region, []).append(column)
    result = [Group(_("Your locales"), mine, own=True)] if mine else []
    # The source's region first, so the source column leads the others.
    regions = sorted(groups, key=lambda r: (default not in _locales(groups[r]), str(r)))
    for item in regions:
        label = f"{item.name} ({item.code})" if item else _("Other")
        result.append(Group(label, groups[item], code=item.code if item else "–"))
    for group in result:
        group.columns[0].starts_group = True
    return result


def _locales(columns: list[Column]) -> list[Locale]:
    return [column.locale for column in columns]


def withdrawn_pairs(sources) -> set[tuple[int, int]]:
    """(source page id, region id) of every withdrawn release."""
    return set(
        Release.objects.filter(
            page__in=sources, state=Release.State.WITHDRAWN
        ).values_list("page_id", "region_id")
    )


def _mark_withdrawn(row: Row, source, columns, withdrawn) -> None:
    for cell, column in zip(row.cells, columns, strict=True):
        if column.region is None or cell.state != "approved":
            continue
        if (source.pk, column.region.pk) in withdrawn:
            cell.state = "withdrawn"
            cell.note = _("The campaign was withdrawn in this region.")


def summarise(locale: Locale, cells: list[Cell]) -> Summary:
    states = [cell.state for cell in cells if cell.state not in ("na", "source")]
    if not states:
        state = "source" if any(c.state == "source" for c in cells) else "na"
        return Summary(locale, state)
    worst = min(states, key=ORDER.index)
    return Summary(
        locale,
        worst,
        ready=sum(state in READY for state in states),
        total=len(states),
        outdated=states.count("outdated"),
    )


def build(user, region=None, state="", campaign_id=None):
    """Everything the status screen shows, as plain data the tests read."""
    groups = groups_for(user, region)
    columns = [column for group in groups for column in group.columns]
    locales = _locales(columns)
    _same, rows = matrix(user, region, columns=locales)
    default = Locale.get_default()
    sources = CampaignPage.objects.filter(locale=default).order_by("title")
    by_url = {
        reverse("wagtailadmin_pages:edit", args=[source.pk]): source
        for source in sources
    }
    page_rows = [row for row in rows if row.kind == "page"]
    snippet_rows = [row for row in rows if row.kind != "page"]
    withdrawn = withdrawn_pairs(sources)
    own = own_locale_ids(user)
    first_own = next((c.locale for c in columns if c.locale.pk in own), None)
    campaigns = []
    for row in page_rows:
        # matrix() names each campaign page's source by its editor URL.
        source = by_url[row.source_edit_url]
        if campaign_id and source.pk != campaign_id:
            continue
        for cell, locale in zip(row.cells, locales, strict=True):
            if locale.pk == default.pk:
                cell.state, cell.percent, cell.note = "source", None, ""
        _mark_withdrawn(row, source, columns, withdrawn)
        items = [row, *snippet_rows]
        if state:
            items = [
                item for item in items if any(c.state == state for c in item.cells)
            ]
            if not items:
                continue
        if source.permissions_for_user(user).can_edit():
            url = reverse("wagtailadmin_pages:edit", args=[source.pk])
        elif first_own is not None:
            url = workspace_url(source, first_own)
        else:
            url = None
        campaign = CampaignRow(source, source.title, url, items=items)
        for index, locale in enumerate(locales):
            parts = [item.cells[index] for item in [row, *snippet_rows]]
            summary = summarise(locale, parts)
            summary.url = row.cells[index].workspace_url
            campaign.summaries.append(summary)
        campaign.totals = totals_text(
            sum(s.ready for s in campaign.summaries),
            sum(s.total for s in campaign.summaries),
            sum(s.outdated for s in campaign.summaries),
        )
        campaigns.append(campaign)
    items = [*page_rows, *snippet_rows]
    for item in items:
        for cell, column in zip(item.cells, columns, strict=True):
            cell.own, cell.starts_group = column.own, column.starts_group
    for campaign in campaigns:
        for summary, column in zip(campaign.summaries, columns, strict=True):
            summary.own, summary.starts_group = column.own, column.starts_group
    totals = []
    for index, locale in enumerate(locales):
        summary = summarise(locale, [item.cells[index] for item in items])
        text = totals_text(summary.ready, summary.total, summary.outdated)
        totals.append((locale, summary, f"{locale.language_code}: {text}"))
    return groups, campaigns, totals


class StatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        code = (query.get("region") or "").upper()
        region = Region.objects.filter(code=code).first() if code else None
        state = query.get("state") or ""
        if state not in ORDER:
            state = ""
        campaign_id = query.get("campaign") or ""
        campaign_id = int(campaign_id) if campaign_id.isdigit() else None
        groups, campaigns, totals = build(
            self.request.user, region, state=state, campaign_id=campaign_id
        )
        context.update(
            regions=Region.objects.order_by("code"),
            region=region,
            states=[(name, LOOK[name][1]) for name in ORDER],
            state=state,
            all_campaigns=CampaignPage.objects.filter(
                locale=Locale.get_default()
            ).order_by("title"),
            campaign_id=campaign_id,
            groups=groups,
            columns=[column for group in groups for column in group.columns],
            campaigns=campaigns,
            totals=totals,
            legend=[(name, *LOOK[name]) for name in (*ORDER, "source", "na")],
            filtered=bool(region or state or campaign_id),
        )
        return context
