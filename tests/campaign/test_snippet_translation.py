"""Helplines and legal texts: translated by a locale's translators, in a
draft that changes nothing public, published when a reviewer approves.

The tree is the one of ``test_translation_workflow`` with Belgium in
fr-be (the source of Belgian helplines and legal texts), nl-be and de-be.
"""

from datetime import date, time

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from campaign.models import Helpline, LegalText, OpeningHours, TranslationReview
from tests.campaign import builders
from tests.campaign.test_translation_workflow import build_world, client_for, member
from translations import decisions
from translations import snippets as snippet_drafts
from translations.views.matrix import matrix

Status = TranslationReview.Status
HELP = "0b6f3c52-8e0a-4d7e-9a51-0d6b1c2f3a09"
NL = {
    "name": "Stoplijn (voorbeeld)",
    "description": "Voor wie zich zorgen maakt over eigen gedachten.",
    "languages": "Nederlands, Frans",
    "anonymity_note": "Anoniem. Gesprekken worden niet opgenomen.",
}


@pytest.fixture
def world(db):
    world = build_world(codes=("fr-be", "nl-be", "de-be"), untranslated=())
    page = world.page("nl-be")
    page.body = [
        *page.body.raw_data,
        {
            "type": "help_call_to_action",
            "value": {"heading": "Hulp", "text": ""},
            "id": HELP,
        },
    ]
    builders.publish_revision(page.save_revision())
    return world


@pytest.fixture
def helpline(world):
    """A Belgian helpline written in fr-be, with no nl-be translation."""
    item = builders.helpline(
        world.region,
        "fr-be",
        "Ligne stop (exemple)",
        phone="+3225550100",
        description="Pour qui s'inquiète de ses propres pensées.",
        languages="Français, néerlandais",
        anonymity_note="Anonyme. Les appels ne sont pas enregistrés.",
    )
    OpeningHours.objects.create(
        helpline=item, weekday=0, opens=time(9), closes=time(17)
    )
    return item


@pytest.fixture
def nina(world, django_user_model):
    return member(django_user_model, "nina", "Translators · nl-be")


@pytest.fixture
def rita(world, django_user_model):
    return member(django_user_model, "rita", "Reviewers · nl-be")


@pytest.fixture
def staff(world, django_user_model):
    return django_user_model.objects.create_superuser("staff", "s@example.invalid")


def workspace(source, code: str) -> str:
    return reverse(
        "campaign_translations:snippet",
        args=[source._meta.model_name, source.pk, code],
    )


def review_url(review) -> str:
    return reverse("campaign_translations:review", args=[review.pk])


def texts_for(source, code: str, values: dict) -> dict:
    """The workspace form's fields for ``values`` (field name -> text)."""
    translation = snippet_drafts.snippet_translation(source, builders.locale(code))
    return {
        f"text-{row['id']}": values.get(row["field"], "")
        for row in snippet_drafts.snippet_strings(translation)
    }


def nl_row(model, source):
    return model.objects.filter(
        translation_key=source.translation_key, locale__language_code="nl-be"
    ).first()


def public_helpline_names(world) -> tuple[list[str], str]:
    """The helplines the nl-be page lists, and its public HTML."""
    page = world.page("nl-be")
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return [helpline.name for helpline in page.helplines()], response.content.decode()


