"""A release's batched publish leaves what Wagtail's own publish leaves.

The same page, in the same state, is published once through Wagtail's
``PublishPageRevisionAction`` and once through ``batch.publish``, each in a
savepoint rolled back afterwards; the page row, its revisions, its log
entries, the signals sent and the search and reference index entries must
come out the same (publish times aside: each is "now").
"""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry
from wagtail.signals import page_published

from campaign.models import CampaignPage, Release, TranslationReview
from campaign.releases import audit, batch, readiness
from campaign.releases import engine as publishing
from tests.campaign import builders

UTC = dt.UTC
NOON = dt.datetime(2027, 3, 1, 11, 0, tzinfo=UTC)  # 12:00 in Brussels
TIMES = ("first_published_at", "last_published_at")


def approve(page, title=None):
    if title:
        page.title = title
    return builders.approved_revision(page)


@pytest.fixture
def world(django_user_model):
    editor = django_user_model.objects.create_user("editor", "ed@example.org", "x")
    region = builders.launch_ready(
        builders.region("BE", "Europe/Brussels", "fr-be", name="Belgium")
    )
    builders.region("INT", "UTC", "en")
    index = builders.campaign_index()
    source = builders.campaign_page(index, body=[("heading", "Help is one call away")])
    return {"editor": editor, "region": region, "index": index, "source": source}


def snapshot(page_pk: int, after_entry: int) -> dict:
    row = CampaignPage.objects.filter(pk=page_pk).values().get()
    times = {name: row.pop(name) for name in TIMES}
    entries = list(
        PageLogEntry.objects.filter(page_id=page_pk, pk__gt=after_entry)
        .order_by("pk")
        .values(
            "action", "data", "user_id", "revision_id", "content_changed",
            "label", "content_type_id", "deleted", "uuid",
        )
    )  # fmt: skip
    uuids = {entry.pop("uuid") for entry in entries}
    return {
        "row": row,
        "times_set": {name: value is not None for name, value in times.items()},
        "revisions": list(
            Revision.objects.filter(object_id=str(page_pk))
            .order_by("pk")
            .values_list("pk", "approved_go_live_at")
        ),
        "entries": entries,
        "one_uuid": len(uuids) == 1,
        "search": sorted(
            (entry.title, entry.body)
            for entry in IndexEntry.objects.filter(object_id=str(page_pk))
        ),
        "references": sorted(
            ReferenceIndex.objects.filter(object_id=str(page_pk)).values_list(
                "to_content_type_id", "to_object_id", "content_path"
            )
        ),
    }


def both_ways(page, revision, user, data) -> tuple[dict, dict, list]:
    """Publish ``revision`` through Wagtail, then through the batch, from the
    same state; return both snapshots and the signals each sent."""
    after = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    results, signals = [], []

    def heard(sender, instance, revision, **kwargs):
        signals[-1].append((sender, instance.pk, revision.pk, instance.live))

    page_published.connect(heard, dispatch_uid="test_batch_publish")
    try:
        for way in ("wagtail", "batch"):
            signals.append([])
            with transaction.atomic():
                fresh = CampaignPage.objects.get(pk=page.pk)
                fresh_revision = Revision.objects.get(pk=revision.pk)
                if way == "wagtail":
                    batch.publish_one(fresh, fresh_revision, user, data)
                else:
                    assert batch.publish([(fresh, fresh_revision, user, data)]) == [
                        page.pk
                    ]
                    # What the task queued after the commit does.
                    batch.index(CampaignPage._meta.label_lower, [page.pk])
                results.append(snapshot(page.pk, after or 0))
                transaction.set_rollback(True)
    finally:
        page_published.disconnect(dispatch_uid="test_batch_publish")
    return results[0], results[1], signals


