"""The card, the snippet and the click-through links."""

import re

import pytest
from django.core import signing

from outreach import counters, go
from outreach.models import ReachCount
from tests.outreach.conftest import ORIGIN, make_partner

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]


def card(client, partner, **params):
    return client.get("/embed/warning/", {"partner": partner.slug, **params})


def directives(response) -> dict:
    policy = response["Content-Security-Policy"]
    return {
        part.split(" ", 1)[0]: part.split(" ", 1)[1]
        for part in (item.strip() for item in policy.split(";"))
    }


def test_card_is_framable_by_the_partners_origins_only(client, world):
    response = card(client, world.partner, region="BE", lang="nl")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ORIGIN
    assert policy["script-src"] == "'self'"
    assert "X-Frame-Options" not in response
    assert "Set-Cookie" not in response.headers
    other, _key = make_partner("Search", origins=("https://search.example",))
    assert directives(card(client, other, region="BE"))["frame-ancestors"] == (
        "https://search.example"
    )


def test_card_is_localized_and_right_to_left_in_arabic(client, world):
    dutch = card(client, world.partner, region="BE", lang="nl").content.decode()
    assert '<html lang="nl-be" dir="ltr">' in dutch
    assert "NL " in dutch
    assert "<script" not in dutch
    arabic = card(client, world.partner, region="INT", lang="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "توقف" in arabic


def test_card_errors_are_refused_plainly(client, world):
    assert client.get("/embed/warning/", {"partner": "nobody"}).status_code == 404
    response = card(client, world.partner, region="DK")
    assert response.status_code == 404
    assert directives(response)["frame-ancestors"] == ORIGIN


def test_snippet_is_a_fragment_without_a_frame(client, world):
    response = client.get(
        "/embed/warning/snippet",
        {"partner": world.partner.slug, "region": "BE", "lang": "nl"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<aside class="cm-warning"')
    assert "<html" not in html


def test_a_click_redirects_and_counts_once(client, world):
    html = card(client, world.partner, region="BE", lang="nl").content.decode()
    link = re.search(r'class="cm-warning__action" href="([^"]+)"', html)[1]
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("http")
    assert response["Referrer-Policy"] == "no-referrer"
    counters.fold()
    [row] = ReachCount.objects.all()
    assert (row.impressions, row.clicks) == (1, 1)
    assert (row.region, row.locale) == ("BE", "nl-be")


def test_a_tampered_token_is_refused_and_counts_nothing(client, world):
    token = go.token(world.partner.pk, world.source.pk, "BE", "nl-be",
                     world.variants[0].pk, "https://help.example.org/")  # fmt: skip
    forged = signing.dumps(
        [world.partner.pk, world.source.pk, "BE", "nl-be", world.variants[0].pk,
         "https://evil.example/"], salt="another",
    )  # fmt: skip
    for bad in (token[:-2] + "xx", forged, "nonsense", token.replace("W", "V", 1)):
        assert client.get(f"/go/{bad}").status_code == 400
    counters.fold()
    assert not ReachCount.objects.exists()
    assert client.get(f"/go/{token}").status_code == 302
