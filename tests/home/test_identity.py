"""The site's identity: accessible colours, its words in each locale, and the
one inline style the Content-Security-Policy allows by hash."""

import base64
import hashlib
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from home.branding import contrast_ratio
from home.models import Organisation, SiteIdentity
from tests.campaign import builders

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def identity() -> SiteIdentity:
    return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


def test_contrast_ratio_is_wcags():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_a_brand_colour_too_pale_for_white_text_is_refused_with_its_ratio():
    settings = identity()
    settings.brand_colour = "#7fa7d9"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    message = " ".join(error.value.message_dict["brand_colour"])
    assert "2.49:1" in message and "4.5:1" in message


def test_an_accent_colour_that_is_not_a_colour_is_refused():
    settings = identity()
    settings.accent_colour = "blue"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "accent_colour" in error.value.message_dict


def test_pages_carry_the_organisation_in_their_language_and_its_colours(client):
    source = Organisation.objects.create(
        locale=builders.locale("en"),
        name="Example Agency",
        short_name="EA",
        introduction="We are invented.",
        legal_notice="Published by nobody.",
    )
    french = source.copy_for_translation(builders.locale("fr-be"))
    french.name, french.introduction = "Agence exemple", "Nous sommes fictifs."
    french.save()
    builders.translation(builders.home(), "fr-be")
    settings = identity()
    settings.organisation, settings.brand_colour = source, "#1d2f5c"
    settings.full_clean()
    settings.save()

    response = client.get("/fr-be/")
    html = response.content.decode()

    assert '<h1 class="hero__headline">Agence exemple</h1>' in html
    assert "Nous sommes fictifs." in html
    assert "<title>" in html and "· EA</title>" in html
    assert "Campaign" not in html
    style = re.search(r"<style>(.*?)</style>", html).group(1)
    assert "--brand:#1d2f5c" in style
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    csp = response["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp
    assert "Example Agency" in client.get("/en/").content.decode()
