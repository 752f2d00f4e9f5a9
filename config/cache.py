"""Django's Redis cache, tolerant of Redis being away.

Wagtail reads the default cache on every request (``Site.get_site_root_paths``,
renditions), so with the stock backend every public page answered 500 while
Redis was stopped (issue 12). Here a connection error or timeout is a miss
for reads and a no-op for writes; the site renders without the cache. After
one error the backend leaves Redis alone for ``RETRY_AFTER`` seconds (a
top-level key of the CACHES entry, default 5), so a Redis host that drops
packets costs one connect timeout per interval, not one per cache call, and
says so in the log once per interval.

Deletes are always tried: they are evictions of what a commit changed.
``add`` reports success when Redis is away, so callers that deduplicate
with it go ahead (a duplicate wake-up publishes nothing twice); ``incr`` and
``decr`` raise as before, having no sensible answer.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

#: What "Redis is away" looks like from redis-py.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class _Outage:
    """When Redis last failed, per location, shared by the threads of a process."""

    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        self.until = 0.0
        self.lock = threading.Lock()

    def ongoing(self) -> bool:
        return time.monotonic() < self.until

    def record(self, location: str, error: Exception) -> None:
        with self.lock:
            first = not self.ongoing()
            self.until = time.monotonic() + self.retry_after
        if first:
            logger.warning(
                "cache at %s unavailable (%s): serving without it for %s s",
                location,
                type(error).__name__,
                self.retry_after,
            )


_outages: dict[str, _Outage] = {}


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = str(server).split("@")[-1]  # never a password
        retry_after = float(params.get("RETRY_AFTER", 5))
        self._outage = _outages.setdefault(self._location, _Outage(retry_after))

    def _tolerant(self, fallback, method, *args, skip_when_down=True, **kwargs):
        if skip_when_down and self._outage.ongoing():
            return fallback
        try:
            return method(*args, **kwargs)
        except UNAVAILABLE as error:
            self._outage.record(self._location, error)
            return fallback

    # Reads: a miss.
    def get(self, key, default=None, version=None):
        return self._tolerant(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._tolerant({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._tolerant(False, super().has_key, key, version)

    # Writes: dropped.
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tolerant(None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(True, super().add, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant([], super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(False, super().touch, key, timeout, version)

    # Evictions: always tried.
    def delete(self, key, version=None):
        return self._tolerant(False, super().delete, key, version, skip_when_down=False)

    def delete_many(self, keys, version=None):
        self._tolerant(None, super().delete_many, keys, version, skip_when_down=False)

    def clear(self):
        return self._tolerant(False, super().clear, skip_when_down=False)
