"""Translators own their locale and nothing else, through every admin door.

Each check goes through the HTTP endpoints a browser would use: Wagtail's
page views, wagtail-localize's editor, string, sync, submit and convert
endpoints, and this project's draft, submit and review views.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from campaign.models import TranslationReview
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
from translations.permissions import locale_home, sync_translator_groups


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def tina(world, django_user_model):
    """Translates fr-be."""
    return member(django_user_model, "tina", "Translators · fr-be")


@pytest.fixture
def staff(world, django_user_model):
    return django_user_model.objects.create_superuser("staff", "s@example.invalid")


@pytest.fixture
def synced(world, staff):
    """Synced translations in fr-be and nl-be, started by staff."""
    client = client_for(staff)
    return {code: start(client, world, code) for code in ("fr-be", "nl-be")}


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# The groups -------------------------------------------------------------------


def test_each_locale_gets_a_translator_and_a_reviewer_group_scoped_to_its_tree(
    world,
):
    fr = Locale.objects.get(language_code="fr-be")
    translators = Group.objects.get(name="Translators · fr-be")
    reviewers = Group.objects.get(name="Reviewers · fr-be")
    for group in (translators, reviewers):
        assert [p.codename for p in group.permissions.all()] == ["access_admin"]
    rows = GroupPagePermission.objects.filter(group=translators)
    assert {row.page_id for row in rows} == {locale_home(fr).pk}
    assert {row.permission.codename for row in rows} == {"add_page", "change_page"}
    rows = GroupPagePermission.objects.filter(group=reviewers)
    assert {row.permission.codename for row in rows} == {"change_page"}
    # The source is written, not translated; its approval is a review step.
    assert not Group.objects.filter(name="Translators · en").exists()
    assert Group.objects.filter(name="Reviewers · en").exists()


def test_syncing_the_groups_again_changes_nothing_and_repairs_hand_edits(world):
    out = StringIO()
    call_command("sync_translator_groups", stdout=out)
    assert "0 created, 0 updated, 7 unchanged, 0 deleted" in out.getvalue()

    group = Group.objects.get(name="Translators · fr-be")
    group.permissions.add(
        Permission.objects.get(codename="submit_translation"),
    )
    GroupPagePermission.objects.create(
        group=group,
        page=locale_home(Locale.objects.get(language_code="fr-be")),
        permission=Permission.objects.get(codename="publish_page"),
    )
    result = sync_translator_groups()
    assert result.updated == ["Translators · fr-be"]
    assert not group.permissions.filter(codename="submit_translation").exists()
    assert not GroupPagePermission.objects.filter(
        group=group, permission__codename="publish_page"
    ).exists()


def test_groups_follow_the_locale_list(world):
    locale = Locale.objects.create(language_code="pl-pl")
    result = sync_translator_groups()
    assert set(result.created) == {"Translators · pl-pl", "Reviewers · pl-pl"}
    assert result.without_tree == ["pl-pl"]
    locale.delete()
    result = sync_translator_groups()
    assert set(result.deleted) == {"Translators · pl-pl", "Reviewers · pl-pl"}


# Wagtail's page views -----------------------------------------------------------


def test_a_translator_opens_the_editor_in_their_locale_only(world, tina):
    client = client_for(tina)
    own = client.get(edit_url(world.page("fr-be")), follow=True)
    workspace = reverse(
        "campaign_translations:workspace", args=[world.source.pk, "fr-be"]
    )
    # Not synced yet: to its workspace, to translate segment by segment.
    assert own.status_code == 200 and own.redirect_chain == [(workspace, 302)]
    assert refused(client.get(edit_url(world.page("nl-be"))))
    assert refused(client.get(edit_url(world.source)))
    nl_index = world.page("nl-be").get_parent()
    add = reverse(
        "wagtailadmin_pages:add", args=["campaign", "campaignpage", nl_index.pk]
    )
    assert refused(client.get(add))


def test_a_translator_cannot_publish_or_unpublish(world, tina):
    client = client_for(tina)
    page = world.page("fr-be")
    html = client.get(edit_url(page), follow=True).content.decode()
    assert "action-publish" not in html
    assert 'name="action-submit"' not in html  # Wagtail's moderation workflow
    assert refused(client.get(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert world.page("fr-be").live


def test_wagtails_moderation_workflow_is_refused_for_translations(world, tina):
    page = world.page("fr-be")
    response = client_for(tina).post(edit_url(page), {"action-submit": "1"})
    assert response.status_code == 302
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


# wagtail-localize's endpoints -------------------------------------------------


def test_string_translations_are_saved_in_the_own_locale_only(world, tina, synced):
    client = client_for(tina)
    path = f"body.{HERO}.headline"
    assert put_string(client, synced["fr-be"], path, "Oui").status_code == 200
    assert put_string(client, synced["nl-be"], path, "Ja").status_code == 403
    assert not StringTranslation.objects.filter(data="Ja").exists()


def test_the_localize_editor_opens_but_refuses_to_publish(world, tina, synced):
    client = client_for(tina)
    page = world.page("fr-be")
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "&quot;canPublish&quot;: false" in html
    assert 'data-campaign-action="save-draft"' in html  # our banner
    assert refused(client.get(edit_url(world.page("nl-be"))))

    before = world.page("fr-be")
    assert refused(client.post(edit_url(page), {"action": "publish"}))
    after = world.page("fr-be")
    assert after.live_revision_id == before.live_revision_id
    assert after.latest_revision_id == before.latest_revision_id


def test_a_translator_can_neither_sync_nor_submit_nor_convert(world, tina, synced):
    client = client_for(tina)
    source = TranslationSource.objects.get(object_id=world.source.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(sync))
    assert refused(client.post(sync, {"publish_translations": "on"}))
    submit = reverse("wagtail_localize:submit_page_translation", args=[world.source.pk])
    de = Locale.objects.get(language_code="de-be")
    assert refused(client.post(submit, {"locales": [de.pk]}))

    page = world.page("fr-be")
    convert = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    assert refused(client.get(convert))
    assert refused(client.post(convert))
    page = world.page("fr-be")
    assert page.alias_of_id is None
    assert page.title.startswith("Arrêtez")


def test_nobody_converts_a_campaign_translation_to_an_alias(world, staff, synced):
    """Converting mirrors the source's live state: a publication around the
    release, refused even to superusers."""
    page = world.page("fr-be")
    convert = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    assert refused(client_for(staff).get(convert))
    assert refused(client_for(staff).post(convert))
    assert world.page("fr-be").alias_of_id is None


# This project's draft, submit and review views ----------------------------------


def test_drafts_and_submissions_only_in_the_own_locale(world, tina):
    client = client_for(tina)
    for code, allowed in (("fr-be", True), ("nl-be", False)):
        page = world.page(code)
        for name in ("draft", "submit"):
            response = client.post(
                reverse(f"campaign_translations:{name}", args=[page.pk])
            )
            assert refused(response) != allowed, (code, name)
        workspace = reverse(
            "campaign_translations:workspace", args=[world.source.pk, code]
        )
        assert (client.get(workspace).status_code == 200) == allowed
    assert TranslationReview.objects.filter(page=world.page("fr-be")).count() == 1
    assert not TranslationReview.objects.filter(page=world.page("nl-be")).exists()
    for name in ("draft", "submit"):
        response = client.post(
            reverse(f"campaign_translations:{name}", args=[world.source.pk])
        )
        assert refused(response)
    start_nl = reverse("campaign_translations:start", args=[world.source.pk, "nl-be"])
    assert refused(client.post(start_nl))
    start_de = reverse("campaign_translations:start", args=[world.source.pk, "de-be"])
    assert refused(client.post(start_de))


def test_reviews_only_by_reviewers_of_the_locale(world, tina, django_user_model):
    review = drafts.submit_for_review(world.page("fr-be"), tina)
    url = reverse("campaign_translations:review", args=[review.pk])
    queue = reverse("campaign_translations:review_queue")
    nl_reviewer = member(django_user_model, "nora", "Reviewers · nl-be")
    fr_reviewer = member(django_user_model, "rémi", "Reviewers · fr-be")

    for user in (tina, nl_reviewer):
        client = client_for(user)
        assert refused(client.post(url, {"approve": "1"}))
    assert refused(client_for(tina).get(queue))
    nl_queue = client_for(nl_reviewer).get(queue)
    assert nl_queue.status_code == 200
    assert url not in nl_queue.content.decode()
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.SUBMITTED

    client = client_for(fr_reviewer)
    assert url in client.get(queue).content.decode()
    assert client.post(url, {"approve": "1"}).status_code == 302
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.APPROVED


def test_a_reviewer_may_preview_and_compare_but_not_publish(
    world, tina, django_user_model
):
    page = world.page("fr-be")
    review = drafts.submit_for_review(page, tina)
    client = client_for(member(django_user_model, "rémi", "Reviewers · fr-be"))
    preview = reverse(
        "wagtailadmin_pages:revisions_view", args=[page.pk, review.revision_id]
    )
    assert client.get(preview).status_code == 200
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, "live", review.revision_id],
    )
    assert client.get(compare).status_code == 200
    html = client.get(edit_url(page)).content.decode()
    assert "action-publish" not in html
