"""Publication lateness and a 500-page wave, against Wagtail's own scheduler.

Real processes on a PostgreSQL database of its own: a Celery worker and
beat (tests/celery_stack.py, the sweep at its production interval) and
gunicorn serving the public site. The baseline is Wagtail's
``publish_scheduled`` management command, run as cron would run it (a new
process) on the same pages, scheduled the Wagtail way (``go_live_at`` on an
approved revision).

Lateness of the engine: from a release's instant to the first 200 on its
public URL. Lateness of cron: the wait for the next 60 s tick (its phase is
simulated: instants spread evenly over the minute) plus the command's real
time to publish that page (start of the process to the page's publish log
entry). The site's full-page cache is on in every process, as in
production, so each publication's eviction is part of what is measured.
"""

import datetime as dt
import http.client
import logging
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from django.db import connection
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone

#: What to measure: BENCH_PUBLICATION=wave runs one part alone.
PARTS = os.environ.get("BENCH_PUBLICATION", "lateness,wave").split(",")
PAGES = 50  # campaign pages: 50 pages x 10 regions = a wave of 500
LATENESS_PAGES = 6  # 6 pages x 10 regions = 60 releases, one at a time
STAGGER = 0.5  # seconds between two instants of the lateness run
POLL = 0.05  # seconds between two requests for a page not yet live
REGIONS = [
    ("DK", "Europe/Copenhagen", "da-dk"),
    ("FR", "Europe/Paris", "fr-fr"),
    ("DE", "Europe/Berlin", "de-de"),
    ("PL", "Europe/Warsaw", "pl-pl"),
    ("ES", "Europe/Madrid", "es-es"),
    ("GB", "Europe/London", "en-gb"),
    ("BE", "Europe/Brussels", "nl-be"),
    ("CA", "America/Toronto", "fr-ca"),
    ("AU", "Australia/Sydney", "en-au"),
    ("NZ", "Pacific/Auckland", "en-nz"),
]


# Processes ---------------------------------------------------------------


@contextmanager
def database(suffix: str = "bench"):
    """A PostgreSQL test database of the benchmark's own, dropped at the end,
    named after DATABASE_URL's (two checkouts on one server never share it)."""
    name = f"test_{connection.settings_dict['NAME']}_{suffix}"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    old = setup_databases(0, False, serialized_aliases=[])
    try:
        yield
    finally:
        connection.close()
        teardown_databases(old, 0)


class Site:
    """gunicorn serving the public site from the benchmark's database."""

    def __init__(self, folder: Path, env: dict):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder, self.env = folder, env
        self.process: subprocess.Popen | None = None

    def start(self) -> "Site":
        from tests.helpers import BASE_DIR

        env = {
            **self.env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "4",
        }
        with open(self.folder / "gunicorn.log", "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py",
                 "config.wsgi"],
                cwd=BASE_DIR, env=env, start_new_session=True,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while self.status("/en/") is None:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("gunicorn did not answer")
            time.sleep(0.2)
        return self

    def status(self, path: str) -> int | None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            return response.status
        except OSError:
            return None
        finally:
            conn.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            self.process.wait(timeout=30)


# Content ---------------------------------------------------------------------


def build(count: int = PAGES):
    """10 launch-ready regions, ``count`` live campaign pages, each translated
    and approved in all."""
    from campaign import publication
    from campaign.models import CampaignPage, TranslationReview
    from tests.campaign import builders

    # Launch-ready (signed legal text, a verified helpline): else readiness
    # blocks every release and the wave measures nothing.
    regions = [
        builders.launch_ready(builders.region(code, zone, loc))
        for code, zone, loc in REGIONS
    ]
    index = builders.campaign_index()
    sources = []
    for number in range(count):
        page = CampaignPage(
            title=f"Campaign {number}", slug=f"c{number}", body=[], live=False
        )
        index.add_child(instance=page)
        with publication.permitted("bench"):
            page.save_revision().publish()
        sources.append(page)
    pages = {}
    for region, (_code, _zone, code) in zip(regions, REGIONS, strict=True):
        locale = builders.locale(code)
        for source in sources:
            page = source.copy_for_translation(locale, copy_parents=True)
            revision = page.save_revision()
            TranslationReview.objects.create(
                page=page, revision=revision, status="approved",
                decided_at=timezone.now(),
            )  # fmt: skip
            pages[source.pk, region.pk] = page
    return regions, sources, pages


