"""Publish, in this process, every release that is due now."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaign.models import Release
from campaign.releases import engine, sweep


class Command(BaseCommand):
    help = (
        "Publish every release due now (and expire what has expired) in this "
        "process, without a worker, printing what happened to each."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        for pk in engine.recheck_blocked(now):
            self.stdout.write(f"release {pk}: unblocked, its checklist passes")
        found = sweep.sweep(now, horizon=timedelta(0))
        if not found.overdue and not found.expiring:
            self.stdout.write("Nothing is due.")
        for pk in found.overdue:
            outcome = engine.publish_release(pk)
            release = Release.objects.select_related("region").get(pk=pk)
            detail = f": {outcome.detail}" if outcome.detail else ""
            self.stdout.write(
                f"release {pk} ({release.page_id} in {release.region.code}): "
                f"{outcome.result}, {len(outcome.pages)} page(s){detail}"
            )
        for pk in found.expiring:
            outcome = engine.expire_release(pk)
            self.stdout.write(f"release {pk}: {outcome.result}")
