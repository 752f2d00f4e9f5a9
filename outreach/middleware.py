"""Count views of public pages, full-page cache hits included; answer the
partner API before the middleware that only pages need.

Placed before delivery's PageCacheMiddleware, so it sees the answers the
cache gives without rendering. It keeps the path (no query string) and the
day, nothing about the reader; the fold keeps campaign pages only
(outreach/counters.py). Editors (who carry a session cookie) are not
counted.
"""

from django.conf import settings

from . import api, counters
from .urls import API_PATH

_PREFIXES = {code.lower() for code, _name in settings.LANGUAGES}


def is_public_page_path(path: str) -> bool:
    first = path.lstrip("/").split("/", 1)[0].lower()
    return first in _PREFIXES and path.endswith("/")


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code in (200, 304)
            and is_public_page_path(request.path)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            counters.add(counters.view_field(request.path))
        return response


class PartnerApiMiddleware:
    """The partner API, answered before sessions, locale, CSRF, users,
    messages, redirects and page routing.

    The API needs none of them: it reads no cookie, session or user, is
    CSRF-exempt, chooses its language from ``lang`` and answers errors as
    JSON. Placed like the page cache (after the security headers and the
    page-view counter), its answers skip that stack as a cache hit does; on
    two cores the stack cost as much as the answer itself. It keeps what the
    stack gave the API: the host check, X-Frame-Options and Content-Length.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = "/" + API_PATH

    def __call__(self, request):
        if request.path_info != self.path:
            return self.get_response(request)
        request.get_host()  # a Host not allowed: 400, as CommonMiddleware does
        response = api.warnings(request)
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if not response.streaming:
            response.headers.setdefault("Content-Length", str(len(response.content)))
        return response
