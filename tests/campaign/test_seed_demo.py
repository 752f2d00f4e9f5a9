"""``manage.py seed_demo``: the demo of docs/design.md, loaded once, safe to rerun."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from campaign.models import (
    CampaignIndexPage,
    CampaignPage,
    Helpline,
    LegalText,
    OpeningHours,
    Region,
    RegionLocale,
    TranslationReview,
)
from campaign.releases import readiness
from demo.content.helplines import HELPLINES
from demo.content.regions import REGIONS
from demo.content.text import LANGUAGES, language_of, text_for
from home.models import HomePage
from tests.demo_copy import load_demo

#: A word of each locale's campaign title that its language, not English, uses.
TITLE_WORDS = {
    "en": "legal",
    "ar": "الذكاء",
    "da-dk": "lovligt",
    "fr-be": "légal",
    "nl-be": "legaal",
    "de-be": "KI",
    "fr-fr": "légal",
    "de-de": "KI",
    "pl-pl": "legalnym",
    "es-es": "hace",
    "en-gb": "legal",
    "en-ca": "legal",
    "fr-ca": "légal",
    "en-au": "legal",
    "en-nz": "legal",
}


def seed(capture, *args) -> str:
    """Run the command, and the on-commit work it queues (share images...)."""
    out = io.StringIO()
    with capture(execute=True):
        call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def seeded(capture) -> None:
    """What ``seed_demo`` makes, with its on-commit work done: the command's
    own run when this test process has none yet, else a copy of the rows its
    first run made (tests/demo_copy.py: seeding takes 15-30 s, a copy well
    under one)."""
    load_demo(capture=capture)


def row_counts() -> dict[str, int]:
    models = [
        Locale,
        Region,
        RegionLocale,
        LegalText,
        Helpline,
        OpeningHours,
        Page,
        Revision,
        TranslationReview,
        get_image_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def _shape(value):
    """The keys of nested text, with every leaf replaced by its type."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_shape(item) for item in value)
    return type(value).__name__


def test_every_language_has_the_same_texts_as_english():
    english = LANGUAGES["en"]
    for code, text in LANGUAGES.items():
        for part in ("home", "index", "campaign", "helplines"):
            assert _shape(text[part]) == _shape(english[part]), (code, part)
    for spec in REGIONS:
        for code in spec.locales:
            legal = text_for(code)["legal"]
            assert spec.code in legal["title"], (spec.code, code)
            assert spec.code in legal["place"], (spec.code, code)
            assert language_of(code) in LANGUAGES
        assert len(HELPLINES[spec.code]) >= 2


@pytest.mark.parametrize("code", ["fr-ca", "fr-be", "de-be", "en-au"])
def test_regional_differences_apply_to_one_locale_only(code):
    base = LANGUAGES[language_of(code)]
    assert text_for(code) != base
    assert text_for(code)["campaign"]["title"] == base["campaign"]["title"]


