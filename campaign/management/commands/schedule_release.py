import getpass
import logging

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.log_actions import log

from campaign.releases import engine, limits

from ._pages import resolve_page, resolve_region

logger = logging.getLogger("campaign.releases.commands")


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (a bare container)
        return "unknown"


class Command(BaseCommand):
    help = (
        "Schedule a campaign page in a region at a local wall time of that region. "
        "Prints the release id and the UTC instant. Times must lie between now "
        "(minus a minute) and ten years ahead; a past go-live is refused unless "
        "--now is given, which publishes it at once and logs who did."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", required=True, help="Page id or URL path.")
        parser.add_argument("--region", required=True, help="Region code, e.g. DK.")
        parser.add_argument(
            "--go-live",
            required=True,
            help='Local wall time "YYYY-MM-DD HH:MM[:SS]" (add +HH:MM when it '
            "happens twice).",
        )
        parser.add_argument("--expire", help="Local wall time of the expiry.")
        parser.add_argument(
            "--now",
            action="store_true",
            help="The go-live is past: publish at once (logged with the operator).",
        )
        parser.add_argument(
            "--operator",
            default=None,
            help="Who is scheduling, recorded on the release and its log "
            "entries (default: the system account running the command).",
        )

    def handle(self, *args, page, region, go_live, expire, now, operator, **options):
        page = resolve_page(page)
        region = resolve_region(region)
        operator = (operator or _operator()).strip() or "unknown"
        moment = timezone.now()
        try:
            go_live_at = limits.wall_instant(go_live, region.zone, moment)
            expire_at = (
                limits.wall_instant(expire, region.zone, moment, expiry=True)
                if expire
                else None
            )
            if now and go_live_at > moment:
                raise CommandError(
                    f"--now publishes a go-live that is already past; "
                    f"{go_live} in {region.code} is still to come. Leave out --now."
                )
            release = engine.schedule(
                page,
                region,
                go_live_at,
                expire_at,
                operator=operator,
                now=moment,
                allow_past=now,
            )
        except ValidationError as error:
            message = " ".join(error.messages)
            codes = {item.code for items in _errors(error).values() for item in items}
            if "too_early" in codes and "go_live" in _errors(error):
                message += " To publish it at once anyway, give --now."
            raise CommandError(message) from None
        self.stdout.write(
            f"Release {release.pk}: {release.page.title} in {region.code} at "
            f"{release.go_live_at:%Y-%m-%d %H:%M:%S} UTC ({release.go_live_local})"
        )
        if now:
            self._publish_now(release, operator)

    def _publish_now(self, release, operator):
        log(
            instance=release.page,
            action="campaign.release.publish_now",
            data={
                "release": release.pk,
                "region": release.region.code,
                "go_live_at": release.go_live_at.isoformat(),
                "operator": operator,
            },
        )
        logger.warning(
            "release %s: past go-live %s published at once with --now by %s",
            release.pk,
            release.go_live_local,
            operator,
        )
        outcome = engine.publish_release(release.pk)
        detail = f": {outcome.detail}" if outcome.detail else ""
        self.stdout.write(
            f"Published at once (--now, by {operator}): {outcome.result}, "
            f"{len(outcome.pages)} page(s){detail}"
        )
        if outcome.result != "published":
            raise CommandError(
                f"Release {release.pk} did not publish: {outcome.result}{detail}"
            )


def _errors(error: ValidationError) -> dict:
    return error.error_dict if hasattr(error, "error_dict") else {None: [error]}
