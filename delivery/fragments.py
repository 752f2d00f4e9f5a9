"""What many renders share, kept by each web process until anything changes.

A render of a campaign page read, besides the page itself, the same rows as
every other page of its locale or site: its site, its translations (the
language switcher and hreflang links), its region's helplines and legal
text, the site's identity and the footer's statements. Those queries and
their Python cost were about half of a render. Each process now keeps what
it computed of these (``remember``), tagged with a *generation*: one token
in the shared cache, read once per request, and replaced by ``bump`` after
every commit that ``delivery.invalidation`` flushes, that is after every
change any of its rules names (a page published, unpublished, moved or
deleted, a view restriction, an image, whatever an app declared with
``stale_when_changed``). Changes are rare next to reads, so one generation
for everything costs little and cannot forget a dependency between two
kinds of data.

Exact in the page cache's sense: a value computed before a change is never
used by a request that starts after the change's commit was flushed, since
a value is used only under the generation that was current when its request
began, and it is stored under that generation. With a cache of its own per
process (no Redis: ``make run`` on a bare machine) a generation could not
reach the other processes, so nothing is kept there; nor with
``RENDER_FRAGMENTS`` off (the tests' default). Never a page's own
content: that is read and rendered on every request (the page cache keeps
whole pages).
"""

from collections.abc import Callable, Hashable

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import get_random_string

GENERATION_KEY = "fragments:generation"
#: Request attribute holding the generation read for it.
REQUEST_ATTR = "_fragments_generation"
#: Entries kept per process before they are all dropped (pages x locales).
MAX_ENTRIES = 4096
#: A generation is replaced on change; this only bounds an unused key's life.
GENERATION_TTL = 7 * 24 * 3600

_NONE = object()
_kept: dict[Hashable, tuple[str, object]] = {}


def _cache():
    return caches["default"]


def generation(request) -> str | None:
    """The generation this request uses (None: keep nothing), read once."""
    found = getattr(request, REQUEST_ATTR, _NONE)
    if found is not _NONE:
        return found
    cache = _cache()
    token = None
    if settings.RENDER_FRAGMENTS and not isinstance(cache, LocMemCache):
        token = cache.get(GENERATION_KEY)
        if token is None:  # never set, or evicted: whoever adds first wins
            cache.add(GENERATION_KEY, get_random_string(16), GENERATION_TTL)
            token = cache.get(GENERATION_KEY)  # None while Redis is away
    if token is None:  # a bump may be lost meanwhile: start again after
        _kept.clear()
    setattr(request, REQUEST_ATTR, token)
    return token


def remember(request, key: Hashable, compute: Callable[[], object]):
    """``compute()``, or what this process computed for ``key`` under the
    request's generation. Callers must not change what they are given."""
    current = generation(request) if request is not None else None
    if current is None:
        return compute()
    kept = _kept.get(key)
    if kept is not None and kept[0] == current:
        return kept[1]
    value = compute()
    if len(_kept) >= MAX_ENTRIES:
        _kept.clear()
    _kept[key] = (current, value)
    return value


def bump() -> None:
    """A new generation: every process recomputes what it kept."""
    _cache().set(GENERATION_KEY, get_random_string(16), GENERATION_TTL)
    _kept.clear()
