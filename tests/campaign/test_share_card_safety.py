"""Share cards that cannot be broken: a long token is wrapped or shrunk, the
drawing holds no row lock and has a time limit, and a failed drawing keeps
the old card with its old alt text and says so in the admin."""

import logging
import threading
import time
import uuid

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from campaign import publication
from campaign.models import CampaignPage, ShareImageFailure
from campaign.share_images.render import FORMATS, refresh_share_images, render_card
from campaign.share_images.typesetting import fit_headline
from tests.campaign import builders

URL_TOKEN = "https://example.org/report/" + "a1B2c3D4e5" * 4 + "xyz"  # 70, no space


def test_a_70_character_token_headline_renders_a_card_in_both_formats():
    assert len(URL_TOKEN) == 70 and " " not in URL_TOKEN
    for fmt in FORMATS:
        for language in ("en", "ar"):
            card = render_card(URL_TOKEN, language, fmt, "Site")
            assert card.size == (fmt.width, fmt.height)
            left, top, right, bottom = fmt.text_box(language == "ar")
            style, lines = fit_headline(
                URL_TOKEN, language, right - left, bottom - top, fmt.headline_size
            )
            assert "".join(lines).replace(" ", "") == URL_TOKEN
            assert all(style.getlength(line) <= right - left for line in lines)


@pytest.mark.parametrize("fmt", FORMATS, ids=["og", "square"])
def test_a_token_too_wide_at_any_size_is_broken_between_letters(fmt):
    token = "W" * 120  # the hero block's limit, no space to wrap at
    left, top, right, bottom = fmt.text_box()
    style, lines = fit_headline(
        token, "en", right - left, bottom - top, fmt.headline_size
    )
    assert len(lines) > 1
    assert "".join(lines) == token
    assert all(style.getlength(line) <= right - left for line in lines)
    assert style.block_height(len(lines)) <= bottom - top


def test_a_headline_longer_than_the_box_holds_is_cut_not_refused():
    text = "x" * 500
    style, lines = fit_headline(text, "en", 200, 40, 24)
    assert lines[-1].endswith("…")
    assert style.block_height(len(lines)) <= 40
    assert all(style.getlength(line) <= 200 for line in lines)


# With a database -------------------------------------------------------------


def hero(headline: str) -> list[dict]:
    value = {"headline": headline, "standfirst": "", "image": None, "alt_text": ""}
    return [{"type": "hero", "value": value, "id": str(uuid.uuid4())}]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": local, "renditions": {**local, "LOCATION": "r"}}
    return tmp_path


def published(headline: str) -> CampaignPage:
    builders.region("INT", "UTC", "en")
    index = builders.campaign_index()
    page = CampaignPage(title="Stop", slug="stop", body=hero(headline), live=False)
    index.add_child(instance=page)
    with publication.permitted("test"):
        page.save_revision().publish()
    refresh_share_images(page)
    return CampaignPage.objects.get(pk=page.pk)


def set_live_headline(page, headline: str) -> None:
    """What a new publication leaves on the live row (the render reads it)."""
    CampaignPage.objects.filter(pk=page.pk).update(body=hero(headline))


@pytest.mark.django_db
def test_a_failed_render_keeps_the_old_card_and_alt_text_and_the_admin_says_so(
    media, settings, admin_client
):
    page = published("Stop before you start")
    old = {fmt.field: getattr(page, f"{fmt.field}_id") for fmt in FORMATS}
    old_file = page.share_image.file.name
    set_live_headline(page, "A new headline the card never showed")

    settings.SHARE_IMAGE_RENDER_SECONDS = 0  # the time limit, reached at once
    assert refresh_share_images(page) is None

    page = CampaignPage.objects.get(pk=page.pk)
    assert {fmt.field: getattr(page, f"{fmt.field}_id") for fmt in FORMATS} == old
    assert page.share_image.file.name == old_file
    assert page.share_image.description == "Stop before you start"
    failure = ShareImageFailure.objects.get(page=page)
    assert failure.headline == "A new headline the card never showed"
    assert "RenderTimeout" in failure.error or "Timeout" in failure.error
    entry = PageLogEntry.objects.get(page=page, action="campaign.share_images.failed")
    assert entry.data["headline"] == failure.headline

    # The public page describes the card it shows, not the new headline.
    html = Client().get(page.url).content.decode()
    assert '<meta property="og:image:alt" content="Stop before you start">' in html

    # The editor says so.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    text = editor.content.decode()
    assert "could not be drawn" in text
    assert "A new headline the card never showed" in text

    # A render that succeeds clears it, and the alt text follows the card.
    settings.SHARE_IMAGE_RENDER_SECONDS = 30
    assert refresh_share_images(page) is not None
    assert not ShareImageFailure.objects.exists()
    page = CampaignPage.objects.get(pk=page.pk)
    assert page.share_image.description == "A new headline the card never showed"
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "could not be drawn" not in editor.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_cards_are_drawn_while_another_transaction_holds_the_page_row(
    media, caplog
):
    page = published("Stop before you start")
    set_live_headline(page, "Drawn without the lock")
    locked, release = threading.Event(), threading.Event()

    def hold_the_row():
        try:
            with transaction.atomic():
                CampaignPage.objects.select_for_update().get(pk=page.pk)
                locked.set()
                release.wait(timeout=300)
        finally:
            connection.close()

    result = {}

    def render():
        try:
            result["ids"] = refresh_share_images(page)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    assert locked.wait(timeout=60)
    renderer = threading.Thread(target=render)
    with caplog.at_level(logging.INFO, logger="campaign.share_images.render"):
        renderer.start()
        deadline = time.monotonic() + 120
        while "rendered the share images" not in caplog.text:
            assert time.monotonic() < deadline, "the cards were not drawn"
            assert renderer.is_alive(), result
            time.sleep(0.05)
        # Drawn while the row was held; only storing waits for it.
        assert renderer.is_alive()
        release.set()
        holder.join(timeout=60)
        renderer.join(timeout=120)
    assert result["ids"] is not None
    page = CampaignPage.objects.get(pk=page.pk)
    assert page.share_image.description == "Drawn without the lock"
