"""The translator's editor: Save draft first, no Delete, the slug a segment,
what is missing named, review rows labelled without block ids."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment

from campaign.models import CampaignPage
from tests.campaign.test_translation_workflow import (
    HERO,
    build_world,
    client_for,
    member,
    put_string,
    refused,
    start,
)
from translations import drafts
from translations.labels import Namer, field_labels
from translations.views.review import changes

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(db):
    return build_world(untranslated=())


@pytest.fixture
def tina(world, django_user_model):
    return member(django_user_model, "tina", "Translators · fr-be")


def editor_props(response) -> dict:
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response)
    return json.loads(html.unescape(match.group(1)))


def test_the_editor_offers_save_draft_first_and_never_delete(world, tina):
    client = client_for(tina)
    start(client, world)
    page = world.page("fr-be")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    content = client.get(edit).content.decode()
    assert editor_props(content)["perms"]["canDelete"] is False
    banner = content[content.index("data-campaign-translation-actions") :]
    save = banner.index('data-campaign-action="save-draft"')
    submit = banner.index('data-campaign-action="submit"')
    assert save < submit
    save_button = banner[banner.rindex("<button", 0, save) : save]
    assert 'class="button"' in save_button  # the primary action


def test_delete_is_refused_to_a_translator_at_the_http_level(world, tina):
    client = client_for(tina)
    start(client, world)
    page = world.page("fr-be")
    page.unpublish()  # Wagtail itself lets editors delete unpublished leaves
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    assert refused(client.get(url))
    assert refused(client.post(url))
    assert CampaignPage.objects.filter(pk=page.pk).exists()


def test_the_slug_is_a_segment_of_the_content_tab(world, tina):
    translation = start(client_for(tina), world)
    paths = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", flat=True
        )
    )
    assert "slug" in paths
    tabs = [tab.heading for tab in CampaignPage.get_edit_handler().children]
    content = CampaignPage.get_edit_handler().children[0]
    assert str(tabs[0]) == "Content"
    assert "slug" in [
        child.field_name for child in content.children if hasattr(child, "field_name")
    ]


def test_what_is_missing_names_the_untranslated_segments(world, tina):
    client = client_for(tina)
    translation = start(client, world)
    workspace = reverse(
        "campaign_translations:workspace", args=[world.source.pk, "fr-be"]
    )
    segment = StringSegment.objects.filter(
        source=translation.source, context__path=f"body.{HERO}.headline"
    ).first()
    segment.string.translations.filter(locale=translation.target_locale).delete()
    content = client.get(workspace).content.decode()
    missing = content[content.index("data-missing-segments") :]
    assert "Body · Hero · Headline" in missing
    assert HERO not in missing


def test_review_rows_name_fields_and_blocks_never_by_id(world, tina):
    client = client_for(tina)
    translation = start(client, world)
    put_string(client, translation, f"body.{HERO}.headline", "Nouveau titre")
    review = drafts.submit_for_review(world.page("fr-be"), tina)
    labels = [row["label"] for row in changes(review)]
    assert "Body · Hero · Headline" in labels
    assert "Slug" in labels
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
    assert not [label for label in labels if uuid.search(label)]


def test_nested_ids_become_positions():
    name = Namer({"body": "Body", "body.a": "Body · Questions and answers"})
    first = "11111111-2222-3333-4444-555555555555"
    second = "66666666-2222-3333-4444-555555555555"
    assert name(f"body.a.items.{first}.question") == (
        "Body · Questions and answers · Items 1 · Question"
    )
    assert name(f"body.a.items.{second}.answer") == (
        "Body · Questions and answers · Items 2 · Answer"
    )
    assert name(f"body.a.items.{first}.answer") == (
        "Body · Questions and answers · Items 1 · Answer"
    )
    assert field_labels  # imported for the pages' own labels
