"""Only reviewed content goes live: the source's own review step, every
difference on the review screen, and translations validated like the editor."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Revision
from wagtail_localize.models import StringSegment, StringTranslation

from campaign.models import CampaignPage, TranslationReview
from campaign.releases import readiness
from tests.campaign import builders
from tests.campaign.test_translation_workflow import (
    HERO,
    KEY,
    build_world,
    client_for,
    member,
    put_string,
    start,
)
from translations import drafts

pytestmark = pytest.mark.postgres
Status = TranslationReview.Status


@pytest.fixture
def world(db):
    return build_world()


def test_the_source_is_submitted_by_its_owner_and_approved_by_its_reviewer(
    world, django_user_model
):
    owner = member(django_user_model, "olga", "Editors")
    other = member(django_user_model, "otto", "Editors")
    reviewer = member(django_user_model, "rita", "Reviewers · en")
    CampaignPage.objects.filter(pk=world.source.pk).update(owner=owner)
    international = builders.launch_ready(builders.region("INT", "UTC", "en"))
    assert readiness.region_readiness(world.source, international).reasons == [
        "The en translation is not approved."
    ]
    submit = reverse("campaign_translations:submit", args=[world.source.pk])
    assert client_for(other).post(submit).status_code in (302, 403)
    assert not TranslationReview.objects.filter(page=world.source).exists()

    assert client_for(owner).post(submit).status_code == 302
    review = TranslationReview.objects.get(page=world.source)
    assert review.submitted_by == owner
    url = reverse("campaign_translations:review", args=[review.pk])
    assert client_for(owner).post(url, {"approve": "1"}).status_code in (302, 403)
    assert client_for(reviewer).post(url, {"approve": "1"}).status_code == 302
    review.refresh_from_db()
    assert review.status == Status.APPROVED and review.decided_by == reviewer
    assert readiness.region_readiness(world.source, international).ready


def test_a_headline_longer_than_its_block_allows_is_refused(world, django_user_model):
    tina = member(django_user_model, "tina", "Translators · fr-be")
    staff = django_user_model.objects.create_superuser("staff", "s@example.invalid")
    translation = start(client_for(staff), world, "fr-be")
    client = client_for(tina)
    huge = "x" * 240_000
    path = f"body.{HERO}.headline"
    # The editor's endpoint refuses it before anything is stored...
    assert put_string(client, translation, path, huge).status_code == 400
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    stored = StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale
    )
    assert not stored.filter(data=huge).exists()
    # ...and stored another way (a PO upload), it is flagged and the draft
    # refuses it.
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": huge},
    )
    page = world.page("fr-be")
    revisions = Revision.objects.count()
    with pytest.raises(ValidationError):
        drafts.save_draft(page, tina)
    client.post(reverse("campaign_translations:draft", args=[page.pk]))
    client.post(reverse("campaign_translations:submit", args=[page.pk]))
    assert Revision.objects.count() == revisions
    assert not TranslationReview.objects.filter(page=page).exists()


def with_link(page, href: str):
    draft = page.get_latest_revision_as_object()
    for block in draft.body:
        if block.id == KEY:
            block.value["text"] = type(block.value["text"])(
                f'<p>See <a href="{href}">this</a>.</p>'
            )
    return draft.save_revision()


def test_the_review_screen_shows_replaced_links_and_an_unsafe_one_is_refused(
    world, django_user_model
):
    tina = member(django_user_model, "tina", "Translators · fr-be")
    remi = member(django_user_model, "remi", "Reviewers · fr-be")
    page = world.page("fr-be")
    with pytest.raises(ValidationError, match="Only web, e-mail and phone links"):
        drafts.submit_for_review(
            page, tina, revision=with_link(page, "javascript:alert(1)")
        )
    review = drafts.submit_for_review(
        page, tina, revision=with_link(page, "https://elsewhere.example/")
    )
    html = (
        client_for(remi)
        .get(reverse("campaign_translations:review", args=[review.pk]))
        .content.decode()
    )
    assert "https://elsewhere.example/" in html
    assert "data-overridden" in html