def path(page) -> str:
    return f"/{page.locale.language_code}/campaigns/{page.slug}/"


def unpublish(pages) -> None:
    """Back to draft in one UPDATE: set-up between two runs, not measured."""
    from wagtail.models import Page

    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        live=False, has_unpublished_changes=True, live_revision=None
    )


def wait_released(releases, timeout: float) -> None:
    from campaign.models import Release

    ids = [release.pk for release in releases]
    deadline = time.monotonic() + timeout
    pending = Release.objects.filter(pk__in=ids, state=Release.State.SCHEDULED)
    while pending.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{pending.count()} release(s) still scheduled")
        time.sleep(0.2)


# Wagtail's own scheduling, run as cron would ----------------------------------


def cron_run(pages, env: dict) -> tuple[float, dict[int, float]]:
    """Schedule ``pages`` the Wagtail way, then run ``publish_scheduled`` once
    (with the permission campaign pages need: tests/bench/cron_publish.py).

    Returns the process's wall time and, per page, the seconds from the
    process's start to the page's publish log entry.
    """
    from wagtail.models import PageLogEntry

    from tests.helpers import BASE_DIR

    # Publishing a revision whose go_live_at is still ahead only approves it
    # for that time (approved_go_live_at), as Wagtail's scheduling does.
    due = timezone.now()
    for page in pages:
        page.refresh_from_db()
        page.go_live_at = due = timezone.now() + dt.timedelta(seconds=1)
        page.save_revision().publish()
        if page.live:
            raise RuntimeError("the page went live before publish_scheduled ran")
    while timezone.now() <= due:
        time.sleep(0.05)
    started = timezone.now()
    clock = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "tests.bench.cron_publish"],
        cwd=BASE_DIR, env=env, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    run_time = time.monotonic() - clock
    entries = PageLogEntry.objects.filter(
        page__in=pages, action="wagtail.publish.scheduled", timestamp__gte=started
    ).values_list("page_id", "timestamp")
    done = {page_id: (at - started).total_seconds() for page_id, at in entries}
    missing = [page.pk for page in pages if page.pk not in done]
    if missing:
        raise RuntimeError(f"publish_scheduled left {len(missing)} page(s)")
    return run_time, done


# Measurements ------------------------------------------------------------------


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return cuts[49], cuts[98], ordered[-1]


def first_200(site: Site, page_path: str, instant: float, out: dict) -> None:
    """Poll from the instant on; record how late the first 200 came."""
    time.sleep(max(0.0, instant - time.time()))
    deadline = instant + 60
    while time.time() < deadline:
        if site.status(page_path) == 200:
            out[page_path] = time.time() - instant
            return
        time.sleep(POLL)


def staggered_lateness(
    pairs, pages, site: Site, lead: float, timeout: float, at_instant=None
) -> dict[tuple, float]:
    """Schedule ``pairs`` (source, region) STAGGER apart from ``lead`` seconds
    ahead; return each page's lateness to its first 200 through ``site``.
    ``at_instant`` runs at the first instant (to break something then)."""
    from campaign.releases import engine

    start = timezone.now() + dt.timedelta(seconds=lead)
    releases, pollers, late = [], [], {}
    for number, (source, region) in enumerate(pairs):
        instant = start + dt.timedelta(seconds=STAGGER * number)
        releases.append(engine.schedule(source, region, instant))
        page_path = path(pages[source.pk, region.pk])
        pollers.append(
            threading.Thread(
                target=first_200, args=(site, page_path, instant.timestamp(), late)
            )
        )
    for poller in pollers:
        poller.start()
    if at_instant:
        time.sleep(max(0.0, start.timestamp() - time.time()))
        at_instant()
    for poller in pollers:
        poller.join()
    wait_released(releases, timeout)
    if len(late) != len(pairs):
        raise RuntimeError(f"only {len(late)} of {len(pairs)} pages answered 200")
    return late


def lateness_run(sources, regions, pages, site: Site) -> dict[str, float]:
    pairs = [(s, r) for s in sources[:LATENESS_PAGES] for r in regions]
    return staggered_lateness(pairs, pages, site, lead=4, timeout=30)


