import json

from django.core.management.base import BaseCommand

from campaign.models import Release


def as_row(release: Release) -> dict:
    def iso(moment):
        return moment.isoformat() if moment else None

    return {
        "id": release.pk,
        "page": release.page_id,
        "title": release.page.title,
        "region": release.region.code,
        "state": release.state,
        "go_live_at": iso(release.go_live_at),
        "go_live_local": release.go_live_local,
        "expire_at": iso(release.expire_at),
        "published_at": iso(release.published_at),
        "lateness_seconds": (
            release.lateness.total_seconds() if release.lateness is not None else None
        ),
        "attempts": release.attempts,
        "last_error": release.last_error,
        "blocked_reason": release.blocked_reason,
    }


class Command(BaseCommand):
    help = "List every release with its state, scheduled and actual time, lateness."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="One JSON document.")

    def handle(self, *args, **options):
        rows = [
            as_row(release)
            for release in Release.objects.select_related("page", "region").order_by(
                "go_live_at", "region__code"
            )
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No releases.")
            return
        for row in rows:
            late = (
                f"{row['lateness_seconds']:+.3f} s"
                if row["lateness_seconds"] is not None
                else "-"
            )
            self.stdout.write(
                f"{row['id']:>5}  {row['region']:<3}  {row['state']:<9}  "
                f"{row['go_live_at']}  ({row['go_live_local']})  "
                f"published {row['published_at'] or '-'}  late {late}  {row['title']}"
            )
            if row["blocked_reason"] or row["last_error"]:
                self.stdout.write(
                    f"       {row['blocked_reason'] or row['last_error']}"
                )
