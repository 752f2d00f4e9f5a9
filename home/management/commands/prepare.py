"""Everything ``make run`` does before serving, in one process.

One process instead of five saves Django's start-up four times over, so a
second ``make run`` serves in seconds.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migrate, compile catalogues, collect static files, load the demo and "
        "make sure an admin account exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo", action="store_true", help="Skip seed_demo and ensure_admin."
        )

    def handle(self, *args, no_demo, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("build_catalogues")
        call_command("collectstatic", interactive=False, verbosity=0)
        # Nobody publishes around a release (translations/permissions.py).
        call_command("sync_publication_permissions", verbosity=0)
        if not no_demo:
            call_command("seed_demo")
            call_command("ensure_admin")
