"""/healthz for probes and people, /metrics for Prometheus.

Neither looks at who asks beyond the access check of /metrics, and neither
logs or stores anything of the request.
"""

import hmac
import ipaddress
import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from monitoring import health, metrics

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """200 when every check is "ok", else 503 naming what fails or is stale.

    The body names each check (database, cache, broker, sweep, workers) and
    the ages behind the last two, so an operator sees which one it is.
    """
    found = health.report()
    failing = [name for name, value in found["checks"].items() if value != "ok"]
    if failing:
        logger.warning("healthz: %s", "; ".join(
            f"{name} {found['checks'][name]}" for name in failing
        ))  # fmt: skip
    body = {"status": "unavailable" if failing else "ok", **found}
    if failing:
        body["failing"] = failing
    body["broker_transport"] = settings.CELERY_BROKER_URL.split("://", 1)[0]
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
@require_GET
def live(request):
    """200 while this web process answers and reaches the database.

    For load balancers: a stale beat or a dead worker is no reason to take
    web processes out of rotation (/healthz says those).
    """
    try:
        health.database()
    except Exception as error:
        return JsonResponse({"status": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok"})


def _allowed(request) -> bool | None:
    """True/False for a configured access rule, None when metrics are off."""
    token = settings.METRICS_BEARER_TOKEN
    networks = settings.METRICS_ALLOWED_NETWORKS
    if not token and not networks:
        return None
    header = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(header.encode(), f"Bearer {token}".encode()):
        return True
    if networks:
        try:
            address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        return any(address in ipaddress.ip_network(net) for net in networks)
    return False


@never_cache
@require_GET
def metrics_view(request):
    allowed = _allowed(request)
    if allowed is None:
        raise Http404("metrics are off")
    if not allowed:
        return HttpResponseForbidden("metrics: not allowed\n")
    return HttpResponse(
        generate_latest(metrics.registry()), content_type=CONTENT_TYPE_LATEST
    )
