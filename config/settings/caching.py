"""Caches: Redis, the full-page cache, Varnish and CDN purges, documents."""

from config import env

from .core import *  # noqa: F403


# Cache: Redis (each environment module decides whether a fallback is allowed).
# Pages keep answering while Redis is away: reads miss, writes are dropped
# (config/cache.py).
def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "config.cache.TolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "cm",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }


# Wagtail looks image renditions up in the "renditions" cache when there is
# one, so a page with images costs no rendition query once warm.
CACHES = {"default": redis_cache(REDIS_URL), "renditions": redis_cache(REDIS_URL)}
CACHES["renditions"]["KEY_PREFIX"] = "cm-renditions"

# Full-page cache of anonymous public pages (delivery/page_cache.py), evicted
# exactly on commit (delivery/invalidation.py). "Open now" of the helplines is
# computed while rendering, so a copy is fresh for PAGE_CACHE_TTL seconds and
# served for PAGE_CACHE_GRACE more while one request renders it again.
PAGE_CACHE_ENABLED = env.boolean("PAGE_CACHE_ENABLED", True)
# What renders share (site, routes, switcher, helplines, identity), kept per
# web process under one generation in the default cache (delivery/fragments.py).
RENDER_FRAGMENTS = env.boolean("RENDER_FRAGMENTS", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_KEY_PREFIX = env.string("PAGE_CACHE_KEY_PREFIX", "pc")
PAGE_CACHE_TTL = env.integer("PAGE_CACHE_TTL", 60)
PAGE_CACHE_GRACE = env.integer("PAGE_CACHE_GRACE", 120)
#: Seconds a request waits for another's render of the same page before it
#: renders itself (single flight, delivery/page_cache.py).
PAGE_CACHE_FLIGHT_WAIT = float(env.string("PAGE_CACHE_FLIGHT_WAIT", "5"))
#: Entries each web process keeps, kept exact by Redis client tracking
#: (delivery/near.py); 0 asks Redis on every request.
PAGE_CACHE_NEAR_ENTRIES = env.integer("PAGE_CACHE_NEAR_ENTRIES", 256)
#: Browsers revalidate every time (a 304 when nothing changed); Varnish and
#: CDNs, which Django purges, keep a page for PAGE_CACHE_TTL.
PAGE_CACHE_CONTROL = env.string(
    "PAGE_CACHE_CONTROL", f"public, max-age=0, s-maxage={PAGE_CACHE_TTL}"
)
# CDN purge through Wagtail's frontend cache backends, off unless
# FRONTEND_CACHE_BACKEND is set (cloudflare, http or a dotted path; a backend
# that lacks a setting or a package stops the site at start,
# delivery/frontends.py). CloudFront is not offered: its backend needs boto3.
# Purges go in batches: every locale of a commit, and with Redis every commit
# of a few seconds, together. The URLs are exact per locale, so Wagtail
# must not multiply them by language.
WAGTAILFRONTENDCACHE = {}
WAGTAILFRONTENDCACHE_LANGUAGES = []
#: Seconds purges wait to be sent together (delivery/purge.py).
FRONTEND_CACHE_PURGE_DELAY = float(env.string("FRONTEND_CACHE_PURGE_DELAY", "2"))
_frontend_cache = env.string("FRONTEND_CACHE_BACKEND", "")
if _frontend_cache:
    _backends = "wagtail.contrib.frontend_cache.backends."
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": {
            "cloudflare": _backends + "CloudflareBackend",
            "http": _backends + "HTTPBackend",
        }.get(_frontend_cache, _frontend_cache),
        "HOSTNAMES": env.strings("FRONTEND_CACHE_HOSTNAMES", ["*"]),
    }
    for _name, _variable in [
        ("LOCATION", "FRONTEND_CACHE_LOCATION"),
        ("BEARER_TOKEN", "CLOUDFLARE_BEARER_TOKEN"),
        ("ZONEID", "CLOUDFLARE_ZONE_ID"),
    ]:
        if env.is_set(_variable):
            WAGTAILFRONTENDCACHE["default"][_name] = env.string(_variable)

# Varnish in front of gunicorn (deploy/varnish/default.vcl), purged through
# Wagtail's HTTP backend at once after every commit (delivery/purge.py).
# Unset (make run), nothing stands in front of Django but the Redis page cache.
VARNISH_URL = env.string("VARNISH_URL", "")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "delivery.purge.VarnishBackend",
        "LOCATION": VARNISH_URL,
    }

# Documents (videos, captions): Wagtail checks the reader may see one, then
# with nginx in front (deploy/nginx.conf) answers with X-Accel-Redirect and
# nginx sends the bytes, with ranges; without it (make run) Wagtail streams
# them. Videos and captions play in the page, not as downloads.
if env.boolean("DOCUMENTS_SENT_BY_NGINX", False):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = "/media"
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "text/vtt",
    "video/mp4",
    "video/webm",
]
