"""How far a wave of releases has gone: "3 of 11 regions live", and whether
it is going live now, in which case the admin screens that show it refresh
themselves (``REFRESH_SECONDS``) until it is done."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from campaign.models import Release

State = Release.State
#: A wave is in progress while a release of it is due within this window
#: (or overdue and still scheduled).
WINDOW = dt.timedelta(minutes=15)
REFRESH_SECONDS = 10


@dataclass
class Progress:
    live: int
    total: int
    in_progress: bool

    @property
    def text(self) -> str:
        return _("%(live)s of %(total)s regions live") % {
            "live": self.live,
            "total": self.total,
        }


def progress(releases, now=None) -> Progress | None:
    """``releases`` of one campaign or rollout; None when there are none."""
    now = now or timezone.now()
    counted = [r for r in releases if r.state not in (State.WITHDRAWN, State.EXPIRED)]
    if not counted:
        return None
    live = sum(r.state == State.PUBLISHED for r in counted)
    due = any(
        r.state == State.SCHEDULED and r.go_live_at <= now + WINDOW for r in counted
    )
    return Progress(live, len(counted), in_progress=due)
