"""Lateness when other work is busy, and when one of two workers dies.

Production's layout on one machine (docs/design.md, Processes): gunicorn,
two release workers (``-Q releases``, 2 processes each), a background worker
(``-Q celery``, 2 processes) and beat sweeping every 2 s, on a PostgreSQL
database of the benchmark's own. Lateness is from a release's instant to
the first 200 on its public URL through gunicorn. After a warm-up run of
10 releases (workers that have published before, as in production), three
runs of 20 releases, half a second apart, in one sitting:

- idle: nothing else to do but the share images the publishes queue;
- busy: the background worker is kept busy throughout with share-image
  renders of every page, told not to step aside for releases (as if they
  had already been postponed to their cap): only the separate queue and
  processes, and the background worker's lower priority
  (``BACKGROUND_WORKER_NICE``), keep the releases on time;
- one worker killed: SIGKILL to one release worker (and its pool) at the
  first instant, with whatever wake-ups it had reserved; the other worker
  holds a copy of each (campaign/releases/workers.py) and the sweep
  carries on.

Each run also prints the publishing part of the lateness (instant to the
commit, ``Release.lateness``); the rest is gunicorn serving the page.
"""

import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.bench_publication import (
    STAGGER,
    Site,
    build,
    database,
    percentiles,
    staggered_lateness,
    warm_up,
)

SOURCES = 7  # 7 pages x 10 regions: a warm-up run of 10, three runs of 20
PER_RUN = 2  # source pages per run
LEAD = 4  # seconds from scheduling a run to its first instant
FLOOD = 400  # share-image renders queued for the busy run
RENDER = "campaign.render_share_images"


class Workers:
    """Celery workers of one stack, each with a log of its own."""

    def __init__(self, stack):
        self.stack = stack
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, role: str, queue: str, concurrency: int = 2) -> None:
        from tests.helpers import BASE_DIR

        log = open(self.stack.folder / f"{role}.log", "ab")  # the child keeps it
        self.processes[role] = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker",
             "--loglevel", "INFO", "--queues", queue,
             "--concurrency", str(concurrency),
             "--hostname", f"{self.stack.name}-{role}@%h",
             "--without-gossip", "--without-mingle"],
            cwd=BASE_DIR, env=self.stack.env, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def wait(self, timeout: float = 90) -> None:
        for role in self.processes:
            self.stack._wait_for(
                self.stack.folder / f"{role}.log", 0, b" ready.", timeout
            )

    def kill(self, role: str) -> None:
        os.killpg(self.processes[role].pid, signal.SIGKILL)
        self.processes[role].wait()

    def stop(self) -> None:
        self.stack._terminate(*self.processes.values(), timeout=15)

    def renders_done(self, role: str) -> int:
        text = (self.stack.folder / f"{role}.log").read_bytes()
        return len(re.findall(rb"render_share_images\[[^]]+\] succeeded", text))


def run_releases(pairs, pages, site, at_instant=None) -> list[float]:
    """Lateness of each page's first 200, LEAD seconds ahead, STAGGER apart."""
    late = staggered_lateness(pairs, pages, site, LEAD, 60, at_instant=at_instant)
    return list(late.values())


def engine_lateness(pairs) -> list[float]:
    """How late the workers published (``Release.lateness``, instant to the
    commit) the last releases of ``pairs``: the part of the lateness before
    the page reaches gunicorn."""
    from campaign.models import Release

    return [
        Release.objects.filter(page=source, region=region)
        .latest("pk")
        .lateness.total_seconds()
        for source, region in pairs
    ]


def engine_line(late: list[float]) -> str:
    p50, p99, _top = percentiles(late)
    return f"    of it publishing (instant -> commit): p50 {p50:.3f} s  p99 {p99:.3f} s"


def figures(name: str, late: list[float]) -> tuple[str, tuple[float, float, float]]:
    p50, p99, top = percentiles(late)
    return f"  {name}: p50 {p50:.3f} s  p99 {p99:.3f} s  max {top:.3f} s", (
        p50,
        p99,
        top,
    )


