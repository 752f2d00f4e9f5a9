"""CDN purges through Wagtail's frontend cache backends, in batches.

With Redis, the URLs of every commit go to one list, and one task sent
FRONTEND_CACHE_PURGE_DELAY seconds after the first of them purges the whole
list in one batch: a wave of releases, and the share images rendered after
it, send a few requests, not one per release or per page. Without Redis,
each commit (every locale of a release) sends its own batch.
"""

from django.conf import settings

from delivery import versions as cache_versions


def _keys() -> tuple[str, str]:
    cache = cache_versions.backend()
    prefix = settings.PAGE_CACHE_KEY_PREFIX
    return cache.make_key(f"{prefix}:purge"), f"{prefix}:purge-scheduled"


def queue(urls: list[str]) -> None:
    """Purge these URLs with the others of the next few seconds."""
    # Imported here: the task module imports this one.
    from delivery.tasks import purge_frontend_cache

    cache = cache_versions.backend()
    client = cache_versions.redis_client(cache)
    if client is None:
        purge_frontend_cache.delay(urls)
        return
    pending, scheduled = _keys()
    with client.pipeline() as pipe:
        pipe.rpush(pending, *urls).expire(pending, 3600).execute()
    delay = settings.FRONTEND_CACHE_PURGE_DELAY
    if cache.add(scheduled, 1, timeout=max(1, round(delay)) + 30):
        purge_frontend_cache.apply_async(countdown=delay)


def take_pending() -> list[str]:
    """Everything queued so far; later URLs schedule another purge."""
    cache = cache_versions.backend()
    client = cache_versions.redis_client(cache)
    if client is None:
        return []
    pending, scheduled = _keys()
    cache.delete(scheduled)  # first: a URL queued from now on sends a new task
    with client.pipeline() as pipe:  # MULTI: nothing slips between the two
        urls, _deleted = pipe.lrange(pending, 0, -1).delete(pending).execute()
    return [url.decode() for url in urls]


def purge(urls: list[str] | None = None) -> int:
    """One purge batch through Wagtail's frontend cache backends."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if urls is None:
        urls = take_pending()
    urls = sorted(set(urls))
    if not settings.WAGTAILFRONTENDCACHE or not urls:
        return 0
    PurgeBatch(urls).purge()
    return len(urls)
