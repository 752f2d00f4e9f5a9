from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    """Warnings for partner platforms, their variants, and reach counted
    without tracking anyone (docs/privacy.md)."""

    name = "outreach"
    verbose_name = _("Outreach")

    def ready(self):
        from outreach import changes

        # Every change that can alter a partner's answer gives the answers a
        # new version (outreach/changes.py, outreach/snapshot.py).
        changes.connect()
