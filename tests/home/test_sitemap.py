"""/sitemap.xml: every live page with its live translations as alternates.

A page without a translation in a locale is absent from that locale, and its
URL there answers 404.
"""

from datetime import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction

from home.models import HomePage
from tests.campaign import builders
from tests.home.test_locale_routing import english_campaign, live_homes

pytestmark = [pytest.mark.django_db]

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap(client) -> dict[str, dict[str, str]]:
    """{page URL: {hreflang: URL}} from the parsed sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "Set-Cookie" not in response
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own XML)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        lastmod = url.findtext("sm:lastmod", namespaces=NS)
        # Published pages have one (not the migrations' home, nor aliases).
        if location.endswith("/campaigns/stop/"):
            assert datetime.fromisoformat(lastmod).tzinfo is not None
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries


def path(url: str) -> str:
    return urlsplit(url).path


def test_sitemap_lists_each_live_page_with_its_translations(client):
    page = english_campaign()
    builders.translation(page, "fr-be")
    builders.translation(page, "ar")

    entries = sitemap(client)

    assert {path(url) for url in entries} == {
        "/en/",
        "/en/campaigns/",
        "/en/campaigns/stop/",
        "/fr-be/",
        "/fr-be/campaigns/",
        "/fr-be/campaigns/stop/",
        "/ar/",
        "/ar/campaigns/",
        "/ar/campaigns/stop/",
    }
    for url, alternates in entries.items():
        assert set(alternates) == {"en", "fr-be", "ar", "x-default"}, url
        assert url in alternates.values()
        assert alternates["x-default"] == alternates["en"]
        assert path(alternates["fr-be"]).startswith("/fr-be/")
        assert all(link.startswith("http") for link in alternates.values())


def test_a_page_missing_in_a_locale_is_absent_there_and_its_url_is_404(client):
    page = english_campaign()
    builders.translation(page, "fr-be")
    builders.translation(page, "nl-be", publish=False)  # a draft
    live_homes("da-dk")  # a home page, no campaign
    # fr-ca: not even a home page.

    entries = sitemap(client)
    paths = {path(url) for url in entries}

    campaign = entries[page.get_full_url()]
    assert set(campaign) == {"en", "fr-be", "x-default"}
    assert "/da-dk/" in paths
    for code in ("nl-be", "da-dk", "fr-ca"):
        missing = f"/{code}/campaigns/stop/"
        assert missing not in paths
        assert client.get(missing).status_code == 404, missing
    assert not any(path.startswith("/fr-ca/") for path in paths)


def test_a_locale_whose_home_page_is_not_live_is_left_out(client):
    page = english_campaign()
    builders.translation(page, "fr-ca")
    HomePage.objects.get(locale__language_code="fr-ca").unpublish()

    paths = {path(url) for url in sitemap(client)}

    assert not any(path.startswith("/fr-ca/") for path in paths)
    assert client.get("/fr-ca/campaigns/stop/").status_code == 404


def test_private_pages_are_left_out(client):
    page = english_campaign()
    french = builders.translation(page, "fr-be")
    PageViewRestriction.objects.create(
        page=french, restriction_type="password", password="x"
    )

    entries = sitemap(client)

    assert french.get_full_url() not in entries
    assert entries[page.get_full_url()] == {}  # no other language left


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_the_admin(client):
    response = client.get("/robots.txt", HTTP_HOST="campaign.example.org")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Set-Cookie" not in response
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://campaign.example.org/sitemap.xml" in lines
