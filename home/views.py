"""Site-wide views that are not Wagtail pages (health: monitoring/views.py)."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


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
