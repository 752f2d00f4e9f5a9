"""Background work steps aside while releases need the worker processes.

A release must go live at its instant; a share image or a cache purge can
wait a few seconds. The release engine says how long releases
will keep the workers busy (``campaign.releases.sweep.busy_for``, registered
at start-up); tasks that can wait ask ``step_aside`` before they start and
put themselves back on the queue for that long.
"""

from collections.abc import Callable
from datetime import timedelta

#: How far ahead a release counts as "due now" for work that can wait.
YIELD = timedelta(seconds=5)

_busy_checks: list[Callable[[timedelta], timedelta]] = []


def register_busy_check(check: Callable[[timedelta], timedelta]) -> None:
    """``check(ahead)`` says how much longer the workers are needed (zero if
    they are free)."""
    if check not in _busy_checks:
        _busy_checks.append(check)


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