def worker_outcomes(stack, offset: int) -> tuple[dict[str, str], int]:
    """Outcomes of the publish tasks since ``offset`` (how many, and the
    worker processes' seconds they took together), how many region batches
    they published, and share-image yields."""
    text = (stack.folder / "worker.log").read_bytes()[offset:].decode(errors="replace")
    found = re.findall(
        r"campaign\.publish_release\[[^]]+\] succeeded in ([0-9.e-]+)s: '(\w+)'",
        text,
    )
    outcomes = {
        name: f"{sum(1 for _s, n in found if n == name)} in"
        f" {sum(float(s) for s, n in found if n == name):.1f} s"
        for name in sorted({name for _seconds, name in found})
    }
    outcomes["region batches"] = str(text.count(" page(s) in one batch"))
    return outcomes, text.count("wait for a release")


def warm_up(site: Site) -> None:
    """A server that has served before: templates compiled, catalogues loaded.

    The first request of each language in a gunicorn worker costs up to two
    seconds here; a site in production has long paid it.
    """
    paths = ["/en/campaigns/c0/"]
    for _code, _zone, language in REGIONS:
        paths += [f"/{language}/campaigns/", f"/{language}/campaigns/c0/"]
    for _ in range(6):
        for page_path in paths:
            site.status(page_path)


def run() -> list[str]:
    from wagtail.signals import page_published

    from campaign.models import CampaignPage
    from tests.celery_stack import CeleryStack

    # This process only builds and schedules: share images are the worker's.
    page_published.disconnect(
        sender=CampaignPage, dispatch_uid="campaign.queue_share_images"
    )
    logging.disable(logging.INFO)  # Wagtail logs every page it creates
    started = time.monotonic()
    lines = []
    with database(), tempfile.TemporaryDirectory() as folder:
        ready = time.monotonic()
        regions, sources, pages = build()
        lines.append(
            f"(database {ready - started:.0f} s, {len(pages)} translations built"
            f" in {time.monotonic() - ready:.0f} s)"
        )
        stack = CeleryStack(Path(folder), sweep_seconds=2.0)
        # As in production: the full-page cache on, evicted on every commit
        # (delivery/page_cache.py, delivery/invalidation.py), in every process.
        stack.env["PAGE_CACHE_ENABLED"] = "true"
        # The cron runs' page_published handlers send their share-image
        # messages to a queue nobody reads, deleted at the end.
        cron_queue = f"{stack.name}-cron"
        cron_env = {**stack.env, "CELERY_TASK_DEFAULT_QUEUE": cron_queue}
        site = Site(Path(folder), stack.env)
        try:
            stack.start()
            site.start()
            warm_up(site)
            if "lateness" in PARTS:
                lines += compare_lateness(
                    stack, sources, regions, pages, site, cron_env
                )
            else:
                stack.stop_worker()  # compare_wave starts its own
            if "wave" in PARTS:
                lines += compare_wave(stack, sources, regions, pages, site, cron_env)
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            lines.append(f"(load average at the end: {load} on {os.cpu_count()} CPUs)")
        finally:
            site.stop()
            stack.stop()
            with stack.redis() as client:
                client.delete(cron_queue)
            logging.disable(logging.NOTSET)
    return lines


