"""Static snapshots of public pages, for nginx to serve at a launch peak.

Layout: ``<SNAPSHOT_ROOT>/<host>/<path>/index.html`` with ``index.html.gz``
(and ``index.html.br`` when Brotli is installed) beside it; deploy/nginx.conf
serves ``index.html`` when it exists and falls back to gunicorn otherwise.
The host is the Wagtail site's host name, as nginx's ``$host`` reads it.

A snapshot is what an anonymous reader gets: the page is rendered through
Django's whole middleware stack by an in-process client with no cookie, and
written only if it is a 200 a shared cache may keep (no Set-Cookie). nginx
adds the security headers of home/security.py itself.

Every file is written to a temporary file in the same folder and renamed
over the old one; compressed forms first, ``index.html`` last; removal takes
``index.html`` first. A commit that affects a page removes its snapshot at
once (``delivery.invalidation``), and the worker writes it again
(``sync``). Each write is checked against the page-cache version of its path
read before rendering: a snapshot rendered while another change committed is
removed rather than left stale. Every minute ``refresh`` renders again the
pages whose content depends on the time (helplines' "open now") and removes
whatever is not a live public page.
"""

import gzip
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from delivery import page_cache
from delivery import versions as cache_versions
from delivery.paths import page_urls, url_path

try:
    import brotli
except ImportError:
    brotli = None

logger = logging.getLogger(__name__)

INDEX = "index.html"
VARIANTS = (".br", ".gz")
TEMP_PREFIX = ".tmp-"
#: A temporary file older than this was left by a crash: prune removes it.
TEMP_MAX_AGE = 600
HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?")


def root() -> Path:
    return Path(settings.SNAPSHOT_ROOT)


def root_exists() -> bool:
    return root().is_dir()


@dataclass(frozen=True)
class Target:
    """Where the snapshot of one public URL lives, and how to request it."""

    url: str
    host: str
    netloc: str
    secure: bool
    #: As Django reverses it (percent-encoded), and as nginx's $uri decodes it.
    quoted_path: str
    path: str

    @property
    def folder(self) -> Path:
        return root() / self.host / self.path.strip("/")

    @property
    def file(self) -> Path:
        return self.folder / INDEX

    @property
    def done_key(self) -> str:
        name = cache_versions.digest(f"{self.host}|{self.path}")
        return f"{settings.PAGE_CACHE_KEY_PREFIX}:s:{name}"


def target(url: str) -> Target | None:
    """The snapshot target of a page URL; None for anything unsafe or odd."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = url_path(url)
    if not HOST.fullmatch(host) or ".." in host:
        return None
    if not path.startswith("/") or not path.endswith("/") or "\x00" in path:
        return None
    segments = path.strip("/").split("/") if path != "/" else []
    if any(not segment or segment.startswith(".") for segment in segments):
        return None
    return Target(
        url=url,
        host=host,
        netloc=parts.netloc,
        secure=parts.scheme == "https",
        quoted_path=parts.path,
        path=path,
    )


def targets(urls) -> list[Target]:
    found = {target(url) for url in urls}
    return sorted((item for item in found if item), key=lambda item: item.url)


# Files ---------------------------------------------------------------------------


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file, then a rename."""
    for _attempt in range(3):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=TEMP_PREFIX, suffix=".part"
            )
        except FileNotFoundError:  # a prune removed the empty folder meanwhile
            continue
        break
    else:
        raise FileNotFoundError(path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)  # nginx's workers run as another user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def compressed(body: bytes) -> dict[str, bytes | None]:
    gz = gzip.compress(body, compresslevel=9, mtime=0)
    br = brotli.compress(body, quality=11) if brotli else None
    return {
        ".gz": gz if len(gz) < len(body) else None,
        ".br": br if br is not None and len(br) < len(body) else None,
    }


def write(item: Target, body: bytes) -> None:
    for suffix, data in compressed(body).items():
        variant = item.folder / (INDEX + suffix)
        if data is None:
            variant.unlink(missing_ok=True)
        else:
            _replace(variant, data)
    _replace(item.file, body)


def _remove(item: Target) -> bool:
    existed = item.file.exists()
    item.file.unlink(missing_ok=True)
    for suffix in VARIANTS:
        (item.folder / (INDEX + suffix)).unlink(missing_ok=True)
    return existed


def remove(urls) -> int:
    """Remove the snapshots of ``urls`` now; nginx then asks Django."""
    if not root_exists():
        return 0
    removed = 0
    for item in targets(urls):
        try:
            removed += _remove(item)
        except OSError:
            logger.exception("could not remove the snapshot of %s", item.url)
    return removed


