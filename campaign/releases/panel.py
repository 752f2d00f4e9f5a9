"""Dashboard panel: the next releases, and every one that needs a person."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaign.models import Release
from campaign.timezones import region_label, viewer_label

from . import access, readiness
from .progress import REFRESH_SECONDS, WINDOW, progress
from .timeline import state_label

State = Release.State
GRACE = Release.LATE_GRACE
UPCOMING = 10


class Entry:
    def __init__(self, release: Release, now):
        self.release = release
        self.local = region_label(release.go_live_at, release.region.zone)
        self.viewer = viewer_label(release.go_live_at)
        self.state = state_label(release, now)
        self.late = release.is_late(now)
        self.will_block = (
            readiness.will_block(release, now)
            if release.state == Release.State.SCHEDULED
            else []
        )
        self.url = (
            reverse("campaign_releases:rollout", args=[release.rollout_id])
            if release.rollout_id
            else reverse("campaign_releases:page", args=[release.page_id])
        ) + f"#release-{release.pk}"


def waves_going_live(releases, now) -> list:
    """(campaign title, progress) of each campaign with a release due now."""
    due = releases.filter(
        state=State.SCHEDULED, go_live_at__lte=now + WINDOW
    ).values_list("page_id", flat=True)
    waves = []
    for page_id in sorted(set(due)):
        mine = list(releases.filter(page_id=page_id))
        waves.append((mine[0].page.title, progress(mine, now)))
    return waves


class ReleasesPanel(Component):
    name = "campaign_releases"
    template_name = "campaign/admin/releases_panel.html"
    order = 90

    def __init__(self, now=None):
        self.now = now

    class Media:
        css = {"all": ["css/admin-releases.css"]}

    def get_context_data(self, parent_context):
        now = self.now or timezone.now()
        releases = Release.objects.select_related("region", "page", "rollout")
        upcoming = releases.filter(
            state=State.SCHEDULED, go_live_at__gte=now - GRACE
        ).order_by("go_live_at", "region__code")[:UPCOMING]
        attention = releases.filter(
            Q(state__in=[State.BLOCKED, State.FAILED])
            | Q(state=State.SCHEDULED, go_live_at__lt=now - GRACE)
        ).order_by("go_live_at", "region__code")
        return {
            "waves": waves_going_live(releases, now),
            "refresh_seconds": REFRESH_SECONDS,
            "upcoming": [Entry(release, now) for release in upcoming],
            "attention": [Entry(release, now) for release in attention],
            "index_url": reverse("campaign_releases:index"),
        }


def add_panel(request, panels) -> None:
    if access.can_view_releases(request.user):
        panels.append(ReleasesPanel())
