from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Who is told what: e-mails and the dashboard's "For you" panel."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from notifications import handlers

        handlers.connect()