def run() -> list[str]:
    from wagtail.signals import page_published

    from campaign.models import CampaignPage
    from tests.celery_stack import CeleryStack

    # This process only builds and schedules: share images are the workers'.
    page_published.disconnect(
        sender=CampaignPage, dispatch_uid="campaign.queue_share_images"
    )
    logging.disable(logging.INFO)
    started = time.monotonic()
    lines = []
    with database("resilience"), tempfile.TemporaryDirectory() as folder:
        regions, sources, pages = build(SOURCES)
        lines.append(
            f"({len(pages)} translations built in {time.monotonic() - started:.0f} s)"
        )
        stack = CeleryStack(Path(folder), sweep_seconds=2.0)
        stack.env["PAGE_CACHE_ENABLED"] = "true"  # as in production
        workers = Workers(stack)
        site = Site(Path(folder), stack.env)
        try:
            for role in ("w1", "w2"):
                workers.start(role, stack.release_queue)
            workers.start("background", stack.name)
            stack.start_beat(wait=False)
            site.start()
            workers.wait()
            stack.wait_for_beat()
            warm_up(site)
            lines += measure(stack, workers, sources, regions, pages, site)
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            lines.append(f"(load average at the end: {load} on {os.cpu_count()} CPUs)")
        finally:
            site.stop()
            workers.stop()
            stack.stop()
            logging.disable(logging.NOTSET)
    return lines


def measure(stack, workers, sources, regions, pages, site) -> list[str]:
    # Workers that have published before, as in production: a fresh pool
    # process pays its first publish (imports, connections, Wagtail's
    # caches), which would inflate the idle baseline.
    run_releases([(sources[0], r) for r in regions], pages, site)
    runs = [
        [
            (s, r)
            for s in sources[1 + n * PER_RUN : 1 + (n + 1) * PER_RUN]
            for r in regions
        ]
        for n in range(3)
    ]
    idle_line, idle = figures("idle", run_releases(runs[0], pages, site))
    idle_engine = engine_line(engine_lateness(runs[0]))

    every_page = [page.pk for page in pages.values()] + [s.pk for s in sources]
    for number in range(FLOOD):
        page_id = every_page[number % len(every_page)]
        stack.send(RENDER, page_id, kwargs={"postponed": 6})  # no stepping aside
    before = workers.renders_done("background")
    busy_started = time.monotonic()
    busy_late = run_releases(runs[1], pages, site)
    busy_seconds = time.monotonic() - busy_started
    renders = workers.renders_done("background") - before
    background = [
        key for key in stack.queue_keys() if not key.startswith(stack.release_queue)
    ]
    with stack.redis() as client:
        waiting = sum(client.llen(key) for key in background)
        client.delete(*background)  # the rest of the flood: not needed any more
    busy_line, busy = figures(
        f"background busy ({renders} share-image renders done in the"
        f" {busy_seconds:.0f} s, {waiting} still queued)",
        busy_late,
    )
    busy_engine = engine_line(engine_lateness(runs[1]))

    killed_line, killed = figures(
        "w1 SIGKILLed at the first instant",
        run_releases(runs[2], pages, site, at_instant=lambda: workers.kill("w1")),
    )
    killed_engine = engine_line(engine_lateness(runs[2]))
    ratio50, ratio99 = busy[0] / idle[0], busy[1] / idle[1]
    within = busy[1] < 1 and ratio99 <= 1.1
    n = len(runs[0])
    return [
        f"lateness, instant -> first 200 through gunicorn, {n} releases per run"
        f" {STAGGER} s apart; two release workers x 2 processes, sweep every 2 s",
        idle_line,
        idle_engine,
        busy_line,
        busy_engine,
        f"  ratio busy / idle: p50 {ratio50:.2f}x  p99 {ratio99:.2f}x"
        f"  (target p99 < 1 s and within 10% of idle:"
        f" {'met' if within else 'MISSED'})",
        killed_line,
        killed_engine,
        f"  killed - idle: p50 {killed[0] - idle[0]:+.3f} s"
        f"  p99 {killed[1] - idle[1]:+.3f} s  max {killed[2] - idle[2]:+.3f} s"
        f"  (target < 1 s: {'met' if killed[1] - idle[1] < 1 else 'MISSED'})",
    ]
