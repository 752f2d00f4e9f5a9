"""PostgreSQL ends a session left idle inside a transaction (config/database.py).

A host cut off mid-transaction would otherwise keep its row locks for hours;
tests/integration/test_several_hosts.py shows the whole story.
"""

import time

import psycopg
import pytest

from config.database import end_idle_transactions
from tests.helpers import project_env, python
from tests.integration import support

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789abcdef",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "campaign.example.org",
}
OPTIONS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options', ''))"
)


def test_production_ends_idle_transactions_after_a_minute_unless_told_otherwise():
    assert python(OPTIONS, project_env(**PRODUCTION)).stdout.strip() == (
        "-c idle_in_transaction_session_timeout=60000"
    )
    env = project_env(**PRODUCTION, DATABASE_IDLE_IN_TRANSACTION_SECONDS="0")
    assert python(OPTIONS, env).stdout.strip() == ""


def test_the_option_joins_the_ones_already_there_and_skips_other_engines():
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {"options": "-c statement_timeout=5000"},
    }
    end_idle_transactions(database, 3)
    assert database["OPTIONS"]["options"] == (
        "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=3000"
    )
    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert end_idle_transactions(sqlite, 3) == {"ENGINE": "django.db.backends.sqlite3"}


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgresql_ends_a_session_left_idle_inside_its_transaction():
    database = end_idle_transactions({"ENGINE": "django.db.backends.postgresql"}, 1)
    options = database["OPTIONS"]["options"]
    stuck = psycopg.connect(support.dsn(), options=options)
    try:
        stuck.execute("SELECT 1")  # a transaction is open, and nothing follows
        pid = stuck.info.backend_pid
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with psycopg.connect(support.dsn(), autocommit=True) as other:
                found = other.execute(
                    "SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]
                ).fetchone()
            if found is None:
                break
            time.sleep(0.2)
        assert found is None, "the idle session outlived its timeout"
        with pytest.raises(psycopg.errors.IdleInTransactionSessionTimeout):
            stuck.execute("SELECT 1")
    finally:
        stuck.close()
