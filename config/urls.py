from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import sitemap
from home.views import robots_txt
from monitoring.views import healthz, live, metrics_view
from translations import text_limits

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/live", live, name="healthz_live"),
    path("metrics", metrics_view, name="metrics"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # wagtail-localize's string endpoint, checking a text's length first
    # (translations/text_limits.py), behind the admin's sign-in as Wagtail
    # puts it; the same view answers everything else.
    path(
        "admin/localize/translate/<int:translation_id>/strings/"
        "<int:string_segment_id>/edit/",
        require_admin_access(text_limits.edit_string_translation),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Never reached (the admin's own sign-in above answers first): Wagtail
    # reverses "wagtailcore_login" for login-restricted pages even when
    # WAGTAIL_FRONTEND_LOGIN_URL is set (wagtail/wagtail_hooks.py), so the
    # name must exist, and it names the one sign-in staff have.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="wagtailadmin_login"),
        name="wagtailcore_login",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("outreach.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every public page under its locale prefix (/da-dk/, /fr-be/…).
# home.locale_middleware.LocaleMiddleware activates the prefix's language and
# redirects / and bare prefixes (/fr/) to a locale; other paths stay as they are.
# These are wagtail.urls without its front-end sign-in (_util/login/): a
# second login form under every locale, setting a CSRF cookie for anonymous
# readers. Staff sign in at /admin/ (WAGTAIL_FRONTEND_LOGIN_URL); the form of
# a password-protected page stays.
urlpatterns += i18n_patterns(
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/"
        "<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # wagtail.urls' serve pattern with WAGTAIL_APPEND_SLASH (the default).
    re_path(r"^((?:[\w\-]+/)*)$", wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
