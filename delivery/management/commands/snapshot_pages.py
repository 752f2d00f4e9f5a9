"""Write the static snapshot of every live public page, and remove the rest.

Run it once when nginx starts serving snapshots (deploy/nginx.conf); after
that the worker keeps them current on every commit and every minute.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from delivery import snapshots


class Command(BaseCommand):
    help = (
        "Render every live public page into SNAPSHOT_ROOT for nginx, and remove "
        "every snapshot that is not a live public page."
    )

    def handle(self, *args, **options):
        if not settings.SNAPSHOT_ENABLED:
            raise CommandError(
                "SNAPSHOT_ENABLED is off: nothing would keep the snapshots current."
            )
        counts = snapshots.refresh(force_all=True)
        self.stdout.write(
            "Snapshots in {root}: {written} written, {removed} not kept, "
            "{pruned} removed as not live.".format(root=snapshots.root(), **counts)
        )
