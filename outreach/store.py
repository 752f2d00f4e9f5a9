"""The outreach Redis connection, with a pause after it fails.

Counting must never slow a partner's request down: when Redis does not
answer, callers keep what they would have written and the client waits
``RETRY_AFTER`` seconds before trying again.
"""

import threading
import time

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


def _on_setting_changed(setting, **kwargs):
    if setting.startswith("OUTREACH_"):
        reset()


setting_changed.connect(_on_setting_changed, dispatch_uid="outreach.store.reset")
