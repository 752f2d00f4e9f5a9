"""What the page history says about a release's publications.

Every publish, unpublish and expiry a release makes is a Wagtail
``PageLogEntry`` whose ``data["release"]`` names the release, its region and
rollout, and who scheduled it: an admin account, or the operator of the
command that did (``Release.operator``). Wagtail's actions take no extra
data, so the entries they wrote inside a ``LogContext`` (its uuid names
them) are completed afterwards, in the same transaction.
"""

from wagtail.log_actions import LogContext
from wagtail.models import PageLogEntry

from campaign.models import Release


def entry_data(release: Release, event: str) -> dict:
    """What a log entry made by ``release`` says about it: the release, its
    rollout, and who scheduled it (an admin account, or a command's operator)."""
    user = release.scheduled_by
    return {
        "id": release.pk,
        "event": event,
        "region": release.region.code,
        "rollout": release.rollout_id,
        "scheduled_by": (
            {"id": user.pk, "username": user.get_username()} if user else None
        ),
        "operator": release.operator,
    }


def mark_entries(context: LogContext, data: dict | None) -> None:
    """Add ``data`` as ``release`` to the log entries Wagtail just wrote in
    ``context`` (its uuid names them): Wagtail's actions take no extra data."""
    if data is None:
        return
    for entry in PageLogEntry.objects.filter(uuid=context.uuid):
        entry.data = {**(entry.data or {}), "release": data}
        entry.save(update_fields=["data"])
