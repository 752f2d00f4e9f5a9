"""The full-page cache, request by request: what it keeps, what it never does."""

import gzip

import brotli
import pytest
from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Concat
from wagtail import hooks
from wagtail.models import Page

from delivery import page_cache
from delivery import versions as cache_versions
from home.branding import style_hash
from home.models import SiteIdentity
from home.security import content_security_policy

pytestmark = [pytest.mark.django_db]


def cached_title_change(page, suffix: str = " (changed)") -> None:
    """Change the title behind the cache's back: no signal, no eviction."""
    Page.objects.filter(pk=page.pk).update(title=Concat(F("title"), Value(suffix)))


def test_a_second_anonymous_request_is_a_hit_with_the_same_page(
    client, page_cache_on, campaign
):
    path = campaign["da-dk"].get_url()
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Stop før du starter" in second.content.decode()
    for response in (first, second):
        assert not response.cookies
        assert response["Vary"] == "Accept-Encoding"
        # The brand colours' one <style>, allowed by its hash, kept by a hit.
        assert response["Content-Security-Policy"] == content_security_policy(
            {
                **settings.CONTENT_SECURITY_POLICY,
                "style-src": "'self' " + style_hash(SiteIdentity().css),
            }
        )
        assert response["X-Frame-Options"] == "DENY"
        assert response["Content-Language"] == "da-dk"
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert int(response["Content-Length"]) == len(response.content)


def test_the_cache_serves_its_copy_until_something_evicts_it(
    client, page_cache_on, campaign
):
    path = campaign["da-dk"].get_url()
    client.get(path)
    cached_title_change(campaign["da-dk"])
    assert "(changed)" not in client.get(path).content.decode()
    cache_versions.invalidate([path])
    assert "(changed)" in client.get(path).content.decode()


def test_a_repeated_conditional_request_gets_304(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    first = client.get(path)
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    cache_versions.invalidate([path])
    cached_title_change(campaign["da-dk"])
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 200


def test_html_is_compressed_with_brotli_or_gzip(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    plain = client.get(path).content
    br = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    gz = client.get(path, headers={"Accept-Encoding": "gzip, br;q=0"})
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    assert br["ETag"] != gz["ETag"]
    assert len(gz.content) < len(plain) / 2


def test_query_parameters_no_page_reads_share_the_copy(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    client.get(path)
    ad = client.get(path + "?utm_source=press&gclid=abc123")
    other = client.get(path + "?page=2")
    assert ad["X-Page-Cache"] == other["X-Page-Cache"] == "hit"


def test_a_request_with_a_session_cookie_never_gets_the_cached_copy(
    client, page_cache_on, campaign
):
    path = campaign["da-dk"].get_url()
    client.get(path)
    cached_title_change(campaign["da-dk"])
    for cookie in ("sessionid", "csrftoken"):
        client.cookies.clear()
        client.cookies[cookie] = "somebody-else"
        response = client.get(path)
        assert response["X-Page-Cache"] == "bypass"
        assert "(changed)" in response.content.decode()
        assert "private" in response["Cache-Control"]
    client.cookies.clear()
    assert "(changed)" not in client.get(path).content.decode()


def test_a_logged_in_editor_never_populates_the_public_cache(
    client, page_cache_on, campaign, django_user_model
):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "x")
    path = campaign["da-dk"].get_url()
    client.force_login(editor)
    assert client.get(path)["X-Page-Cache"] == "bypass"
    assert client.get(path)["X-Page-Cache"] == "bypass"
    client.logout()
    client.cookies.clear()
    assert client.get(path)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("path", ["/", "/healthz", "/admin/login/", "/documents/1/x"])
def test_the_root_admin_health_and_documents_are_never_cached(
    client, page_cache_on, campaign, path
):
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


def test_a_page_not_found_is_not_cached(client, page_cache_on, campaign):
    response = client.get("/da-dk/no-such-page/")
    assert response.status_code == 404
    assert "X-Page-Cache" not in response


def test_a_render_that_raced_a_publication_is_never_served(
    client, page_cache_on, campaign
):
    path = campaign["da-dk"].get_url()

    def publication_commits_meanwhile(next_serve):
        def serve(page, request, args, kwargs):
            cache_versions.invalidate([request.path])
            return next_serve(page, request, args, kwargs)

        return serve

    with hooks.register_temporarily("on_serve_page", publication_commits_meanwhile):
        assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_past_its_freshness_one_request_renders_the_others_get_the_copy(
    client, page_cache_on, campaign, settings
):
    settings.PAGE_CACHE_TTL = 0
    path = campaign["da-dk"].get_url()
    assert client.get(path)["X-Page-Cache"] == "miss"
    key = page_cache.entry_key("testserver", path)
    page_cache.backend().add(f"{key}:lock", 1, 10)  # another request renders
    assert client.get(path)["X-Page-Cache"] == "stale"
    page_cache.backend().delete(f"{key}:lock")
    assert client.get(path)["X-Page-Cache"] == "miss"


def test_a_lost_version_key_never_revives_an_old_copy(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    client.get(path)
    page_cache.backend().delete(page_cache.version_key(path))
    assert client.get(path)["X-Page-Cache"] == "miss"


def test_a_head_request_is_served_without_a_body(client, page_cache_on, campaign):
    path = campaign["da-dk"].get_url()
    length = len(client.get(path).content)
    response = client.head(path)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert int(response["Content-Length"]) == length


def test_with_a_local_memory_cache_an_eviction_in_another_process_reaches_it(
    client, page_cache_on, campaign, settings
):
    """Without Redis each process has its own cache: the worker's eviction
    reaches the web processes through the stamp file every eviction touches."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"page-cache-{page_cache_on}",
        },
    }
    assert not cache_versions.shared()
    path = campaign["da-dk"].get_url()
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    cache_versions.touch_stamp()  # what invalidate() does in the worker
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
