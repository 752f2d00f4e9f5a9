"""The partner API: ``GET /api/warnings/v1/?region=BE&lang=nl-BE``.

Authorised by ``Authorization: Bearer KEY``; readable from a browser only on
the partner's allowed origins (CORS); never sets a cookie; every error is
JSON with a message a developer can act on. Answered from the process's
snapshot in one Redis round trip, no query once warm (outreach/snapshot.py),
ahead of the middleware pages need (outreach/middleware.py).
"""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from . import snapshot
from .schema import schema

CORS_MAX_AGE = "600"


def error(status: int, code: str, message: str, **headers) -> JsonResponse:
    response = JsonResponse({"error": code, "message": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    # Browsers may read the answer from the allowed origins (CORS decides).
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Vary"] = "Origin, Authorization"
    return response


def _cors(response: HttpResponse, origin: str | None, allowed: bool):
    if origin and allowed:
        response["Access-Control-Allow-Origin"] = origin
    return response


def _key(header: str) -> str | JsonResponse:
    scheme, _sep, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return error(
            401,
            "missing_key",
            "Send your API key as “Authorization: Bearer KEY”.",
            WWW_Authenticate='Bearer realm="warnings"',
        )
    return key.strip()


def _lookup(key: str, origin: str | None, region: str | None):
    """The partner a request serves, or the refusal (snapshot.Lookup)."""

    def lookup(found: snapshot.Snapshot):
        partner = found.by_key(key)
        if partner is None:
            return error(
                401,
                "unknown_key",
                "This API key is not known. Ask the campaign team for a new one.",
                WWW_Authenticate='Bearer realm="warnings", error="invalid_token"',
            )
        if not partner.active:
            return error(403, "inactive_partner", "This partner is not active.")
        if not region:
            response = error(400, "missing_region", "Give ?region=, e.g. BE.")
            return _cors(response, origin, partner.allows(origin))
        return partner

    return lookup


def _preflight(origin: str | None) -> HttpResponse:
    if not (origin and snapshot.current_snapshot().origin_allowed(origin)):
        return _no_store(error(403, "origin_not_allowed", "Origin not allowed."))
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = origin
    response["Access-Control-Allow-Methods"] = "GET"
    response["Access-Control-Allow-Headers"] = "Authorization"
    response["Access-Control-Max-Age"] = CORS_MAX_AGE
    return _no_store(response)


@csrf_exempt
def warnings(request):
    # From META: request.headers builds a mapping of every header first.
    meta = request.META
    origin = meta.get("HTTP_ORIGIN")
    if request.method == "OPTIONS":
        return _preflight(origin)
    if request.method != "GET":
        return _no_store(
            error(405, "method_not_allowed", "Use GET.", Allow="GET, OPTIONS")
        )
    key = _key(meta.get("HTTP_AUTHORIZATION", ""))
    if not isinstance(key, str):
        return _no_store(key)
    region = request.GET.get("region")
    result = snapshot.serve(
        request, _lookup(key, origin, region), region, request.GET.get("lang")
    )
    if result.refusal is not None:
        return _no_store(result.refusal)
    partner = result.caller
    allowed = partner.allows(origin)
    if result.retry_after:
        response = error(
            429,
            "rate_limited",
            f"More than {partner.rate_limit} requests this minute.",
            Retry_After=str(result.retry_after),
        )
        return _no_store(_cors(response, origin, allowed))
    if result.missing is not None:
        response = error(404, result.missing.code, str(result.missing))
        return _no_store(_cors(response, origin, allowed))
    response = HttpResponse(result.answer.json, content_type="application/json")
    response["Content-Language"] = result.prepared.locale
    return _no_store(_cors(response, origin, allowed))


def schema_view(request):
    response = JsonResponse(schema(request))
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
