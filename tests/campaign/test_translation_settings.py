"""Machine translation is chosen by the environment and off by default."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
READ = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
)


def settings_with(**variables) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    for name in ("MACHINE_TRANSLATOR", "DEEPL_AUTH_KEY", "LIBRETRANSLATE_URL"):
        environment.pop(name, None)
    environment.update(variables)
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", READ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_machine_translation_is_off_by_default():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    result = settings_with()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) is None


def test_the_environment_switches_a_backend_on_with_its_options():
    result = settings_with(MACHINE_TRANSLATOR="DeepL", DEEPL_AUTH_KEY="k-123:fx")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "k-123:fx"},
    }


def test_a_backend_without_its_key_or_an_unknown_name_fails_at_start():
    missing = settings_with(MACHINE_TRANSLATOR="deepl")
    assert missing.returncode != 0
    assert "DEEPL_AUTH_KEY" in missing.stderr
    unknown = settings_with(MACHINE_TRANSLATOR="babelfish")
    assert unknown.returncode != 0
    assert "MACHINE_TRANSLATOR must be off, deepl" in unknown.stderr
