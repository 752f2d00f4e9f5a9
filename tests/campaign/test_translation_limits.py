"""A translated headline longer than its block allows (120 characters) is
refused on every way in: wagtail-localize's string endpoint (a 400), a PO
file import (flagged on the string, and the draft refuses it)."""

import json

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.campaign.test_translation_workflow import (
    HERO,
    build_world,
    client_for,
    member,
    put_string,
    start,
)

TOO_LONG = "Les images d'abus faites par IA sont un crime " * 3  # 138 characters


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def translator(world, django_user_model):
    return member(django_user_model, "tina", "Translators · fr-be")


def headline_row():
    return StringTranslation.objects.get(
        locale__language_code="fr-be", context__path=f"body.{HERO}.headline"
    )


def test_the_string_endpoint_answers_an_over_long_headline_with_a_400(
    world, translator
):
    client = client_for(translator)
    translation = start(client, world)
    before = headline_row().data
    response = put_string(client, translation, f"body.{HERO}.headline", TOO_LONG)
    assert response.status_code == 400
    assert json.loads(response.content)["error"] == (
        f"This text is {len(TOO_LONG)} characters long; this field allows at most 120."
    )
    assert headline_row().data == before
    # At the limit it is taken.
    fits = TOO_LONG[:120]
    response = put_string(client, translation, f"body.{HERO}.headline", fits)
    assert response.status_code == 200, response.content
    assert headline_row().data == fits
    assert not headline_row().has_error


def test_a_po_import_flags_an_over_long_headline_and_the_draft_refuses_it(
    world, translator
):
    client = client_for(translator)
    translation = start(client, world)
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    entry = next(e for e in po if e.msgctxt == f"body.{HERO}.headline")
    entry.msgstr = TOO_LONG
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode()), "next": "/admin/"},
    )
    assert upload.status_code == 302
    row = headline_row()
    assert row.has_error
    assert row.get_error() == (
        f"This text is {len(TOO_LONG)} characters long; this field allows at most 120."
    )

    # A flagged string never reaches a draft (nor, so, a release or a card).
    page = world.page("fr-be")
    client.post(reverse("campaign_translations:draft", args=[page.pk]))
    draft = world.page("fr-be").get_latest_revision().as_object()
    assert draft.body[0].value["headline"] != TOO_LONG.strip()
