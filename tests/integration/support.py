"""Building blocks of the integration tests: trees, public URLs, row locks.

The worker and beat run in other processes on the same database, so every
row built here is committed (the tests are transactional) and each page is
published in a transaction of its own (docs/design.md, known traps).
"""

import datetime as dt
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from django.conf import settings
from wagtail.models import PageLogEntry

from campaign import publication
from campaign.models import CampaignPage, Region, Release
from tests.campaign import builders

#: How often the tests look at the database or the public site.
POLL = 0.05
#: Sweep intervals a release may take beyond its due moment before a test
#: calls it lost: a missed wake-up is resent by the next sweep, and the rest
#: is how busy the machine is. Tests check order (404 before, 200 after,
#: nothing early) and exactly-once; how late, the benchmark measures.
SWEEPS_OF_SLACK = 10


def slack(stack) -> float:
    """Seconds past its due moment by which a release must have gone out."""
    return SWEEPS_OF_SLACK * stack.sweep_seconds + 5


@dataclass
class Rollout:
    """One region of a test campaign: its Release and its translated pages."""

    region: Region
    pages: list[CampaignPage] = field(default_factory=list)
    release: Release | None = None

    def paths(self) -> list[str]:
        return [public_path(page) for page in self.pages]


def public_path(page: CampaignPage) -> str:
    """/<locale>/<index slug>/<page slug>/ (the site root is the en HomePage)."""
    parent = page.get_parent()
    return f"/{page.locale.language_code}/{parent.slug}/{page.slug}/"


def translate(source: CampaignPage, code: str) -> CampaignPage:
    """A draft translation of ``source`` in ``code``, approved for release.

    ``copy_parents`` makes the HomePage and index of the locale as aliases of
    the English ones; they must be live, or ``Page.localized`` would fall
    back to the English tree and a draft translation would look published.
    """
    page = source.copy_for_translation(builders.locale(code), copy_parents=True)
    page.title = f"{source.title} ({code})"
    builders.approved_revision(page)
    for parent in page.get_ancestors().filter(depth__gt=1).specific():
        if not parent.live:  # one page per transaction: autocommit here
            parent.save_revision().publish()
    assert not page.live
    return page.specific


def campaign(index, slug: str = "stop", title: str = "Stop before you start"):
    """A live source (English) campaign page under ``index``."""
    page = CampaignPage(title=title, slug=slug, body=[], live=False)
    index.add_child(instance=page)
    with publication.permitted("test"):
        page.save_revision().publish()
    return page


def rollout(source, code: str, time_zone: str, *locales: str) -> Rollout:
    region = builders.launch_ready(
        builders.region(code, time_zone, *locales, name=code)
    )
    return Rollout(region, [translate(source, locale) for locale in locales])


def schedule_at(source, item: Rollout, instant: dt.datetime) -> Release:
    """Schedule as an editor would: the region's local wall time."""
    wall = instant.astimezone(item.region.zone).replace(tzinfo=None)
    item.release = builders.schedule(source, item.region, wall)
    assert item.release.go_live_at == instant
    return item.release


def publish_entries(page) -> int:
    """How many times Wagtail's audit log says the page was published."""
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()


def wait_until(check: Callable[[], object], timeout: float, what: str, logs=None):
    """Poll ``check`` until it returns something truthy, or fail after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            detail = logs() if logs else ""
            raise AssertionError(f"timed out after {timeout} s: {what}\n{detail}")
        time.sleep(POLL)


def released(*releases: Release) -> bool:
    """True once no release is still scheduled (refreshes them in place)."""
    for release in releases:
        release.refresh_from_db()
    return all(release.state != Release.State.SCHEDULED for release in releases)


def published_with_no_override(releases, instant, stack, what: str) -> None:
    """Wait until no release is scheduled (a wave of 11 regions' pages may
    take longer than the sweep's slack on a busy machine: 30 s at least);
    each must then be published, by no override, never early."""
    wait_until(
        lambda: released(*releases),
        timeout=instant.timestamp() - time.time() + max(30, slack(stack)),
        what=what,
        logs=stack.logs,
    )
    for release in releases:
        assert release.state == Release.State.PUBLISHED, (
            release.region.code,
            release.blocked_reason,
            stack.logs(),
        )
        assert release.gate_overridden_by_id is None
        assert release.published_at >= release.go_live_at  # never early


def status(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Watcher:
    """Polls public URLs in threads and keeps every answer with its time.

    ``answers[url]`` is a list of (UNIX time the answer arrived, status);
    a request that gets no answer is counted in ``errors`` only.
    """

    def __init__(self, base: str, paths: list[str], interval: float = 0.02):
        self.base = base.rstrip("/")
        self.answers: dict[str, list[tuple[float, int]]] = {p: [] for p in paths}
        self.interval = interval
        #: Requests that got no answer (timed out or refused): not recorded.
        self.errors = 0
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._poll, args=(path,), daemon=True)
            for path in paths
        ]

    def _poll(self, path: str) -> None:
        url = f"{self.base}{path}"
        while not self._stop.is_set():
            try:
                code = status(url)
            except OSError:
                # No answer in time on a loaded machine (or a refused
                # connection): no observation, and the thread must live on.
                self.errors += 1
            else:
                self.answers[path].append((time.time(), code))
            self._stop.wait(self.interval)

    def __enter__(self) -> "Watcher":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)

    def first(self, path: str, code: int = 200) -> float | None:
        return next((at for at, got in self.answers[path] if got == code), None)

    def codes_between(self, path: str, start: float, end: float) -> set[int]:
        return {got for at, got in self.answers[path] if start <= at <= end}


def dsn() -> str:
    db = settings.DATABASES["default"]
    return psycopg.conninfo.make_conninfo(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
    )


class RowLock:
    """Holds ``FOR UPDATE`` on page rows from a connection of its own.

    A publish that reaches one of those pages waits on this lock, in the
    middle of its transaction and while holding its Release row: the test
    decides exactly when the publish may go on, or what happens to it first.
    """

    def __init__(self, *page_ids: int):
        self.page_ids = list(page_ids)
        self.conn = psycopg.connect(dsn())
        self.pid = self.conn.info.backend_pid

    def __enter__(self) -> "RowLock":
        self.conn.execute(
            "SELECT id FROM wagtailcore_page WHERE id = ANY(%s) FOR UPDATE",
            [self.page_ids],
        )
        return self

    def waiting(self) -> list[int]:
        """Backends (of the worker) that wait for this lock."""
        with psycopg.connect(dsn(), autocommit=True) as other:
            rows = other.execute(
                "SELECT pid FROM pg_stat_activity"
                " WHERE %s = ANY(pg_blocking_pids(pid)) ORDER BY backend_start",
                [self.pid],
            ).fetchall()
        return [pid for (pid,) in rows]

    def release(self) -> None:
        if not self.conn.closed:
            self.conn.rollback()
            self.conn.close()

    def __exit__(self, *exc) -> None:
        self.release()


def terminate_backend(pid: int) -> bool:
    with psycopg.connect(dsn(), autocommit=True) as conn:
        return conn.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]
