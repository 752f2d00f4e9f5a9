from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Translators and reviewers: per-locale groups, drafts, review, status."""

    name = "translations"
    verbose_name = _("Translation")

    def ready(self):
        from translations import text_limits  # noqa: F401 - connects its signal
