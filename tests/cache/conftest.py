"""A small multilingual campaign, the page cache turned on.

The test settings keep the page cache off (most tests commit nothing, so
nothing would evict what they cache); these fixtures turn it on with a key
prefix of the test's own.
"""

import datetime as dt
import uuid
from contextlib import contextmanager

import pytest
import redis
from django.conf import settings as django_settings

from campaign import publication
from campaign.models import CampaignPage
from delivery import invalidation
from delivery import versions as cache_versions
from tests.campaign import builders

UTC = dt.UTC


def raw(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


BODY = [
    raw("hero", {"headline": "Stop before you start", "standfirst": "It is a crime."}),
    raw("help_call_to_action", {"heading": "Talk to someone", "text": "Call."}),
    raw("legal_consequences", {"heading": "What the law says", "intro": "Law."}),
]


@pytest.fixture
def page_cache_on(settings, tmp_path):
    """The full-page cache on, under a key prefix nobody else uses."""
    prefix = f"pc-test-{uuid.uuid4().hex[:10]}"
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_KEY_PREFIX = prefix
    settings.VAR_DIR = tmp_path  # the stamp file of a local-memory cache
    yield prefix
    # This process's near cache for the prefix, forgotten with it.
    near = cache_versions._near_caches.get(cache_versions.backend(), {}).pop(
        prefix, None
    )
    if near is not None:
        near.close()
    config = django_settings.CACHES[django_settings.PAGE_CACHE_ALIAS]
    if config["BACKEND"].endswith("RedisCache"):
        with redis.Redis.from_url(config["LOCATION"]) as client:
            keys = list(client.scan_iter(match=f"{config['KEY_PREFIX']}:*:{prefix}:*"))
            if keys:
                client.delete(*keys)


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """A block whose on-commit callbacks run at its end, as after a commit.

    The test's own transaction never commits: the pages its fixtures
    published left a batch pending, which this block must not join.
    """

    @contextmanager
    def block(execute: bool = True):
        invalidation._local.batch = None  # the next change opens a new batch
        with django_capture_on_commit_callbacks(execute=execute) as callbacks:
            yield callbacks

    return block


def publish(page):
    with publication.permitted("test"):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(source, code: str, title: str, live: bool = True):
    """A translation of ``source`` (and of its parents, published)."""
    locale = builders.locale(code)
    page = source.copy_for_translation(locale, copy_parents=True).specific
    page.title = title
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            publish(ancestor)
    if live:
        return publish(page)
    builders.approved_revision(page)
    return page


@pytest.fixture
def campaign():
    """en (source, live), da-dk (live); fr-be and nl-be approved, not yet live.

    Regions: DK (da-dk) and BE (fr-be, nl-be), each with a helpline and a
    legal text.
    """
    denmark = builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")
    belgium = builders.region("BE", "Europe/Brussels", "fr-be", "nl-be")
    helplines = {
        "dk": builders.helpline(denmark, "da-dk", "Hjælpelinjen", always_open=True),
        "be": builders.helpline(belgium, "fr-be", "Stop it now", always_open=True),
    }
    builders.legal_text(denmark, "da-dk", "Straffeloven", signed=True)
    builders.legal_text(belgium, "fr-be", "Code pénal", signed=True)
    index = builders.campaign_index()
    source = builders.campaign_page(index, body=BODY)
    return {
        "regions": {"DK": denmark, "BE": belgium},
        "helplines": helplines,
        "en": CampaignPage.objects.get(pk=source.pk),
        "da-dk": translate(source, "da-dk", "Stop før du starter"),
        "fr-be": translate(source, "fr-be", "Arrêtez avant", live=False),
        "nl-be": translate(source, "nl-be", "Stop voor je begint", live=False),
    }


def url(page) -> str:
    page.refresh_from_db()
    return page.get_url()


def parent_url(page) -> str:
    return page.get_parent().get_url()


def home_url(page) -> str:
    return page.get_ancestors().get(depth=2).get_url()
