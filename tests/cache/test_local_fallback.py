"""The page cache without Redis: never stale, but not exact.

Without Redis each process caches pages in its own memory, where another
process (the Celery worker that publishes) cannot evict them one by one. So
every eviction touches a stamp file that is part of every page's version
(delivery/versions.py): what the local-memory fallback promises is that no
process serves a copy older than the last commit, at the price of rendering
every page again after any commit. Evicting exactly the pages a commit shows,
and nothing else, is the Redis cache's promise (tests/cache/test_invalidation.py,
marked ``redis``).
"""

import pytest

from delivery import versions as cache_versions
from tests.cache.conftest import publish, url


@pytest.fixture
def local_page_cache(settings, page_cache_on):
    """The page cache in this process's memory, as without Redis."""
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"page-cache-{page_cache_on}",
        },
    }
    assert not cache_versions.shared()


def cache_states(client, paths) -> list[str]:
    return [client.get(path)["X-Page-Cache"] for path in paths]


@pytest.mark.django_db
def test_without_redis_a_helpline_edit_is_shown_at_once_and_evicts_every_page(
    client, campaign, local_page_cache, committing
):
    for code in ("fr-be", "nl-be"):
        publish(campaign[code])
    belgian = [url(campaign["fr-be"]), url(campaign["nl-be"])]
    untouched = [url(campaign["da-dk"]), url(campaign["en"])]
    cache_states(client, [*belgian, *untouched])
    assert cache_states(client, [*belgian, *untouched]) == ["hit"] * 4
    helpline = campaign["helplines"]["be"]
    helpline.name = "Stop it now (new number)"

    with committing():
        helpline.save()

    for path in belgian:
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss"
        assert "Stop it now (new number)" in response.text
    # Looser than Redis: the pages that do not show the helpline are
    # rendered again too, once, and cached from then on.
    assert cache_states(client, untouched) == ["miss", "miss"]
    assert cache_states(client, [*belgian, *untouched]) == ["hit"] * 4


@pytest.mark.django_db
def test_without_redis_a_rolled_back_change_evicts_nothing(
    client, campaign, local_page_cache, committing
):
    paths = [url(campaign["da-dk"]), url(campaign["en"])]
    cache_states(client, paths)
    helpline = campaign["helplines"]["dk"]
    helpline.name = "Never committed"

    with committing(execute=False):
        helpline.save()

    assert cache_states(client, paths) == ["hit", "hit"]
