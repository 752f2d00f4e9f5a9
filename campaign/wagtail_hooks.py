"""Admin: regions, legal texts and helplines as snippets under one menu, and
the release viewset with its page buttons and dashboard panel."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.search import SearchArea
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaign.models import Helpline, LegalText, Region, ShareImageFailure
from campaign.releases import panel
from campaign.releases.access import can_view_releases
from campaign.releases.viewset import campaign_buttons, release_viewset


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    menu_label = _("Regions")
    list_display = ["name", "code", "time_zone"]
    search_fields = ["name", "code", "time_zone"]


class LegalTextViewSet(SnippetViewSet):
    model = LegalText
    icon = "warning"
    menu_label = _("Legal texts")
    list_display = ["title", "region", "locale", "last_reviewed"]
    list_filter = ["region", "locale"]
    search_fields = ["title", "body", "region__name", "region__code"]


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    list_display = ["name", "region", "locale", "phone"]
    list_filter = ["region", "locale"]
    search_fields = ["name", "description", "phone", "region__name", "region__code"]


class CampaignSetupGroup(SnippetViewSetGroup):
    menu_label = _("Regions & help")
    menu_icon = "globe"
    menu_order = 250
    items = (RegionViewSet, LegalTextViewSet, HelplineViewSet)


register_snippet(CampaignSetupGroup)


class ListSearchArea(SearchArea):
    """A place of the admin search box ("Search" in the menu) that passes the
    query to a list's own search; shown to those who may open the list."""

    def __init__(self, *args, permission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return self.permission(request.user)


def _viewset_can_view(model):
    return lambda user: any(
        user.has_perm(f"campaign.{action}_{model._meta.model_name}")
        for action in ("view", "change", "add")
    )


@hooks.register("register_admin_search_area")
def register_helpline_search():
    return ListSearchArea(
        _("Helplines"),
        reverse("wagtailsnippets_campaign_helpline:list"),
        icon_name="help",
        order=300,
        permission=_viewset_can_view(Helpline),
    )


@hooks.register("register_admin_search_area")
def register_legal_text_search():
    return ListSearchArea(
        _("Legal texts"),
        reverse("wagtailsnippets_campaign_legaltext:list"),
        icon_name="warning",
        order=310,
        permission=_viewset_can_view(LegalText),
    )


@hooks.register("register_admin_search_area")
def register_region_search():
    return ListSearchArea(
        _("Regions"),
        reverse("wagtailsnippets_campaign_region:list"),
        icon_name="globe",
        order=320,
        permission=_viewset_can_view(Region),
    )


@hooks.register("register_admin_search_area")
def register_release_search():
    return ListSearchArea(
        _("Releases"),
        reverse("campaign_releases:index"),
        icon_name="time",
        order=330,
        permission=can_view_releases,
    )


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    actions.register_action(
        "campaign.release.override",
        _("Release gate overridden"),
        _("Allowed a release to publish without every approval"),
    )
    actions.register_action(
        "campaign.release.publish_now",
        _("Past release published at once"),
        _("Published a release whose go-live had passed, from the command line"),
    )
    actions.register_action(
        "campaign.share_images.failed",
        _("Share images not rendered"),
        _("The share images could not be drawn; the previous ones were kept"),
    )


@hooks.register("before_edit_page")
def warn_of_failed_share_images(request, page):
    """The editor says when the last rendering of the share cards failed:
    readers still see the previous cards, with their own alt text."""
    failure = ShareImageFailure.objects.filter(page_id=page.pk).first()
    if failure is None or request.method != "GET":
        return
    messages.warning(
        request,
        gettext(
            "The share images for the headline “%(headline)s” could not be "
            "drawn (%(error)s). The page keeps its previous share images and "
            "their alt text; publish again after shortening the headline."
        )
        % {
            "headline": Truncator(failure.headline).chars(80),
            "error": Truncator(failure.error).chars(120),
        },
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