@pytest.mark.django_db
def test_a_batched_publish_leaves_the_page_as_wagtails_own_publish(world):
    """A translation published for the first time, renamed by its approved
    revision, with a go-live time stored and a newer draft after it."""
    page = builders.translation(world["source"], "fr-be", publish=False)
    revision = approve(page, title="Arrêtez avant de commencer")
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=NOON)
    page.title = "Brouillon après approbation"
    page.save_revision()  # newer: has_unpublished_changes stays true
    release = publishing.schedule(
        world["source"], world["region"], NOON, user=world["editor"], now=NOON
    )
    data = audit.entry_data(release, "publish")

    wagtail, ours, signals = both_ways(page, revision, world["editor"], data)

    assert ours == wagtail
    row = ours["row"]
    assert row["live"] and row["live_revision_id"] == revision.pk
    assert row["title"] == "Arrêtez avant de commencer"
    assert row["has_unpublished_changes"] and not row["expired"]
    assert row["go_live_at"] is None
    assert ours["times_set"] == {"first_published_at": True, "last_published_at": True}
    assert all(at is None for _pk, at in ours["revisions"])
    assert [entry["action"] for entry in ours["entries"]] == [
        "wagtail.rename",
        "wagtail.publish",
    ]
    assert ours["one_uuid"]
    assert all(e["data"]["release"]["id"] == release.pk for e in ours["entries"])
    assert ours["search"], "the search index has the page"
    assert signals[0] == signals[1] == [(CampaignPage, page.pk, revision.pk, True)]


@pytest.mark.django_db
def test_a_live_page_republished_at_its_latest_revision(world):
    """A live page whose approved revision is its latest: no rename, no
    unpublished changes left, first publication time kept."""
    page = builders.translation(world["source"], "fr-be")
    first = CampaignPage.objects.get(pk=page.pk).first_published_at
    revision = approve(page)
    wagtail, ours, _signals = both_ways(page, revision, world["editor"], None)
    assert ours == wagtail
    assert [entry["action"] for entry in ours["entries"]] == ["wagtail.publish"]
    assert not ours["row"]["has_unpublished_changes"]
    assert CampaignPage.objects.get(pk=page.pk).first_published_at == first


@pytest.mark.django_db
def test_a_slug_change_goes_through_wagtail(world):
    """A new slug moves url paths: Wagtail's action does it, one entry still."""
    page = builders.translation(world["source"], "fr-be")
    page.slug = "arretez"
    revision = approve(page)
    wagtail, ours, _signals = both_ways(page, revision, world["editor"], None)
    assert ours == wagtail
    assert ours["row"]["url_path"].endswith("/arretez/")


@pytest.mark.django_db
def test_a_region_wave_publishes_in_one_batch_each_page_once(world):
    """Five releases of one region due at once: the first delivery publishes
    all five, each page gets exactly one publish entry naming its own
    release; the other deliveries find them published. A release of another
    region, and one not yet due, stay for their own deliveries."""
    region = world["region"]
    other = builders.launch_ready(builders.region("NL", "Europe/Amsterdam", "nl-nl"))
    releases, pages = [], []
    for number in range(5):
        source = CampaignPage(
            title=f"Campaign {number}", slug=f"c{number}", body=[], live=False
        )
        world["index"].add_child(instance=source)
        builders.publish_revision(source.save_revision())
        for code in ("fr-be", "nl-nl"):
            translated = builders.translation(source, code, publish=False)
            approve(translated)
            if code == "fr-be":
                pages.append(translated)
        releases.append(publishing.schedule(source, region, NOON, now=NOON))
    elsewhere = publishing.schedule(source, other, NOON, now=NOON)
    later = publishing.schedule(
        world["source"], region, NOON + dt.timedelta(hours=1), now=NOON
    )

    outcome = publishing.publish_release(releases[2].pk, now=NOON)

    assert outcome.result == "published"
    assert sorted(outcome.companions) == sorted(
        r.pk for r in releases if r.pk != releases[2].pk
    )
    for release, page in zip(releases, pages, strict=True):
        release.refresh_from_db()
        assert release.state == Release.State.PUBLISHED
        assert release.published_at is not None
        entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        assert [e.data["release"]["id"] for e in entries] == [release.pk]
        assert CampaignPage.objects.get(pk=page.pk).live
    assert Release.objects.get(pk=elsewhere.pk).state == Release.State.SCHEDULED
    assert Release.objects.get(pk=later.pk).state == Release.State.SCHEDULED
    for release in releases:
        assert publishing.publish_release(release.pk, now=NOON).result == "skipped"
    for page in pages:
        entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        assert entries.count() == 1


