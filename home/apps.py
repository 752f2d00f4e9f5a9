from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail import hooks

        from home import invalidation, page_cache

        # Registered here rather than in wagtail_hooks.py: the page cache
        # must know which page Wagtail served (home/page_cache.py). Not
        # through get_hooks(): that would import every app's hooks before
        # the other apps are ready.
        if not getattr(page_cache.mark_served_page, "registered", False):
            hooks.register("on_serve_page", page_cache.mark_served_page)
            page_cache.mark_served_page.registered = True
        invalidation.connect()
