"""deploy/nginx.conf: the snapshot when there is one, Django otherwise, and
the same headers either way."""

import http.client
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from home import page_cache, snapshots
from tests.bench.bench_http import free_port, nginx, nginx_conf
from tests.cache.conftest import url

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
    assert django == nginx_headers()


def test_nginx_and_the_page_cache_agree_on_what_may_be_served_from_a_file():
    text = (DEPLOY / "nginx.conf").read_text()
    assert f'add_header Cache-Control "{settings.PAGE_CACHE_CONTROL}"' in text
    for name in page_cache.TRACKING_PARAMS:
        assert f"|{name}" in text or f"({name}" in text
    assert page_cache.TRACKING_PREFIX in text
    for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert cookie in text


def request(port, path, headers=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, headers={"Host": "localhost", **(headers or {})})
        response = conn.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            (response.read()),
        )
    finally:
        conn.close()


@pytest.fixture
def served_folder():
    """A folder nginx's workers (www-data when run as root) can read."""
    folder = Path(tempfile.mkdtemp(prefix="cm-nginx-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.nginx
def test_the_shipped_nginx_serves_snapshots_and_falls_back_to_django(
    campaign, live_server, page_cache_on, settings, served_folder
):
    settings.SNAPSHOT_ENABLED = True
    settings.SNAPSHOT_ROOT = served_folder / "snapshots"
    snapshots.refresh()
    port = free_port()
    upstream = int(live_server.url.rsplit(":", 1)[1])
    conf = nginx_conf(served_folder, port, upstream, served_folder)
    path = url(campaign["da-dk"])
    item = snapshots.target(f"http://localhost{path}")
    with nginx(conf, served_folder / "nginx.log"):
        _wait(port)
        status, headers, body = request(port, path)
        assert status == 200
        assert headers["x-page-cache"] == "snapshot"
        assert body == item.file.read_bytes()
        for name, value in nginx_headers().items():
            assert headers[name] == value
        assert headers["content-language"] == "da-dk"
        assert headers["content-type"] == "text/html; charset=utf-8"

        gz = request(port, path, {"Accept-Encoding": "gzip"})[1]
        assert gz["content-encoding"] == "gzip"
        assert request(port, path, {"If-None-Match": headers["etag"]})[0] == 304
        assert request(port, path + "?utm_source=ad")[1]["x-page-cache"] == "snapshot"
        for variant in (
            {"headers": {"Cookie": "sessionid=abc"}},
            {"headers": {"Cookie": "theme=dark; csrftoken=abc"}},
            {"method": "POST"},
        ):
            answer = request(port, path, **variant)[1]
            assert answer.get("x-page-cache") != "snapshot"
        assert request(port, path + "?page=2")[1]["x-page-cache"] != "snapshot"
        assert "x-page-cache" not in request(port, "/")[1]

        campaign["da-dk"].unpublish()  # commits: the snapshot goes at once

        status, headers, _body = request(port, path)
        assert status == 404
        assert "x-page-cache" not in headers


def _wait(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            request(port, "/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("nginx did not answer")
