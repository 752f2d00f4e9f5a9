"""The reach report per campaign, and its CSV export (suppressed alike)."""

import csv
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from outreach import allocation
from outreach.models import PageViewCount, Partner, ReachCount, Warning

from . import charts, stats

DIMENSIONS = {"region": "region", "locale": "locale", "partner": "partner",
              "day": "day"}  # fmt: skip


def allowed(user) -> bool:
    return user.is_superuser or user.has_perm("outreach.view_warning")


def _warning(request, campaign_id: int) -> Warning:
    if not allowed(request.user):
        raise PermissionDenied
    return get_object_or_404(
        Warning.objects.select_related("campaign"), campaign_id=campaign_id
    )


def _labels(warning: Warning) -> dict[int, str]:
    return {
        row.pk: row.label
        for row in warning.variants.filter(locale=warning.campaign.locale_id)
    }


def gather(warning: Warning) -> dict:
    rows = ReachCount.objects.filter(campaign=warning.campaign_id)
    labels = _labels(warning)
    partners = dict(Partner.objects.values_list("pk", "name"))
    totals = {
        row["variant"]: stats.Rate(row["shown"], row["followed"])
        for row in rows.values("variant").annotate(
            shown=Sum("impressions"), followed=Sum("clicks")
        )
    }
    for pk in labels:
        totals.setdefault(pk, stats.Rate(0, 0))
    breakdowns = {}
    for name, field in DIMENSIONS.items():
        table = defaultdict(dict)
        for row in rows.values(field, "variant").annotate(
            shown=Sum("impressions"), followed=Sum("clicks")
        ):
            key = row[field]
            key = partners.get(key, key) if name == "partner" else str(key)
            table[key][row["variant"]] = stats.Rate(row["shown"], row["followed"])
        breakdowns[name] = dict(sorted(table.items()))
    chance = stats.chance_best(totals)
    leader = max(chance, key=chance.get) if chance else None
    shares = allocation.shares(warning, sorted(labels))
    days = [
        (str(row["day"]), row["shown"] if row["shown"] >= stats.threshold() else 0,
         stats.shown(row["shown"]))
        for row in rows.values("day").annotate(shown=Sum("impressions"))
        .order_by("day")
    ]  # fmt: skip
    views = [
        (row["locale"], stats.shown(row["total"]))
        for row in PageViewCount.objects.filter(
            page__translation_key=warning.campaign.translation_key
        )
        .values("locale")
        .annotate(total=Sum("views"))
        .order_by("locale")
    ]
    return {
        "labels": labels,
        "totals": totals,
        "breakdowns": breakdowns,
        "chance": chance,
        "leader": leader,
        "shares": shares,
        "days": days,
        "page_views": views,
    }


def report(request, campaign_id: int):
    warning = _warning(request, campaign_id)
    data = gather(warning)
    labels = data["labels"]
    variants = [
        {
            "label": labels[pk],
            **data["totals"][pk].cells(),
            "chance": "" if not data["chance"] else f"{data['chance'][pk]:.0%}",
            "share": f"{data['shares'].get(pk, 0):.0%}",
        }
        for pk in sorted(labels)
    ]
    breakdowns = {
        name: [
            (key, [(labels.get(pk, pk), rate.cells()) for pk, rate in cells.items()])
            for key, cells in table.items()
        ]
        for name, table in data["breakdowns"].items()
    }
    ctr_rows = [(labels[pk], data["totals"][pk]) for pk in sorted(labels)]
    context = {
        "warning": warning,
        "variants": variants,
        "breakdowns": breakdowns,
        "leader": labels.get(data["leader"]) if data["leader"] else None,
        "leader_chance": data["chance"][data["leader"]] if data["leader"] else None,
        "ctr_chart": charts.ctr_chart(
            ctr_rows,
            # xgettext:no-python-format (a literal percent, never formatted)
            _("Click-through rate per wording, with 95% intervals"),
            _("not shown: counts below the threshold"),
        ),
        "daily_chart": charts.daily_chart(data["days"], _("Impressions per day")),
        "page_views": data["page_views"],
        "threshold": stats.threshold(),
        "page_title": _("Reach: %(campaign)s") % {"campaign": warning.campaign.title},
    }
    return TemplateResponse(request, "outreach/admin/report.html", context)


def report_csv(request, campaign_id: int):
    warning = _warning(request, campaign_id)
    data = gather(warning)
    labels = data["labels"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="reach-{warning.campaign_id}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["dimension", "value", "wording", "impressions", "clicks",
                     "ctr", "ctr_95_interval"])  # fmt: skip
    for pk in sorted(labels):
        cells = data["totals"][pk].cells()
        writer.writerow(["all", "", labels[pk], *cells.values()])
    for name, table in data["breakdowns"].items():
        for key, cells in table.items():
            for pk, rate in cells.items():
                writer.writerow([name, key, labels.get(pk, pk), *rate.cells().values()])
    for locale, views in data["page_views"]:
        writer.writerow(["page_views", locale, "", views, "", "", ""])
    return response


def index(request):
    if not allowed(request.user):
        raise PermissionDenied
    warnings = Warning.objects.select_related("campaign").order_by("campaign__title")
    return TemplateResponse(
        request,
        "outreach/admin/report_index.html",
        {"warnings": warnings, "page_title": _("Reach of the warnings")},
    )
