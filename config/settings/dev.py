"""A newcomer's machine: SQLite, and Redis only when it answers."""

import logging

from config import env
from config.services import (
    filesystem_broker_options,
    filesystem_result_backend,
    redis_answers,
)

from .base import *

VAR_DIR.mkdir(parents=True, exist_ok=True)
DEBUG = env.boolean("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-3b0f6a0e9c2d4c1e"  # noqa: S105
ALLOWED_HOSTS = env.strings("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

_redis_up = redis_answers(REDIS_URL)
if not _redis_up:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        for alias in ("default", "renditions")
    }

# The run command decides the broker once and passes CELERY_BROKER_URL to web,
# worker and beat so that the three agree; a bare manage.py call decides here.
if not env.is_set("CELERY_BROKER_URL") and not _redis_up:
    CELERY_BROKER_URL = "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR)
    if not env.is_set("CELERY_RESULT_BACKEND"):
        CELERY_RESULT_BACKEND = filesystem_result_backend(VAR_DIR)
    logging.getLogger("config").debug("Celery broker: filesystem under %s", VAR_DIR)
