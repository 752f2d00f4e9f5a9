"""Which worker holds a wake-up, and which workers yield the processor.

A wake-up sent with an ETA is reserved at once by one worker, which keeps it
in memory until the instant. Were that worker killed meanwhile, the release
would wait for the first sweep after its instant (up to
``RELEASE_SWEEP_SECONDS`` late): its copy is stuck as an unacknowledged
message until Redis's visibility timeout. So each worker of the release
queue also listens on a queue of its own (``<RELEASE_QUEUE>:<hostname>``)
and says it is alive with its heartbeat; the sweep hands each upcoming
wake-up to two live release workers. Whichever runs first publishes;
``engine._claim`` makes the other a no-op (exactly once).

A worker that does not consume the release queue (share images, purges)
lowers its processes' priority by ``BACKGROUND_WORKER_NICE`` (and its
session's, see ``lower_priority``): on a busy machine the release workers
and the web processes that serve a page right after its release get the
processor first.
"""

import logging
import os
import time

from celery.signals import celeryd_after_setup, heartbeat_sent, worker_shutdown
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

#: How many live release workers hold each upcoming wake-up.
COPIES = 2
#: A release worker whose heartbeat (every 2 s) is older than this gets no
#: wake-ups of its own: it is dead or cut off.
STALE_SECONDS = 10.0
#: A release worker silent this long is dropped from the list.
FORGET_SECONDS = 24 * 3600

#: This process's own release queue, in a release worker's main process.
_own_queue: str | None = None


def queue_of(hostname: str) -> str:
    return f"{settings.RELEASE_QUEUE}:{hostname}"


def _store():
    """The default cache's Redis client and the list's key, or None."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        return None
    return cache._cache.get_client(write=True), cache.make_key("release-workers")


def record(hostname: str, now: float | None = None) -> None:
    store = _store()
    if store is not None:
        client, key = store
        client.hset(key, hostname, now or time.time())


def forget(hostname: str) -> None:
    store = _store()
    if store is not None:
        client, key = store
        client.hdel(key, hostname)


def live(now: float | None = None) -> list[str]:
    """Hostnames of the release workers alive now, sorted. Raises what Redis
    raises."""
    store = _store()
    if store is None:
        return []
    client, key = store
    now = now or time.time()
    names = []
    for name, at in client.hgetall(key).items():
        age = now - float(at)
        if age <= STALE_SECONDS:
            names.append(name.decode())
        elif age > FORGET_SECONDS:
            client.hdel(key, name)
    return sorted(names)


def holders(release_id: int, workers: list[str]) -> list[str]:
    """The release workers that hold this release's wake-up: COPIES of them,
    spread by release; none (use the shared queue) with fewer live."""
    if len(workers) < COPIES:
        return []
    first = release_id % len(workers)
    return [workers[(first + n) % len(workers)] for n in range(COPIES)]


def _quietly(action, *args) -> None:
    try:
        action(*args)
    except Exception as error:  # Redis away: wake-ups use the shared queue
        logger.debug("release worker list not written: %s", error)


def on_after_setup(sender=None, instance=None, **kwargs) -> None:
    """Before the pool starts: a release worker adds its own queue, any other
    worker lowers its priority (the pool's processes inherit it)."""
    global _own_queue
    queues = instance.app.amqp.queues
    if settings.RELEASE_QUEUE in queues.consume_from:
        _own_queue = queue_of(sender)
        queues.select_add(_own_queue)
        _quietly(record, sender)
    elif settings.BACKGROUND_WORKER_NICE:
        niceness = lower_priority(settings.BACKGROUND_WORKER_NICE)
        logger.info("background worker %s runs at niceness %s", sender, niceness)


def lower_priority(by: int) -> int:
    """Raise this process's niceness by ``by``; returns the new niceness.

    With the kernel's autogroups (``sched_autogroup_enabled``), niceness
    only ranks processes within one session: each session shares the
    processor equally with every other. A worker that leads its session
    (systemd, ``make run`` and the benchmarks start each in one) lowers its
    session's group too; one started in a shell's session leaves that
    group alone: it holds other processes. Under systemd with the cgroup CPU
    controller on, niceness ranks only within the unit, and the unit's
    ``CPUWeight=`` ranks it against the others (deploy/systemd)."""
    niceness = os.nice(by)
    if os.getsid(0) == os.getpid():
        try:
            with open("/proc/self/autogroup", "w") as group:
                group.write(str(niceness))
        except OSError:  # no autogroups: not Linux, or the feature is off
            pass
    return niceness


def on_heartbeat(sender=None, **kwargs) -> None:
    if _own_queue:
        _quietly(record, sender.eventer.hostname)


def on_worker_shutdown(sender=None, **kwargs) -> None:
    hostname = getattr(sender, "hostname", None)
    if _own_queue and hostname:
        _quietly(forget, hostname)


def connect() -> None:
    celeryd_after_setup.connect(on_after_setup, weak=False)
    heartbeat_sent.connect(on_heartbeat, weak=False)
    worker_shutdown.connect(on_worker_shutdown, weak=False)