@pytest.mark.django_db
def test_seed_demo_loads_every_region_locale_campaign_and_helpline(
    client, django_capture_on_commit_callbacks
):
    seeded(django_capture_on_commit_callbacks)

    assert Region.objects.count() == 11
    assert Locale.objects.count() == 15
    # Each locale serves exactly one region (RegionLocale.locale is one-to-one).
    assert RegionLocale.objects.count() == 15
    assert not Locale.objects.filter(region_locale__isnull=True).exists()

    english = CampaignPage.objects.get(locale__language_code="en")
    for code, word in TITLE_WORDS.items():
        page = CampaignPage.objects.get(
            locale__language_code=code, translation_key=english.translation_key
        )
        assert page.live, code
        assert page.title == text_for(code)["campaign"]["title"]
        assert word in page.title, (code, page.title)
        index = page.get_parent()
        assert index.specific_class is CampaignIndexPage
        assert index.live
        assert index.get_parent().specific_class is HomePage
        assert index.get_parent().live

    for spec in REGIONS:
        region = Region.objects.get(code=spec.code)
        linked = [link.locale.language_code for link in region.region_locales.all()]
        assert linked == list(spec.locales)
        for code in spec.locales:
            helplines = Helpline.objects.filter(
                region=region, locale__language_code=code
            )
            assert helplines.count() >= 2, (spec.code, code)
            marker = text_for(code)["example"]
            for helpline in helplines:
                assert helpline.is_example
                assert helpline.name.endswith(marker), helpline.name
                assert helpline.opening_hours.count() >= 2
                assert helpline.phone or helpline.web_url or helpline.chat_url
            legal = LegalText.objects.get(region=region, locale__language_code=code)
            assert legal.last_reviewed is not None
    # Translations share the source's key: two helplines in three languages.
    keys = Helpline.objects.filter(region__code="BE").values("translation_key")
    assert Helpline.objects.filter(region__code="BE").count() == 6
    assert keys.distinct().count() == 2

    page = CampaignPage.objects.get(locale__language_code="fr-be")
    url = page.get_url()
    assert url.startswith("/fr-be/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Toujours un crime." in html
    assert "(exemple)" in html


@pytest.mark.django_db
def test_a_second_run_changes_nothing(django_capture_on_commit_callbacks):
    seeded(django_capture_on_commit_callbacks)
    before = row_counts()

    output = seed(django_capture_on_commit_callbacks, "--reset")

    assert row_counts() == before
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_a_rerun_restores_what_was_edited_and_leaves_a_withdrawn_page_alone(
    django_capture_on_commit_callbacks,
):
    seeded(django_capture_on_commit_callbacks)
    helpline = Helpline.objects.filter(locale__language_code="nl-be").first()
    name = helpline.name
    Helpline.objects.filter(pk=helpline.pk).update(name="Edited")
    withdrawn = CampaignPage.objects.get(locale__language_code="da-dk")
    withdrawn.unpublish()
    revisions = Revision.objects.count()

    assert "nothing loaded" in seed(django_capture_on_commit_callbacks)
    helpline.refresh_from_db()
    assert helpline.name == "Edited"  # make run never reverts an edit

    output = seed(django_capture_on_commit_callbacks, "--reset")

    assert "0 created, 1 updated" in output
    helpline.refresh_from_db()
    assert helpline.name == name
    withdrawn.refresh_from_db()
    assert not withdrawn.live
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_the_demo_is_approved_so_a_release_of_it_is_not_blocked(
    django_capture_on_commit_callbacks,
):
    seeded(django_capture_on_commit_callbacks)
    for page in CampaignPage.objects.all():
        assert TranslationReview.approved_revision(page) == page.live_revision
    source = CampaignPage.objects.get(locale__language_code="en")
    for checklist in readiness.for_page(source):
        assert checklist.ready, (checklist.region.code, checklist.reasons)


@pytest.mark.django_db
def test_demo_helplines_are_reviewed_translations_that_go_outdated_with_the_source(
    django_capture_on_commit_callbacks, django_user_model
):
    from translations.views.matrix import matrix

    seeded(django_capture_on_commit_callbacks)
    staff = django_user_model.objects.create_superuser("staff", "s@example.invalid")
    belgium = Region.objects.get(code="BE")
    source = Helpline.objects.filter(region=belgium, locale__language_code="fr-be")[0]

    def states() -> dict[str, str]:
        _columns, rows = matrix(staff, region=belgium)
        title = f"{source.name} (BE)"
        row = next(row for row in rows if row.title == title)
        return {cell.locale.language_code: cell.state for cell in row.cells}

    assert states() == {"fr-be": "source", "nl-be": "live", "de-be": "live"}

    source.description = "Une nouvelle phrase que personne n'a encore traduite."
    source.save()

    assert states() == {"fr-be": "source", "nl-be": "outdated", "de-be": "outdated"}
