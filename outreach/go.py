"""Click-through links that identify nobody: ``/go/TOKEN``.

The token is signed (django.core.signing) and carries only the partner,
campaign, region, locale, wording and target URL, the same for everyone
who sees that wording there. A tampered token is refused and counts
nothing.
"""

from urllib.parse import urlsplit

from django.core import signing
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import counters

SALT = "outreach.go"


def token(partner: int, campaign: int, region: str, locale: str, variant: int,
          target: str) -> str:  # fmt: skip
    payload = [partner, campaign, region, locale, variant, target]
    return signing.dumps(payload, salt=SALT, compress=True)


def url(request, *args) -> str:
    return request.build_absolute_uri(reverse("outreach_go", args=[token(*args)]))


def read(value: str) -> tuple | None:
    try:
        payload = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(payload, list) and len(payload) == 6):
        return None
    partner, campaign, region, locale, variant, target = payload
    if not all(isinstance(item, int) for item in (partner, campaign, variant)):
        return None
    if urlsplit(str(target)).scheme not in ("http", "https"):
        return None
    return partner, campaign, str(region), str(locale), variant, str(target)


class Refused(HttpResponse):
    status_code = 400


@never_cache
@require_safe
def go(request, value: str):
    payload = read(value)
    if payload is None:
        return Refused(
            _("This link is damaged. Search for the campaign instead."),
            content_type="text/plain; charset=utf-8",
        )
    *fields, target = payload
    counters.add(counters.reach_field("c", *fields))
    response = HttpResponseRedirect(target)
    response["Referrer-Policy"] = "no-referrer"
    return response
