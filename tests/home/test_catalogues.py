"""The UI catalogues: current, and complete for the public and the admin.

``make test`` runs this file first (``make catalogues``). Three checks:

- **Current.** The source tree (``.py``, ``.html``, ``.txt`` files and the
  catalogues, without git-ignored folders) is copied to a temporary folder,
  where ``manage.py update_catalogues`` (makemessages for ``locale/`` and for
  each app's admin catalogue) runs; every catalogue must come out as it went
  in (the ``POT-Creation-Date`` line aside). A string added, changed or
  removed without running ``update_catalogues`` fails here.
- **Public strings translated.** The public msgids are read by parsing the
  public templates with Django's own template engine and collecting every
  ``{% translate %}`` and ``{% blocktranslate %}`` (the same msgid
  makemessages extracts), plus the few Python strings the public sees
  (weekday names, language names). Public templates are those under
  ``home/templates``, ``campaign/templates/campaign`` and
  ``outreach/templates/outreach`` (the partner card), except the admin's
  (``wagtailadmin/``, ``admin/``, ``translations/``). Each must be in every
  catalogue, translated (every plural form), not fuzzy, with the same
  placeholders. Admin-only strings may stay untranslated in ``locale/``.
- **Admin strings translated.** The admin catalogues
  (``campaign/locale``, ``translations/locale``, ``accounts/locale``,
  ``outreach/locale``, ``home/locale``, as ``ADMIN_CATALOGUES`` lists them: the
  Python strings and admin templates of those apps) have every entry
  translated in every language, none fuzzy, with the same placeholders.

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
from home.management.commands.update_catalogues import ADMIN_CATALOGUES

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
#: One catalogue per language; Django falls back from fr-be to fr.
LANGUAGES = ("ar", "da", "de", "es", "fr", "nl", "pl")
PUBLIC_TEMPLATE_DIRS = {
    BASE_DIR / "home" / "templates": ("wagtailadmin",),
    BASE_DIR / "campaign" / "templates" / "campaign": ("admin", "translations"),
    BASE_DIR / "outreach" / "templates" / "outreach": ("admin",),
}
#: Not sources: what running the site, the tests and npm leave behind.
NOT_SOURCES = {"var", "node_modules", "test-artifacts", "__pycache__"}
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".po"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def admin_catalogue(app: str, language: str) -> polib.POFile:
    path = BASE_DIR / app / "locale" / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def catalogue_paths(root: Path) -> list[Path]:
    """Every catalogue under a tree: locale/ and the apps' admin ones."""
    relative = [Path("locale")] + [Path(app, "locale") for app in ADMIN_CATALOGUES]
    return [
        folder / language / "LC_MESSAGES" / "django.po"
        for folder in relative
        for language in LANGUAGES
        if (root / folder).exists() or folder == Path("locale")
    ]


def untranslated(po: polib.POFile) -> list[str]:
    """What keeps a catalogue from being complete: untranslated, fuzzy, or
    with other placeholders than its msgid."""
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {entry.msgid!r}")
            continue
        translated = (
            list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        )
        if not all(translated):
            problems.append(f"untranslated: {entry.msgid!r}")
            continue
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        for text in translated:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"placeholders differ: {entry.msgid!r} → {text!r}")
    return problems


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
    for po in [catalogue(language)] + [
        admin_catalogue(app, language) for app in ADMIN_CATALOGUES
    ]:
        assert po.metadata["Language"] == language
        assert "charset=UTF-8" in po.metadata["Content-Type"]
        assert (
            po.metadata["Plural-Forms"] == catalogue(language).metadata["Plural-Forms"]
        )


def test_the_admin_strings_are_in_the_admin_catalogues():
    msgids = {
        entry.msgid for app in ADMIN_CATALOGUES for entry in admin_catalogue(app, "fr")
    }
    # The rollout form, the status names, a time-zone error, the review
    # screen, a helpline field, a home page field.
    for expected in (
        "Plan a rollout",
        "Schedule the rollout",
        "withdrawn",
        "outdated",
        "%(wall)s does not exist in %(zone)s: the clocks skip that hour. "
        "Choose %(earlier)s or %(later)s.",
        "Submit for review",
        "Save draft",
        "confidentiality",
        "home page",
    ):
        assert expected in msgids
    assert "Skip to main content" not in msgids  # public only


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", ADMIN_CATALOGUES)
def test_every_admin_string_is_translated_and_not_fuzzy(app, language):
    problems = untranslated(admin_catalogue(app, language))
    assert problems == [], f"{app}/locale/{language}: " + "\n".join(problems)


def test_an_untranslated_or_fuzzy_admin_string_is_found():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Save draft", msgstr=""))
    po.append(polib.POEntry(msgid="Cancel", msgstr="Annuler", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="%(n)s late", msgstr="en retard"))
    po.append(polib.POEntry(msgid="Approve", msgstr="Approuver"))
    assert untranslated(po) == [
        "untranslated: 'Save draft'",
        "fuzzy: 'Cancel'",
        "placeholders differ: '%(n)s late' → 'en retard'",
    ]


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
    for relative in catalogue_paths(BASE_DIR):
        if relative.parts[-3] != language:
            continue
        result = subprocess.run(
            ["msgfmt", "--check", "--output-file=/dev/null", str(BASE_DIR / relative)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, f"{relative}: {result.stderr}"


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
        [sys.executable, "manage.py", "update_catalogues"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    stale = []
    for relative in catalogue_paths(BASE_DIR):
        before = (BASE_DIR / relative).read_text()
        after = (tree / relative).read_text()
        if _without_creation_date(before) != _without_creation_date(after):
            stale.append(str(relative))
    assert stale == [], (
        "Run `python manage.py update_catalogues` and translate the new "
        f"strings: {stale}"
    )
