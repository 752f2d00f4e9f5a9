"""Who may see, schedule, override and withdraw releases.

Every release view checks here on the server; hidden buttons are only a
courtesy. A regional editor acts on the regions ``Region.editable_by``
gives them, and nowhere else.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from campaign.models import CampaignPage, Region, Release, source_page


def can_view_releases(user) -> bool:
    return user.has_perm("campaign.view_release") or user.has_perm(
        "campaign.add_release"
    )


def editable_regions(user):
    return Region.editable_by(user)


def can_schedule(user) -> bool:
    return editable_regions(user).exists()


def can_edit_region(user, region: Region) -> bool:
    return editable_regions(user).filter(pk=region.pk).exists()


def can_override(user, release: Release) -> bool:
    return user.has_perm("campaign.override_gate") and can_edit_region(
        user, release.region
    )


def can_withdraw_campaign(user) -> bool:
    return user.has_perm("campaign.withdraw_campaign")


def is_campaign(page: Page) -> bool:
    model = page.specific_class
    return model is not None and issubclass(model, CampaignPage)


def campaign_or_404(page_id: int) -> CampaignPage:
    """The campaign's source page, from the id of any of its translations."""
    page = get_object_or_404(Page, pk=page_id)
    if not is_campaign(page):
        raise Http404("not a campaign page")
    return source_page(page.specific)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
