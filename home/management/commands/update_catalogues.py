"""Extract the project's strings into its catalogues, public and admin.

Two kinds of catalogue, so that the public one and the admin ones change
independently (docs/design.md, "Interface languages"):

- ``locale/<lang>/LC_MESSAGES/django.po``: every string of the project, as
  ``makemessages --all --no-location`` run at the top level writes it when it
  does not see the apps' own ``locale/`` folders. The public strings in it are
  translated; admin-only ones may stay empty there.
- ``<app>/locale/<lang>/LC_MESSAGES/django.po`` for the apps with admin
  screens (``ADMIN_CATALOGUES``): the strings of that app's Python code and
  admin templates, all translated. Django merges app catalogues under
  ``LOCALE_PATHS`` (``locale/`` wins where it has a translation), so the
  admin speaks the language a user picked in their Wagtail profile.

``tests/home/test_catalogues.py`` runs this command on a copy of the tree and
fails when it would change a catalogue, or when an admin catalogue has an
entry untranslated or fuzzy.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

#: App -> what its catalogue leaves out: its public templates, which the
#: top-level catalogue translates.
ADMIN_CATALOGUES = {
    "campaign": (
        "templates/campaign/blocks",
        "templates/campaign/includes",
        "templates/campaign/campaign_page.html",
        "templates/campaign/campaign_index_page.html",
    ),
    "notifications": (),
    "translations": (),
    "accounts": (),
    "outreach": ("templates/outreach/card.html", "templates/outreach/snippet.html"),
    "home": (
        "templates/home",
        "templates/base.html",
        "templates/404.html",
        "templates/500.html",
    ),
}


class Command(BaseCommand):
    help = (
        "Run makemessages for the public catalogue (locale/) and for each "
        "app's admin catalogue (<app>/locale/)."
    )

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        here = Path.cwd()
        try:
            os.chdir(base)
            # The top-level run must not see the apps' folders, or it would
            # move their strings out of locale/.
            app_folders = [f"{app}/locale" for app in ADMIN_CATALOGUES]
            self._makemessages(app_folders)
            for app, public in ADMIN_CATALOGUES.items():
                (base / app / "locale").mkdir(exist_ok=True)
                os.chdir(base / app)
                self._makemessages(public)
                os.chdir(base)
        finally:
            os.chdir(here)

    def _makemessages(self, ignore):
        call_command(
            "makemessages",
            all=True,
            no_location=True,
            ignore_patterns=list(ignore),
            verbosity=0,
        )
