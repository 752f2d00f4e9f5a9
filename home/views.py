"""Site-wide views that are not Wagtail pages."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not return what was just stored")


def _broker() -> None:
    from config.celery_app import app

    # Read the URL from settings on each call, not from the app's cached
    # configuration, so the check reports what the settings say now.
    with app.connection_for_write(
        settings.CELERY_BROKER_URL,
        transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        connect_timeout=2,
    ) as conn:
        conn.ensure_connection(max_retries=0)


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}


@never_cache
@require_GET
def healthz(request):
    """Answer 200 when the database, cache and broker all answer, else 503.

    The body names every check, so an operator sees which one failed.
    """
    status = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # a health check reports, it does not raise
            logger.warning("healthz: %s is down: %s", name, error)
            status[name] = f"error: {type(error).__name__}"
        else:
            status[name] = "ok"
    healthy = all(value == "ok" for value in status.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": status}
    if not healthy:
        body["failing"] = [name for name, value in status.items() if value != "ok"]
    body["broker_transport"] = settings.CELERY_BROKER_URL.split("://", 1)[0]
    return JsonResponse(body, status=200 if healthy else 503)


@require_GET
def robots_txt(request):
    """Crawlers may read the public pages, not the admin, and find the sitemap.

    The sitemap's address is absolute (the robots.txt format asks for it),
    built from the host this request came to, which ALLOWED_HOSTS vouches for.
    """
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
