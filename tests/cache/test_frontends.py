"""A purge backend that cannot work stops the site at start, naming why."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from delivery import frontends
from tests.helpers import BASE_DIR

BACKENDS = "wagtail.contrib.frontend_cache.backends."


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        ({"BACKEND": BACKENDS + "HTTPBackend"}, "FRONTEND_CACHE_LOCATION"),
        (
            {"BACKEND": BACKENDS + "CloudflareBackend", "BEARER_TOKEN": "t"},
            "CLOUDFLARE_ZONE_ID",
        ),
        (
            {"BACKEND": BACKENDS + "CloudflareBackend", "ZONEID": "z"},
            "BEARER_TOKEN",
        ),
        (
            {"BACKEND": BACKENDS + "CloudfrontBackend", "DISTRIBUTION_ID": "d"},
            "'boto3'",
        ),
        ({"BACKEND": "cloudfront"}, "must be cloudflare, http"),
    ],
)
def test_a_misconfigured_backend_is_refused_naming_what_is_missing(backend, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontends.check({"default": backend})


def test_every_offered_backend_builds_with_its_settings():
    frontends.check(
        {
            "varnish": {"BACKEND": BACKENDS + "HTTPBackend", "LOCATION": "http://v"},
            "cdn": {
                "BACKEND": BACKENDS + "CloudflareBackend",
                "ZONEID": "zone",
                "BEARER_TOKEN": "token",
            },
        }
    )


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"FRONTEND_CACHE_BACKEND": "http"}, "FRONTEND_CACHE_LOCATION"),
        ({"FRONTEND_CACHE_BACKEND": "cloudfront"}, "must be cloudflare, http"),
    ],
)
def test_the_site_does_not_start_with_a_misconfigured_backend(environment, message):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FRONTEND_CACHE", "CLOUDFLARE", "VARNISH"))
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings.test")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert message in result.stderr
