"""Nothing goes public around a release, whoever asks and by whichever door.

The fr-be translation is live at its approved revision, and a newer draft
("UNREVIEWED") waits; the nl-be translation is not live (its release is
still ahead). Every publishing path of Wagtail and wagtail-localize is tried
over HTTP as each role: Editors, Moderators (Wagtail's default groups),
translators, reviewers and regional editors of the locale, and a superuser.
Afterwards the public fr-be page still shows the approved text and nl-be is
still offline.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import TranslationSource

from campaign import publication
from campaign.models import CampaignIndexPage, CampaignPage, TranslationReview
from tests.campaign.test_translation_workflow import (
    build_world,
    client_for,
    member,
    start,
)
from translations import decisions, drafts

pytestmark = pytest.mark.postgres

DRAFT = "UNREVIEWED draft text"
ROLES = {
    "editor": ("Editors",),
    "moderator": ("Moderators",),
    "translator": ("Translators · fr-be",),
    "reviewer": ("Reviewers · fr-be",),
    "regional editor": ("Regional editors · BE",),
}


@pytest.fixture
def world(db, django_user_model):
    world = build_world()
    call_command("sync_regional_groups", verbosity=0)
    staff = django_user_model.objects.create_superuser("staff", "s@example.invalid")
    fr = world.page("fr-be")
    tina = member(django_user_model, "tina", "Translators · fr-be")
    remi = member(django_user_model, "remi", "Reviewers · fr-be")
    review = drafts.submit_for_review(fr, tina)
    decisions.decide(review.pk, remi, approve=True)
    world.approved = TranslationReview.approved_revision(fr)
    assert fr.live_revision_id == world.approved.pk
    draft = fr.get_latest_revision_as_object()
    draft.body[0].value["headline"] = DRAFT
    draft.save_revision(user=tina)
    with publication.permitted("test"):
        world.page("nl-be").unpublish()
    world.users = {
        role: member(django_user_model, role.replace(" ", "-"), *groups)
        for role, groups in ROLES.items()
    }
    world.users["superuser"] = staff
    return world


def assert_nothing_went_public(world):
    fr = world.page("fr-be")
    assert fr.live and fr.live_revision_id == world.approved.pk
    assert fr.body[0].value["headline"] != DRAFT
    response = Client().get(Page.objects.get(pk=fr.pk).url)
    assert response.status_code == 200
    assert DRAFT not in response.content.decode()
    assert not world.page("nl-be").live
    assert not CampaignPage.objects.live().filter(slug="new-campaign").exists()


def edit(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_page_editor_neither_publishes_nor_starts_moderation(world):
    for role, user in world.users.items():
        client = client_for(user)
        for code in ("fr-be", "nl-be"):
            page = world.page(code)
            for action in ("action-publish", "action-submit"):
                response = client.post(edit(page), {action: "1"})
                assert response.status_code in (302, 403), (role, code, action)
            html = client.get(edit(page)).content.decode()
            assert 'name="action-publish"' not in html, role
            assert 'name="action-submit"' not in html, role
    assert not WorkflowState.objects.exists()
    assert_nothing_went_public(world)


def test_the_create_view_saves_a_draft_and_never_a_live_campaign_page(world):
    index = CampaignIndexPage.objects.get(locale__language_code="fr-be")
    url = reverse("wagtailadmin_pages:add", args=["campaign", "campaignpage", index.pk])
    data = nested_form_data(
        {
            "title": "New",
            "slug": "new-campaign",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    for role, user in world.users.items():
        client = client_for(user)
        html = client.get(url).content.decode()
        assert 'name="action-publish"' not in html, role
        for action in ("action-publish", "action-submit"):
            client.post(url, {**data, action: "1"})
            CampaignPage.objects.filter(slug="new-campaign").delete()
    assert not WorkflowState.objects.exists()
    assert_nothing_went_public(world)


def test_bulk_publish_publishes_no_campaign_page(world):
    pages = [world.page("fr-be"), world.page("nl-be")]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = "?" + "&".join(f"id={page.pk}" for page in pages)
    for user in world.users.values():
        client_for(user).post(url + query, {"include_descendants": ""})
    assert_nothing_went_public(world)


def test_localize_sync_with_publish_is_refused_to_everyone(world):
    staff = client_for(world.users["superuser"])
    start(staff, world, "fr-be")
    start(staff, world, "nl-be")
    source = TranslationSource.objects.get(object_id=world.source.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    for role, user in world.users.items():
        response = client_for(user).post(url, {"publish_translations": "on"})
        assert response.status_code in (302, 403), role
        if role != "superuser":
            assert not user.has_perm("wagtail_localize.submit_translation"), role
    assert_nothing_went_public(world)


def test_the_localize_editor_publishes_for_nobody(world):
    staff = client_for(world.users["superuser"])
    start(staff, world, "fr-be")
    start(staff, world, "nl-be")
    for role, user in world.users.items():
        for code in ("fr-be", "nl-be"):
            response = client_for(user).post(
                edit(world.page(code)), {"action": "publish"}
            )
            assert response.status_code in (302, 403), (role, code)
    assert_nothing_went_public(world)


def test_approving_a_moderation_workflow_never_publishes(world):
    """A workflow state left from before (none can start now) is approved by
    a moderator and a superuser: the page stays as released."""
    workflow = Workflow.objects.get(name="Moderators approval")
    for code in ("fr-be", "nl-be"):
        page = world.page(code)
        state = workflow.start(page, world.users["translator"])
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        )
        for role in ("moderator", "superuser"):
            client_for(world.users[role]).post(url, {"comment": ""})
    assert_nothing_went_public(world)


def test_copying_a_campaign_page_never_publishes_the_copy(world):
    fr = world.page("fr-be")
    url = reverse("wagtailadmin_pages:copy", args=[fr.pk])
    for user in world.users.values():
        client_for(user).post(
            url,
            {
                "new_title": "New",
                "new_slug": "new-campaign",
                "new_parent_page": fr.get_parent().pk,
                "publish_copies": "on",
            },
        )
    assert_nothing_went_public(world)


def test_no_group_holds_localizes_sync_and_publish_permission(world):
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="submit_translation"))
    call_command("sync_publication_permissions", verbosity=0)
    for group in Group.objects.all():
        assert not group.permissions.filter(codename="submit_translation").exists()
