"""Load the demo of docs/design.md; running it twice changes nothing."""

import time

from django.core.management.base import BaseCommand

from campaign import publication
from demo.content.sync import load_demo


class Command(BaseCommand):
    help = (
        "Create or bring up to date the demo: 11 regions, 15 locales, one campaign "
        "per locale, legal texts and example helplines. Safe to run again."
    )

    def handle(self, *args, **options):
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
