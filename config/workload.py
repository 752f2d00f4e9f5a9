"""Background work steps aside while releases need the machine.

A release must go live at its instant; a share image or a cache purge can
wait a few seconds. Two ways of stepping aside:

- Before it starts, a task that can wait asks ``step_aside``: how long
  releases will keep the workers busy (``campaign.releases.sweep.busy_for``,
  registered at start-up); it puts itself back on the queue for that long.
- Once running, long work (a share-image render: three or four steps of up
  to 0.15 s of processor each) calls a ``Hold`` between its steps. From
  ``PAUSE_LEAD`` before a release's instant to ``PAUSE_TAIL`` after it goes
  live, the hold sleeps: beside niced renders already running, the bench's
  publishes took half as long again (a niced process can still have the
  second processor, or the other half of a hyperthreaded core, and the
  database's and Redis's time). The instants come from
  ``campaign.releases.sweep.instants`` (registered at start-up), read once
  per ``REFRESH`` per process: a pause point reads memory, not the database.
  A hold sleeps at most its limit in all, so the work is always done in the
  end.
"""

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import DatabaseError
from django.utils import timezone

logger = logging.getLogger(__name__)

#: How far ahead a release counts as "due now" for work that can wait.
YIELD = timedelta(seconds=5)
#: A step started just before this is done by the instant (the longest,
#: a PNG encoding, takes 0.15 s of processor here; more on a loaded machine).
PAUSE_LEAD = timedelta(seconds=1)
#: After a release goes live: its page's first readers (gunicorn renders
#: it anew after the commit's eviction) and the next wake-up's copy.
PAUSE_TAIL = timedelta(seconds=1)
#: How long a process keeps the instants it read before reading them again.
REFRESH = timedelta(seconds=1)

_busy_checks: list[Callable[[timedelta], timedelta]] = []
_instant_sources: list[Callable[[datetime, timedelta, timedelta], list[datetime]]] = []


def register_busy_check(check: Callable[[timedelta], timedelta]) -> None:
    """``check(ahead)`` says how much longer the workers are needed (zero if
    they are free)."""
    if check not in _busy_checks:
        _busy_checks.append(check)


def register_instants(source) -> None:
    """``source(now, behind, ahead)`` lists the instants, from ``behind``
    before ``now`` to ``ahead`` after it, at which releases go live (or went
    live); one still being published goes live ``now``."""
    if source not in _instant_sources:
        _instant_sources.append(source)


def busy_for(ahead: timedelta = YIELD) -> timedelta:
    return max((check(ahead) for check in _busy_checks), default=timedelta(0))


def in_worker(task) -> bool:
    """The task runs in a worker (not eagerly, nor called as a function)."""
    return not (task.request.is_eager or task.request.called_directly)


def step_aside(task) -> timedelta:
    """How long ``task`` should wait before running; zero to run now.

    Only a task running in a worker steps aside: called directly (tests,
    commands) it always runs.
    """
    if not in_worker(task):
        return timedelta(0)
    return busy_for(YIELD)


class Instants:
    """The release instants near now, read again once ``REFRESH`` old."""

    def __init__(self):
        self.read_at: datetime | None = None
        self.spans: list[tuple[datetime, datetime]] = []

    def busy_until(self, now: datetime) -> datetime | None:
        """When the releases around ``now`` leave the machine free, or None
        when they do not need it now."""
        if self.read_at is None or not self.read_at <= now < self.read_at + REFRESH:
            self.read_at = now
            # What a span may cover until the next reading.
            ahead = REFRESH + PAUSE_LEAD
            try:
                self.spans = sorted(
                    (at - PAUSE_LEAD, at + PAUSE_TAIL)
                    for source in _instant_sources
                    for at in source(now, PAUSE_TAIL, ahead)
                )
            except DatabaseError as error:
                # A pause is a courtesy: the work goes on, and meets the
                # database's trouble in its own steps (retried there).
                logger.warning("release instants not read: %s", error)
                self.spans = []
        until = now
        for start, end in self.spans:  # spans that overlap carry it on
            if start <= until < end:
                until = end
        return until if until > now else None


#: This process's reading, shared by every hold in it.
_near = Instants()


class Hold:
    """Pause points for one piece of work, sleeping at most ``limit`` in all.

    Call it between two steps: it returns at once (the instants are in
    memory) unless releases need the machine, then sleeps until they no
    longer do, in slices of at most ``REFRESH`` (the instants read anew),
    and returns the seconds it slept.
    """

    def __init__(
        self,
        limit: timedelta,
        clock: Callable[[], datetime] = timezone.now,
        sleep: Callable[[float], None] = time.sleep,
        near: Instants | None = None,
    ):
        self.limit = limit.total_seconds()
        self.clock, self.sleep = clock, sleep
        self.near = near or _near
        #: Seconds slept so far.
        self.held = 0.0

    def __call__(self) -> float:
        slept = 0.0
        while self.held < self.limit:
            now = self.clock()
            until = self.near.busy_until(now)
            if until is None:
                break
            wait = min(
                (until - now).total_seconds(),
                REFRESH.total_seconds(),
                self.limit - self.held,
            )
            self.sleep(wait)
            self.held += wait
            slept += wait
        return slept
