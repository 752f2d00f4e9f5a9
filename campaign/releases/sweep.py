"""When releases are due, and how long they keep the workers busy.

Plain Python over the ORM, like the engine: the beat's sweep task
(``campaign.releases.tasks.sweep_releases``) and the benchmarks call it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from campaign.models import Release

State = Release.State

#: How far ahead the sweep hands releases to workers with an ETA. Short on
#: purpose: Redis redelivers unacknowledged ETA tasks after its visibility
#: timeout, so the database, not the broker, holds anything further out.
HORIZON = timedelta(seconds=15)


#: How long an overdue release still counts as being published now: a wave
#: of hundreds takes a minute or two. Past it, work that waits for it goes on.
OVERDUE_GRACE = timedelta(minutes=5)
#: About how long one release holds a worker process: a wave's share of time.
RELEASE_COST = timedelta(milliseconds=100)


def busy_for(ahead: timedelta, now: datetime | None = None) -> timedelta:
    """About how much longer releases need the workers; zero when they do not.

    Counts the releases still scheduled from OVERDUE_GRACE ago (a wave being
    published) to ``ahead`` from now. Work that can wait, such as share
    images, steps aside meanwhile: it would otherwise hold the worker
    processes a release needs at its instant.
    """
    now = now or timezone.now()
    due = Release.objects.filter(
        state=State.SCHEDULED,
        go_live_at__gte=now - OVERDUE_GRACE,
        go_live_at__lte=now + ahead,
    ).aggregate(last=Max("go_live_at"), count=Count("pk"))
    if not due["count"]:
        return timedelta(0)
    return max(due["last"] - now, timedelta(0)) + due["count"] * RELEASE_COST


def instants(now: datetime, behind: timedelta, ahead: timedelta) -> list[datetime]:
    """When releases go live from ``behind`` before ``now`` to ``ahead`` after.

    A published release counts at its ``published_at`` (a late one's readers
    come then); one still scheduled past its instant, up to OVERDUE_GRACE (a
    wave being published), goes live ``now``. Background work pauses around
    these (``config.workload.Hold``); one indexed query on state and instant.
    """
    rows = (
        Release.objects.filter(
            go_live_at__gte=now - OVERDUE_GRACE, go_live_at__lte=now + ahead
        )
        .filter(
            Q(state=State.SCHEDULED)
            | Q(state=State.PUBLISHED, published_at__gte=now - behind)
        )
        .values_list("state", "go_live_at", "published_at")
        .distinct()
    )
    found = set()
    for state, go_live_at, published_at in rows:
        if state == State.PUBLISHED:
            found.add(published_at)
        else:
            found.add(max(go_live_at, now))
    return sorted(found)


# The sweep ----------------------------------------------------------------------


@dataclass
class Sweep:
    overdue: list[int]
    upcoming: list[tuple[int, datetime]]
    expiring: list[int]


def sweep(now: datetime | None = None, horizon: timedelta = HORIZON) -> Sweep:
    """What is due now, what falls due within the horizon, what expires."""
    now = now or timezone.now()
    due = Release.objects.filter(
        state=State.SCHEDULED, go_live_at__lte=now + horizon
    ).values_list("pk", "go_live_at")
    expiring = Release.objects.filter(
        state=State.PUBLISHED, expire_at__isnull=False, expire_at__lte=now
    ).values_list("pk", flat=True)
    overdue = [pk for pk, at in due if at <= now]
    upcoming = [(pk, at) for pk, at in due if at > now]
    return Sweep(overdue=overdue, upcoming=upcoming, expiring=list(expiring))


def late(now: datetime | None = None):
    """Releases still scheduled past their instant and ``Release.LATE_GRACE``:
    no worker published them (the dashboard shows them as late)."""
    now = now or timezone.now()
    return Release.objects.filter(
        state=State.SCHEDULED, go_live_at__lt=now - Release.LATE_GRACE
    ).select_related("page", "region", "scheduled_by")
