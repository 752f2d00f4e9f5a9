"""deploy/nginx.conf: TLS in front of Varnish, its own scheme for Django, no
client address in any log, and documents' bytes with ranges."""

import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.utils import sendfile as wagtail_sendfile

from home.identity import STYLE_HASHES
from tests.bench.bench_http import nginx
from tests.cache.conftest import url
from tests.cache.front import request, shipped_nginx_conf, varnish
from tests.campaign import builders

DEPLOY = Path(settings.BASE_DIR) / "deploy"
#: Headers that belong to one answer, not to the site's policy.
PER_ANSWER = {
    "content-type",
    "content-length",
    "content-language",
    "vary",
    "etag",
    "last-modified",
    "cache-control",
    "x-page-cache",
    "date",
}


def nginx_headers() -> dict[str, str]:
    text = (DEPLOY / "security-headers.conf").read_text()
    return {
        name.lower(): value
        for name, value in re.findall(r'^add_header (\S+) "(.*)" always;$', text, re.M)
    }


@pytest.mark.django_db
def test_nginx_adds_every_security_header_django_sends(client, campaign):
    response = client.get(url(campaign["da-dk"]))
    django = {
        name.lower(): value
        for name, value in response.items()
        if name.lower() not in PER_ANSWER
    }
    # A page's policy also allows, by hash, its own brand <style> (home/
    # security.py); nginx's files have none, so theirs is the policy without.
    hashes = sorted(getattr(response.wsgi_request, STYLE_HASHES))
    assert hashes
    expected = nginx_headers()
    expected["content-security-policy"] = expected["content-security-policy"].replace(
        "style-src 'self';", " ".join(["style-src 'self'", *hashes]) + ";"
    )
    assert django == expected


def test_varnish_passes_what_the_page_cache_never_shares():
    text = (DEPLOY / "varnish" / "default.vcl").read_text()
    for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert cookie in text
    assert "s-maxage=" in settings.PAGE_CACHE_CONTROL


@pytest.fixture
def served_folder():
    """A folder nginx's and Varnish's workers (other users) can read."""
    folder = Path(tempfile.mkdtemp(prefix="cm-nginx-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def front(live_server, page_cache_on, settings, served_folder):
    """nginx (TLS) -> Varnish -> the live server, documents sent by nginx."""
    media = served_folder / "media"
    media.mkdir(mode=0o755)
    settings.MEDIA_ROOT = media
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_ROOT = str(media)
    settings.SENDFILE_URL = "/media"
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    wagtail_sendfile._get_sendfile.clear()
    upstream = int(live_server.url.rsplit(":", 1)[1])
    with varnish(served_folder, upstream) as cache:
        conf, server = shipped_nginx_conf(
            served_folder, cache.port, upstream, served_folder
        )
        with nginx(conf, served_folder / "nginx.log"):
            _wait(server.https_port)
            yield server
    wagtail_sendfile._get_sendfile.clear()


def tls(server, path, **kwargs):
    return request(server.https_port, path, tls=True, **kwargs)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.nginx
@pytest.mark.varnish
def test_the_shipped_nginx_serves_pages_through_varnish_over_tls(campaign, front):
    path = url(campaign["da-dk"])
    tls(front, path)
    status, headers, _body = tls(front, path)
    assert status == 200
    assert headers["x-cache"] == "hit"
    # A client-sent scheme is nginx's to set: Django, which redirects plain
    # HTTP here, sees HTTPS whatever the client claims.
    spoofed = {"X-Forwarded-Proto": "http", "Cookie": "sessionid=x"}  # to Django
    assert tls(front, path, headers=spoofed)[0] == 200
    # Plain HTTP: nginx redirects, whatever the client claims.
    status, headers, _body = request(
        front.http_port, path, headers={"X-Forwarded-Proto": "https"}
    )
    assert status == 301
    assert headers["location"] == f"https://localhost{path}"
    assert request(front.http_port, "/healthz/live")[0] == 200

    # Errors that nginx would log with the reader's address.
    assert tls(front, "/static/no-such-file.css")[0] == 404
    assert tls(front, "/media/documents/secret.pdf")[0] == 404
    time.sleep(0.2)
    logged = front.error_log.read_text() if front.error_log.exists() else ""
    assert "client:" not in logged
    assert "127.0.0.1" not in logged


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.nginx
@pytest.mark.varnish
def test_a_video_answers_a_range_request_with_206_from_nginx(front):
    content = bytes(range(256)) * 400  # 100 kB standing in for an MP4
    video = builders.document("clip.mp4", content, title="Clip")
    (Path(settings.MEDIA_ROOT) / "documents").chmod(0o755)
    (Path(settings.MEDIA_ROOT) / video.file.name).chmod(0o644)

    status, headers, body = tls(front, video.url, headers={"Range": "bytes=100-199"})

    assert status == 206
    assert headers["content-range"] == f"bytes 100-199/{len(content)}"
    assert body == content[100:200]
    assert headers["content-type"] == "video/mp4"
    assert headers["content-disposition"].startswith("inline")
    assert "x-accel-redirect" not in headers
    status, headers, body = tls(front, video.url)
    assert status == 200
    assert headers["accept-ranges"] == "bytes"
    assert body == content


def _wait(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            request(port, "/healthz", tls=True)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("nginx did not answer")
