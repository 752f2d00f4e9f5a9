"""Security headers that Django's SecurityMiddleware does not set itself."""

from django.conf import settings


def content_security_policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)


class SecurityHeadersMiddleware:
    """Add Content-Security-Policy and Permissions-Policy to every response.

    The admin runs under the same policy: Wagtail's one inline script (the
    date pickers) is replaced by static/js/admin-date-choosers.js. A view may
    set a stricter policy of its own; this middleware never overrides it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
