"""deploy/varnish/default.vcl in front of Django, purged by Django.

A real varnishd (tests/cache/front.py) in front of the live test server:
what a commit changes is gone from Varnish as soon as the commit returns,
nothing personal or private is ever stored, and a session bypasses it.
"""

import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_started
from wagtail import hooks
from wagtail.models import PageViewRestriction

from campaign.models import CampaignPage
from campaign.releases import engine as publishing
from delivery import page_cache
from tests.cache.conftest import BODY, parent_url, publish, url
from tests.cache.front import VCL, request, varnish
from tests.cache.test_cache_keys import LONG_SLUG
from tests.cache.test_invalidation import NOON, release

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def folder():
    path = Path(tempfile.mkdtemp(prefix="cm-varnish-"))
    path.chmod(0o755)  # varnishd reads the VCL as its own user
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def cache(live_server, page_cache_on, settings, folder):
    """Varnish in front of the live server, purged as production purges it."""
    upstream = int(live_server.url.rsplit(":", 1)[1])
    with varnish(folder, upstream) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "delivery.purge.VarnishBackend",
                "LOCATION": server.url,
            }
        }
        yield server


def get(server, path, **kwargs):
    return request(server.port, path, **kwargs)


def test_a_publish_is_visible_through_varnish_at_once(campaign, cache):
    danish = url(campaign["da-dk"])
    french = url(campaign["fr-be"])
    assert get(cache, danish)[1]["x-cache"] == "miss"
    status, headers, body = get(cache, danish)
    assert (status, headers["x-cache"]) == (200, "hit")
    assert b'hreflang="fr-be"' not in body
    assert get(cache, french)[0] == 404

    publishing.publish_release(release(campaign).pk, now=NOON)

    status, headers, body = get(cache, french)
    assert status == 200
    assert "Arrêtez avant".encode() in body
    # The translations' language lists name the new locale as soon as Varnish
    # has fetched them again: a publish purges softly, so the first reader
    # after it may still get the previous copy while the new one comes.
    deadline = time.monotonic() + 5
    while b'hreflang="fr-be"' not in get(cache, danish)[2]:
        assert time.monotonic() < deadline, "the language list was never updated"
        time.sleep(0.05)


def test_a_withdrawal_is_gone_from_varnish_at_once(campaign, cache):
    publishing.publish_release(release(campaign).pk, now=NOON)
    paths = [url(campaign[code]) for code in ("en", "da-dk", "fr-be", "nl-be")]
    for path in paths:
        get(cache, path)
        assert get(cache, path)[1]["x-cache"] == "hit"

    publishing.withdraw_campaign(campaign["en"])

    for path in paths:  # gone, with help (home/gone.py)
        assert get(cache, path)[0] == 410
    listing = parent_url(campaign["fr-be"])
    assert url(campaign["fr-be"]).encode() not in get(cache, listing)[2]


def test_a_page_made_private_is_gone_at_once_and_never_stored(campaign, cache):
    page = campaign["da-dk"]
    path = url(page)
    get(cache, path)
    assert get(cache, path)[1]["x-cache"] == "hit"

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    hits = cache.stat("MAIN.cache_hit")
    for _ in range(3):
        status, headers, body = get(cache, path)
        assert headers["x-cache"] != "hit"
        assert "Stop før du starter".encode() not in body
    # Purged, and the password form never served from the cache.
    assert cache.stat("MAIN.cache_hit") == hits


def test_a_session_bypasses_varnish_and_leaves_nothing_in_it(campaign, cache):
    path = url(campaign["da-dk"])
    stored = cache.objects()
    for _ in range(2):
        status, headers, _body = get(
            cache, path, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}=abc"}
        )
        assert status == 200
        assert headers["x-cache"] == "pass"
        assert "private" in headers["cache-control"]
    assert cache.objects() == stored
    # The admin and its login are never stored either.
    for _ in range(2):
        assert get(cache, "/admin/login/")[1]["x-cache"] == "pass"
    assert cache.objects() == stored


