"""Full-page cache for anonymous readers of public Wagtail pages.

The middleware sits right after WhiteNoise, so a hit skips sessions, CSRF,
locale activation and URL routing; the security middleware around it still
adds its headers to every answer.

What is stored: the 200 answer to an anonymous GET of a live, public Wagtail
page under its locale prefix (``/da-dk/...``), when the request path is the
page's own URL, the answer sets no cookie and varies on nothing but the
encoding. ``/`` (language negotiation), the admin, documents, previews and
every request that carries a session, CSRF or messages cookie are served
fresh and never stored.

Keys and versions (delivery/versions.py). An entry is keyed by host (its
name only: no port, no case), path (the locale is its first segment) and the
query parameters some page type declares it reads
(``cache_query_parameters`` on the page class); every other parameter,
tracking ones included, is left out of the key, so no query string can add
an entry. A page is stored only under parameters its own class declares.
Each path also has a *version* key holding a random token; an entry is valid
only while it carries the path's current token. The token is read *before*
the page is rendered and stored with it, so a render that raced a
publication carries the old token and is never served. A lost version key
gets a fresh random token, which no stored entry carries.

Near copies (delivery/near.py). Each web process keeps its hot entries and
asks Redis only when Redis has pushed an invalidation of their version, so a
hit costs no round trip.

Time. Helplines' "open now" is computed while rendering, so entries are
fresh for ``PAGE_CACHE_TTL`` seconds; for ``PAGE_CACHE_GRACE`` more, one
request re-renders while the others still get the previous copy.

One render per page (single flight). When a page has no current copy (after
a publication, say), the first request takes a lock in Redis and renders;
concurrent requests for it wait for that copy, up to
``PAGE_CACHE_FLIGHT_WAIT`` seconds, and render themselves only if it has not
come by then (or the first found nothing to store).
"""

import functools
import gzip
import hashlib
import logging
import time
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import get_page_models

from delivery.paths import url_path
from delivery.versions import (
    backend,
    current_stamp,
    ensure_version,
    entry_key,
    fetch_many,
    near_cache,
    version_key,
    version_of,
)

try:
    import brotli
except ImportError:  # whitenoise[brotli] brings it; the cache works without
    brotli = None

logger = logging.getLogger(__name__)

#: The header that says what the cache did: hit, stale, miss or bypass.
HEADER = "X-Page-Cache"
#: Set on the request by the ``on_serve_page`` hook: the page Wagtail served.
PAGE_ATTR = "_page_cache_page"
#: The attribute of a page class naming the query parameters it reads.
QUERY_ATTRIBUTE = "cache_query_parameters"
LOCK_TTL = 30
#: How often a request waiting for another's render looks for its copy.
FLIGHT_POLL = 0.02
#: Headers of the rendered answer that a hit recomputes or must not repeat.
UNSTORED = frozenset(
    {
        "content-length",
        "content-encoding",
        "set-cookie",
        "vary",
        "etag",
        "last-modified",
        "cache-control",
        "date",
        HEADER.lower(),
    }
)
ALLOWED_VARY = frozenset({"cookie", "accept-encoding"})


class Entry(NamedTuple):
    version: str
    fresh_until: float
    modified: int
    etag: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzip: bytes | None
    br: bytes | None


# What is cached -------------------------------------------------------------------


_codes: tuple[object, frozenset[str]] = (None, frozenset())


def under_locale(path: str) -> bool:
    """``/da-dk/...``: a page under its locale prefix (never ``/`` itself)."""
    global _codes
    languages = settings.LANGUAGES
    if _codes[0] is not languages:
        # Not hashed as a tuple: its names are lazy translations, and
        # hashing them translates them on every request.
        _codes = (languages, frozenset(code.lower() for code, _name in languages))
    parts = path.split("/", 2)
    return len(parts) == 3 and parts[1] in _codes[1]


def private_state(request) -> bool:
    """The request carries something that may make its answer personal."""
    cookies = request.COOKIES
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")
    return any(name in cookies for name in names) or (
        "HTTP_AUTHORIZATION" in request.META
    )


