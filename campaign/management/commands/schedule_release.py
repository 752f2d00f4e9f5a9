from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from campaign.releases import engine
from campaign.timezones import wall_to_utc

from ._pages import resolve_page, resolve_region


class Command(BaseCommand):
    help = (
        "Schedule a campaign page in a region at a local wall time of that region. "
        "Prints the release id and the UTC instant."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", required=True, help="Page id or URL path.")
        parser.add_argument("--region", required=True, help="Region code, e.g. DK.")
        parser.add_argument(
            "--go-live",
            required=True,
            help='Local wall time "YYYY-MM-DD HH:MM[:SS]" (add +HH:MM when it '
            "happens twice).",
        )
        parser.add_argument("--expire", help="Local wall time of the expiry.")

    def handle(self, *args, page, region, go_live, expire, **options):
        page = resolve_page(page)
        region = resolve_region(region)
        try:
            release = engine.schedule(
                page,
                region,
                wall_to_utc(go_live, region.zone),
                wall_to_utc(expire, region.zone) if expire else None,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"Release {release.pk}: {release.page.title} in {region.code} at "
            f"{release.go_live_at:%Y-%m-%d %H:%M:%S} UTC ({release.go_live_local})"
        )
