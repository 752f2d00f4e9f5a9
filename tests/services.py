"""The services and system tools a test may need, and how to tell they are there.

A test says what it needs with a marker named after a key of ``SERVICES``
(registered in pyproject.toml); tests/conftest.py skips it with the reason
below when the service is missing, or fails it under ``CI=true``. A bare
machine (Python and make only) runs every other test: on SQLite in memory,
the local-memory cache and Celery's filesystem broker (config/settings/test.py).

System tools are looked up on ``PATH`` only, so a restricted ``PATH`` hides
them as a machine without them would (.ci/bare-machine). Debian puts nginx,
varnishd and ip in /usr/sbin: root's ``PATH`` has it, a user's may not.
"""

import os
import shutil
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings

#: Chromium for Playwright; ``CHROMIUM`` names another build.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")


def tool(name: str) -> str | None:
    """Where ``name`` is on ``PATH``, or None."""
    return shutil.which(name)


def _postgres() -> tuple[bool, str]:
    parts = urlsplit(settings.POSTGRES_URL)
    where = f"{parts.hostname}:{parts.port or 5432}"
    return settings.POSTGRES_AVAILABLE, (
        f"PostgreSQL does not answer at {where}; set DATABASE_URL"
    )


def _redis() -> tuple[bool, str]:
    parts = urlsplit(settings.REDIS_URL)
    where = f"{parts.hostname}:{parts.port or 6379}"
    return settings.REDIS_AVAILABLE, f"Redis does not answer at {where}; set REDIS_URL"


def _celery() -> tuple[bool, str]:
    missing = [reason for available, reason in (_postgres(), _redis()) if not available]
    return not missing, "a Celery worker stack needs both: " + " and ".join(missing)


def _browser() -> tuple[bool, str]:
    found = bool(CHROMIUM and shutil.which(CHROMIUM))
    return found, "Chromium is not on PATH (apt chromium), nor named by CHROMIUM"


def _nginx() -> tuple[bool, str]:
    return bool(tool("nginx")), "nginx is not on PATH (apt nginx; /usr/sbin)"


def _varnish() -> tuple[bool, str]:
    return bool(tool("varnishd")), "varnishd is not on PATH (apt varnish; /usr/sbin)"


def _gettext() -> tuple[bool, str]:
    found = all(tool(name) for name in ("xgettext", "msgmerge", "msgfmt"))
    return found, "GNU gettext (xgettext, msgmerge, msgfmt) is not on PATH"


def _systemd() -> tuple[bool, str]:
    return bool(tool("systemd-analyze")), "systemd-analyze is not on PATH (apt systemd)"


def _netns() -> tuple[bool, str]:
    found = bool(tool("ip")) and os.geteuid() == 0
    return found, "network namespaces need iproute2's ip on PATH, and root"


#: Marker name -> check returning (available, reason when not).
SERVICES: dict[str, Callable[[], tuple[bool, str]]] = {
    "postgres": _postgres,
    "redis": _redis,
    "celery": _celery,
    "browser": _browser,
    "nginx": _nginx,
    "varnish": _varnish,
    "gettext": _gettext,
    "netns": _netns,
    "systemd": _systemd,
}
