"""Web, two workers and beat on hosts of their own; one worker host cut off.

The README's "Running it in production, across several machines", made
real on one machine (tests/integration/hosts.py): gunicorn, two Celery
workers on the release queue and beat each run in a network namespace of
their own, and reach PostgreSQL and Redis on a third host (the root
namespace) through a bridge, as they would across a network.

A wave of regional releases falls due a few seconds ahead. The test holds
one page's row, so the first publish that reaches it waits inside its
transaction; it cuts the worker host that runs that publish off the network
(its link goes down: no reset, its connections just go silent), then lets
the row go. The cut-off host's session now sits idle inside a transaction
that will never end on its own, holding the release's row;
``DATABASE_IDLE_IN_TRANSACTION_SECONDS`` has PostgreSQL end it, and the
other worker publishes that release when the sweep next sends its wake-up
(``DEDUP_SECONDS``). Every page is published exactly once, never early, and
read 404 then 200 through the web host; lateness is printed (``pytest -s``),
the benchmark measures it.
"""

import datetime as dt
import time
from urllib.parse import urlsplit

import psycopg
import pytest
from django.utils import timezone

from campaign.models import Release
from campaign.releases.tasks import DEDUP_SECONDS
from tests.campaign import builders
from tests.celery_stack import CeleryStack, database_url
from tests.integration import support
from tests.integration.hosts import Network

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.netns,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SWEEP_SECONDS = 0.5
#: PostgreSQL ends the cut-off host's open transaction after this long.
IDLE_SECONDS = 3
WEB_PORT = 8000  # inside the web host's own namespace: no one else's port
REGIONS = [
    ("DK", "Europe/Copenhagen", ("da-dk",)),
    ("BE", "Europe/Brussels", ("fr-be", "nl-be")),
    ("DE", "Europe/Berlin", ("de-de",)),
    ("PL", "Europe/Warsaw", ("pl-pl",)),
    ("ES", "Europe/Madrid", ("es-es",)),
    ("AU", "Australia/Sydney", ("en-au",)),
]
STAGGER = 0.5  # seconds between two instants of the wave


def through(network: Network, url: str, port: int) -> str:
    """``url`` with its host and port replaced by the gateway's forwarded port."""
    parts = urlsplit(url)
    credentials, at, _where = parts.netloc.rpartition("@")
    return parts._replace(netloc=f"{credentials}{at}{network.gateway}:{port}").geturl()


def start_hosts(network: Network, stack: CeleryStack) -> str:
    """Web, w1, w2 and beat on hosts of their own; returns the web's address."""
    database = urlsplit(database_url())
    redis = urlsplit(stack.redis_url)
    redis_url = through(
        network,
        stack.redis_url,
        network.forward(redis.hostname or "127.0.0.1", redis.port or 6379),
    )
    env = {
        **stack.env,
        "DATABASE_URL": through(
            network,
            database_url(),
            network.forward(database.hostname or "127.0.0.1", database.port or 5432),
        ),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "DATABASE_IDLE_IN_TRANSACTION_SECONDS": str(IDLE_SECONDS),
    }
    web = network.add_host("web")
    for host in ("w1", "w2", "beat"):
        network.add_host(host)
    network.spawn(
        "web", "web", ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        {**env, "GUNICORN_BIND": f"{web}:{WEB_PORT}", "GUNICORN_WORKERS": "2",
         "GUNICORN_THREADS": "4", "GUNICORN_CONTROL_SOCKET": "off"},
    )  # fmt: skip
    for worker in ("w1", "w2"):
        network.spawn(
            worker, worker,
            ["celery", "-A", "config", "worker", "--loglevel", "INFO",
             "--queues", stack.release_queue, "--concurrency", "2",
             "--hostname", f"{stack.name}-{worker}@%h",
             "--without-gossip", "--without-mingle"],
            env,
        )  # fmt: skip
    network.spawn(
        "beat", "beat",
        ["celery", "-A", "config", "beat", "--loglevel", "INFO",
         "--schedule", str(network.folder / "celerybeat-schedule"),
         "--max-interval", "1"],
        env,
    )  # fmt: skip
    for role, marker in (("w1", b" ready."), ("w2", b" ready."),
                         ("beat", b"beat: Starting")):  # fmt: skip
        network.wait_for(role, marker)
    base = f"http://{web}:{WEB_PORT}"
    support.wait_until(
        lambda: support.status(f"{base}/healthz/live") == 200,
        90,
        "the web host answers",
        network.logs,
    )
    return base


