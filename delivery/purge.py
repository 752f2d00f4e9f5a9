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

Hard and soft. A purge is hard unless the commit only published or changed
what live pages show (``delivery.invalidation``: no page unpublished,
deleted, moved or made private): then it is soft, to the backends that can
(``VarnishBackend``: the same PURGE, with ``X-Purge: soft``). Varnish then
keeps the old copy in grace and the first reader after the purge fetches
the new one in the background while every reader, that one included, is
served the old copy until it has come: a republished hot page costs its
readers no wait. A hard purge removes every copy at once: what was
withdrawn or made private is never served again. A CDN backend has one
kind of purge and gets it for both.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

from delivery import versions as cache_versions

logger = logging.getLogger(__name__)

#: The backends purged at once, in the committing process.
AT_ONCE = ("varnish",)
#: PURGE requests in flight at once (each is a loopback round trip).
PARALLEL = 8


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE, hard), and the soft purge of
    deploy/varnish/default.vcl: the same request with ``X-Purge: soft``."""

    def soft_purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        location = (self.cache_scheme, self.cache_netloc, *parts[2:])
        request = PurgeRequest(
            url=urlunsplit(location), headers={"Host": host, "X-Purge": "soft"}
        )
        try:
            urlopen(request)  # noqa: S310 (the scheme is the configured LOCATION's)
        except URLError as error:  # logged as Wagtail's backend logs a failure
            logger.error("Couldn't soft-purge '%s' from Varnish: %s", url, error)


def _purge_one(backend, url: str, soft: bool) -> None:
    if soft and isinstance(backend, VarnishBackend):
        backend.soft_purge(url)
    else:
        backend.purge(url)


def _keys() -> tuple[str, str, str]:
    cache = cache_versions.backend()
    prefix = settings.PAGE_CACHE_KEY_PREFIX
    return (
        cache.make_key(f"{prefix}:purge"),
        cache.make_key(f"{prefix}:purge-soft"),
        f"{prefix}:purge-scheduled",
    )


def at_once(urls: list[str], soft: bool = False) -> int:
    """Purge these URLs from the near caches (Varnish) now; how many."""
    names = [name for name in AT_ONCE if name in settings.WAGTAILFRONTENDCACHE]
    if not names or not urls:
        return 0
    backends = get_backends(backends=names).values()
    jobs = [(backend, url) for backend in backends for url in sorted(set(urls))]
    if len(jobs) == 1:
        _purge_one(*jobs[0], soft)
    else:
        with ThreadPoolExecutor(min(PARALLEL, len(jobs))) as pool:
            # Wagtail's backends log what fails; nothing is raised here.
            list(pool.map(lambda job: _purge_one(*job, soft), jobs))
    return len(jobs)


def queue(urls: list[str], soft: bool = False) -> None:
    """Purge these URLs with the others of the next few seconds."""
    # Imported here: the task module imports this one.
    from delivery.tasks import purge_frontend_cache

    cache = cache_versions.backend()
    client = cache_versions.redis_client(cache)
    if client is None:
        purge_frontend_cache.delay(urls, soft)
        return
    hard_list, soft_list, scheduled = _keys()
    pending = soft_list if soft else hard_list
    with client.pipeline() as pipe:
        pipe.rpush(pending, *urls).expire(pending, 3600).execute()
    delay = settings.FRONTEND_CACHE_PURGE_DELAY
    if cache.add(scheduled, 1, timeout=max(1, round(delay)) + 30):
        purge_frontend_cache.apply_async(countdown=delay)


def take_pending() -> tuple[set[str], set[str]]:
    """Everything queued so far, (hard, soft); later URLs schedule another
    purge. A URL queued both ways is purged hard."""
    cache = cache_versions.backend()
    client = cache_versions.redis_client(cache)
    if client is None:
        return set(), set()
    hard_list, soft_list, scheduled = _keys()
    cache.delete(scheduled)  # first: a URL queued from now on sends a new task
    with client.pipeline() as pipe:  # MULTI: nothing slips between them
        pipe.lrange(hard_list, 0, -1).lrange(soft_list, 0, -1)
        hard, soft, *_deleted = pipe.delete(hard_list).delete(soft_list).execute()
    hard = {url.decode() for url in hard}
    return hard, {url.decode() for url in soft} - hard


def purge(urls: list[str] | None = None, soft: bool = False) -> int:
    """One purge batch through every configured frontend cache backend:
    these URLs, or all queued (each as it was queued, hard or soft)."""
    if urls is None:
        hard, softly = take_pending()
    else:
        hard, softly = (set(), set(urls)) if soft else (set(urls), set())
    everything = sorted(hard | softly)
    if not settings.WAGTAILFRONTENDCACHE or not everything:
        return 0
    backends = get_backends()
    varnishes = {n for n, b in backends.items() if isinstance(b, VarnishBackend)}
    if others := [name for name in backends if name not in varnishes]:
        PurgeBatch(everything).purge(backends=others)
    if varnishes and hard:
        PurgeBatch(sorted(hard)).purge(backends=sorted(varnishes))
    for name in varnishes:
        for url in sorted(softly):
            backends[name].soft_purge(url)
    return len(everything)
