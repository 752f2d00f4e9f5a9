"""Public responses: security headers, no cookie, no third-party host."""

import re

import pytest

from tests.config.test_settings import PRODUCTION
from tests.helpers import project_env, python


@pytest.mark.django_db
def test_public_page_carries_security_headers_and_sets_no_cookie(client):
    response = client.get("/en/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "Set-Cookie" not in response
    assert not response.cookies


@pytest.mark.django_db
def test_public_page_references_no_host_but_its_own(client):
    html = client.get("/en/").content.decode()
    # The quick exit is a plain link to the neutral site of the settings: a
    # place to leave to, never loaded by the page.
    quick_exit = re.findall(r"<a [^>]*data-quick-exit[^>]*>", html)
    assert len(quick_exit) == 1
    html = html.replace(quick_exit[0], "")
    # Canonical and hreflang links are absolute by rule, but on our own host.
    hosts = re.findall(r"""(?:src|href|content)=["']?(?:https?:)?//([^/"']+)""", html)
    assert set(hosts) <= {"testserver"}, hosts


@pytest.mark.redis
def test_production_sends_hsts_and_redirects_plain_http(tmp_path):
    code = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='campaign.example.org')\n"
        "plain = c.get('/en/')\n"
        "secure = c.get('/healthz/live', secure=True)\n"
        "print(json.dumps([plain.status_code, plain.get('Location'),"
        " secure.status_code, dict(secure.headers)]))\n"
    )
    result = python(code, project_env(**PRODUCTION, VAR_DIR=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    import json

    plain_status, location, status, headers = json.loads(result.stdout)
    assert plain_status == 301
    assert location == "https://campaign.example.org/en/"
    assert status == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "Set-Cookie" not in headers
