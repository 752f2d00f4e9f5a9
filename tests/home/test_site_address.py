"""Absolute URLs name the configured public address, not http://localhost/."""

import re

import pytest
from django.core.management import CommandError, call_command

from campaign import publication
from tests.campaign import builders
from tests.campaign.test_rendering import (  # noqa: F401 (fixtures)
    every_block,
    fresh_caches,
    make_page,
    media,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

PUBLIC = "https://campaign.example.org"


@pytest.fixture
def shared_page(media, settings):  # noqa: F811
    settings.PUBLIC_BASE_URL = PUBLIC
    builders.region("INT", "UTC", "en")
    page = make_page(every_block(media))
    page.share_image = builders.image("Share")
    with publication.permitted("test"):
        page.save_revision().publish()
    call_command("set_site_address")
    return page


def test_sitemap_and_og_image_carry_the_configured_host(client, shared_page):
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(url.startswith(f"{PUBLIC}/") for url in locations)

    html = client.get(shared_page.url).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert og_image.group(1).startswith(f"{PUBLIC}/media/")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical.group(1) == f"{PUBLIC}/en/campaigns/stop/"
    assert "localhost" not in html


def test_a_plain_http_address_keeps_its_port(client, shared_page):
    call_command("set_site_address", "http://127.0.0.1:8123")
    html = client.get(shared_page.url).content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8123/en/campaigns/stop/">' in (
        html
    )


@pytest.mark.parametrize(
    "bad",
    ["campaign.example.org", "ftp://campaign.example.org", "https://x.org:8443",
     "https://x.org/site/"],
)  # fmt: skip
def test_an_address_that_cannot_be_served_is_refused_with_the_reason(bad):
    with pytest.raises(CommandError, match=re.escape(f"“{bad}”")):
        call_command("set_site_address", bad)
