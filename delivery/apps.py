from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    """What readers receive: the page cache, its invalidation, purges of
    Varnish and CDNs. It knows Wagtail's pages and nothing of campaigns."""

    name = "delivery"
    verbose_name = _("Delivery")

    def ready(self):
        from django.conf import settings
        from wagtail import hooks

        from delivery import frontends, invalidation, page_cache

        # A purge backend that cannot work stops every process at start.
        frontends.check(settings.WAGTAILFRONTENDCACHE)

        # Registered here rather than in wagtail_hooks.py: the page cache
        # must know which page Wagtail served (delivery/page_cache.py). Not
        # through get_hooks(): that would import every app's hooks before
        # the other apps are ready.
        if not getattr(page_cache.mark_served_page, "registered", False):
            hooks.register("on_serve_page", page_cache.mark_served_page)
            page_cache.mark_served_page.registered = True
        invalidation.connect()
