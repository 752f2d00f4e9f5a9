"""Pages taken down together (campaign/releases/withdrawal.py): what Wagtail's
UnpublishPageAction leaves behind, for every page, in a few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry
from wagtail.signals import page_unpublished

from campaign import publication
from campaign.models import CampaignPage, Release
from campaign.releases import engine as publishing
from campaign.releases import withdrawal
from tests.campaign import builders
from tests.campaign.test_publishing import NOON, approve, campaign, scheduled

__all__ = ["campaign"]  # the fixture


def live(*pages) -> list[CampaignPage]:
    for page in pages:
        approve(page)
    return pages


@pytest.mark.django_db
def test_a_withdrawal_logs_each_page_once_and_sends_its_signal(campaign):
    live(campaign["fr"], campaign["nl"])
    publishing.publish_release(scheduled(campaign).pk, now=NOON)
    pages = [campaign["source"], campaign["fr"], campaign["nl"]]
    heard = []

    def listener(sender, instance, **kwargs):
        heard.append(instance.pk)

    page_unpublished.connect(listener)
    try:
        unpublished, _cancelled = publishing.withdraw_campaign(
            campaign["fr"], campaign["editor"]
        )
        again = publishing.withdraw_campaign(campaign["nl"], campaign["editor"])
    finally:
        page_unpublished.disconnect(listener)

    assert sorted(unpublished) == sorted(page.pk for page in pages)
    assert again == ([], 0)  # nothing left to take down, nothing logged twice
    assert sorted(heard) == sorted(unpublished)
    entries = PageLogEntry.objects.filter(action="wagtail.unpublish")
    assert sorted(entries.values_list("page_id", flat=True)) == sorted(unpublished)
    assert {entry.user for entry in entries} == {campaign["editor"]}
    assert len({entry.uuid for entry in entries}) == 1  # one user action
    for page in pages:
        page.refresh_from_db()
        assert (page.live, page.has_unpublished_changes, page.live_revision) == (
            False,
            True,
            None,
        )
        assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
        entry = entries.get(page=page)
        assert entry.label == page.get_admin_display_title()
        assert entry.content_type_id == page.content_type_id


@pytest.mark.django_db
def test_a_regional_withdrawal_marks_its_entries_with_the_release(campaign):
    live(campaign["fr"], campaign["nl"])
    release = scheduled(campaign)
    publishing.publish_release(release.pk, now=NOON)

    outcome = publishing.withdraw_region(release.pk, campaign["editor"])

    assert sorted(outcome.pages) == sorted([campaign["fr"].pk, campaign["nl"].pk])
    entries = PageLogEntry.objects.filter(action="wagtail.unpublish")
    assert entries.count() == 2
    for entry in entries:
        assert entry.data["release"]["id"] == release.pk
        assert entry.data["release"]["event"] == "withdrawal"
    release.refresh_from_db()
    assert release.state == Release.State.WITHDRAWN


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_pages(campaign):
    index = campaign["source"].get_parent()
    sources = [campaign["source"]]
    for number in range(4):
        page = CampaignPage(
            title=f"More {number}", slug=f"m{number}", body=[], live=False
        )
        index.add_child(instance=page)
        builders.publish_revision(page.save_revision())
        sources.append(page)
    translations = [campaign["fr"], campaign["nl"]]
    for source in sources[1:]:
        for code in ("fr-be", "nl-be"):
            translations.append(source.copy_for_translation(builders.locale(code)))
    CampaignPage.objects.filter(pk__in=[page.pk for page in translations]).update(
        live=True
    )
    pages = CampaignPage.objects.filter(
        translation_key__in=[source.translation_key for source in sources]
    )
    count = pages.filter(live=True).count()
    assert count >= 10

    with CaptureQueriesContext(connection) as queries:
        done = withdrawal.withdraw_campaigns(sources)[0]

    assert len(done) == count
    # Wagtail's action took about 22 a page (330 here); what is left is a
    # few per campaign (finding its source) and a fixed dozen.
    assert len(queries) <= 12 + 3 * len(sources), [q["sql"][:80] for q in queries]


@pytest.mark.django_db
def test_an_alias_goes_down_with_its_page_unlogged(campaign):
    source = campaign["source"]
    with publication.permitted("test"):
        alias = source.create_alias(update_slug=f"{source.slug}-alias")
    alias.refresh_from_db()
    assert alias.live and source.live

    withdrawal.unpublish_pages([source.specific])

    alias.refresh_from_db()
    assert not alias.live
    assert not PageLogEntry.objects.filter(
        page=alias, action="wagtail.unpublish"
    ).exists()
    assert (
        PageLogEntry.objects.filter(page=source, action="wagtail.unpublish").count()
        == 1
    )
