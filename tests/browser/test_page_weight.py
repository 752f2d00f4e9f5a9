"""A campaign page's first load stays small: at most 60 KB compressed.

Readers may be on a slow or metered connection, and may not want the visit
to linger; the HTML, CSS and JavaScript of a first visit (images excluded)
are measured gzipped, as a server or CDN would send them.
"""

import gzip
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

BUDGET_BYTES = 60 * 1024

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class AssetParser(HTMLParser):
    """Collects the stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.assets.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.assets.append(attributes["src"])


def fetch(url: str) -> bytes:
    with urlopen(url, timeout=30) as response:
        return response.read()


def test_first_load_of_a_campaign_page_is_at_most_60_kb_compressed(demo, live_server):
    own_host = urlsplit(live_server.url).netloc
    for language_code in ("en", "fr-be", "ar"):
        url = demo(language_code)
        html = fetch(url)
        parser = AssetParser()
        parser.feed(html.decode())
        assets = [urljoin(url, href) for href in parser.assets]
        assert assets, "the page references no stylesheet"
        assert all(urlsplit(asset).netloc == own_host for asset in assets), assets

        sizes = {url: len(gzip.compress(html))}
        sizes.update({asset: len(gzip.compress(fetch(asset))) for asset in assets})

        assert sum(sizes.values()) <= BUDGET_BYTES, sizes
