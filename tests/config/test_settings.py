"""Every settings module loads, and production refuses to start half-configured."""

import pytest

from tests.helpers import manage, project_env, python

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789abcdef",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "campaign.example.org",
}

LOAD = (
    "import django; django.setup(); "
    "from django.conf import settings; print(settings.DEBUG)"
)


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_each_settings_module_loads(module, tmp_path):
    env = project_env(**PRODUCTION, VAR_DIR=str(tmp_path))
    env["DJANGO_SETTINGS_MODULE"] = f"config.settings.{module}"
    result = python(LOAD, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("True" if module == "dev" else "False")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = project_env(**PRODUCTION)
    env.pop(missing)
    result = python(LOAD, env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = project_env(**PRODUCTION)
    env["ALLOWED_HOSTS"] = ""
    result = python(LOAD, env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = manage(
        "check", "--deploy", "--fail-level", "DEBUG", env=project_env(**PRODUCTION)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_a_wrongly_typed_variable_names_itself():
    env = project_env(**PRODUCTION, EMAIL_PORT="twenty-five")
    result = python(LOAD, env)
    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr
