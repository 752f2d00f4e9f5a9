"""Fixtures for the public-site browser tests: the demo, served live.

The demo of docs/design.md (``seed_demo``) is what a newcomer first sees, so the
browser checks run on it: fifteen locales, each with its campaign page,
legal text and example helplines.
"""

import uuid
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from django.conf import settings

from campaign.models import CampaignPage
from tests.demo_copy import load_demo

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
#: axe-core as axe-playwright-python ships it (the version is the first line
#: of the file), so the accessibility checks need no Node.js.
AXE = AXE_FILE_PATH

#: Marks for every test that drives the live site: the live server needs a
#: transactional database; the serialized rollback restores the migrations'
#: rows (root page, site, `en` locale) for the tests that run after.
LIVE_SITE = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def private_caches(settings):
    """Caches and outreach counters of this test only: Wagtail keys renditions
    by image id, and every test gets the demo under the same ids."""
    run = uuid.uuid4().hex
    settings.OUTREACH_KEY_PREFIX = f"outreach-{run}"
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{alias}-{run}",
        }
        for alias in ("default", "renditions")
    }


@pytest.fixture
def demo(live_server, private_caches):
    """The demo, loaded into this test's database (tests/demo_copy.py);
    returns a page-URL lookup."""
    load_demo()

    def campaign_url(language_code: str) -> str:
        page = CampaignPage.objects.live().get(locale__language_code=language_code)
        return live_server.url + page.url

    return campaign_url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
