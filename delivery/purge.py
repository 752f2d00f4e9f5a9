"""Purges through Wagtail's frontend cache backends: Varnish at once, CDNs in
batches.

Varnish (``WAGTAILFRONTENDCACHE["varnish"]``, set by ``VARNISH_URL``) sits on
the same network as the site: every commit's URLs (every locale of a release
in one) are purged from it as soon as the commit is flushed, by Wagtail's
HTTP backend (one PURGE per URL, several in flight), so a withdrawal is gone
from it at once.

Then, with Redis, the URLs of every commit go to one list, and one task sent
FRONTEND_CACHE_PURGE_DELAY seconds after the first of them purges the whole
list from every backend in one batch: a wave of releases, and the share
images rendered after it, send a few requests to a CDN, not one per page.
That second purge also reaches Varnish: a render that started before the
commit and was stored after the first purge goes too. Without Redis, each
commit sends its own batch.
"""

import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

from delivery import versions as cache_versions

logger = logging.getLogger(__name__)

#: The backends purged at once, in the committing process.
AT_ONCE = ("varnish",)
#: PURGE requests in flight at once (each is a loopback round trip).
PARALLEL = 8


def _keys() -> tuple[str, str]:
    cache = cache_versions.backend()
    prefix = settings.PAGE_CACHE_KEY_PREFIX
    return cache.make_key(f"{prefix}:purge"), f"{prefix}:purge-scheduled"


def at_once(urls: list[str]) -> int:
    """Purge these URLs from the near caches (Varnish) now; how many."""
    names = [name for name in AT_ONCE if name in settings.WAGTAILFRONTENDCACHE]
    if not names or not urls:
        return 0
    backends = get_backends(backends=names).values()
    jobs = [(backend, url) for backend in backends for url in sorted(set(urls))]
    if len(jobs) == 1:
        jobs[0][0].purge(jobs[0][1])
    else:
        with ThreadPoolExecutor(min(PARALLEL, len(jobs))) as pool:
            # Wagtail's backends log what fails; nothing is raised here.
            list(pool.map(lambda job: job[0].purge(job[1]), jobs))
    return len(jobs)


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
    """One purge batch through every configured frontend cache backend."""
    if urls is None:
        urls = take_pending()
    urls = sorted(set(urls))
    if not settings.WAGTAILFRONTENDCACHE or not urls:
        return 0
    PurgeBatch(urls).purge()
    return len(urls)