def test_unknown_query_strings_and_ports_add_no_object(campaign, cache):
    path = url(campaign["da-dk"])
    get(cache, path)
    stored = cache.objects()
    for number in range(500):
        query = f"random={number}" if number % 2 else f"utm_source=ad{number}&x=1"
        host = "localhost" if number % 3 else f"LocalHost:{1000 + number}"
        headers = get(cache, f"{path}?{query}", headers={"Host": host})[1]
        assert headers["x-cache"] == "hit"
    assert cache.objects() == stored


def test_the_vcl_keeps_exactly_the_declared_query_parameters():
    declared = "|".join(sorted(page_cache.declared_parameters())) or "(?!)"
    assert f"(?!(?:{declared})=)" in VCL.read_text()


def test_a_300_byte_slug_is_served_and_cached_through_varnish(campaign, cache):
    index = campaign["en"].get_parent()
    page = CampaignPage(title="停止", slug=LONG_SLUG, body=BODY, live=False)
    index.add_child(instance=page)
    publish(page)
    path = url(page)  # percent-encoded, as a browser sends it
    assert len(path) > 900
    assert get(cache, path)[0] == 200
    status, headers, _body = get(cache, path)
    assert (status, headers["x-cache"]) == (200, "hit")


@contextmanager
def slow_renders(path: str, seconds: float):
    """Every render of a page takes ``seconds`` in the block (so every reader
    arrives while one renders); yields the list the fetches of ``path`` from
    Django are counted into."""
    fetches = []

    def count(sender, environ, **kwargs):
        if environ.get("PATH_INFO") == path:
            fetches.append(1)

    def slowly(next_serve):
        def serve(page, request, args, kwargs):
            time.sleep(seconds)
            return next_serve(page, request, args, kwargs)

        return serve

    request_started.connect(count)
    try:
        with hooks.register_temporarily("on_serve_page", slowly):
            yield fetches
    finally:
        request_started.disconnect(count)


def test_a_purged_page_read_by_many_at_once_is_fetched_once(campaign, cache):
    page = campaign["da-dk"]
    path = url(page)
    get(cache, path)

    publish(page)  # commits: purged from Varnish and the page cache
    with slow_renders(path, 0.5) as fetches, ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda _n: get(cache, path), range(16)))
    assert [answer[0] for answer in answers] == [200] * 16
    assert len(fetches) == 1


def test_readers_of_a_republished_page_get_the_old_copy_while_it_is_fetched_once(
    campaign, cache
):
    page = campaign["da-dk"]
    path, old_title = url(page), page.title
    get(cache, path)
    assert get(cache, path)[1]["x-cache"] == "hit"

    def timed(_n):
        started = time.monotonic()
        status, _headers, body = get(cache, path)
        return status, time.monotonic() - started, body.decode()

    page.title = "Stop nu, før du starter"
    publish(page)  # only a publish: a soft purge
    with slow_renders(path, 1) as fetches:
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(timed, range(16)))
        deadline = time.monotonic() + 10
        while page.title not in get(cache, path)[2].decode():
            assert time.monotonic() < deadline, "the new copy never came"
            time.sleep(0.1)
    assert [status for status, _t, _b in answers] == [200] * 16
    assert max(elapsed for _s, elapsed, _b in answers) < 0.5  # nobody waited
    assert all(old_title in body for _s, _t, body in answers)
    assert len(fetches) == 1


def test_grace_serves_live_pages_while_gunicorn_is_down_never_a_withdrawn_one(
    campaign, cache, settings
):
    settings.PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1"
    live, withdrawn = url(campaign["en"]), url(campaign["da-dk"])
    for path in (live, withdrawn):
        get(cache, path)
        assert get(cache, path)[1]["x-cache"] == "hit"
    campaign["da-dk"].unpublish()  # commits: both purged (hreflang)
    get(cache, live)
    assert get(cache, live)[1]["x-cache"] == "hit"
    time.sleep(1.5)  # past its s-maxage of 1 s
    cache.set_backend("sick")
    try:
        status, headers, body = get(cache, live)
        assert (status, headers["x-cache"]) == (200, "hit")  # from grace
        assert b"Stop before you start" in body
        status, _headers, body = get(cache, withdrawn)
        assert status != 200
        assert "Stop før du starter".encode() not in body
    finally:
        cache.set_backend("auto")
