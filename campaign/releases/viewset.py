"""The release admin as a Wagtail viewset: rollouts, timelines, withdrawal.

The views, form, timeline geometry and dashboard panel live in the modules
beside this one. Every view checks permissions itself (``access``): the
buttons below are hidden from those who may not use them, and that is all
they do.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import access, actions, calendar, legal, views


class ReleasesMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_view_releases(request.user)


class ReleaseViewSet(ViewSet):
    """The release admin under /admin/releases/, registered through
    ``register_admin_viewset`` (campaign/wagtail_hooks.py) the way Wagtail
    registers its own: the URLs and the menu item come from here."""

    name = "campaign_releases"
    url_prefix = "releases"
    icon = "time"
    menu_label = _("Releases")
    menu_name = "releases"
    menu_order = 240
    add_to_admin_menu = True
    menu_item_class = ReleasesMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.ReleaseIndexView.as_view(), name="index"),
            path("calendar/", calendar.CalendarView.as_view(), name="calendar"),
            path("calendar.csv", calendar.export_csv, name="calendar_csv"),
            path("calendar.ics", calendar.export_ics, name="calendar_ics"),
            path("page/<int:page_id>/", views.PageTimelineView.as_view(), name="page"),
            path("page/<int:page_id>/plan/", views.RolloutView.as_view(), name="plan"),
            path(
                "page/<int:page_id>/withdraw/",
                actions.WithdrawCampaignView.as_view(),
                name="withdraw_campaign",
            ),
            path(
                "rollout/<int:rollout_id>/",
                views.RolloutTimelineView.as_view(),
                name="rollout",
            ),
            path(
                "<int:release_id>/override/",
                actions.OverrideGateView.as_view(),
                name="override",
            ),
            path("legal/", legal.LegalDueView.as_view(), name="legal"),
            path(
                "legal/<int:text_id>/sign-off/",
                legal.SignOffView.as_view(),
                name="legal_sign_off",
            ),
            path(
                "<int:release_id>/withdraw/",
                actions.WithdrawRegionView.as_view(),
                name="withdraw_region",
            ),
        ]


release_viewset = ReleaseViewSet()


def campaign_buttons(page, user, *, header: bool):
    """Plan a rollout, see the timeline and, in the header, withdraw."""
    if not access.is_campaign(page):
        return
    if access.can_schedule(user):
        yield PageMenuItem(
            _("Plan a rollout"),
            reverse("campaign_releases:plan", args=[page.pk]),
            icon_name="time",
            priority=35,
            page=page,
        )
    if access.can_view_releases(user):
        yield PageMenuItem(
            _("Release timeline"),
            reverse("campaign_releases:page", args=[page.pk]),
            icon_name="history",
            priority=36,
            page=page,
        )
    if header and access.can_withdraw_campaign(user):
        yield PageMenuItem(
            _("Withdraw everywhere"),
            reverse("campaign_releases:withdraw_campaign", args=[page.pk]),
            icon_name="warning",
            priority=80,
            page=page,
        )
