from django.core.management.base import BaseCommand

from campaign.releases import engine

from ._pages import resolve_page


class Command(BaseCommand):
    help = (
        "Unpublish a campaign in every locale and region now, and cancel its releases."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="Page id or URL path (any translation).")

    def handle(self, *args, page, **options):
        page = resolve_page(page)
        unpublished, cancelled = engine.withdraw_campaign(page)
        self.stdout.write(
            f"Withdrawn “{page.title}”: {len(unpublished)} page(s) unpublished, "
            f"{cancelled} release(s) cancelled."
        )
