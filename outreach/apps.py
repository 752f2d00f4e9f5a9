from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    """Warnings for partner platforms, their variants, and reach counted
    without tracking anyone (docs/privacy.md)."""

    name = "outreach"
    verbose_name = _("Outreach")
