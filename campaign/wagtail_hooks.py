"""Admin: regions, legal texts and helplines as snippets under one menu, and
the release viewset with its page buttons and dashboard panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.models import Helpline, LegalText, Region
from campaign.releases import panel
from campaign.releases.viewset import campaign_buttons, release_viewset


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    menu_label = _("Regions")
    list_display = ["name", "code", "time_zone"]
    search_fields = ["name", "code"]


class LegalTextViewSet(SnippetViewSet):
    model = LegalText
    icon = "warning"
    menu_label = _("Legal texts")
    list_display = ["title", "region", "locale", "last_reviewed"]
    list_filter = ["region", "locale"]


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    list_display = ["name", "region", "locale", "phone"]
    list_filter = ["region", "locale"]
    search_fields = ["name"]


class CampaignSetupGroup(SnippetViewSetGroup):
    menu_label = _("Regions & help")
    menu_icon = "globe"
    menu_order = 250
    items = (RegionViewSet, LegalTextViewSet, HelplineViewSet)


register_snippet(CampaignSetupGroup)


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    actions.register_action(
        "campaign.release.override",
        _("Release gate overridden"),
        _("Allowed a release to publish without every approval"),
    )


@hooks.register("register_admin_viewset")
def register_release_viewset():
    return release_viewset


@hooks.register("construct_homepage_panels")
def add_releases_panel(request, panels):
    panel.add_panel(request, panels)


@hooks.register("register_page_header_buttons")
def page_header_release_buttons(page, user, view_name=None, next_url=None):
    yield from campaign_buttons(page, user, header=True)


@hooks.register("register_page_listing_more_buttons")
def page_listing_release_buttons(page, user, next_url=None):
    yield from campaign_buttons(page, user, header=False)
