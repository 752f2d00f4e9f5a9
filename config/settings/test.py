"""The test suite: real PostgreSQL and Redis when they answer.

``DATABASE_URL`` and ``REDIS_URL`` default to the local ports. Without a
server, tests marked ``postgres`` or ``redis`` are skipped with the reason
(see tests/conftest.py) and the others run on SQLite in memory and the
local-memory cache; under ``CI=true`` such a skip fails the run.
"""

import uuid
from pathlib import Path

from config import env
from config.broker import transport_for
from config.database import end_idle_transactions
from config.services import (
    filesystem_broker_options,
    filesystem_result_backend,
    postgres_answers,
    redis_answers,
)

from .base import *

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(VAR_DIR / "test-media")))
# Static files straight from the sources, so tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# A worker started by a test writes its mails to files (tests/notifications).
EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)

#: Under CI a missing service fails the run instead of being skipped or
#: replaced (tests/conftest.py).
IN_CI = env.string("CI", "false").lower() == "true"

# PostgreSQL when it answers; otherwise, outside CI, SQLite in memory, so the
# tests that do not need PostgreSQL still run on a bare machine. Under CI a
# PostgreSQL URL is kept even when nothing answers there: the run fails.
POSTGRES_URL = env.string(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/campaign_manager"
)
POSTGRES_AVAILABLE = POSTGRES_URL.startswith("postgres") and postgres_answers(
    POSTGRES_URL
)
if POSTGRES_AVAILABLE or IN_CI or not POSTGRES_URL.startswith("postgres"):
    DATABASE_URL = POSTGRES_URL
else:
    DATABASE_URL = "sqlite://:memory:"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
# Off in tests (a debugger paused inside a transaction would lose it), unless
# a test sets it for its child processes (tests/integration/hosts.py).
DATABASE_IDLE_IN_TRANSACTION_SECONDS = env.integer(
    "DATABASE_IDLE_IN_TRANSACTION_SECONDS", 0
)
end_idle_transactions(DATABASES["default"], DATABASE_IDLE_IN_TRANSACTION_SECONDS)

# A database of its own, so tests never meet a `make run` worker's messages.
REDIS_URL = env.string("REDIS_URL", "redis://127.0.0.1:6379/15")
REDIS_AVAILABLE = redis_answers(REDIS_URL)


# Renditions are cached per process in memory: Wagtail keys them by image
# id, and ids repeat from one test database to the next.
def _locmem(name: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": name,
    }


if REDIS_AVAILABLE:
    # A prefix per test process (or per worker stack, which sets its own):
    # parallel processes and earlier runs never read each other's keys.
    _prefix = env.string("CACHE_KEY_PREFIX", f"cm-test-{uuid.uuid4().hex[:8]}")
    CACHES = {"default": redis_cache(REDIS_URL), "renditions": _locmem("renditions")}
    CACHES["default"]["KEY_PREFIX"] = _prefix
else:
    CACHES = {"default": _locmem("default"), "renditions": _locmem("renditions")}

# Off in tests unless a test turns them on (tests/cache/test_fragments.py): a
# test's Celery stack keeps its cache keys under a prefix of its own, so a
# generation its worker starts would never reach the test's live server, and
# a test's rolled-back writes never start one.
RENDER_FRAGMENTS = env.boolean("RENDER_FRAGMENTS", False)

# Tasks run inline in the test process, as Wagtail's own background tasks do
# in bakerydemo's tests. Tests that need a broker start a real worker (and
# set CELERY_TASK_ALWAYS_EAGER=false for it, see tests/helpers.py).
CELERY_TASK_ALWAYS_EAGER = env.boolean("CELERY_TASK_ALWAYS_EAGER", True)
CELERY_TASK_EAGER_PROPAGATES = True
RELEASE_SWEEP_SECONDS = float(env.string("RELEASE_SWEEP_SECONDS", "2"))
CELERY_BEAT_SCHEDULE["release-sweep"]["schedule"] = RELEASE_SWEEP_SECONDS
# Off unless a test turns it on (tests/cache/): most tests commit nothing,
# so nothing would evict what they cache.
PAGE_CACHE_ENABLED = env.boolean("PAGE_CACHE_ENABLED", False)
CELERY_BROKER_URL = env.string(
    "CELERY_BROKER_URL", REDIS_URL if REDIS_AVAILABLE else "filesystem://"
)
# "redis" names kombu's own transport (tests/integration/test_redis_outage.py).
CELERY_BROKER_TRANSPORT = env.string("CELERY_BROKER_TRANSPORT", "") or transport_for(
    CELERY_BROKER_URL
)
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", REDIS_URL)
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "test")
    CELERY_RESULT_BACKEND = env.string(
        "CELERY_RESULT_BACKEND", filesystem_result_backend(VAR_DIR / "test")
    )