def test_a_helpline_draft_is_private_until_a_reviewer_approves_it(
    world, helpline, nina, rita
):
    client = client_for(nina)
    url = workspace(helpline, "nl-be")
    response = client.get(url)
    assert response.status_code == 200
    assert 'data-campaign-action="start"' in response.content.decode()
    assert client.post(url, {"action": "start"}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=helpline.translation_key, target_locale__language_code="nl-be"
    )
    assert not translation.enabled  # wagtail-localize's sync leaves it alone
    segments = StringSegment.objects.filter(source=translation.source)
    assert {s.context.path for s in segments} == set(NL)  # not the phone number

    # A partial draft: saved as string translations, nothing public.
    partial = texts_for(helpline, "nl-be", {"name": NL["name"]})
    response = client.post(url, {"action": "save", **partial})
    assert response.status_code == 302
    assert StringTranslation.objects.filter(data=NL["name"]).exists()
    assert nl_row(Helpline, helpline) is None
    names, html = public_helpline_names(world)
    assert names == ["Ligne stop (exemple)"]
    assert NL["name"] not in html

    # Submitting needs every text translated: a new translation never goes
    # live half in the source language.
    client.post(url, {"action": "submit", **partial})
    assert not TranslationReview.objects.filter(locale__language_code="nl-be").exists()

    client.post(url, {"action": "submit", **texts_for(helpline, "nl-be", NL)})
    review = TranslationReview.objects.get(status=Status.SUBMITTED)
    assert review.content["fields"] == NL
    assert nl_row(Helpline, helpline) is None
    assert "Stoplijn" not in public_helpline_names(world)[1]

    reviewer = client_for(rita)
    page = reviewer.get(review_url(review))
    assert page.status_code == 200
    assert NL["anonymity_note"] in page.content.decode()
    queue = reviewer.get(reverse("campaign_translations:review_queue"))
    assert NL["name"] in queue.content.decode()
    reviewer.post(review_url(review), {"reject": "1", "comment": ""})
    assert TranslationReview.objects.get(pk=review.pk).status == Status.SUBMITTED
    response = reviewer.post(review_url(review), {"approve": "1"})
    assert response.status_code == 302

    row = nl_row(Helpline, helpline)
    assert row is not None
    assert (row.name, row.anonymity_note) == (NL["name"], NL["anonymity_note"])
    assert row.phone == "+3225550100"
    assert [(h.weekday, h.opens) for h in row.opening_hours.all()] == [(0, time(9))]
    names, html = public_helpline_names(world)
    assert names == [NL["name"]]
    assert NL["name"] in html


def test_approving_a_legal_text_updates_its_live_row_and_keeps_the_rest(
    world, nina, rita
):
    source = builders.legal_text(world.region, "fr-be", "La loi")
    copy = source.copy_for_translation(builders.locale("nl-be"))
    copy.title = "De wet"
    copy.body = "<p>Zulke beelden maken is strafbaar.</p>"
    copy.save()
    client = client_for(nina)
    url = workspace(source, "nl-be")
    client.post(url, {"action": "start"})
    # The existing translation is taken over, not lost.
    translation = snippet_drafts.snippet_translation(source, builders.locale("nl-be"))
    assert translation.get_progress() == (2, 2)

    fields = texts_for(source, "nl-be", {"title": "De wet in België"})
    body = next(name for name in fields if not fields[name])
    fields[body] = "Zulke beelden <b>maken of delen</b> is strafbaar."
    client.post(url, {"action": "submit", **fields})
    assert LegalText.objects.get(pk=copy.pk).title == "De wet"
    review = TranslationReview.objects.get(status=Status.SUBMITTED)

    source.last_reviewed = date(2026, 11, 1)
    source.save()
    client_for(rita).post(review_url(review), {"approve": "1"})
    live = LegalText.objects.get(pk=copy.pk)
    assert live.title == "De wet in België"
    assert "<b>maken of delen</b>" in live.body
    assert live.last_reviewed == date(2026, 11, 1)
    assert world.page("nl-be").legal_text().pk == copy.pk


def test_rich_text_that_is_not_inline_is_refused_and_nothing_is_saved(world, nina):
    source = builders.legal_text(world.region, "fr-be", "La loi")
    client = client_for(nina)
    url = workspace(source, "nl-be")
    client.post(url, {"action": "start"})
    fields = texts_for(source, "nl-be", {"title": "De wet"})
    body = next(name for name in fields if not fields[name])
    fields[body] = "<div>Blok</div>"
    response = client.post(url, {"action": "save", **fields})
    assert response.status_code == 200
    assert "help-critical" in response.content.decode()
    assert not StringTranslation.objects.filter(data__contains="Blok").exists()


# The status matrix ---------------------------------------------------------------


def helpline_cells(user) -> dict:
    _columns, rows = matrix(user)
    row = next(row for row in rows if row.kind == "helpline")
    return {cell.locale.language_code: cell for cell in row.cells}