def declared_parameters() -> frozenset[str]:
    """Every query parameter some page type reads (``cache_query_parameters``)."""
    return frozenset(
        name
        for model in get_page_models()
        for name in getattr(model, QUERY_ATTRIBUTE, ())
    )


def query_key(request) -> str:
    """The declared query parameters of the request, in a stable order."""
    # request.GET parses even an empty query string: most hits have none.
    if not request.META.get("QUERY_STRING") or not request.GET:
        return ""
    declared = declared_parameters()
    kept = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name in declared
        for value in values
    )
    return urlencode(kept)


def host_key(request) -> str:
    """The host's name: one entry whatever port or case a client writes."""
    domain, _port = split_domain_port(request.get_host())
    return domain or request.get_host().lower()


def storable(request, response) -> bool:
    """Is ``response`` what every anonymous reader of this URL would get?"""
    page = getattr(request, PAGE_ATTR, None)
    if page is None or request.method not in ("GET", "HEAD"):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",")} - {""}
    if vary - ALLOWED_VARY:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    reads = getattr(type(page), QUERY_ATTRIBUTE, ())
    if any(name not in reads for name in request.GET if name in declared_parameters()):
        return False  # a parameter another page type reads: not this one's key
    url = page.get_url(request)
    # Only what invalidation can name: the page's own URL (never a fallback
    # to another locale's page, nor a route inside a page).
    return url is not None and url_path(url) == request.path


def mark_served_page(next_serve):
    """``on_serve_page`` hook: remember the page that Wagtail serves.

    It runs after the ``before_serve_page`` hooks (view restrictions, the
    locale check), so a page behind a password is never marked for
    a visitor who has not passed it.
    """

    def serve(page, request, args, kwargs):
        setattr(request, PAGE_ATTR, page)
        return next_serve(page, request, args, kwargs)

    return serve


# Answers ---------------------------------------------------------------------------


def _accepts(header: str, coding: str) -> bool:
    """Whether Accept-Encoding names ``coding`` with a weight above zero."""
    for part in header.lower().split(","):
        name, *params = (item.strip() for item in part.split(";"))
        if name != coding:
            continue
        for param in params:
            if param.startswith("q="):
                try:
                    return float(param[2:]) > 0
                except ValueError:
                    return False
        return True
    return False


def choose_encoding(request, entry: Entry) -> str:
    accept = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if not accept:
        return ""
    if entry.br is not None and _accepts(accept, "br"):
        return "br"
    if entry.gzip is not None and _accepts(accept, "gzip"):
        return "gzip"
    return ""


@functools.lru_cache(maxsize=256)
def last_modified(modified: int) -> str:
    """``http_date`` of an entry, once per entry rather than once per hit."""
    return http_date(modified)


def respond(request, entry: Entry, state: str) -> HttpResponse:
    """The stored page, in the encoding the reader accepts (a 304 if current)."""
    encoding = choose_encoding(request, entry)
    body = {"br": entry.br, "gzip": entry.gzip}.get(encoding) or entry.body
    etag = f'"{entry.etag}-{encoding}"' if encoding else f'"{entry.etag}"'
    headers = dict(entry.headers)
    headers.update(
        {
            "Content-Length": str(len(body)),
            "Vary": "Accept-Encoding",
            "ETag": etag,
            "Last-Modified": last_modified(entry.modified),
            "Cache-Control": settings.PAGE_CACHE_CONTROL,
            HEADER: state,
        }
    )
    if encoding:
        headers["Content-Encoding"] = encoding
    response = HttpResponse(b"" if request.method == "HEAD" else body, headers=headers)
    meta = request.META
    if "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta:
        return get_conditional_response(
            request, etag=etag, last_modified=entry.modified, response=response
        )
    return response


