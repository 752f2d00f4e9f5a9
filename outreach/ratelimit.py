"""A fixed window per partner and minute: one Redis round trip (on the API's
and the card's path, part of the request's only one: outreach/trip.py).

The key holds the partner's id and the window's start, nothing about who
asked. Without Redis each process keeps its own window (the limit then
holds per process, a safe degradation).
"""

import threading
import time

import redis

from . import store

WINDOW = 60
_local: dict[tuple[int, int], int] = {}
_lock = threading.Lock()


def window(partner_id: int, now: float | None = None) -> tuple[str, int]:
    """The Redis key of the partner's current window, and the seconds until
    the next one (a refused request's ``Retry-After``)."""
    now = time.time() if now is None else now
    number = int(now // WINDOW)
    retry_after = max(1, int((number + 1) * WINDOW - now + 0.999))
    return store.key("rl", str(partner_id), str(number)), retry_after


def hit(partner_id: int, limit: int, now: float | None = None) -> int:
    """Count a request; 0 when allowed, else the seconds until the next window."""
    now = time.time() if now is None else now
    name, retry_after = window(partner_id, now)
    client = store.client()
    count = None
    if client is not None:
        try:
            pipe = client.pipeline(transaction=False)
            pipe.incr(name)
            pipe.expire(name, WINDOW + 1)
            count = pipe.execute()[0]
        except redis.RedisError:
            store.failed()
    if count is None:
        number = int(now // WINDOW)
        with _lock:
            for stale in [key for key in _local if key[1] < number]:
                del _local[stale]
            count = _local[(partner_id, number)] = (
                _local.get((partner_id, number), 0) + 1
            )
    return 0 if count <= limit else retry_after
