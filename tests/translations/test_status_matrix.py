"""The status screen: campaigns by locale, for 25 languages and their people."""

import re

import pytest
from django.utils import timezone

from campaign.models import Release
from tests.campaign.test_translation_workflow import (
    build_world,
    client_for,
    member,
    refused,
)
from translations import decisions, drafts
from translations.views.overview import build

pytestmark = pytest.mark.postgres
URL = "/admin/translations/"


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def staff(world, django_user_model):
    return django_user_model.objects.create_superuser("staff", "s@example.invalid")


@pytest.fixture
def tina(world, django_user_model):
    return member(django_user_model, "tina", "Translators · nl-be")


def column_codes(user, **filters) -> list[str]:
    groups, _campaigns, _totals = build(user, **filters)
    return [column.locale.language_code for g in groups for column in g.columns]


def test_the_translators_locale_comes_first_and_the_source_has_a_column(
    world, staff, tina
):
    assert column_codes(tina)[0] == "nl-be"
    assert "en" in column_codes(tina)
    # Staff see every locale grouped by region: the source's region first.
    assert column_codes(staff) == ["en", "fr-be", "nl-be", "de-be"]
    groups, campaigns, _totals = build(staff)
    (campaign,) = campaigns
    source_summary = campaign.summaries[0]
    assert source_summary.state == "source"
    page_row = campaign.items[0]
    assert [cell.state for cell in page_row.cells] == [
        "source",
        "live",
        "live",
        "missing",
    ]


def test_totals_per_locale_and_per_campaign_say_how_many_are_approved(world, staff):
    _groups, (campaign,), totals = build(staff)
    texts = {locale.language_code: text for locale, _summary, text in totals}
    assert texts["fr-be"] == "fr-be: 1 of 1 approved"
    assert texts["de-be"] == "de-be: 0 of 1 approved"
    assert campaign.totals == "2 of 3 approved"


def test_a_withdrawn_campaign_reads_withdrawn_not_approved(world, staff, tina):
    page = world.page("nl-be")
    review = drafts.submit_for_review(page, tina)
    decisions.decide(review.pk, staff, approve=True)
    world.page("nl-be").unpublish()

    def nl_state():
        _groups, (campaign,), _totals = build(staff)
        return campaign.items[0].cells[2].state

    assert nl_state() == "approved"
    Release.objects.create(
        page=world.source,
        region=world.region,
        go_live_at=timezone.now(),
        state=Release.State.WITHDRAWN,
    )
    assert nl_state() == "withdrawn"
    html = client_for(staff).get(URL).content.decode()
    assert 'data-locale="nl-be" data-state="withdrawn"' in html


def test_filters_by_state_and_campaign(world, staff):
    _groups, (campaign,), _totals = build(staff, state="missing")
    assert [row.kind for row in campaign.items] == ["page"]
    _groups, campaigns, _totals = build(staff, state="outdated")
    assert campaigns == []
    _groups, campaigns, _totals = build(staff, campaign_id=world.source.pk + 1000)
    assert campaigns == []
    response = client_for(staff).get(URL, {"state": "missing", "region": "LU"})
    assert response.status_code == 200
    assert b"<details open data-campaign-details>" in response.content


def test_a_cell_says_its_state_in_words_and_by_icon(world, staff):
    html = client_for(staff).get(URL).content.decode()
    cell = re.search(
        r'<td[^>]*data-locale="de-be" data-state="missing".*?</td>', html, re.S
    )
    assert cell is not None
    assert 'class="w-sr-only">de-be: missing' in cell.group(0)
    assert "#icon-radio-empty" in cell.group(0)
    assert "data-matrix-legend" in html


def test_every_link_of_the_matrix_opens_for_a_translator(world, tina):
    client = client_for(tina)
    html = client.get(URL).content.decode()
    title_link = re.search(r'href="([^"]+)" data-campaign-link', html).group(1)
    assert "/edit/" not in title_link  # the source page's editor is not theirs
    matrix = html[html.index("data-translation-status") :]
    links = set(re.findall(r'href="(/admin/[^"]+)"', matrix))
    assert links
    for link in links:
        response = client.get(link)
        assert not refused(response), link
        assert response.status_code == 200, link