def host_of(network: Network, pid: int) -> str:
    """Which host's process a PostgreSQL backend serves (PGAPPNAME)."""
    with psycopg.connect(support.dsn(), autocommit=True) as conn:
        (name,) = conn.execute(
            "SELECT application_name FROM pg_stat_activity WHERE pid = %s", [pid]
        ).fetchone()
    for role in ("w1", "w2"):
        if name == network.application_name(role):
            return role
    raise AssertionError(f"backend {pid} is {name!r}, not a worker host's")


def backend_alive(pid: int) -> bool:
    with psycopg.connect(support.dsn(), autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
        return row.fetchone() is not None


def test_a_wave_goes_out_once_when_a_worker_host_is_cut_off_mid_publish(tmp_path):
    source = support.campaign(builders.campaign_index())
    items = [support.rollout(source, *region[:2], *region[2]) for region in REGIONS]
    network = Network(tmp_path)
    stack = CeleryStack(tmp_path, SWEEP_SECONDS)
    try:
        base = start_hosts(network, stack)
        paths = [path for item in items for path in item.paths()]
        for path in paths:
            assert support.status(f"{base}{path}") == 404, path  # warm, and draft
        start = timezone.now() + dt.timedelta(seconds=4)
        for number, item in enumerate(items):
            support.schedule_at(
                source, item, start + dt.timedelta(seconds=STAGGER * number)
            )
        held = items[0]
        with support.Watcher(base, paths, interval=0.1) as watcher:
            with support.RowLock(held.pages[0].pk) as lock:
                (backend,) = support.wait_until(
                    lock.waiting, 30, "the first publish in flight", network.logs
                )
                cut = host_of(network, backend)
                network.cut(cut)
                cut_at = time.time()
            # The cut-off host got the row and went silent inside its
            # transaction; PostgreSQL ends it after IDLE_SECONDS.
            support.wait_until(
                lambda: not backend_alive(backend),
                IDLE_SECONDS + 30,
                "PostgreSQL ends the cut-off host's transaction",
            )
            ended_at = time.time()
            last = items[-1].release.go_live_at.timestamp()
            support.wait_until(
                lambda: support.released(*(item.release for item in items)),
                # The held release's next wake-up waits out DEDUP_SECONDS.
                max(last, ended_at)
                - time.time()
                + DEDUP_SECONDS
                + 2 * support.slack(stack),
                "every release published",
                network.logs,
            )
            time.sleep(0.5)  # a page, once live, stays live: keep watching

        lines = [
            f"\n{cut} cut off {cut_at - start.timestamp():.1f} s after the first"
            f" instant; its transaction ended {ended_at - cut_at:.1f} s later;"
            f" {watcher.errors} requests to the web host went unanswered"
        ]
        for item in items:
            release = item.release
            assert release.state == Release.State.PUBLISHED, network.logs()
            due = release.go_live_at.timestamp()
            assert release.published_at >= release.go_live_at
            for page in item.pages:
                assert support.publish_entries(page) == 1, page
            for path in item.paths():
                went_live = watcher.first(path)
                assert went_live is not None, (path, watcher.answers[path][-3:])
                answers = watcher.answers[path]
                assert {code for at, code in answers if at < due} <= {404}, path
                assert {code for at, code in answers if at >= went_live} == {200}
                assert went_live >= due, (path, went_live - due)
                lines.append(
                    f"{item.region.code} {path}: {release.lateness.total_seconds():.2f}"
                    f" s late (recorded), first 200 {went_live - due:.2f} s after"
                )
        # The held release could only go out after PostgreSQL ended the
        # cut-off host's transaction, from the other worker.
        assert held.release.published_at.timestamp() >= ended_at - 1
        print("\n".join(lines))
    finally:
        network.stop()
        stack.stop()
