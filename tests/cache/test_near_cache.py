"""Each web process's copies of hot entries, kept exact by Redis tracking."""

import pytest
import redis
from django.conf import settings

from delivery import page_cache

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def hot(client, page_cache_on, campaign):
    """A page served twice: its entry and version are held in this process."""
    path = campaign["da-dk"].get_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    near = page_cache.near_cache()
    assert near is not None and near.entries
    return path


def other_process() -> redis.Redis:
    """A connection of its own, as a worker on another host would have."""
    return redis.Redis.from_url(settings.REDIS_URL)


def raw_version_key(path: str) -> str:
    return page_cache.backend().make_key(page_cache.version_key(path))


def test_a_hot_page_is_served_without_a_round_trip(client, hot, monkeypatch):
    def no_redis(*args):
        raise AssertionError("asked Redis")

    monkeypatch.setattr(page_cache, "fetch_many", no_redis)
    response = client.get(hot)
    assert response["X-Page-Cache"] == "hit"
    assert "Stop før du starter" in response.text


def test_a_new_version_written_elsewhere_is_seen_by_the_next_request(client, hot):
    with other_process() as worker:
        worker.set(
            raw_version_key(hot), page_cache.backend()._cache._serializer.dumps("w")
        )
    page_cache.near_cache().sync()  # the push has arrived (a PING orders it)
    assert client.get(hot)["X-Page-Cache"] == "miss"
    assert client.get(hot)["X-Page-Cache"] == "hit"


def test_a_version_deleted_elsewhere_is_seen_by_the_next_request(client, hot):
    with other_process() as worker:
        worker.delete(raw_version_key(hot))
    page_cache.near_cache().sync()
    assert client.get(hot)["X-Page-Cache"] == "miss"


def test_a_lost_tracking_connection_forgets_every_copy(client, hot):
    near = page_cache.near_cache()
    near.connection.send_command("CLIENT", "ID")
    tracking_id = near.connection.read_response()
    with other_process() as worker:
        worker.client_kill_filter(_id=tracking_id)
        # Changed while nobody could tell this process.
        worker.set(
            raw_version_key(hot), page_cache.backend()._cache._serializer.dumps("w")
        )
    assert client.get(hot)["X-Page-Cache"] == "miss"
    assert not near.entries or near.connection is None


def test_a_flush_forgets_every_copy(client, hot):
    near = page_cache.near_cache()
    near._pushed([b"invalidate", None])
    assert not near.entries and not near.versions


def test_what_was_read_before_a_push_is_not_remembered(hot):
    near = page_cache.near_cache()
    key = raw_version_key(hot).encode()
    near.versions.clear()
    epoch = near.drain()
    near.forget([b"another key"])  # a push consumed meanwhile
    near.remember(epoch, key, "token", "entry-key", None)
    assert key not in near.versions


def test_no_copies_when_turned_off(client, page_cache_on, campaign, settings):
    settings.PAGE_CACHE_NEAR_ENTRIES = 0
    settings.PAGE_CACHE_KEY_PREFIX += "-off"  # a near cache of its own
    assert page_cache.near_cache() is None
    path = campaign["da-dk"].get_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_without_tracking_every_request_asks_redis_and_stays_exact():
    from delivery.near import NearCache

    near = NearCache("redis://127.0.0.1:1/0", "pc:v:", {"socket_connect_timeout": 1}, 8)
    assert near.drain() is None  # nothing answers: no copies, ask Redis
    near.remember(None, b"pc:v:x", "token", "entry", object())
    assert near.lookup("entry", b"pc:v:x") is None
