"""The release checklist: each reason, the automatic unblock, legal review,
overrides of one plan only, the reschedule confirmation, the commands."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from campaign.models import (
    CampaignPage,
    LegalSignOff,
    RegionLocale,
    Release,
    TranslationReview,
)
from campaign.releases import engine, readiness
from tests.campaign import builders
from tests.campaign.test_publishing import NOON, approve, translate

pytestmark = [pytest.mark.postgres]
State = Release.State


@pytest.fixture
def be(django_user_model):
    """Belgium (fr-be, nl-be), launch-ready except for the translations."""
    editor = django_user_model.objects.create_user("editor", "ed@example.org", "x")
    region = builders.launch_ready(
        builders.region("BE", "Europe/Brussels", "fr-be", "nl-be", name="Belgium")
    )
    source = builders.campaign_page(builders.campaign_index())
    return {
        "editor": editor,
        "region": region,
        "source": source,
        "fr": translate(source, "fr-be", "Arrêtez"),
        "nl": translate(source, "nl-be", "Stop"),
    }


def reasons(be, when=NOON) -> list[str]:
    return readiness.region_readiness(be["source"], be["region"], when).reasons


def scheduled(be) -> Release:
    return builders.schedule(be["source"], be["region"], "2027-03-01 12:00")


@pytest.mark.django_db
def test_each_reason_of_the_checklist(be):
    assert reasons(be) == [
        "The fr-be translation is not approved.",
        "The nl-be translation is not approved.",
    ]
    approve(be["fr"])
    approve(be["nl"])
    assert reasons(be) == []

    RegionLocale.objects.create(region=be["region"], locale=builders.locale("de-be"))
    assert reasons(be) == ["de-be has no translation of this page."]
    RegionLocale.objects.filter(locale__language_code="de-be").delete()

    be["region"].helplines.all().delete()
    assert reasons(be) == ["The region has no helpline."]
    builders.helpline(be["region"], "fr-be", "Stop it now")

    text = be["region"].legal_texts.get()
    text.body = "<p>The law changed.</p>"
    text.save()
    assert reasons(be) == [
        "The legal text “The law” is not signed off as it reads now."
    ]
    LegalSignOff.sign(text, be["editor"])
    text.review_by = dt.date(2027, 2, 28)
    text.save()
    assert reasons(be) == ["The legal text “The law” was due for review on 2027-02-28."]
    assert reasons(be, when=dt.datetime(2027, 2, 27, 12, tzinfo=dt.UTC)) == []
    text.delete()
    assert reasons(be) == ["The region has no legal text."]


@pytest.mark.django_db
def test_a_translation_of_an_older_source_is_outdated(be):
    old_source = be["source"].latest_revision
    approve(be["nl"])
    review = approve(be["fr"])
    review.source_revision = old_source
    review.save()
    assert reasons(be) == []
    source = CampaignPage.objects.get(pk=be["source"].pk)
    source.title = "A new source text"
    approved_source = TranslationReview.objects.create(
        page=source,
        revision=source.save_revision(),
        status="approved",
        decided_at=dt.datetime.now(dt.UTC),
    )
    assert approved_source.revision.created_at > old_source.created_at
    assert reasons(be) == [
        "The approved fr-be translation is outdated: the source changed after "
        "it was made."
    ]


@pytest.mark.django_db
def test_an_untranslated_slug_is_advice_not_a_block(be):
    approve(be["fr"])
    approve(be["nl"])
    checklist = readiness.region_readiness(be["source"], be["region"], NOON)
    assert checklist.ready
    slugs = [check for check in checklist.checks if check.key == "slug"]
    assert slugs and not any(check.blocking for check in slugs)


@pytest.mark.django_db
def test_a_blocked_release_unblocks_itself_and_publishes_late(be):
    approve(be["fr"])
    release = scheduled(be)
    assert engine.publish_release(release.pk, now=NOON).result == "blocked"
    assert engine.recheck_blocked(NOON) == []  # still a reason

    approve(be["nl"])
    later = NOON + dt.timedelta(minutes=5)
    assert engine.recheck_blocked(later) == [release.pk]
    release.refresh_from_db()
    assert release.state == State.SCHEDULED and release.blocked_reason == ""
    assert engine.publish_release(release.pk, now=later).result == "published"
    release.refresh_from_db()
    assert release.lateness == dt.timedelta(minutes=5)
    assert CampaignPage.objects.get(pk=be["nl"].pk).live


@pytest.mark.django_db
def test_a_legal_text_past_review_by_blocks_its_region(be):
    approve(be["fr"])
    approve(be["nl"])
    text = be["region"].legal_texts.get()
    text.review_by = dt.date(2027, 2, 1)
    text.save()
    outcome = engine.publish_release(scheduled(be).pk, now=NOON)
    assert outcome.result == "blocked"
    assert "was due for review on 2027-02-01" in outcome.detail
    assert not CampaignPage.objects.get(pk=be["fr"].pk).live


@pytest.mark.django_db
def test_an_override_needs_a_reason_and_holds_for_one_plan_only(be):
    approve(be["fr"])
    release = scheduled(be)
    engine.publish_release(release.pk, now=NOON)
    release.refresh_from_db()
    with pytest.raises(Exception, match="needs a reason"):
        engine.override_gate(release, be["editor"], " ")
    engine.override_gate(release, be["editor"], "Approved by phone")
    entry = PageLogEntry.objects.get(action="campaign.release.override")
    assert entry.data["reason"] == "Approved by phone"

    release = scheduled(be)  # planned again, by someone else
    assert release.gate_overridden_by is None and release.override_reason == ""
    assert engine.publish_release(release.pk, now=NOON).result == "blocked"
    assert not CampaignPage.objects.get(pk=be["nl"].pk).live


@pytest.mark.django_db
def test_a_planned_release_shows_why_it_will_be_blocked(be, admin_client):
    release = scheduled(be)
    timeline = admin_client.get(
        reverse("campaign_releases:page", args=[be["source"].pk])
    ).content.decode()
    assert "Will be blocked because:" in timeline
    assert "The nl-be translation is not approved." in timeline
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "The nl-be translation is not approved." in dashboard
    approve(be["fr"])
    approve(be["nl"])
    assert readiness.will_block(release) == []


@pytest.mark.django_db
def test_the_rollout_form_shows_the_checklist_and_confirms_a_move(be, admin_client):
    approve(be["fr"])
    url = reverse("campaign_releases:plan", args=[be["source"].pk])
    page = admin_client.get(url).content.decode()
    assert 'data-readiness="BE" data-ready="no"' in page
    assert "The nl-be translation is not approved." in page

    form = {
        "regions": [be["region"].pk],
        "mode": "same_local_time",
        "go_live": "2027-03-01 12:00",
    }
    assert admin_client.post(url, form).status_code == 302
    moved = {**form, "go_live": "2027-03-02 09:30"}
    answer = admin_client.post(url, moved)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Belgium (BE): from 2027-03-01 12:00 CET" in html
    assert "to 2027-03-02 09:30 CET" in html
    release = Release.objects.get()
    assert release.go_live_at == NOON  # not moved yet

    assert admin_client.post(url, {**moved, "confirm_moves": "on"}).status_code == 302
    release.refresh_from_db()
    assert release.go_live_at == dt.datetime(2027, 3, 2, 8, 30, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_readiness_and_publish_due_commands(be):
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("readiness", str(be["source"].pk), "--region", "be", stdout=out)
    assert "BE: NOT READY" in out.getvalue()
    approve(be["fr"])
    approve(be["nl"])
    out = io.StringIO()
    call_command("readiness", str(be["source"].pk), "--json", stdout=out)
    data = {item["region"]: item for item in json.loads(out.getvalue())}
    assert data["BE"]["ready"] is True

    release = builders.schedule(be["source"], be["region"], "2027-03-01 12:00")
    Release.objects.filter(pk=release.pk).update(
        go_live_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    )
    out = io.StringIO()
    call_command("publish_due", stdout=out)
    assert f"release {release.pk}" in out.getvalue()
    assert "published, 2 page(s)" in out.getvalue()
    assert CampaignPage.objects.get(pk=be["fr"].pk).live
    out = io.StringIO()
    call_command("publish_due", stdout=out)
    assert "Nothing is due." in out.getvalue()


@pytest.mark.django_db
def test_a_legal_reviewer_signs_off_the_region_s_text(be, django_user_model):
    call_command("sync_regional_groups", verbosity=0, stdout=io.StringIO())
    from tests.campaign.test_translation_workflow import client_for, member

    lawyer = member(django_user_model, "lex", "Legal reviewers · BE")
    text = be["region"].legal_texts.get()
    text.body = "<p>Amended.</p>"
    text.review_by = dt.date.today() + dt.timedelta(days=10)
    text.save()
    client = client_for(lawyer)
    listing = client.get(reverse("campaign_releases:legal")).content.decode()
    assert 'data-due="BE"' in listing
    url = reverse("campaign_releases:legal_sign_off", args=[text.pk])
    assert client.post(url, {"comment": "Checked"}).status_code == 302
    signed = LegalSignOff.current(text)
    assert signed.signed_by == lawyer and signed.body == "<p>Amended.</p>"
    other = member(django_user_model, "dk-lex", "Legal reviewers · BE")
    other.groups.clear()
    assert client_for(other).post(url).status_code in (302, 403)
    assert LegalSignOff.objects.filter(legal_text=text).count() == 2
