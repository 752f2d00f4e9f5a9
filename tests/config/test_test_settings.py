"""The test settings on a bare machine: SQLite and local memory outside CI.

A PostgreSQL or Redis URL that does not answer is a missing service: outside
CI the suite runs what it can on SQLite in memory and the local-memory cache
(tests marked ``postgres`` or ``redis`` skip); under ``CI=true`` the URL is
kept, so the run fails instead of quietly testing less.
"""

import socket

import pytest

from tests.helpers import project_env, python

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.POSTGRES_AVAILABLE, "
    "s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1], s.REDIS_AVAILABLE)"
)


@pytest.fixture
def closed_port() -> int:
    """A port nothing listens on: the kernel's pick, released at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settings_with(ci: str, port: int) -> str:
    env = project_env(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/campaign_manager",
        REDIS_URL=f"redis://127.0.0.1:{port}/0",
        CI=ci,
    )
    result = python(SHOW, env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_outside_ci_services_that_do_not_answer_give_way_to_sqlite_and_memory(
    closed_port,
):
    assert settings_with("", closed_port) == (
        "django.db.backends.sqlite3 False LocMemCache False"
    )


def test_under_ci_a_postgres_url_that_does_not_answer_is_kept(closed_port):
    assert settings_with("true", closed_port) == (
        "django.db.backends.postgresql False LocMemCache False"
    )
