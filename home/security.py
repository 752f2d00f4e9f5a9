"""Security headers that Django's SecurityMiddleware does not set itself."""

from django.conf import settings

from home.identity import STYLE_HASHES


def content_security_policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)


#: Admin previews, which the admin shows in its own preview pane (an iframe
#: of the same origin): only these may be framed, and only by the site
#: itself. Public pages keep frame-ancestors 'none'.
FRAMED_BY_ADMIN = {
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:preview_on_add",
}


def framed_by_admin(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in FRAMED_BY_ADMIN


class SecurityHeadersMiddleware:
    """Add Content-Security-Policy and Permissions-Policy to every response.

    The admin runs under the same policy: Wagtail's one inline script (the
    date pickers) is replaced by static/js/admin-date-choosers.js. A view may
    set a stricter policy of its own; this middleware never overrides it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy(settings.CONTENT_SECURITY_POLICY)
        self.preview_policy = content_security_policy(
            {**settings.CONTENT_SECURITY_POLICY, "frame-ancestors": "'self'"}
        )

    def __call__(self, request):
        response = self.get_response(request)
        if framed_by_admin(request):
            # Wagtail renders a preview through the middleware again, with a
            # dummy request: the page's own policy is already on it.
            current = response.get("Content-Security-Policy", self.policy)
            response["Content-Security-Policy"] = current.replace(
                "frame-ancestors 'none'", "frame-ancestors 'self'"
            )
            response["X-Frame-Options"] = "SAMEORIGIN"
        response.setdefault("Content-Security-Policy", self.policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class InlineStyleHashMiddleware:
    """Allow, by hash, the inline styles this response's template declared.

    The brand colours are one ``<style>`` element (home/branding.py); its hash
    joins ``style-src`` here, inside the page cache, so a cached copy keeps
    the header that matches its body. Nothing else inline is allowed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        hashes = getattr(request, STYLE_HASHES, None)
        if hashes and "Content-Security-Policy" not in response:
            directives = dict(settings.CONTENT_SECURITY_POLICY)
            style = directives.get("style-src", "'self'")
            directives["style-src"] = " ".join([style, *sorted(hashes)])
            response["Content-Security-Policy"] = content_security_policy(directives)
        return response
