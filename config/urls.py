from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import sitemap
from home.views import healthz, robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("outreach.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every public page under its locale prefix (/da-dk/, /fr-be/…).
# home.locale_middleware.LocaleMiddleware activates the prefix's language and
# redirects / and bare prefixes (/fr/) to a locale; other paths stay as they are.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=True
)
