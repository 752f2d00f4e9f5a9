"""delivery/routing.py finds the page Wagtail's own routing finds, in two
queries, and leaves to Wagtail what it cannot decide."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from delivery import routing
from tests.cache.conftest import url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def wagtail_route(request, path):
    site = Site.find_for_request(request)
    components = [part for part in path.split("/") if part]
    try:
        return site.root_page.localized.specific.route(request, components)
    except Http404:
        return None


def compare(path: str, language: str):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        ours = routing.find(request, path)
        theirs = wagtail_route(RequestFactory().get(f"/{language}/{path}"), path)
    return ours, theirs


def test_it_routes_every_page_as_wagtail_does(campaign):
    assert routing.routes_by_url_path()
    for code in ("en", "da-dk"):
        page = campaign[code]
        path = url(page).split("/", 2)[2]  # without the locale prefix
        parent = path.rsplit("/", 2)[0] + "/"
        for candidate in (path, parent, ""):
            ours, theirs = compare(candidate, code)
            assert ours is not None and ours is not NotImplemented
            assert ours.page.pk == theirs.page.pk
            assert type(ours.page) is type(theirs.page)
            assert ours.page.locale.language_code == code


def test_a_page_that_is_not_live_is_not_found(campaign):
    page = campaign["da-dk"]
    Page.objects.filter(pk=page.pk).update(live=False)
    path = page.url_path.split("/", 2)[2]
    ours, theirs = compare(path, "da-dk")
    assert ours is None and theirs is None


def test_what_it_cannot_decide_is_left_to_wagtail(campaign):
    ours, theirs = compare("campaigns/no-such-page/", "da-dk")
    assert ours is NotImplemented and theirs is None
    # No home in this locale: Wagtail's own fallback (and the locale hook).
    ours, _theirs = compare("campaigns/stop/", "fr-ca")
    assert ours is NotImplemented
