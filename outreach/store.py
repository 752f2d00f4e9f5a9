"""The outreach Redis connection, with a pause after it fails.

Counting must never slow a partner's request down: when Redis does not
answer, callers keep what they would have written and the client waits
``RETRY_AFTER`` seconds before trying again.

A request's one round trip (outreach/trip.py, outreach/counters.py) goes
over this process's own connection (``round_trip``): redis-py's command
path (pipeline objects, the pool, retries, observability) cost more CPU
than the rest of a cached page's answer. It sends the packed commands and
reads their replies, nothing else.
"""

import os
import threading
import time
from collections.abc import Callable

import redis
from django.conf import settings
from django.core.signals import setting_changed

RETRY_AFTER = 1.0
_lock = threading.Lock()
_client: redis.Redis | None = None
_down_until = 0.0


def key(*parts: str) -> str:
    return ":".join([settings.OUTREACH_KEY_PREFIX, *parts])


def client() -> redis.Redis | None:
    """The client, or None while Redis is considered down."""
    global _client
    if time.monotonic() < _down_until:
        return None
    with _lock:
        if _client is None:
            _client = redis.Redis.from_url(
                settings.OUTREACH_REDIS_URL,
                socket_connect_timeout=0.25,
                socket_timeout=0.5,
                decode_responses=True,
            )
        return _client


def failed() -> None:
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER


def reset(**kwargs) -> None:
    """Forget the client (tests point the settings at another server)."""
    global _client, _down_until
    with _lock:
        if _client is not None:
            _client.close()
        _client = None
        _down_until = 0.0


#: This process's own connection: (pid, client, connection). One thread at a
#: time (a sync worker has one); another thread meanwhile takes the pool.
_own: tuple | None = None
_own_lock = threading.Lock()


def pack(*parts: str | int) -> bytes:
    """A command in the Redis protocol (RESP): an array of bulk strings."""
    out = [b"*%d\r\n" % len(parts)]
    for part in parts:
        data = str(part).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


def _connection(client: redis.Redis):
    """This process's own connection to ``client``'s server (made when
    missing, after a fork, or for a new client: ``reset``)."""
    global _own
    pid = os.getpid()
    if _own is None or _own[0] != pid or _own[1] is not client:
        if _own is not None and _own[0] == pid:
            _own[2].disconnect()
        pool = client.connection_pool
        _own = (pid, client, pool.connection_class(**pool.connection_kwargs))
    return _own[2]


def round_trip(client: redis.Redis, commands: list[bytes], busy: Callable):
    """Send the packed ``commands`` at once and return their replies.

    ``busy()`` does the same through redis-py when another thread holds the
    connection. A connection Redis closed while idle fails on sending: sent
    once more, on a new one. A reply lost after sending is not retried (the
    commands may have run). Raises redis.RedisError.
    """
    if not _own_lock.acquire(blocking=False):
        return busy()
    try:
        connection = _connection(client)
        try:
            connection.send_packed_command(commands)
        except redis.ConnectionError:
            connection.send_packed_command(commands)
        return [connection.read_response() for _command in commands]
    finally:
        _own_lock.release()


def _on_setting_changed(setting, **kwargs):
    if setting.startswith("OUTREACH_"):
        reset()


setting_changed.connect(_on_setting_changed, dispatch_uid="outreach.store.reset")
