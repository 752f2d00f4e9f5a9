from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The invented demo campaign a newcomer, the tests and the benchmarks
    share (``seed_demo``). Nothing imports it."""

    name = "demo"
    verbose_name = _("Demo")
