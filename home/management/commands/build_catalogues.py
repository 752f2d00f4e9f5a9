"""Compile the catalogues into .mo files without GNU gettext.

The public catalogue (``LOCALE_PATHS``) and the apps' admin catalogues
(``<app>/locale``, see ``update_catalogues``).

``compilemessages`` needs ``msgfmt``, which a fresh machine with only Python
lacks; polib (a dependency of wagtail-localize) writes the same .mo files.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from home.management.commands.update_catalogues import ADMIN_CATALOGUES


class Command(BaseCommand):
    help = "Compile the project's .po catalogues into .mo files (needs no gettext)."

    def handle(self, *args, **options):
        compiled = 0
        base = Path(settings.BASE_DIR)
        roots = [
            *settings.LOCALE_PATHS,
            *(base / app / "locale" for app in ADMIN_CATALOGUES),
        ]
        for root in roots:
            for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
