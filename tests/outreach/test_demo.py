"""The demo's warning: two wordings in every locale and an example partner."""

import io

import pytest
from django.core.management import call_command

from demo.content.pages import page_locale_codes
from demo.content.warnings import EXAMPLE_KEY
from outreach.models import Partner, WarningVariant

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]


def test_the_demo_warning_is_live_in_every_locale_for_the_example_partner(
    client, outreach_redis
):
    call_command("seed_demo", stdout=io.StringIO())
    codes = page_locale_codes()
    for code in codes:
        assert WarningVariant.objects.filter(locale__language_code=code).count() == 2
    partner = Partner.objects.get(slug="example-partner")
    assert partner.is_example and "example" in partner.name.lower()
    headers = {"Authorization": f"Bearer {EXAMPLE_KEY}"}
    for region, lang, locale in (("BE", "nl-BE", "nl-be"), ("INT", "ar", "ar"),
                                 ("DK", "da", "da-dk")):  # fmt: skip
        response = client.get(
            "/api/warnings/v1/", {"region": region, "lang": lang}, headers=headers
        )
        assert response.status_code == 200, response.content
        assert response.json()["content_locale"] == locale
    # A second run changes nothing (the demo loads only into an empty database).
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing loaded" in out.getvalue()
