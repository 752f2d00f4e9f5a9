"""Exact and immediate eviction: a commit reaches every page that shows it.

The engine publishes, expires and withdraws through Wagtail's actions; the
page signals they send are noted, and flushed once the transaction commits:
the page cache gets new versions and the URLs are purged from Varnish
(tests/cache/test_varnish.py) and queued for the CDN.
"""

import datetime as dt
import re

import pytest
from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published

from campaign.models import CampaignPage, OpeningHours
from campaign.releases import engine as publishing
from campaign.signals import queue_share_images
from delivery import invalidation
from delivery import purge as cache_purge
from tests.cache.conftest import home_url, parent_url, publish, url
from tests.campaign import builders

UTC = dt.UTC
NOON = dt.datetime(2027, 3, 1, 11, 0, tzinfo=UTC)  # 12:00 in Brussels
TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def all_urls(campaign, codes=("en", "da-dk", "fr-be", "nl-be")) -> list[str]:
    urls = []
    for code in codes:
        page = campaign[code]
        urls += [url(page), parent_url(page), home_url(page)]
    return urls


def warm(client, paths) -> dict[str, int]:
    """Request every path twice: cached (or not found) from then on."""
    statuses = {}
    for path in paths:
        client.get(path)
        statuses[path] = client.get(path).status_code
    return statuses


def release(campaign, code="BE"):
    wall = "2027-03-01 12:00"  # NOON in Brussels
    return builders.schedule(campaign["en"], campaign["regions"][code], wall)


@TRANSACTIONAL
def test_after_a_release_the_next_request_in_every_affected_locale_shows_it(
    client, campaign, page_cache_on
):
    paths = all_urls(campaign)
    fr_path, nl_path = url(campaign["fr-be"]), url(campaign["nl-be"])
    before = warm(client, paths)
    assert before[fr_path] == before[nl_path] == 404
    assert 'hreflang="fr-be"' not in client.get(url(campaign["da-dk"])).text

    outcome = publishing.publish_release(release(campaign).pk, now=NOON)

    assert outcome.result == "published"
    for path in (fr_path, nl_path):
        response = client.get(path)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"
    assert "Arrêtez avant" in client.get(fr_path).text
    # Every translation's language list and hreflang links name the new ones;
    # the locale's index and home page list the campaign.
    for code in ("en", "da-dk", "fr-be", "nl-be"):
        page_path = url(campaign[code])
        assert 'hreflang="fr-be"' in client.get(page_path).text
    for path in (parent_url(campaign["fr-be"]), home_url(campaign["fr-be"])):
        assert fr_path in client.get(path).text


@TRANSACTIONAL
def test_a_withdrawal_turns_every_cached_copy_into_410_at_once(
    client, campaign, page_cache_on
):
    publishing.publish_release(release(campaign).pk, now=NOON)
    paths = all_urls(campaign)
    campaign_paths = [url(campaign[code]) for code in ("en", "da-dk", "fr-be")]
    assert all(status == 200 for status in warm(client, paths).values())

    unpublished, _cancelled = publishing.withdraw_campaign(campaign["en"])

    assert len(unpublished) == 4
    for path in campaign_paths:
        assert client.get(path).status_code == 410  # gone, with help (home/gone.py)
    for code in ("en", "fr-be"):
        listing = parent_url(campaign[code])
        assert url(campaign[code]) not in client.get(listing).text


def without_clock(html: str) -> str:
    return re.sub(r'<span class="status__time">[^<]*</span>', "", html)


@pytest.mark.redis  # exact: the local-memory fallback evicts every page
@pytest.mark.django_db
def test_a_helpline_edit_reaches_every_page_that_shows_it(
    client, campaign, page_cache_on, committing
):
    for code in ("fr-be", "nl-be"):
        publish(campaign[code])
    belgian = [url(campaign["fr-be"]), url(campaign["nl-be"])]
    danish = url(campaign["da-dk"])
    warm(client, [*belgian, danish])
    helpline = campaign["helplines"]["be"]
    helpline.name = "Stop it now (new number)"

    with committing():
        helpline.save()

    for path in belgian:  # nl-be shows the fr-be helpline until translated
        assert "Stop it now (new number)" in client.get(path).text
    assert client.get(danish)["X-Page-Cache"] == "hit"


