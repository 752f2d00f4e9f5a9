"""Public URLs of pages, and the path a request for one of them carries."""

from urllib.parse import unquote, urlsplit

from wagtail.models import Page


def url_path(url: str) -> str:
    """The decoded path of a URL, as Django's ``request.path`` reads it."""
    return unquote(urlsplit(url).path)


class SiteRootPaths:
    """Wagtail keeps the site root paths on this object between pages, so a
    list of pages costs one query for the sites, not one per page."""


def full_urls(pages) -> set[str]:
    """The absolute URL of each page (an unroutable page has none)."""
    return {url for _page, url in page_urls(pages.only("url_path"))}


def page_urls(pages) -> list[tuple[Page, str]]:
    """Each page with its absolute URL, leaving out unroutable ones."""
    cache_object = SiteRootPaths()
    found = []
    for page in pages:
        url = page.get_full_url(cache_object)
        if url:
            found.append((page, url))
    return found
