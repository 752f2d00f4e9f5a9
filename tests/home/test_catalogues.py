"""The UI catalogues: current, and complete for everything the public reads.

``make test`` runs this file first (``make catalogues``). Two checks:

- **Current.** The source tree (``.py``, ``.html``, ``.txt`` files and the
  catalogues, without git-ignored folders) is copied to a temporary folder,
  where ``manage.py makemessages --all --no-location`` runs; every catalogue
  must come out as it went in (the ``POT-Creation-Date`` line aside). A
  string added, changed or removed without running makemessages fails here.
- **Public strings translated.** The public msgids are read by parsing the
  public templates with Django's own template engine and collecting every
  ``{% translate %}`` and ``{% blocktranslate %}`` (the same msgid
  makemessages extracts), plus the few Python strings the public sees
  (weekday names, language names). Public templates are those under
  ``home/templates`` and ``campaign/templates/campaign``, except the admin's
  (``wagtailadmin/``, ``admin/``, ``translations/``). Each must be in every
  catalogue, translated (every plural form), not fuzzy, with the same
  placeholders. Admin-only strings may stay untranslated.

Each catalogue also passes ``msgfmt --check``. The checks that need GNU
gettext skip without it, except under ``CI=true`` (.ci/run installs it),
where they fail.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import engines
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils import translation

from campaign.models.helplines import WEEKDAYS

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
#: One catalogue per language; Django falls back from fr-be to fr.
LANGUAGES = ("ar", "da", "de", "es", "fr", "nl", "pl")
PUBLIC_TEMPLATE_DIRS = {
    BASE_DIR / "home" / "templates": ("wagtailadmin",),
    BASE_DIR / "campaign" / "templates" / "campaign": ("admin", "translations"),
}
#: Not sources: what running the site, the tests and npm leave behind.
NOT_SOURCES = {"var", "node_modules", "test-artifacts", "__pycache__"}
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".po"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def public_templates() -> list[Path]:
    found = []
    for root, excluded in PUBLIC_TEMPLATE_DIRS.items():
        for path in sorted(root.rglob("*.html")):
            if path.relative_to(root).parts[0] not in excluded:
                found.append(path)
    return found


def template_msgids(path: Path) -> set[tuple[str | None, str, str | None]]:
    """(context, msgid, plural) of every translated string in one template."""
    nodelist = engines["django"].from_string(path.read_text()).template.nodelist
    found = set()
    for node in nodelist.get_nodes_by_type(TranslateNode):
        # A literal: {% translate "Text" %}; {% translate variable %} has none.
        literal = getattr(node.filter_expression.var, "literal", None)
        if isinstance(literal, str):
            found.add((_context(node), literal, None))
    for node in nodelist.get_nodes_by_type(BlockTranslateNode):
        singular, _vars = node.render_token_list(node.singular)
        plural = node.render_token_list(node.plural)[0] if node.plural else None
        found.add((_context(node), singular, plural))
    return found


def _context(node) -> str | None:
    context = node.message_context
    return context.var if context is not None else None


def python_msgids() -> set[tuple[None, str, None]]:
    """Python strings shown on public pages: weekday names in the opening
    hours, language names in the language switcher."""
    labels = [label for _day, label in WEEKDAYS]
    labels += [name for _code, name in settings.LANGUAGES]
    with translation.override(None):
        return {(None, str(label), None) for label in labels}


def public_msgids() -> set[tuple[str | None, str, str | None]]:
    found = python_msgids()
    for path in public_templates():
        found |= template_msgids(path)
    return found


def test_there_is_one_catalogue_per_supported_language_and_no_other():
    present = {path.parent.parent.name for path in LOCALE_DIR.glob("*/*/django.po")}
    assert present == set(LANGUAGES)


def test_the_public_strings_are_found():
    msgids = {msgid for _context, msgid, _plural in public_msgids()}
    # Chrome from each public place: skip link, switcher, helpline, footer,
    # 404, 500, a weekday and a language name.
    for expected in (
        "Skip to main content",
        "This page in other languages",
        "Open now",
        "(at %(time)s local time)",
        "This site sets no cookies and does not track you.",
        "Page not found",
        "Something went wrong",
        "Monday",
        "French (Belgium)",
    ):
        assert expected in msgids
    assert "Plan a rollout" not in msgids  # admin only


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_string_is_translated_and_not_fuzzy(language):
    po = catalogue(language)
    entries = {
        (entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete
    }
    problems = []
    for context, msgid, plural in sorted(public_msgids(), key=str):
        entry = entries.get((context, msgid))
        if entry is None:
            problems.append(f"missing (run makemessages): {msgid!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif plural is not None and not all(entry.msgstr_plural.values()):
            problems.append(f"a plural form is untranslated: {msgid!r}")
        elif plural is None and not entry.msgstr:
            problems.append(f"untranslated: {msgid!r}")
        else:
            translated = entry.msgstr_plural.values() if plural else [entry.msgstr]
            wanted = set(PLACEHOLDER.findall(msgid))
            for text in translated:
                if set(PLACEHOLDER.findall(text)) != wanted:
                    problems.append(f"placeholders differ: {msgid!r} → {text!r}")
    assert problems == [], f"locale/{language}: " + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_names_its_language(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert "Plural-Forms" in po.metadata


def _copy_sources(destination: Path) -> None:
    for directory, dirnames, filenames in os.walk(BASE_DIR):
        dirnames[:] = [
            name
            for name in dirnames
            if not name.startswith(".") and name not in NOT_SOURCES
        ]
        for filename in filenames:
            source = Path(directory) / filename
            if source.suffix in SOURCE_SUFFIXES:
                target = destination / source.relative_to(BASE_DIR)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)


def _without_creation_date(text: str) -> str:
    return re.sub(r'^"POT-Creation-Date: .*\n', "", text, flags=re.MULTILINE)


@pytest.mark.gettext
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_passes_msgfmt_check(language):
    po = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(po)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.gettext
def test_makemessages_would_change_no_catalogue(tmp_path):
    tree = tmp_path / "tree"
    _copy_sources(tree)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--all", "--no-location"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    stale = []
    for language in LANGUAGES:
        relative = Path(language, "LC_MESSAGES", "django.po")
        before = (LOCALE_DIR / relative).read_text()
        after = (tree / "locale" / relative).read_text()
        if _without_creation_date(before) != _without_creation_date(after):
            stale.append(str(relative))
    assert stale == [], (
        "Run `python manage.py makemessages --all --no-location` and translate "
        f"the new strings: {stale}"
    )