def test_the_matrix_follows_a_helpline_from_missing_to_live_then_outdated(
    world, helpline, nina, rita, staff
):
    states = {code: cell.state for code, cell in helpline_cells(staff).items()}
    assert states == {"fr-be": "source", "nl-be": "missing", "de-be": "missing"}
    cell = helpline_cells(nina)["nl-be"]
    assert cell.workspace_url == workspace(helpline, "nl-be")
    assert helpline_cells(nina)["de-be"].workspace_url is None
    assert helpline_cells(nina)["nl-be"].edit_url is None

    client = client_for(nina)
    url = workspace(helpline, "nl-be")
    client.post(url, {"action": "start"})
    assert helpline_cells(staff)["nl-be"].state == "in_progress"
    client.post(url, {"action": "save", **texts_for(helpline, "nl-be", NL)})
    cell = helpline_cells(staff)["nl-be"]
    assert (cell.state, cell.percent) == ("in_progress", 100)

    client.post(url, {"action": "submit", **texts_for(helpline, "nl-be", NL)})
    assert helpline_cells(staff)["nl-be"].state == "submitted"
    review = TranslationReview.objects.get(status=Status.SUBMITTED)
    decisions.decide(review.pk, rita, approve=False, comment="Korter.")
    cell = helpline_cells(staff)["nl-be"]
    assert (cell.state, cell.note) == ("in_progress", "Changes requested: Korter.")

    client.post(url, {"action": "submit", **texts_for(helpline, "nl-be", NL)})
    review = TranslationReview.objects.get(status=Status.SUBMITTED)
    decisions.decide(review.pk, rita, approve=True)
    assert helpline_cells(staff)["nl-be"].state == "live"

    helpline.phone = "+3225550199"  # not translated: still current
    helpline.save()
    assert helpline_cells(staff)["nl-be"].state == "live"
    helpline.anonymity_note = "Anonyme, toujours."
    helpline.save()
    assert helpline_cells(staff)["nl-be"].state == "outdated"

    # The translator sees the source's new text, to translate again; the
    # other texts keep their translation.
    html = client.get(url).content.decode()
    assert "Anonyme, toujours." in html
    assert NL["name"] in html
    assert NL["anonymity_note"] not in html

    response = client_for(staff).get(reverse("campaign_translations:status"))
    html = response.content.decode()
    assert 'data-kind="helpline"' in html
    assert 'data-state="outdated"' in html


# Bad input in the workspace ---------------------------------------------------


@pytest.mark.parametrize(
    "name", ["text-²", "text-٣", "text-99999999999999999999999", "text-", "text-1x"]
)
def test_a_field_that_names_no_text_of_the_translation_is_a_400(
    world, helpline, nina, name
):
    client = client_for(nina)
    url = workspace(helpline, "nl-be")
    client.post(url, {"action": "start"})
    fields = texts_for(helpline, "nl-be", NL)
    response = client.post(url, {"action": "save", **fields, name: "x"})
    assert response.status_code == 400
    assert "not texts of this translation" in response.content.decode()
    assert name[:40] in response.content.decode()
    assert not StringTranslation.objects.filter(data=NL["name"]).exists()


def test_a_segment_of_another_translation_is_a_400(world, helpline, nina):
    other = builders.legal_text(world.region, "fr-be", "La loi")
    client = client_for(nina)
    client.post(workspace(other, "nl-be"), {"action": "start"})
    foreign = texts_for(other, "nl-be", {})
    url = workspace(helpline, "nl-be")
    client.post(url, {"action": "start"})
    response = client.post(url, {"action": "save", **foreign})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Stop\x00lijn", "contains a null character"),
        ("S" * 151, "is 151 characters long; this field allows at most 150"),
    ],
)
def test_a_text_the_field_cannot_hold_is_a_form_error(
    world, helpline, nina, value, message
):
    client = client_for(nina)
    url = workspace(helpline, "nl-be")
    client.post(url, {"action": "start"})
    fields = texts_for(helpline, "nl-be", {**NL, "name": value})
    response = client.post(url, {"action": "save", **fields})
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "Some texts were not saved" in text
    # (PostgreSQL cannot even be asked about a NUL: compare a prefix.)
    saved = StringTranslation.objects.filter(data__startswith=value[:4])
    assert not saved.exists()
    # The other texts were kept.
    assert StringTranslation.objects.filter(data=NL["languages"]).exists()
