"""Load the demo of docs/design.md into an empty database; ``--reset``
reloads it over what is there (an editor's changes to demo rows are lost)."""

import time

from django.core.management.base import BaseCommand

from campaign import publication
from campaign.models import CampaignPage, Region
from demo.content.sync import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo into an empty database: 11 regions, 15 locales, one "
        "campaign per locale, signed-off legal texts and example helplines, all "
        "approved. In a database with content it does nothing unless --reset, "
        "which brings every demo row back to the demo's text."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Reload the demo over existing content (edits to demo rows are lost).",
        )

    def handle(self, *args, reset=False, **options):
        if not reset and (Region.objects.exists() or CampaignPage.objects.exists()):
            self.stdout.write(
                "Demo: the database has content already; nothing loaded. "
                "`manage.py seed_demo --reset` reloads the demo over it."
            )
            return
        # No transaction around the whole run: the loader commits each page
        # on its own (see demo/content/pages.py).
        started = time.monotonic()
        # Demo text is recorded as reviewed before it is published
        # (demo/content/pages.py), as a release would require.
        with publication.permitted("seed_demo"):
            tally = load_demo()
        seconds = time.monotonic() - started
        written = tally.total("created") + tally.total("updated")
        if options["verbosity"] >= 2:
            self.stdout.write(tally.summary())
        self.stdout.write(
            f"Demo: {tally.total('created')} created, {tally.total('updated')} "
            f"updated, {tally.total('unchanged')} unchanged in {seconds:.1f} s"
            + ("." if written else " (nothing to do).")
        )
