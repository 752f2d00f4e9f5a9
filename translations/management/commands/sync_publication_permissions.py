"""Take from every group the permissions that publish around a release."""

from django.core.management.base import BaseCommand

from translations.permissions import sync_publication_permissions


class Command(BaseCommand):
    help = (
        "Remove from every group the permissions that would publish campaign "
        "translations outside a release (wagtail-localize's submit_translation). "
        "Safe to run again; make run runs it."
    )

    def handle(self, *args, **options):
        taken = sync_publication_permissions()
        for line in taken:
            self.stdout.write(f"removed {line}")
        self.stdout.write(
            f"Publication permissions: {len(taken)} removed."
            if taken
            else "Publication permissions: up to date."
        )
