"""Under every locale, the public site has no sign-in form and sets no cookie.

Wagtail's front-end login (``/<locale>/_util/login/``) is not routed
(config/urls.py): staff sign in at /admin/, and pages restricted to signed-in
users send people there.
"""

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from tests.campaign import builders

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]


def no_cookie(response) -> None:
    assert "Set-Cookie" not in response, response.get("Set-Cookie")
    assert not response.cookies


@pytest.mark.parametrize("code", CODES)
def test_the_front_end_login_is_gone_under_every_locale(client, code):
    for method in (client.get, client.post, client.head):
        response = method(f"/{code}/_util/login/")
        assert response.status_code == 404, (method, code)
        no_cookie(response)
        assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.parametrize("code", CODES)
def test_no_public_response_of_a_locale_sets_a_cookie(client, code):
    page = builders.campaign_page(builders.campaign_index())
    if code != "en":
        page = builders.translation(page, code)
    paths = ["/", f"/{code}/", f"/{code}/campaigns/", page.url, f"/{code}/nope/"]
    statuses = {}
    for path in paths:
        response = client.get(path)
        statuses[path] = response.status_code
        no_cookie(response)
    assert statuses[page.url] == 200
    assert statuses[f"/{code}/nope/"] == 404


def test_a_login_restricted_page_sends_readers_to_the_admin_sign_in(client):
    page = builders.campaign_page(builders.campaign_index())
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    no_cookie(response)
