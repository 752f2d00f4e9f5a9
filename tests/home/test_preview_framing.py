"""The admin's preview pane may frame previews; nobody frames public pages."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaign.models import OpeningHours
from tests.campaign import builders

pytestmark = pytest.mark.postgres


@pytest.mark.django_db
def test_previews_may_be_framed_by_the_admin_and_public_pages_by_nobody(
    admin_client,
):
    page = builders.campaign_page(builders.campaign_index())
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "Previewed",
            "slug": "stop",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert "Previewed" in preview.content.decode()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"

    public = Client().get(page.url)
    assert public.status_code == 200
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"
    admin = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "frame-ancestors 'none'" in admin["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_preview_switches_to_another_region_at_a_chosen_moment(admin_client):
    builders.launch_ready(builders.region("INT", "UTC", "en", name="International"))
    belgium = builders.region("BE", "Europe/Brussels", "fr-be", name="Belgium")
    helpline = builders.helpline(belgium, "fr-be", "Stop it now Belgium")
    OpeningHours.objects.create(
        helpline=helpline, weekday=2, opens=dt.time(9), closes=dt.time(17)
    )
    builders.legal_text(belgium, "fr-be", title="Code pénal belge", signed=True)
    help_block = {"heading": "Get help", "text": ""}
    page = builders.campaign_page(
        builders.campaign_index(),
        body=[{"type": "help_call_to_action", "value": help_block}],
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "Previewed",
            "slug": "stop",
            "body": streamfield([("help_call_to_action", help_block)]),
            "seo_title": "",
            "search_description": "",
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]

    # 2027-03-10 is a Wednesday: open at 09:00 Brussels time, closed at 08:00.
    opened = admin_client.get(url, {"mode": "region:BE", "at": "2027-03-10 09:00"})
    html = opened.content.decode()
    assert "Stop it now Belgium" in html and "Open now" in html
    closed = admin_client.get(url, {"mode": "region:BE", "at": "2027-03-10 08:00"})
    assert "Closed now" in closed.content.decode()
    assert "Stop it now Belgium" not in admin_client.get(url).content.decode()
    bad = admin_client.get(url, {"mode": "region:BE", "at": "10 March"})
    assert bad.status_code == 400