def build_entry(response, version: str) -> Entry:
    body = response.content
    compressed_gzip = gzip.compress(body, compresslevel=6, mtime=0)
    compressed_br = brotli.compress(body, quality=5) if brotli else None
    now = time.time()
    return Entry(
        version=version,
        fresh_until=now + settings.PAGE_CACHE_TTL,
        modified=int(now),
        etag=hashlib.blake2b(body, digest_size=12).hexdigest(),
        headers=tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED
        ),
        body=body,
        gzip=compressed_gzip if len(compressed_gzip) < len(body) else None,
        br=compressed_br if compressed_br and len(compressed_br) < len(body) else None,
    )


class PageCacheMiddleware:
    """Serve anonymous readers of public pages from the shared page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.PAGE_CACHE_ENABLED
            or request.method not in ("GET", "HEAD")
            or not under_locale(request.path)
        ):
            return self.get_response(request)
        if private_state(request):
            return self._bypass(request)
        try:
            return self._cached(request)
        except CacheUnavailable:
            return self.get_response(request)

    def _bypass(self, request):
        response = self.get_response(request)
        if getattr(request, PAGE_ATTR, None) is not None:
            # A public page seen with a session: no shared cache may keep it.
            patch_cache_control(response, private=True)
            response[HEADER] = "bypass"
        return response

    def _cached(self, request):
        cache = backend()
        key = entry_key(host_key(request), request.path, query_key(request))
        vkey = version_key(request.path)
        near = near_cache()
        epoch = near.drain() if near is not None else None
        if epoch is not None:
            raw_vkey = cache.make_key(vkey).encode()
            entry = near.lookup(key, raw_vkey)
            if entry is not None and entry.fresh_until > time.time():
                return respond(request, entry, "hit")
        try:
            found = fetch_many(cache, [key, vkey])
            token = found.get(vkey) or ensure_version(vkey)
        except Exception as error:
            logger.warning("page cache unavailable: %s", error)
            raise CacheUnavailable from error
        version = version_of(token, current_stamp())
        entry, lock = found.get(key), None
        if entry is not None and entry.version != version:
            entry = None
        if epoch is not None:
            near.remember(epoch, raw_vkey, token, key, entry)
        lock = f"{key}:lock"
        if entry is not None:
            if entry.fresh_until > time.time():
                return respond(request, entry, "hit")
            # Past its freshness: one request renders, the others still get
            # this copy (its version says nothing has changed since).
            if not self._safely(cache.add, lock, 1, LOCK_TTL):
                return respond(request, entry, "stale")
        elif not self._safely(cache.add, lock, 1, LOCK_TTL):
            # Another request renders this page: wait for its copy.
            entry = self._wait(cache, key, lock, version)
            if entry is not None:
                if epoch is not None:
                    near.remember(epoch, raw_vkey, token, key, entry)
                return respond(request, entry, "coalesced")
            lock = None  # not ours: it timed out, or nothing was stored
        try:
            response = self.get_response(request)
            if not storable(request, response):
                return response
            entry = build_entry(response, version)
            timeout = settings.PAGE_CACHE_TTL + settings.PAGE_CACHE_GRACE
            self._safely(cache.set, key, entry, timeout)
            if epoch is not None:
                near.remember(epoch, raw_vkey, token, key, entry)
        finally:
            if lock:
                self._safely(cache.delete, lock)
        return respond(request, entry, "miss")

    @staticmethod
    def _wait(cache, key: str, lock: str, version: str) -> Entry | None:
        """The copy another request is rendering, once stored; None when it
        takes longer than PAGE_CACHE_FLIGHT_WAIT or stores nothing."""
        deadline = time.monotonic() + settings.PAGE_CACHE_FLIGHT_WAIT
        while time.monotonic() < deadline:
            time.sleep(FLIGHT_POLL)
            try:
                found = fetch_many(cache, [key, lock])
            except Exception as error:
                logger.warning("page cache unavailable: %s", error)
                return None
            entry = found.get(key)
            if entry is not None and entry.version == version:
                return entry
            if lock not in found:
                return None  # the render finished and stored nothing
        return None

    @staticmethod
    def _safely(method, *args):
        try:
            return method(*args)
        except Exception as error:
            logger.warning("page cache unavailable: %s", error)
            return None


class CacheUnavailable(Exception):
    """The cache did not answer: serve the page fresh."""
