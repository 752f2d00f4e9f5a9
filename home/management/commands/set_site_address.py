"""Point the default Site at the public address (``PUBLIC_BASE_URL``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.site_address import set_default_site_address


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from a public address "
        "(default: PUBLIC_BASE_URL), so canonical links, hreflang, the sitemap "
        "and share images name the real host."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", default=None)

    def handle(self, *args, url, **options):
        url = url or settings.PUBLIC_BASE_URL
        if not url:
            raise CommandError("Give an address or set PUBLIC_BASE_URL.")
        try:
            site, changed = set_default_site_address(url)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        state = "set to" if changed else "already"
        self.stdout.write(f"Site address {state} {site.root_url}")
