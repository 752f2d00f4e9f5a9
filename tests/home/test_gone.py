"""A withdrawn or expired campaign's URL: 410 Gone, with help, naming nothing.

People follow posters and shared links long after a campaign ends; they get
the region's helplines and a way to the live campaigns, in the URL's
language. A URL that never served a public page stays 404.
"""

import pytest
from wagtail.contrib.redirects.models import Redirect

from campaign import publication
from campaign.models import CampaignPage, Helpline
from tests.campaign import builders
from tests.campaign.test_rendering import (  # noqa: F401 (fixtures)
    every_block,
    fresh_caches,
    make_page,
    media,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def withdrawn_in_belgium(media):  # noqa: F811
    belgium = builders.region("BE", "Europe/Brussels", "fr-be")
    builders.region("INT", "UTC", "en")
    builders.helpline(belgium, "fr-be", "Écoute Belgique (exemple)", phone="02 1234567")
    source = make_page(every_block(media), title="Arrêtez avant de commencer")
    page = builders.translation(source, "fr-be")
    page = CampaignPage.objects.get(pk=page.pk)  # publish() saved another copy
    url = page.url
    page.unpublish()  # what withdrawal and expiry do
    return url


def test_a_withdrawn_campaign_url_answers_410_with_help_and_none_of_its_text(
    client, withdrawn_in_belgium
):
    response = client.get(withdrawn_in_belgium)

    assert response.status_code == 410
    html = response.content.decode()
    assert '<html lang="fr-be"' in html
    assert "Écoute Belgique (exemple)" in html
    assert 'href="tel:+3221234567"' in html
    assert 'href="/fr-be/"' in html  # the way to the live campaigns
    assert "Arrêtez avant de commencer" not in html  # the title
    assert "Stop before you start" not in html  # the hero headline
    assert "Making abuse images with AI" not in html  # the standfirst
    assert '<meta name="robots" content="noindex">' in html
    assert "Set-Cookie" not in response


def test_a_url_that_never_existed_stays_404(client, withdrawn_in_belgium):
    assert client.get("/fr-be/campaigns/never-was/").status_code == 404
    assert client.get("/fr-fr/campaigns/stop/").status_code == 404


def test_a_draft_never_published_is_404_not_gone(client, media):  # noqa: F811
    builders.region("INT", "UTC", "en")
    index = builders.campaign_index()
    draft = CampaignPage(title="Not yet", slug="not-yet", body=[], live=False)
    index.add_child(instance=draft)

    assert client.get("/en/campaigns/not-yet/").status_code == 404


def test_a_live_campaign_is_served_as_usual(client, media):  # noqa: F811
    builders.region("INT", "UTC", "en")
    page = make_page(every_block(media))
    assert client.get(page.url).status_code == 200


def test_a_republished_campaign_answers_200_again(client, withdrawn_in_belgium):
    assert client.get(withdrawn_in_belgium).status_code == 410
    page = CampaignPage.objects.get(locale__language_code="fr-be")
    with publication.permitted("test"):
        page.save_revision().publish()

    response = client.get(withdrawn_in_belgium)
    assert response.status_code == 200
    assert "Arrêtez avant de commencer" in response.content.decode()


def test_the_410_is_rendered_once_and_then_costs_a_few_queries(
    client, withdrawn_in_belgium, django_assert_max_num_queries
):
    first = client.get(withdrawn_in_belgium)
    with django_assert_max_num_queries(4):
        again = client.get(withdrawn_in_belgium)
    assert again.status_code == 410
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_helpline_change_reaches_the_410_at_once(
    client, withdrawn_in_belgium, django_capture_on_commit_callbacks
):
    assert (
        "Écoute Belgique (exemple)" in client.get(withdrawn_in_belgium).content.decode()
    )
    helpline = Helpline.objects.get(name="Écoute Belgique (exemple)")
    helpline.name = "Écoute Wallonie (exemple)"
    with django_capture_on_commit_callbacks(execute=True):
        helpline.save()

    html = client.get(withdrawn_in_belgium).content.decode()
    assert "Écoute Wallonie (exemple)" in html
    assert "Écoute Belgique (exemple)" not in html


def test_a_redirect_from_a_gone_url_still_wins(client, withdrawn_in_belgium):
    Redirect.objects.create(
        old_path=Redirect.normalise_path(withdrawn_in_belgium), redirect_link="/fr-be/"
    )

    response = client.get(withdrawn_in_belgium)
    assert response.status_code in (301, 302)
    assert response["Location"] == "/fr-be/"
