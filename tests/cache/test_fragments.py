"""What renders share (delivery/fragments.py): kept between requests, and
never shown once a change to it has committed.

Each change goes through the real path: its on-commit flush
(``delivery.invalidation``) runs as after a commit (``committing``), with
the page cache off, as the benchmark's uncached renders have it.
"""

import re
from datetime import time

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from campaign.models import OpeningHours
from delivery import fragments
from home.models import Organisation, SiteIdentity
from tests.cache.test_invalidation import without_clock
from tests.campaign import builders

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    """Production's default; the test settings turn them off."""
    settings.RENDER_FRAGMENTS = True


@pytest.fixture
def shown():
    region = builders.region("INT", "UTC", "en", "fr-be", name="International")
    helpline = builders.helpline(region, "en", "Stop It Now", phone="+442079460000")
    OpeningHours.objects.create(
        helpline=helpline, weekday=0, opens=time(9), closes=time(17)
    )
    builders.legal_text(region, "en", title="The law in brief")
    body = [
        {"type": "help_call_to_action", "value": {"heading": "Get help"}, "id": "a"}
    ]
    return builders.campaign_page(builders.campaign_index(), body=body)


def render(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def test_a_second_render_reads_only_the_page(client, shown):
    with CaptureQueriesContext(connection) as first:
        html = render(client, shown)
    with CaptureQueriesContext(connection) as second:
        # The same page; "open now" names the minute it was rendered in.
        assert without_clock(render(client, shown)) == without_clock(html)

    # The shown's own row and nothing of what other pages share.
    assert len(second) < len(first)
    assert len(second) <= 2, [query["sql"][:80] for query in second]


def test_a_helpline_renamed_shows_at_once(client, shown, committing):
    assert "Stop It Now" in render(client, shown)

    with committing():
        helpline = shown.helplines()[0]
        helpline.name = "Talk to Someone"
        helpline.save()

    html = render(client, shown)
    assert "Talk to Someone" in html and "Stop It Now" not in html


def test_new_opening_hours_show_at_once(client, shown, committing):
    assert "Tuesday" in render(client, shown)  # closed that day until now

    with committing():
        OpeningHours.objects.create(
            helpline=shown.helplines()[0], weekday=1, opens=time(7), closes=time(8)
        )

    assert re.search(r"7:00\s*AM", render(client, shown))


def test_a_translation_published_then_unpublished_joins_and_leaves_the_switcher(
    client, shown, committing
):
    assert 'hreflang="fr-be"' not in render(client, shown)

    with committing():
        french = builders.translation(shown, "fr-be")
    assert 'hreflang="fr-be"' in render(client, shown)

    with committing():
        french.unpublish()
    assert 'hreflang="fr-be"' not in render(client, shown)


def test_a_view_restriction_applies_to_a_page_already_routed(client, shown, committing):
    assert "Get help" in render(client, shown)

    with committing():
        PageViewRestriction.objects.create(
            page=shown, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    assert "Get help" not in client.get(shown.url).content.decode()


def test_a_new_slug_moves_the_page(client, shown, committing):
    old_url = shown.url
    render(client, shown)

    with committing():
        shown.slug = "stop-now"
        builders.publish_revision(shown.save_revision())

    shown.refresh_from_db()
    assert shown.url != old_url
    moved = client.get(old_url)  # Wagtail's redirect, once no page answers
    assert (moved.status_code, moved["Location"]) == (301, shown.url)
    assert "Get help" in render(client, shown)


def test_the_organisation_renamed_shows_in_header_and_footer(client, shown, committing):
    with committing():
        organisation = Organisation.objects.create(
            locale=builders.locale("en"),
            name="Example Agency",
            short_name="EA",
            introduction="We are invented.",
            legal_notice="Published by nobody.",
        )
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.organisation = organisation
        identity.save()
    assert "Example Agency" in render(client, shown)

    with committing():
        organisation.name = "Renamed Agency"
        organisation.save()

    html = render(client, shown)
    assert "Renamed Agency" in html and "Example Agency" not in html


def test_a_site_moved_to_another_host_answers_there(client, shown, committing):
    render(client, shown)

    with committing():
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.is_default_site = "example.org", False
        site.save()

    assert client.get(shown.url).status_code == 404  # no site for "testserver"
    assert client.get(shown.url, HTTP_HOST="example.org").status_code == 200


def test_nothing_is_kept_without_a_shared_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    computed = []

    for _ in range(2):
        fragments.remember(RequestFactory().get("/"), "key", lambda: computed.append(1))

    assert computed == [1, 1]


def test_a_generation_outlives_no_commit():
    request = RequestFactory().get("/")
    assert fragments.remember(request, "key", lambda: "before") == "before"
    assert fragments.remember(RequestFactory().get("/"), "key", lambda: 0) == "before"

    fragments.bump()

    assert fragments.remember(RequestFactory().get("/"), "key", lambda: 0) == 0
