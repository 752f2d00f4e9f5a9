"""Keys and versions of the full-page cache (delivery/page_cache.py).

An entry is keyed by host, path (the locale is its first segment) and query;
each path has a *version* key holding a random token, and an entry is valid
only while it carries the path's current token. ``invalidate`` writes new
tokens, one ``set_many`` for any number of paths. With a process-local cache
(no Redis) a stamp file under ``VAR_DIR``, touched by every invalidation, is
part of every version, so the worker's invalidations reach the web processes.
"""

import hashlib
import os
import time
import weakref
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.utils.crypto import get_random_string

from delivery import near as cache_near

#: Version keys outlive entries by far; losing one only costs a miss.
VERSION_TTL = 7 * 24 * 3600


def backend():
    return caches[settings.PAGE_CACHE_ALIAS]


_redis_clients = weakref.WeakKeyDictionary()


def redis_client(cache):
    """The Redis client under a Django RedisCache (None for other backends)."""
    if not isinstance(cache, RedisCache):
        return None
    inner = cache._cache
    client = _redis_clients.get(inner)
    if client is None:
        client = _redis_clients[inner] = inner.get_client(write=True)
    return client


def fetch_many(cache, keys: list[str]) -> dict:
    """``cache.get_many(keys)``, a third of its cost on Redis.

    Django's Redis backend builds a new client object on every call; on the
    hit path that is as long as the round trip itself. This keeps one per
    backend (its connection pool is the backend's, fork-safe).
    """
    client = redis_client(cache)
    if client is None:
        return cache.get_many(keys)
    values = client.mget([cache.make_key(key) for key in keys])
    loads = cache._cache._serializer.loads
    return {
        key: loads(value)
        for key, value in zip(keys, values, strict=True)
        if value is not None
    }


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def version_key(path: str) -> str:
    return f"{settings.PAGE_CACHE_KEY_PREFIX}:v:{digest(path)}"


def entry_key(host: str, path: str, query: str = "") -> str:
    return f"{settings.PAGE_CACHE_KEY_PREFIX}:e:{digest(f'{host}|{path}?{query}')}"


def new_token() -> str:
    return get_random_string(16)


def _stamp_path() -> Path:
    return Path(settings.VAR_DIR) / "page-cache.stamp"


def shared() -> bool:
    """False when each process has its own cache (local memory)."""
    return not isinstance(backend(), LocMemCache)


def current_stamp() -> int | None:
    if shared():
        return None
    try:
        return _stamp_path().stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def touch_stamp() -> None:
    path = _stamp_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    before = current_stamp() or 0
    now = max(time.time_ns(), before + 1)
    path.touch()
    os.utime(path, ns=(now, now))


def version_of(token: str, stamp: int | None) -> str:
    return token if stamp is None else f"{token}:{stamp}"


def current_versions(paths) -> dict[str, str]:
    """The version of each path (created when missing), as entries store it."""
    keys = {version_key(path): path for path in paths}
    found = fetch_many(backend(), list(keys))
    stamp = current_stamp()
    return {
        path: version_of(found.get(key) or ensure_version(key), stamp)
        for key, path in keys.items()
    }


def ensure_version(key: str) -> str:
    cache = backend()
    token = new_token()
    if cache.add(key, token, VERSION_TTL):
        return token
    return cache.get(key) or token


def invalidate(paths) -> int:
    """Give each path a new version: its stored copies stop being served."""
    tokens = {version_key(path): new_token() for path in set(paths)}
    if tokens:
        cache = backend()
        cache.set_many(tokens, VERSION_TTL)
        if not shared():
            touch_stamp()
        near = near_cache()
        if near is not None:
            near.forget(cache.make_key(key).encode() for key in tokens)
    return len(tokens)


_near_caches = weakref.WeakKeyDictionary()


def near_cache():
    """This process's copies of hot entries (delivery/near.py), with Redis."""
    cache = backend()
    prefix = settings.PAGE_CACHE_KEY_PREFIX
    per_prefix = _near_caches.setdefault(cache, {})
    if prefix not in per_prefix:
        per_prefix[prefix] = cache_near.build(
            settings.PAGE_CACHE_ALIAS, cache.make_key(f"{prefix}:v:")
        )
    return per_prefix[prefix]