# Rendering --------------------------------------------------------------------------


def _client():
    from django.test import Client

    return Client(raise_request_exception=False)


def render(client, item: Target) -> bytes | None:
    """The page as an anonymous reader gets it, or None if it must not be kept."""
    response = client.get(
        item.quoted_path,
        # Behind a TLS terminator a site with SECURE_SSL_REDIRECT answers
        # plain HTTP with a redirect; its readers come over HTTPS.
        secure=item.secure or settings.SECURE_SSL_REDIRECT,
        HTTP_HOST=item.netloc,
        **{page_cache.RENDER_ONLY: True},
    )
    if not page_cache.storable(response.wsgi_request, response):
        return None
    return response.content


def sync(urls, force: bool = False) -> dict[str, int]:
    """Write or remove the snapshot of each URL, as the site now answers it.

    Without ``force``, a URL whose snapshot was made at its current version
    is skipped: a wave of releases queues many syncs of the same home and
    index pages, and only the first after each change renders them.
    """
    counts = {"written": 0, "removed": 0, "skipped": 0, "raced": 0}
    items = targets(urls)
    if not items:
        return counts
    cache = cache_versions.backend()
    versions = cache_versions.current_versions({item.path for item in items})
    done = cache.get_many([item.done_key for item in items])
    client = _client()
    for item in items:
        before = versions[item.path]
        if not force and done.get(item.done_key) == f"{before}:{item.file.exists():d}":
            counts["skipped"] += 1
            continue
        body = render(client, item)
        if body is None:
            _remove(item)
        else:
            write(item, body)
        if cache_versions.current_versions([item.path])[item.path] != before:
            # It changed while rendering: the sync that change queued writes
            # the new one; until then nginx asks Django.
            _remove(item)
            counts["raced"] += 1
            continue
        cache.set(
            item.done_key, f"{before}:{body is not None:d}", cache_versions.VERSION_TTL
        )
        counts["written" if body is not None else "removed"] += 1
    return counts


def queue_sync(urls: list[str]) -> None:
    """Have the worker write these snapshots again, a moment from now."""
    # Imported here: the task module imports this one.
    from delivery.tasks import sync_snapshots

    try:
        sync_snapshots.apply_async((urls,), countdown=settings.SNAPSHOT_SYNC_DELAY)
    except Exception:  # the beat's refresh writes them within a minute
        logger.exception("could not queue the rewrite of %s snapshot(s)", len(urls))


# The whole folder ------------------------------------------------------------------


def live_pages() -> dict[Target, bool]:
    """Every live public page's target, and whether its content follows the
    clock (it is then rendered again on every refresh)."""
    timed = {
        ContentType.objects.get_for_model(apps.get_model(label)).pk
        for label in settings.SNAPSHOT_REFRESH_MODELS
    }
    found = {}
    pages = Page.objects.live().public().filter(depth__gt=1)
    for page, url in page_urls(pages.only("url_path", "content_type")):
        item = target(url)
        if item is not None:
            found[item] = page.content_type_id in timed
    return found


def refresh(force_all: bool = False) -> dict[str, int]:
    """Render again what follows the clock, fill gaps, remove what is not live."""
    if not settings.SNAPSHOT_ENABLED:
        return {"pruned": prune(set())}
    live = live_pages()
    counts = sync([item.url for item, timed in live.items() if timed], force=True)
    others = [item.url for item, timed in live.items() if not timed]
    for name, value in sync(others, force=force_all).items():
        counts[name] += value
    counts["pruned"] = prune({(item.host, item.path) for item in live})
    return counts


def prune(keep: set[tuple[str, str]]) -> int:
    """Remove every snapshot whose (host, path) is not in ``keep``."""
    base = root()
    if not base.is_dir():
        return 0
    removed, now = 0, time.time()
    for folder, _dirs, files in os.walk(base, topdown=False):
        here = Path(folder)
        relative = here.relative_to(base).parts
        if relative:
            host, segments = relative[0], relative[1:]
            path = "/" + "".join(f"{segment}/" for segment in segments)
            live = (host, path) in keep and INDEX in files
        else:
            live = False
        for name in files:
            file = here / name
            stale_temp = name.startswith(TEMP_PREFIX) and (
                now - _mtime(file) > TEMP_MAX_AGE
            )
            snapshot = name == INDEX or name in {INDEX + s for s in VARIANTS}
            if stale_temp or (snapshot and not live):
                file.unlink(missing_ok=True)
                removed += name == INDEX
        if relative:
            try:
                here.rmdir()  # only when empty
            except OSError:
                pass
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return time.time()
