"""Translators of helplines and legal texts own their locale and nothing
else, through every admin door: this project's snippet workspace and
review, Wagtail's snippet views, and wagtail-localize's endpoints.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from campaign.models import Helpline, LegalText, TranslationReview
from tests.campaign import builders
from tests.campaign.test_snippet_translation import NL, texts_for, workspace
from tests.campaign.test_translation_workflow import (
    build_world,
    client_for,
    member,
    refused,
)
from translations import snippets as snippet_drafts
from translations.permissions import sync_translator_groups

Status = TranslationReview.Status


@pytest.fixture
def world(db):
    return build_world(codes=("fr-be", "nl-be", "de-be"), untranslated=())


@pytest.fixture
def helpline(world):
    source = builders.helpline(world.region, "fr-be", "Ligne stop (exemple)")
    copy = source.copy_for_translation(builders.locale("de-be"))
    copy.name = "Stopplinie (Beispiel)"
    copy.save()
    return source


@pytest.fixture
def nina(world, django_user_model):
    return member(django_user_model, "nina", "Translators · nl-be")


def snippet_url(model, action: str, *args) -> str:
    return reverse(
        f"wagtailsnippets_campaign_{model._meta.model_name}:{action}", args=args
    )


def german(helpline):
    return Helpline.objects.get(
        translation_key=helpline.translation_key, locale__language_code="de-be"
    )


def test_a_translator_opens_the_workspace_of_their_own_locale_only(
    world, helpline, nina, django_user_model
):
    client = client_for(nina)
    assert client.get(workspace(helpline, "nl-be")).status_code == 200
    assert refused(client.get(workspace(helpline, "de-be")))  # another locale
    assert refused(client.get(workspace(helpline, "fr-be")))  # the source
    assert refused(client.post(workspace(helpline, "de-be"), {"action": "start"}))
    assert not TranslationSource.objects.filter(
        object_id=helpline.translation_key
    ).exists()
    # Another region's helpline, even into a locale they translate.
    denmark = builders.region("DK", "Europe/Copenhagen", "da-dk")
    danish = builders.helpline(denmark, "da-dk", "Stoplinjen (eksempel)")
    assert refused(client.get(workspace(danish, "nl-be")))
    assert refused(client.get(workspace(danish, "da-dk")))
    # A translator of the source locale has nothing to translate here.
    tina = member(django_user_model, "tina", "Translators · fr-be")
    assert refused(client_for(tina).get(workspace(helpline, "fr-be")))
    assert refused(client_for(tina).get(workspace(helpline, "nl-be")))
    # A translation row is not a source: no workspace of its own.
    assert client.get(workspace(german(helpline), "nl-be")).status_code == 404


def test_wagtails_snippet_views_are_closed_to_translators(world, helpline, nina):
    client = client_for(nina)
    legal = builders.legal_text(world.region, "fr-be")
    for model, item in ((Helpline, helpline), (LegalText, legal)):
        assert refused(client.get(snippet_url(model, "list")))
        assert refused(client.get(snippet_url(model, "add")))
        assert refused(client.get(snippet_url(model, "edit", item.pk)))
        assert refused(client.post(snippet_url(model, "edit", item.pk), {}))
        assert refused(client.get(snippet_url(model, "delete", item.pk)))
        assert refused(client.post(snippet_url(model, "delete", item.pk)))
        assert model.objects.filter(pk=item.pk).exists()
    other = german(helpline)
    assert refused(client.get(snippet_url(Helpline, "edit", other.pk)))
    assert refused(client.post(snippet_url(Helpline, "delete", other.pk)))
    assert german(helpline).name == "Stopplinie (Beispiel)"


def test_wagtail_localize_endpoints_refuse_translators_on_snippets(
    world, helpline, nina
):
    nl = builders.locale("nl-be")
    copy = helpline.copy_for_translation(nl)
    copy.name = "Stoplijn"
    copy.save()
    client = client_for(nina)
    client.post(workspace(helpline, "nl-be"), {"action": "start"})
    translation = snippet_drafts.snippet_translation(helpline, nl)
    segment = StringSegment.objects.filter(source=translation.source).first()
    put = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    response = client.put(
        put,
        urlencode({"value": "Ja"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Ja").exists()

    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["campaign", "helpline", helpline.pk],
    )
    assert refused(client.get(submit))
    de = builders.locale("de-be")
    assert refused(client.post(submit, {"locales": [de.pk]}))
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert refused(client.get(sync))
    assert refused(client.post(sync, {}))
    assert Helpline.objects.get(pk=copy.pk).name == "Stoplijn"
    assert german(helpline).name == "Stopplinie (Beispiel)"


def test_only_a_reviewer_of_the_locale_decides_and_never_the_translator(
    world, helpline, nina, django_user_model
):
    client = client_for(nina)
    url = workspace(helpline, "nl-be")
    client.post(url, {"action": "start"})
    client.post(url, {"action": "submit", **texts_for(helpline, "nl-be", NL)})
    review = TranslationReview.objects.get(status=Status.SUBMITTED)
    decision = reverse("campaign_translations:review", args=[review.pk])
    queue = reverse("campaign_translations:review_queue")

    assert refused(client.get(decision))
    assert refused(client.post(decision, {"approve": "1"}))
    assert refused(client.get(queue))

    dora = member(django_user_model, "dora", "Reviewers · de-be")
    other = client_for(dora)
    assert NL["name"] not in other.get(queue).content.decode()
    assert refused(other.get(decision))
    assert refused(other.post(decision, {"approve": "1"}))
    assert TranslationReview.objects.get(pk=review.pk).status == Status.SUBMITTED
    assert not Helpline.objects.filter(name=NL["name"]).exists()

    # A reviewer may not translate: approval needs two people.
    rita = member(django_user_model, "rita", "Reviewers · nl-be")
    assert refused(client_for(rita).get(url))
    assert client_for(rita).post(decision, {"approve": "1"}).status_code == 302
    assert Helpline.objects.filter(name=NL["name"]).exists()


def test_a_snippet_permission_given_to_a_translator_group_is_taken_away_again(
    world, helpline, nina
):
    group = Group.objects.get(name="Translators · nl-be")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["change_helpline", "delete_helpline"])
    )
    assert client_for(nina).get(snippet_url(Helpline, "list")).status_code == 200
    sync_translator_groups()
    assert not group.permissions.filter(codename__endswith="_helpline").exists()
    assert refused(client_for(nina).get(snippet_url(Helpline, "list")))
