"""The translation status matrix: pages and helplines by locale."""

import re

import pytest
from django.urls import reverse

from campaign.models import Helpline, Region
from tests.campaign import builders
from tests.campaign.test_translation_workflow import (
    HERO,
    build_world,
    client_for,
    member,
    put_string,
    start,
)
from translations import decisions, drafts
from translations.views.matrix import matrix


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def staff(world, django_user_model):
    return django_user_model.objects.create_superuser("staff", "s@example.invalid")


@pytest.fixture
def tina(world, django_user_model):
    return member(django_user_model, "tina", "Translators · fr-be")


def cells(user, kind="page", region=None) -> dict:
    _columns, rows = matrix(user, region)
    row = next(row for row in rows if row.kind == kind)
    return {cell.locale.language_code: cell for cell in row.cells}


def test_a_translation_goes_from_live_through_review_to_live_then_outdated(
    world, staff, tina
):
    start_cells = cells(staff)
    assert {code: cell.state for code, cell in start_cells.items()} == {
        "fr-be": "live",
        "nl-be": "live",
        "de-be": "missing",
    }

    client = client_for(tina)
    translation = start(client, world)
    assert cells(staff)["fr-be"].state == "live"  # existing text taken over
    put_string(client, translation, f"body.{HERO}.headline", "Nouveau titre")
    cell = cells(staff)["fr-be"]
    assert cell.state == "in_progress"
    assert 0 < cell.percent <= 100

    page = world.page("fr-be")
    drafts.save_draft(page, tina)
    assert cells(staff)["fr-be"].state == "in_progress"
    review = drafts.submit_for_review(world.page("fr-be"), tina)
    assert cells(staff)["fr-be"].state == "submitted"
    decisions.decide(review.pk, staff, approve=False, comment="Plus court.")
    cell = cells(staff)["fr-be"]
    assert (cell.state, cell.note) == ("in_progress", "Changes requested: Plus court.")
    review = drafts.submit_for_review(world.page("fr-be"), tina)
    decisions.decide(review.pk, staff, approve=True)
    assert cells(staff)["fr-be"].state == "approved"

    builders.publish_revision(review.revision)
    assert cells(staff)["fr-be"].state == "live"

    source = world.source.get_latest_revision_as_object()
    source.title = "Stop now"
    source.save_revision()
    after = cells(staff)
    assert after["fr-be"].state == "outdated"
    assert after["nl-be"].state == "outdated"
    assert after["de-be"].state == "missing"


def test_links_only_where_the_user_may_translate(world, tina):
    row = cells(tina)
    assert row["fr-be"].edit_url and row["fr-be"].workspace_url
    assert row["nl-be"].edit_url is None and row["nl-be"].workspace_url is None
    assert row["de-be"].workspace_url is None


def test_helplines_show_their_source_and_their_region_only(world, staff):
    belgium = world.region
    source = builders.helpline(belgium, "fr-be", "Ligne stop (exemple)")
    copy = source.copy_for_translation(builders.locale("nl-be"))
    copy.name = "Stoplijn (voorbeeld)"
    copy.save()
    row = cells(staff, kind="helpline")
    assert {code: cell.state for code, cell in row.items()} == {
        "fr-be": "source",
        "nl-be": "live",
        "de-be": "na",
    }
    Helpline.objects.filter(pk=copy.pk).delete()
    assert cells(staff, kind="helpline")["nl-be"].state == "missing"


def test_the_status_view_filters_by_region_without_inline_style_or_script(world, tina):
    client = client_for(tina)
    url = reverse("campaign_translations:status")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index('<div class="nice-padding">') : html.index("</main>")]
    assert 'data-locale="de-be"' in main
    assert 'data-state="live"' in main
    assert "style=" not in main
    assert not re.search(r"<script(?![^>]*\bsrc=)", main)
    # The translator's cell opens their workspace (which opens the editor).
    workspace = reverse(
        "campaign_translations:workspace", args=[world.source.pk, "fr-be"]
    )
    assert f'href="{workspace}"' in main
    nl_edit = reverse("wagtailadmin_pages:edit", args=[world.page("nl-be").pk])
    assert nl_edit not in main

    filtered = client.get(url, {"region": "BE"}).content.decode()
    assert 'data-locale="fr-be"' in filtered
    assert 'data-locale="de-be"' not in filtered
    assert Region.objects.filter(code="LU").exists()


def test_outdated_is_exact_about_the_source_revision_a_submission_was_made_from(
    world, staff, tina
):
    review = drafts.submit_for_review(world.page("fr-be"), tina)
    assert review.source_revision_id == world.source.latest_revision_id
    decisions.decide(review.pk, staff, approve=True)
    builders.publish_revision(review.revision)
    assert cells(staff)["fr-be"].state == "live"

    source = world.source.get_latest_revision_as_object()
    source.title = "Stop now"
    source.save_revision()
    # A later revision of the translation that is not a new translation
    # (staff fixing a typo) does not hide that the source moved on; the
    # timestamps alone would call it current.
    world.page("fr-be").save_revision(user=staff)
    assert cells(staff)["fr-be"].state == "outdated"

    drafts.submit_for_review(world.page("fr-be"), tina)
    assert cells(staff)["fr-be"].state == "submitted"
