"""Exit non-zero when the release sweep or a worker has gone quiet.

For supervisors (deploy/systemd/campaign-probe.service): ``manage.py probe
sweep`` fails when beat's sweep is older than HEALTH_SWEEP_STALE_SECONDS;
``manage.py probe worker releases@host`` when that worker's heartbeat is
older than HEALTH_WORKER_STALE_SECONDS (or was never seen).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from monitoring import heartbeats


class Command(BaseCommand):
    help = "Exit 1 naming what is stale: the release sweep, or one worker."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["sweep", "worker"])
        parser.add_argument("hostname", nargs="?", help="the worker's node name")

    def handle(self, *args, what, hostname, **options):
        try:
            sweep_age, workers = heartbeats.read()
        except Exception as error:
            raise CommandError(f"cannot read heartbeats: {error}") from error
        if what == "sweep":
            limit = settings.HEALTH_SWEEP_STALE_SECONDS
            if sweep_age is None or sweep_age > limit:
                seen = "never" if sweep_age is None else f"{sweep_age:.0f} s ago"
                raise CommandError(f"release sweep stale: last {seen}")
            self.stdout.write(f"release sweep ok: {sweep_age:.1f} s ago")
            return
        if not hostname:
            raise CommandError("probe worker needs the worker's node name")
        limit = settings.HEALTH_WORKER_STALE_SECONDS
        age = workers.get(hostname)
        if age is None or age > limit:
            seen = "never" if age is None else f"{age:.0f} s ago"
            raise CommandError(f"worker {hostname} stale: last heartbeat {seen}")
        self.stdout.write(f"worker {hostname} ok: {age:.1f} s ago")