@pytest.mark.redis  # exact: the local-memory fallback evicts every page
@pytest.mark.django_db
@pytest.mark.parametrize("change", ["legal_text", "opening_hours", "region_zone"])
def test_regional_content_reaches_the_region_s_pages_only(
    client, campaign, page_cache_on, committing, change
):
    danish, english = url(campaign["da-dk"]), url(campaign["en"])
    warm(client, [danish, english])
    denmark = campaign["regions"]["DK"]
    with committing():
        if change == "legal_text":
            text = denmark.legal_texts.get()
            text.title = "Straffeloven 2027"
            text.save()
        elif change == "opening_hours":
            OpeningHours.objects.create(
                helpline=campaign["helplines"]["dk"],
                weekday=0,
                opens=dt.time(9),
                closes=dt.time(17),
            )
        else:
            denmark.time_zone = "Europe/Berlin"
            denmark.save()
    assert client.get(danish)["X-Page-Cache"] == "miss"
    assert client.get(english)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_new_slug_leaves_no_copy_at_the_old_url(
    client, campaign, page_cache_on, committing
):
    page = campaign["da-dk"]
    old = url(page)
    warm(client, [old])
    page.slug = "ny-kampagne"
    with committing():
        publish(page)
    moved = client.get(old)
    assert moved.status_code == 301  # Wagtail's automatic redirect
    assert "X-Page-Cache" not in moved
    assert client.get(url(page)).status_code == 200


@pytest.mark.django_db
def test_a_rolled_back_change_evicts_nothing_and_the_next_commit_still_does(
    client, campaign, page_cache_on, committing
):
    danish, english = url(campaign["da-dk"]), url(campaign["en"])
    warm(client, [danish, english])
    with committing():
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(campaign["da-dk"])
            raise RuntimeError("the publication failed")
    assert client.get(english)["X-Page-Cache"] == "hit"
    with committing():
        publish(campaign["en"])
    assert client.get(english)["X-Page-Cache"] == "miss"
    assert client.get(danish)["X-Page-Cache"] == "miss"  # its language list


@pytest.mark.django_db
def test_one_transaction_is_one_batch_of_urls(campaign, committing):
    with committing(execute=False) as callbacks, transaction.atomic():
        publish(campaign["fr-be"])
        publish(campaign["nl-be"])
    batches = [
        callback.__self__
        for callback in callbacks
        if isinstance(getattr(callback, "__self__", None), invalidation.Batch)
    ]
    assert len(batches) == 1
    urls = invalidation.affected_urls(batches[0])
    paths = {invalidation.url_path(item) for item in urls}
    assert set(all_urls(campaign)) <= paths


class RecordingBackend:
    """A CDN that records its purge requests."""

    calls: list[list[str]] = []

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname) -> bool:
        return True

    def purge(self, url) -> None:
        self.calls.append([url])

    def purge_batch(self, urls) -> None:
        self.calls.append(list(urls))


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": f"{__name__}.RecordingBackend"}
    }
    RecordingBackend.calls = []
    return RecordingBackend.calls


@TRANSACTIONAL
def test_a_release_sends_one_purge_request_for_all_its_locales(
    campaign, page_cache_on, cdn
):
    # Share images are rendered after the release, each page on its own: a
    # change of its own (its og:image), purged in a later batch.
    page_published.disconnect(
        sender=CampaignPage, dispatch_uid="campaign.queue_share_images"
    )
    try:
        publishing.publish_release(release(campaign).pk, now=NOON)
    finally:
        page_published.connect(
            queue_share_images,
            sender=CampaignPage,
            dispatch_uid="campaign.queue_share_images",
        )
    assert len(cdn) == 1
    paths = {invalidation.url_path(item) for item in cdn[0]}
    assert set(all_urls(campaign)) <= paths
    assert all(item.startswith("http://localhost/") for item in cdn[0])


@pytest.mark.redis
@pytest.mark.django_db
def test_purges_of_a_wave_wait_for_each_other(page_cache_on, cdn, monkeypatch):
    from delivery import tasks

    sent = []
    monkeypatch.setattr(
        tasks.purge_frontend_cache, "apply_async", lambda **kw: sent.append(kw)
    )
    cache_purge.queue(["http://localhost/fr-be/a/", "http://localhost/en/"])
    cache_purge.queue(["http://localhost/nl-be/a/", "http://localhost/en/"])
    assert len(sent) == 1  # one task for both commits
    assert cache_purge.purge() == 3
    cache_purge.queue(["http://localhost/da-dk/a/"])
    assert len(sent) == 2  # queued after the purge: a new one
    assert cache_purge.purge() == 1
    assert [sorted(batch) for batch in cdn] == [
        [
            "http://localhost/en/",
            "http://localhost/fr-be/a/",
            "http://localhost/nl-be/a/",
        ],
        ["http://localhost/da-dk/a/"],
    ]


@pytest.mark.django_db
def test_deleting_a_page_evicts_it_and_what_listed_it(
    client, campaign, page_cache_on, committing
):
    danish = campaign["da-dk"]
    paths = [url(danish), parent_url(danish), url(campaign["en"])]
    warm(client, paths)
    with committing():
        Page.objects.get(pk=danish.pk).delete()
    assert client.get(paths[0]).status_code == 404
    assert paths[0] not in client.get(paths[1]).text
    assert 'hreflang="da-dk"' not in client.get(paths[2]).text
