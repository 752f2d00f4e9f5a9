"""Cache keys that cannot be flooded, and one render per page after a purge.

Only query parameters some page type declares (``cache_query_parameters``)
are part of a key, and a page is stored only under its own; the host counts
by its name alone. Concurrent misses of one page wait for one render.
"""

import threading

import pytest
import redis
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import RequestFactory

from campaign.models import CampaignIndexPage, CampaignPage
from delivery import page_cache
from tests.cache.conftest import BODY, publish

pytestmark = [pytest.mark.redis]

#: 100 CJK characters: 300 bytes of slug, 900 characters of encoded URL.
LONG_SLUG = "停止使用人工智能制作虐待儿童图像" * 6 + "停止使用"


def entries(prefix: str) -> int:
    config = django_settings.CACHES[django_settings.PAGE_CACHE_ALIAS]
    with redis.Redis.from_url(config["LOCATION"]) as client:
        pattern = f"{config['KEY_PREFIX']}:*:{prefix}:e:*"
        return sum(1 for key in client.scan_iter(match=pattern) if b":lock" not in key)


@pytest.mark.postgres
@pytest.mark.django_db
def test_500_unknown_query_strings_add_no_entry(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    assert client.get(path)["X-Page-Cache"] == "miss"
    stored = entries(page_cache_on)
    for number in range(500):
        query = f"random={number}" if number % 2 else f"utm_source=ad{number}&x=1"
        assert client.get(f"{path}?{query}")["X-Page-Cache"] == "hit"
    assert entries(page_cache_on) == stored == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_host_counts_by_its_name_not_its_port_or_case(
    client, page_cache_on, campaign
):
    path = campaign["da-dk"].get_url()
    assert client.get(path, HTTP_HOST="localhost:8001")["X-Page-Cache"] == "miss"
    for host in ("localhost", "LOCALHOST:9000", "localhost:1"):
        assert client.get(path, HTTP_HOST=host)["X-Page-Cache"] == "hit"
    assert entries(page_cache_on) == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_declared_parameter_keys_only_the_pages_that_read_it(
    client, page_cache_on, campaign, monkeypatch
):
    monkeypatch.setattr(
        CampaignIndexPage, "cache_query_parameters", ("page",), raising=False
    )
    listing = campaign["da-dk"].get_parent().get_url()
    campaign_path = campaign["da-dk"].get_url()
    assert client.get(listing)["X-Page-Cache"] == "miss"
    assert client.get(listing + "?page=2")["X-Page-Cache"] == "miss"
    assert client.get(listing + "?page=2&utm_source=x")["X-Page-Cache"] == "hit"
    # A campaign page does not read it: rendered, never stored under it.
    for _ in range(2):
        response = client.get(campaign_path + "?page=2")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None
    assert entries(page_cache_on) == 2


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_300_byte_slug_is_served_and_cached_like_any_other(
    client, page_cache_on, campaign
):
    index = campaign["en"].get_parent()
    page = CampaignPage(title="停止", slug=LONG_SLUG, body=BODY, live=False)
    index.add_child(instance=page)
    publish(page)
    path = page.get_url()
    assert len(LONG_SLUG.encode()) == 300
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")


# Single flight --------------------------------------------------------------


class Page:
    """What the middleware needs of a served page: its URL."""

    def get_url(self, request):
        return request.path


@pytest.fixture
def flight(page_cache_on, settings):
    settings.PAGE_CACHE_NEAR_ENTRIES = 0  # every request asks Redis
    renders = []
    release = threading.Event()

    def render(request):
        renders.append(request.path)
        release.wait(timeout=10)  # every other request arrives meanwhile
        setattr(request, page_cache.PAGE_ATTR, Page())
        return HttpResponse("<html><p>Stop</p></html>", content_type="text/html")

    middleware = page_cache.PageCacheMiddleware(render)
    return middleware, renders, release


def test_concurrent_misses_of_one_page_wait_for_one_render(flight):
    middleware, renders, release = flight
    factory = RequestFactory()
    answers = []

    def read():
        answers.append(middleware(factory.get("/da-dk/campaigns/stop/")))

    readers = [threading.Thread(target=read) for _ in range(16)]
    for reader in readers:
        reader.start()
    while not renders:  # the first render has started
        threading.Event().wait(0.01)
    threading.Event().wait(0.3)  # the others are waiting for it
    release.set()
    for reader in readers:
        reader.join(timeout=30)

    assert len(renders) == 1
    states = sorted(answer[page_cache.HEADER] for answer in answers)
    assert states == ["coalesced"] * 15 + ["miss"]
    assert {answer.content for answer in answers} == {b"<html><p>Stop</p></html>"}


def test_a_waiting_request_renders_itself_after_the_bounded_wait(flight, settings):
    middleware, renders, release = flight
    settings.PAGE_CACHE_FLIGHT_WAIT = 0.2
    release.set()
    path = "/da-dk/campaigns/stop/"
    key = page_cache.entry_key("testserver", path)
    page_cache.backend().add(f"{key}:lock", 1, 30)  # a render that never ends

    answer = middleware(RequestFactory().get(path))

    assert answer[page_cache.HEADER] == "miss"
    assert renders == [path]
    assert middleware(RequestFactory().get(path))[page_cache.HEADER] == "hit"
