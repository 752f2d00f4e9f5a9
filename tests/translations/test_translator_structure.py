"""Translators work in wagtail-localize's segment editor only: they never get
Wagtail's page editor (where blocks are added, moved and deleted), whatever
made the translation, and they are never offered Delete."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaign import publication
from campaign.models import CampaignPage
from tests.campaign import builders
from tests.campaign.test_translation_workflow import (
    build_world,
    client_for,
    member,
    refused,
    start,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(db):
    return build_world(codes=("fr-be",), untranslated=("de-be",))


@pytest.fixture
def tina(world, django_user_model):
    return member(django_user_model, "tina", "Translators · fr-be")


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def restructured(page) -> dict:
    """The page editor's form with the body cut to one new block: a change
    of structure (block added, the translated ones deleted)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "seo_title": "",
            "search_description": "",
            "body": streamfield(
                [("key_message", {"heading": "Rien", "text": rich_text("<p>x</p>")})]
            ),
            "comments": inline_formset([]),
        }
    )


def unchanged(page, before) -> bool:
    after = CampaignPage.objects.get(pk=page.pk)
    return (
        after.latest_revision_id == before.latest_revision_id
        and after.body.get_prep_value() == before.body.get_prep_value()
        and after.title == before.title
    )


def test_a_page_made_outside_wagtail_localize_sends_its_translator_to_segments(
    world, tina
):
    client = client_for(tina)
    page = world.page("fr-be")  # copy_for_translation: no Translation
    workspace = reverse(
        "campaign_translations:workspace", args=[world.source.pk, "fr-be"]
    )
    response = client.get(edit_url(page))
    assert response.status_code == 302 and response.url == workspace
    html = client.get(workspace).content.decode()
    assert "Translate segment by segment" in html
    assert "Edit in the page editor" not in html
    # Starting keeps the page's text and opens the segment editor.
    start(client, world)
    editor = client.get(edit_url(page)).content.decode()
    assert "js-translation-editor" in editor


def test_a_post_to_the_page_editor_is_refused_and_saves_nothing(world, tina):
    client = client_for(tina)
    page = world.page("fr-be")
    assert refused(client.post(edit_url(page), restructured(page)))
    assert unchanged(page, page)
    start(client, world)  # now a synced translation
    page = world.page("fr-be")
    assert refused(client.post(edit_url(page), restructured(page)))
    assert refused(
        client.post(edit_url(page), {**restructured(page), "action-publish": "1"})
    )
    assert unchanged(page, page)


def test_an_editor_who_may_publish_keeps_wagtails_editor(world, django_user_model):
    staff = django_user_model.objects.create_superuser(
        "sam", "sam@example.invalid", "pw-123456"
    )
    page = world.page("fr-be")
    response = client_for(staff).get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="page-edit-form"' in html and "js-translation-editor" not in html


def test_an_alias_is_translated_in_segments_too(world, django_user_model):
    de_be = builders.locale("de-be")
    index = world.source.get_parent().get_translation(de_be)
    with publication.permitted("test"):  # the alias is live, as its source
        alias = world.source.create_alias(
            parent=index, update_locale=de_be, reset_translation_key=False
        )
    assert alias.translation_key == world.source.translation_key
    dora = member(django_user_model, "dora", "Translators · de-be")
    client = client_for(dora)
    response = client.get(edit_url(alias))
    assert response.status_code == 302
    assert response.url == reverse(
        "campaign_translations:workspace", args=[world.source.pk, "de-be"]
    )
    assert refused(client.post(edit_url(alias), restructured(alias)))
    start(client, world, "de-be")
    page = Page.objects.get(pk=alias.pk)
    assert page.alias_of_id is None
    assert "js-translation-editor" in client.get(edit_url(page)).content.decode()


# Delete -------------------------------------------------------------------------


def listing(client, page) -> str:
    parent = page.get_parent()
    return client.get(
        reverse("wagtailadmin_explore", args=[parent.pk])
    ).content.decode()


@pytest.mark.parametrize("synced", [False, True])
def test_delete_is_not_offered_to_a_translator(world, tina, django_user_model, synced):
    client = client_for(tina)
    if synced:
        start(client, world)
    page = world.page("fr-be")
    page.owner = tina  # Wagtail lets owners delete their unpublished pages
    page.save(update_fields=["owner"])
    page.unpublish()
    delete = reverse("wagtailadmin_pages:delete", args=[page.pk])
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    staff = client_for(
        django_user_model.objects.create_superuser("sam", "sam@x.invalid", "pw-1")
    )
    staff_listing = listing(staff, page)
    assert delete in staff_listing and bulk_delete in staff_listing  # offered

    mine = listing(client, page)
    assert str(page.pk) in mine  # the page is listed, with its actions
    assert delete not in mine
    assert bulk_delete not in mine
    header = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert delete not in header.content.decode()

    assert refused(client.get(delete))
    assert refused(client.post(delete))
    answer = client.post(f"{bulk_delete}?id={page.pk}", {"next": "/admin/"})
    assert answer.status_code in (200, 302, 403)
    assert CampaignPage.objects.filter(pk=page.pk).exists()
