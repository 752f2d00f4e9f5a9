"""Hot page-cache entries kept in each web process, exact through Redis.

A hit on Redis costs one round trip, and on a two-core machine that round
trip (two system calls, a context switch, Redis's own work) costs twice what
the rest of the request does: a page from Redis came out at half the rate of
a static file. So each process keeps its recent entries, and Redis tells it
when one stops being valid: on one connection per process, Redis 6 client
tracking in broadcast mode pushes an invalidation for every change to a
page-cache *version* key (a new token, a deletion, an expiry, an eviction, a
flush). Before it answers from its own copy, the process reads whatever has
arrived on that connection, without waiting (a non-blocking read, no round
trip), and forgets every version named there.

How exact. Redis queues the push in the same event-loop pass in which it
applies the change and replies to the writer, and sends both in that pass:
a request that reaches a web process after the writer's commit has its push
on the socket already, unless Redis was descheduled between those two writes.
A change made through ``delivery.versions.invalidate`` in this process is
forgotten here at once. A lost connection forgets every copy; the process
then asks Redis on every request until it has a new one.

Only versions and entries read after tracking was on are kept, and none that
a push named meanwhile: a push consumed by another thread between a read and
its remembering makes that request skip remembering.
"""

import logging
import os
import threading
import time
from collections import OrderedDict

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

#: After a failed connection, wait this long before trying Redis again.
RETRY_SECONDS = 5.0


class NearCache:
    """One process's copies of page-cache entries and versions."""

    def __init__(self, location: str, prefix: str, options: dict, size: int):
        self.location = location
        self.prefix = prefix  # of the raw (Redis) version keys
        self.options = options
        self.size = size
        self.lock = threading.RLock()
        self.connection = None
        self.pid = os.getpid()
        self.retry_at = 0.0
        #: Incremented by every push: remembering is skipped if one came
        #: between the read from Redis and the remembering.
        self.epoch = 0
        self.versions: dict[bytes, str] = {}
        self.entries: OrderedDict[str, object] = OrderedDict()

    # The tracking connection -------------------------------------------------

    def _connect(self) -> bool:
        if time.monotonic() < self.retry_at:
            return False
        pool = redis.ConnectionPool.from_url(self.location, protocol=3, **self.options)
        try:
            connection = pool.get_connection()
            # redis-py's own client-side cache installs its handler the same
            # way (redis/connection.py, CacheProxyConnection).
            connection._parser.set_invalidation_push_handler(self._pushed)
            connection.send_command(
                "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.prefix
            )
            if connection.read_response() not in (b"OK", "OK"):
                raise redis.ResponseError("CLIENT TRACKING was refused")
        except (redis.ResponseError, AttributeError) as error:
            # Redis before 6, a provider that forbids CLIENT, another redis-py:
            # ask Redis on every request, and say so once.
            logger.warning("page cache: no near copies, Redis said: %s", error)
            pool.disconnect()
            self.retry_at = float("inf")
            return False
        except (redis.RedisError, OSError) as error:
            logger.warning("page cache: no near copies for now (%s)", error)
            pool.disconnect()
            self.retry_at = time.monotonic() + RETRY_SECONDS
            return False
        self.connection = connection
        return True

    def _forget_all(self) -> None:
        self.versions.clear()
        self.entries.clear()
        self.epoch += 1

    def _reset(self) -> None:
        self._forget_all()
        if self.connection is not None:
            try:
                self.connection.disconnect()
            except (redis.RedisError, OSError):
                pass
        self.connection = None
        self.retry_at = time.monotonic() + RETRY_SECONDS

    def close(self) -> None:
        with self.lock:
            self._reset()

    def _pushed(self, message) -> None:
        """An invalidation push: forget the versions it names (all if None)."""
        keys = message[1]
        self.epoch += 1
        if keys is None:
            self._forget_all()
            return
        for key in keys:
            self.versions.pop(key if isinstance(key, bytes) else key.encode(), None)

    def drain(self) -> int | None:
        """Apply every push that has arrived; None when there is no connection.

        Returns the epoch to give ``remember``.
        """
        with self.lock:
            if self.pid != os.getpid():  # forked: the connection is the parent's
                self.connection, self.pid = None, os.getpid()
                self._forget_all()
            if self.connection is None and not self._connect():
                return None
            try:
                while self.connection.can_read(timeout=0):
                    self.connection.read_response(push_request=True)
            except (redis.RedisError, OSError) as error:
                logger.warning("page cache: near copies forgotten (%s)", error)
                self._reset()
                return None
            return self.epoch

    def sync(self) -> None:
        """Wait for every push Redis queued before now (a PING orders them)."""
        with self.lock:
            if self.drain() is None:
                return
            try:
                self.connection.send_command("PING")
                while self.connection.read_response(push_request=True) not in (
                    b"PONG",
                    "PONG",
                ):
                    pass
            except (redis.RedisError, OSError):
                self._reset()

    # Copies --------------------------------------------------------------------

    def lookup(self, entry_key: str, version_key: bytes):
        """The entry, if this process holds it at the version Redis has."""
        with self.lock:
            token = self.versions.get(version_key)
            entry = self.entries.get(entry_key)
            if token is None or entry is None or entry.version != token:
                return None
            self.entries.move_to_end(entry_key)
            return entry

    def remember(self, epoch, version_key: bytes, token: str, entry_key, entry):
        """Keep what was read from Redis since ``epoch`` (if no push came)."""
        with self.lock:
            if epoch is None or epoch != self.epoch or self.connection is None:
                return
            self.versions[version_key] = token
            if entry is not None:
                self.entries[entry_key] = entry
                self.entries.move_to_end(entry_key)
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
            if len(self.versions) > 4 * self.size:
                self.versions.clear()

    def forget(self, version_keys) -> None:
        """Changes made by this process: forgotten here without waiting."""
        with self.lock:
            self.epoch += 1
            for key in version_keys:
                self.versions.pop(key, None)


def first_location(location) -> str:
    """Django's RedisCache takes one URL, a list, or a comma-separated string;
    the first server is the primary, where versions are written."""
    if isinstance(location, list | tuple):
        return location[0]
    return str(location).split(",")[0]


def build(alias: str, raw_version_prefix: str) -> NearCache | None:
    size = settings.PAGE_CACHE_NEAR_ENTRIES
    config = settings.CACHES[alias]
    if size <= 0 or not config["BACKEND"].endswith("RedisCache"):  # config.cache too
        return None
    options = {
        name: value
        for name, value in config.get("OPTIONS", {}).items()
        if name in ("socket_connect_timeout", "socket_timeout", "password")
    }
    return NearCache(
        first_location(config["LOCATION"]), raw_version_prefix, options, size
    )
