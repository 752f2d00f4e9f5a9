"""Release admin over HTTP: rollouts, gates, withdrawal, permissions, dashboard."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry

from campaign.models import CampaignPage, Release, Rollout, TranslationReview
from campaign.releases import engine as publishing
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]

UTC = dt.UTC
State = Release.State


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.fixture
def world():
    regions = {
        "DK": builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark"),
        "GB": builders.region("GB", "Europe/London", "en-gb", name="United Kingdom"),
        "AU": builders.region("AU", "Australia/Sydney", "en-au", name="Australia"),
        "BE": builders.region(
            "BE", "Europe/Brussels", "fr-be", "nl-be", name="Belgium"
        ),
    }
    for region in regions.values():
        builders.launch_ready(region)
    source = builders.campaign_page(builders.campaign_index())
    return {"regions": regions, "source": source}


def plan_url(page) -> str:
    return reverse("campaign_releases:plan", args=[page.pk])


def pks(world, *codes) -> list[int]:
    return [world["regions"][code].pk for code in codes]


def at_nine(world, *codes, go_live="2027-03-01 09:00") -> dict:
    """Form data: the same local time in the regions ``codes``."""
    return {
        "regions": pks(world, *codes),
        "mode": "same_local_time",
        "go_live": go_live,
    }


def regional_editor(django_user_model, code: str, *extra_perms: str):
    call_command("sync_regional_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user(f"editor-{code}", password="x")
    user.groups.add(Group.objects.get(name=f"Regional editors · {code}"))
    for codename in extra_perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return user, client


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied by sending the user to the
    dashboard with a message; a plain 403 is a refusal too."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def translate(source, code: str, approved: bool = True) -> CampaignPage:
    page = source.copy_for_translation(builders.locale(code), copy_parents=True)
    revision = page.save_revision()
    if approved:
        TranslationReview.objects.create(
            page=page,
            revision=revision,
            status=TranslationReview.Status.APPROVED,
            decided_at=timezone.now(),
        )
    return page.specific


# Rollouts --------------------------------------------------------------------


def test_same_local_time_rollout_schedules_nine_oclock_in_each_zone(
    world, admin_client, admin_user
):
    response = admin_client.post(
        plan_url(world["source"]),
        {
            "regions": pks(world, "DK", "GB", "AU"),
            "mode": "same_local_time",
            "go_live": "2027-03-01 09:00",
        },
    )
    rollout = Rollout.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("campaign_releases:rollout", args=[rollout.pk])
    assert rollout.mode == Rollout.Mode.SAME_LOCAL_TIME
    assert rollout.created_by == admin_user
    instants = {r.region.code: r.go_live_at for r in rollout.releases.all()}
    assert instants == {
        "DK": utc(2027, 3, 1, 8, 0),  # CET, UTC+1
        "GB": utc(2027, 3, 1, 9, 0),  # GMT
        "AU": utc(2027, 2, 28, 22, 0),  # AEDT, UTC+11: the wave starts there
    }
    assert {r.scheduled_by for r in rollout.releases.all()} == {admin_user}
    assert all(r.state == State.SCHEDULED for r in rollout.releases.all())
    page = admin_client.get(response.url)
    assert "Rollout planned: 3 region(s)" in page.content.decode()


def test_time_in_the_spring_gap_is_refused_with_both_choices_and_nothing_saved(
    world, admin_client
):
    response = admin_client.post(
        plan_url(world["source"]),
        {
            "regions": pks(world, "DK", "GB", "AU"),
            "mode": "same_local_time",
            "go_live": "2027-03-28 02:30",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Denmark (DK): 2027-03-28 02:30 does not exist in Europe/Copenhagen" in html
    assert "2027-03-28 01:30 CET (UTC+01:00)" in html
    assert "2027-03-28 03:30 CEST (UTC+02:00)" in html
    assert "United Kingdom (GB): 2027" not in html  # 02:30 exists in London (BST)
    assert not Release.objects.exists()
    assert not Rollout.objects.exists()


def test_time_that_happens_twice_names_both_and_an_offset_picks_one(
    world, admin_client
):
    data = {"regions": pks(world, "DK"), "mode": "same_local_time"}
    response = admin_client.post(
        plan_url(world["source"]), {**data, "go_live": "2027-10-31 02:30"}
    )
    html = response.content.decode()
    assert "happens twice in Europe/Copenhagen" in html
    assert "2027-10-31 02:30 CEST (UTC+02:00)" in html
    assert "2027-10-31 02:30 CET (UTC+01:00)" in html
    assert not Release.objects.exists()

    response = admin_client.post(
        plan_url(world["source"]), {**data, "go_live": "2027-10-31 02:30+01:00"}
    )
    assert response.status_code == 302
    assert Release.objects.get().go_live_at == utc(2027, 10, 31, 1, 30)


def test_one_time_per_region_with_own_and_shared_expiry(world, admin_client):
    response = admin_client.post(
        plan_url(world["source"]),
        {
            "regions": pks(world, "DK", "GB", "AU"),
            "mode": "per_region",
            "go_live_dk": "2027-03-01 09:00",
            "go_live_gb": "2027-03-01 12:30:15",
            "go_live_au": "2027-03-02 07:00",
            "expire": "2027-04-01 00:00",
            "expire_gb": "2027-03-10 09:00",
        },
    )
    assert response.status_code == 302
    releases = {r.region.code: r for r in Release.objects.select_related("region")}
    assert releases["DK"].go_live_at == utc(2027, 3, 1, 8, 0)
    assert releases["GB"].go_live_at == utc(2027, 3, 1, 12, 30, 15)
    assert releases["AU"].go_live_at == utc(2027, 3, 1, 20, 0)
    assert releases["DK"].expire_at == utc(2027, 3, 31, 22, 0)  # CEST by then
    assert releases["GB"].expire_at == utc(2027, 3, 10, 9, 0)  # its own
    assert Rollout.objects.get().mode == Rollout.Mode.PER_REGION


def test_per_region_rollout_with_one_bad_region_saves_no_region(world, admin_client):
    response = admin_client.post(
        plan_url(world["source"]),
        {
            "regions": pks(world, "DK", "GB"),
            "mode": "per_region",
            "go_live_dk": "2027-03-01 09:00",
            "go_live_gb": "2027-03-01 08:00",
            "expire_gb": "2027-03-01 07:00",
        },
    )
    assert response.status_code == 200
    assert "The expiry must come after the go-live time." in response.content.decode()
    assert not Release.objects.exists()
    assert not Rollout.objects.exists()


def test_a_go_live_time_in_the_past_is_refused(world, admin_client):
    response = admin_client.post(
        plan_url(world["source"]),
        at_nine(world, "DK", go_live="2020-01-01 09:00"),
    )
    assert "is already past" in response.content.decode()
    assert not Release.objects.exists()


def test_rollout_form_needs_a_csrf_token(world, admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(
        plan_url(world["source"]),
        at_nine(world, "DK"),
    )
    assert response.status_code == 403
    assert not Release.objects.exists()


def test_rollout_is_only_for_campaign_pages(world, admin_client):
    home = builders.home()
    response = admin_client.get(plan_url(home), follow=True)
    assert response.status_code == 404


# Permissions ----------------------------------------------------------------


def test_regional_editor_schedules_own_region_but_not_another(world, django_user_model):
    editor, client = regional_editor(django_user_model, "BE")
    form = client.get(plan_url(world["source"]))
    assert form.status_code == 200
    html = form.content.decode()
    assert "Belgium (BE)" in html and "Denmark (DK)" not in html

    refused = client.post(
        plan_url(world["source"]),
        at_nine(world, "BE", "DK"),
    )
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert not Release.objects.exists()

    accepted = client.post(
        plan_url(world["source"]),
        at_nine(world, "BE"),
    )
    assert accepted.status_code == 302
    release = Release.objects.get()
    assert (release.region.code, release.scheduled_by) == ("BE", editor)


def test_regional_editor_withdraws_own_region_only_and_never_everywhere(
    world, django_user_model
):
    _, client = regional_editor(django_user_model, "BE")
    be = builders.schedule(world["source"], world["regions"]["BE"], "2027-03-01 09:00")
    dk = builders.schedule(world["source"], world["regions"]["DK"], "2027-03-01 09:00")
    everywhere = reverse(
        "campaign_releases:withdraw_campaign", args=[world["source"].pk]
    )
    assert refused(client.get(everywhere))
    assert refused(client.post(everywhere))

    dk_url = reverse("campaign_releases:withdraw_region", args=[dk.pk])
    assert refused(client.get(dk_url))
    assert refused(client.post(dk_url))

    be_url = reverse("campaign_releases:withdraw_region", args=[be.pk])
    assert client.get(be_url).status_code == 200
    be.refresh_from_db()
    assert be.state == State.SCHEDULED  # GET changes nothing
    assert client.post(be_url).status_code == 302
    be.refresh_from_db()
    dk.refresh_from_db()
    assert (be.state, dk.state) == (State.WITHDRAWN, State.SCHEDULED)


def test_user_without_release_permissions_is_refused(world, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert refused(client.get(plan_url(world["source"])))
    assert refused(client.get(reverse("campaign_releases:index")))
    timeline = reverse("campaign_releases:page", args=[world["source"].pk])
    assert refused(client.get(timeline))


def test_sync_regional_groups_is_idempotent(world):
    translate(world["source"], "fr-be")  # gives fr-be a tree (home alias)
    out = io.StringIO()
    call_command("sync_regional_groups", stdout=out)
    assert "Regional editors · BE: created" in out.getvalue()
    call_command("sync_regional_groups", stdout=out)
    assert "Regional editors · BE: up to date" in out.getvalue()
    group = Group.objects.get(name="Regional editors · BE")
    assert Group.objects.filter(name__startswith="Regional editors").count() == 4
    assert set(group.permissions.values_list("codename", flat=True)) >= {
        "access_admin", "add_release", "change_release", "view_release",
    }  # fmt: skip
    assert list(world["regions"]["BE"].editor_groups.all()) == [group]
    granted = [
        (row.page.locale.language_code, row.permission.codename)
        for row in GroupPagePermission.objects.filter(group=group)
    ]
    assert granted == [("fr-be", "add_page")]


# Gates -----------------------------------------------------------------------


def blocked_release(world) -> Release:
    translate(world["source"], "fr-be")
    translate(world["source"], "nl-be", approved=False)
    release = builders.schedule(
        world["source"], world["regions"]["BE"], "2027-03-01 09:00"
    )
    publishing.publish_release(release.pk, now=utc(2027, 3, 1, 8, 0, 1))
    release.refresh_from_db()
    assert release.state == State.BLOCKED
    return release


def test_override_needs_the_permission_and_the_region(world, django_user_model):
    release = blocked_release(world)
    url = reverse("campaign_releases:override", args=[release.pk])
    _, plain = regional_editor(django_user_model, "BE")
    assert refused(plain.get(url))
    assert refused(plain.post(url))
    dk_user, elsewhere = regional_editor(django_user_model, "DK", "override_gate")
    assert refused(elsewhere.post(url))
    release.refresh_from_db()
    assert release.state == State.BLOCKED and release.gate_overridden_by is None


def test_override_is_confirmed_then_logged(world, django_user_model):
    release = blocked_release(world)
    user, client = regional_editor(django_user_model, "BE", "override_gate")
    timeline = client.get(reverse("campaign_releases:page", args=[world["source"].pk]))
    url = reverse("campaign_releases:override", args=[release.pk])
    assert url in timeline.content.decode()
    assert "nl-be translation is not approved" in timeline.content.decode()

    confirm = client.get(url)
    assert "nl-be translation is not approved" in confirm.content.decode()
    release.refresh_from_db()
    assert release.state == State.BLOCKED  # GET changes nothing

    no_reason = client.post(url, {"reason": "  "})
    assert no_reason.status_code == 400
    assert "an override needs a reason" in no_reason.content.decode()
    release.refresh_from_db()
    assert release.state == State.BLOCKED

    assert client.post(url, {"reason": "Legal asked for it"}).status_code == 302
    release.refresh_from_db()
    assert release.state == State.SCHEDULED
    assert release.gate_overridden_by == user
    assert release.override_reason == "Legal asked for it"
    entry = PageLogEntry.objects.get(action="campaign.release.override")
    assert entry.user == user and entry.data["region"] == "BE"
    assert entry.data["reason"] == "Legal asked for it"

    again = client.post(url, {"reason": "x"})  # not blocked: refused, not logged
    assert again.status_code == 302
    assert PageLogEntry.objects.filter(action="campaign.release.override").count() == 1


# Dashboard -------------------------------------------------------------------


def test_dashboard_panel_lists_upcoming_and_late_blocked_failed(world, admin_client):
    now = timezone.now()
    regions = world["regions"]
    source = world["source"]

    def at(region, when, **fields):
        release = Release.objects.create(
            page=source, region=region, go_live_at=when, **fields
        )
        return release

    late = at(regions["DK"], now - dt.timedelta(minutes=5))
    blocked = at(regions["BE"], now - dt.timedelta(hours=1), state=State.BLOCKED,
                 blocked_reason="The nl-be translation is not approved.")  # fmt: skip
    failed = at(regions["GB"], now - dt.timedelta(hours=2), state=State.FAILED,
                last_error="OperationalError: the database went away")  # fmt: skip
    upcoming = at(regions["AU"], now + dt.timedelta(hours=3))

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    attention, _, rest = html.partition("Next releases")
    for release in (late, blocked, failed):
        assert f'data-release="{release.pk}"' in attention
        assert f"#release-{release.pk}" in attention
    assert "scheduled, late" in attention
    assert "The nl-be translation is not approved." in attention
    assert "OperationalError: the database went away" in attention
    assert f'data-release="{upcoming.pk}"' in rest
    assert f'data-release="{upcoming.pk}"' not in attention
    assert "(UTC+11:00)" in rest or "(UTC+10:00)" in rest  # Sydney local time
    assert " UTC</td>" in rest


# Withdrawal -------------------------------------------------------------------


def test_withdraw_everywhere_confirms_on_get_and_acts_on_post(world, admin_client):
    dk = translate(world["source"], "da-dk")
    builders.publish_revision(dk.get_latest_revision())
    pending = builders.schedule(
        world["source"], world["regions"]["GB"], "2027-03-01 09:00"
    )
    url = reverse("campaign_releases:withdraw_campaign", args=[world["source"].pk])

    confirm = admin_client.get(url)
    html = confirm.content.decode()
    assert "(da-dk)" in html and "(en)" in html
    assert "United Kingdom (GB)" in html
    assert CampaignPage.objects.get(pk=dk.pk).live
    pending.refresh_from_db()
    assert pending.state == State.SCHEDULED

    response = admin_client.post(url)
    assert response.status_code == 302
    family = CampaignPage.objects.filter(
        translation_key=world["source"].translation_key
    )
    assert not family.filter(live=True).exists()
    pending.refresh_from_db()
    assert pending.state == State.WITHDRAWN


# Buttons -----------------------------------------------------------------------


def test_campaign_edit_view_and_listing_offer_the_rollout(world, admin_client):
    source = world["source"]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[source.pk]))
    assert plan_url(source) in edit.content.decode()
    assert (
        reverse("campaign_releases:withdraw_campaign", args=[source.pk])
        in edit.content.decode()
    )
    listing = admin_client.get(
        reverse("wagtailadmin_explore", args=[source.get_parent().pk])
    )
    assert plan_url(source) in listing.content.decode()
    home = builders.home()
    home_edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert f"/admin/releases/page/{home.pk}/" not in home_edit.content.decode()


def test_regional_editor_sees_no_withdraw_everywhere_button(world, django_user_model):
    _, client = regional_editor(django_user_model, "BE")
    url = reverse("campaign_releases:page", args=[world["source"].pk])
    html = client.get(url).content.decode()
    assert reverse("campaign_releases:plan", args=[world["source"].pk]) in html
    everywhere = reverse(
        "campaign_releases:withdraw_campaign", args=[world["source"].pk]
    )
    assert everywhere not in html
