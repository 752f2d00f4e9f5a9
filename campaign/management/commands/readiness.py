"""Print whether a campaign may go live in each region, and why not."""

import json

from django.core.management.base import BaseCommand

from campaign.models import Region
from campaign.releases import readiness

from ._pages import resolve_page, resolve_region


class Command(BaseCommand):
    help = (
        "Print each region's release checklist for a campaign page: approved "
        "and current translations, legal sign-off, helplines, slugs. Exits 1 "
        "when a region asked for is not ready."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="A page id or its URL path.")
        parser.add_argument("--region", help="Only this region (its code).")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, page, region, json: bool, **options):
        campaign = resolve_page(page)
        regions = (
            [resolve_region(region)]
            if region
            else list(Region.objects.order_by("code"))
        )
        results = readiness.for_page(campaign, regions)
        if json:
            self.stdout.write(_dumps([result.as_dict() for result in results]))
        else:
            for result in results:
                verdict = "ready" if result.ready else "NOT READY"
                self.stdout.write(f"{result.region.code}: {verdict}")
                for check in result.checks:
                    mark = "ok " if check.ok else ("-- " if check.blocking else "~~ ")
                    self.stdout.write(f"  {mark}{check.message}")
        if region and not results[0].ready:
            raise SystemExit(1)


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
