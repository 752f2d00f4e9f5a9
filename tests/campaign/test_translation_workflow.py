"""Drafts and review of translations: a draft never reaches the public site,
a reviewer's approval is what a regional release publishes.

The small tree built here (a live English campaign with live fr-be and nl-be
translations made by ``copy_for_translation``, as the demo makes them) is
imported by the other translation test modules.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from campaign.models import CampaignPage, Region, TranslationReview
from campaign.releases import engine as publishing
from tests.campaign import builders
from translations import decisions, drafts
from translations.permissions import sync_translator_groups

HERO = "0b6f3c52-8e0a-4d7e-9a51-0d6b1c2f3a01"
KEY = "0b6f3c52-8e0a-4d7e-9a51-0d6b1c2f3a02"
TEXT = {
    "en": ("Stop before you start", "AI-made abuse images are a crime", "No excuse"),
    "fr-be": (
        "Arrêtez avant de commencer",
        "Les images d'abus créées par IA",
        "Aucune",
    ),
    "nl-be": ("Stop voordat je begint", "AI-misbruikbeelden zijn strafbaar", "Geen"),
    "de-be": (
        "Hör auf, bevor du anfängst",
        "KI-Missbrauchsbilder sind strafbar",
        "Nein",
    ),
}


def body(code: str) -> list[dict]:
    _title, headline, heading = TEXT[code]
    return [
        {
            "type": "hero",
            "value": {
                "headline": headline,
                "standfirst": "",
                "image": None,
                "alt_text": "",
            },
            "id": HERO,
        },
        {
            "type": "key_message",
            "value": {"heading": heading, "text": f"<p>{heading}.</p>"},
            "id": KEY,
        },
    ]


@dataclass
class World:
    region: Region
    source: CampaignPage
    pages: dict

    def page(self, code: str) -> CampaignPage:
        return CampaignPage.objects.get(pk=self.pages[code].pk)


def build_world(codes=("fr-be", "nl-be"), untranslated=("de-be",)) -> World:
    """A live English campaign with live translations in ``codes`` (region
    BE); the locales in ``untranslated`` (region LU) have a home and an
    index but no campaign page."""
    region = builders.region("BE", "Europe/Brussels", *codes)
    if untranslated:
        # Another region, so that BE's release is not blocked by them.
        builders.region("LU", "Europe/Luxembourg", *untranslated)
    home = builders.home()
    index = builders.campaign_index(home)
    title = TEXT["en"][0]
    source = builders.campaign_page(index, body=body("en"), title=title)
    pages = {}
    for code in (*codes, *untranslated):
        locale = builders.locale(code)
        for original in (home, index):
            copy = original.specific.copy_for_translation(locale)
            copy.save_revision().publish()
        if code in untranslated:
            continue
        page = source.copy_for_translation(locale)
        page.title = TEXT[code][0]
        page.body = body(code)
        builders.publish_revision(page.save_revision())
        pages[code] = page
    sync_translator_groups()
    return World(region, CampaignPage.objects.get(pk=source.pk), pages)


def member(django_user_model, username: str, *groups: str, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.invalid", "pw-123456", **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to its home
    page and an error message; API views answer 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def public_html(page) -> str:
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def put_string(client, translation, path: str, value: str):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    return client.put(
        url,
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def translator(world, django_user_model):
    return member(django_user_model, "tina", "Translators · fr-be")


@pytest.fixture
def reviewer(world, django_user_model):
    return member(django_user_model, "rémi", "Reviewers · fr-be")


def start(client, world, code="fr-be"):
    response = client.post(
        reverse("campaign_translations:start", args=[world.source.pk, code])
    )
    assert response.status_code == 302, response
    return Translation.objects.get(
        source__object_id=world.source.translation_key,
        target_locale__language_code=code,
    )


def test_a_new_translation_of_a_live_page_is_created_as_a_draft_not_live(
    world, django_user_model
):
    staff = django_user_model.objects.create_superuser("staff", "s@example.invalid")
    response = client_for(staff).post(
        reverse("wagtail_localize:submit_page_translation", args=[world.source.pk]),
        {"locales": [builders.locale("de-be").pk]},
    )
    assert response.status_code == 302
    page = CampaignPage.objects.get(
        translation_key=world.source.translation_key, locale__language_code="de-be"
    )
    assert world.source.live and not page.live
    assert Client().get("/de-be/campaigns/stop/").status_code == 404


def test_a_translator_starting_a_missing_translation_creates_an_unpublished_page(
    world, django_user_model
):
    translator = member(django_user_model, "dora", "Translators · de-be")
    start(client_for(translator), world, "de-be")
    page = CampaignPage.objects.get(
        translation_key=world.source.translation_key, locale__language_code="de-be"
    )
    assert not page.live
    assert Client().get("/de-be/campaigns/stop/").status_code == 404


def test_starting_on_an_existing_page_keeps_its_text_as_string_translations(
    world, translator
):
    before = world.page("fr-be")
    translation = start(client_for(translator), world)
    headline = StringTranslation.objects.get(
        locale__language_code="fr-be", context__path=f"body.{HERO}.headline"
    )
    assert headline.data == TEXT["fr-be"][1]
    assert translation.get_progress()[1] >= 3
    after = world.page("fr-be")
    assert after.live_revision_id == before.live_revision_id
    assert after.latest_revision_id == before.latest_revision_id
    # The editor's preview shows the existing French, not the English source.
    instance = drafts.draft_instance(after)
    assert instance.title == TEXT["fr-be"][0]
    assert instance.body[0].value["headline"] == TEXT["fr-be"][1]


def test_draft_leaves_the_live_page_unchanged_and_approval_is_what_gets_released(
    world, translator, reviewer, django_user_model
):
    client = client_for(translator)
    translation = start(client, world)
    live_before = public_html(world.page("fr-be"))
    new_headline = "Les images d'abus faites par IA sont un crime"
    response = put_string(client, translation, f"body.{HERO}.headline", new_headline)
    assert response.status_code == 200

    page = world.page("fr-be")
    response = client.post(reverse("campaign_translations:draft", args=[page.pk]))
    assert response.status_code == 302
    page = world.page("fr-be")
    draft = page.get_latest_revision()
    assert draft.as_object().body[0].value["headline"] == new_headline
    assert page.has_unpublished_changes
    assert page.body[0].value["headline"] == TEXT["fr-be"][1]
    assert public_html(page) == live_before
    assert TranslationReview.approved_revision(page) is None

    response = client.post(reverse("campaign_translations:submit", args=[page.pk]))
    assert response.status_code == 302
    review = TranslationReview.objects.get(page=page)
    assert review.status == TranslationReview.Status.SUBMITTED
    assert review.submitted_by == translator
    assert review.revision.as_object().body[0].value["headline"] == new_headline
    assert TranslationReview.approved_revision(page) is None
    assert public_html(page) == live_before

    reviewing = client_for(reviewer)
    url = reverse("campaign_translations:review", args=[review.pk])
    detail = reviewing.get(url)
    assert detail.status_code == 200
    assert new_headline.replace("'", "&#x27;") in detail.content.decode()
    response = reviewing.post(url, {"approve": "1", "comment": "Bien."})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.APPROVED
    assert review.decided_by == reviewer and review.decided_at is not None
    assert review.comment == "Bien."
    assert TranslationReview.approved_revision(page) == review.revision
    assert public_html(page) == live_before

    # The rest of the region is approved by staff; then the release runs.
    staff = django_user_model.objects.create_superuser("staff", "s@example.invalid")
    nl = drafts.submit_for_review(world.page("nl-be"), staff)
    decisions.decide(nl.pk, staff, approve=True)
    builders.launch_ready(world.region)  # a signed legal text and a helpline
    release = builders.schedule(world.source, world.region, "2030-03-02 09:00")
    outcome = publishing.publish_release(release.pk, now=release.go_live_at)
    assert outcome.result == "published", outcome
    page = world.page("fr-be")
    assert page.live_revision_id == review.revision_id
    assert new_headline.replace("'", "&#x27;") in public_html(page)


def test_a_rejected_revision_is_never_the_approved_one(world, translator, reviewer):
    client = client_for(translator)
    start(client, world)
    page = world.page("fr-be")
    client.post(reverse("campaign_translations:submit", args=[page.pk]))
    review = TranslationReview.objects.get(page=page)
    url = reverse("campaign_translations:review", args=[review.pk])

    refused = client_for(reviewer).post(url, {"reject": "1", "comment": ""})
    assert refused.status_code == 200
    assert "a rejection needs a comment" in refused.content.decode()
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.SUBMITTED

    client_for(reviewer).post(url, {"reject": "1", "comment": "Tutoiement, svp."})
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.REJECTED
    assert review.comment == "Tutoiement, svp."
    assert TranslationReview.approved_revision(page) is None
    workspace = client.get(
        reverse("campaign_translations:workspace", args=[world.source.pk, "fr-be"])
    )
    assert "Tutoiement, svp." in workspace.content.decode()


def test_a_decision_is_taken_once_and_never_on_ones_own_submission(
    world, translator, reviewer, django_user_model
):
    page = world.page("fr-be")
    both = member(django_user_model, "bo", "Translators · fr-be", "Reviewers · fr-be")
    own = drafts.submit_for_review(page, both)
    response = client_for(both).post(
        reverse("campaign_translations:review", args=[own.pk]), {"approve": "1"}
    )
    assert "Another reviewer must approve" in response.content.decode()
    decisions.decide(own.pk, reviewer, approve=True)
    with pytest.raises(Exception, match="already"):
        decisions.decide(own.pk, reviewer, approve=False, comment="late")


def test_a_newer_submission_replaces_the_one_waiting(world, translator):
    page = world.page("fr-be")
    first = drafts.submit_for_review(page, translator)
    second = drafts.submit_for_review(world.page("fr-be"), translator)
    first.refresh_from_db()
    assert first.status == TranslationReview.Status.WITHDRAWN
    assert list(
        TranslationReview.objects.filter(
            page=page, status=TranslationReview.Status.SUBMITTED
        )
    ) == [second]


def test_an_editor_who_may_publish_submits_from_wagtails_own_editor(
    world, django_user_model
):
    """Translators never get Wagtail's editor (translations work in segments,
    tests/translations/test_translator_structure.py); an editor who holds
    publish permission may edit a translation there and submit it."""
    editor = django_user_model.objects.create_superuser(
        "sam", "sam@example.invalid", "pw-123456"
    )
    page = world.page("fr-be")
    data = nested_form_data(
        {
            "title": "Arrêtez maintenant",
            "slug": page.slug,
            "seo_title": "",
            "search_description": "",
            "body": streamfield(
                [
                    (
                        "hero",
                        {
                            "headline": "Nouveau titre",
                            "standfirst": "",
                            "image": "",
                            "alt_text": "",
                        },
                    ),
                    (
                        "key_message",
                        {"heading": "Aucune", "text": rich_text("<p>Aucune.</p>")},
                    ),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    data["campaign-submit-review"] = "Submit for review"
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = world.page("fr-be")
    review = TranslationReview.objects.get(page=page)
    assert review.revision_id == page.latest_revision_id
    assert review.revision.content["title"] == "Arrêtez maintenant"
    assert page.title == TEXT["fr-be"][0]
    assert "Nouveau titre" not in public_html(page)


def test_po_export_and_import_work_for_a_translator_in_their_locale_only(
    world, translator, django_user_model
):
    client = client_for(translator)
    translation = start(client, world)
    url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = client.get(url)
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entry = next(e for e in po if e.msgctxt == f"body.{HERO}.headline")
    entry.msgstr = "Titre importé du fichier PO"
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode()), "next": "/admin/"},
    )
    assert upload.status_code == 302
    assert (
        StringTranslation.objects.get(
            locale__language_code="fr-be", context__path=f"body.{HERO}.headline"
        ).data
        == "Titre importé du fichier PO"
    )
    # Nothing public changed: the import is translation memory, not the page.
    assert "Titre importé" not in public_html(world.page("fr-be"))

    other = member(django_user_model, "nils", "Translators · nl-be")
    nl = start(client_for(other), world, "nl-be")
    for name, method in (("download_pofile", "get"), ("upload_pofile", "post")):
        answer = getattr(client, method)(
            reverse(f"wagtail_localize:{name}", args=[nl.pk]),
            {"file": SimpleUploadedFile("nl.po", str(po).encode())}
            if method == "post"
            else None,
        )
        assert refused(answer), name


def test_machine_translation_is_off_by_default_and_locale_scoped_when_on(
    world, translator, settings, django_user_model
):
    client = client_for(translator)
    translation = start(client, world)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    # 404, which the locale middleware answers with a redirect to /en/...
    assert client.post(url, follow=True).status_code == 404

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    before = StringTranslation.objects.filter(locale__language_code="fr-be").count()
    assert client.post(url, {"next": "/admin/"}).status_code == 302
    after = StringTranslation.objects.filter(locale__language_code="fr-be")
    assert after.count() > before
    assert after.filter(translation_type="machine").exists()

    other = member(django_user_model, "nils", "Translators · nl-be")
    nl = start(client_for(other), world, "nl-be")
    answer = client.post(reverse("wagtail_localize:machine_translate", args=[nl.pk]))
    assert refused(answer)
