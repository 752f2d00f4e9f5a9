"""Admin: warnings, their wordings and partners under one menu; the report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from outreach import admin_keys
from outreach.models import Partner, Warning, WarningVariant
from outreach.report import views


class WarningViewSet(SnippetViewSet):
    model = Warning
    icon = "warning"
    menu_label = _("Warnings")
    list_display = ["campaign", "active", "allocation"]


class WarningVariantViewSet(SnippetViewSet):
    model = WarningVariant
    icon = "doc-full"
    menu_label = _("Wordings")
    list_display = ["label", "headline", "warning", "locale", "active"]
    list_filter = ["warning", "locale", "active"]
    search_fields = ["label", "headline"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    list_display = ["name", "slug", "active", "rate_limit", "is_example"]
    list_filter = ["active"]
    search_fields = ["name", "slug"]


class OutreachGroup(SnippetViewSetGroup):
    menu_label = _("Outreach")
    menu_icon = "warning"
    menu_order = 260
    items = (WarningViewSet, WarningVariantViewSet, PartnerViewSet)


register_snippet(OutreachGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "outreach/partners/<int:pk>/key/",
            admin_keys.issue_key,
            name="outreach_issue_key",
        ),
        path("outreach/reach/", views.index, name="outreach_report_index"),
        path("outreach/reach/<int:campaign_id>/", views.report, name="outreach_report"),
        path(
            "outreach/reach/<int:campaign_id>/csv",
            views.report_csv,
            name="outreach_report_csv",
        ),
    ]


class ReachMenuItem(MenuItem):
    def is_shown(self, request):
        return views.allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_reach_menu():
    return ReachMenuItem(
        _("Reach"), reverse("outreach_report_index"), icon_name="table", order=270
    )


@hooks.register("register_snippet_listing_buttons")
def partner_key_button(snippet, user, next_url=None):
    if isinstance(snippet, Partner) and admin_keys.can_issue(user):
        yield Button(
            _("Issue a new API key"),
            reverse("outreach_issue_key", args=[snippet.pk]),
            icon_name="key",
            priority=50,
        )
