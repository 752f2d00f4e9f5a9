"""Readers keep reading while Redis is away (issue 12, finding 2).

The caches point at a port nothing listens on, as they do while Redis is
stopped: Wagtail's site root paths, renditions and the page cache all miss,
and every public page still renders.
"""

import logging

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.settings.base import redis_cache
from tests.redis_server import free_port

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def redis_away(page_cache_on):
    """Every cache on a dead Redis port, with the page cache on; undone
    before ``page_cache_on`` cleans its keys up."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    caches_away = {"default": redis_cache(url), "renditions": redis_cache(url)}
    with override_settings(CACHES=caches_away):
        yield url


def test_public_pages_answer_200_while_redis_is_away(client, campaign, redis_away):
    for locale in ("en", "da-dk"):
        for attempt in range(2):
            response = client.get(campaign[locale].get_url())
            assert response.status_code == 200, (locale, attempt)
            assert not response.cookies
    assert client.get("/").status_code in (200, 302)


def test_djangos_own_redis_cache_would_fail_every_page(settings, client, campaign):
    url = f"redis://127.0.0.1:{free_port()}/0"
    stock = {
        **redis_cache(url),
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
    }
    settings.CACHES = {"default": stock, "renditions": stock}
    with pytest.raises(Exception, match="Connection refused|Error 111"):
        client.get(campaign["da-dk"].get_url())


def test_reads_miss_writes_drop_and_the_outage_is_logged_once(redis_away, caplog):
    cache = caches["default"]
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        assert cache.get("k", "default") == "default"
        cache.set("k", 1)
        assert cache.add("k", 1) is True  # a dedup goes ahead
        assert cache.get_many(["k"]) == {}
        assert cache.has_key("k") is False
        cache.delete("k")
        assert cache.get_or_set("k", 2) == 2
    warnings = [r for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1, warnings
    assert "unavailable" in warnings[0].getMessage()


def test_a_working_redis_is_used_as_before(settings):
    if not settings.REDIS_AVAILABLE:
        pytest.skip("needs Redis")
    cache = caches["default"]
    cache.set("tolerant-check", "here", 10)
    assert cache.get("tolerant-check") == "here"
    assert cache.add("tolerant-check", "other") is False
    cache.delete("tolerant-check")
    assert cache.get("tolerant-check") is None
