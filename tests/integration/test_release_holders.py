"""Two release workers each hold every upcoming wake-up; background work
runs at a lower priority (campaign/releases/workers.py).

A wake-up sent ahead with an ETA is reserved at once by the worker that
takes it. Killing that worker before the instant must not leave the release
to the next sweep: the other release worker holds a copy of its own, and the
row claim keeps the publication to one.
"""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from campaign.models import Release
from tests.campaign import builders
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLISH = "campaign.publish_release"
SWEEP = "campaign.sweep_releases"
#: From scheduling to the instant: the sweep hands the wake-up out
#: HORIZON (15 s) ahead, and the test looks at both copies before it.
LEAD = 20


def held_by(stack, release: Release) -> dict[str, str]:
    """Reserved wake-ups of the release: task id by queue."""
    return {
        message["queue"]: message["id"]
        for message in stack.messages()
        if message["task"] == PUBLISH
        and message["args"] == [release.pk]
        and message["where"] == "unacked"
    }


def own_queue(stack, role: str) -> str:
    return f"{stack.release_queue}:{stack.name}-{role}@{os.uname().nodename}"


def test_a_release_worker_killed_before_the_instant_costs_nothing(celery_stack):
    """Both release workers reserve the wake-up, each from its own queue.
    SIGKILL one and stop beat (no sweep can send another wake-up): the
    survivor's own copy publishes the release, exactly once."""
    source = support.campaign(builders.campaign_index())
    item = support.rollout(source, "DK", "Europe/Copenhagen", "da-dk")
    for role in ("w1", "w2"):
        celery_stack.start_worker_of(role)
    for role in ("w1", "w2"):
        celery_stack.wait_for_worker(role=role)
    celery_stack.start_beat()
    instant = timezone.now() + dt.timedelta(seconds=LEAD)
    support.schedule_at(source, item, instant)

    queues = {own_queue(celery_stack, role) for role in ("w1", "w2")}

    def held_by_both():
        found = held_by(celery_stack, item.release)
        return found if found.keys() == queues else None

    held = support.wait_until(
        held_by_both,
        LEAD,
        "the wake-up reserved by both release workers",
        celery_stack.logs,
    )
    celery_stack.kill_worker_of("w1")
    celery_stack._terminate(celery_stack.beat, timeout=15)
    # No sweep left to send another wake-up (one w1 held died with it).
    support.wait_until(
        lambda: (
            not any(
                m["task"] == SWEEP and m["where"] == "queued"
                for m in celery_stack.messages()
            )
        ),
        10,
        "the last sweeps taken",
        celery_stack.logs,
    )
    support.wait_until(
        lambda: support.released(item.release),
        LEAD + support.slack(celery_stack),
        "the release published by the surviving worker",
        celery_stack.logs,
    )
    assert item.release.state == Release.State.PUBLISHED
    assert item.release.published_at >= item.release.go_live_at  # never early
    for page in item.pages:
        assert support.publish_entries(page) == 1, page
    # The survivor's own copy published it (the log line follows the commit).
    survivor = held[own_queue(celery_stack, "w2")]
    done = re.compile(
        rf"publish_release\[{survivor}\] succeeded in [0-9.e-]+s: 'published'"
    )
    support.wait_until(
        lambda: done.search(
            (celery_stack.folder / "w2.log").read_text(errors="replace")
        ),
        10,
        "the survivor's copy logged as the one that published",
        celery_stack.logs,
    )


def niceness(pid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, pid)


def test_the_background_worker_runs_at_a_lower_priority(celery_stack):
    celery_stack.start_worker_of("releases")
    celery_stack.start_worker_of("background", queue=celery_stack.name)
    for role in ("releases", "background"):
        celery_stack.wait_for_worker(role=role)
    ours = niceness(os.getpid())
    release_worker = celery_stack.others["releases"].pid
    background = celery_stack.others["background"].pid
    assert niceness(release_worker) == ours
    expected = min(19, ours + settings.BACKGROUND_WORKER_NICE)
    assert niceness(background) == expected
    # The pool's processes inherit it: every process of its group.
    group = [
        int(pid)
        for pid in os.listdir("/proc")
        if pid.isdigit() and _group(int(pid)) == background
    ]
    assert len(group) >= 2
    assert {niceness(pid) for pid in group} == {expected}
    # With the kernel's autogroups, its session's group is lowered too: the
    # worker leads a session of its own (start_new_session).
    autogroup = Path(f"/proc/{background}/autogroup")
    if autogroup.exists():
        assert autogroup.read_text().split()[-1] == str(expected)


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None