def compare_lateness(stack, sources, regions, pages, site, cron_env) -> list[str]:
    late = lateness_run(sources, regions, pages, site)
    ours = percentiles(list(late.values()))
    lateness_pages = [
        pages[s.pk, r.pk] for s in sources[:LATENESS_PAGES] for r in regions
    ]
    unpublish(lateness_pages)
    stack.stop_worker()  # the command runs alone, as the engine did
    run_time, done = cron_run(lateness_pages, cron_env)
    runs = sorted(done.values())
    # Instants spread evenly over the minute: the wait for the next tick.
    ticks = [60 * (n + 0.5) / len(runs) for n in range(len(runs))]
    cron = percentiles([tick + run for tick, run in zip(ticks, runs, strict=True)])
    on_tick = percentiles(runs)
    n = len(late)
    return [
        f"lateness over {n} releases, instant -> first 200 on the public URL",
        "  engine (worker + beat, sweep every 2 s):"
        f"  p50 {ours[0]:.3f} s  p99 {ours[1]:.3f} s  max {ours[2]:.3f} s"
        f"  (target p99 < 1 s: {'met' if ours[1] < 1 else 'MISSED'})",
        "  publish_scheduled every 60 s (cron), same pages, run measured"
        f" {run_time:.1f} s:"
        f"  p50 {cron[0]:.1f} s  p99 {cron[1]:.1f} s  max {cron[2]:.1f} s",
        "  ratio cron / engine:"
        f"  p50 {cron[0] / ours[0]:.0f}x  p99 {cron[1] / ours[1]:.0f}x"
        f"  max {cron[2] / ours[2]:.0f}x",
        "  cron's best case (every instant exactly on its tick):"
        f"  p50 {on_tick[0]:.1f} s  p99 {on_tick[1]:.1f} s"
        f"  = {on_tick[0] / ours[0]:.0f}x / {on_tick[1] / ours[1]:.0f}x the engine",
    ]


def compare_wave(stack, sources, regions, pages, site, cron_env) -> list[str]:
    from django.db.models import Count
    from wagtail.models import PageLogEntry

    from campaign.models import Release
    from campaign.releases import engine

    everything = list(pages.values())
    unpublish(everything)
    offset = stack.start_worker()
    wave_started = timezone.now()
    # Scheduled an hour ahead (beyond the sweep's horizon), then moved to one
    # instant together, so the wave's lead does not depend on how long 500
    # schedule() calls take on this machine.
    later = timezone.now() + dt.timedelta(hours=1)
    releases = []
    for source in sources:
        for region in regions:
            releases.append(engine.schedule(source, region, later))
    instant = timezone.now() + dt.timedelta(seconds=6)
    Release.objects.filter(pk__in=[r.pk for r in releases]).update(go_live_at=instant)
    wait_released(releases, 300)
    times = sorted(
        Release.objects.filter(pk__in=[r.pk for r in releases]).values_list(
            "published_at", flat=True
        )
    )
    span = (times[-1] - times[0]).total_seconds()
    last = (times[-1] - instant).total_seconds()
    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(site.status, [path(page) for page in everything]))
    answering = codes.count(200)
    outcomes, postponed = worker_outcomes(stack, offset)
    # Every page exactly once in the audit log (one wagtail.publish each).
    audited = dict(
        PageLogEntry.objects.filter(
            page__in=everything, action="wagtail.publish", timestamp__gte=wave_started
        )
        .values_list("page")
        .annotate(n=Count("pk"))
    )
    once = sum(audited.get(page.pk) == 1 for page in everything)

    unpublish(everything)
    stack.stop_worker()
    run_time, done = cron_run(everything, cron_env)
    cron_span = max(done.values()) - min(done.values())
    count = len(everything)
    ours_rate, cron_rate = count / span, count / cron_span
    tick = 30  # cron's average wait for its next tick
    met = span < 8 and ours_rate >= 3 * cron_rate and once == count
    return [
        f"wave of {count} page publications ({len(regions)} regions x"
        f" {len(sources)} pages, one instant)",
        f"  engine (1 worker, 2 processes): first -> last live {span:.1f} s,"
        f" {ours_rate:.1f} pages/s; last page live {last:.1f} s after the instant;"
        f" {answering}/{count} answer 200; {once}/{count} exactly once in the"
        f" audit log; publish tasks {outcomes} (a delivery left without work"
        f" publishes the next region's batch); share images stepped aside"
        f" {postponed} times",
        f"  publish_scheduled, one run on the same pages: first -> last"
        f" {cron_span:.1f} s, {cron_rate:.1f} pages/s; the run took"
        f" {run_time:.1f} s from process start, after 0-60 s waiting for its tick",
        f"  ratio engine / publish_scheduled: {ours_rate / cron_rate:.2f}x pages/s;"
        f" last page live {(run_time + tick) / last:.2f}x sooner with cron's"
        f" average tick wait ({run_time / last:.2f}x with none)",
        "  target: first -> last under 8 s, at least 3x pages/s, every page"
        f" once in the audit log: {'met' if met else 'MISSED'}",
    ]
