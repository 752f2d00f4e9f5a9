"""Everything ``make run`` does before serving, in one process.

One process instead of five saves Django's start-up four times over, so a
second ``make run`` serves in seconds.
"""

import io
import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand

#: Loggers that say INFO for every page, task and search-index update.
QUIET_LOGGERS = ("django_tasks", "wagtail", "celery", "modelsearch")


class Command(BaseCommand):
    help = (
        "Migrate, compile catalogues, collect static files, keep group "
        "permissions in step, load the demo into an empty database (never over "
        "an editor's changes) and make sure an admin account exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo", action="store_true", help="Skip seed_demo and ensure_admin."
        )
        parser.add_argument(
            "--site-address",
            default="",
            help="The public address (http://127.0.0.1:8000): set on the Site.",
        )
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Skip ensure_admin (run_all creates the account and says so).",
        )

    def handle(self, *args, no_demo, site_address, no_admin, **options):
        # One line per step, not one per background task of the demo's
        # hundreds of saves: what matters to a newcomer is the last block.
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        call_command("migrate", interactive=False, verbosity=0)
        if site_address:
            call_command("set_site_address", site_address)
        call_command("build_catalogues")
        call_command("collectstatic", interactive=False, verbosity=0)
        # Nobody publishes around a release (translations/permissions.py).
        call_command("sync_publication_permissions", verbosity=0)
        if not no_demo:
            # Only into an empty database: seed_demo leaves content alone
            # unless given --reset.
            call_command("seed_demo", stdout=self.stdout)
            if not no_admin:
                call_command("ensure_admin")
        # The groups of regions and locales (regional editors, legal
        # reviewers, translators, reviewers) follow the data.
        quiet = io.StringIO()
        call_command("sync_regional_groups", stdout=quiet)
        call_command("sync_translator_groups", stdout=quiet)
