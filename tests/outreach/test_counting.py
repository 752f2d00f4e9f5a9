"""Counting: N requests give exactly N after folding, through crashes,
Redis outages and full-page cache hits."""

import socket
import subprocess
import time

import pytest
import redis

from outreach import counters, store
from outreach.models import FoldRecord, PageViewCount, ReachCount
from tests.cache.conftest import page_cache_on  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

URL = "/api/warnings/v1/"


def ask(client, world, times: int) -> None:
    for _ in range(times):
        response = client.get(
            URL, {"region": "BE", "lang": "nl"},
            headers={"Authorization": f"Bearer {world.key}"},
        )  # fmt: skip
        assert response.status_code == 200


def impressions() -> int:
    return sum(ReachCount.objects.values_list("impressions", flat=True))


def test_a_crash_before_the_commit_loses_and_doubles_nothing(client, world):
    ask(client, world, 12)

    def crash(fold_id):
        raise RuntimeError("worker killed mid-fold")

    counters.before_commit = crash
    try:
        with pytest.raises(RuntimeError):
            counters.fold()
    finally:
        counters.before_commit = None
    assert impressions() == 0  # rolled back, the fold key kept
    ask(client, world, 3)
    counters.fold()  # the kept fold and the new counts
    assert impressions() == 15
    counters.fold()
    assert impressions() == 15


def test_a_crash_after_the_commit_adds_nothing_twice(client, world, monkeypatch):
    ask(client, world, 9)
    client_ = store.client()
    real_delete = client_.delete

    def lost(*names):
        raise redis.ConnectionError("worker killed before the cleanup")

    monkeypatch.setattr(client_, "delete", lost)
    with pytest.raises(redis.ConnectionError):
        counters.fold()
    monkeypatch.setattr(client_, "delete", real_delete)
    assert impressions() == 9
    assert FoldRecord.objects.count() == 1
    counters.fold()  # finds the fold key, already recorded: deletes it only
    assert impressions() == 9
    assert not list(client_.scan_iter(match=store.key("fold", "*")))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_server(port: int, folder) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "yes", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    probe = redis.Redis(port=port, socket_connect_timeout=0.2)
    for _ in range(100):
        try:
            probe.ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the private redis-server did not start")


def test_counts_made_while_redis_is_down_are_kept_and_folded(
    client, world, settings, tmp_path, monkeypatch
):
    """On a private redis-server (the shared one is never stopped)."""
    port = _free_port()
    server = _redis_server(port, tmp_path)
    try:
        settings.OUTREACH_REDIS_URL = f"redis://127.0.0.1:{port}/0"
        monkeypatch.setattr(store, "RETRY_AFTER", 0.0)
        ask(client, world, 5)
        server.terminate()  # Redis writes its append-only file and stops
        server.wait(10)
        ask(client, world, 7)  # kept in this process
        assert counters.pending() == 7
        server = _redis_server(port, tmp_path)
        ask(client, world, 1)  # its pipeline carries the 7 waiting ones
        assert counters.pending() == 0
        counters.fold()
        assert impressions() == 13
    finally:
        server.kill()
        server.wait(10)


def test_page_views_are_counted_on_cache_hits_too(
    client,
    world,
    page_cache_on,  # noqa: F811
    settings,
):
    settings.PAGE_CACHE_ENABLED = True
    path = world.pages["nl-be"].get_url()
    states = [client.get(path)["X-Page-Cache"] for _ in range(4)]
    assert states == ["miss", "hit", "hit", "hit"]
    client.get("/nl-be/")  # a page, not a campaign page: not kept
    client.get("/nl-be/no-such-page/")  # 404: not counted
    counters.fold()
    [row] = PageViewCount.objects.all()
    assert (row.page_id, row.locale, row.views) == (world.pages["nl-be"].pk, "nl-be", 4)


def test_a_counted_page_cache_hit_costs_one_round_trip_in_all(
    client,
    world,
    page_cache_on,  # noqa: F811
    settings,
    monkeypatch,
):
    """The near copy answers without Redis; the view's HINCRBY is the only
    command sent (counted on the sockets themselves)."""
    settings.PAGE_CACHE_ENABLED = True
    path = world.pages["nl-be"].get_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    sent = []
    sendall = socket.socket.sendall

    def counted(sock, data, *args):
        sent.append(bytes(data))
        return sendall(sock, data, *args)

    monkeypatch.setattr(socket.socket, "sendall", counted)
    assert client.get(path)["X-Page-Cache"] == "hit"
    monkeypatch.undo()
    assert len(sent) == 1 and sent[0].count(b"HINCRBY") == 1
    counters.fold()
    [row] = PageViewCount.objects.all()
    assert row.views == 3
