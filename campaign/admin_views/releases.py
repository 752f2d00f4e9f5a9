"""Rollouts, release timeline, dashboard panel and withdrawal (issue: publication).

The hooks live here; the views, form, timeline geometry and panel live in
the ``releases_*`` and ``timeline`` modules beside this one. Every view
checks permissions itself (``releases_access``): the buttons below are
hidden from those who may not use them, and that is all they do.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import releases_access as access
from . import releases_actions as actions
from . import releases_panel
from . import releases_views as views

app_name = "campaign_releases"
urlpatterns = [
    path("", views.ReleaseIndexView.as_view(), name="index"),
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
    path(
        "<int:release_id>/withdraw/",
        actions.WithdrawRegionView.as_view(),
        name="withdraw_region",
    ),
]


@hooks.register("register_admin_urls")
def register_release_urls():
    return [path("releases/", include((urlpatterns, app_name), namespace=app_name))]


class ReleasesMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_view_releases(request.user)


@hooks.register("register_admin_menu_item")
def register_releases_menu_item():
    return ReleasesMenuItem(
        _("Releases"),
        reverse("campaign_releases:index"),
        name="releases",
        icon_name="time",
        order=240,
    )


@hooks.register("construct_homepage_panels")
def add_releases_panel(request, panels):
    releases_panel.add_panel(request, panels)


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


@hooks.register("register_page_header_buttons")
def page_header_release_buttons(page, user, view_name=None, next_url=None):
    yield from campaign_buttons(page, user, header=True)


@hooks.register("register_page_listing_more_buttons")
def page_listing_release_buttons(page, user, next_url=None):
    yield from campaign_buttons(page, user, header=False)
