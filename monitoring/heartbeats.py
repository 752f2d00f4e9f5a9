"""When the release sweep last ran, and when each worker was last alive.

The sweep's end and each Celery worker's event heartbeat (every 2 s) write a
timestamp to Redis under the default cache's key prefix; /healthz and
/metrics read them. A worker stopped on purpose removes its own entry; one
that died stays, stale, until it comes back under the same name or
FORGET_SECONDS pass. Nothing here knows anything about visitors.
"""

import logging
import time

from celery.signals import heartbeat_sent, task_postrun, worker_init, worker_shutdown
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

SWEEP_TASK = "campaign.sweep_releases"
#: A worker silent this long is dropped from the report (scaled down, renamed).
FORGET_SECONDS = 24 * 3600


def _store():
    """The default cache's Redis client and the two key names, or None."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        return None
    client = cache._cache.get_client(write=True)
    return client, cache.make_key("health:sweep"), cache.make_key("health:workers")


def record_sweep(now: float | None = None) -> None:
    store = _store()
    if store is not None:
        client, sweep_key, _workers = store
        client.set(sweep_key, now or time.time())


def record_worker(hostname: str, now: float | None = None) -> None:
    store = _store()
    if store is not None:
        client, _sweep, workers_key = store
        client.hset(workers_key, hostname, now or time.time())


def forget_worker(hostname: str) -> None:
    store = _store()
    if store is not None:
        client, _sweep, workers_key = store
        client.hdel(workers_key, hostname)


def read(now: float | None = None) -> tuple[float | None, dict[str, float]]:
    """Seconds since the last sweep (None: never), and per worker since its
    last heartbeat. Raises what Redis raises."""
    store = _store()
    if store is None:
        return None, {}
    client, sweep_key, workers_key = store
    now = now or time.time()
    sweep = client.get(sweep_key)
    workers = {}
    for name, at in client.hgetall(workers_key).items():
        age = now - float(at)
        if age > FORGET_SECONDS:
            client.hdel(workers_key, name)
        else:
            workers[name.decode()] = max(0.0, age)
    return (None if sweep is None else max(0.0, now - float(sweep))), workers


def _quietly(record, *args) -> None:
    try:
        record(*args)
    except Exception as error:  # Redis away: /healthz says so on its own
        logger.debug("health record not written: %s", error)


def on_task_postrun(sender=None, state=None, **kwargs):
    if getattr(sender, "name", None) == SWEEP_TASK and state == "SUCCESS":
        _quietly(record_sweep)


def on_heartbeat(sender=None, **kwargs):
    _quietly(record_worker, sender.eventer.hostname)


def on_worker_init(sender=None, **kwargs):
    """A (re)starting worker counts as seen: the name it had before it died
    would otherwise stay stale until its first heartbeat, and a probe could
    restart it again while it starts (deploy/systemd/probe)."""
    hostname = getattr(sender, "hostname", None)
    if hostname:
        _quietly(record_worker, hostname)


def on_worker_shutdown(sender=None, **kwargs):
    hostname = getattr(sender, "hostname", None)
    if hostname:
        _quietly(forget_worker, hostname)


def connect() -> None:
    task_postrun.connect(on_task_postrun, weak=False)
    heartbeat_sent.connect(on_heartbeat, weak=False)
    worker_init.connect(on_worker_init, weak=False)
    worker_shutdown.connect(on_worker_shutdown, weak=False)
