"""The embeddable card and the paste-in snippet.

``/embed/warning/?partner=SLUG&region=BE&lang=nl`` is a small page with no
script, framable only by the partner's allowed origins: the site's
Content-Security-Policy with ``frame-ancestors`` set to those origins (and
no X-Frame-Options, which cannot name them). ``/embed/warning/snippet``
answers the same card as an HTML fragment with no frame, for partners who
fetch it on their server and paste it into their page.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from . import snapshot


def frame_policy(origins: list[str]) -> str:
    directives = dict(settings.CONTENT_SECURITY_POLICY)
    directives["frame-ancestors"] = " ".join(origins) or "'none'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def _plain(status: int, message: str, **headers) -> HttpResponse:
    response = HttpResponse(
        message, status=status, content_type="text/plain; charset=utf-8"
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _headers(response: HttpResponse, partner: snapshot.Caller | None) -> HttpResponse:
    response["Content-Security-Policy"] = frame_policy(
        partner.origins if partner else []
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    # A frame on another origin loads it: the default same-origin policy of
    # home/security.py would block it where COEP applies.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _lookup(slug: str):
    def lookup(found: snapshot.Snapshot):
        partner = found.by_slug(slug) if slug else None
        if partner is None or not partner.active:
            return _headers(_plain(404, _("Unknown partner.")), None)
        return partner

    return lookup


def _card_context(request):
    """(context, None) or (None, error response)."""
    result = snapshot.serve(
        request,
        _lookup(request.GET.get("partner", "")),
        request.GET.get("region"),
        request.GET.get("lang"),
    )
    if result.refusal is not None:
        return None, result.refusal
    partner = result.caller
    if result.retry_after:
        return None, _headers(
            _plain(429, _("Too many requests."), Retry_After=str(result.retry_after)),
            partner,
        )
    if result.missing is not None:
        return None, _headers(
            _plain(404, _("No campaign warning is live here.")), partner
        )
    context = {"warning": result.body, "partner": partner,
               "locale": result.prepared.locale}  # fmt: skip
    return context, None


@xframe_options_exempt
@require_safe
def card(request):
    context, refused = _card_context(request)
    if refused:
        return refused
    with translation.override(context["locale"]):
        response = render(request, "outreach/card.html", context)
    response["Content-Language"] = context["locale"]
    return _headers(response, context["partner"])


@require_safe
def snippet(request):
    context, refused = _card_context(request)
    if refused:
        return refused
    with translation.override(context["locale"]):
        html = render_to_string("outreach/snippet.html", context, request=request)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return _headers(response, context["partner"])
