"""Count views of public pages, full-page cache hits included.

Placed before delivery's PageCacheMiddleware, so it sees the answers the
cache gives without rendering. It keeps the path (no query string) and the
day, nothing about the reader; the fold keeps campaign pages only
(outreach/counters.py). Editors (who carry a session cookie) are not
counted.
"""

from django.conf import settings

from . import counters

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
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and is_public_page_path(request.path)
        ):
            counters.add(counters.view_field(request.path))
        return response