@pytest.mark.django_db
def test_a_revision_naming_a_deleted_image_is_published_as_wagtail_does(world):
    """A key of the revision's content whose row is gone: Wagtail nulls it
    (the batch leaves such a page to Wagtail's own reading of it)."""
    page = builders.translation(world["source"], "fr-be", publish=False)
    page.share_image = builders.image()
    revision = approve(page)
    page.share_image.delete()
    wagtail, ours, _signals = both_ways(page, revision, world["editor"], None)
    assert ours == wagtail
    assert ours["row"]["share_image_id"] is None
    assert ours["row"]["live_revision_id"] == revision.pk


def region_wave(world, code: str, language: str, count: int) -> list[Release]:
    """``count`` campaigns approved in a new launch-ready region, due at NOON."""
    region = builders.launch_ready(builders.region(code, "Europe/Brussels", language))
    releases = []
    for number in range(count):
        source = CampaignPage(
            title=f"{code} {number}", slug=f"{code}-{number}", body=[], live=False
        )
        world["index"].add_child(instance=source)
        builders.publish_revision(source.save_revision())
        approve(builders.translation(source, language, publish=False))
        releases.append(publishing.schedule(source, region, NOON, now=NOON))
    return releases


@pytest.mark.django_db
def test_a_region_batch_costs_the_same_queries_for_two_pages_or_five(world):
    """Gating and publishing a region's batch: a number of queries that does
    not grow with its pages (~15 a release and ~5 a page before)."""
    counts = []
    for code, language, count in (("DK", "da-dk", 2), ("DE", "de-de", 5)):
        releases = region_wave(world, code, language, count)
        with CaptureQueriesContext(connection) as queries:
            outcome = publishing.publish_release(releases[0].pk, now=NOON)
        assert outcome.result == "published"
        assert len(outcome.companions) == count - 1
        counts.append(len(queries))
    assert counts[1] <= counts[0]


@pytest.mark.django_db
def test_the_checklists_of_a_batch_are_each_campaigns_own(world):
    """Worked out together, each campaign's checklist reads as it does
    alone: approved, not approved, outdated, a slug left as the source's."""
    region = world["region"]

    def campaign(slug):
        page = CampaignPage(title=slug, slug=slug, body=[], live=False)
        world["index"].add_child(instance=page)
        builders.publish_revision(page.save_revision())
        return CampaignPage.objects.get(pk=page.pk)

    ready = world["source"]
    approve(ready)
    approve(builders.translation(ready, "fr-be", publish=False))
    waiting = campaign("waiting")
    builders.translation(waiting, "fr-be", publish=False)
    outdated = campaign("outdated")
    made_from = outdated.latest_revision
    translated = builders.translation(outdated, "fr-be", publish=False)
    approve(translated)
    TranslationReview.objects.filter(page=translated).update(source_revision=made_from)
    outdated.title = "Changed after the translation"
    approve(outdated)
    untranslated = campaign("alone")
    campaigns = [ready, waiting, outdated, untranslated]

    together = readiness.campaigns_readiness(campaigns, region, NOON)

    alone = [readiness.region_readiness(page, region, NOON) for page in campaigns]
    assert [r.as_dict() for r in together] == [r.as_dict() for r in alone]
    assert [r.pairs for r in together] == [r.pairs for r in alone]
    assert [r.ready for r in together] == [True, False, False, False]


@pytest.mark.django_db
def test_a_delivery_left_without_work_publishes_the_next_region(world):
    """The next due release no worker holds is published with its region's
    batch; one tried before is left to its own delivery (its retries)."""
    denmark = region_wave(world, "DK", "da-dk", 2)
    germany = region_wave(world, "DE", "de-de", 2)
    tried = region_wave(world, "NL", "nl-nl", 1)[0]
    Release.objects.filter(pk=tried.pk).update(attempts=1)
    assert publishing.publish_release(denmark[0].pk, now=NOON).result == "published"
    assert publishing.publish_release(denmark[1].pk, now=NOON).result == "skipped"

    helped = publishing.publish_next_due(now=NOON)

    assert helped.result == "published"
    assert sorted([helped.release_id, *helped.companions]) == [r.pk for r in germany]
    assert publishing.publish_next_due(now=NOON) is None
    assert Release.objects.get(pk=tried.pk).state == Release.State.SCHEDULED
    for page in CampaignPage.objects.filter(locale__language_code="de-de"):
        assert (
            PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()
            == 1
        )
